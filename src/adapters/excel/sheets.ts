// Laying out new sheets in the live workbook: the layout core/workbook/spec.ts describes, realised over
// Office.js — the same sheets, tables, formats, validations and widths the .xlsx set-up writer
// (src/adapters/xlsx/setup-writer.ts) puts in a file. Everything here only queues operations; the
// caller syncs.
import type { LedgerSpec } from "../../core/ledger/schema";
import { columnLetters } from "../../core/address";
import type { RawCell } from "../../core/types";
import {
  VALIDATED_ROWS,
  definitionsSheetLayout,
  ledgerSheetLayout,
  settingsSheetLayout,
  widthInPoints,
  type SheetLayout,
  type ValidationSpec,
} from "../../core/workbook/spec";
import type { RequirementCheck } from "../office/requirements";

function fill<T>(rows: number, value: T): T[][] {
  return Array.from({ length: rows }, () => [value]);
}

/** The spec's validation in Office.js's words (ExcelApi 1.8 DataValidation). */
export function officeValidation(v: ValidationSpec): {
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
  ignoreBlanks: boolean;
} {
  const r = v.rule;
  const rule: Excel.DataValidationRule | undefined =
    r.kind === "list"
      ? { list: { inCellDropDown: true, source: r.choices.join(",") } }
      : r.kind === "date"
        ? { date: { formula1: r.from, formula2: r.to, operator: "Between" as Excel.DataValidationOperator } }
        : r.kind === "whole"
          ? { wholeNumber: { formula1: r.atLeast, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator } }
          : r.kind === "decimal"
            ? { decimal: { formula1: r.atLeast, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator } }
            : undefined;
  return {
    rule,
    errorAlert: v.error
      ? {
          showAlert: true,
          style: (v.error.style === "stop" ? "Stop" : "Warning") as Excel.DataValidationAlertStyle,
          title: v.error.title,
          message: v.error.message,
        }
      : undefined,
    prompt: v.prompt ? { showPrompt: true, title: v.prompt.title, message: v.prompt.message } : undefined,
    ignoreBlanks: v.allowBlank,
  };
}

/** Adds one sheet of the layout: formats first (so typed periods and ids stay text), then values, table, validations, widths. */
export function addLayoutSheet(context: Excel.RequestContext, layout: SheetLayout, can: RequirementCheck): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(layout.sheet);
  const rows: RawCell[][] = [layout.columns.map((c) => c.header), ...layout.rows.map((r) => r.map((v) => v ?? ""))];
  const dataRows = (col: number) => sheet.getRange(`${columnLetters(col)}2:${columnLetters(col)}${VALIDATED_ROWS + 1}`);
  layout.columns.forEach((column, col) => {
    if (column.numberFormat) dataRows(col).numberFormat = fill(VALIDATED_ROWS, column.numberFormat);
  });
  const address = `A1:${columnLetters(layout.columns.length - 1)}${rows.length}`;
  sheet.getRange(address).values = rows;
  const table = sheet.tables.add(address, true);
  table.name = layout.table;
  if (!layout.filterButtons && can("ExcelApi", "1.3")) table.showFilterButton = false;
  if (layout.frozenRows && can("ExcelApi", "1.7")) sheet.freezePanes.freezeRows(layout.frozenRows);
  layout.columns.forEach((column, col) => {
    // Without ExcelApi 1.8 (Excel 2016 before its 1.8 update) the sheet is laid out without validations.
    if (column.validation && can("ExcelApi", "1.8")) {
      const { rule, errorAlert, prompt, ignoreBlanks } = officeValidation(column.validation);
      const validation = dataRows(col).dataValidation;
      if (rule) validation.rule = rule;
      if (errorAlert) validation.errorAlert = errorAlert;
      if (prompt) validation.prompt = prompt;
      validation.ignoreBlanks = ignoreBlanks;
    }
    sheet.getRange(`${columnLetters(col)}1`).format.columnWidth = widthInPoints(column.width);
  });
  return sheet;
}

/** A ledger sheet with its table, headers (units in brackets), number formats and validations. */
export function addLedgerSheet(context: Excel.RequestContext, spec: LedgerSpec, can: RequirementCheck): void {
  addLayoutSheet(context, ledgerSheetLayout(spec), can);
}

/** 报告设置: a 项目/值 table; 值 is text so periods stay as typed. */
export function addSettingsSheet(context: Excel.RequestContext, pairs: [string, string][], can: RequirementCheck): void {
  addLayoutSheet(context, settingsSheetLayout(pairs), can);
}

/** 指标定义: the definitions table, with drop-downs for 台账, 区间 and 格式 and a prompt on 统计. */
export function addDefinitionsSheet(
  context: Excel.RequestContext,
  headers: string[],
  definitionRows: (string | number)[][],
  can: RequirementCheck,
): void {
  addLayoutSheet(context, definitionsSheetLayout(headers, definitionRows), can);
}
