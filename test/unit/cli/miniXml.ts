// A strict little XML reader for the JUnit reports the CLI writes: elements, attributes, text and the five
// entities. It throws on anything a real parser would reject (a raw & or <, mismatched tags), so a report
// that reads back here is escaped correctly.

export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw < in text or attribute near offset ${where}`);
  return raw.replace(/&([^;&\s]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated entity near offset ${where}`);
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`unknown entity &${name}; near offset ${where}`);
    return value;
  });
}

export function parseXml(xml: string): XmlElement {
  let index = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const skipSpace = () => {
    while (index < xml.length && /\s/.test(xml[index] ?? '')) index++;
  };
  skipSpace();
  if (xml.startsWith('<?xml', index)) {
    const end = xml.indexOf('?>', index);
    if (end < 0) throw new Error('unterminated XML declaration');
    index = end + 2;
  }
  while (index < xml.length) {
    const open = xml.indexOf('<', index);
    const text = xml.slice(index, open < 0 ? xml.length : open);
    const parent = stack[stack.length - 1];
    if (parent) parent.text += decode(text, index);
    else if (text.trim() !== '') throw new Error(`text outside the root element near offset ${index}`);
    if (open < 0) break;
    index = open;
    if (xml.startsWith('</', index)) {
      const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(xml.slice(index));
      const element = stack.pop();
      if (!close || !element || close[1] !== element.name) throw new Error(`mismatched closing tag near offset ${index}`);
      index += close[0].length;
      continue;
    }
    const tag = /^<([A-Za-z_][\w.-]*)/.exec(xml.slice(index));
    if (!tag?.[1]) throw new Error(`malformed tag near offset ${index}`);
    const element: XmlElement = { name: tag[1], attributes: {}, children: [], text: '' };
    index += tag[0].length;
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', index) || xml.startsWith('>', index)) break;
      const attribute = /^([A-Za-z_][\w.-]*)="([^"]*)"/.exec(xml.slice(index));
      if (!attribute?.[1]) throw new Error(`malformed attribute near offset ${index}`);
      if (attribute[1] in element.attributes) throw new Error(`duplicate attribute ${attribute[1]}`);
      element.attributes[attribute[1]] = decode(attribute[2] ?? '', index);
      index += attribute[0].length;
    }
    if (parent) parent.children.push(element);
    else if (root) throw new Error('a second root element');
    else root = element;
    if (xml.startsWith('/>', index)) index += 2;
    else {
      index += 1;
      stack.push(element);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed element <${stack[stack.length - 1]?.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
