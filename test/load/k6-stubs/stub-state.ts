/**
 * What the stub k6 modules record and where they get their answers, shared
 * through globalThis (a bundle imports the stubs by file URL, the test by
 * relative path: one object whatever the module instances).
 */

export interface StubRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
}

export interface StubResponse {
  readonly status: number;
  /** k6 canonical header names (`Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly durationMs: number;
}

export interface K6StubState {
  /** The backend of k6/http: synchronous, as k6's is. */
  send(request: StubRequest): StubResponse;
  readonly requests: StubRequest[];
  readonly samples: { metric: string; kind: string; value: number; tags?: Record<string, string> }[];
  readonly checks: { name: string; passed: boolean }[];
  readonly sleeps: number[];
  expectedStatuses?: unknown[];
  execution: { scenario: { name: string; iterationInTest: number }; vu: { idInTest: number; iterationInScenario: number } };
}

declare global {
  var __k6Stub: K6StubState | undefined;
}

/** The current stub state; fails loudly when a bundle runs without one. */
export function stubState(): K6StubState {
  const state = globalThis.__k6Stub;
  if (!state) throw new Error('k6 stubs: call resetStubState() before loading a bundle');
  return state;
}

/** Fresh state with `send` as the HTTP backend (default: 201 with a fixed userId). */
export function resetStubState(send?: K6StubState['send']): K6StubState {
  globalThis.__k6Stub = {
    send: send ?? (() => ({ status: 201, headers: { 'Content-Type': 'application/json' }, body: '{"userId":"00000000-0000-4000-8000-000000000000"}', durationMs: 1 })),
    requests: [],
    samples: [],
    checks: [],
    sleeps: [],
    execution: { scenario: { name: 'default', iterationInTest: 0 }, vu: { idInTest: 1, iterationInScenario: 0 } },
  };
  return globalThis.__k6Stub;
}
