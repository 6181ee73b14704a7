// The package model for .docx files read and written in place (refresh, fill): parts in their
// original order and encoding, content types and relationships edited only by insertion, written
// back with every untouched part byte for byte. What a package gains (a custom XML part, a web
// extension) is described once as PackageAdditions (package.ts) and realised either by docx's
// Packer on a new report or by `addParts` here on an existing file.
import { unzipSync, zipSync, strToU8, type Unzipped } from "fflate";
import { escapeXmlAttribute } from "../../core/link";
import { LocalizedError } from "../../core/errors";
import type { PackageAdditions } from "./package";

export type DocxReadErrorCode = "not_docx" | "corrupt" | "not_linked" | "newer_version" | "link_missing" | "too_large";

export class DocxReadError extends LocalizedError {
  declare readonly code: DocxReadErrorCode;
  constructor(code: DocxReadErrorCode, message: string, messageEn: string) {
    super(code, message, messageEn);
  }
}

/** Inflated size past which a package is not read: a zip bomb stops here, before fflate allocates. */
export const MAX_UNCOMPRESSED = 256 * 1024 * 1024;

export type XmlEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

/** Decodes an XML part by its byte-order mark or first bytes; null when it is not valid text in that encoding. */
export function decodeXml(bytes: Uint8Array): { text: string; encoding: XmlEncoding } | null {
  let encoding: XmlEncoding = "utf-8";
  let skip = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [encoding, skip] = ["utf-8-bom", 3];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, skip] = ["utf-16le", 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, skip] = ["utf-16be", 2];
  else if (bytes[0] === 0x3c && bytes[1] === 0x00) encoding = "utf-16le";
  else if (bytes[0] === 0x00 && bytes[1] === 0x3c) encoding = "utf-16be";
  try {
    // Fatal: a lenient decode would turn bad bytes into U+FFFD and a write would then change them outside our spans.
    const label = encoding === "utf-8-bom" ? "utf-8" : encoding;
    return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip)), encoding };
  } catch {
    return null;
  }
}

export function encodeXml(text: string, encoding: XmlEncoding): Uint8Array {
  if (encoding === "utf-8") return strToU8(text);
  if (encoding === "utf-8-bom") {
    const body = strToU8(text);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const out = new Uint8Array(2 + text.length * 2);
  const le = encoding === "utf-16le";
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = le ? c & 0xff : c >> 8;
    out[3 + 2 * i] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

/** How the clerk's file is named in messages, and what cannot be done with it. */
export interface OpenWording {
  /** 文件 (a report) or 模板 (a template). */
  noun: string;
  nounEn: string;
  /** Appended to the password message: `，无法刷新` for a refresh, "" otherwise. */
  consequence: string;
}

const REPORT: OpenWording = { noun: "文件", nounEn: "file", consequence: "，无法刷新" };

const CONTENT_TYPES = "[Content_Types].xml";
export const DOCUMENT_RELS = "word/_rels/document.xml.rels";
const PACKAGE_RELS = "_rels/.rels";

export class DocxPackage {
  private constructor(
    /** Every part's bytes by name. */
    readonly files: Unzipped,
    /** Part names in the archive's order, new ones appended: the package is written back the same way. */
    readonly order: string[],
  ) {}

  /** Opens a .docx; DocxReadError when it is not one (an encrypted or old .doc, not a zip, no document.xml), damaged or too large. */
  static open(bytes: Uint8Array, wording: OpenWording = REPORT): DocxPackage {
    // Encrypted .docx files and old .doc files are both OLE compound files.
    if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
      throw new DocxReadError(
        "not_docx",
        `这个${wording.noun}设有打开密码，或是旧版 .doc 格式${wording.consequence}。请在 Word 中取消密码或另存为 .docx 后再试。`,
        `this ${wording.nounEn} is password-protected or an old .doc file; remove the password or save it as .docx in Word, then try again.`,
      );
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
      throw new DocxReadError("not_docx", "这不是 Word 文档（.docx）。", "this is not a Word document (.docx).");
    let files: Unzipped;
    const order: string[] = [];
    let total = 0;
    try {
      files = unzipSync(bytes, {
        filter: (f) => {
          // Declared sizes bound what fflate allocates, so checking them bounds memory even for a zip bomb.
          total += f.originalSize;
          if (total > MAX_UNCOMPRESSED)
            throw new DocxReadError(
              "too_large",
              `文档解压后超过 ${MAX_UNCOMPRESSED / 1048576} MB 上限，已停止读取。`,
              `the document exceeds the ${MAX_UNCOMPRESSED / 1048576} MB uncompressed limit.`,
            );
          order.push(f.name);
          return true;
        },
      });
    } catch (e) {
      if (e instanceof DocxReadError) throw e;
      throw new DocxReadError("corrupt", "文档已损坏或不完整，无法打开。", "the document is damaged or incomplete.");
    }
    if (!files["word/document.xml"])
      throw new DocxReadError(
        "not_docx",
        "这个文件不是 Word 文档（缺少 word/document.xml）。",
        "this file is not a Word document (no word/document.xml).",
      );
    return new DocxPackage(files, order);
  }

  /** A package already unzipped (parts by name, their order), to edit in place. */
  static wrap(files: Unzipped, order: string[]): DocxPackage {
    return new DocxPackage(files, order);
  }

  has(name: string): boolean {
    return this.files[name] !== undefined;
  }

  /** A part's text and encoding; null when it is absent or not text. */
  xml(name: string): { text: string; encoding: XmlEncoding } | null {
    const bytes = this.files[name];
    return bytes ? decodeXml(bytes) : null;
  }

  /** Replaces or adds a part (new ones go last). */
  setBytes(name: string, data: Uint8Array): void {
    if (!this.files[name]) this.order.push(name);
    this.files[name] = data;
  }

  /** Replaces or adds an XML part, in the encoding given (by default the part's own, else UTF-8). */
  setXml(name: string, text: string, encoding?: XmlEncoding): void {
    this.setBytes(name, encodeXml(text, encoding ?? this.xml(name)?.encoding ?? "utf-8"));
  }

  /** The first number from 1 up that `taken` does not claim (for numbering new parts and relationships). */
  static freeNumber(taken: (n: number) => boolean): number {
    let n = 1;
    while (taken(n)) n++;
    return n;
  }

  /** Whether a relationship id is used in a .rels part. */
  relationshipIdUsed(part: string, id: string): boolean {
    return this.xml(part)?.text.includes(`Id="${id}"`) ?? false;
  }

  /**
   * Adds what the additions describe to this existing package, by insertion only: new parts, content
   * type overrides (and the `xml` default where missing), relationships from the main document and
   * the package root. Ids already used are refused: the caller numbers its additions.
   */
  addParts(additions: PackageAdditions): void {
    for (const part of additions.parts) this.setXml(part.path, part.data, "utf-8");
    if (additions.contentTypes.length || additions.parts.some((p) => p.path.endsWith(".xml"))) {
      const types = this.partToAmend(
        CONTENT_TYPES,
        "文档的内容类型表（[Content_Types].xml）已损坏。",
        "the package's [Content_Types].xml is damaged.",
      );
      const inserted =
        (/<Default\b[^>]*Extension="xml"/i.test(types.text) ? "" : `<Default Extension="xml" ContentType="application/xml"/>`) +
        additions.contentTypes
          .map((t) => `<Override PartName="${escapeXmlAttribute(t.partName)}" ContentType="${escapeXmlAttribute(t.contentType)}"/>`)
          .join("");
      this.setXml(CONTENT_TYPES, insertBeforeEnd(types.text, "</Types>", inserted), types.encoding);
    }
    this.addRelationships(DOCUMENT_RELS, additions.documentRelationships);
    this.addRelationships(PACKAGE_RELS, additions.packageRelationships);
  }

  /** A part an addition must amend: without it (or unreadable) the package is damaged, said in the clerk's words. */
  private partToAmend(part: string, message: string, messageEn: string): { text: string; encoding: XmlEncoding } {
    const xml = this.xml(part);
    if (!xml) throw new DocxReadError("corrupt", message, messageEn);
    return xml;
  }

  private addRelationships(part: string, relationships: PackageAdditions["documentRelationships"]): void {
    if (relationships.length === 0) return;
    const rels = this.partToAmend(
      part,
      "文档的关系表（document.xml.rels）缺失或已损坏。",
      "the document's relationships part is missing or damaged.",
    );
    for (const r of relationships)
      if (this.relationshipIdUsed(part, r.id)) throw new Error(`relationship id ${r.id} is already used in ${part}`);
    const a = escapeXmlAttribute;
    const inserted = relationships.map((r) => `<Relationship Id="${a(r.id)}" Type="${a(r.type)}" Target="${a(r.target)}"/>`).join("");
    this.setXml(part, insertBeforeEnd(rels.text, "</Relationships>", inserted), rels.encoding);
  }

  /** The package as a .docx, parts in their original order. */
  toBytes(): Uint8Array {
    const out: Unzipped = {};
    for (const name of this.order) out[name] = this.files[name];
    return zipSync(out, { level: 6 });
  }
}

function insertBeforeEnd(xml: string, endTag: string, inserted: string): string {
  const at = xml.lastIndexOf(endTag);
  if (at < 0) throw new DocxReadError("corrupt", `文档的 ${endTag} 部件已损坏。`, `the package part ending ${endTag} is damaged.`);
  return xml.slice(0, at) + inserted + xml.slice(at);
}
