/** The stall breaker (src/http/with-stall-breaker.ts): a target that stopped answering costs a few deadlines, not one per request. */
import { describe, expect, it } from 'vitest';
import type { ExchangeDraft, WireRequest } from '../../src/http/dispatch.js';
import { withStallBreaker } from '../../src/http/with-stall-breaker.js';

const request: WireRequest = { method: 'POST', path: '/v1/users', headers: { 'X-Api-Key': 'pk' }, body: new TextEncoder().encode('{}'), attempt: 1 };
const draft = (outcome: Pick<ExchangeDraft, 'response' | 'error'>): ExchangeDraft => ({ request: { method: 'POST', url: 'http://t/v1/users', path: '/v1/users', headers: {} }, attempt: 1, sentAtMs: 0, durationMs: 1000, ...outcome });
const timeout = draft({ error: { code: 'timeout', message: 'no response within 1000 ms' } });
const answer = draft({ response: { status: 201, headers: {}, body: '{}' } });

/** A transport that plays `outcomes` in order and counts what it was asked to send. */
function scripted(outcomes: ExchangeDraft[]) {
  let sent = 0;
  return { transport: async () => outcomes[sent++] ?? answer, sent: () => sent };
}

const breakerOn = (transport: (r: WireRequest) => Promise<ExchangeDraft>) => withStallBreaker(transport, { origin: 'http://t', consecutiveTimeouts: 3, timeoutMs: 1000, now: () => 42 });

describe('withStallBreaker', () => {
  it('stops sending after 3 timeouts in a row and fails the rest at once, saying why', async () => {
    const target = scripted([timeout, timeout, timeout]);
    const send = breakerOn(target.transport);
    for (let i = 0; i < 3; i++) expect((await send(request)).error?.code).toBe('timeout');
    const skipped = await send(request);
    expect(target.sent()).toBe(3);
    expect(skipped).toMatchObject({ durationMs: 0, sentAtMs: 42, request: { url: 'http://t/v1/users', body: '{}' }, error: { code: 'timeout' } });
    expect(skipped.error?.message).toMatch(/not sent: the target's last 3 requests got no complete response within 1000 ms/);
  });

  it('counts only timeouts in a row: an answer or a reset in between starts again', async () => {
    const reset = draft({ error: { code: 'connection-reset', message: 'reset' } });
    const target = scripted([timeout, timeout, answer, timeout, timeout, reset, timeout, timeout, answer]);
    const send = breakerOn(target.transport);
    for (let i = 0; i < 9; i++) await send(request);
    expect(target.sent()).toBe(9);
  });
});
