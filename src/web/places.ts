// Where something is in the workbook file, for a page that cannot select cells: the web page says
// the place in words (sheet, row, column) instead of selecting it in Excel.
import { columnLetters, parseAddress } from "../core/address";

export interface CellPlace {
  sheet: string;
  /** `D30` */
  cell: string;
  /** One-based row and the column's letters, as Excel and WPS show them. */
  row: number;
  column: string;
}

/** `'2022年学习记录台账'!D30` → its sheet, row and column; null when it is not a cell address. */
export function cellPlace(address: string): CellPlace | null {
  const at = parseAddress(address);
  if (!at) return null;
  const column = columnLetters(at.col);
  return { sheet: at.sheet, cell: `${column}${at.row + 1}`, row: at.row + 1, column };
}

export interface SheetRows {
  sheet: string;
  /** Runs of consecutive one-based rows, first to last, in sheet order. */
  runs: [number, number][];
  count: number;
}

/** 查看来源 in words: the rows a figure uses, per sheet in the order first met, as runs of rows. */
export function rowPlaces(refs: readonly { sheet: string; row: number }[]): SheetRows[] {
  const bySheet = new Map<string, Set<number>>();
  for (const ref of refs) {
    let rows = bySheet.get(ref.sheet);
    if (!rows) bySheet.set(ref.sheet, (rows = new Set()));
    rows.add(ref.row);
  }
  return [...bySheet].map(([sheet, set]) => {
    const sorted = [...set].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const row of sorted) {
      const last = runs[runs.length - 1];
      if (last && row === last[1] + 1) last[1] = row;
      else runs.push([row, row]);
    }
    return { sheet, runs, count: sorted.length };
  });
}
