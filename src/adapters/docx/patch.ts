// Reading and patching a generated report (.docx) in place: find the figure controls and the link
// part, then rewrite only the inside of the controls being updated and the link part. Every other
// part keeps its exact content, and document.xml is unchanged outside the replaced w:sdtContent spans.
import { zipSync, strToU8, type Unzipped } from "fflate";
import { LINK_NAMESPACE, parseLinkRecord, linkRecordToXml, type ParseLinkResult } from "../../core/link";
import type { RefreshPlan } from "../../core/refresh/plan";
import type { LinkRecord } from "../../core/types";
import { XmlScanError } from "./xml-scan";
import { addTableTextStyle, regainTableFigures, tableFigureContent } from "./table-figure";
import { tableOfText } from "../../core/figures/grouped";
import { cellWidthsAt } from "./cell-width";
import { decodeXml, DocxPackage, DocxReadError, encodeXml, type DocxReadErrorCode, type XmlEncoding } from "./opc";

// The package model is opc.ts's; these stay importable from here for the callers that read a report file.
export { decodeXml, DocxReadError, encodeXml, type DocxReadErrorCode, type XmlEncoding } from "./opc";
import { locateControls, placeUntagged, replaceControlContents, type LocatedControl, type UntaggedControl } from "./content-control";

// Where the controls are found and how they are written is the content-control module's; these
// names stay importable from here for the callers that read a report file.
export {
  controlTexts,
  locateControls,
  placeUntagged,
  runPropertiesFor,
  type LocatedControl,
  type UntaggedControl,
} from "./content-control";

export interface LinkedDocx {
  files: Unzipped;
  /** Entry names in their original order, to write the package back the same way. */
  order: string[];
  documentXml: string;
  /** How document.xml was encoded, so a patched part is written back the same way. */
  documentEncoding: XmlEncoding;
  linkPartName: string;
  record: LinkRecord;
  /** The body's controls, then those of headers and footers (`part` names theirs). */
  controls: (LocatedControl & { part?: string })[];
  /** Headers and footers holding figure controls (a filled document's {{年度}}), as read. */
  otherParts?: Record<string, { xml: string; encoding: XmlEncoding }>;
}

const CORRUPT_BODY = () =>
  new DocxReadError(
    "corrupt",
    "文档内容已损坏（document.xml 无法解析），无法刷新。",
    "the document body is damaged (document.xml cannot be parsed).",
  );

/** Opens a .docx and finds its link record and figure controls; throws DocxReadError when it cannot be refreshed. */
export function readLinkedDocx(bytes: Uint8Array): LinkedDocx {
  const pkg = DocxPackage.open(bytes);
  const { files, order } = pkg;
  const doc = files["word/document.xml"];
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
    // Through .odt and back, LibreOffice drops the link part and the controls but keeps the `lr_` bookmarks.
    const bookmarks = controls.length === 0 && untagged.length === 0 ? figureBookmarkCount(documentXml) : 0;
    if (bookmarks > 0)
      throw new DocxReadError(
        "link_missing",
        `文档中有 ${bookmarks} 个指标书签，但链接信息和数字控件都已丢失（另存为 .odt 等其他格式再转回 .docx 时会这样），无法判断哪些数字被手工修改过。请用另存之前的 .docx 报告刷新，或重新生成报告。`,
        `the document has ${bookmarks} figure bookmarks but its link part and figure controls are gone (as after a round trip through .odt); hand edits cannot be told apart. Refresh the .docx from before that save, or generate the report again.`,
      );
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
  // A table figure's block control LibreOffice dissolved: found by its bookmark in the table's first cell, widened back to the table.
  if (untagged.length)
    controls = regainTableFigures(
      documentXml,
      controls,
      new Set(parsed.record.figures.filter((f) => f.kind === "table").map((f) => f.id)),
      new Map(parsed.record.figures.map((f) => [f.id, f.name])),
    );
  // A refresh that "removes" every figure is that loss, where nothing could be placed.
  if (controls.length === 0 && parsed.record.figures.length > 0)
    throw new DocxReadError(
      "link_missing",
      `链接信息还在，但文档中找不到任何数字控件（共 ${parsed.record.figures.length} 个）：控件标记可能在用其他软件（如 WPS、LibreOffice）另存时丢失了。请用 Word 保存的原报告刷新，或重新生成报告。`,
      `the link part lists ${parsed.record.figures.length} figures but the document has no figure controls left: their tags were probably lost when another program (WPS, LibreOffice) re-saved it. Refresh the report as Word saved it, or generate it again.`,
    );
  const other = headerFooterControls(files, order, parsed.record);
  return {
    files,
    order,
    documentXml,
    documentEncoding: decoded.encoding,
    linkPartName,
    record: parsed.record,
    controls: [...controls, ...other.controls],
    otherParts: other.parts,
  };
}

/**
 * Figure controls in headers and footers (a filled document may put {{年度}} there), after the body's:
 * found by their tags, or — re-saved by LibreOffice, which empties every w:sdtPr but keeps the
 * bookmarks — by their `lr_` bookmark; never by order, never guessed at.
 */
function headerFooterControls(
  files: Unzipped,
  order: string[],
  record: LinkRecord,
): { controls: (LocatedControl & { part: string })[]; parts: Record<string, { xml: string; encoding: XmlEncoding }> } {
  const controls: (LocatedControl & { part: string })[] = [];
  const parts: Record<string, { xml: string; encoding: XmlEncoding }> = {};
  for (const name of order.filter((n) => /^word\/(header|footer)\d*\.xml$/i.test(n)).sort()) {
    const decoded = decodeXml(files[name]);
    if (!decoded || !/lr:|lr_/.test(decoded.text)) continue;
    let found: LocatedControl[];
    try {
      const untagged: UntaggedControl[] = [];
      found = locateControls(decoded.text, untagged);
      if (untagged.length) found = [...found, ...placeUntagged(untagged, record, false)].sort((a, b) => a.contentStart - b.contentStart);
    } catch (e) {
      if (e instanceof XmlScanError) continue;
      throw e;
    }
    if (found.length === 0) continue;
    parts[name] = { xml: decoded.text, encoding: decoded.encoding };
    controls.push(...found.map((c) => ({ ...c, part: name })));
  }
  return { controls, parts };
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

/** Applies a refresh plan's writes and stores the new link record; returns the new package. */
export function patchDocx(docx: LinkedDocx, plan: RefreshPlan): Uint8Array {
  // A table figure is written whole — its table, or its placeholder paragraph — into a block-level
  // control: groups come and go, so rows are not patched one by one.
  const tables = new Map(plan.record.figures.filter((f) => f.kind === "table").map((f) => [f.id, f]));
  // Each part is patched with its own controls; a write's index is into docx.controls, so it is mapped to the part's list.
  const patchPart = (part: string | undefined, xml: string): string => {
    const indexes = docx.controls.map((c, i) => (c.part === part ? i : -1)).filter((i) => i >= 0);
    const local = new Map(indexes.map((i, k) => [i, k]));
    // A table written in a table cell is as wide as that cell, as fill made it (cell-width.ts); in the body, the text block's.
    const widths = new Map<number, number>();
    const tableIndexes = indexes.filter((i) => tables.has(docx.controls[i].id));
    cellWidthsAt(
      xml,
      tableIndexes.map((i) => docx.controls[i].contentStart),
    ).forEach((w, k) => {
      if (w !== null) widths.set(tableIndexes[k], w);
    });
    const tableBlock = (w: RefreshPlan["writes"][number]): { block?: string } => {
      const figure = tables.get(w.id);
      return figure && docx.controls[w.index].paragraphProperties !== null
        ? { block: tableFigureContent(figure.table, w.text, widths.get(w.index)) }
        : {};
    };
    const writes = plan.writes.filter((w) => local.has(w.index)).map((w) => ({ ...w, index: local.get(w.index)!, ...tableBlock(w) }));
    // A regained table figure is written whole even when the ledgers did not move: its tags come back around a clean table.
    indexes.forEach((i, k) => {
      const c = docx.controls[i];
      if (!c.regained) return;
      const write = writes.find((w) => w.index === k);
      const text = write?.text ?? c.text;
      const table = write && tables.get(c.id)?.table !== undefined ? tables.get(c.id)!.table : tableOfText(text);
      const block = c.regained.open + tableFigureContent(table, text, widths.get(i)) + c.regained.close;
      if (write) write.block = block;
      else writes.push({ index: k, id: c.id, text, block });
    });
    return replaceControlContents(
      xml,
      indexes.map((i) => docx.controls[i]),
      writes,
    );
  };
  const out: Unzipped = {};
  for (const name of docx.order) {
    const other = docx.otherParts?.[name];
    if (name === "word/document.xml") {
      const patched = patchPart(undefined, docx.documentXml);
      out[name] = patched === docx.documentXml ? docx.files[name] : encodeXml(patched, docx.documentEncoding);
    } else if (other) {
      const patched = patchPart(name, other.xml);
      out[name] = patched === other.xml ? docx.files[name] : encodeXml(patched, other.encoding);
    } else if (name === docx.linkPartName) out[name] = strToU8(linkRecordToXml(plan.record));
    else if (name === "word/styles.xml" && docx.controls.some((c) => c.regained)) {
      // LibreOffice renamed the table text style; the table written again names ours, so ours comes back.
      const styles: Unzipped = { [name]: docx.files[name] };
      addTableTextStyle(styles);
      out[name] = styles[name];
    } else out[name] = docx.files[name];
  }
  return zipSync(out, { level: 6 });
}

/** How many figures' `lr_<id>` bookmarks (first uses only: `lr_<id>__2`… mark later copies) the body holds. */
function figureBookmarkCount(documentXml: string): number {
  let n = 0;
  for (const m of documentXml.matchAll(/<w:bookmarkStart\b[^>]*\bw:name="(lr_[^"]*)"/g)) if (!m[1].includes("__")) n++;
  return n;
}
