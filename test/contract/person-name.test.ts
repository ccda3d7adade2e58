import { describe, expect, it } from 'vitest';
import { isValidPersonName } from '../../src/contract/person-name.js';

describe('isValidPersonName (contract §3)', () => {
  it.each([
    ['Zoë (NFC)', 'Zoë'.normalize('NFC')],
    ['Zoë (NFD)', 'Zoë'.normalize('NFD')],
    ['Nguyễn (NFC)', 'Nguyễn'.normalize('NFC')],
    ['Nguyễn (NFD)', 'Nguyễn'.normalize('NFD')],
    ["O'Brien", "O'Brien"],
    ['Jean-Luc', 'Jean-Luc'],
    ['Mary Ann', 'Mary Ann'],
    ['Greek', 'Ελένη'],
    ['Cyrillic', 'Дмитрий'],
    ['Arabic', 'محمد'],
    ['Hebrew', 'שרה'],
    ['Devanagari with vowel signs', 'प्रिया'],
    ['Thai', 'สมชาย'],
    ['CJK', '王小明'],
    ['astral CJK', '𠮷田'],
    ['Hangul', '김민준'],
    ['one letter', 'X'],
  ])('accepts %s', (_, name) => {
    expect(isValidPersonName(name)).toBe(true);
  });

  it.each([
    ['a digit', 'Zoë2'],
    ['an Arabic-Indic digit', 'Zo٣ë'],
    ['NUL', 'Zo\u0000ë'],
    ['a tab inside', 'Jean\tLuc'],
    ['a newline inside', 'Jean\nLuc'],
    ['DEL', 'Zo\u007fë'],
    ['a C1 control', 'Zo\u0085ë'],
    ['an emoji', 'Zoë 😀'],
    ['a flag', 'Zoë🇨🇦'],
    ['an underscore', 'Jean_Luc'],
    ['a period', 'Dr. Smith'],
    ['a comma', 'Smith, John'],
    ['markup', '<b>Zoë</b>'],
    ['a no-break space', 'Mary\u00a0Ann'],
    ['a zero-width joiner', 'Zo\u200dë'],
    ['empty', ''],
  ])('rejects a name with %s', (_, name) => {
    expect(isValidPersonName(name)).toBe(false);
  });
});
