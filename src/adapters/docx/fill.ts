// Filling the clerk's own .docx: every {{…}} placeholder in the body, its tables, headers and footers
// becomes a linked content control (tag `lr:<id>`, inside an `lr_<id>` bookmark, exactly what the
// generator writes), and the document gets the link record — so `refresh` treats it as a generated
// report. Word splits typed text across runs (spell-check marks, rsids, a half-bold word, bookmarks
// between runs); a placeholder is found across them. Only the runs a placeholder touches are
// rewritten: every other byte of every part stays as it was (the patcher's standard).
import { strToU8, zipSync, type Unzipped } from "fflate";
import { LINK_NAMESPACE, linkRecordToXml, parseLinkRecord, escapeXmlText, escapeXmlAttribute, slotTag } from "../../core/link";
import {
  PLACEHOLDER,
  brokenDefinitionOf,
  filledTemplateId,
  placeholderSuggestion,
  linkRecordForSlots,
  resolvePlaceholder,
  slotValue,
  withSlots,
  type PlaceholderTarget,
} from "../../core/fill";
import type { FigureResult, FigureTable, Issue, LinkRecord, ReportSettings } from "../../core/types";
import { attribute, scanTags, unescapeXml, XmlScanError } from "./xml-scan";
import { catalogueIssue, issueText, type TextParams } from "../../core/messages";
import { decodeXml, DocxReadError, encodeXml, type XmlEncoding } from "./patch";
import { DocxPackage, DOCUMENT_RELS } from "./opc";
import { customXmlPart } from "./package";
import { contentControlXml, figureSeparators } from "./content-control";
import { addTableTextStyle, tableFigureControlXml } from "./table-figure";
import { CellWidths } from "./cell-width";
import { figureBookmarkName } from "./bookmark-names";

/** A slot's current text, and whether it is an unresolved figure's 待补 placeholder (highlighted). */
export interface FillValue {
  text: string;
  unresolved: boolean;
  /** A table figure's table (null while unsupported): a placeholder alone in its paragraph becomes the table. */
  table?: FigureTable | null;
}

export interface FillSlots {
  /** The slot a placeholder's name leads to, or null for an unknown name. */
  resolve(name: string): PlaceholderTarget | null;
  value(id: string): FillValue;
  /** The link record for these slot ids, in the order they first appear. */
  record(ids: string[], previous: LinkRecord | null): LinkRecord;
  /** The error of a 指标定义 row that names this placeholder but could not be read (null when none). */
  brokenDefinition?(name: string): Issue | null;
  /** The question an unknown name's issue ends with (「是不是“电子保函笔数”？」); empty when none is near. */
  suggest?(name: string): { zh: string; en: string };
}

/** One placeholder met in the document, converted or not. */
export interface FoundPlaceholder {
  /** As typed, braces included. */
  text: string;
  /** `word/document.xml`, `word/header1.xml` … */
  part: string;
  /** 1-based paragraph in its part, counting table cells' paragraphs in reading order. */
  paragraph: number;
  /** The paragraph's text, for messages. */
  paragraphText: string;
  target: PlaceholderTarget | null;
  /** Why a known placeholder could not become a control (it is then left as typed). */
  refused?: string;
}

export interface FillResult {
  bytes: Uint8Array;
  placeholders: FoundPlaceholder[];
  /** Slot ids in the order they first appear. */
  ids: string[];
  record: LinkRecord;
  issues: Issue[];
  /** What was replaced, per part, in the template's own offsets: every other byte is as it was. */
  replaced: { part: string; start: number; end: number; text: string }[];
}

interface TextPiece {
  /** Offsets of `<w:t…>`'s end and `</w:t>`'s start: the raw text between them. */
  open: number;
  close: number;
  /** Offset of `<w:t` and after `</w:t>`. */
  start: number;
  end: number;
  text: string;
}

interface RunInfo {
  start: number;
  end: number;
  /** The run's own opening tag, kept (rsids and all) on what is left of it. */
  openTag: string;
  /** Raw `<w:rPr>…</w:rPr>` or "". */
  rPr: string;
  /** Offset just after its w:rPr (or its opening tag). */
  contentStart: number;
  /** Offset of `</w:r>`. */
  contentEnd: number;
  /** Offset of the element that holds it: runs of one placeholder must share it. */
  parent: number;
  pieces: TextPiece[];
  /** Direct children other than w:rPr and w:t, with their spans. */
  others: { name: string; start: number; end: number }[];
}

interface Paragraph {
  /** Offsets of `<w:p` and after `</w:p>`, and whether the paragraph stands where a table may (body, cell, block control). */
  start: number;
  end: number;
  block: boolean;
  /** In a table cell: the cell's width in twips (null when not given), and whether the paragraph is the cell's last block. */
  cell?: { width: number | null; last: boolean };
  runs: RunInfo[];
  /** The paragraph's text and, per character, its run and piece (-1 for a tab or break). */
  text: string;
  where: { run: number; piece: number; offset: number }[];
  number: number;
}

/** Elements a placeholder may run through between its runs: dropped (spell-check marks) or kept beside the control (bookmarks). */
const BETWEEN_DROPPED = new Set(["w:proofErr"]);
const BETWEEN_KEPT = new Set(["w:bookmarkStart", "w:bookmarkEnd", "w:commentRangeStart", "w:commentRangeEnd", "w:permStart", "w:permEnd"]);
/** Run children that carry no text and may be lost when a run holding only placeholder text goes. */
const RUN_IGNORABLE = new Set(["w:lastRenderedPageBreak"]);

/** Reads the paragraphs of one part with the run structure a placeholder needs. */
function readParagraphs(xml: string): Paragraph[] {
  const out: Paragraph[] = [];
  const stack: { name: string; start: number }[] = [];
  const paragraphs: Paragraph[] = [];
  const runs: (RunInfo | null)[] = [];
  let piece: Partial<TextPiece> | null = null;
  let rPrStart = -1;
  let count = 0;
  // The cell a paragraph stands in is measured as every nested table's writer measures it (cell-width.ts).
  const cells = new CellWidths(xml);
  scanTags(xml, (tag) => {
    const para = paragraphs[paragraphs.length - 1];
    const run = runs[runs.length - 1] ?? null;
    const parentName = stack[stack.length - 1]?.name;
    if (tag.kind !== "close") cells.onTag(tag, parentName);
    if (tag.kind === "open" || tag.kind === "empty") {
      if (tag.name === "w:p" && tag.kind === "open") {
        const block = parentName === "w:body" || parentName === "w:tc" || parentName === "w:sdtContent";
        const cell = parentName === "w:tc" ? { width: cells.width(), last: false } : undefined;
        paragraphs.push({ start: tag.start, end: -1, block, cell, runs: [], text: "", where: [], number: ++count });
        runs.push(null);
      } else if (tag.name === "w:r" && tag.kind === "open" && para) {
        runs[runs.length - 1] = {
          start: tag.start,
          end: -1,
          openTag: xml.slice(tag.start, tag.end),
          rPr: "",
          contentStart: tag.end,
          contentEnd: -1,
          parent: stack[stack.length - 1]?.start ?? -1,
          pieces: [],
          others: [],
        };
      } else if (run && parentName === "w:r") {
        if (tag.name === "w:rPr") {
          if (tag.kind === "empty") [run.rPr, run.contentStart] = [xml.slice(tag.start, tag.end), tag.end];
          else rPrStart = tag.start;
        } else if (tag.name === "w:t") {
          if (tag.kind === "open") piece = { start: tag.start, open: tag.end };
          else run.pieces.push({ start: tag.start, end: tag.end, open: tag.end, close: tag.end, text: "" });
        } else {
          run.others.push({ name: tag.name, start: tag.start, end: tag.kind === "empty" ? tag.end : -1 });
          if (para && (tag.name === "w:tab" || tag.name === "w:br" || tag.name === "w:cr")) {
            para.text += tag.name === "w:tab" ? "\t" : "\n";
            para.where.push({ run: -1, piece: -1, offset: 0 });
          }
        }
      }
      if (tag.kind === "open") stack.push({ name: tag.name, start: tag.start });
      return;
    }
    stack.pop();
    const ownParent = stack[stack.length - 1]?.name;
    cells.onTag(tag, ownParent);
    if (tag.name === "w:p") {
      const done = paragraphs.pop();
      runs.pop();
      if (done) {
        // A cell must end with a paragraph: one replaced by a table needs an empty one after it.
        if (done.cell) done.cell.last = /^(\s*<w:bookmarkEnd\b[^>]*\/>)*\s*<\/w:tc>/.test(xml.slice(tag.end, tag.end + 400));
        out.push({ ...done, end: tag.end });
      }
    } else if (run && tag.name === "w:r" && ownParent !== "w:r") {
      run.end = tag.end;
      run.contentEnd = tag.start;
      para.runs.push(run);
      runs[runs.length - 1] = null;
    } else if (run && ownParent === "w:r") {
      if (tag.name === "w:rPr" && rPrStart >= 0) {
        [run.rPr, run.contentStart] = [xml.slice(rPrStart, tag.end), tag.end];
        rPrStart = -1;
      } else if (tag.name === "w:t" && piece) {
        const text = unescapeXml(xml.slice(piece.open!, tag.start));
        const index = run.pieces.length;
        run.pieces.push({ start: piece.start!, open: piece.open!, close: tag.start, end: tag.end, text });
        // The run's index is known once it closes: runs of a paragraph close in order, so it is this.
        for (let k = 0; k < text.length; k++) para.where.push({ run: para.runs.length, piece: index, offset: k });
        para.text += text;
        piece = null;
      } else {
        const open = [...run.others].reverse().find((o) => o.name === tag.name && o.end < 0);
        if (open) open.end = tag.end;
      }
    }
  });
  // Paragraphs close innermost first (a text box's inside a run); reading order is by their number.
  return out.sort((a, b) => a.number - b.number);
}

/** The parts a placeholder may stand in, body first. */
function fillableParts(order: string[]): string[] {
  const rest = order.filter((n) => /^word\/(header|footer)\d*\.xml$/i.test(n)).sort();
  return ["word/document.xml", ...rest];
}

const PART_NAMES: [RegExp, string, string][] = [
  [/^word\/document\.xml$/i, "正文", "body"],
  [/^word\/header\d*\.xml$/i, "页眉", "header"],
  [/^word\/footer\d*\.xml$/i, "页脚", "footer"],
];

function partLabel(part: string): { zh: string; en: string } {
  const file = part.replace(/^word\//, "");
  for (const [re, zh, en] of PART_NAMES)
    if (re.test(part)) return part === "word/document.xml" ? { zh, en } : { zh: `${zh}（${file}）`, en: `${en} (${file})` };
  return { zh: file, en: file };
}

function shorten(text: string, max = 40): string {
  return text.length > max ? text.slice(0, max) + "…" : text;
}

/** Everything numbered in a package that new controls and bookmarks must not repeat. */
interface Numbering {
  bookmarkIds: Set<number>;
  bookmarkNames: Set<string>;
  controlIds: Set<number>;
}

function collectNumbering(texts: string[]): Numbering {
  const n: Numbering = { bookmarkIds: new Set(), bookmarkNames: new Set(), controlIds: new Set() };
  for (const xml of texts) {
    for (const m of xml.matchAll(/<w:bookmarkStart\b([^>]*)>/g)) {
      const id = Number(attribute(m[1], "w:id"));
      if (Number.isFinite(id)) n.bookmarkIds.add(id);
      const name = attribute(m[1], "w:name");
      if (name) n.bookmarkNames.add(name);
    }
    for (const m of xml.matchAll(/<w:sdtPr\b[^>]*>[\s\S]*?<\/w:sdtPr>/g))
      for (const id of m[0].matchAll(/<w:id\s+w:val="(-?\d+)"/g)) n.controlIds.add(Number(id[1]));
  }
  return n;
}

function take(used: Set<number>, from: number): number {
  let k = from;
  while (used.has(k)) k++;
  used.add(k);
  return k;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The text with its edits (spans that do not overlap) made. */
function applyEdits(xml: string, edits: Edit[]): string {
  const pieces: string[] = [];
  let at = 0;
  for (const e of [...edits].sort((x, y) => x.start - y.start)) {
    pieces.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  pieces.push(xml.slice(at));
  return pieces.join("");
}

/**
 * The edit turning one placeholder (characters a..b of the paragraph) into a control, or why it
 * cannot: its runs must share one parent, and nothing but its own text, spell-check marks and
 * bookmarks may lie between its first and last character.
 */
/** Why a placeholder cannot become a control, in both languages (the CLI and the panes speak either). */
type Refusal = { zh: string; en: string };

/** A refusal in the catalogue's words. */
function refusal(
  key: "fill.refused#crosses_edge" | "fill.refused#lies_inside" | "fill.refused#table_in_header" | "fill.refused#table_shares_paragraph",
  params: TextParams = {},
): Refusal {
  const { message, messageEn } = issueText(key, params);
  return { zh: message, en: messageEn };
}

function placeholderEdit(xml: string, p: Paragraph, a: number, b: number, control: (rPr: string) => string): Edit | { refused: Refusal } {
  const first = p.where[a];
  const last = p.where[b - 1];
  const r1 = p.runs[first.run];
  const rn = p.runs[last.run];
  const between = p.runs.slice(first.run, last.run + 1);
  if (between.some((r) => r.parent !== r1.parent)) return { refused: refusal("fill.refused#crosses_edge") };
  // Inside the placeholder: the first run after its start, the last run before its end, the runs between.
  const inside = (r: RunInfo, from: number, to: number) =>
    r.others.filter((o) => o.start >= from && o.end <= to && !RUN_IGNORABLE.has(o.name));
  const s1 = r1.pieces[first.piece];
  const sn = rn.pieces[last.piece];
  const blocked =
    first.run === last.run
      ? inside(r1, s1.start, sn.end)
      : [
          ...inside(r1, s1.start, r1.contentEnd),
          ...between.slice(1, -1).flatMap((r) => inside(r, r.contentStart, r.contentEnd)),
          ...inside(rn, rn.contentStart, sn.end),
        ];
  if (blocked.length) return { refused: refusal("fill.refused#lies_inside", { name: blocked[0].name }) };
  const kept: string[] = [];
  for (let i = 0; i < between.length - 1; i++) {
    let problem: string | null = null;
    const gap = xml.slice(between[i].end, between[i + 1].start);
    scanTags(gap, (t) => {
      if (t.kind === "empty" && BETWEEN_KEPT.has(t.name)) kept.push(gap.slice(t.start, t.end));
      else if (!(t.kind === "empty" && BETWEEN_DROPPED.has(t.name))) problem ??= t.name;
    });
    if (gap.replace(/<[^>]*>/g, "").trim() !== "") problem ??= "text";
    if (problem) return { refused: refusal("fill.refused#lies_inside", { name: problem }) };
  }
  const piece = (text: string) => (text ? `<w:t xml:space="preserve">${escapeXmlText(text)}</w:t>` : "");
  // What stays of the first run: its content before the placeholder's piece and that piece's text before it.
  const headText = s1.text.slice(0, first.offset);
  const headInner = xml.slice(r1.contentStart, s1.start) + piece(headText);
  const head = headInner ? `${r1.openTag}${r1.rPr}${headInner}</w:r>` : "";
  const tailText = sn.text.slice(last.offset + 1);
  const tailInner = piece(tailText) + xml.slice(sn.end, rn.contentEnd);
  const tail = tailInner ? `${rn.openTag}${rn.rPr}${tailInner}</w:r>` : "";
  return { start: r1.start, end: rn.end, text: head + kept.join("") + control(r1.rPr) + tail };
}

/**
 * The one span of `before` that differs from `after` per paragraph run of changes: common prefix and
 * suffix, refined by the unchanged paragraphs between. Used to report what a fill touched.
 */
function changedSpans(part: string, before: string, after: string): FillResult["replaced"] {
  // Paragraph boundaries are never touched by a fill, so paragraphs correspond one to one.
  const split = (x: string) => x.split(/(?=<w:p[ >])/);
  const a = split(before);
  const b = split(after);
  const out: FillResult["replaced"] = [];
  if (a.length !== b.length) return [{ part, start: 0, end: before.length, text: after }];
  let offset = 0;
  a.forEach((pa, i) => {
    const pb = b[i];
    if (pa !== pb) {
      let s = 0;
      while (s < pa.length && s < pb.length && pa[s] === pb[s]) s++;
      let e = 0;
      while (e < pa.length - s && e < pb.length - s && pa[pa.length - 1 - e] === pb[pb.length - 1 - e]) e++;
      out.push({ part, start: offset + s, end: offset + pa.length - e, text: pb.slice(s, pb.length - e) });
    }
    offset += pa.length;
  });
  return out;
}

/** Finds the link record already in a package (a document filled before, a generated report). */
function existingLink(files: Unzipped, order: string[]): { name: string; record: LinkRecord } | null {
  for (const name of order) {
    if (!/^customXml\/item\d*\.xml$/i.test(name)) continue;
    const text = decodeXml(files[name])?.text;
    if (!text || !text.includes(LINK_NAMESPACE)) continue;
    const parsed = parseLinkRecord(text);
    if (parsed.ok) return { name, record: parsed.record };
  }
  return null;
}

/** Adds a custom XML part holding the record the way Word stores one (package.ts's description), by insertion only. */
function addLinkPart(files: Unzipped, order: string[], recordXml: string, guid: string): void {
  const pkg = DocxPackage.wrap(files, order);
  const n = DocxPackage.freeNumber(
    (k) =>
      pkg.has(`customXml/item${k}.xml`) ||
      pkg.has(`customXml/itemProps${k}.xml`) ||
      pkg.relationshipIdUsed(DOCUMENT_RELS, `LedgerReportLink${k}`),
  );
  pkg.addParts(customXmlPart(recordXml, LINK_NAMESPACE, guid, n));
}

function guid(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return `{${(c?.randomUUID?.() ?? "00000000-0000-4000-8000-000000000000").toUpperCase()}}`;
}

/** Opens a .docx for filling: the same checks as refresh (not a docx, encrypted, too large). */
function openPackage(bytes: Uint8Array): { files: Unzipped; order: string[] } {
  const { files, order } = DocxPackage.open(bytes, { noun: "模板", nounEn: "template", consequence: "" });
  return { files, order };
}

/**
 * A figure control right after another with nothing between them (`{{单位名称}}{{年度}}`) is kept apart
 * by the separator of figureSeparators (content-control.ts says why). Placeholders are filled in
 * document order, so only the previous one can touch.
 */
function separatedFromPrevious(xml: string, edit: Edit): Edit {
  const adjacent =
    edit.text.startsWith("<w:bookmarkStart") &&
    /<\/w:sdt><w:bookmarkEnd w:id="\d+"\/>$/.test(xml.slice(Math.max(0, edit.start - 100), edit.start));
  const { before } = figureSeparators({ before: adjacent, after: false });
  return before ? { ...edit, text: `<w:r><w:t>${before}</w:t></w:r>${edit.text}` } : edit;
}

/**
 * Why a table figure's placeholder cannot become its table here (null when it can, or is no table
 * figure): a table needs a block-level paragraph of its own in the body or a table cell.
 */
function tableFigureMisplaced(part: string, p: Paragraph, placeholder: string, value: FillValue): Refusal | null {
  if (value.table === undefined) return null;
  if (part !== "word/document.xml") return refusal("fill.refused#table_in_header");
  if (!p.block || p.text.trim() !== placeholder) return refusal("fill.refused#table_shares_paragraph");
  return null;
}

/**
 * Why a placeholder found in a part stays as typed — an issue naming its paragraph (and marking
 * `found.refused` where a known slot could not be placed) — or null when it becomes a control.
 */
function leftAsTyped(found: FoundPlaceholder, name: string, p: Paragraph, at: number, xml: string, slots: FillSlots): Issue | null {
  const where = partLabel(found.part);
  const typed = found.text;
  const { target } = found;
  const broken = target ? null : (slots.brokenDefinition?.(name) ?? null);
  // Where the placeholder stands, as every message of it says.
  const stands = { where: where.zh, whereEn: where.en, paragraph: p.number, typed, text: shorten(p.text) };
  if (broken) {
    const error = { cell: broken.cell ?? "指标定义", error: broken.message, errorEn: broken.messageEn };
    return catalogueIssue(
      "warning",
      "fill.unknown_placeholder#broken_definition",
      { ...stands, ...error },
      broken.cell ? { cell: broken.cell } : {},
    );
  }
  if (!target) {
    const near = slots.suggest?.(name) ?? { zh: "", en: "" };
    return catalogueIssue("warning", "fill.unknown_placeholder", { ...stands, near: near.zh, nearEn: near.en ? ` ${near.en}` : "" });
  }
  const misplaced = tableFigureMisplaced(found.part, p, typed, slots.value(target.id));
  if (misplaced) {
    found.refused = misplaced.zh;
    return catalogueIssue("warning", "fill.placeholder_not_converted#table", { ...stands, why: misplaced.zh, whyEn: misplaced.en });
  }
  const edit = placeholderEdit(xml, p, at, at + typed.length, () => "");
  if ("refused" in edit) {
    found.refused = edit.refused.zh;
    return catalogueIssue("warning", "fill.placeholder_not_converted", { ...stands, why: edit.refused.zh, whyEn: edit.refused.en });
  }
  return null;
}

/** Fills every placeholder of a .docx with a linked control; unknown ones are issues, left as typed. */
export function fillDocx(bytes: Uint8Array, slots: FillSlots): FillResult {
  const { files, order } = openPackage(bytes);
  const parts = fillableParts(order).filter((n) => files[n]);
  const decoded = new Map<string, { text: string; encoding: XmlEncoding }>();
  for (const name of parts) {
    const d = decodeXml(files[name]);
    if (!d)
      throw new DocxReadError(
        "corrupt",
        `文档的 ${name} 不是有效的文本，无法读取。`,
        `the document's ${name} is not valid text and cannot be read.`,
      );
    decoded.set(name, d);
  }
  const numbering = collectNumbering([...decoded.values()].map((d) => d.text));
  const occurrences = new Map<string, number>();
  const placeholders: FoundPlaceholder[] = [];
  const ids: string[] = [];
  const issues: Issue[] = [];
  const replaced: FillResult["replaced"] = [];
  let tablesPlaced = false;

  const bookmarkFor = (id: string): string => {
    for (let k = (occurrences.get(id) ?? 0) + 1; ; k++) {
      const name = figureBookmarkName(id, k);
      if (!numbering.bookmarkNames.has(name)) {
        occurrences.set(id, k);
        numbering.bookmarkNames.add(name);
        return name;
      }
    }
  };

  for (const part of parts) {
    const { text: original, encoding } = decoded.get(part)!;
    const read = (xml: string): Paragraph[] => {
      try {
        return readParagraphs(xml);
      } catch (e) {
        if (e instanceof XmlScanError)
          throw new DocxReadError(
            "corrupt",
            `文档的 ${part} 已损坏，无法解析。`,
            `the document's ${part} is damaged and cannot be parsed.`,
          );
        throw e;
      }
    };
    // A dry run: every placeholder, in reading order, with what it leads to and whether it can be converted.
    for (const p of read(original)) {
      for (const m of p.text.matchAll(PLACEHOLDER)) {
        const target = slots.resolve(m[1]);
        const found: FoundPlaceholder = { text: m[0], part, paragraph: p.number, paragraphText: p.text, target };
        placeholders.push(found);
        const left = leftAsTyped(found, m[1], p, m.index!, original, slots);
        if (left) issues.push(left);
        else ids.push(target!.id);
      }
    }
    // Then the conversions, one placeholder per paragraph per pass: two in one run share that run's
    // bytes, so the second is found again in what the first left.
    let xml = original;
    for (;;) {
      const edits: Edit[] = [];
      for (const p of read(xml)) {
        for (const m of p.text.matchAll(PLACEHOLDER)) {
          const target = slots.resolve(m[1]);
          if (!target) continue;
          const value = slots.value(target.id);
          if (tableFigureMisplaced(part, p, m[0], value)) continue;
          const control = (rPr: string) => {
            const mark = take(numbering.bookmarkIds, 0);
            const name = bookmarkFor(target.id);
            const id = take(numbering.controlIds, 1);
            // The generator's shape: the bookmark around the control, the control's inside in the placeholder's first formatting.
            return (
              `<w:bookmarkStart w:id="${mark}" w:name="${escapeXmlAttribute(name)}"/>` +
              contentControlXml({ alias: target.name, tag: slotTag(target.id), id, text: value.text, textRunProperties: rPr }) +
              `<w:bookmarkEnd w:id="${mark}"/>`
            );
          };
          // A table figure alone in a block-level paragraph: the paragraph becomes its block control around the table.
          // In a cell the table is nested, as wide as the cell, and the cell keeps a last paragraph (OOXML requires one).
          if (value.table !== undefined) {
            const mark = take(numbering.bookmarkIds, 0);
            const id = take(numbering.controlIds, 1);
            const width = p.cell?.width ?? undefined;
            const block = tableFigureControlXml({
              alias: target.name,
              tag: slotTag(target.id),
              id,
              table: value.table,
              text: value.text,
              width,
            });
            const closing = p.cell?.last ? "<w:p/>" : "";
            tablesPlaced = true;
            edits.push({
              start: p.start,
              end: p.end,
              text: `<w:bookmarkStart w:id="${mark}" w:name="${escapeXmlAttribute(bookmarkFor(target.id))}"/>${block}<w:bookmarkEnd w:id="${mark}"/>${closing}`,
            });
            break;
          }
          const edit = placeholderEdit(xml, p, m.index!, m.index! + m[0].length, control);
          if ("refused" in edit) continue;
          edits.push(separatedFromPrevious(xml, edit));
          break;
        }
      }
      if (edits.length === 0) break;
      xml = applyEdits(xml, edits);
    }
    if (xml !== original) {
      files[part] = encodeXml(xml, encoding);
      replaced.push(...changedSpans(part, original, xml));
    }
  }

  if (tablesPlaced) addTableTextStyle(files, order);

  const previous = existingLink(files, order);
  const record = slots.record(ids, previous?.record ?? null);
  if (previous) files[previous.name] = strToU8(linkRecordToXml(record));
  else addLinkPart(files, order, linkRecordToXml(record), guid());

  const out: Unzipped = {};
  for (const name of order) out[name] = files[name];
  return { bytes: zipSync(out, { level: 6 }), placeholders, ids, record, issues, replaced };
}

/**
 * Fills a template from a workbook's figures and settings: the one implementation behind
 * `ledger-report fill` (and, on a document in Word, the pane's 将占位符转为指标 uses the same resolution).
 */
export function fillFromEngine(
  templateBytes: Uint8Array,
  engine: { figures: FigureResult[]; settings: ReportSettings; issues?: Issue[] },
  options: { workbookName: string; generatedAt: string; templateName: string },
): FillResult {
  const { figures, settings } = engine;
  return fillDocx(templateBytes, {
    resolve: (name) => resolvePlaceholder(name, figures),
    value: (id) => slotValue(id, figures, settings),
    brokenDefinition: (name) => brokenDefinitionOf(name, engine.issues ?? []),
    suggest: (name) => placeholderSuggestion(name, figures),
    record: (ids, previous) =>
      previous
        ? withSlots(previous, ids, figures, settings)
        : linkRecordForSlots(ids, figures, settings, options.workbookName, options.generatedAt, filledTemplateId(options.templateName)),
  });
}
