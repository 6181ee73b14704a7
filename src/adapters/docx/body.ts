// ReportDocument blocks → docx paragraphs and tables. Every figure slot becomes a locked rich-text
// content control tagged with its figure id; nothing else in the text is a control, so Refresh can
// never touch what the clerk wrote around the figures.

import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { FileChild, ParagraphChild } from "docx";
import type { Block, Run, RunStyle } from "../../core/types";
import { sanitizeXmlText, slotTag } from "../../core/link";
import { figureBookmarkName } from "./bookmark-names";
import { contentControl, el } from "./oxml";
import { STYLE } from "./styles";

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



function textRun(text: string, style: RunStyle | undefined): TextRun {
  return new TextRun({
    text: sanitizeXmlText(text),
    style: style === "kai" ? STYLE.runInKai : style === "hei" ? STYLE.runInHei : undefined,
    bold: style === "bold" ? true : undefined,
  });
}

function runChildren(run: Run, ids: ControlIds): ParagraphChild[] {
  if (run.kind === "text") return [textRun(run.text, run.style)];
  const control = contentControl({
    alias: run.name,
    tag: slotTag(run.id),
    id: ids.take(),
    content: [textRun(run.text, run.style)],
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

function paragraph(block: Extract<Block, { kind: "paragraph" }>, ids: ControlIds): Paragraph {
  const alignment = block.align === "right" ? AlignmentType.RIGHT : block.align === "center" ? AlignmentType.CENTER : undefined;
  // A paragraph without the first-line indent (a signature, a date) sits on the right, as 公文 place them.
  const unindented = block.indent === false;
  return new Paragraph({
    style: STYLE.body,
    alignment: unindented && alignment === undefined ? AlignmentType.RIGHT : alignment,
    indent: unindented ? { firstLine: 0, firstLineChars: 0 } : undefined,
    children: block.runs.flatMap((r) => runChildren(r, ids)),
  });
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

export function blockChildren(blocks: Block[], ids: ControlIds): FileChild[] {
  return blocks.map((block): FileChild => {
    switch (block.kind) {
      case "title":
        return new Paragraph({ style: STYLE.title, children: block.runs.flatMap((r) => runChildren(r, ids)) });
      case "heading":
        return new Paragraph({ style: HEADING_STYLE[block.level], children: block.runs.flatMap((r) => runChildren(r, ids)) });
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
