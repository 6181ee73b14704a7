// Figures a row may have been kept out of. LEDGERS.md: a row with an error-severity issue is excluded
// from every figure (its other cells cannot be trusted to count); a record-like row under a table or
// below a note line is not read as a record. The figure is still a number the ledgers support, but
// one that may be short by those rows: it says so, with the cells to fix, so a clerk reading
// "3 个错误" is not left to guess that the report's 2 should be 3.
//
// Only by the rows it could have counted: a 2021 session left out does not make the 2022 figures
// "may be short", nor a 线上研讨 one the 专题学习 count. Each left-out row is tried against each
// figure on what could be read of it (Ledger.leftOut) — its period, its scope, its conditions and the
// status rules — and a cell that could not be read (the error itself) could hold anything: a test on
// it could pass. Where in doubt, the row is counted as one the figure may lack.
import type { Condition, FieldValue, FigureDefinition, FigureResult, Issue, Ledger, LedgerSet, LeftOutRow } from "../types";
import { ledgerSpec, type LedgerSpec } from "../ledger/schema";
import { canonicalCondition, compileCondition, foldColumn, specColumnOf, valueText } from "./evaluate";

/** How many of its ledger's rows were left out, and the first cells whose errors did it. */
export interface RowsLeftOut {
  count: number;
  cells: string[];
}

const CELLS_SHOWN = 3;
/**
 * Rows that look like records but are not read as records: typed under an Excel table (or beside it),
 * or below a 注：/制表人 line. The reader warns at each; they count in no figure either.
 */
const NOT_READ = ["row.outside_table", "row.after_notes"];

const STATUS_COLUMN = "状态";
const DEPARTMENT_COLUMN = "部门";
const TERMINATION_DATE_COLUMN = "终止日期";
const REVOKED = "撤销";
const TERMINATED = "终止";
const ACTIVE = "有效";

/**
 * Each counted figure of a ledger with rows left out, marked with `rowsLeftOut` counting only the
 * rows it could have counted; others unchanged. Without `definitions` (or for a figure none defines)
 * every left-out row of its ledger counts as one it may lack.
 */
export function markRowsLeftOut(
  figures: FigureResult[],
  ledgers: LedgerSet,
  issues: Issue[],
  definitions: readonly FigureDefinition[] = [],
): FigureResult[] {
  const byLedger = new Map<string, LedgerLeftOut>();
  for (const [name, ledger] of Object.entries(ledgers.ledgers)) {
    if (!ledger) continue;
    const leftOut = ledgerLeftOut(name, ledger, issues);
    if (leftOut.rows.length + leftOut.unknown > 0) byLedger.set(name, leftOut);
  }
  if (byLedger.size === 0) return figures;
  const defs = new Map(definitions.map((d) => [d.id, d]));
  return figures.map((f) => {
    const leftOut = f.ledger !== null && !f.unresolved ? byLedger.get(f.ledger) : undefined;
    if (!leftOut) return f;
    const def = defs.get(f.id);
    const could = def && def.ledger === f.ledger ? leftOut.rows.filter((row) => couldCount(row, def, f)) : leftOut.rows;
    const count = could.length + leftOut.unknown;
    if (count === 0) return f;
    const cells: string[] = [];
    for (const cell of [...could.flatMap((row) => row.cells), ...(leftOut.unknown > 0 ? leftOut.issueCells : [])]) {
      if (cells.length >= CELLS_SHOWN) break;
      if (!cells.includes(cell)) cells.push(cell);
    }
    return { ...f, rowsLeftOut: { count, cells } };
  });
}

/** A ledger's left-out rows as the reader kept them, and how many more its issues tell of (`unknown`). */
interface LedgerLeftOut {
  rows: LeftOutRow[];
  /** Rows left out that the reader did not keep (a ledger built by hand): they may count in any figure. */
  unknown: number;
  /** The cells the ledger's errors and not-read rows are at, for those. */
  issueCells: string[];
}

function ledgerLeftOut(name: string, ledger: Ledger, issues: Issue[]): LedgerLeftOut {
  const issueCells: string[] = [];
  let told = ledger.excluded;
  for (const issue of issues) {
    if (issue.ledger !== name) continue;
    const notRead = NOT_READ.includes(issue.code);
    if (issue.severity !== "error" && !notRead) continue;
    if (notRead) told += issue.count ?? 1;
    for (const cell of issue.cells ?? (issue.cell ? [issue.cell] : [])) {
      if (issueCells.length < CELLS_SHOWN && !issueCells.includes(cell)) issueCells.push(cell);
    }
  }
  const rows = ledger.leftOut ?? [];
  return { rows, unknown: Math.max(0, told - rows.length), issueCells };
}

/**
 * Whether the figure could have counted the row, had it been read: in the figure's scope, in its
 * period, passing each of its conditions and the status rules — each judged on the row's cells that
 * could be read, a cell that could not be passing whatever is asked of it.
 */
export function couldCount(row: LeftOutRow, def: FigureDefinition, figure: Pick<FigureResult, "scope" | "period">): boolean {
  const spec = ledgerSpec(def.ledger!);
  return inScope(row, figure.scope) && inPeriod(row, spec, figure.period) && passesConditions(row, def, spec, figure.period.end);
}

function inScope(row: LeftOutRow, scope: string | undefined): boolean {
  if (scope === undefined || row.unread.includes(DEPARTMENT_COLUMN)) return true;
  const d = row.department;
  return d !== null && d.trim() === scope;
}

/** The figure's period on the ledger's date column, as selectRows applies it (an undated optional date: there all along). */
function inPeriod(row: LeftOutRow, spec: LedgerSpec, period: FigureResult["period"]): boolean {
  const column = spec.dateColumn;
  if (period.kind === "all" || column === null || row.unread.includes(column)) return true;
  // A sheet without the date column: the figure reads no date there either (or is unresolved).
  if (!(column in row.values)) return true;
  const d = row.values[column];
  if (typeof d !== "string" || d === "") {
    return period.kind === "toEnd" && !spec.columns.find((c) => c.name === column)?.required;
  }
  const day = d.length > 10 ? d.slice(0, 10) : d;
  return day <= period.end && !(period.kind === "current" && period.start !== null && day < period.start);
}

function passesConditions(row: LeftOutRow, def: FigureDefinition, spec: LedgerSpec, periodEnd: string): boolean {
  for (const written of def.conditions) {
    const c = canonicalCondition(spec, written);
    const value = cellFor(row, spec, c.column, def, periodEnd);
    if (value === UNKNOWN) continue;
    if (!compileCondition(c, [value])(0)) return false;
  }
  // 撤销 guarantees never count unless the figure asks for them by name.
  if (def.ledger === "电子保函" && !namesRevoked(def.conditions, spec)) {
    const status = cellFor(row, spec, STATUS_COLUMN, def, periodEnd);
    if (status !== UNKNOWN && valueText(status) === REVOKED) return false;
  }
  return true;
}

const UNKNOWN = Symbol("unknown");

/**
 * The cell a condition on `column` reads in the row, as the figure reads it: the row's department
 * for 部门, a partner's 状态 as it stood at the period end, a blank with its documented meaning
 * (状态 blank = 有效) — or UNKNOWN when it could not be read, or the row's sheet has no such column.
 */
function cellFor(row: LeftOutRow, spec: LedgerSpec, column: string, def: FigureDefinition, periodEnd: string): FieldValue | typeof UNKNOWN {
  const specColumn = specColumnOf(spec, column);
  const key = specColumn?.name ?? ownColumn(row, column);
  if (key === DEPARTMENT_COLUMN) return row.unread.includes(DEPARTMENT_COLUMN) ? UNKNOWN : row.department;
  if (key === null || row.unread.includes(key)) return UNKNOWN;
  if (def.ledger === "共建单位" && key === STATUS_COLUMN) {
    if (row.unread.includes(TERMINATION_DATE_COLUMN)) return UNKNOWN;
    return partnerStatusAtPeriodEnd(row.values[STATUS_COLUMN] ?? null, row.values[TERMINATION_DATE_COLUMN] ?? null, periodEnd);
  }
  if (!(key in row.values)) return specColumn?.blankMeans ?? UNKNOWN;
  const v = row.values[key];
  return (v === null || v === "") && specColumn?.blankMeans !== undefined ? specColumn.blankMeans : v;
}

/** A column of the clerk's own (not in the ledger's spec) as the row names it, folded as headers are. */
function ownColumn(row: LeftOutRow, column: string): string | null {
  if (column in row.values || row.unread.includes(column)) return column;
  const wanted = foldColumn(column);
  for (const key of [...Object.keys(row.values), ...row.unread]) if (foldColumn(key) === wanted) return key;
  return null;
}

/** evaluate.ts statusAtPeriodEnd for one row: 终止 after the period end was still 有效; 有效 with an earlier 终止日期 had ended. */
function partnerStatusAtPeriodEnd(status: FieldValue, end: FieldValue, periodEnd: string): FieldValue {
  const text = valueText(status);
  const day = typeof end === "string" && end.length >= 10 ? end.slice(0, 10) : null;
  if (text === "" || text === ACTIVE) return day !== null && day <= periodEnd ? TERMINATED : ACTIVE;
  if (text === TERMINATED) return day !== null && day > periodEnd ? ACTIVE : TERMINATED;
  return status;
}

function namesRevoked(conditions: Condition[], spec: LedgerSpec): boolean {
  return conditions.some((written) => {
    const c = canonicalCondition(spec, written);
    return c.kind === "eq" && specColumnOf(spec, c.column)?.name === STATUS_COLUMN && c.values.some((v) => v.trim() === REVOKED);
  });
}
