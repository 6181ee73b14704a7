// Laying out new sheets in the live workbook, the same way the .xlsx set-up writer does
// (src/adapters/xlsx/setup-writer.ts): one sheet per ledger named by its Chinese name holding a
// table named by its English name, 报告设置 as table ReportSettings, 指标定义 as FigureDefinitions.
// Everything here only queues operations; the caller syncs.
import { DEFINITIONS_SHEET, LEDGER_SPECS, SETTINGS_SHEET } from "../../core/ledger/schema";
import type { ColumnSpec, LedgerSpec } from "../../core/ledger/schema";
import { columnLetters } from "../../core/address";
import type { RawCell } from "../../core/types";
import { DEFINITIONS_TABLE, type RequirementCheck, SETTINGS_TABLE, headerText } from "./shared";

/** Blank rows a new ledger table starts with (as the .xlsx writer). */
export const EMPTY_LEDGER_ROWS = 5;
/** How far below the header drop-downs and formats reach: Excel does not reliably carry validation into added rows. */
export const VALIDATED_ROWS = 500;
export const PERIOD_CHOICES = ["本期", "截至期末", "全部"];
export const FORMAT_CHOICES = ["整数", "余", "亿元", "万元", "百分比"];
const YES_NO = ["是", "否"];

function columnNumberFormat(column: ColumnSpec): string | undefined {
  if (column.numberFormat) return column.numberFormat;
  if (column.type === "date") return "yyyy-mm-dd";
  if (column.type === "money") return "#,##0.00";
  if (column.type === "integer") return "0";
  // All-digit credit codes would otherwise become 9.1E+17 and lose their last digits.
  if (column.name === "统一社会信用代码") return "@";
  return undefined;
}

function columnChoices(column: ColumnSpec): readonly string[] | undefined {
  if (column.type === "enum") return column.values;
  if (column.type === "yesno") return YES_NO;
  return undefined;
}

function fill<T>(rows: number, value: T): T[][] {
  return Array.from({ length: rows }, () => [value]);
}

/** Number format and drop-down for one column, from the first data row down to VALIDATED_ROWS. */
function formatColumn(
  sheet: Excel.Worksheet,
  col: number,
  format: string | undefined,
  choices: readonly string[] | undefined,
  can: RequirementCheck,
): void {
  const below = can("ExcelApi", "1.7")
    ? sheet.getRangeByIndexes(1, col, VALIDATED_ROWS, 1)
    : sheet.getRange(`${columnLetters(col)}2:${columnLetters(col)}${VALIDATED_ROWS + 1}`);
  if (format) below.numberFormat = fill(VALIDATED_ROWS, format);
  if (choices && choices.length && can("ExcelApi", "1.8")) {
    below.dataValidation.rule = { list: { inCellDropDown: true, source: choices.join(",") } };
  }
}

function addTableSheet(
  context: Excel.RequestContext,
  sheetName: string,
  tableName: string,
  rows: RawCell[][],
  textColumns: number[],
  can: RequirementCheck,
): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(sheetName);
  const width = rows[0].length;
  const address = `A1:${columnLetters(width - 1)}${rows.length}`;
  // Text columns are formatted before the values land, so periods and ids are not read as dates or numbers.
  for (const col of textColumns) {
    if (rows.length > 1)
      sheet.getRange(`${columnLetters(col)}2:${columnLetters(col)}${rows.length}`).numberFormat = fill(rows.length - 1, "@");
  }
  sheet.getRange(address).values = rows;
  const table = sheet.tables.add(address, true);
  table.name = tableName;
  if (can("ExcelApi", "1.7")) sheet.freezePanes.freezeRows(1);
  return sheet;
}

/** A ledger sheet with its table, headers (units in brackets), number formats and drop-downs. */
export function addLedgerSheet(context: Excel.RequestContext, spec: LedgerSpec, can: RequirementCheck): void {
  const headers = spec.columns.map(headerText);
  const blank = headers.map(() => "" as RawCell);
  const rows: RawCell[][] = [headers, ...Array.from({ length: EMPTY_LEDGER_ROWS }, () => [...blank])];
  const sheet = addTableSheet(context, spec.name, spec.english, rows, [], can);
  spec.columns.forEach((column, col) => formatColumn(sheet, col, columnNumberFormat(column), columnChoices(column), can));
  sheet.getRange(`A1:${columnLetters(headers.length - 1)}1`).format.autofitColumns();
}

/** 报告设置: a 项目/值 table; 值 is text so periods stay as typed. */
export function addSettingsSheet(context: Excel.RequestContext, pairs: [string, string][], can: RequirementCheck): void {
  const rows: RawCell[][] = [["项目", "值"], ...(pairs.length ? pairs.map(([k, v]) => [k, v]) : [["", ""]])];
  const sheet = addTableSheet(context, SETTINGS_SHEET, SETTINGS_TABLE, rows, [0, 1], can);
  sheet.getRange(`A1:B${rows.length}`).format.autofitColumns();
}

/** 指标定义: the definitions table, with drop-downs for 台账, 区间 and 格式. */
export function addDefinitionsSheet(
  context: Excel.RequestContext,
  headers: string[],
  definitionRows: (string | number)[][],
  can: RequirementCheck,
): void {
  const body = definitionRows.length ? definitionRows : [headers.map(() => "")];
  const rows: RawCell[][] = [headers, ...body.map((r) => headers.map((_, i) => r[i] ?? ""))];
  const sheet = addTableSheet(context, DEFINITIONS_SHEET, DEFINITIONS_TABLE, rows, [], can);
  const lists: Record<string, readonly string[]> = {
    台账: LEDGER_SPECS.map((l) => l.name),
    区间: PERIOD_CHOICES,
    格式: FORMAT_CHOICES,
  };
  headers.forEach((header, col) => {
    const choices = lists[header.trim()];
    if (choices) formatColumn(sheet, col, undefined, choices, can);
  });
  sheet.getRange(`A1:${columnLetters(headers.length - 1)}${rows.length}`).format.autofitColumns();
}
