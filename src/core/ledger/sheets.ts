// Which sheets of a workbook file a read takes: the ledgers (by sheet or table name) and the
// configuration sheets. One rule for every path that reads a file — the command line, the web page —
// so the same file gives the same report wherever it is read.
import { matchLedgerName } from "./names";
import { COLUMN_MAP_SHEET, COLUMN_MAP_TABLE, DEFINITIONS_SHEET, SETTINGS_SHEET } from "./schema";

export function isSheetRead(sheetName: string, tableNames: string[]): boolean {
  const name = sheetName.trim();
  if (name === SETTINGS_SHEET || name === DEFINITIONS_SHEET || name === COLUMN_MAP_SHEET) return true;
  if (tableNames.includes(COLUMN_MAP_TABLE)) return true;
  return matchLedgerName(sheetName) !== null || tableNames.some((t) => matchLedgerName(t) !== null);
}
