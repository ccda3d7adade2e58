import type { Exchange } from '../../http/exchange.js';
import type { ScenarioCheck } from '../check.js';
import type { CheckContext } from '../check-context.js';
import { requestHeader, runWideViolation, type Offence } from '../support/run-wide.js';

const requestIdOf = (exchange: Exchange): string | undefined => {
  const json = exchange.response?.json;
  const id = typeof json === 'object' && json !== null ? (json as { requestId?: unknown }).requestId : undefined;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
};

/**
 * Exchanges that may legitimately repeat a requestId: replays (contract §4:
 * `Idempotent-Replayed: true`, or any request whose Idempotency-Key another
 * request of the run also carried, since the replay header is optional).
 */
function replayLike(context: CheckContext, exchanges: readonly Exchange[]): Set<Exchange> {
  const header = context.profile.headers.idempotencyKey;
  const keyUses = new Map<string, number>();
  for (const exchange of exchanges) {
    const key = requestHeader(exchange, header);
    if (key !== undefined) keyUses.set(key, (keyUses.get(key) ?? 0) + 1);
  }
  return new Set(
    exchanges.filter((exchange) => {
      const key = requestHeader(exchange, header);
      return exchange.response?.headers['idempotent-replayed']?.trim().toLowerCase() === 'true' || (key !== undefined && keyUses.get(key)! > 1);
    }),
  );
}

/**
 * Contract §5, run-wide: every non-replayed response has a fresh requestId:
 * no two responses of the run share one, except replays of a stored result.
 * Provokes a few errors of its own first. Runs after the other checks.
 */
export const freshRequestIds: ScenarioCheck = {
  kind: 'scenario',
  id: 'fresh-request-ids',
  section: '§5',
  statement: 'every non-replayed response of the run carries a requestId no other response had',
  tags: ['envelope', 'request-id', 'run-wide'],
  async run(context) {
    for (const body of ['{', '[1,', '']) await context.client.send({ body });
    await context.client.send({ json: {}, sign: false });
    const exchanges = context.recordedExchanges();
    const replays = replayLike(context, exchanges);
    const firstWith = new Map<string, Exchange>();
    const offences: Offence[] = [];
    for (const exchange of exchanges) {
      const requestId = requestIdOf(exchange);
      if (requestId === undefined || replays.has(exchange)) continue;
      const earlier = firstWith.get(requestId);
      if (earlier) offences.push({ exchange, problem: `requestId ${JSON.stringify(requestId)} was already sent in ${earlier.id}` });
      else firstWith.set(requestId, exchange);
    }
    if (offences.length > 0) {
      throw runWideViolation(
        'contract §5: every non-replayed response has a fresh requestId',
        offences,
        exchanges.length,
        'a requestId never seen before in the run, on every non-replayed response',
      );
    }
  },
};
