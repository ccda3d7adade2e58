/**
 * A small XML 1.0 well-formedness parser for tests (no dependency): checks
 * the characters XML allows, tag nesting, quoted and unique attributes, and
 * entity and character references, and returns the element tree with
 * references decoded. Throws an Error naming the offset of the first problem.
 * No DTDs, no CDATA (the reporters emit neither).
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (not its descendants'), decoded. */
  text: string;
}

const xmlChar = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const namePattern = /^[A-Za-z_:][-A-Za-z0-9._:]*/;
const predefined: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlCodePoint(code: number): boolean {
  return String.fromCodePoint(code).match(xmlChar) !== null && code !== 0;
}

/** Parses `xml`, throwing on the first well-formedness error. */
export function parseXml(xml: string): XmlElement {
  if (!xmlChar.test(xml)) {
    const at = [...xml].findIndex((c) => !xmlChar.test(c));
    throw new Error(`character not allowed in XML 1.0 at code point index ${at}`);
  }
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const skipSpace = (): void => {
    while (i < xml.length && ' \t\r\n'.includes(xml[i]!)) i++;
  };
  const readName = (): string => {
    const match = namePattern.exec(xml.slice(i, i + 200));
    if (!match) fail('expected a name');
    i += match![0].length;
    return match![0];
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) throw new Error(`unterminated reference ${JSON.stringify(whole)}`);
      if (ref in predefined) return predefined[ref]!;
      const code = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      if (Number.isNaN(code) || code > 0x10ffff || !isXmlCodePoint(code)) throw new Error(`invalid reference &${ref};`);
      return String.fromCodePoint(code);
    });
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<?', i)) {
        const end = xml.indexOf('?>', i + 2);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else return;
    }
  };

  const parseElement = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
    const attributes = element.attributes as Record<string, string>;
    for (;;) {
      const hadSpace = ' \t\r\n'.includes(xml[i] ?? '');
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return element;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (!hadSpace) fail('expected whitespace before an attribute');
      const name = readName();
      if (name in attributes) fail(`duplicate attribute ${name}`);
      skipSpace();
      if (xml[i] !== '=') fail('expected =');
      i++;
      skipSpace();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = xml.indexOf(quote!, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = xml.slice(i + 1, end);
      if (raw.includes('<')) fail('< in an attribute value');
      attributes[name] = decode(raw).replace(/[\t\n\r]/g, (c) => (raw.includes(c) ? ' ' : c));
      i = end + 1;
    }
    for (;;) {
      const next = xml.indexOf('<', i);
      if (next < 0) fail(`unclosed element <${element.name}>`);
      const raw = xml.slice(i, next);
      if (raw.includes(']]>')) fail(']]> in text');
      element.text += decode(raw);
      i = next;
      if (xml.startsWith('</', i)) {
        i += 2;
        const name = readName();
        if (name !== element.name) fail(`</${name}> closes <${element.name}>`);
        skipSpace();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return element;
      }
      if (xml.startsWith('<!--', i) || xml.startsWith('<?', i)) skipMisc();
      else element.children.push(parseElement());
    }
  };

  if (xml.startsWith('\uFEFF')) i++;
  skipMisc();
  const root = parseElement();
  skipMisc();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

/** Every element named `name` in the tree, depth first. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const found = root.name === name ? [root] : [];
  return found.concat(...root.children.map((child) => findAll(child, name)));
}
