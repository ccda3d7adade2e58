import { describe, expect, it } from 'vitest';
import { isValidEmail } from '../../src/contract/email.js';

const label63 = 'a'.repeat(63);

describe('isValidEmail (contract §3)', () => {
  it.each([
    'zoe@example.com',
    "o'brien@example.ca",
    'jean-luc+partner@mail.example.org',
    'first.last@example.co.uk',
    '.leading.dot@example.com',
    'double..dot@example.com',
    "!#$%&'*+/=?^_`{|}~-@example.com",
    'x@a.io',
    'ZOE@EXAMPLE.COM',
    'zoe@xn--bcher-kva.example',
    'zoe@1.2.3.4',
    `${'a'.repeat(64)}@example.com`,
    `zoe@${label63}.com`,
    // exactly 254 characters: 64 + 1 + 63 + 1 + 63 + 1 + 61
    `${'a'.repeat(64)}@${label63}.${label63}.${'b'.repeat(61)}`,
  ])('accepts %s', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each([
    ['no @', 'zoe.example.com'],
    ['two @', 'zoe@x@example.com'],
    ['empty local part', '@example.com'],
    ['empty domain', 'zoe@'],
    ['no dot in the domain', 'zoe@localhost'],
    ['local part of 65', `${'a'.repeat(65)}@example.com`],
    ['255 characters', `${'a'.repeat(64)}@${label63}.${label63}.${'b'.repeat(62)}`],
    ['label of 64', `zoe@${'a'.repeat(64)}.com`],
    ['leading hyphen in a label', 'zoe@-example.com'],
    ['trailing hyphen in a label', 'zoe@example-.com'],
    ['empty label', 'zoe@example..com'],
    ['trailing dot', 'zoe@example.com.'],
    ['leading dot in the domain', 'zoe@.example.com'],
    ['space', 'zoe @example.com'],
    ['non-ASCII local part', 'zoë@example.com'],
    ['IDN domain', 'zoe@bücher.example'],
    ['quoted local part', '"zoe"@example.com'],
    ['display name', 'Zoë <zoe@example.com>'],
    ['underscore in the domain', 'zoe@exa_mple.com'],
    ['address literal', 'zoe@[192.0.2.1]'],
    ['trailing newline', 'zoe@example.com\n'],
    ['empty', ''],
  ])('rejects %s', (_, email) => {
    expect(isValidEmail(email)).toBe(false);
  });
});
