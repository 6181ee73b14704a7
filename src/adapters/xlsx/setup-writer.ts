// Writes a fresh workbook ready for the clerk to fill in: the layout core/workbook/spec.ts describes
// (every ledger as an Excel table with its headers, drop-downs, validations and number formats, plus
// 报告设置 and 指标定义), realised with exceljs. The CLI's `init` and the sample generator use this;
// the pane's 初始化工作簿 realises the same layout over Office.js (adapters/excel/sheets.ts).
import ExcelJS from "exceljs";
import {
  VALIDATED_ROWS,
  TABLE_STYLE,
  definitionsSheetLayout,
  settingsSheetLayout,
  workbookLayout,
  type SheetLayout,
  type ValidationSpec,
  type WorkbookLayoutInput,
} from "../../core/workbook/spec";
import { LEDGER_SPECS } from "../../core/ledger/schema";

export type SetupWorkbookInput = WorkbookLayoutInput;

/** exceljs's typings lack the `any` type (an input prompt without a rule) that its writer supports. */
type Validation = Omit<ExcelJS.DataValidation, "type" | "formulae"> & {
  type: ExcelJS.DataValidation["type"] | "any";
  formulae?: unknown[];
};
/** exceljs's typings omit `Worksheet.dataValidations` and its range form of add(). */
interface SheetValidations {
  dataValidations: { add(address: string, validation: Validation): void };
}
const FROZEN_HEADER: Partial<ExcelJS.WorksheetView>[] = [{ state: "frozen", xSplit: 0, ySplit: 1 }];

export async function writeSetupWorkbook(input: SetupWorkbookInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const layout of workbookLayout(input)) addSheet(workbook, layout);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** 报告设置 as set-up lays it out (the sample generator adds it to its own workbook). */
export function addSettingsSheet(workbook: ExcelJS.Workbook, rows: [string, string][]): ExcelJS.Worksheet {
  return addSheet(workbook, settingsSheetLayout(rows));
}

/** 指标定义 as set-up lays it out. */
export function addDefinitionsSheet(
  workbook: ExcelJS.Workbook,
  headers: string[],
  rows: (string | number)[][],
  ledgerNames: readonly string[] = LEDGER_SPECS.map((l) => l.name),
): ExcelJS.Worksheet {
  return addSheet(workbook, definitionsSheetLayout(headers, rows, ledgerNames));
}

function addSheet(workbook: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(layout.sheet, { views: layout.frozenRows ? FROZEN_HEADER : [] });
  sheet.addTable({
    name: layout.table,
    ref: "A1",
    headerRow: true,
    style: { theme: TABLE_STYLE as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: layout.columns.map((c) => ({ name: c.header, filterButton: layout.filterButtons })),
    rows: layout.rows,
  });
  layout.columns.forEach((column, i) => {
    const col = i + 1;
    sheet.getColumn(col).width = column.width;
    if (column.numberFormat) setColumnFormat(sheet, col, column.numberFormat);
    if (column.validation) addValidation(sheet, col, column.validation);
  });
  return sheet;
}

/** The spec's validation in exceljs's (that is, SpreadsheetML's) words. */
function toExcelJs(v: ValidationSpec): Validation {
  const out: Validation = { type: "any", allowBlank: v.allowBlank };
  switch (v.rule.kind) {
    case "list":
      Object.assign(out, { type: "list", formulae: [`"${v.rule.choices.join(",")}"`] });
      break;
    case "date":
      Object.assign(out, {
        type: "date",
        operator: "between",
        formulae: [new Date(`${v.rule.from}T00:00:00Z`), new Date(`${v.rule.to}T00:00:00Z`)],
      });
      break;
    case "whole":
    case "decimal":
      Object.assign(out, { type: v.rule.kind, operator: "greaterThanOrEqual", formulae: [v.rule.atLeast] });
      break;
    case "any":
      break;
  }
  if (v.error) Object.assign(out, { showErrorMessage: true, errorStyle: v.error.style, errorTitle: v.error.title, error: v.error.message });
  if (v.prompt) Object.assign(out, { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message });
  return out;
}

function addValidation(sheet: ExcelJS.Worksheet, col: number, validation: ValidationSpec): void {
  const letter = sheet.getColumn(col).letter;
  (sheet as unknown as SheetValidations).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, toExcelJs(validation));
}

function setColumnFormat(sheet: ExcelJS.Worksheet, col: number, format: string): void {
  // The column style formats rows typed later (beyond VALIDATED_ROWS too); data cells are set as
  // well because the table's own rows already exist as cells and do not inherit it.
  const column = sheet.getColumn(col);
  column.numFmt = format;
  column.eachCell({ includeEmpty: true }, (cell, row) => {
    if (row > 1) cell.numFmt = format;
  });
  sheet.getCell(1, col).numFmt = "General";
}
