// ReportDocument blocks → docx paragraphs and tables. Every figure slot becomes a locked rich-text
// content control tagged with its figure id; nothing else in the text is a control, so Refresh can
// never touch what the clerk wrote around the figures.

import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { FileChild, ParagraphChild } from "docx";
import type { Block, Run, RunStyle } from "../../core/types";
import { sanitizeXmlText, slotTag } from "../../core/link";
import { titleBreaks } from "../../core/report/title";
import { contentControl } from "./oxml";
import { STYLE, TITLE_POINTS } from "./styles";

/** Width of the 156 mm text block in twips (A4 11906 − left 1587 − right 1474). */
export const TEXT_WIDTH = 8845;

const HEADING_STYLE = { 1: STYLE.heading1, 2: STYLE.heading2, 3: STYLE.heading3 } as const;

/** Numbers the content controls; Word wants each `w:id` unique within the document. */
export class ControlIds {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

function textRun(text: string, style: RunStyle | undefined): TextRun {
  return new TextRun({
    text: sanitizeXmlText(text),
    style: style === "kai" ? STYLE.runInKai : style === "hei" ? STYLE.runInHei : undefined,
    bold: style === "bold" ? true : undefined,
  });
}

function runChild(run: Run, ids: ControlIds): ParagraphChild {
  if (run.kind === "text") return textRun(run.text, run.style);
  const control = contentControl({
    alias: run.name,
    tag: slotTag(run.id),
    id: ids.take(),
    content: [textRun(run.text, run.style)],
  });
  // docx's ParagraphChild union does not list foreign components; its writer accepts any XmlComponent.
  return control as unknown as ParagraphChild;
}

function paragraph(block: Extract<Block, { kind: "paragraph" }>, ids: ControlIds): Paragraph {
  const alignment = block.align === "right" ? AlignmentType.RIGHT : block.align === "center" ? AlignmentType.CENTER : undefined;
  // A paragraph without the first-line indent (a signature, a date) sits on the right, as 公文 place them.
  const unindented = block.indent === false;
  return new Paragraph({
    style: STYLE.body,
    alignment: unindented && alignment === undefined ? AlignmentType.RIGHT : alignment,
    indent: unindented ? { firstLine: 0, firstLineChars: 0 } : undefined,
    children: block.runs.map((r) => runChild(r, ids)),
  });
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
      children.push(runChild({ ...run, text: run.text.slice(from, cut - at) }, ids));
      children.push(new TextRun({ break: 1 }));
      from = cut - at;
    }
    children.push(runChild(from === 0 ? run : { ...run, text: run.text.slice(from) }, ids));
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
              children: [new Paragraph({ style: STYLE.table, children: runs.map((r) => runChild(r, ids)) })],
            });
          }),
        }),
    ),
  });
}

export function blockChildren(blocks: Block[], ids: ControlIds): FileChild[] {
  return blocks.map((block): FileChild => {
    switch (block.kind) {
      case "title":
        return title(block, ids);
      case "heading":
        return new Paragraph({ style: HEADING_STYLE[block.level], children: block.runs.map((r) => runChild(r, ids)) });
      case "paragraph":
        return paragraph(block, ids);
      case "table":
        return table(block, ids);
    }
  });
}

/** Plain text of a block's runs, for the document's core properties. */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join("");
}
