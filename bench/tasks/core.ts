// Figure evaluation alone: guarantee rows built in memory as the ledger reader would leave them,
// then evaluateFigures over the default definitions — only the evaluation is timed.
import { DEFAULT_DEFINITIONS, evaluateFigures } from "../../src/core/figures";
import type { LedgerSet } from "../../src/core/types";
import { ColumnarLedger, columnarLedger } from "../../src/core/ledger/columnar";
import { GUARANTEE_HEADERS, REPORT_YEAR, guaranteeRows } from "../generate-ledger";

const SHEET = "电子保函";
const COLUMNS = ["保函编号", "开立日期", "投标企业", "统一社会信用代码", "项目名称", "保证金金额", "出函机构", "状态", "部门"];

function isoOfSerial(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

export function guaranteeLedger(rows: number): LedgerSet {
  // Kept by column, as readLedgers leaves a ledger (core/ledger/columnar.ts).
  const table = new ColumnarLedger();
  const source = table.addSource(SHEET, LETTERS);
  const slots = COLUMNS.map((name) => table.columnIndex(name));
  table.reserve(rows);
  const data = slots.map((j) => table.cells(j));
  const isoBySerial = new Map<number, string>();
  let i = 0;
  for (const g of guaranteeRows(rows)) {
    let iso = isoBySerial.get(g.issued);
    if (iso === undefined) isoBySerial.set(g.issued, (iso = isoOfSerial(g.issued)));
    const values = [
      g.no,
      iso,
      g.firm,
      g.creditCode === "" ? null : g.creditCode,
      g.project,
      g.amount,
      g.issuer,
      g.status === "" ? "有效" : g.status,
      g.department,
    ];
    for (let c = 0; c < values.length; c++) data[c][i] = values[c];
    table.addRow(source, i + 2, g.department);
    i++;
  }
  const ledger = columnarLedger(
    {
      name: "电子保函",
      sources: [{ sheet: SHEET, table: SHEET, headerRow: 1, rowsRead: rows }],
      columns: COLUMNS.map((name, c) => ({ name, header: GUARANTEE_HEADERS[c], column: "ABCDEFGHI"[c] })),
      excluded: 0,
    },
    table.finish(),
  );
  return { ledgers: { 电子保函: ledger }, issues: [] };
}

const LETTERS = Object.freeze(Object.fromEntries(COLUMNS.map((name, c) => [name, "ABCDEFGHI"[c]])));

export interface CoreFacts {
  rows: number;
  buildMs: number;
  /** The one timed step. */
  evaluateMs: number;
  figures: Record<string, string>;
}

export function coreEvaluate(rows: number): CoreFacts {
  const built = performance.now();
  const ledgers = guaranteeLedger(rows);
  const buildMs = performance.now() - built;
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const { figures } = evaluateFigures(DEFAULT_DEFINITIONS, ledgers, {
    periodStart: `${REPORT_YEAR}-01-01`,
    periodEnd: `${REPORT_YEAR}-12-31`,
    scope: "全部门",
  });
  const evaluateMs = performance.now() - started;
  const out: Record<string, string> = {};
  for (const f of figures) if (f.ledger === "电子保函") out[f.id] = f.text;
  return { rows, buildMs, evaluateMs, figures: out };
}
