// Writes a fresh workbook ready for the clerk to fill in: every ledger as an Excel table with its
// headers, drop-downs and number formats, plus 报告设置 and 指标定义. The CLI's `init` and the sample
// generator use this; the live-workbook set-up in the pane follows the same layout over Office.js.
import ExcelJS from "exceljs";
import { DEFINITIONS_SHEET, LEDGER_SPECS, SETTINGS_SHEET } from "../../core/ledger/schema";
import type { ColumnSpec, LedgerSpec } from "../../core/ledger/schema";

export interface SetupWorkbookInput {
  /** 报告设置 项目/值 rows, in order. */
  settingsRows: [string, string][];
  /** 指标定义 header and rows (指标ID, 名称, 台账, 统计, 条件, 区间, 格式, 手工值 …). */
  definitionHeaders: string[];
  definitionRows: (string | number)[][];
  /** Ledgers to lay out; default all. */
  ledgers?: typeof LEDGER_SPECS;
}

export const SETTINGS_TABLE = "ReportSettings";
export const DEFINITIONS_TABLE = "FigureDefinitions";
/** Blank rows each new ledger table starts with, so the clerk sees where to type. */
export const EMPTY_LEDGER_ROWS = 5;
/**
 * How far below the header the drop-downs and formats reach. Excel extends a table's formats
 * when a row is added, but not reliably its validations, so they cover rows beyond the table.
 */
export const VALIDATED_ROWS = 500;

export const PERIOD_CHOICES = ["本期", "截至期末", "全部"];
export const FORMAT_CHOICES = ["整数", "余", "亿元", "万元", "百分比"];
const YES_NO = ["是", "否"];

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
const TABLE_STYLE = { theme: "TableStyleMedium2" as const, showRowStripes: true };

export async function writeSetupWorkbook(input: SetupWorkbookInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ledgers = input.ledgers ?? LEDGER_SPECS;
  addSettingsSheet(workbook, input.settingsRows);
  addDefinitionsSheet(
    workbook,
    input.definitionHeaders,
    input.definitionRows,
    ledgers.map((l) => l.name),
  );
  for (const spec of ledgers) addLedgerSheet(workbook, spec);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The header set-up writes for a column: the unit goes in full-width brackets, as clerks write it. */
export function headerText(column: ColumnSpec): string {
  return column.unit ? `${column.name}（${column.unit}）` : column.name;
}

/** One sheet named by the ledger's Chinese name, holding a table named by its English name. */
export function addLedgerSheet(workbook: ExcelJS.Workbook, spec: LedgerSpec, emptyRows = EMPTY_LEDGER_ROWS): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.name, { views: FROZEN_HEADER });
  const headers = spec.columns.map(headerText);
  sheet.addTable({
    name: spec.english,
    ref: "A1",
    headerRow: true,
    style: TABLE_STYLE,
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: Array.from({ length: Math.max(1, emptyRows) }, () => headers.map(() => null)),
  });
  spec.columns.forEach((column, i) => {
    const col = i + 1;
    sheet.getColumn(col).width = columnWidth(headers[i], column.type);
    const format = numberFormat(column);
    if (format) setColumnFormat(sheet, col, format);
    const validation = columnValidation(column);
    if (validation) addValidation(sheet, col, validation);
  });
  return sheet;
}

/** 报告设置: a two-column table 项目/值; values are kept as text so periods are not turned into dates. */
export function addSettingsSheet(workbook: ExcelJS.Workbook, rows: [string, string][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SETTINGS_SHEET, { views: FROZEN_HEADER });
  const headers = ["项目", "值"];
  sheet.addTable({
    name: SETTINGS_TABLE,
    ref: "A1",
    headerRow: true,
    style: TABLE_STYLE,
    columns: headers.map((name) => ({ name, filterButton: false })),
    // A table needs a data row; an empty settings list still gets one to type into.
    rows: rows.length > 0 ? rows.map(([item, value]) => [item, value]) : [[null, null]],
  });
  sheet.getColumn(1).width = fitWidth([headers[0], ...rows.map((r) => r[0])], 10);
  sheet.getColumn(2).width = fitWidth([headers[1], ...rows.map((r) => r[1])], 30);
  setColumnFormat(sheet, 2, "@");
  return sheet;
}

/** 指标定义: the caller's header and rows as a table, with drop-downs for 台账, 区间 and 格式. */
export function addDefinitionsSheet(
  workbook: ExcelJS.Workbook,
  headers: string[],
  rows: (string | number)[][],
  ledgerNames: readonly string[] = LEDGER_SPECS.map((l) => l.name),
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(DEFINITIONS_SHEET, { views: FROZEN_HEADER });
  sheet.addTable({
    name: DEFINITIONS_TABLE,
    ref: "A1",
    headerRow: true,
    style: TABLE_STYLE,
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: rows.length > 0 ? rows.map((r) => headers.map((_, i) => r[i] ?? null)) : [headers.map(() => null)],
  });
  headers.forEach((header, i) => {
    sheet.getColumn(i + 1).width = fitWidth([header, ...rows.map((r) => String(r[i] ?? ""))], 8, 48);
  });
  const lists: Record<string, readonly string[]> = { 台账: ledgerNames, 区间: PERIOD_CHOICES, 格式: FORMAT_CHOICES };
  headers.forEach((header, i) => {
    const choices = lists[header.trim()];
    // 台账 blank means a manual figure, so blanks stay allowed everywhere.
    if (choices) addValidation(sheet, i + 1, listValidation(header.trim(), choices));
  });
  const aggregate = headers.findIndex((h) => h.trim() === "统计");
  if (aggregate >= 0) {
    addValidation(sheet, aggregate + 1, {
      type: "any",
      showInputMessage: true,
      promptTitle: "统计",
      prompt: "计数 · 去重计数:列名 · 求和:列名",
    });
  }
  return sheet;
}

function numberFormat(column: ColumnSpec): string | undefined {
  if (column.numberFormat) return column.numberFormat;
  if (column.type === "date") return "yyyy-mm-dd";
  if (column.type === "money") return "#,##0.00";
  if (column.type === "integer") return "0";
  // All-digit credit codes would otherwise become 9.1E+17 and lose their last digits.
  if (column.name === "统一社会信用代码") return "@";
  return undefined;
}

function columnValidation(column: ColumnSpec): Validation | undefined {
  switch (column.type) {
    case "enum":
      return listValidation(column.name, column.values ?? []);
    case "yesno":
      return listValidation(column.name, YES_NO);
    case "date":
      // A warning, not a stop: text dates such as 2022年3月1日 are read correctly and clerks paste them.
      return {
        type: "date",
        operator: "between",
        allowBlank: !column.required,
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: column.name,
        error: `${column.name}应为日期，例如 2022-03-01 / ${column.name} should be a date, e.g. 2022-03-01`,
        formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
      };
    case "integer":
      return {
        type: "whole",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: column.name,
        error: `${column.name}应为不小于0的整数 / ${column.name} should be a whole number ≥ 0`,
        formulae: [0],
      };
    case "money":
      return {
        type: "decimal",
        operator: "greaterThanOrEqual",
        allowBlank: !column.required,
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: column.name,
        error: `${column.name}应为不小于0的金额（元） / ${column.name} should be an amount in yuan ≥ 0`,
        formulae: [0],
      };
    default:
      return undefined;
  }
}

function listValidation(name: string, choices: readonly string[]): Validation {
  return {
    type: "list",
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: name,
    error: `请从下拉列表中选择：${choices.join("、")} / Choose one of: ${choices.join(", ")}`,
    formulae: [`"${choices.join(",")}"`],
  };
}

function addValidation(sheet: ExcelJS.Worksheet, col: number, validation: Validation): void {
  const letter = sheet.getColumn(col).letter;
  (sheet as unknown as SheetValidations).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, validation);
}

function setColumnFormat(sheet: ExcelJS.Worksheet, col: number, format: string): void {
  // The column style formats rows typed later; data cells are set too because the table's own
  // rows already exist as cells and do not inherit it.
  const column = sheet.getColumn(col);
  column.numFmt = format;
  column.eachCell({ includeEmpty: true }, (cell, row) => {
    if (row > 1) cell.numFmt = format;
  });
  sheet.getCell(1, col).numFmt = "General";
}

/** Display width in Excel character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0xff ? 2 : 1;
  return width;
}

function fitWidth(texts: string[], min: number, max = 60): number {
  // +4 leaves room for the filter button Excel draws in a table header.
  return Math.min(max, Math.max(min, ...texts.map((t) => displayWidth(t) + 4)));
}

function columnWidth(header: string, type: ColumnSpec["type"]): number {
  const min = type === "date" ? 12 : type === "money" ? 16 : 10;
  return fitWidth([header], min);
}
