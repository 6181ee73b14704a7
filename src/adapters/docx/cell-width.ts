// How wide the table cell is that a place in a part stands in: what a table figure nested there must
// fit. One measure for every writer of such a table — fill (placing it) and patch (refreshing it,
// in the CLI and the Excel pane's 更新已有报告) — so a refresh never writes it wider than fill did.
//
// The cell's own w:tcW in twips; else (the docx package and LibreOffice write none) the width of the
// grid columns it spans (w:gridBefore and w:gridSpan counted). A width in percent or auto is not a
// measure: null, and the caller keeps the text block's width. Tables nest: the innermost open cell
// counts, and after a table nested in a cell that cell is measured again.
import { attribute, scanTags, type XmlTag } from "./xml-scan";

interface OpenTable {
  grid: number[];
  column: number;
  cellStart: number;
  span: number;
  cellWidth: number | null;
}

/** Follows a part's tags (fed in order, with each tag's parent element's name) and knows the open cell's width. */
export class CellWidths {
  private readonly tables: OpenTable[] = [];

  constructor(private readonly xml: string) {}

  /** The innermost open cell's width in twips; null outside tables or when the cell gives no measure. */
  width(): number | null {
    const t = this.tables[this.tables.length - 1];
    if (!t) return null;
    if (t.cellWidth !== null) return t.cellWidth;
    const cols = t.grid.slice(t.cellStart, t.cellStart + t.span);
    return cols.length === t.span && cols.every((w) => w > 0) ? cols.reduce((a, b) => a + b, 0) : null;
  }

  /** Takes one tag; `parentName` is the element it stands in (for a closing tag: the element's own parent). */
  onTag(tag: XmlTag, parentName: string | undefined): void {
    const t = this.tables[this.tables.length - 1];
    const number = (name: string) => Number(attribute(this.xml.slice(tag.start, tag.end), name));
    if (tag.kind === "close") {
      if (tag.name === "w:tbl") this.tables.pop();
      else if (tag.name === "w:tc" && t) t.column = t.cellStart + t.span;
      return;
    }
    if (tag.name === "w:tbl" && tag.kind === "open") this.tables.push({ grid: [], column: 0, cellStart: 0, span: 1, cellWidth: null });
    else if (!t) return;
    else if (tag.name === "w:gridCol" && parentName === "w:tblGrid") t.grid.push(number("w:w") || 0);
    else if (tag.name === "w:tr" && tag.kind === "open") t.column = 0;
    else if (tag.name === "w:gridBefore" && parentName === "w:trPr") t.column += number("w:val") || 0;
    else if (tag.name === "w:gridSpan" && parentName === "w:tcPr") t.span = Math.max(1, number("w:val") || 1);
    else if (tag.name === "w:tc" && tag.kind === "open") [t.cellStart, t.span, t.cellWidth] = [t.column, 1, null];
    else if (tag.name === "w:tcW" && parentName === "w:tcPr") {
      const w = number("w:w");
      const type = attribute(this.xml.slice(tag.start, tag.end), "w:type") ?? "dxa";
      t.cellWidth = type === "dxa" && Number.isFinite(w) && w > 0 ? w : null;
    }
  }
}

/** The width of the cell each offset stands in (CellWidths.width just before the tag there), in one pass. */
export function cellWidthsAt(xml: string, offsets: readonly number[]): (number | null)[] {
  const order = offsets.map((at, k) => ({ at, k })).sort((a, b) => a.at - b.at);
  const out: (number | null)[] = offsets.map(() => null);
  const cells = new CellWidths(xml);
  const stack: string[] = [];
  let next = 0;
  scanTags(xml, (tag) => {
    while (next < order.length && order[next].at <= tag.start) out[order[next++].k] = cells.width();
    if (tag.kind === "close") stack.pop();
    cells.onTag(tag, stack[stack.length - 1]);
    if (tag.kind === "open") stack.push(tag.name);
  });
  while (next < order.length) out[order[next++].k] = cells.width();
  return out;
}
