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
//
// A row kept with a word its enumeration does not know (`专题研讨会` in 形式) is counted as 其他
// (Ledger.readAsOther): the 其他 figures have it, the 专题研讨 one does not, though the clerk most
// likely meant it there. It is tried the same way, its unknown cells taken as unread: a figure that
// reads the column, does not count the row (its rowRefs), and could have counted it on its other
// cells may be short by it — the same mark, with `readAsOther` saying which rows were read as 其他.
// A figure that counts 其他 (or reads no such column) has the row as the ledger says: not marked.
import type { Condition, FieldValue, FigureDefinition, FigureResult, Issue, Ledger, LedgerSet, LeftOutRow, ReadAsOtherRow } from "../types";
import { ledgerSpec, type ColumnSpec, type LedgerSpec } from "../ledger/schema";
import { canonicalCondition, compileCondition, foldColumn, specColumnOf, valueText } from "./evaluate";

/** How many of its ledger's rows were left out, and the first cells whose errors did it (FigureResult.rowsLeftOut). */
export type RowsLeftOut = NonNullable<FigureResult["rowsLeftOut"]>;

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
    if (leftOut.rows.length + leftOut.unknown + leftOut.asOther.length > 0) byLedger.set(name, leftOut);
  }
  if (byLedger.size === 0) return figures;
  const defs = new Map(definitions.map((d) => [d.id, d]));
  return figures.map((f) => {
    const leftOut = f.ledger !== null && !f.unresolved ? byLedger.get(f.ledger) : undefined;
    if (!leftOut) return f;
    const def = defs.get(f.id);
    const could = def && def.ledger === f.ledger ? rowTest(def, f) : () => true;
    const cells: string[] = [];
    const shown = (cell: string) => {
      if (cells.length < CELLS_SHOWN && !cells.includes(cell)) cells.push(cell);
    };
    let count = leftOut.unknown;
    for (const row of leftOut.rows) {
      if (!could(row)) continue;
      count++;
      for (const cell of row.cells) shown(cell);
    }
    if (leftOut.unknown > 0) for (const cell of leftOut.issueCells) shown(cell);
    const asOther = def && def.ledger === f.ledger && !f.manual ? readAsOtherMissed(leftOut.asOther, def, f) : null;
    if (asOther !== null) {
      count += asOther.count;
      for (const cell of asOther.cells) shown(cell);
    }
    if (count === 0) return f;
    return { ...f, rowsLeftOut: asOther === null ? { count, cells } : { count, cells, readAsOther: asOther } };
  });
}

/**
 * The rows read as 其他 that the figure may be missing: it reads one of their 其他 columns, does not
 * count them, and could have on their other cells — with the 其他 cells unread, as left-out rows'
 * errors are. Null when there are none.
 */
function readAsOtherMissed(
  rows: readonly ReadAsOtherRow[],
  def: FigureDefinition,
  figure: FigureResult,
): { count: number; cells: string[]; columns: string[] } | null {
  if (rows.length === 0) return null;
  const spec = ledgerSpec(def.ledger!);
  const read = new Set(def.conditions.map((c) => specColumnOf(spec, canonicalCondition(spec, c).column)?.name));
  const asked = rows.filter((row) => row.columns.some((column) => read.has(column)));
  if (asked.length === 0) return null;
  // The rows it counts, by place: built only for a figure asking about a column with such a row.
  const counted = new Set(figure.rowRefs.map((ref) => `${ref.sheet}\u0000${ref.row}`));
  const could = rowTest(def, figure);
  const cells: string[] = [];
  const columns: string[] = [];
  let count = 0;
  for (const row of asked) {
    if (counted.has(`${row.sheet}\u0000${row.row}`)) continue;
    const values = { ...row.values };
    for (const column of row.columns) delete values[column];
    if (!could({ values, unread: row.columns, department: row.department })) continue;
    count++;
    row.cells.forEach((cell, k) => {
      if (cells.length < CELLS_SHOWN && !cells.includes(cell)) cells.push(cell);
      if (!columns.includes(row.columns[k])) columns.push(row.columns[k]);
    });
  }
  return count === 0 ? null : { count, cells, columns };
}

/** A ledger's left-out rows as the reader kept them, and how many more its issues tell of (`unknown`). */
interface LedgerLeftOut {
  rows: LeftOutRow[];
  /** Rows left out that the reader did not keep (a ledger built by hand): they may count in any figure. */
  unknown: number;
  /** The cells the ledger's errors and not-read rows are at, for those. */
  issueCells: string[];
  /** Rows kept with an unknown word read as 其他 (Ledger.readAsOther). */
  asOther: readonly ReadAsOtherRow[];
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
  return { rows, unknown: Math.max(0, told - rows.length), issueCells, asOther: ledger.readAsOther ?? [] };
}

/**
 * Whether the figure could have counted the row, had it been read: in the figure's scope, in its
 * period, passing each of its conditions and the status rules — each judged on the row's cells that
 * could be read, a cell that could not be passing whatever is asked of it.
 */
export function couldCount(row: LeftOutRow, def: FigureDefinition, figure: Pick<FigureResult, "scope" | "period">): boolean {
  return rowTest(def, figure)(row);
}

/** couldCount for one figure, its definition worked out once for all of its ledger's left-out rows. */
function rowTest(def: FigureDefinition, figure: Pick<FigureResult, "scope" | "period">): (row: RowSeen) => boolean {
  const spec = ledgerSpec(def.ledger!);
  // Each condition's column worked out once: folding a name per row and clause was most of the cost.
  const clauses = def.conditions.map((written): Clause => {
    const c = canonicalCondition(spec, written);
    return { condition: c, column: specColumnOf(spec, c.column) };
  });
  const revokedCount = def.ledger !== "电子保函" || namesRevoked(def.conditions, spec);
  const status: Clause = { condition: { kind: "eq", column: STATUS_COLUMN, values: [REVOKED] }, column: specColumnOf(spec, STATUS_COLUMN) };
  const partner = def.ledger === "共建单位";
  const { scope, period } = figure;
  return (row) =>
    inScope(row, scope) && inPeriod(row, spec, period) && passesConditions(row, clauses, revokedCount ? null : status, partner, period.end);
}

/** What could be read of a row: its cells, those that could not be (unread), its department. */
type RowSeen = Pick<LeftOutRow, "values" | "unread" | "department">;

/** A condition and the spec column it names (null for a clerk's own column). */
interface Clause {
  condition: Condition;
  column: ColumnSpec | null;
}

function inScope(row: RowSeen, scope: string | undefined): boolean {
  if (scope === undefined || row.unread.includes(DEPARTMENT_COLUMN)) return true;
  const d = row.department;
  return d !== null && d.trim() === scope;
}

/** The figure's period on the ledger's date column, as selectRows applies it (an undated optional date: there all along). */
function inPeriod(row: RowSeen, spec: LedgerSpec, period: FigureResult["period"]): boolean {
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

/** `revoked`: the 状态 clause of a guarantee figure that does not ask for 撤销 (they never count), else null. */
function passesConditions(row: RowSeen, clauses: Clause[], revoked: Clause | null, partner: boolean, periodEnd: string): boolean {
  for (const clause of clauses) {
    const value = cellFor(row, clause, partner, periodEnd);
    if (value === UNKNOWN) continue;
    if (!compileCondition(clause.condition, [value])(0)) return false;
  }
  if (revoked !== null) {
    const status = cellFor(row, revoked, false, periodEnd);
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
function cellFor(row: RowSeen, clause: Clause, partner: boolean, periodEnd: string): FieldValue | typeof UNKNOWN {
  const specColumn = clause.column;
  const key = specColumn?.name ?? ownColumn(row, clause.condition.column);
  if (key === DEPARTMENT_COLUMN) return row.unread.includes(DEPARTMENT_COLUMN) ? UNKNOWN : row.department;
  if (key === null || row.unread.includes(key)) return UNKNOWN;
  if (partner && key === STATUS_COLUMN) {
    if (row.unread.includes(TERMINATION_DATE_COLUMN)) return UNKNOWN;
    return partnerStatusAtPeriodEnd(row.values[STATUS_COLUMN] ?? null, row.values[TERMINATION_DATE_COLUMN] ?? null, periodEnd);
  }
  if (!(key in row.values)) return specColumn?.blankMeans ?? UNKNOWN;
  const v = row.values[key];
  return (v === null || v === "") && specColumn?.blankMeans !== undefined ? specColumn.blankMeans : v;
}

/** A column of the clerk's own (not in the ledger's spec) as the row names it, folded as headers are. */
function ownColumn(row: RowSeen, column: string): string | null {
  if (column in row.values || row.unread.includes(column)) return column;
  const wanted = folded(column);
  for (const key of Object.keys(row.values)) if (folded(key) === wanted) return key;
  for (const key of row.unread) if (folded(key) === wanted) return key;
  return null;
}

/** foldColumn, remembered: a clerk's column names are few, the rows asking many. */
const FOLDED = new Map<string, string>();
function folded(name: string): string {
  let f = FOLDED.get(name);
  if (f === undefined) {
    if (FOLDED.size > 1000) FOLDED.clear();
    FOLDED.set(name, (f = foldColumn(name)));
  }
  return f;
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
