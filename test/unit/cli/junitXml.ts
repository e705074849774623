// Reads back the JUnit XML the CLI writes with a real XML parser (@xmldom/xmldom, a W3C DOMParser), so the
// tests see attributes and text as any CI's JUnit reader does: entities decoded, whitespace in attributes
// normalized, and any well-formedness error (a raw & or <, mismatched tags) thrown instead of guessed around.
import { DOMParser, type Element } from '@xmldom/xmldom';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  readonly text: string;
}

function toPlain(element: Element): XmlElement {
  const attributes: Record<string, string> = {};
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i);
    if (attribute) attributes[attribute.name] = attribute.value;
  }
  const children: XmlElement[] = [];
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE) children.push(toPlain(node as Element));
    else if (node.nodeType === node.TEXT_NODE || node.nodeType === node.CDATA_SECTION_NODE) text += node.nodeValue ?? '';
  }
  return { name: element.tagName, attributes, children, text };
}

/** The document's root element; throws on anything that is not well-formed XML. */
export function parseXml(xml: string): XmlElement {
  const parser = new DOMParser({
    // Warnings (such as a U+FFFD in the text, which the writer puts there on purpose) are no errors.
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML (${level}): ${message}`);
    },
  });
  const root = parser.parseFromString(xml, 'text/xml').documentElement;
  if (!root) throw new Error('no root element');
  return toPlain(root);
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
