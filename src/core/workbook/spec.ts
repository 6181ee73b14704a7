// The workbook a set-up lays out, described once as data: sheets, tables, headers, number formats,
// validations (with their bilingual messages), drop-down choices, prompts and column widths. The file
// writer (adapters/xlsx/setup-writer.ts, the CLI's `init`) and the live-workbook set-up over Office.js
// (adapters/excel/sheets.ts, the pane's 初始化工作簿) each realise this description and decide nothing
// of their own, so the two workbooks are the same (tests/adapters/excel/setup-parity.test.ts).
import type { ColumnSpec, LedgerSpec } from "../ledger/schema";
import { DEFINITIONS_SHEET, LEDGER_SPECS, SETTINGS_SHEET } from "../ledger/schema";

/** Table names the two configuration sheets get (readers also accept them as names). */
export const SETTINGS_TABLE = "ReportSettings";
export const DEFINITIONS_TABLE = "FigureDefinitions";
/** 报告设置's two header cells. */
export const SETTINGS_HEADERS = ["项目", "值"] as const;

/** Blank rows each new ledger table starts with, so the clerk sees where to type. */
export const EMPTY_LEDGER_ROWS = 5;
/**
 * How far below the header number formats and validations reach. Excel extends a table's formats
 * when a row is added, but not reliably its validations, so they cover rows beyond the table.
 */
export const VALIDATED_ROWS = 500;

export const PERIOD_CHOICES: readonly string[] = ["本期", "截至期末", "全部"];
export const FORMAT_CHOICES: readonly string[] = ["整数", "余", "亿元", "万元", "百分比"];
export const YES_NO_CHOICES: readonly string[] = ["是", "否"];
/** The dates a date column accepts without a warning (ISO, inclusive). */
export const DATE_RANGE = { from: "1990-01-01", to: "2099-12-31" } as const;
/** Excel's built-in style for a new table (also Office.js's default for tables.add). */
export const TABLE_STYLE = "TableStyleMedium2";

/** What a cell accepts. `any` accepts everything and exists to carry a prompt. */
export type ValidationRule =
  | { kind: "list"; choices: readonly string[] }
  | { kind: "date"; from: string; to: string }
  | { kind: "whole"; atLeast: number }
  | { kind: "decimal"; atLeast: number }
  | { kind: "any" };

export interface ValidationSpec {
  rule: ValidationRule;
  /** A blank cell is valid. */
  allowBlank: boolean;
  /** Shown when a value breaks the rule: `stop` refuses it, `warning` lets the clerk keep it. */
  error?: { style: "stop" | "warning"; title: string; message: string };
  /** Shown when the clerk selects the cell. */
  prompt?: { title: string; message: string };
}

export interface ColumnLayout {
  header: string;
  /** Width in Excel's character units (the default font's digit width). */
  width: number;
  /** Number format of the data rows (rows 2 … VALIDATED_ROWS + 1); the header stays General. */
  numberFormat?: string;
  /** Validation of the data rows (rows 2 … VALIDATED_ROWS + 1). */
  validation?: ValidationSpec;
}

export interface SheetLayout {
  sheet: string;
  table: string;
  columns: ColumnLayout[];
  /** The table's body under the header; null is a blank cell. Never empty: a table needs a data row. */
  rows: (string | number | null)[][];
  /** Whether the header shows filter buttons (报告设置 is a short list and has none). */
  filterButtons: boolean;
  /** Rows frozen at the top: the header. */
  frozenRows: number;
}

export interface WorkbookLayoutInput {
  /** 报告设置 项目/值 rows, in order. */
  settingsRows: [string, string][];
  /** 指标定义 header and rows (指标ID, 名称, 台账, 统计, 条件, 区间, 格式, 手工值 …). */
  definitionHeaders: readonly string[];
  definitionRows: (string | number)[][];
  /** Ledgers to lay out; default all. */
  ledgers?: readonly LedgerSpec[];
}

/** The header set-up writes for a column: the unit goes in full-width brackets, as clerks write it. */
export function headerText(column: ColumnSpec): string {
  return column.unit ? `${column.name}（${column.unit}）` : column.name;
}

/** Display width in Excel character units: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0xff ? 2 : 1;
  return width;
}

function fitWidth(texts: string[], min: number, max = 60): number {
  // +4 leaves room for the filter button Excel draws in a table header.
  return Math.min(max, Math.max(min, ...texts.map((t) => displayWidth(t) + 4)));
}

/**
 * A width in character units as points (Office.js RangeFormat.columnWidth): Excel pads a column by
 * 5 pixels around its characters, 7 pixels each in the default font, at 0.75 point per pixel — the
 * default 8.43 characters is Office.js's 48 points.
 */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** The number format a ledger column's data rows get. */
export function columnNumberFormat(column: ColumnSpec): string | undefined {
  if (column.numberFormat) return column.numberFormat;
  if (column.type === "date") return "yyyy-mm-dd";
  if (column.type === "money") return "#,##0.00";
  if (column.type === "integer") return "0";
  // All-digit credit codes would otherwise become 9.1E+17 and lose their last digits.
  if (column.name === "统一社会信用代码") return "@";
  return undefined;
}

/** A drop-down of `choices`; anything else is refused, blanks are allowed. */
export function listValidation(title: string, choices: readonly string[]): ValidationSpec {
  return {
    rule: { kind: "list", choices },
    allowBlank: true,
    error: {
      style: "stop",
      title,
      message: `请从下拉列表中选择：${choices.join("、")} / Choose one of: ${choices.join(", ")}`,
    },
  };
}

/** The validation a ledger column's data rows get, if any. */
export function columnValidation(column: ColumnSpec): ValidationSpec | undefined {
  switch (column.type) {
    case "enum":
      return listValidation(column.name, column.values ?? []);
    case "yesno":
      return listValidation(column.name, YES_NO_CHOICES);
    case "date":
      // A warning, not a stop: text dates such as 2022年3月1日 are read correctly and clerks paste them.
      return {
        rule: { kind: "date", from: DATE_RANGE.from, to: DATE_RANGE.to },
        allowBlank: !column.required,
        error: {
          style: "warning",
          title: column.name,
          message: `${column.name}应为日期，例如 2022-03-01 / ${column.name} should be a date, e.g. 2022-03-01`,
        },
      };
    case "integer":
      return {
        rule: { kind: "whole", atLeast: 0 },
        allowBlank: true,
        error: {
          style: "warning",
          title: column.name,
          message: `${column.name}应为不小于0的整数 / ${column.name} should be a whole number ≥ 0`,
        },
      };
    case "money":
      return {
        rule: { kind: "decimal", atLeast: 0 },
        allowBlank: !column.required,
        error: {
          style: "warning",
          title: column.name,
          message: `${column.name}应为不小于0的金额（元） / ${column.name} should be an amount in yuan ≥ 0`,
        },
      };
    default:
      return undefined;
  }
}

function columnWidth(header: string, type: ColumnSpec["type"]): number {
  const min = type === "date" ? 12 : type === "money" ? 16 : 10;
  return fitWidth([header], min);
}

/** One sheet named by the ledger's Chinese name, holding a table named by its English name. */
export function ledgerSheetLayout(spec: LedgerSpec, emptyRows = EMPTY_LEDGER_ROWS): SheetLayout {
  return {
    sheet: spec.name,
    table: spec.english,
    columns: spec.columns.map((column) => {
      const header = headerText(column);
      return {
        header,
        width: columnWidth(header, column.type),
        numberFormat: columnNumberFormat(column),
        validation: columnValidation(column),
      };
    }),
    rows: Array.from({ length: Math.max(1, emptyRows) }, () => spec.columns.map(() => null)),
    filterButtons: true,
    frozenRows: 1,
  };
}

/** 报告设置: a two-column table 项目/值; 值 is text so periods are not turned into dates. */
export function settingsSheetLayout(rows: [string, string][]): SheetLayout {
  const [item, value] = SETTINGS_HEADERS;
  return {
    sheet: SETTINGS_SHEET,
    table: SETTINGS_TABLE,
    columns: [
      { header: item, width: fitWidth([item, ...rows.map((r) => r[0])], 10) },
      { header: value, width: fitWidth([value, ...rows.map((r) => r[1])], 30), numberFormat: "@" },
    ],
    rows: rows.length > 0 ? rows.map(([k, v]) => [k, v]) : [[null, null]],
    filterButtons: false,
    frozenRows: 1,
  };
}

/** What 指标定义's 统计 cells prompt: the three forms an aggregate takes. */
export const AGGREGATE_PROMPT = { title: "统计", message: "计数 · 去重计数:列名 · 求和:列名" } as const;

/** 指标定义: the caller's header and rows as a table, with drop-downs for 台账, 区间 and 格式 and a prompt on 统计. */
export function definitionsSheetLayout(
  headers: readonly string[],
  rows: (string | number)[][],
  ledgerNames: readonly string[] = LEDGER_SPECS.map((l) => l.name),
): SheetLayout {
  // 台账 blank means a manual figure, so blanks stay allowed everywhere.
  const lists: Record<string, readonly string[]> = { 台账: ledgerNames, 区间: PERIOD_CHOICES, 格式: FORMAT_CHOICES };
  return {
    sheet: DEFINITIONS_SHEET,
    table: DEFINITIONS_TABLE,
    columns: headers.map((header, i) => {
      const key = header.trim();
      const validation: ValidationSpec | undefined = lists[key]
        ? listValidation(key, lists[key])
        : key === AGGREGATE_PROMPT.title
          ? { rule: { kind: "any" }, allowBlank: true, prompt: { ...AGGREGATE_PROMPT } }
          : undefined;
      return { header, width: fitWidth([header, ...rows.map((r) => String(r[i] ?? ""))], 8, 48), validation };
    }),
    rows: rows.length > 0 ? rows.map((r) => headers.map((_, i) => r[i] ?? null)) : [headers.map(() => null)],
    filterButtons: true,
    frozenRows: 1,
  };
}

/** The whole new workbook, in sheet order: 报告设置, 指标定义, then one sheet per ledger. */
export function workbookLayout(input: WorkbookLayoutInput): SheetLayout[] {
  const ledgers = input.ledgers ?? LEDGER_SPECS;
  return [
    settingsSheetLayout(input.settingsRows),
    definitionsSheetLayout(
      input.definitionHeaders,
      input.definitionRows,
      ledgers.map((l) => l.name),
    ),
    ...ledgers.map((spec) => ledgerSheetLayout(spec)),
  ];
}
