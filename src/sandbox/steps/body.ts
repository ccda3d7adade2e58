/** Step 5 of contract §2: Content-Type, size, JSON object, field rules (400; contract §3). */
import { seedMessages } from '../../contract/responses.js';
import { utcDate } from '../../contract/calendar.js';
import { errorOutcome } from '../error-outcome.js';
import type { Step } from '../pipeline.js';

/** `application/json`, any case, parameters (e.g. charset) allowed. */
const jsonMediaType = /^application\/json[ \t]*(?:;.*)?$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export const body: Step = (x, p) => {
  if (x.body.tooLarge) return errorOutcome(p, 400, `Request body exceeds ${p.env.profile.maxBodyBytes} bytes`);
  const contentType = x.headers['content-type'];
  if (contentType === undefined || !jsonMediaType.test(contentType)) {
    return errorOutcome(p, 400, 'Content-Type must be application/json');
  }
  let text: string;
  try {
    text = utf8.decode(x.body.bytes);
  } catch {
    return errorOutcome(p, 400, 'Request body is not valid UTF-8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return errorOutcome(p, 400, 'Request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return errorOutcome(p, 400, 'Request body must be a JSON object');
  }
  const user = parsed as { readonly [field: string]: unknown };
  const fieldErrors = p.hooks.fieldErrors(user, utcDate(x.nowMs));
  if (fieldErrors.length > 0) return errorOutcome(p, 400, seedMessages[400], fieldErrors);
  x.user = user;
  x.bodyText = text;
  return undefined;
};
