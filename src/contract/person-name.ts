/**
 * Names of contract §3: any Unicode letters (with their combining marks),
 * spaces, apostrophes and hyphens; no control characters. Zoë, Nguyễn,
 * O'Brien and Jean-Luc are all valid.
 */
const personName = /^[\p{L}\p{M} '-]+$/u;

export const isValidPersonName = (value: string): boolean => personName.test(value);
