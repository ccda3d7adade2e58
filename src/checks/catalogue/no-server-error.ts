import type { ScenarioCheck } from '../check.js';
import { outcome } from '../expect.js';
import { hostileBodyText, type HostileBody } from '../support/hostile-body.js';
import { runWideViolation, type Offence } from '../support/run-wide.js';
import { sampleUser } from '../support/sample-user.js';

/**
 * Contract §5, run-wide: "a server error is never an acceptable answer to any
 * client input": no exchange of the run so far got a 5xx. Sends a few hostile
 * bodies of its own first. Runs after the other checks.
 */
export const noServerError: ScenarioCheck = {
  kind: 'scenario',
  id: 'no-server-error',
  section: '§5',
  statement: 'no request of the whole run got a 5xx answer',
  tags: ['server-error', 'run-wide'],
  async run(context) {
    // A few hostile bodies of its own, so that the check means something when run alone.
    const user = sampleUser(context, { seed: 4 });
    const probes: HostileBody[] = [
      { kind: 'user with an unusual valid name', user: { ...user, firstName: 'Zoë', lastName: 'Nguyễn'.normalize('NFD') } },
      { kind: 'user with a hostile property', user, property: 'firstName', raw: '"\\ud800"' },
      { kind: 'user with a hostile property', user, property: 'city', raw: '"Montr\\u0000al"' },
      { kind: 'user with a hostile property', user, property: 'isCiroAffiliate', raw: '1e999' },
      { kind: 'user with a hostile property', user, property: 'address', raw: '['.repeat(2000) + ']'.repeat(2000) },
      { kind: 'json value', text: '"' + '\\u0000'.repeat(100) + '"' },
    ];
    for (const probe of probes) await context.client.send({ body: hostileBodyText(probe, context.uniqueExternalId()) });
    const exchanges = context.recordedExchanges();
    const offences: Offence[] = exchanges
      .filter((exchange) => (exchange.response?.status ?? 0) >= 500)
      .map((exchange) => ({ exchange, problem: outcome(exchange) }));
    if (offences.length > 0) {
      throw runWideViolation(
        'contract §5: a server error is never an acceptable answer to any client input',
        offences,
        exchanges.length,
        'no 5xx in the run',
      );
    }
  },
};
