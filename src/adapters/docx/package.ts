// Package parts that docx does not write — the custom XML part holding the link record, and the
// task-pane web extension — described as data (parts, content types, relationships) and handed to
// docx before it packs, through its public API: the package is zipped once. (Unzipping docx's
// output to add them and zipping it again cost 40–80 ms of a one-shot Generate, most of a cold
// run's .docx step.)

import type { File } from "docx";

/** The relationship-type parameter docx declares but does not export. */
type RelationshipKind = Parameters<File["Document"]["Relationships"]["addRelationship"]>[1];
import { escapeXmlAttribute } from "../../core/link";

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const NS_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
const NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A relationship as written: docx prefixes ids with `rId`, so ours are named to never meet its numbers. */
export interface AddedRelationship {
  /** Without the `rId` prefix docx adds. */
  id: string;
  type: string;
  target: string;
}

export interface PackageAdditions {
  /** Whole parts, by path from the package root. */
  parts: { path: string; data: string }[];
  /** Content-type overrides for parts the `xml` default does not describe. */
  contentTypes: { partName: string; contentType: string }[];
  /** Relationships from word/document.xml. */
  documentRelationships: AddedRelationship[];
  /** Relationships from the package root (_rels/.rels). */
  packageRelationships: AddedRelationship[];
}

export function mergeAdditions(a: PackageAdditions, b: PackageAdditions): PackageAdditions {
  return {
    parts: [...a.parts, ...b.parts],
    contentTypes: [...a.contentTypes, ...b.contentTypes],
    documentRelationships: [...a.documentRelationships, ...b.documentRelationships],
    packageRelationships: [...a.packageRelationships, ...b.packageRelationships],
  };
}

/**
 * Registers the additions with the document and returns the parts for Packer's `overrides`.
 * docx types relationship kinds as a closed list; the ones it lacks (web extensions) are cast.
 */
export function applyAdditions(file: File, additions: PackageAdditions): { path: string; data: string }[] {
  for (const t of additions.contentTypes) file.ContentTypes.addOverride(t.contentType, t.partName);
  for (const r of additions.documentRelationships) {
    file.Document.Relationships.addRelationship(r.id, r.type as RelationshipKind, r.target);
  }
  for (const r of additions.packageRelationships) {
    file.FileRelationships.addRelationship(r.id, r.type as RelationshipKind, r.target);
  }
  return additions.parts;
}

/** A .rels part holding the given relationships, ids as given (no prefix). */
export function relationshipsPart(relationships: { id: string; type: string; target: string }[]): string {
  const a = escapeXmlAttribute;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_RELATIONSHIPS}">` +
    relationships.map((r) => `<Relationship Id="${a(r.id)}" Type="${a(r.type)}" Target="${a(r.target)}"/>`).join("") +
    `</Relationships>`
  );
}

/**
 * A GUID in the braces Word writes for datastore item ids: a random (version 4) one. It only has to
 * differ from other documents' ids, so Math.random serves; `globalThis.crypto` is not touched
 * because in Node its first read loads the whole Web Crypto module (~1 ms of a one-shot Generate,
 * several under load).
 */
export function newGuid(): string {
  const uuid = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (ch) => {
    const r = Math.floor(Math.random() * 16);
    return (ch === "x" ? r : (r & 0x3) | 0x8).toString(16);
  });
  return `{${uuid.toUpperCase()}}`;
}

/**
 * A custom XML data part the way Word stores one: the item, its properties part naming the schema
 * (namespace) so `customXmlParts.getByNamespace` finds it, and a relationship from the main
 * document. docx's content types already give `.xml` the `application/xml` default the item needs.
 */
export function customXmlPart(xml: string, namespace: string, itemId = newGuid(), n = 1): PackageAdditions {
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  return {
    parts: [
      { path: item, data: xml },
      {
        path: props,
        data:
          `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
          `<ds:datastoreItem ds:itemID="${itemId}" xmlns:ds="${NS_DATASTORE}">` +
          `<ds:schemaRefs><ds:schemaRef ds:uri="${escapeXmlAttribute(namespace)}"/></ds:schemaRefs>` +
          `</ds:datastoreItem>`,
      },
      {
        path: `customXml/_rels/item${n}.xml.rels`,
        data: relationshipsPart([{ id: "rId1", type: REL_CUSTOM_XML_PROPS, target: `itemProps${n}.xml` }]),
      },
    ],
    contentTypes: [{ partName: `/${props}`, contentType: CT_CUSTOM_XML_PROPS }],
    documentRelationships: [{ id: `LedgerReportLink${n}`, type: REL_CUSTOM_XML, target: `../${item}` }],
    packageRelationships: [],
  };
}
