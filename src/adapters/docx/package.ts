// Package parts that docx does not write: the custom XML part holding the link record (with its
// properties part, relationships and content type), added after docx has packed the document.

import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { escapeXmlAttribute } from "../../core/link";

export type PackageFiles = Record<string, Uint8Array>;

const CONTENT_TYPES = "[Content_Types].xml";
const DOCUMENT_RELS = "word/_rels/document.xml.rels";
const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const NS_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
const NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

export function readPackage(bytes: Uint8Array): PackageFiles {
  return unzipSync(bytes);
}

/** Zips the parts with [Content_Types].xml first, where strict readers look for it. */
export function writePackage(files: PackageFiles): Uint8Array {
  const ordered: PackageFiles = {};
  if (files[CONTENT_TYPES]) ordered[CONTENT_TYPES] = files[CONTENT_TYPES];
  for (const [name, data] of Object.entries(files)) if (name !== CONTENT_TYPES) ordered[name] = data;
  return zipSync(ordered, { level: 6 });
}

export function readText(files: PackageFiles, name: string): string {
  const data = files[name];
  if (!data) throw new Error(`package has no ${name}`);
  return strFromU8(data);
}

export function writeText(files: PackageFiles, name: string, text: string): void {
  files[name] = strToU8(text);
}

/** A GUID in the braces Word writes for datastore item ids. */
export function newGuid(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  const uuid =
    c?.randomUUID?.() ??
    "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (ch) => {
      const r = Math.floor(Math.random() * 16);
      return (ch === "x" ? r : (r & 0x3) | 0x8).toString(16);
    });
  return `{${uuid.toUpperCase()}}`;
}

function insertBefore(xml: string, closing: string, addition: string): string {
  const at = xml.lastIndexOf(closing);
  if (at < 0) throw new Error(`no ${closing} to insert before`);
  return xml.slice(0, at) + addition + xml.slice(at);
}

/** A relationship id not yet used in the given .rels part. */
function freeRelationshipId(rels: string): string {
  const used = new Set(Array.from(rels.matchAll(/\bId="([^"]*)"/g), (m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

export function addRelationship(files: PackageFiles, relsPart: string, type: string, target: string): string {
  const rels = files[relsPart]
    ? readText(files, relsPart)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_RELATIONSHIPS}"></Relationships>`;
  const id = freeRelationshipId(rels);
  const rel = `<Relationship Id="${id}" Type="${escapeXmlAttribute(type)}" Target="${escapeXmlAttribute(target)}"/>`;
  writeText(files, relsPart, insertBefore(rels, "</Relationships>", rel));
  return id;
}

export function addContentTypeOverride(files: PackageFiles, partName: string, contentType: string): void {
  const types = readText(files, CONTENT_TYPES);
  if (types.includes(`PartName="${partName}"`)) return;
  const override = `<Override PartName="${escapeXmlAttribute(partName)}" ContentType="${escapeXmlAttribute(contentType)}"/>`;
  writeText(files, CONTENT_TYPES, insertBefore(types, "</Types>", override));
}

function hasDefaultXmlType(files: PackageFiles): boolean {
  return /<Default\s[^>]*Extension="xml"/.test(readText(files, CONTENT_TYPES));
}

export interface CustomXmlPart {
  /** Part name, e.g. `customXml/item1.xml`. */
  item: string;
  props: string;
  itemId: string;
}

/**
 * Adds a custom XML data part the way Word stores one: the item, its properties part naming the
 * schema (namespace) so `customXmlParts.getByNamespace` finds it, and a relationship from the main
 * document. Returns where it went.
 */
export function addCustomXmlPart(files: PackageFiles, xml: string, namespace: string, itemId = newGuid()): CustomXmlPart {
  let n = 1;
  while (files[`customXml/item${n}.xml`]) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  writeText(files, item, xml);
  writeText(
    files,
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
      `<ds:datastoreItem ds:itemID="${itemId}" xmlns:ds="${NS_DATASTORE}">` +
      `<ds:schemaRefs><ds:schemaRef ds:uri="${escapeXmlAttribute(namespace)}"/></ds:schemaRefs>` +
      `</ds:datastoreItem>`,
  );
  addRelationship(files, `customXml/_rels/item${n}.xml.rels`, REL_CUSTOM_XML_PROPS, `itemProps${n}.xml`);
  addRelationship(files, DOCUMENT_RELS, REL_CUSTOM_XML, `../${item}`);
  if (!hasDefaultXmlType(files)) addContentTypeOverride(files, `/${item}`, "application/xml");
  addContentTypeOverride(files, `/${props}`, CT_CUSTOM_XML_PROPS);
  return { item, props, itemId };
}
