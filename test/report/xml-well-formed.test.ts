import { describe, expect, it } from 'vitest';
import { findAll, parseXml } from './xml-well-formed.js';

describe('parseXml (the test helper that checks JUnit output)', () => {
  it('parses elements, attributes and references', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a x="1 &amp; 2" y=\'&#10;\'><b>t &lt;&#x41;&gt;</b><b/></a>\n');
    expect(root.attributes).toEqual({ x: '1 & 2', y: '\n' });
    expect(findAll(root, 'b').map((b) => b.text)).toEqual(['t <A>', '']);
  });

  it.each([
    ['mismatched tags', '<a><b></a></b>'],
    ['unclosed element', '<a><b></b>'],
    ['raw < in an attribute', '<a x="<"/>'],
    ['bare ampersand', '<a>fish & chips</a>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['forbidden character', '<a>\u0001</a>'],
    ['forbidden character reference', '<a>&#1;</a>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['unquoted attribute', '<a x=1/>'],
    ['two roots', '<a/><b/>'],
    ['lone surrogate', '<a>\uD800</a>'],
  ])('rejects %s', (_, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});
