// 报告设置 in the live workbook: find its 项目/值 rows, and write 值 cells only — a changed 项目 gets
// its 值 cell rewritten, a missing one is appended below the table (writing below, not
// rows.add, which co-authoring does not tolerate; Excel grows the table to take the row).
import { SETTINGS_SHEET } from "../../core/ledger/schema";
import { cellAddress } from "../../core/address";
import type { RawCell } from "../../core/types";
import { SETTINGS_TABLE, WorkbookSourceError, foldName } from "./shared";

export interface SettingsSheet {
  sheet: string;
  protected: boolean;
  itemCol: number;
  valueCol: number;
  /** Sheet row of every 项目 by folded name, with its current 值. */
  items: Map<string, { row: number; value: RawCell }>;
  /** Sheet row of the table's (or used range's) last row. */
  lastRow: number;
}

const HEADER_SEARCH_ROWS = 10;

/** Finds 报告设置 by sheet name (exact after folding, else containing it); null when absent. Two syncs. */
export async function locateSettings(context: Excel.RequestContext, sync: () => Promise<void>): Promise<SettingsSheet | null> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name,items/worksheet/name");
  await sync();
  const key = foldName(SETTINGS_SHEET);
  const sheetName =
    sheets.items.find((s) => foldName(s.name) === key)?.name ?? sheets.items.find((s) => foldName(s.name).includes(key))?.name;
  if (sheetName === undefined) return null;
  const onSheet = tables.items.filter((t) => t.worksheet.name === sheetName);
  const table = onSheet.find((t) => foldName(t.name) === foldName(SETTINGS_TABLE)) ?? onSheet[0];
  const worksheet = context.workbook.worksheets.getItem(sheetName);
  const range = table ? context.workbook.tables.getItem(table.name).getRange() : worksheet.getUsedRange(true);
  range.load("values,rowIndex,columnIndex");
  worksheet.protection.load("protected");
  await sync();

  const values = range.values;
  let headerIndex = -1;
  let itemIndex = 0;
  let valueIndex = 1;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, values.length); i++) {
    const folded = values[i].map((v) => foldName(String(v)));
    const item = folded.indexOf("项目");
    const value = folded.indexOf("值");
    if (item >= 0 && value >= 0) {
      headerIndex = i;
      itemIndex = item;
      valueIndex = value;
      break;
    }
  }
  const items = new Map<string, { row: number; value: RawCell }>();
  for (let i = headerIndex + 1; i < values.length; i++) {
    const label = foldName(String(values[i][itemIndex] ?? ""));
    if (label && !items.has(label)) items.set(label, { row: range.rowIndex + i, value: values[i][valueIndex] ?? "" });
  }
  return {
    sheet: sheetName,
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- loaded above with worksheet.protection.load("protected") and synced
    protected: worksheet.protection.protected,
    itemCol: range.columnIndex + itemIndex,
    valueCol: range.columnIndex + valueIndex,
    items,
    lastRow: range.rowIndex + values.length - 1,
  };
}

export function protectedSettingsError(sheet: string): WorkbookSourceError {
  return new WorkbookSourceError(
    "excel.sheet_protected",
    `工作表「${sheet}」受保护，无法写入设置。请在“审阅 → 撤销工作表保护”后重试。`,
    `Sheet "${sheet}" is protected, so the settings could not be written. Unprotect it (Review → Unprotect Sheet) and try again.`,
    { cell: cellAddress(sheet, 0, 0) },
  );
}

/**
 * Queues the 值 writes for `pairs` (only the 值 cells of existing 项目; new 项目 rows below the last
 * row). With `onlyIfBlank`, a 项目 that already has a 值 is left as it is. Returns how many cells it wrote.
 */
export function queueSettingsWrites(
  context: Excel.RequestContext,
  at: SettingsSheet,
  pairs: [string, string][],
  onlyIfBlank = false,
): number {
  const sheet = context.workbook.worksheets.getItem(at.sheet);
  const writeText = (row: number, col: number, text: string) => {
    const cell = sheet.getCell(row, col);
    // Text format first, so 2022-01-01 stays the text the engine parses rather than becoming a date.
    cell.numberFormat = [["@"]];
    cell.values = [[text]];
  };
  let next = at.lastRow + 1;
  let writes = 0;
  for (const [item, value] of pairs) {
    const found = at.items.get(foldName(item));
    if (found) {
      if (onlyIfBlank && String(found.value ?? "").trim() !== "") continue;
      if (found.value === value) continue;
      writeText(found.row, at.valueCol, value);
      found.value = value;
      writes++;
    } else {
      writeText(next, at.itemCol, item);
      writeText(next, at.valueCol, value);
      at.items.set(foldName(item), { row: next, value });
      at.lastRow = next;
      next++;
      writes += 2;
    }
  }
  return writes;
}
