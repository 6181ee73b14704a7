// The simulated hosts' own XML reader: a small element tree on saxes, a general, conforming parser.
// The double must not read documents with the adapters' scanner (adapters/docx/xml-scan.ts): a bug
// there would then be in both sides of every test against the double and could never show.
import { SaxesParser } from "saxes";

export interface XmlElement {
  /** The qualified name as written (`w:p`). */
  name: string;
  /** Attributes by qualified name, values with references resolved once. */
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** An element, or character data (text and CDATA, references resolved). */
export type XmlNode = XmlElement | string;

export class XmlParseError extends Error {}

/** Parses a whole document; throws XmlParseError when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("opentag", (tag) => {
    const element: XmlElement = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    if (stack.length) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  const addText = (text: string) => {
    if (stack.length) stack[stack.length - 1].children.push(text);
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  try {
    parser.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
  } catch (e) {
    throw new XmlParseError((e as Error).message);
  }
  if (!root) throw new XmlParseError("no root element");
  return root;
}

/** The element's child elements, optionally only those with a name. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== "string" && (name === undefined || c.name === name));
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element ? childElements(element, name)[0] : undefined;
}

/** The first element of that name at any depth, in document order. */
export function descendant(element: XmlElement, name: string): XmlElement | undefined {
  for (const c of childElements(element)) {
    if (c.name === name) return c;
    const found = descendant(c, name);
    if (found) return found;
  }
  return undefined;
}

/** Character data directly inside the element. */
export function ownText(element: XmlElement): string {
  return element.children.filter((c): c is string => typeof c === "string").join("");
}

/** The namespace URI of the root element's prefix (`xmlns:p`, or `xmlns` for none); "" when undeclared. */
export function namespaceOf(element: XmlElement): string {
  const colon = element.name.indexOf(":");
  return element.attrs[colon < 0 ? "xmlns" : `xmlns:${element.name.slice(0, colon)}`] ?? "";
}
