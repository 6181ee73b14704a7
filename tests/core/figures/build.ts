// Builders for figure tests: ledgers and definitions as plain data for evaluateFigures, and one run
// of the whole engine over a ledger sheet and 指标定义 rows (tests/core/ledger/build.ts builds sheets).
import { runEngine } from "../../../src/core/engine";
import { DEFINITION_HEADERS, parseConditions } from "../../../src/core/figures";
import { ledgerSpec } from "../../../src/core/ledger/schema";
import type { FieldValue, FigureDefinition, Ledger, LedgerName, LedgerRow, LedgerSet, RawCell, RawTable } from "../../../src/core/types";
import { rawTable, rawWorkbook } from "../../helpers/raw-workbook";

/** The 2022 report over every department. */
export const YEAR_2022 = { periodStart: "2022-01-01", periodEnd: "2022-12-31", scope: "全部门" };

/** A row carrying every column of its ledger, blank unless given, as the ledger reader produces it. */
export function ledgerRow(
  ledger: LedgerName,
  n: number,
  values: Record<string, FieldValue>,
  department: string | null = null,
  sheet: string = ledger,
): LedgerRow {
  const all: Record<string, FieldValue> = {};
  for (const c of ledgerSpec(ledger).columns) all[c.name] = null;
  return { sheet, row: n, values: { ...all, ...values }, department };
}

/** A ledger of these rows with every column of its spec, headed by its standard name, in columns A, B, C… */
export function ledgerOf(name: LedgerName, rows: LedgerRow[]): Ledger {
  const columns = ledgerSpec(name).columns.map((c, i) => ({
    name: c.name,
    header: c.name,
    column: String.fromCharCode(65 + i),
  }));
  return { name, sources: [], columns, rows, excluded: 0 };
}

/** These ledgers, read without an issue. */
export function ledgerSet(...ledgers: Ledger[]): LedgerSet {
  const result: LedgerSet = { ledgers: {}, issues: [] };
  for (const l of ledgers) result.ledgers[l.name] = l;
  return result;
}

/** Figure "测试" (t.fig): the count of the ledger's rows meeting `conditions` (条件 text), over 全部, as 整数. */
export function figureDef(ledgerName: LedgerName | null, conditions: string, extra: Partial<FigureDefinition> = {}): FigureDefinition {
  const parsed = parseConditions(conditions);
  if (!Array.isArray(parsed)) throw new Error(parsed.errorEn);
  return {
    id: "t.fig",
    name: "测试",
    ledger: ledgerName,
    aggregate: { kind: "count" },
    conditions: parsed,
    period: "all",
    format: "integer",
    manualValue: null,
    ...extra,
  };
}

/** The whole engine over one ledger sheet and these 指标定义 rows: a figure by id, and every issue. */
export function runWithDefinitions(ledger: RawTable, definitions: RawCell[][]) {
  const result = runEngine(rawWorkbook("台账.xlsx", ledger, rawTable("指标定义", [DEFINITION_HEADERS, ...definitions])));
  return { figure: (id: string) => result.figures.find((f) => f.id === id)!, issues: result.issues };
}
