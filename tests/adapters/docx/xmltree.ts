// A small element tree over saxes, so tests can assert on OOXML by element and attribute rather
// than by matching strings.

import { SaxesParser } from "saxes";

export interface XmlNode {
  /** Qualified name as written, e.g. `w:sdt`. */
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  parent: XmlNode | null;
  /** Text directly inside this element. */
  text: string;
}

export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser();
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  parser.on("opentag", (tag) => {
    const node: XmlNode = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      parent: null,
      text: "",
    };
    const parent = stack[stack.length - 1];
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else root = node;
    stack.push(node);
  });
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

export function findAll(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const visit = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(node);
  return out;
}

export function find(node: XmlNode, name: string): XmlNode | undefined {
  return findAll(node, name)[0];
}

export function get(node: XmlNode, name: string): XmlNode {
  const found = find(node, name);
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found;
}

/** The value of `<name w:val="…"/>` under node, or undefined. */
export function wVal(node: XmlNode, name: string): string | undefined {
  return find(node, name)?.attributes["w:val"];
}

/** All `w:t` text under node, in document order. */
export function textOf(node: XmlNode): string {
  return findAll(node, "w:t")
    .map((t) => t.text)
    .join("");
}

export function styleById(styles: XmlNode, id: string): XmlNode {
  const s = findAll(styles, "w:style").find((x) => x.attributes["w:styleId"] === id);
  if (!s) throw new Error(`no style ${id}`);
  return s;
}
