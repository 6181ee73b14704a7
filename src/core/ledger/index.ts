// core/ledger: the clerk's raw tables → typed ledger rows, and every problem as an issue at its cell.
export { readLedgers, rowCellAddress } from "./read";
export { isSheetRead, isTableRead } from "./sheets";
export {
  LEDGER_SPECS,
  ledgerSpec,
  SETTINGS_SHEET,
  DEFINITIONS_SHEET,
  COLUMN_MAP_SHEET,
  COLUMN_MAP_TABLE,
  COLUMN_MAP_HEADERS,
} from "./schema";
export { readColumnMappings, isColumnMapTable } from "./mapping";
export type { ColumnSpec, ColumnType, LedgerSpec } from "./schema";
export { describeRowAccount, SKIP_REASON_WORDS } from "./accounting";
export type { AccountLang } from "./accounting";
