// Reading and patching a generated report (.docx) in place: find the figure controls and the link
// part, then rewrite only the inside of the controls being updated and the link part. Every other
// part keeps its exact content, and document.xml is unchanged outside the replaced w:sdtContent spans.
import { unzipSync, zipSync, strToU8, type Unzipped } from "fflate";
import { LINK_NAMESPACE, parseLinkRecord, linkRecordToXml, slotIdFromTag, escapeXmlText, type ParseLinkResult } from "../../core/link";
import type { FoundControl, RefreshPlan } from "../../core/refresh/plan";
import type { LinkRecord, LinkedFigure } from "../../core/types";
import { tableFigureContent } from "./table-figure";
import { isPlaceholderText } from "../../core/format";
import { attribute, scanTags, unescapeXml, XmlScanError } from "./xml-scan";
import { figureOfBookmark } from "./bookmark-names";

export type DocxReadErrorCode = "not_docx" | "corrupt" | "not_linked" | "newer_version" | "link_missing" | "too_large";

export class DocxReadError extends Error {
  constructor(
    readonly code: DocxReadErrorCode,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

/** A figure control located in document.xml. */
export interface LocatedControl extends FoundControl {
  /** The span replaced on a write: the inside of `w:sdtContent`, or the whole tag when it was written `<w:sdtContent/>`. */
  contentStart: number;
  contentEnd: number;
  /** True when the span is a self-closing `<w:sdtContent/>`, so a write must supply the element itself. */
  emptyContent?: boolean;
  /** Span of `<w:showingPlcHdr/>` in its properties: Word's placeholder flag, dropped when a real value is written. */
  placeholder?: { start: number; end: number };
  /** Raw `<w:rPr>…</w:rPr>` of its first run that shows text (else its first run), reused for the new text. */
  runProperties: string;
  /** Raw `<w:pPr>…</w:pPr>` of its first paragraph when the control holds paragraphs; null for a run-level control. */
  paragraphProperties: string | null;
  /** How it was found: its tag, or — its tag emptied by another word processor — its bookmark, or the record's order and text. */
  anchor?: "tag" | "bookmark" | "order";
  /** Bookmark elements lying directly in its content (LibreOffice moves the bookmark start there), kept on a write. */
  innerMarks?: string;
  /** For a control found again without its tag: the new `w:sdtPr` restoring tag, title and lock. */
  restore?: { start: number; end: number; xml: string };
}

/** A `w:sdt` without an `lr:` tag, as another word processor leaves ours: placed again from the link record. */
export interface UntaggedControl extends Omit<LocatedControl, "id" | "anchor" | "restore"> {
  /** The `lr_` bookmark just before it or at the start of its content. */
  bookmark: string | null;
  /** Span of its whole `w:sdtPr`, replaced when its tag is restored. */
  propertiesStart: number;
  propertiesEnd: number;
  /** Its `w:sdtPr`'s `w:rPr`, kept when the properties are rebuilt. */
  controlRunProperties: string;
}

export interface LinkedDocx {
  files: Unzipped;
  /** Entry names in their original order, to write the package back the same way. */
  order: string[];
  documentXml: string;
  /** How document.xml was encoded, so a patched part is written back the same way. */
  documentEncoding: XmlEncoding;
  linkPartName: string;
  record: LinkRecord;
  controls: LocatedControl[];
}

const MAX_UNCOMPRESSED = 256 * 1024 * 1024;

const CORRUPT_BODY = () =>
  new DocxReadError(
    "corrupt",
    "文档内容已损坏（document.xml 无法解析），无法刷新。",
    "the document body is damaged (document.xml cannot be parsed).",
  );

/** Opens a .docx and finds its link record and figure controls; throws DocxReadError when it cannot be refreshed. */
export function readLinkedDocx(bytes: Uint8Array): LinkedDocx {
  // Encrypted .docx files and old .doc files are both OLE compound files.
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new DocxReadError(
      "not_docx",
      "这个文件设有打开密码，或是旧版 .doc 格式，无法刷新。请在 Word 中取消密码或另存为 .docx 后再试。",
      "this file is password-protected or an old .doc file; remove the password or save it as .docx in Word, then try again.",
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
  const doc = files["word/document.xml"];
  if (!doc)
    throw new DocxReadError(
      "not_docx",
      "这个文件不是 Word 文档（缺少 word/document.xml）。",
      "this file is not a Word document (no word/document.xml).",
    );

  const decoded = decodeXml(doc);
  if (!decoded) throw CORRUPT_BODY();
  const documentXml = decoded.text;
  let controls: LocatedControl[];
  const untagged: UntaggedControl[] = [];
  try {
    controls = locateControls(documentXml, untagged);
  } catch (e) {
    if (e instanceof XmlScanError) throw CORRUPT_BODY();
    throw e;
  }

  const link = findLinkPart(files, order);
  if (!link) {
    if (controls.length === 0)
      throw new DocxReadError(
        "not_linked",
        "这个文档不是由台账生成的报告（没有链接信息和数字控件），无法刷新。",
        "this document is not a linked report (no link part, no figure controls).",
      );
    throw new DocxReadError(
      "link_missing",
      `文档中有 ${controls.length} 个数字控件，但链接信息已丢失（可能被其他软件另存过），无法判断哪些数字被手工修改过。请重新生成报告。`,
      `the document has ${controls.length} figure controls but its link part is gone (re-saved by another program?); hand edits cannot be told apart. Generate the report again.`,
    );
  }
  const { name: linkPartName, parsed } = link;
  if (!parsed.ok) {
    if (parsed.reason === "not_link" && controls.length === 0)
      throw new DocxReadError(
        "not_linked",
        "这个文档不是由台账生成的报告（没有链接信息和数字控件），无法刷新。",
        "this document is not a linked report (no link part, no figure controls).",
      );
    const code: DocxReadErrorCode =
      parsed.reason === "newer_version" ? "newer_version" : parsed.reason === "not_link" ? "not_linked" : "corrupt";
    throw new DocxReadError(code, parsed.message, parsed.messageEn);
  }
  // LibreOffice and WPS keep the w:sdt elements but empty their properties, tags included; the record
  // survives. Controls are placed again by their bookmark, or — with no tagged control left and no
  // bookmark either — by the record's order and last written text; their tags come back on the write.
  if (untagged.length)
    controls = [...controls, ...placeUntagged(untagged, parsed.record, controls.length === 0)].sort(
      (a, b) => a.contentStart - b.contentStart,
    );
  // A refresh that "removes" every figure is that loss, where nothing could be placed.
  if (controls.length === 0 && parsed.record.figures.length > 0)
    throw new DocxReadError(
      "link_missing",
      `链接信息还在，但文档中找不到任何数字控件（共 ${parsed.record.figures.length} 个）：控件标记可能在用其他软件（如 WPS、LibreOffice）另存时丢失了。请用 Word 保存的原报告刷新，或重新生成报告。`,
      `the link part lists ${parsed.record.figures.length} figures but the document has no figure controls left: their tags were probably lost when another program (WPS, LibreOffice) re-saved it. Refresh the report as Word saved it, or generate it again.`,
    );
  return { files, order, documentXml, documentEncoding: decoded.encoding, linkPartName, record: parsed.record, controls };
}

/**
 * Figures for controls whose tag another word processor emptied: by the `lr_` bookmark around each
 * first; then, only where no control kept its tag and none was placed by bookmark, by the record's
 * order (figures are recorded in the order they first appear) and their last written text. A control
 * that cannot be placed with certainty is left out — it is then reported, never written.
 */
export function placeUntagged(untagged: UntaggedControl[], record: LinkRecord, orderAllowed: boolean): LocatedControl[] {
  const ids = record.figures.map((f) => f.id);
  const names = new Map(record.figures.map((f) => [f.id, f.name]));
  let restoreId = 1_000_000;
  const place = (u: UntaggedControl, id: string, anchor: "bookmark" | "order"): LocatedControl => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the bookmark is dropped: a located control has none
    const { bookmark: _b, propertiesStart, propertiesEnd, controlRunProperties, ...located } = u;
    const xml =
      `<w:sdtPr>${controlRunProperties}<w:alias w:val="${escapeXmlText(names.get(id) ?? id).replace(/"/g, "&quot;")}"/>` +
      `<w:tag w:val="${escapeXmlText("lr:" + id).replace(/"/g, "&quot;")}"/><w:id w:val="${restoreId++}"/><w:lock w:val="sdtLocked"/></w:sdtPr>`;
    return { ...located, id, anchor, restore: { start: propertiesStart, end: propertiesEnd, xml } };
  };
  const byBookmark: LocatedControl[] = [];
  const rest: UntaggedControl[] = [];
  for (const u of untagged) {
    const id = u.bookmark ? figureOfBookmark(u.bookmark, ids) : null;
    if (id) byBookmark.push(place(u, id, "bookmark"));
    else rest.push(u);
  }
  if (byBookmark.length || !orderAllowed) return byBookmark;

  const figs = record.figures;
  const out: LocatedControl[] = [];
  let p = 0;
  rest.forEach((u, i) => {
    const next = figs[p];
    if (next && u.text === next.text) {
      out.push(place(u, next.id, "order"));
      p++;
      return;
    }
    // A figure used again further on (the year in the closing line): only when one figure fits.
    const repeats = figs.slice(0, p).filter((f) => f.text === u.text);
    if (repeats.length === 1) {
      out.push(place(u, repeats[0].id, "order"));
      return;
    }
    if (repeats.length > 1 || !next) return;
    // Hand-edited: placed by order only when the control after it lines up with the figure after.
    const after = rest[i + 1];
    if (after ? figs[p + 1] !== undefined && after.text === figs[p + 1].text : p === figs.length - 1) {
      out.push(place(u, next.id, "order"));
      p++;
    }
  });
  return out;
}

/** The custom XML item holding our link record; a part that merely mentions the namespace does not hide a real one after it. */
function findLinkPart(files: Unzipped, order: string[]): { name: string; parsed: ParseLinkResult } | null {
  let first: { name: string; parsed: ParseLinkResult } | null = null;
  for (const name of order) {
    if (!/^customXml\/item\d*\.xml$/i.test(name)) continue;
    const text = decodeXml(files[name])?.text;
    if (!text || !(text.includes(LINK_NAMESPACE) || text.includes("urn:ledger-report:link:"))) continue;
    const parsed = parseLinkRecord(text);
    if (parsed.ok) return { name, parsed };
    first ??= { name, parsed };
  }
  return first;
}

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

/** Containers whose children are paragraphs and tables: a control there is block-level. */
const BLOCK_PARENTS = new Set([
  "w:body",
  "w:tc",
  "w:txbxContent",
  "w:hdr",
  "w:ftr",
  "w:footnote",
  "w:endnote",
  "w:comment",
  "w:docPartBody",
]);

const OFF = new Set(["false", "0", "off"]);

interface Frame {
  id: string | null;
  block: boolean;
  inProperties: boolean;
  contentStart: number;
  contentEnd: number;
  emptyContent: boolean;
  text: string;
  placeholder: { start: number; end: number } | null;
  placeholderOpen: number;
  /** The w:rPr in w:sdtPr: what Word formats the content with once the placeholder is replaced. */
  controlRunProperties: string | null;
  /** Depth (index in the element stack) of the run being read, -1 outside one. */
  runDepth: number;
  runProperties: string;
  propertiesStart: number;
  firstRunProperties: string | null;
  textRunProperties: string | null;
  paragraphs: number;
  paragraphDepth: number;
  paragraphProperties: string | null;
  paragraphPropertiesStart: number;
  bookmark: string | null;
  sdtPrStart: number;
  sdtPrEnd: number;
  innerMarks: string;
}

function newFrame(block: boolean): Frame {
  return {
    id: null,
    block,
    inProperties: false,
    contentStart: -1,
    contentEnd: -1,
    emptyContent: false,
    text: "",
    placeholder: null,
    placeholderOpen: -1,
    controlRunProperties: null,
    runDepth: -1,
    runProperties: "",
    propertiesStart: -1,
    firstRunProperties: null,
    textRunProperties: null,
    paragraphs: 0,
    paragraphDepth: -1,
    paragraphProperties: null,
    paragraphPropertiesStart: -1,
    bookmark: null,
    sdtPrStart: -1,
    sdtPrEnd: -1,
    innerMarks: "",
  };
}

const inside = (f: Frame | undefined): f is Frame => f !== undefined && f.contentStart >= 0 && f.contentEnd < 0;

/**
 * Finds every `w:sdt` tagged `lr:<id>` with the text it shows and where its content lies, in one
 * pass. The text is what a reader sees: `w:t`, tabs and breaks (so a clerk's line break is an edit),
 * a line between paragraphs, nothing from deleted revisions, "" while Word shows its placeholder.
 */
export function locateControls(xml: string, untagged?: UntaggedControl[]): LocatedControl[] {
  const found: LocatedControl[] = [];
  const frames: Frame[] = [];
  const names: string[] = [];
  let textStart = -1;
  /** An `lr_` bookmark started outside any control, waiting for the control it stands before. */
  let pendingBookmark: string | null = null;

  const addText = (s: string) => {
    if (!frames.some(inside)) pendingBookmark = null;
    for (const f of frames) if (inside(f)) f.text += s;
    const f = frames[frames.length - 1];
    if (inside(f) && f.runDepth >= 0 && f.textRunProperties === null) f.textRunProperties = f.runProperties;
  };

  scanTags(xml, (tag) => {
    const frame = frames[frames.length - 1];
    const inContent = inside(frame);
    const depth = names.length;
    if (tag.kind === "open" || tag.kind === "empty") {
      const parent = names[depth - 1];
      switch (tag.name) {
        case "w:sdt":
          if (tag.kind === "open") {
            const f = newFrame(BLOCK_PARENTS.has(parent) || (parent === "w:sdtContent" && frame?.block === true));
            f.bookmark = pendingBookmark;
            pendingBookmark = null;
            frames.push(f);
          }
          break;
        case "w:sdtPr":
          if (frame && parent === "w:sdt") {
            frame.sdtPrStart = tag.start;
            if (tag.kind === "open") frame.inProperties = true;
            else frame.sdtPrEnd = tag.end;
          }
          break;
        case "w:bookmarkStart":
        case "w:bookmarkEnd": {
          const name = tag.name === "w:bookmarkStart" ? (attribute(tag.attrs, "w:name") ?? "") : "";
          if (inContent && parent === "w:sdtContent") {
            frame.innerMarks += xml.slice(tag.start, tag.end);
            if (name.startsWith("lr_") && frame.text === "") frame.bookmark ??= name;
          } else if (name.startsWith("lr_") && !frames.some(inside)) pendingBookmark = name;
          break;
        }
        case "w:tag":
          if (frame?.inProperties && parent === "w:sdtPr") frame.id = slotIdFromTag(attribute(tag.attrs, "w:val") ?? "");
          break;
        case "w:showingPlcHdr":
          if (frame?.inProperties && parent === "w:sdtPr" && !OFF.has((attribute(tag.attrs, "w:val") ?? "").toLowerCase())) {
            if (tag.kind === "empty") frame.placeholder = { start: tag.start, end: tag.end };
            else frame.placeholderOpen = tag.start;
          }
          break;
        case "w:sdtContent":
          if (frame && parent === "w:sdt") {
            if (tag.kind === "open") frame.contentStart = tag.end;
            else [frame.contentStart, frame.contentEnd, frame.emptyContent] = [tag.start, tag.end, true];
          }
          break;
        case "w:t":
          if (tag.kind === "open") textStart = tag.end;
          break;
        case "w:tab":
          if (parent === "w:r") addText("\t");
          break;
        case "w:br":
        case "w:cr":
          if (parent === "w:r") addText("\n");
          break;
        case "w:r":
          if (inContent && frame.runDepth < 0 && tag.kind === "open") [frame.runDepth, frame.runProperties] = [depth, ""];
          break;
        case "w:rPr":
          if (inContent && frame.runDepth === depth - 1) {
            if (tag.kind === "empty") frame.runProperties = xml.slice(tag.start, tag.end);
            else frame.propertiesStart = tag.start;
          } else if (frame?.inProperties && parent === "w:sdtPr") {
            if (tag.kind === "empty") frame.controlRunProperties = xml.slice(tag.start, tag.end);
            else frame.propertiesStart = tag.start;
          }
          break;
        case "w:p":
          for (const f of frames) if (inside(f) && f.paragraphs++ > 0) f.text += "\n";
          if (inContent && frame.paragraphs === 1 && tag.kind === "open") frame.paragraphDepth = depth;
          break;
        case "w:pPr":
          if (inContent && frame.paragraphs === 1 && frame.paragraphDepth === depth - 1 && frame.paragraphProperties === null) {
            if (tag.kind === "empty") frame.paragraphProperties = xml.slice(tag.start, tag.end);
            else frame.paragraphPropertiesStart = tag.start;
          }
          break;
      }
      if (tag.kind === "open") names.push(tag.name);
      return;
    }
    // Closing tags; `depth` is now the closing element's own index.
    names.pop();
    const own = depth - 1;
    switch (tag.name) {
      case "w:t":
        if (textStart >= 0) {
          const text = unescapeXml(xml.slice(textStart, tag.start));
          if (text) addText(text);
          textStart = -1;
        }
        break;
      case "w:rPr":
        if (frame && frame.propertiesStart >= 0) {
          if (inContent && frame.runDepth === own - 1) frame.runProperties = xml.slice(frame.propertiesStart, tag.end);
          else if (frame.inProperties && names[own - 1] === "w:sdtPr")
            frame.controlRunProperties = xml.slice(frame.propertiesStart, tag.end);
          else break; // a w:rPr inside w:rPrChange: the outer one is still open
          frame.propertiesStart = -1;
        }
        break;
      case "w:r":
        if (inContent && frame.runDepth === own) {
          frame.firstRunProperties ??= frame.runProperties;
          frame.runDepth = -1;
        }
        break;
      case "w:pPr":
        if (inContent && frame.paragraphPropertiesStart >= 0 && frame.paragraphDepth === own - 1) {
          frame.paragraphProperties = xml.slice(frame.paragraphPropertiesStart, tag.end);
          frame.paragraphPropertiesStart = -1;
        }
        break;
      case "w:showingPlcHdr":
        if (frame && frame.placeholderOpen >= 0) {
          frame.placeholder = { start: frame.placeholderOpen, end: tag.end };
          frame.placeholderOpen = -1;
        }
        break;
      case "w:sdtPr":
        if (frame && names[own - 1] === "w:sdt") {
          frame.inProperties = false;
          frame.sdtPrEnd = tag.end;
        }
        break;
      case "w:p":
        if (!frames.some(inside)) pendingBookmark = null;
        break;
      case "w:sdtContent":
        if (frame && names[own - 1] === "w:sdt" && frame.contentStart >= 0) frame.contentEnd = tag.start;
        break;
      case "w:sdt": {
        const done = frames.pop();
        if (done && done.contentStart >= 0 && done.contentEnd >= 0 && (done.id || untagged)) {
          const control: Omit<LocatedControl, "id"> = {
            text: done.placeholder ? "" : done.text,
            contentStart: done.contentStart,
            contentEnd: done.contentEnd,
            runProperties: (done.placeholder ? done.controlRunProperties : (done.textRunProperties ?? done.firstRunProperties)) ?? "",
            paragraphProperties: done.block || done.paragraphs > 0 ? (done.paragraphProperties ?? "") : null,
          };
          if (done.emptyContent) control.emptyContent = true;
          if (done.placeholder) control.placeholder = done.placeholder;
          if (done.innerMarks) control.innerMarks = done.innerMarks;
          if (done.id) found.push({ id: done.id, ...control, anchor: "tag" });
          else if (untagged && done.sdtPrStart >= 0 && done.sdtPrEnd >= 0)
            untagged.push({
              ...control,
              bookmark: done.bookmark,
              propertiesStart: done.sdtPrStart,
              propertiesEnd: done.sdtPrEnd,
              controlRunProperties: done.controlRunProperties ?? "",
            });
        }
        break;
      }
    }
  });
  if (frames.length > 0 || names.length > 0) throw new XmlScanError("unclosed elements at the end of document.xml");
  // Document order: a control closes after any control nested in it, so sort by position.
  return found.sort((a, b) => a.contentStart - b.contentStart);
}

const HIGHLIGHT = /<w:highlight\b[^>]*?(?:\/>|>\s*<\/w:highlight>)/g;
/** Where w:highlight goes among a run's properties (CT_RPr's order): before these, after the rest. */
const AFTER_HIGHLIGHT = /<w:(?:u|effect|bdr|shd|fitText|vertAlign|rtl|cs|em|lang|eastAsianLayout|specVanish|oMath|rPrChange)\b/;

/**
 * The run properties for a write: a placeholder (［待补：…］) is highlighted yellow, a number is not —
 * a value written over a placeholder must not inherit its highlight.
 */
export function runPropertiesFor(runProperties: string, placeholder: boolean): string {
  const plain = runProperties.replace(HIGHLIGHT, "");
  if (!placeholder) return plain.replace(/^<w:rPr>\s*<\/w:rPr>$/, "").replace(/^<w:rPr\s*\/>$/, "");
  const mark = '<w:highlight w:val="yellow"/>';
  if (plain === "" || /^<w:rPr\s*\/>$/.test(plain)) return `<w:rPr>${mark}</w:rPr>`;
  const close = plain.lastIndexOf("</w:rPr>");
  const body = plain.slice(0, close);
  const at = body.search(AFTER_HIGHLIGHT);
  return at >= 0 ? `${body.slice(0, at)}${mark}${body.slice(at)}</w:rPr>` : `${body}${mark}</w:rPr>`;
}

/** The new inside of a control: one run with the first run's formatting (in a paragraph if it held paragraphs). */
function replacementContent(control: LocatedControl, text: string): string {
  const properties = runPropertiesFor(control.runProperties, isPlaceholderText(text));
  // A bookmark inside the content (where LibreOffice moves ours) stays: it is the figure's second anchor.
  const run = `${control.innerMarks ?? ""}<w:r>${properties}<w:t xml:space="preserve">${escapeXmlText(text)}</w:t></w:r>`;
  const inner = control.paragraphProperties === null ? run : `<w:p>${control.paragraphProperties}${run}</w:p>`;
  return control.emptyContent ? `<w:sdtContent>${inner}</w:sdtContent>` : inner;
}

/**
 * The new inside of a table figure's block-level control: the whole table written again (groups come
 * and go, so rows are not patched one by one), or its placeholder paragraph.
 */
function tableReplacementContent(control: LocatedControl, figure: LinkedFigure, text: string): string {
  const inner = `${control.innerMarks ?? ""}${tableFigureContent(figure.table, text)}`;
  return control.emptyContent ? `<w:sdtContent>${inner}</w:sdtContent>` : inner;
}

/** Applies a refresh plan's writes and stores the new link record; returns the new package. */
export function patchDocx(docx: LinkedDocx, plan: RefreshPlan): Uint8Array {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const c of docx.controls) if (c.restore) edits.push({ start: c.restore.start, end: c.restore.end, text: c.restore.xml });
  const tables = new Map(plan.record.figures.filter((f) => f.kind === "table").map((f) => [f.id, f]));
  for (const w of plan.writes) {
    const c = docx.controls[w.index];
    if (c.placeholder) edits.push({ ...c.placeholder, text: "" });
    const table = tables.get(w.id);
    // Only a block-level control can hold a table; an inline one keeps getting text.
    const content = table && c.paragraphProperties !== null ? tableReplacementContent(c, table, w.text) : replacementContent(c, w.text);
    edits.push({ start: c.contentStart, end: c.contentEnd, text: content });
  }
  edits.sort((a, b) => a.start - b.start);
  // One forward pass; an edit inside one already made (a control nested in a rewritten one) is gone with it.
  const pieces: string[] = [];
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue;
    pieces.push(docx.documentXml.slice(at, e.start), e.text);
    at = e.end;
  }
  pieces.push(docx.documentXml.slice(at));

  const out: Unzipped = {};
  for (const name of docx.order) {
    if (name === "word/document.xml") out[name] = edits.length ? encodeXml(pieces.join(""), docx.documentEncoding) : docx.files[name];
    else if (name === docx.linkPartName) out[name] = strToU8(linkRecordToXml(plan.record));
    else out[name] = docx.files[name];
  }
  return zipSync(out, { level: 6 });
}

/** Text of every figure control, for tests and for the pane's status list. */
export function controlTexts(xml: string): { id: string; text: string }[] {
  return locateControls(xml).map(({ id, text }) => ({ id, text }));
}
