/** `summary.json`: the run as stable, versioned, pretty JSON for tools. */
import { sectionTitles } from '../checks/check.js';
import type { CheckResult, Failure, RunSummary } from '../checks/failure.js';
import type { Exchange } from '../http/exchange.js';
import { jsonText } from './json-text.js';
import { runVerdict } from './run-verdict.js';

/** Bumped on any incompatible change to the shape below. */
export const summarySchemaVersion = 1;

// Keys are written in a fixed order; optional fields are left out when absent.
// The parsed `json` of a response is dropped: `body` holds the same text.
function exchangeJson(exchange: Exchange): object {
  const { response } = exchange;
  return {
    id: exchange.id,
    sentAtMs: exchange.sentAtMs,
    durationMs: exchange.durationMs,
    attempt: exchange.attempt,
    canonicalString: exchange.canonicalString,
    request: {
      method: exchange.request.method,
      url: exchange.request.url,
      path: exchange.request.path,
      headers: exchange.request.headers,
      body: exchange.request.body,
    },
    response: response && {
      status: response.status,
      headers: response.headers,
      body: response.body,
      bodyTruncated: response.bodyTruncated,
    },
    error: exchange.error,
  };
}

function failureJson(failure: Failure): object {
  return {
    id: failure.id,
    message: failure.message,
    expected: failure.expected,
    actual: failure.actual,
    seed: failure.seed,
    path: failure.path,
    counterexample: failure.counterexample,
    curl: failure.curl,
    replay: failure.replay,
    exchanges: failure.exchanges.map(exchangeJson),
  };
}

function checkJson(check: CheckResult): object {
  return {
    section: check.section,
    sectionTitle: sectionTitles[check.section],
    statement: check.statement,
    status: check.status,
    reason: check.reason,
    requests: check.requests,
    durationMs: check.durationMs,
    runs: check.runs,
    seed: check.seed,
    failures: check.failures.map(failureJson),
  };
}

/**
 * The RunSummary as pretty JSON (2-space indent, trailing newline) with a
 * `schemaVersion`, the verdict, and `checks` keyed by check id in run order.
 * Each failure carries its exchanges (request and response), seed, path,
 * counterexample, curl and replay commands.
 */
export function renderSummaryJson(summary: RunSummary): string {
  const verdict = runVerdict(summary);
  const document = {
    schemaVersion: summarySchemaVersion,
    runId: summary.runId,
    tool: summary.tool,
    target: summary.target,
    startedAt: summary.startedAt,
    durationMs: summary.durationMs,
    complete: summary.complete,
    seed: summary.seed,
    verdict: { outcome: verdict.outcome, headline: verdict.headline },
    totals: summary.totals,
    checks: Object.fromEntries(summary.checks.map((check) => [check.checkId, checkJson(check)])),
  };
  return `${jsonText(document)}\n`;
}
