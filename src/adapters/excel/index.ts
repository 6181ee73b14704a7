// The live workbook (Office.js) as a WorkbookSource for the task pane.
export type { ReadStats, RowSelection, SetUpResult, WorkbookSource } from "./types";
export { createExcelWorkbookSource, rowRuns, type ExcelWorkbookSourceOptions } from "./workbook-source";
export type { SetUpConfig } from "./setup";
export type { ColumnMappingEntry, ColumnMappingWrite } from "./column-map";
export { WorkbookSourceError, ledgerOfName } from "./shared";
