/** The hostile-target matrix: every server that misbehaves outside any contract, with what a user should hear about it. */
import { startCloseMidBody } from './servers/close-mid-body.js';
import { startConnectionReset } from './servers/connection-reset.js';
import { startHeadersThenStall } from './servers/headers-then-stall.js';
import type { HostileServer } from './servers/hostile-server.js';
import { startHtmlErrorPage } from './servers/html-error-page.js';
import { startHttp10 } from './servers/http-1-0.js';
import { startHugeBody } from './servers/huge-body.js';
import { startInvalidJson } from './servers/invalid-json.js';
import { startNeverAnswering } from './servers/never-answering.js';
import { startNothingListening } from './servers/nothing-listening.js';
import { startRedirecting } from './servers/redirecting.js';
import { expect } from 'vitest';
import { startSlowlorisBody, startSlowlorisResponse } from './servers/slowloris-response.js';

export interface HostileCase {
  readonly name: string;
  readonly start: () => Promise<HostileServer>;
  /**
   * What conformance must conclude: `unreachable` (exit 2 before any check:
   * no HTTP response ever started, so the URL is most likely wrong) or
   * `failed` (exit 1: it speaks HTTP but breaks the contract), with a
   * pattern the output must match to say what happened.
   */
  readonly conformance: { readonly exit: 1 | 2; readonly says: RegExp };
  /** Outcomes the load run records, `error:<code>` or a status. */
  readonly load: RegExp;
  /** More to assert once a conformance run is over, given the server and the exchanges of its failures. */
  readonly afterConformance?: (server: HostileServer, exchanges: readonly RecordedExchange[]) => void;
}

/** An exchange as summary.json records it. */
export interface RecordedExchange {
  readonly response?: { readonly status: number; readonly body: string; readonly bodyTruncated?: boolean };
  readonly error?: { readonly code: string; readonly message: string; readonly status?: number };
}

export const hostileCases: readonly HostileCase[] = [
  { name: 'nothing listening', start: startNothingListening, conformance: { exit: 2, says: /Cannot reach the target .*connection-refused/ }, load: /error:connection-refused/ },
  { name: 'never answering', start: startNeverAnswering, conformance: { exit: 2, says: /Cannot reach the target .*timeout \(no response within 1000 ms\)/ }, load: /error:timeout/ },
  { name: 'connection reset', start: startConnectionReset, conformance: { exit: 2, says: /Cannot reach the target .*connection-reset/ }, load: /error:connection-reset/ },
  { name: 'headers then stall', start: startHeadersThenStall, conformance: { exit: 1, says: /did not answer \(timeout\)/ }, load: /error:timeout/ },
  { name: 'close mid-body', start: startCloseMidBody, conformance: { exit: 1, says: /did not answer \(invalid-response\)/ }, load: /error:invalid-response/ },
  { name: 'invalid JSON', start: startInvalidJson, conformance: { exit: 1, says: /not json at all/ }, load: /201/ },
  {
    name: '50 MB body',
    start: startHugeBody,
    conformance: { exit: 1, says: /✗ valid-user-created/ },
    load: /201/,
    // The recording is cut at the client's 1 MiB limit and the rest is never read.
    afterConformance: (server, exchanges) => {
      const answered = exchanges.filter((e) => e.response);
      expect(answered.length).toBeGreaterThan(0);
      for (const { response } of answered) expect([response!.body.length, response!.bodyTruncated]).toEqual([1024 * 1024, true]);
      expect((server as Awaited<ReturnType<typeof startHugeBody>>).sentBytes()).toBeLessThan(server.hits() * 16 * 1024 * 1024);
    },
  },
  { name: 'slowloris response', start: startSlowlorisResponse, conformance: { exit: 2, says: /Cannot reach the target .*timeout \(no response within 1000 ms\)/ }, load: /error:timeout/ },
  { name: 'slowloris body', start: startSlowlorisBody, conformance: { exit: 1, says: /did not answer \(timeout\)/ }, load: /error:timeout/ },
  { name: 'HTML error pages', start: startHtmlErrorPage, conformance: { exit: 1, says: /502 Bad Gateway/ }, load: /50[23]/ },
  {
    name: 'redirects',
    start: startRedirecting,
    conformance: { exit: 1, says: /→ 30[127]/ },
    load: /30[127]/,
    // A redirect is an answer to judge, never followed: the signature covers the path that was signed.
    afterConformance: (server) => expect((server as Awaited<ReturnType<typeof startRedirecting>>).followed()).toBe(0),
  },
  { name: 'HTTP/1.0', start: startHttp10, conformance: { exit: 1, says: /→ 200/ }, load: /200/ },
];
