/**
 * Email syntax of contract §3: the WHATWG "valid email address" production,
 * at most 254 characters, a local part of at most 64, and a domain with at
 * least one dot.
 */
const whatwgEmail =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export const maxEmailLocalPartLength = 64;

export function isValidEmail(value: string): boolean {
  if (value.length > 254 || !whatwgEmail.test(value)) return false;
  const at = value.indexOf('@');
  return at <= maxEmailLocalPartLength && value.slice(at + 1).includes('.');
}
