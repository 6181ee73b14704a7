// Which sheets and tables of a workbook a read takes: the ledgers (by sheet or table name) and the
// configuration tables — exactly those the readers of 报告设置, 指标定义 and 列名对照 accept, asked of
// the readers themselves. One rule for every path that reads a workbook — the command line, the web
// page, the Word pane's file read and the live Excel read — so the same workbook gives the same report
// wherever it is read (tests/adapters/sheet-selection.test.ts).
import type { RawTable } from "../types";
import { isDefinitionsTable } from "../figures/read";
import { isSettingsTable } from "../settings";
import { isColumnMapTable } from "./mapping";
import { matchLedgerName } from "./names";

function isConfiguration(t: RawTable): boolean {
  return isSettingsTable(t) || isDefinitionsTable(t) || isColumnMapTable(t);
}

/** Whether a table (or, without a table name, the sheet's cells outside tables) is read. */
export function isTableRead(sheetName: string, tableName?: string): boolean {
  const table = { sheet: sheetName, table: tableName } as RawTable;
  return isConfiguration(table) || matchLedgerName(sheetName) !== null || (tableName !== undefined && matchLedgerName(tableName) !== null);
}

/** Whether any of a sheet is read, given the names of the tables on it. */
export function isSheetRead(sheetName: string, tableNames: string[]): boolean {
  return isTableRead(sheetName) || tableNames.some((t) => isTableRead(sheetName, t));
}
