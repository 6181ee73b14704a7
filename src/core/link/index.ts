// The link record: what a generated report remembers about how it was made, stored in the document
// as a custom XML part so that Refresh can find every figure again on any path (Word, Excel, CLI).
// Pure: no Node, no DOM. Parsed with saxes so it behaves the same in the task pane and in Node.

import { SaxesParser } from "saxes";
import type { LinkRecord, LinkedFigure } from "../types";
import { escapeXmlAttribute, escapeXmlText } from "./xmltext";

export { sanitizeXmlText, escapeXmlText, escapeXmlAttribute } from "./xmltext";

export const LINK_NAMESPACE = "urn:ledger-report:link:1";

const NAMESPACE_PATTERN = /^urn:ledger-report:link:(\d+)$/;
const SLOT_TAG_PREFIX = "lr:";

/** The content-control tag of a figure slot. */
export function slotTag(id: string): string {
  return SLOT_TAG_PREFIX + id;
}

/** The figure id of a content-control tag, or null when the control is not one of ours. */
export function slotIdFromTag(tag: string): string | null {
  if (!tag.startsWith(SLOT_TAG_PREFIX)) return null;
  const id = tag.slice(SLOT_TAG_PREFIX.length);
  return id.length > 0 ? id : null;
}

function textElement(name: string, value: string): string {
  return `<${name}>${escapeXmlText(value)}</${name}>`;
}

function figureXml(f: LinkedFigure): string {
  const value = f.value === null ? "" : ` value="${escapeXmlAttribute(String(f.value))}"`;
  // A table figure says so, so a refresh writes a table into its control; older readers ignore it.
  const kind = f.kind === "table" ? ` kind="table"` : "";
  return (
    `<figure id="${escapeXmlAttribute(f.id)}" rows="${f.rows}"${value}${kind}>` +
    textElement("name", f.name) +
    textElement("text", f.text) +
    textElement("fingerprint", f.fingerprint) +
    (f.ledger === null ? "" : textElement("ledger", f.ledger)) +
    textElement("conditions", f.conditions) +
    `</figure>`
  );
}

/** The complete XML document stored as the custom XML part. */
export function linkRecordToXml(r: LinkRecord): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<link xmlns="${LINK_NAMESPACE}" version="${r.version}">` +
    `<workbook id="${escapeXmlAttribute(r.workbookId)}">${escapeXmlText(r.workbookName)}</workbook>` +
    textElement("template", r.templateId) +
    `<period start="${escapeXmlAttribute(r.period.start)}" end="${escapeXmlAttribute(r.period.end)}"/>` +
    textElement("scope", r.scope) +
    textElement("generatedAt", r.generatedAt) +
    `<figures>${r.figures.map(figureXml).join("")}</figures>` +
    `</link>\n`
  );
}

export type ParseLinkResult =
  { ok: true; record: LinkRecord } | { ok: false; reason: "not_link" | "newer_version" | "malformed"; message: string; messageEn: string };

interface Node {
  uri: string;
  local: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

class Malformed extends Error {}

function parseTree(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | null = null;
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      // Only unprefixed attributes belong to the record; xmlns declarations and foreign ones are ignored.
      if (a.uri === "" && a.prefix === "") attributes[a.local] = a.value;
    }
    const node: Node = { uri: tag.uri, local: tag.local, attributes, children: [], text: "" };
    if (stack.length > 0) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on("text", (t) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  });
  parser.on("cdata", (t) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("error", (e) => {
    throw new Malformed(e.message);
  });
  parser.write(xml).close();
  if (root === null) throw new Malformed("no root element");
  return root;
}

function child(node: Node, local: string): Node | undefined {
  return node.children.find((c) => c.local === local && c.uri === node.uri);
}

function requiredChild(node: Node, local: string): Node {
  const c = child(node, local);
  if (!c) throw new Malformed(`<${node.local}> has no <${local}>`);
  return c;
}

function requiredAttribute(node: Node, name: string): string {
  const v = node.attributes[name];
  if (v === undefined) throw new Malformed(`<${node.local}> has no ${name} attribute`);
  return v;
}

function numberFrom(text: string, what: string): number {
  const n = text.trim() === "" ? NaN : Number(text);
  if (Number.isNaN(n) && text.trim() !== "NaN") throw new Malformed(`${what} is not a number: ${text}`);
  return n;
}

function figureFrom(node: Node): LinkedFigure {
  const rows = numberFrom(requiredAttribute(node, "rows"), "rows");
  const valueText = node.attributes["value"];
  const ledger = child(node, "ledger");
  return {
    ...(node.attributes["kind"] === "table" ? { kind: "table" as const } : {}),
    id: requiredAttribute(node, "id"),
    name: requiredChild(node, "name").text,
    value: valueText === undefined ? null : numberFrom(valueText, "value"),
    text: requiredChild(node, "text").text,
    fingerprint: requiredChild(node, "fingerprint").text,
    ledger: ledger ? ledger.text : null,
    conditions: requiredChild(node, "conditions").text,
    rows,
  };
}

function fail(reason: "not_link" | "newer_version" | "malformed", message: string, messageEn: string): ParseLinkResult {
  return { ok: false, reason, message, messageEn };
}

/** Reads a custom XML part back; tells a foreign part, a newer format and a damaged one apart. */
export function parseLinkRecord(xml: string): ParseLinkResult {
  let root: Node;
  try {
    root = parseTree(xml);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail("malformed", `报告关联数据已损坏，无法读取：${why}`, `The report's link data is damaged and cannot be read: ${why}`);
  }
  const ns = NAMESPACE_PATTERN.exec(root.uri);
  if (root.local !== "link" || !ns) {
    return fail("not_link", "这不是台账成文的关联数据。", "This is not Ledger Report link data.");
  }
  const version = Number(root.attributes["version"] ?? "1");
  if (Number(ns[1]) > 1 || (Number.isInteger(version) && version > 1)) {
    return fail(
      "newer_version",
      "此报告由更新版本的台账成文生成，请升级后再刷新数据。",
      "This report was made by a newer version of Ledger Report; update it before refreshing figures.",
    );
  }
  try {
    if (version !== 1) throw new Malformed(`version ${root.attributes["version"]}`);
    const workbook = requiredChild(root, "workbook");
    const period = requiredChild(root, "period");
    const figures = requiredChild(root, "figures")
      .children.filter((c) => c.local === "figure" && c.uri === root.uri)
      .map(figureFrom);
    const record: LinkRecord = {
      version: 1,
      workbookId: requiredAttribute(workbook, "id"),
      workbookName: workbook.text,
      templateId: requiredChild(root, "template").text,
      period: { start: requiredAttribute(period, "start"), end: requiredAttribute(period, "end") },
      scope: requiredChild(root, "scope").text,
      generatedAt: requiredChild(root, "generatedAt").text,
      figures,
    };
    return { ok: true, record };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail("malformed", `报告关联数据不完整：${why}`, `The report's link data is incomplete: ${why}`);
  }
}
