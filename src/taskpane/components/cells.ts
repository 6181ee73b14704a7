// Cells as the panes list them beside a figure (the 指标 list, the reviews): one small module, so the
// Word pane's review says them the same way without loading the 指标 view.

/** Cells as a short list: the bare address when all are on one sheet, else each with its sheet (`电子保函-交易一科!G9`). */
export function shortCells(cells: readonly string[]): string[] {
  const parts = cells.map((c) => ({
    sheet: c
      .slice(0, c.lastIndexOf("!"))
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'"),
    at: c.slice(c.lastIndexOf("!") + 1),
  }));
  const oneSheet = parts.every((p) => p.sheet === parts[0].sheet);
  return parts.map((p) => (oneSheet || !p.sheet ? p.at : `${p.sheet}!${p.at}`));
}
