// ReportDocument blocks → docx paragraphs and tables. Every figure slot becomes a locked rich-text
// content control tagged with its figure id; nothing else in the text is a control, so Refresh can
// never touch what the clerk wrote around the figures.

import { AlignmentType, ImportedXmlComponent, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { FileChild, ParagraphChild } from "docx";
import type { Block, Run, RunStyle } from "../../core/types";
import { sanitizeXmlText, slotTag } from "../../core/link";
import { titleBreaks } from "../../core/report/title";
import { figureBookmarkName } from "./bookmark-names";
import { contentControl, el } from "./oxml";
import { LINE_PITCH, STYLE, TITLE_POINTS } from "./styles";
import { tableFigureContent } from "./table-figure";
import { escapeXmlAttribute } from "../../core/link";

/** Width of the 156 mm text block in twips (A4 11906 − left 1587 − right 1474). */
export const TEXT_WIDTH = 8845;

const HEADING_STYLE = { 1: STYLE.heading1, 2: STYLE.heading2, 3: STYLE.heading3 } as const;

/** Numbers the content controls and their bookmarks; Word wants each `w:id` unique within the document. */
export class ControlIds {
  private next = 1;
  private nextBookmark = 0;
  private readonly bookmarkNames = new Map<string, number>();
  take(): number {
    return this.next++;
  }
  /** A bookmark id and a unique name for a figure's second anchor (see figureBookmarkName). */
  bookmark(figureId: string): { id: number; name: string } {
    const occurrence = (this.bookmarkNames.get(figureId) ?? 0) + 1;
    this.bookmarkNames.set(figureId, occurrence);
    return { id: this.nextBookmark++, name: figureBookmarkName(figureId, occurrence) };
  }
}

function textRun(text: string, style: RunStyle | undefined, highlighted = false): TextRun {
  return new TextRun({
    text: sanitizeXmlText(text),
    style: style === "kai" ? STYLE.runInKai : style === "hei" ? STYLE.runInHei : undefined,
    bold: style === "bold" ? true : undefined,
    // A figure the ledgers cannot support shows its placeholder in yellow, so no one signs it unseen.
    highlight: highlighted ? "yellow" : undefined,
  });
}

function runChildren(run: Run, ids: ControlIds): ParagraphChild[] {
  if (run.kind === "text") return [textRun(run.text, run.style)];
  const control = contentControl({
    alias: run.name,
    tag: slotTag(run.id),
    id: ids.take(),
    content: [textRun(run.text, run.style, run.unresolved === true)],
  });
  // The bookmark goes around the control, not inside it: Word's insertText(…, "Replace") and the
  // file patcher rewrite the inside.
  const mark = ids.bookmark(run.id);
  // docx's ParagraphChild union does not list foreign components; its writer accepts any XmlComponent.
  return [
    el("w:bookmarkStart", { "w:id": mark.id, "w:name": mark.name }),
    control,
    el("w:bookmarkEnd", { "w:id": mark.id }),
  ] as unknown as ParagraphChild[];
}

/** How the end of the report holds together on the page: see `endingLayout`. */
interface Keep {
  keepNext?: boolean;
  keepLines?: boolean;
  widowControl?: boolean;
  /** Right indent in twips (the 落款's offset from the right edge). */
  right?: number;
  /** Space before in twips (the blank line between the closing and the 落款). */
  before?: number;
}

function paragraph(block: Extract<Block, { kind: "paragraph" }>, ids: ControlIds, keep: Keep = {}): Paragraph {
  const alignment = block.align === "right" ? AlignmentType.RIGHT : block.align === "center" ? AlignmentType.CENTER : undefined;
  // A paragraph without the first-line indent (a signature, a date) sits on the right, as 公文 place them.
  const unindented = block.indent === false;
  return new Paragraph({
    style: STYLE.body,
    alignment: unindented && alignment === undefined ? AlignmentType.RIGHT : alignment,
    indent: unindented ? { firstLine: 0, firstLineChars: 0, right: keep.right } : undefined,
    keepNext: keep.keepNext,
    keepLines: keep.keepLines,
    widowControl: keep.widowControl,
    spacing: keep.before ? { before: keep.before } : undefined,
    children: block.runs.flatMap((r) => runChildren(r, ids)),
  });
}

/** One body character in twips: 16 pt less the −0.25 pt spacing that fits 28 to the line. */
const BODY_CHARACTER = 315;

/**
 * Estimated width in twips of a line of body text: a Chinese character one character; a Latin digit
 * or letter a little over half (half in 仿宋_GB2312, more in the faces that stand in for it); and the
 * quarter-space Word and LibreOffice add where Chinese meets Latin text (autospace).
 */
function bodyWidth(text: string): number {
  let w = 0;
  let previousLatin: boolean | null = null;
  for (const ch of text) {
    const latin = ch.codePointAt(0)! < 0x2e80;
    w += latin ? 0.55 * 320 - 5 : BODY_CHARACTER;
    if (previousLatin !== null && latin !== previousLatin && ch.trim() !== "") w += 64;
    previousLatin = latin;
  }
  return w;
}

/**
 * The end of the report: the closing sentence (the last indented paragraph, 以上述职如有不妥之处…)
 * never stands alone on the last page — the paragraph before it keeps its last lines with it (keep
 * with next + widow control) — and the 落款 lines after it (unindented paragraphs ending the document)
 * follow it on the same page, one blank line below, the last of them (成文日期) four characters in from
 * the right and the lines above it (署名) centred over it (GB/T 9704 §7.3.5.1).
 */
function endingLayout(blocks: Block[]): Map<number, Keep> {
  const keep = new Map<number, Keep>();
  const isSignatureLine = (b: Block | undefined) => b?.kind === "paragraph" && b.indent === false && b.align !== "center";
  let first = blocks.length;
  while (first > 0 && isSignatureLine(blocks[first - 1]) && runsText((blocks[first - 1] as { runs: Run[] }).runs).trim()) first--;
  let closing = first - 1;
  while (closing >= 0 && !(blocks[closing].kind === "paragraph" && (blocks[closing] as { indent?: boolean }).indent !== false)) closing--;
  if (closing < 0 || closing !== first - 1) return keep;
  const before = blocks[closing - 1];
  if (before?.kind === "paragraph") keep.set(closing - 1, { keepNext: true, widowControl: true });
  keep.set(closing, { keepLines: true, widowControl: true, keepNext: first < blocks.length });

  const lines = blocks.slice(first).map((b) => bodyWidth(runsText((b as { runs: Run[] }).runs).trim()));
  if (lines.length === 0) return keep;
  const date = lines[lines.length - 1];
  // The centre of the 落款 measured from the right edge: over the date set four characters in, or
  // further left when a 署名 is too long to be centred there.
  const centre = Math.max(4 * BODY_CHARACTER + date / 2, ...lines.map((w) => w / 2));
  lines.forEach((w, i) =>
    keep.set(first + i, {
      keepNext: i < lines.length - 1,
      right: Math.round(centre - w / 2),
      before: i === 0 ? LINE_PITCH : undefined,
    }),
  );
  return keep;
}

/** Ems of the 2号 title that fit the text block's width. */
const TITLE_LINE_EMS = TEXT_WIDTH / (TITLE_POINTS * 20);

/**
 * The title, broken between words into balanced lines with explicit line breaks (GB/T 9704 §7.3.1)
 * when it needs more than one line; the renderer's own wrapping would cut through a word.
 */
function title(block: Extract<Block, { kind: "title" }>, ids: ControlIds): Paragraph {
  const breaks = titleBreaks(block.runs, TITLE_LINE_EMS, block.breaks);
  const children: ParagraphChild[] = [];
  let at = 0;
  for (const run of block.runs) {
    const end = at + run.text.length;
    // Slots are never split (titleBreaks keeps out of them); text runs are cut at each break inside them.
    const cuts = run.kind === "text" ? breaks.filter((b) => b > at && b < end) : [];
    if (breaks.includes(at) && at > 0) children.push(new TextRun({ break: 1 }));
    let from = 0;
    for (const cut of cuts) {
      children.push(...runChildren({ ...run, text: run.text.slice(from, cut - at) }, ids));
      children.push(new TextRun({ break: 1 }));
      from = cut - at;
    }
    children.push(...runChildren(from === 0 ? run : { ...run, text: run.text.slice(from) }, ids));
    at = end;
  }
  return new Paragraph({ style: STYLE.title, children });
}

function table(block: Extract<Block, { kind: "table" }>, ids: ControlIds): Table {
  const columns = Math.max(1, ...block.rows.map((r) => r.length));
  const width = Math.floor(TEXT_WIDTH / columns);
  return new Table({
    width: { size: width * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    rows: block.rows.map(
      (cells, rowIndex) =>
        new TableRow({
          tableHeader: rowIndex === 0,
          children: Array.from({ length: columns }, (_, c) => {
            const runs = cells[c] ?? [];
            return new TableCell({
              width: { size: width, type: WidthType.DXA },
              children: [new Paragraph({ style: STYLE.table, children: runs.flatMap((r) => runChildren(r, ids)) })],
            });
          }),
        }),
    ),
  });
}

/**
 * A table figure: a block-level control (tagged and locked like every figure) around its three-line
 * table, between the bookmark that is its second anchor. The same content the patcher and Word's
 * insertOoxml write (table-figure.ts).
 */
function tableFigure(block: Extract<Block, { kind: "tableFigure" }>, ids: ControlIds): FileChild[] {
  const { slot } = block;
  const mark = ids.bookmark(slot.id);
  const xml =
    `<w:sdt><w:sdtPr><w:alias w:val="${escapeXmlAttribute(slot.name.replace(/[\t\n\r]/g, " "))}"/>` +
    `<w:tag w:val="${escapeXmlAttribute(slotTag(slot.id))}"/><w:id w:val="${ids.take()}"/><w:lock w:val="sdtLocked"/></w:sdtPr>` +
    `<w:sdtContent>${tableFigureContent(block.table, slot.text)}</w:sdtContent></w:sdt>`;
  // fromXmlString gives the parsed document; its one child is the control.
  const parsed = ImportedXmlComponent.fromXmlString(xml) as unknown as { root: unknown[] };
  const control = parsed.root.find((c) => c instanceof ImportedXmlComponent) as ImportedXmlComponent;
  return [
    el("w:bookmarkStart", { "w:id": mark.id, "w:name": mark.name }),
    control,
    el("w:bookmarkEnd", { "w:id": mark.id }),
  ] as unknown as FileChild[];
}

export function blockChildren(blocks: Block[], ids: ControlIds): FileChild[] {
  const ending = endingLayout(blocks);
  return blocks.flatMap((block, index): FileChild | FileChild[] => {
    switch (block.kind) {
      case "title":
        return title(block, ids);
      case "heading":
        return new Paragraph({ style: HEADING_STYLE[block.level], children: block.runs.flatMap((r) => runChildren(r, ids)) });
      case "paragraph":
        return paragraph(block, ids, ending.get(index));
      case "table":
        return table(block, ids);
      case "tableFigure":
        return tableFigure(block, ids);
    }
  });
}

/** Plain text of a block's runs, for the document's core properties. */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join("");
}
