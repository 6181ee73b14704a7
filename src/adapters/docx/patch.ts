// Reading and patching a generated report (.docx) in place: find the figure controls and the link
// part, then rewrite only the inside of the controls being updated and the link part. Every other
// part keeps its exact content, and document.xml is unchanged outside the replaced w:sdtContent spans.
import { unzipSync, zipSync, strFromU8, strToU8, type Unzipped } from "fflate";
import { LINK_NAMESPACE, parseLinkRecord, linkRecordToXml, slotIdFromTag } from "../../core/link";
import type { FoundControl, RefreshPlan } from "../../core/refresh/plan";
import type { LinkRecord } from "../../core/types";
import { attribute, escapeXmlText, scanTags, unescapeXml, XmlScanError } from "./xml-scan";

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
  contentStart: number;
  contentEnd: number;
  /** Raw `<w:rPr>…</w:rPr>` of its first run, reused for the new text. */
  runProperties: string;
  /** Raw `<w:pPr>…</w:pPr>` of its first paragraph when the control holds paragraphs. */
  paragraphProperties: string | null;
}

export interface LinkedDocx {
  files: Unzipped;
  /** Entry names in their original order, to write the package back the same way. */
  order: string[];
  documentXml: string;
  linkPartName: string;
  record: LinkRecord;
  controls: LocatedControl[];
}

const MAX_UNCOMPRESSED = 256 * 1024 * 1024;

/** Opens a .docx and finds its link record and figure controls; throws DocxReadError when it cannot be refreshed. */
export function readLinkedDocx(bytes: Uint8Array): LinkedDocx {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new DocxReadError("not_docx", "这不是 Word 文档（.docx）。", "this is not a Word document (.docx).");
  let files: Unzipped;
  const order: string[] = [];
  let total = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_UNCOMPRESSED) throw new DocxReadError("too_large", `文档解压后超过 ${MAX_UNCOMPRESSED / 1048576} MB 上限，已停止读取。`, `the document exceeds the ${MAX_UNCOMPRESSED / 1048576} MB uncompressed limit.`);
        order.push(f.name);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof DocxReadError) throw e;
    throw new DocxReadError("corrupt", "文档已损坏或不完整，无法打开。", "the document is damaged or incomplete.");
  }
  const doc = files["word/document.xml"];
  if (!doc) throw new DocxReadError("not_docx", "这个文件不是 Word 文档（缺少 word/document.xml）。", "this file is not a Word document (no word/document.xml).");

  let linkPartName = "";
  let linkXml = "";
  for (const name of order) {
    if (!/^customXml\/item\d*\.xml$/i.test(name)) continue;
    const text = decode(files[name]);
    if (text.includes(LINK_NAMESPACE) || text.includes("urn:ledger-report:link:")) {
      linkPartName = name;
      linkXml = text;
      break;
    }
  }
  const documentXml = decode(doc);
  let controls: LocatedControl[];
  try {
    controls = locateControls(documentXml);
  } catch (e) {
    if (e instanceof XmlScanError) throw new DocxReadError("corrupt", "文档内容已损坏（document.xml 无法解析）。", "the document body is damaged (document.xml cannot be parsed).");
    throw e;
  }
  if (!linkPartName) {
    if (controls.length === 0) throw new DocxReadError("not_linked", "这个文档不是由台账生成的报告（没有链接信息和数字控件），无法刷新。", "this document is not a linked report (no link part, no figure controls).");
    throw new DocxReadError("link_missing", `文档中有 ${controls.length} 个数字控件，但链接信息已丢失（可能被其他软件另存过），无法判断哪些数字被手工修改过。请重新生成报告。`, `the document has ${controls.length} figure controls but its link part is gone (re-saved by another program?); hand edits cannot be told apart. Generate the report again.`);
  }
  const parsed = parseLinkRecord(linkXml);
  if (!parsed.ok) {
    const code: DocxReadErrorCode = parsed.reason === "newer_version" ? "newer_version" : parsed.reason === "not_link" ? "not_linked" : "corrupt";
    throw new DocxReadError(code, parsed.message, parsed.messageEn);
  }
  return { files, order, documentXml, linkPartName, record: parsed.record, controls };
}

function decode(bytes: Uint8Array): string {
  // A BOM is legal at the start of a part; the offsets we patch must not count it twice.
  const s = strFromU8(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

interface Frame {
  id: string | null;
  inProperties: boolean;
  contentStart: number;
  contentEnd: number;
  text: string;
  runProperties: string;
  runPropertiesStart: number;
  paragraphProperties: string | null;
  paragraphPropertiesStart: number;
  sawRun: boolean;
  sawParagraph: boolean;
}

/** Finds every `w:sdt` tagged `lr:<id>` with the text it shows and where its content lies. */
export function locateControls(xml: string): LocatedControl[] {
  const found: LocatedControl[] = [];
  const frames: Frame[] = [];
  const names: string[] = [];
  let textStart = -1;

  scanTags(xml, (tag) => {
    const frame = frames[frames.length - 1];
    const inContent = frame && frame.contentStart >= 0 && frame.contentEnd < 0;
    if (tag.kind === "open" || tag.kind === "empty") {
      const parent = names[names.length - 1];
      switch (tag.name) {
        case "w:sdt":
          if (tag.kind === "open")
            frames.push({ id: null, inProperties: false, contentStart: -1, contentEnd: -1, text: "", runProperties: "", runPropertiesStart: -1, paragraphProperties: null, paragraphPropertiesStart: -1, sawRun: false, sawParagraph: false });
          break;
        case "w:sdtPr":
          if (frame && tag.kind === "open") frame.inProperties = true;
          break;
        case "w:tag":
          if (frame?.inProperties) frame.id = slotIdFromTag(attribute(tag.attrs, "w:val") ?? "");
          break;
        case "w:sdtContent":
          if (frame && tag.kind === "open") frame.contentStart = tag.end;
          break;
        case "w:t":
          if (tag.kind === "open") textStart = tag.end;
          break;
        case "w:tab":
          if (inContent && parent === "w:r") for (const f of openContents(frames)) f.text += "\t";
          break;
        case "w:r":
          if (inContent && !frame.sawRun) frame.sawRun = true;
          break;
        case "w:rPr":
          if (inContent && parent === "w:r" && frame.runPropertiesStart < 0 && !frame.runProperties) {
            if (tag.kind === "empty") frame.runProperties = xml.slice(tag.start, tag.end);
            else frame.runPropertiesStart = tag.start;
          }
          break;
        case "w:p":
          if (inContent) frame.sawParagraph = true;
          break;
        case "w:pPr":
          if (inContent && parent === "w:p" && frame.paragraphProperties === null && frame.paragraphPropertiesStart < 0) {
            if (tag.kind === "empty") frame.paragraphProperties = xml.slice(tag.start, tag.end);
            else frame.paragraphPropertiesStart = tag.start;
          }
          break;
      }
      if (tag.kind === "open") names.push(tag.name);
      return;
    }
    // Closing tags.
    names.pop();
    switch (tag.name) {
      case "w:t":
        if (textStart >= 0) {
          const text = unescapeXml(xml.slice(textStart, tag.start));
          for (const f of openContents(frames)) f.text += text;
          textStart = -1;
        }
        break;
      case "w:rPr":
        if (frame && frame.runPropertiesStart >= 0 && !frame.runProperties) frame.runProperties = xml.slice(frame.runPropertiesStart, tag.end);
        break;
      case "w:pPr":
        if (frame && frame.paragraphPropertiesStart >= 0 && frame.paragraphProperties === null) frame.paragraphProperties = xml.slice(frame.paragraphPropertiesStart, tag.end);
        break;
      case "w:sdtPr":
        if (frame) frame.inProperties = false;
        break;
      case "w:sdtContent":
        if (frame) frame.contentEnd = tag.start;
        break;
      case "w:sdt": {
        const done = frames.pop();
        if (done?.id && done.contentStart >= 0 && done.contentEnd >= 0) {
          found.push({
            id: done.id,
            text: done.text,
            contentStart: done.contentStart,
            contentEnd: done.contentEnd,
            runProperties: done.runProperties,
            paragraphProperties: done.sawParagraph ? (done.paragraphProperties ?? "") : null,
          });
        }
        break;
      }
    }
  });
  // Document order: a control closes after any control nested in it, so sort by position.
  return found.sort((a, b) => a.contentStart - b.contentStart);
}

function openContents(frames: Frame[]): Frame[] {
  return frames.filter((f) => f.contentStart >= 0 && f.contentEnd < 0);
}

/** The new inside of a control: one run with the first run's formatting (in a paragraph if it held paragraphs). */
function replacementContent(control: LocatedControl, text: string): string {
  const run = `<w:r>${control.runProperties}<w:t xml:space="preserve">${escapeXmlText(text)}</w:t></w:r>`;
  return control.paragraphProperties === null ? run : `<w:p>${control.paragraphProperties}${run}</w:p>`;
}

/** Applies a refresh plan's writes and stores the new link record; returns the new package. */
export function patchDocx(docx: LinkedDocx, plan: RefreshPlan): Uint8Array {
  let xml = docx.documentXml;
  // From the end backwards, so earlier offsets stay valid.
  const writes = [...plan.writes].sort((a, b) => docx.controls[b.index].contentStart - docx.controls[a.index].contentStart);
  for (const w of writes) {
    const c = docx.controls[w.index];
    xml = xml.slice(0, c.contentStart) + replacementContent(c, w.text) + xml.slice(c.contentEnd);
  }
  const out: Unzipped = {};
  for (const name of docx.order) {
    if (name === "word/document.xml") out[name] = writes.length ? strToU8(xml) : docx.files[name];
    else if (name === docx.linkPartName) out[name] = strToU8(linkRecordToXml(plan.record));
    else out[name] = docx.files[name];
  }
  return zipSync(out, { level: 6 });
}

/** Text of every figure control, for tests and for the pane's status list. */
export function controlTexts(xml: string): { id: string; text: string }[] {
  return locateControls(xml).map(({ id, text }) => ({ id, text }));
}
