// What the clerk changes on the web page (year, scope, template, manual values) cannot be written
// into their .xlsx: the page keeps it for this session and applies it to every read of the file,
// exactly where the engine would have found it had it been written — settings as overrides of
// 报告设置, a manual value in its 指标定义 cell — so the report made here uses it.
import type { RawCell, RawTable, RawWorkbook, ReportSettings } from "../core/types";
import { SETTINGS_ITEMS } from "../core/settings";
import { DEFINITIONS_SHEET } from "../core/ledger/schema";
import { cellAddress } from "../core/address";
import { locateManualCell } from "../adapters/excel/manual";
import { DEFINITIONS_TABLE, foldName } from "../adapters/excel/shared";

/** 项目/值 pairs as the views write them (`年度` → `2023`) → engine overrides; unknown 项目 are ignored. */
export function settingsOverrides(pairs: Iterable<[string, string]>): Partial<ReportSettings> {
  const overrides: Record<string, string | number> = {};
  for (const [label, value] of pairs) {
    const item = SETTINGS_ITEMS.find((i) => foldName(i.label) === foldName(label) || i.key === label);
    if (!item) continue;
    if (item.key === "year") {
      const year = Number(value.trim());
      if (Number.isInteger(year)) overrides.year = year;
    } else overrides[item.key] = value;
  }
  return overrides as Partial<ReportSettings>;
}

/** The tables the engine could read 指标定义 from, as the Excel adapter's locateManualCell expects them. */
function definitionBlocks(workbook: RawWorkbook): { table: RawTable; block: Parameters<typeof locateManualCell>[0][number] }[] {
  const candidates = workbook.tables.filter(
    (t) =>
      foldName(t.sheet) === foldName(DEFINITIONS_SHEET) || (t.table !== undefined && foldName(t.table) === foldName(DEFINITIONS_TABLE)),
  );
  return candidates.map((table) => ({
    table,
    block: { sheet: table.sheet, top: table.top, left: table.left, values: table.values, formats: [] },
  }));
}

/**
 * Where `figureId`'s 手工值 lives in this workbook (`指标定义!H3`). Throws the Excel adapter's
 * clerk-worded error when there is no 指标定义, no 手工值 column or no row for the figure.
 */
export function manualCell(workbook: RawWorkbook, figureId: string): string {
  const at = locateManualCell(
    definitionBlocks(workbook).map((c) => c.block),
    figureId,
  );
  return cellAddress(at.sheet, at.row, at.col);
}

/**
 * The workbook as if each manual value had been typed into its 手工值 cell (null = blank). Tables
 * are copied where changed, never mutated: the file's own reading stays as it was.
 */
export function withManualValues(workbook: RawWorkbook, values: ReadonlyMap<string, number | null>): RawWorkbook {
  if (values.size === 0) return workbook;
  const blocks = definitionBlocks(workbook);
  const copies = new Map<RawTable, RawTable>();
  for (const [figureId, value] of values) {
    let at;
    try {
      at = locateManualCell(
        blocks.map((c) => c.block),
        figureId,
      );
    } catch {
      // The row went away in a re-read file: the file's own value (or none) stands, as in Excel.
      continue;
    }
    const source = blocks.find((c) => c.block.sheet === at.sheet)!.table;
    let copy = copies.get(source);
    if (!copy) copies.set(source, (copy = { ...source, values: source.values.map((row) => row.slice()) }));
    const row = at.row - copy.top;
    const col = at.col - copy.left;
    const cells: RawCell[] = copy.values[row];
    while (cells.length <= col) cells.push("");
    cells[col] = value === null ? "" : value;
  }
  return copies.size ? { ...workbook, tables: workbook.tables.map((t) => copies.get(t) ?? t) } : workbook;
}
