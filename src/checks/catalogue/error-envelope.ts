import { addDays } from '../../contract/calendar.js';
import { errorCodes, type ErrorStatus } from '../../contract/responses.js';
import { latestAdultBirthDate } from '../../fixtures/index.js';
import type { Exchange } from '../../http/exchange.js';
import type { ScenarioCheck } from '../check.js';
import type { CheckContext } from '../check-context.js';
import { expectEnvelope } from '../expect.js';
import { isViolation } from '../violation.js';
import { runWideViolation, type Offence } from '../support/run-wide.js';
import { sampleUser } from '../support/sample-user.js';

const errorStatuses = Object.keys(errorCodes).map(Number) as ErrorStatus[];
const isErrorStatus = (status: number): status is ErrorStatus => (errorStatuses as number[]).includes(status);

/** Provokes one of each 400, 401, 409 and 422, so that the check means something when run alone. */
async function provokeErrors(context: CheckContext): Promise<void> {
  await context.client.send({ body: '{"externalId":' });
  await context.client.send({ json: sampleUser(context), sign: false });
  const user = sampleUser(context, { seed: 2 });
  await context.client.send({ json: user });
  await context.client.send({ json: user });
  // Over a year short of the minimum age: a minor on any clock, far from the boundary.
  const minor = addDays(latestAdultBirthDate(context.serverToday(), context.profile.age.minimumYears), 400);
  await context.client.send({ json: sampleUser(context, { dateOfBirth: minor, seed: 3 }) });
}

/** Why `exchange`'s error response is not the envelope of contract §5, if it is not. */
function envelopeProblem(exchange: Exchange, status: ErrorStatus): string | undefined {
  let envelope: Record<string, unknown>;
  try {
    envelope = expectEnvelope(exchange, status, `the ${status}`);
  } catch (error) {
    if (isViolation(error)) return error.message;
    throw error;
  }
  const { fieldErrors } = envelope;
  if (fieldErrors === undefined) return undefined;
  const wellFormed =
    Array.isArray(fieldErrors) &&
    fieldErrors.every((e) => typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string');
  return wellFormed ? undefined : `the ${status} has fieldErrors ${JSON.stringify(fieldErrors).slice(0, 120)}, not a list of {field, message}`;
}

/**
 * Contract §5, run-wide: every error response of the run so far (400, 401,
 * 409, 422, 429, 500) is `application/json` (charset allowed) with `error`
 * matching its status, a non-empty `message` and `requestId`, and any
 * `fieldErrors` a list of `{field, message}`. Provokes a 400, 401, 409 and
 * 422 of its own first. Runs after the other checks.
 */
export const errorEnvelope: ScenarioCheck = {
  kind: 'scenario',
  id: 'error-envelope',
  section: '§5',
  statement: 'every error response of the run is a JSON envelope with error matching its status, a message and a requestId',
  tags: ['envelope', 'run-wide'],
  async run(context) {
    await provokeErrors(context);
    const exchanges = context.recordedExchanges();
    const offences: Offence[] = [];
    for (const exchange of exchanges) {
      const status = exchange.response?.status;
      // A response to HEAD has no body by definition (RFC 9110), so no envelope either.
      if (status === undefined || !isErrorStatus(status) || exchange.request.method.toUpperCase() === 'HEAD') continue;
      const problem = envelopeProblem(exchange, status);
      if (problem) offences.push({ exchange, problem });
    }
    if (offences.length > 0) {
      throw runWideViolation(
        'contract §5: every error is an application/json envelope {error, message, requestId} with error matching its status',
        offences,
        exchanges.length,
        'the error envelope on every 400, 401, 409, 422, 429 and 500',
      );
    }
  },
};
