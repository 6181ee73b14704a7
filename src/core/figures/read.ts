// Reading the 指标定义 sheet. A malformed cell costs only its own row: the clerk gets an issue at
// that cell saying what was expected, and every other figure is still computed.
import type {
  Aggregate,
  Condition,
  FigureDefinition,
  FormatKind,
  Issue,
  LedgerName,
  PeriodKind,
  RawCell,
  RawTable,
  RawWorkbook,
} from "../types";
import { cellAddress } from "../address";
import { DEFINITIONS_SHEET, LEDGER_SPECS } from "../ledger/schema";
import { formatKindFromLabel, formatValue } from "../format";
import { parseHandNumber } from "../format/hand-number";
import { DEFAULT_DEFINITIONS } from "./defaults";
import { catalogueIssue, codeOf, issueText, type IssueTextKey, type TextParams } from "../messages";
import { parseAggregate, parseConditions, periodKindFromLabel, splitAllowZero } from "./syntax";

import { DEFINITIONS_TABLE } from "../workbook/spec";

export { DEFINITIONS_TABLE };

type Field = "id" | "name" | "ledger" | "aggregate" | "conditions" | "period" | "format" | "manual";

/** Accepted header spellings of each 指标定义 column (the first is the one set-up writes). */
export const FIELD_HEADERS: Readonly<Record<Field, readonly string[]>> = {
  id: ["指标ID", "ID", "FigureID"],
  name: ["名称", "指标名称", "Name"],
  ledger: ["台账", "Ledger"],
  aggregate: ["统计", "统计方式", "Aggregate"],
  conditions: ["条件", "Conditions", "Condition"],
  period: ["区间", "Period"],
  format: ["格式", "Format"],
  manual: ["手工值", "ManualValue", "Manual"],
};

function foldHeader(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  return String(cell).trim();
}

/**
 * Rows typed under the 指标定义 table: Excel grows a table for a row typed right under it, but a row
 * added by a script, WPS or LibreOffice, or pasted further down, stays outside and is read as no figure.
 * Said at each such row, as a ledger's rows under its table are, so a figure never vanishes unsaid.
 */
function rowsBelowTable(table: RawTable): Issue[] {
  const around = table.around;
  if (!table.table || !around) return [];
  const bottom = table.top + table.values.length - 1;
  const right = table.left + Math.max(0, ...table.values.map((row) => row.length)) - 1;
  const inTable = (r: number, c: number) => around.tables.some((t) => r >= t.top && r <= t.bottom && c >= t.left && c <= t.right);
  const issues: Issue[] = [];
  for (const region of around.regions) {
    region.values.forEach((row, i) => {
      const r = region.top + i;
      if (r <= bottom) return;
      for (let c = Math.max(table.left, region.left); c <= right && c - region.left < row.length; c++) {
        if (cellText(row[c - region.left]) === "" || inTable(r, c)) continue;
        const cell = cellAddress(table.sheet, r, c);
        issues.push(catalogueIssue("warning", "definition.outside_table", { cell, table: table.table! }, { cell }));
        return;
      }
    });
  }
  return issues;
}

/** Whether readDefinitions takes this table (a sheet 指标定义 or a table FigureDefinitions). */
export function isDefinitionsTable(t: RawTable): boolean {
  const names = [t.sheet, t.table ?? ""].map((n) => n.trim());
  return names.includes(DEFINITIONS_SHEET) || names.some((n) => n.toLowerCase() === DEFINITIONS_TABLE.toLowerCase());
}

function findHeaderRow(t: RawTable): number {
  const idHeaders = FIELD_HEADERS.id.slice(0, 1).map(foldHeader);
  return t.values.findIndex((row) => row.some((c) => typeof c === "string" && idHeaders.includes(foldHeader(c))));
}

function ledgerFromLabel(label: string): LedgerName | null {
  const folded = foldHeader(label);
  for (const spec of LEDGER_SPECS) {
    if ([spec.name, spec.english, ...spec.aliases].some((n) => foldHeader(n) === folded)) return spec.name;
  }
  return null;
}

/** Numbers as clerks type them into a cell: `1,200`, full-width digits, a leading ¥. */
function parseManualValue(cell: RawCell | undefined): number | null | undefined {
  if (cell === null || cell === undefined || cell === "") return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== "string") return undefined;
  const text = cell
    .normalize("NFKC")
    .trim()
    .replace(/^[¥￥]/, "")
    .replace(/,/g, "");
  if (text === "") return null;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/**
 * A 手工值 written in Chinese numerals (`七`, `十二`, `二十`, `一百零五`, `两千`, `三点五`): its number.
 * Null for anything else — words around it, 余/多 (a lower bound is no value), Arabic digits mixed in.
 */
function chineseManualValue(cell: RawCell | undefined): number | null {
  if (typeof cell !== "string") return null;
  const text = cell.normalize("NFKC").replace(/\s+/g, "");
  if (!/^[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億点]+$/.test(text)) return null;
  const read = parseHandNumber(text);
  return read === null || read.approx ? null : read.value;
}

/** Copies deep enough that a caller editing a definition never edits DEFAULT_DEFINITIONS. */
function defaultDefinitions(): FigureDefinition[] {
  return DEFAULT_DEFINITIONS.map((d) => ({
    ...d,
    aggregate: { ...d.aggregate },
    conditions: d.conditions.map((c) => (c.kind === "eq" || c.kind === "ne" ? { ...c, values: [...c.values] } : { ...c })),
  }));
}

const ID_PATTERN = /^[a-z][a-z0-9_.]*$/;

export function readDefinitions(wb: RawWorkbook): {
  definitions: FigureDefinition[];
  issues: Issue[];
  fromWorkbook: boolean;
} {
  const candidates = wb.tables.filter(isDefinitionsTable);
  if (candidates.length === 0) return { definitions: defaultDefinitions(), issues: [], fromWorkbook: false };

  const table = candidates.find((t) => findHeaderRow(t) >= 0);
  if (!table) {
    const sheet = candidates[0].sheet;
    return {
      definitions: defaultDefinitions(),
      issues: [
        catalogueIssue("warning", "definition.no_header", { sheet }, { cell: cellAddress(sheet, candidates[0].top, candidates[0].left) }),
      ],
      fromWorkbook: false,
    };
  }

  const headerRow = findHeaderRow(table);
  const columns: Partial<Record<Field, number>> = {};
  table.values[headerRow].forEach((cell, c) => {
    const folded = foldHeader(cellText(cell));
    for (const field of Object.keys(FIELD_HEADERS) as Field[]) {
      if (columns[field] === undefined && FIELD_HEADERS[field].some((h) => foldHeader(h) === folded)) columns[field] = c;
    }
  });

  const issues: Issue[] = [];
  const missing = (Object.keys(FIELD_HEADERS) as Field[]).filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    const names = missing.map((f) => FIELD_HEADERS[f][0]);
    issues.push(
      catalogueIssue(
        "warning",
        "definition.missing_columns",
        { sheet: table.sheet, columns: names.join("、"), columnsEn: names.join(", ") },
        { cell: cellAddress(table.sheet, table.top + headerRow, table.left) },
      ),
    );
  }
  const definitions: FigureDefinition[] = [];
  const seen = new Map<string, string>();
  let dataRows = 0;

  for (let r = headerRow + 1; r < table.values.length; r++) {
    const row = table.values[r];
    if (row.every((c) => cellText(c) === "")) continue;
    dataRows++;
    // A column missing from the header is reported once below; its row issues point at the id cell.
    const address = (field: Field) => cellAddress(table.sheet, table.top + r, table.left + (columns[field] ?? columns.id!));
    const text = (field: Field) => (columns[field] === undefined ? "" : cellText(row[columns[field]!]));
    const rowIssues: Issue[] = [];
    const report = (field: Field, code: string, message: string, messageEn: string) => {
      const cell = address(field);
      rowIssues.push({ severity: "error", code, message: `${cell} ${message}`, messageEn: `${cell} ${messageEn}`, cell });
    };
    const fail = (field: Field, key: IssueTextKey, params: TextParams = {}) => {
      const { message, messageEn } = issueText(key, params);
      report(field, codeOf(key), message, messageEn);
    };

    const id = text("id");
    if (id === "") {
      fail("id", "definition.bad_id#blank");
    } else if (!ID_PATTERN.test(id)) {
      fail("id", "definition.bad_id", { id });
    } else if (seen.has(id)) {
      fail("id", "definition.duplicate_id", { id, first: seen.get(id)! });
    } else {
      seen.set(id, address("id"));
    }

    const ledgerText = text("ledger");
    const ledger = ledgerText === "" ? null : ledgerFromLabel(ledgerText);
    if (ledgerText !== "" && ledger === null) {
      fail("ledger", "definition.unknown_ledger", {
        ledger: ledgerText,
        known: LEDGER_SPECS.map((s) => s.name).join("、"),
        knownEn: LEDGER_SPECS.map((s) => `${s.name} (${s.english})`).join(", "),
      });
    }
    const isManual = ledgerText === "";

    const aggregateText = text("aggregate");
    let aggregate: Aggregate | null = { kind: "count" };
    if (aggregateText !== "" || !isManual) {
      aggregate = parseAggregate(aggregateText);
      if (!aggregate) {
        fail("aggregate", "definition.bad_aggregate", { aggregate: aggregateText });
      }
    }

    const conditionText = splitAllowZero(text("conditions"));
    const parsedConditions = parseConditions(conditionText.text);
    let conditions: Condition[] = [];
    if (Array.isArray(parsedConditions)) conditions = parsedConditions;
    // The condition parser words its own errors (it knows which part of the condition is wrong).
    else report("conditions", "definition.bad_condition", parsedConditions.error, parsedConditions.errorEn);

    const periodText = text("period");
    let period: PeriodKind | null = "all";
    if (periodText !== "" || !isManual) {
      period = periodKindFromLabel(periodText);
      if (!period) {
        fail("period", "definition.bad_period", { period: periodText });
      }
    }

    const formatText = text("format");
    const format: FormatKind | null = formatText === "" ? "integer" : formatKindFromLabel(formatText);
    if (!format) {
      fail("format", "definition.bad_format", { format: formatText });
    }

    const manualCell = columns.manual === undefined ? null : row[columns.manual];
    let manualValue = parseManualValue(manualCell);
    // A small number in Chinese numerals (七, 十二, 二十) is read as that number, and said at the cell.
    const chinese = manualValue === undefined ? chineseManualValue(manualCell) : null;
    let chineseNote: Issue | null = null;
    if (chinese !== null) {
      manualValue = chinese;
      const cell = address("manual");
      const params = { cell, value: cellText(manualCell), number: chinese };
      chineseNote = catalogueIssue("info", "definition.manual_chinese_numeral", params, { cell });
    }
    if (manualValue === undefined) {
      fail("manual", "definition.bad_manual_value", { value: cellText(manualCell) });
    }

    // A count is a number of rows: printed as 万元, 亿元 or a percentage it would be a wrong number
    // that looks right (7 笔 as "0.00" 亿元), so the definition is refused at its 格式 cell.
    if (!isManual && aggregate && aggregate.kind !== "sum" && (format === "wan" || format === "yi" || format === "percent"))
      fail("format", "definition.count_as_amount", { aggregate: aggregateText, format: formatText });

    if (rowIssues.length > 0) {
      // The row's id and name (as typed), so a placeholder naming the figure is pointed at this row, not called unknown.
      // (A duplicate's figure exists — the first row's — so a duplicate row is not tagged.)
      const named = (i: Issue): Issue =>
        i.code === "definition.duplicate_id"
          ? i
          : { ...i, ...(id ? { figure: i.figure ?? id } : {}), ...(text("name") ? { figureName: text("name") } : {}) };
      issues.push(...rowIssues.map(named));
      continue;
    }
    if (chineseNote) issues.push(chineseNote);
    if (typeof manualValue === "number") issues.push(...manualValueWarnings(manualValue, format!, formatText, address("manual")));
    definitions.push({
      id,
      name: text("name") || id,
      ledger,
      aggregate: aggregate!,
      conditions,
      period: period!,
      format: format!,
      manualValue: manualValue ?? null,
      ...(conditionText.allowZero ? { allowZero: true } : {}),
      sourceRow: table.top + r + 1,
      cells: {
        manual: cellAddress(table.sheet, table.top + r, table.left + (columns.manual ?? columns.id!)),
        conditions: cellAddress(table.sheet, table.top + r, table.left + (columns.conditions ?? columns.id!)),
        aggregate: cellAddress(table.sheet, table.top + r, table.left + (columns.aggregate ?? columns.id!)),
      },
    });
  }

  issues.push(...rowsBelowTable(table));
  if (dataRows === 0) {
    // An emptied sheet is more likely an accident than a wish for a report without figures.
    return {
      definitions: defaultDefinitions(),
      issues: [catalogueIssue("warning", "definition.empty", { sheet: table.sheet })],
      fromWorkbook: false,
    };
  }
  return { definitions, issues, fromWorkbook: true };
}

/**
 * What a 手工值 the figure will print differently from how it was typed: rounded away by its 格式,
 * below zero where every figure counts or sums something, or a fraction under 百分比 (an Excel
 * percent cell holds 0.95 for 95%, and the figure would print 1.0). Warned at the cell, not refused.
 */
function manualValueWarnings(value: number, format: FormatKind, formatText: string, cell: string): Issue[] {
  const out: Issue[] = [];
  const warn = (key: IssueTextKey, params: TextParams) => {
    const { message, messageEn } = issueText(key, { value, ...params });
    out.push({ severity: "warning", code: codeOf(key), message: `${cell} ${message}`, messageEn: `${cell} ${messageEn}`, cell });
  };
  if (value < 0) warn("definition.manual_negative", {});
  if (format === "integer" && !Number.isInteger(value))
    warn("definition.manual_rounded", { format: formatText || "整数", written: formatValue(value, format) });
  if (format === "percent" && value !== 0 && Math.abs(value) <= 1)
    warn("definition.manual_percent_fraction", { written: formatValue(value, format), percent: formatValue(value * 100, format) });
  return out;
}
