// What the task pane needs from the open workbook. Implemented over Office.js (Excel.run);
// in the playground and the tests, Excel.run is the simulated host's.
import type { RawWorkbook } from "../../core/types";
import type { ColumnMappingEntry, ColumnMappingWrite } from "./column-map";

export interface ReadStats {
  /** context.sync() calls made by the read. */
  roundTrips: number;
  /** Largest single response, in bytes (JSON length of the values loaded). */
  largestResponseBytes: number;
  /** Cells read. */
  cells: number;
  /** True when merged areas could not be asked for (they read as blanks). */
  mergesUnknown: boolean;
}

export interface SetUpResult {
  /** Sheets added (ledgers as tables, 报告设置, 指标定义). */
  added: string[];
  /** Sheets that existed and were left alone. */
  kept: string[];
  /** Sheets that could not be written (protected), with why. */
  failed: { sheet: string; reason: string }[];
}

/**
 * What 查看来源 selected. "rows": exactly the figure's rows. "block": they lie in more separate runs
 * than one selection may hold (or the host has no multi-area ranges), so the block from the first to
 * the last of them is selected — `rows` rows, among them rows the figure does not count (撤销, errors).
 */
export type RowSelection =
  { kind: "rows"; sheet: string; rows: number } | { kind: "block"; sheet: string; address: string; rows: number; counted: number };

export interface WorkbookSource {
  /** Reads every ledger, 报告设置 and 指标定义 as raw tables: one snapshot, no caching across calls. */
  read(): Promise<{ workbook: RawWorkbook; stats: ReadStats }>;
  /** Selects a cell given as `电子保函!C12` (activates its sheet). */
  selectCell(address: string): Promise<void>;
  /**
   * Selects the given rows (查看来源): on one sheet, the rows' cells; across sheets, the first sheet's.
   * Says what it selected — the pane must not claim "selected N rows" for a coarser block — or null
   * where nothing is selected (the web page says the places in words instead).
   */
  selectRows(refs: { sheet: string; row: number }[]): Promise<RowSelection | null>;
  /** Writes 项目/值 pairs into 报告设置 (only the 值 cells of the named 项目, adding missing rows below). */
  writeSettings(pairs: [string, string][]): Promise<void>;
  /**
   * Writes one figure's 手工值 in 指标定义 (a number, or blank for null) and nothing else; returns
   * the cell written, e.g. `指标定义!H3`. Throws WorkbookSourceError when 指标定义 is missing (run
   * 初始化工作簿 first), protected, lacks a 手工值 column or has no row for the figure. ≤ 2 syncs.
   */
  writeManualValue(figureId: string, value: number | null): Promise<{ cell: string }>;
  /**
   * Adds one row to 列名对照 (台账 / 标准列名 / 工作簿列名) below everything on it, creating the sheet
   * with its header when absent; never touches another cell. A row saying the same is not added
   * twice. Throws WorkbookSourceError when the sheet is protected or has no header row. ≤ 3 syncs.
   */
  writeColumnMapping(entry: ColumnMappingEntry): Promise<ColumnMappingWrite>;
  /** Adds whichever ledger tables, 报告设置 and 指标定义 sheets are missing; never touches existing ones. */
  setUp(): Promise<SetUpResult>;
  /**
   * Calls `onChange` after an edit to any sheet made by someone other than this add-in
   * (WorksheetCollection.onChanged, ExcelApi 1.9; the add-in's own writes are told apart from
   * ExcelApi 1.14 on). Resolves with a function that stops watching, or null where the host cannot
   * watch (then the pane offers 重新读取 only). Optional: sources without a live workbook omit it.
   */
  watchChanges?(onChange: () => void): Promise<(() => Promise<void>) | null>;
}
