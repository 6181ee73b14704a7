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
import { DEFAULT_DEFINITIONS } from "./defaults";
import { parseAggregate, parseConditions, periodKindFromLabel } from "./syntax";

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
        {
          severity: "warning",
          code: "definition.no_header",
          message: `${sheet} 工作表中没有“指标ID”表头行，已使用默认指标`,
          messageEn: `Sheet ${sheet} has no header row with 指标ID; the default figures are used`,
          cell: cellAddress(sheet, candidates[0].top, candidates[0].left),
        },
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
    issues.push({
      severity: "warning",
      code: "definition.missing_columns",
      message: `${table.sheet} 缺少列：${names.join("、")}，按空白读取`,
      messageEn: `Sheet ${table.sheet} lacks the columns ${names.join(", ")}; they are read as blank`,
      cell: cellAddress(table.sheet, table.top + headerRow, table.left),
    });
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
    const fail = (field: Field, code: string, zh: string, en: string) => {
      const cell = address(field);
      rowIssues.push({
        severity: "error",
        code,
        message: `${cell} ${zh}`,
        messageEn: `${cell} ${en}`,
        cell,
      });
    };

    const id = text("id");
    if (id === "") {
      fail("id", "definition.bad_id", "指标ID为空，该行未读取", "figure id is blank; the row is skipped");
    } else if (!ID_PATTERN.test(id)) {
      fail(
        "id",
        "definition.bad_id",
        `指标ID无法识别：“${id}”，应为小写英文字母开头，仅含小写字母、数字、_ 和 .`,
        `figure id not valid: "${id}"; expected a lower-case letter followed by lower-case letters, digits, _ or .`,
      );
    } else if (seen.has(id)) {
      fail(
        "id",
        "definition.duplicate_id",
        `指标ID“${id}”重复，已在 ${seen.get(id)} 定义`,
        `figure id "${id}" is a duplicate of ${seen.get(id)}`,
      );
    } else {
      seen.set(id, address("id"));
    }

    const ledgerText = text("ledger");
    const ledger = ledgerText === "" ? null : ledgerFromLabel(ledgerText);
    if (ledgerText !== "" && ledger === null) {
      const known = LEDGER_SPECS.map((s) => s.name).join("、");
      fail(
        "ledger",
        "definition.unknown_ledger",
        `台账无法识别：“${ledgerText}”，应为 ${known} 之一，手工指标留空`,
        `ledger not recognised: "${ledgerText}"; expected one of ${LEDGER_SPECS.map((s) => `${s.name} (${s.english})`).join(", ")}, or blank for a manual figure`,
      );
    }
    const isManual = ledgerText === "";

    const aggregateText = text("aggregate");
    let aggregate: Aggregate | null = { kind: "count" };
    if (aggregateText !== "" || !isManual) {
      aggregate = parseAggregate(aggregateText);
      if (!aggregate) {
        fail(
          "aggregate",
          "definition.bad_aggregate",
          `统计方式无法识别：“${aggregateText}”，应为 计数、去重计数:<列>、求和:<列>、分组计数:<分组列>[:前N] 或 分组求和:<求和列>:<分组列>[:前N]`,
          `aggregate not recognised: "${aggregateText}"; expected 计数 (count), 去重计数:<column> (distinct), 求和:<column> (sum), 分组计数:<group column>[:前N] (a table of counts) or 分组求和:<sum column>:<group column>[:前N] (a table of sums)`,
        );
      }
    }

    const parsedConditions = parseConditions(text("conditions"));
    let conditions: Condition[] = [];
    if (Array.isArray(parsedConditions)) conditions = parsedConditions;
    else fail("conditions", "definition.bad_condition", parsedConditions.error, parsedConditions.errorEn);

    const periodText = text("period");
    let period: PeriodKind | null = "all";
    if (periodText !== "" || !isManual) {
      period = periodKindFromLabel(periodText);
      if (!period) {
        fail(
          "period",
          "definition.bad_period",
          `区间无法识别：“${periodText}”，应为 本期、截至期末 或 全部`,
          `period not recognised: "${periodText}"; expected 本期 (current period), 截至期末 (up to the period end) or 全部 (all)`,
        );
      }
    }

    const formatText = text("format");
    const format: FormatKind | null = formatText === "" ? "integer" : formatKindFromLabel(formatText);
    if (!format) {
      fail(
        "format",
        "definition.bad_format",
        `格式无法识别：“${formatText}”，应为 整数、余、亿元、万元 或 百分比`,
        `format not recognised: "${formatText}"; expected 整数, 余, 亿元, 万元 or 百分比`,
      );
    }

    const manualCell = columns.manual === undefined ? null : row[columns.manual];
    const manualValue = parseManualValue(manualCell);
    if (manualValue === undefined) {
      fail(
        "manual",
        "definition.bad_manual_value",
        `手工值应为数字：“${cellText(manualCell)}”`,
        `manual value must be a number: "${cellText(manualCell)}"`,
      );
    }

    // A count is a number of rows: printed as 万元, 亿元 or a percentage it would be a wrong number
    // that looks right (7 笔 as "0.00" 亿元), so the definition is refused at its 格式 cell.
    if (!isManual && aggregate && aggregate.kind !== "sum" && (format === "wan" || format === "yi" || format === "percent"))
      fail(
        "format",
        "definition.count_as_amount",
        `统计方式“${aggregateText}”得出的是笔数/个数，不能用格式“${formatText}”（万元、亿元、百分比只用于“求和:<金额列>”或手工值）；请改为 整数 或 余`,
        `aggregate "${aggregateText}" gives a count, which cannot be formatted as "${formatText}" (万元, 亿元 and 百分比 are for 求和:<amount column> or a manual value); use 整数 or 余`,
      );

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
      sourceRow: table.top + r + 1,
      cells: {
        manual: cellAddress(table.sheet, table.top + r, table.left + (columns.manual ?? columns.id!)),
        conditions: cellAddress(table.sheet, table.top + r, table.left + (columns.conditions ?? columns.id!)),
        aggregate: cellAddress(table.sheet, table.top + r, table.left + (columns.aggregate ?? columns.id!)),
      },
    });
  }

  if (dataRows === 0) {
    // An emptied sheet is more likely an accident than a wish for a report without figures.
    return {
      definitions: defaultDefinitions(),
      issues: [
        {
          severity: "warning",
          code: "definition.empty",
          message: `${table.sheet} 工作表没有指标定义行，已使用默认指标`,
          messageEn: `Sheet ${table.sheet} has no figure definitions; the default figures are used`,
        },
      ],
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
  const warn = (code: string, zh: string, en: string) =>
    out.push({ severity: "warning", code, message: `${cell} ${zh}`, messageEn: `${cell} ${en}`, cell });
  const label = formatText || "整数";
  if (value < 0)
    warn(
      "definition.manual_negative",
      `手工值 ${value} 是负数，而指标是次数、人数或金额，不应为负；请核对`,
      `manual value ${value} is negative, but a figure counts or sums something and cannot be below zero; please check`,
    );
  if (format === "integer" && !Number.isInteger(value))
    warn(
      "definition.manual_rounded",
      `手工值 ${value} 按格式“${label}”将写作 ${formatValue(value, format)}；如需小数，请改格式或手工值`,
      `manual value ${value} is written as ${formatValue(value, format)} under the format "${label}"; change the format or the value if the decimals matter`,
    );
  if (format === "percent" && value !== 0 && Math.abs(value) <= 1)
    warn(
      "definition.manual_percent_fraction",
      `手工值 ${value} 按格式“百分比”将写作 ${formatValue(value, format)}（%）；如这是 Excel 百分比单元格（显示为 ${formatValue(value * 100, format)}%），请在手工值中直接填 ${formatValue(value * 100, format)}`,
      `manual value ${value} is written as ${formatValue(value, format)} (%) under 百分比; if it is an Excel percent cell (showing ${formatValue(value * 100, format)}%), type ${formatValue(value * 100, format)} as the manual value`,
    );
  return out;
}
