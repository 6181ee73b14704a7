// Computing figures from ledgers. Figures read a ledger by column (ColumnarLedger): one pass over
// its rows per distinct filter, with every filter compiled beforehand, so a million guarantee rows
// stay well under a second. evaluateFigures takes each definition through named steps: a manual
// value, or the reasons it cannot be computed (whyUnresolved), then its rows (selectRows), its
// value (aggregate) and its fingerprint (fingerprintOf).
import type {
  Condition,
  FieldValue,
  FigureDefinition,
  FigureResult,
  Issue,
  Ledger,
  LedgerName,
  LedgerSet,
  PeriodKind,
  Unresolved,
} from "../types";
import { ledgerSpec, type ColumnSpec, type LedgerSpec } from "../ledger/schema";
import { quoteSheet } from "../address";
import { foldKey, trimmed } from "../ledger/text";
import { editDistance } from "../ledger/headers";
import { columnarOf, type Column, type ColumnarLedger } from "../ledger/columnar";
import { formatValue, placeholderText, roundedText } from "../format";
import { definitionToRow } from "./defaults";
import { Hasher, cellDigest } from "../hash";
import { ALLOW_ZERO_CLAUSE, conditionsToText, periodLabel } from "./syntax";
import { groupTable, groupingOf, markTableFigures, tableText } from "./grouped";
import { distinctCount, identityIssues, type IdentityConflict } from "./identity";
import { catalogueIssue, issueText, roleParams, unresolvedText, type ColumnRole } from "../messages";

export interface EvaluateOptions {
  /** Inclusive ISO dates. */
  periodStart: string;
  periodEnd: string;
  /** 全部门 (or blank) for every row, else one department's name. */
  scope: string;
  /** Where the scope was chosen (`报告设置!B11`), named by a figure the scope leaves unresolved. */
  scopeCell?: string;
}

/** The scope that means every department. */
export const ALL_DEPARTMENTS = "全部门";

/** A cell as the text conditions compare: trimmed; numbers by their text form; 是/否 for yes/no. */
export function valueText(v: FieldValue | undefined): string {
  if (v === null || v === undefined) return "";
  // trimmed(): ledger text is stored trimmed already, and trim() costs ~50 ns even then.
  if (typeof v === "string") return trimmed(v);
  if (typeof v === "boolean") return v ? "是" : "否";
  return String(v);
}

export function foldColumn(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/\([^()]*\)$/, "")
    .toLowerCase();
}

/**
 * Maps a column named in a definition to the key rows use: exact, then folded header
 * (`保证金金额（元）`), then a spec alias (`Status` → 状态). Null when the ledger lacks it.
 */
function columnResolver(ledger: Ledger, spec: LedgerSpec, table: ColumnarLedger): (name: string) => string | null {
  const known = new Set<string>(ledger.columns.map((c) => c.name));
  // Unknown columns are not listed in ledger.columns, only among the rows' values.
  for (const name of table.names) known.add(name);
  const byFold = new Map<string, string>();
  for (const k of known) byFold.set(foldColumn(k), k);
  return (name) => {
    if (known.has(name)) return name;
    const folded = foldColumn(name);
    const direct = byFold.get(folded);
    if (direct !== undefined) return direct;
    for (const col of spec.columns) {
      if ([col.name, ...(col.aliases ?? [])].some((n) => foldColumn(n) === folded) && known.has(col.name)) return col.name;
    }
    return null;
  };
}

/** The spec column a definition's column name means (`Status` → 状态), or null for a clerk's own column. */
export function specColumnOf(spec: LedgerSpec, name: string): ColumnSpec | null {
  const folded = foldColumn(name);
  return spec.columns.find((col) => [col.name, ...(col.aliases ?? [])].some((n) => foldColumn(n) === folded)) ?? null;
}

const STATUS_COLUMN = "状态";
/**
 * A row's department, wherever 部门 is read (a condition, a grouping, a scope): its own 部门 cell,
 * else the department its sheet's name gives (`电子保函-交易二科`) — the column `table.departments`.
 */
const DEPARTMENT_COLUMN = "部门";

/** The cells of a column as figures read them: 部门 is each row's department (see DEPARTMENT_COLUMN). */
function cellsOf(table: ColumnarLedger, key: string): Column {
  return key === DEPARTMENT_COLUMN ? table.departments : table.column(key);
}

/**
 * The resolver of columnResolver, where 部门 (or an alias) resolves whenever some row has a
 * department, though no sheet has a 部门 column: split sheets (`电子保函-交易一科`) give theirs by name.
 */
function withDepartments(
  resolve: (name: string) => string | null,
  spec: LedgerSpec,
  shapes: SourceShape[],
): (name: string) => string | null {
  const named = shapes.some((s) => s.hasDepartment);
  return (name) => {
    const key = resolve(name);
    if (key !== null || !named) return key;
    return foldColumn(name) === DEPARTMENT_COLUMN || specColumnOf(spec, name)?.name === DEPARTMENT_COLUMN ? DEPARTMENT_COLUMN : null;
  };
}
const REVOKED = "撤销";
const TERMINATED = "终止";
const ACTIVE = "有效";
const TERMINATION_DATE_COLUMN = "终止日期";

/**
 * One sheet (or table) the ledger's rows came from, as far as a figure cares: which columns it has
 * and whether its rows say which department they belong to. Rows built by hand carry no column
 * letters; for them the ledger's own column list speaks.
 */
interface SourceShape {
  sheet: string;
  /** Column letters by column name; null when the rows do not say (rows built by hand). */
  names: Readonly<Record<string, string>> | null;
  /** The header row's first cell (`学习记录!A4`), where a missing column is to be added. */
  headerCell: string;
  hasDepartment: boolean;
}

function sourceShapes(ledger: Ledger, table: ColumnarLedger): SourceShape[] {
  const rows = new Int32Array(table.sources.length);
  const withDepartment = new Uint8Array(table.sources.length);
  const departments = table.departments;
  if (table.sources.length === 1) {
    // One sheet (the usual ledger): every row is its, and the first department found settles it.
    rows[0] = table.length;
    for (let i = 0; i < table.length; i++) {
      const d = departments[i];
      if (d !== null && d.trim() !== "") {
        withDepartment[0] = 1;
        break;
      }
    }
  } else {
    for (let i = 0; i < table.length; i++) {
      const s = table.sourceIndex(i);
      rows[s]++;
      const d = departments[i];
      if (withDepartment[s] === 0 && d !== null && d.trim() !== "") withDepartment[s] = 1;
    }
  }
  // Only the sheets that gave rows: a sheet of headers alone neither lacks a column nor a department.
  const shapes: SourceShape[] = [];
  table.sources.forEach((source, s) => {
    if (rows[s] === 0) return;
    const headerRow = ledger.sources.find((x) => x.sheet === source.sheet)?.headerRow ?? 1;
    const letters = source.letters ? Object.values(source.letters) : [];
    const first = letters.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))[0] ?? "A";
    shapes.push({
      sheet: source.sheet,
      names: source.letters,
      headerCell: `${quoteSheet(source.sheet)}!${first}${headerRow}`,
      hasDepartment: withDepartment[s] === 1,
    });
  });
  return shapes;
}

/** Every department named by a row or by a sheet/table name, trimmed, in no particular order. */
export function ledgerDepartments(ledgers: LedgerSet, tableOf: (ledger: Ledger) => ColumnarLedger = columnarOf): string[] {
  const found = new Set<string>();
  for (const ledger of Object.values(ledgers.ledgers)) {
    if (!ledger) continue;
    for (const source of ledger.sources) if (source.department && source.department.trim()) found.add(source.department.trim());
    for (const d of rowDepartments(tableOf(ledger))) found.add(d);
  }
  found.delete(ALL_DEPARTMENTS);
  return [...found];
}

/** The departments a ledger's rows belong to (their 部门, else their sheet's), trimmed. */
function rowDepartments(table: ColumnarLedger): Set<string> {
  const found = new Set<string>();
  // Each department as written is trimmed once: the four of a ledger alternate down 100,000 rows.
  const seen = new Set<string>();
  const departments = table.departments;
  let last: string | null = null;
  for (let i = 0; i < departments.length; i++) {
    const d = departments[i];
    if (d === null || d === last) continue;
    last = d;
    if (seen.has(d)) continue;
    seen.add(d);
    const t = d.trim();
    if (t) found.add(t);
  }
  return found;
}

const NO_VALUES: Column = [];
/** No cell is this object: where a loop keeps the last cell it saw, it starts from this. */
const NOT_A_CELL = {};

/** Whether row i passes one condition. */
type RowTest = (i: number) => boolean;

/**
 * Whether a cell passes one condition, on its text as conditions compare it; where the column gives
 * blank a meaning (状态 blank = 有效), a blank cell reads as that meaning, as withBlankMeaning fills it.
 */
function cellTest(c: Condition, blank: string | null): (v: FieldValue | undefined) => boolean {
  const text =
    blank === null ? valueText : (v: FieldValue | undefined) => (v === undefined || v === null || v === "" ? blank : valueText(v));
  switch (c.kind) {
    case "eq": {
      if (c.values.length === 1) {
        const only = c.values[0].trim();
        return (v) => text(v) === only;
      }
      const set = new Set(c.values.map((v) => v.trim()));
      return (v) => set.has(text(v));
    }
    case "ne": {
      if (c.values.length === 1) {
        const only = c.values[0].trim();
        return (v) => text(v) !== only;
      }
      const set = new Set(c.values.map((v) => v.trim()));
      return (v) => !set.has(text(v));
    }
    case "contains": {
      const wanted = c.text.trim();
      return (v) => text(v).includes(wanted);
    }
    case "blank":
      return (v) => text(v) === "";
    case "notBlank":
      return (v) => text(v) !== "";
  }
}

/** A condition as selectRows applies it: the column it reads and the test of one cell, or one answer for every row. */
type ColumnTest = { column: Column; cell: (v: FieldValue | undefined) => boolean } | { answer: boolean };

function conditionTest(c: Condition, column: Column | null, blank: string | null = null): ColumnTest {
  const cell = cellTest(c, blank);
  // A column the ledger lacks reads as blank in every row, so the clause has one answer.
  return column === null ? { answer: cell(null) } : { column, cell };
}

export function compileCondition(c: Condition, column: Column | null, blank: string | null = null): RowTest {
  const test = conditionTest(c, column, blank);
  if ("answer" in test) {
    const answer = test.answer;
    return () => answer;
  }
  const { column: cells, cell } = test;
  // Neighbouring rows mostly hold the very same value: its answer is taken again (see selectRows).
  let last: FieldValue | undefined = undefined;
  let answer = cell(undefined);
  return (i) => {
    const v = cells[i];
    if (v !== last) {
      last = v;
      answer = cell(v);
    }
    return answer;
  };
}

// Hot-loop helpers read once (see hash.ts: global lookups are slow inside a vm context).
const { round, abs } = Math;
const isFiniteNumber = Number.isFinite;

/** Yuan → whole cents, half up, exact for what the clerk typed (1.005 → 101, not 100). */
function toCents(yuan: number): number {
  const scaled = yuan * 100;
  const rounded = round(scaled);
  if (abs(scaled - rounded) < 1e-6) return rounded;
  return Number(roundedText(yuan, 2, 0));
}

function numericValue(v: FieldValue | undefined): number | null {
  if (typeof v === "number") return isFiniteNumber(v) ? v : null;
  if (typeof v === "string") {
    const t = v.trim().replace(/,/g, "");
    if (t === "" || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
    return Number(t);
  }
  return null;
}

/**
 * Row references, made only when someone asks for a figure's rowRefs (查看来源), and then one
 * object per row shared by every figure on the ledger: three figures over a million rows would
 * otherwise build three million identical objects that the report never reads.
 */
class RowRefs {
  private readonly refs: ({ sheet: string; row: number } | undefined)[] = [];

  constructor(private readonly table: ColumnarLedger) {}

  list(used: Int32Array): { sheet: string; row: number }[] {
    const out = new Array<{ sheet: string; row: number }>(used.length);
    for (let u = 0; u < used.length; u++) {
      const i = used[u];
      let ref = this.refs[i];
      if (ref === undefined) ref = this.refs[i] = { sheet: this.table.sheet(i), row: this.table.rowNumber(i) };
      out[u] = ref;
    }
    return out;
  }
}

/** The rows one filter (conditions, period, scope) selects, shared by the figures that use it. */
interface Selection {
  used: Int32Array;
  refs: { sheet: string; row: number }[] | null;
  /**
   * Digests of the selected rows' places and of each read column over them, made once: figures on
   * one ledger mostly share their selection (three of the guarantee figures do), so each feeds
   * these 64-bit digests rather than rehashing 100,000 rows per column.
   */
  places: Uint32Array | null;
  columns: Map<string, Uint32Array>;
}

/**
 * Gives a result a rowRefs that is built on first read and then stays a plain property, so
 * spreading, JSON and structured clone still see an ordinary array.
 */
export function withLazyRowRefs(result: Omit<FigureResult, "rowRefs">, build: () => FigureResult["rowRefs"]): FigureResult {
  const settle = (target: object, value: FigureResult["rowRefs"]) =>
    Object.defineProperty(target, "rowRefs", { value, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(result, "rowRefs", {
    enumerable: true,
    configurable: true,
    get(this: object) {
      const value = build();
      settle(this, value);
      return value;
    },
    set(this: object, value: FigureResult["rowRefs"]) {
      settle(this, value);
    },
  });
  return result as FigureResult;
}

/**
 * Digests of the cells of a ledger's columns, made when a figure first reads a row's cell and
 * kept for the evaluation: every figure on a ledger reads its 状态 and date columns, so each such
 * cell is hashed once rather than once per figure.
 */
class CellDigests {
  private readonly columns = new Map<string, { digests: Int32Array; done: Uint8Array }>();
  /** Each source's sheet, numbered by name, and the names (made on first need). */
  private sheetOfSource: Int32Array | null = null;
  private readonly sheetNames: string[] = [];

  constructor(private readonly table: ColumnarLedger) {}

  private column(key: string): { digests: Int32Array; done: Uint8Array } {
    let column = this.columns.get(key);
    if (!column) {
      const n = this.table.length;
      column = { digests: new Int32Array(n), done: new Uint8Array(n) };
      this.columns.set(key, column);
    }
    return column;
  }

  /**
   * Each column's cells in the used rows, in row order, into that column's hasher — column by
   * column: each column is one array, so a tight loop per column (its digests cached, then fed with
   * the hasher's lanes held in registers) beats visiting every column on every row; on the 100,000-row
   * bench this pass went from ~35 to ~10 ms. Each hasher sees exactly the sequence it saw row by row.
   */
  feedColumns(into: Hasher[], keys: string[], used: Int32Array, count: number): void {
    for (let j = 0; j < keys.length; j++) {
      // The reader's own digests, made with the cells (ColumnarLedger.writeCell): no string read again.
      const written = keys[j] === DEPARTMENT_COLUMN ? null : this.table.digestsOf(keys[j]);
      if (written !== null) {
        into[j].intsAt(written, used, count);
        continue;
      }
      const { digests, done } = this.column(keys[j]);
      const cells = cellsOf(this.table, keys[j]);
      // Neighbouring rows often hold the very same string (a date, 有效, a shared string read
      // once from the workbook): comparing references is far cheaper than hashing it again.
      let last: FieldValue | undefined = undefined;
      let lastDigest = cellDigest(undefined);
      for (let u = 0; u < count; u++) {
        const i = used[u];
        if (done[i] === 0) {
          const v = cells[i];
          // Numbers are cheap to digest, and -0 === 0 would hide a change between them.
          if (v !== last || typeof v === "number") {
            last = v;
            lastDigest = cellDigest(v);
          }
          digests[i] = lastDigest;
          done[i] = 1;
        }
      }
      into[j].intsAt(digests, used, count);
    }
  }

  /**
   * Each used row's place: the sheet name where it changes, behind a marker no row number can take.
   * Read from the table in one pass over the used rows (copying every row's place out first cost a
   * second pass over all of them, for the one selection most ledgers have).
   */
  feedPlaces(into: Hasher, used: Int32Array, count: number): void {
    const table = this.table;
    if (this.sheetOfSource === null) {
      // By sheet name, not by source: two tables on one sheet are one place to the digest.
      const byName = new Map<string, number>();
      this.sheetOfSource = Int32Array.from(table.sources, (source) => {
        let id = byName.get(source.sheet);
        if (id === undefined) {
          id = this.sheetNames.length;
          byName.set(source.sheet, id);
          this.sheetNames.push(source.sheet);
        }
        return id;
      });
    }
    const sheetOf = this.sheetOfSource;
    if (count > 0 && sheetOf.every((id) => id === sheetOf[0])) {
      // One sheet (the usual ledger): its name once, then the row numbers in one tight loop.
      into.int(-1).text(this.sheetNames[sheetOf[0]]);
      into.intsAt(table.rowNumberColumn, used, count);
      return;
    }
    let sheet = -1;
    for (let u = 0; u < count; u++) {
      const i = used[u];
      const id = sheetOf[table.sourceIndex(i)];
      if (id !== sheet) {
        sheet = id;
        into.int(-1).text(this.sheetNames[sheet]);
      }
      into.int(table.rowNumber(i));
    }
  }
}

/**
 * The selection a ledger figure filters to (its key) and the columns it reads — what the main
 * loop works out, without its issues — so every column read on one selection is digested in a
 * single pass over its rows.
 */
function figureReads(
  def: FigureDefinition,
  spec: LedgerSpec,
  resolve: (name: string) => string | null,
): { filterKey: string; keys: string[] } {
  const keys: string[] = [];
  const reads = (key: string | null) => {
    if (key !== null && !keys.includes(key)) keys.push(key);
  };
  for (const c of def.conditions) reads(resolve(c.column));
  // The status rules read columns no condition names: 撤销 on every guarantee figure, and a
  // partner's 终止日期 wherever its 状态 is asked.
  for (const key of statusReads(def, resolve)) reads(key);
  const dateKey = spec.dateColumn === null ? null : resolve(spec.dateColumn);
  const periodKind: PeriodKind = dateKey === null ? "all" : def.period;
  if (periodKind !== "all") reads(dateKey);
  const aggregate = def.aggregate;
  if (aggregate.kind === "distinct") {
    reads(resolve(aggregate.column));
    if (aggregate.fallback !== undefined) reads(resolve(aggregate.fallback));
  } else if (aggregate.kind !== "count") reads(resolve(aggregate.column));
  const grouping = groupingOf(aggregate);
  if (grouping) reads(resolve(grouping.column));
  return { filterKey: filterKeyOf(periodKind, dateKey, def), keys };
}

/**
 * The columns the definitions' figures read, by ledger and column name as the reader names them
 * (an alias taken for its column): the reader digests their cells as it keeps them (readLedgers'
 * `digest`). Naming a column the figures end up not reading, or missing one, costs time only.
 */
export function figureColumns(defs: readonly FigureDefinition[]): (ledger: LedgerName, column: string) => boolean {
  const read = new Set<string>();
  for (const def of defs) {
    if (def.ledger === null) continue;
    const spec = ledgerSpec(def.ledger);
    const canonical = (name: string) => specColumnOf(spec, name)?.name ?? name;
    for (const key of figureReads(def, spec, canonical).keys) read.add(`${def.ledger}\u0000${key}`);
  }
  return (ledger, column) => read.has(`${ledger}\u0000${column}`);
}

/** What a figure needs and a ledger (or one of its sheets) lacks. */
interface Lacking {
  column: string;
  role: ColumnRole;
  /** The sheet without it, when the ledger has it elsewhere. */
  where?: SourceShape;
}

/**
 * The first column the figure needs that the ledger, or a sheet of it that gave rows, does not
 * have: a condition column (unless its blank has a meaning, as 状态 blank = 有效), the 统计 column
 * (for 去重计数 either of its two), and a required date column when the figure has a period.
 */
function missingColumn(
  def: FigureDefinition,
  spec: LedgerSpec,
  resolve: (name: string) => string | null,
  sources: SourceShape[],
): Lacking | null {
  const lacks = (key: string) =>
    sources.find((s) => s.names !== null && !(key in s.names) && !(key === DEPARTMENT_COLUMN && s.hasDepartment));
  const need = (name: string, role: Lacking["role"]): Lacking | null => {
    const key = resolve(name);
    if (key === null) return { column: name, role };
    const where = lacks(key);
    return where ? { column: name, role, where } : null;
  };
  for (const c of def.conditions) {
    if (specColumnOf(spec, c.column)?.blankMeans !== undefined) continue;
    const lacking = need(c.column, "condition");
    if (lacking) return lacking;
  }
  const aggregate = def.aggregate;
  if (aggregate.kind === "sum") {
    const lacking = need(aggregate.column, "sum");
    if (lacking) return lacking;
  } else if (aggregate.kind === "distinct") {
    const main = resolve(aggregate.column);
    const fallback = aggregate.fallback === undefined ? null : resolve(aggregate.fallback);
    const named = aggregate.fallback === undefined ? aggregate.column : `${aggregate.column}|${aggregate.fallback}`;
    if (main === null && fallback === null) return { column: named, role: "distinct" };
    const where = sources.find(
      (s) => s.names !== null && !(main !== null && main in s.names) && !(fallback !== null && fallback in s.names),
    );
    if (where) return { column: named, role: "distinct", where };
  }
  const grouping = groupingOf(aggregate);
  if (grouping) {
    const lacking = need(grouping.column, "group");
    if (lacking) return lacking;
  }
  if (def.period !== "all" && spec.dateColumn !== null) {
    const dateSpec = spec.columns.find((c) => c.name === spec.dateColumn);
    if (dateSpec?.required) {
      const lacking = need(spec.dateColumn, "date");
      if (lacking) return lacking;
    }
  }
  return null;
}

/**
 * Where the reader placed a missing column's issue: the clerk's header it probably is (学习方式 for
 * 形式), else the header row's first cell — so a figure's message points at the same cell as the
 * ledger's, not at whatever header happens to stand first (the 日期 header in B2).
 */
function likelyHeaderCell(ledger: Ledger, column: string, sheet?: string): string | null {
  const all = ledger.missingColumns?.filter((m) => m.name === column) ?? [];
  return (all.find((m) => sheet === undefined || m.sheet === sheet) ?? all[0])?.cell ?? null;
}

/** A column with its documented blank meaning (状态 blank = 有效) where a cell is blank or its sheet lacks the column. */
function withBlankMeaning(values: Column, meaning: string, length: number): Column {
  const out = new Array<FieldValue | undefined>(length);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    out[i] = v === undefined || v === null || v === "" ? meaning : v;
  }
  return out;
}

/**
 * A partner's 状态 as it stood at the period end: 终止 with a 终止日期 after the period end was
 * still 有效 then (a 2022 report refreshed in 2023 keeps its figure); 终止 without a date counts
 * as terminated; 有效 (or blank) with a 终止日期 on or before the period end had ended by then —
 * clerks write the date and forget the status.
 */
function statusAtPeriodEnd(values: Column, endKey: string | null, table: ColumnarLedger, periodEnd: string): Column {
  const ends = endKey === null ? NO_VALUES : table.column(endKey);
  const length = Math.max(values.length, ends.length);
  const out = new Array<FieldValue | undefined>(length);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    const text = valueText(v);
    const end = ends[i];
    const day = typeof end === "string" && end.length >= 10 ? end.slice(0, 10) : null;
    if (text === "" || text === ACTIVE) out[i] = day !== null && day <= periodEnd ? TERMINATED : ACTIVE;
    else if (text === TERMINATED) out[i] = day !== null && day > periodEnd ? ACTIVE : TERMINATED;
    else out[i] = v;
  }
  return out;
}

/** 终止 without 终止日期: counted as terminated, and said at the cell so the clerk can add the date. */
function warnTerminatedWithoutDate(ledger: Ledger, table: ColumnarLedger, statusKey: string, endKey: string | null, issues: Issue[]): void {
  const status = table.column(statusKey);
  const ends = endKey === null ? NO_VALUES : table.column(endKey);
  for (let i = 0; i < table.length; i++) {
    if (valueText(status[i]) !== TERMINATED) continue;
    const end = ends[i];
    if (typeof end === "string" && end !== "") continue;
    const row = { sheet: table.sheet(i), row: table.rowNumber(i) };
    const cell = (endKey === null ? undefined : table.cellAddress(i, endKey)) ?? table.cellAddress(i, statusKey);
    const where = cell ?? `${row.sheet} 第${row.row}行`;
    const issue: Issue = {
      severity: "warning",
      code: "partner.terminated_without_date",
      ...issueText("partner.terminated_without_date", { where, whereEn: cell ?? `${row.sheet} row ${row.row}` }),
      ledger: ledger.name,
    };
    if (cell) issue.cell = cell;
    issues.push(issue);
  }
}

/** 有效 (or blank) with a 终止日期 on or before the period end: counted as ended, and said at the date's cell. */
function warnActiveWithPastEnd(
  ledger: Ledger,
  table: ColumnarLedger,
  statusKey: string | null,
  endKey: string,
  periodEnd: string,
  issues: Issue[],
): void {
  const status = statusKey === null ? NO_VALUES : table.column(statusKey);
  const ends = table.column(endKey);
  for (let i = 0; i < table.length; i++) {
    const text = valueText(status[i]);
    if (text !== "" && text !== ACTIVE) continue;
    const end = ends[i];
    const day = typeof end === "string" && end.length >= 10 ? end.slice(0, 10) : null;
    if (day === null || day > periodEnd) continue;
    const row = { sheet: table.sheet(i), row: table.rowNumber(i) };
    const cell = table.cellAddress(i, endKey);
    const issue: Issue = {
      severity: "warning",
      code: "partner.active_with_end_date",
      ...issueText("partner.active_with_end_date", {
        where: cell ?? `${row.sheet} 第${row.row}行`,
        whereEn: cell ?? `${row.sheet} row ${row.row}`,
        blank: text === "" ? "（空白）" : "",
        blankEn: text === "" ? " (blank)" : "",
        day,
        periodEnd,
      }),
      ledger: ledger.name,
    };
    if (cell) issue.cell = cell;
    issues.push(issue);
  }
}

/** Whether a guarantee figure asks for revoked guarantees itself (`状态=撤销`); otherwise they never count. */
function namesRevoked(def: FigureDefinition, statusKey: string, resolve: (name: string) => string | null): boolean {
  const spec = ledgerSpec("电子保函");
  return def.conditions.some((written) => {
    const c = canonicalCondition(spec, written);
    return c.kind === "eq" && resolve(c.column) === statusKey && c.values.some((v) => v.trim() === REVOKED);
  });
}

/**
 * A condition with the clerk's words for an enum value read as the value (`状态=已撤销` → `状态=撤销`):
 * the ledger stores the canonical value, so the word as written would match no row.
 */
export function canonicalCondition(spec: LedgerSpec, c: Condition): Condition {
  if (c.kind !== "eq" && c.kind !== "ne") return c;
  const synonyms = specColumnOf(spec, c.column)?.synonyms;
  if (synonyms === undefined) return c;
  const values = c.values.map((v) => synonyms[v.trim()] ?? v);
  return values.every((v, i) => v === c.values[i]) ? c : { ...c, values };
}

/** Columns the status rules read for this figure besides its own: see figureReads. */
function statusReads(def: FigureDefinition, resolve: (name: string) => string | null): string[] {
  if (def.ledger === "电子保函") {
    const status = resolve(STATUS_COLUMN);
    return status === null || namesRevoked(def, status, resolve) ? [] : [status];
  }
  if (def.ledger === "共建单位") {
    const status = resolve(STATUS_COLUMN);
    const end = resolve(TERMINATION_DATE_COLUMN);
    const asksStatus = def.conditions.some((c) =>
      status === null ? specColumnOf(ledgerSpec("共建单位"), c.column)?.name === STATUS_COLUMN : resolve(c.column) === status,
    );
    if (end !== null && asksStatus) return [end];
  }
  return [];
}

function filterKeyOf(periodKind: PeriodKind, dateKey: string | null, def: FigureDefinition): string {
  return `${periodKind}\u0000${dateKey ?? ""}\u0000${JSON.stringify(def.conditions)}`;
}

function definitionText(def: FigureDefinition): string {
  return definitionToRow(def).join("\t");
}

function manualFingerprint(def: FigureDefinition): string {
  const h = new Hasher().text(def.id).text(definitionText(def)).text("manual");
  if (def.manualValue === null) h.int(0);
  else h.int(1).number(def.manualValue);
  return h.hex();
}

/** One ledger as figures read it, prepared once per evaluation and shared by its figures. */
interface LedgerView {
  ledger: Ledger;
  spec: LedgerSpec;
  table: ColumnarLedger;
  resolve: (name: string) => string | null;
  shapes: SourceShape[];
  /** Columns with a documented meaning for blank (状态 blank = 有效) filled in, and 共建单位's 状态 as of the period end. */
  derived: Map<string, Column>;
  /** Figures on one ledger mostly share their filter (状态≠撤销 to the period's end): its rows are selected once. */
  selections: Map<string, Selection>;
  /** Each selection's columns, gathered from every definition on the ledger (made on first need). */
  planned: Map<string, string[]> | null;
  digests: CellDigests;
  rowRefs: RowRefs | null;
  /** The departments its rows belong to (made on first need: only a scope asks). */
  departments: Set<string> | null;
  /** Whether the partner warnings were given (once per ledger, with its first counted figure). */
  warned: boolean;
  /** The texts each condition column holds (made on first need: only an = or ~ condition asks). */
  values: Map<string, { exact: Set<string> }>;
}

/** The columns a counted figure reads and the filter it selects its rows by. */
interface FigurePlan {
  filterKey: string;
  readKeys: string[];
  periodKind: PeriodKind;
  dateKey: string | null;
}

export function evaluateFigures(
  defs: FigureDefinition[],
  ledgers: LedgerSet,
  opts: EvaluateOptions,
): { figures: FigureResult[]; issues: Issue[] } {
  const evaluation = new Evaluation(defs, ledgers, opts);
  const figures = defs.map((def) => evaluation.figure(def));
  return { figures: markTableFigures(defs, figures), issues: evaluation.issues };
}

class Evaluation {
  readonly issues: Issue[] = [];
  private readonly views = new Map<Ledger, LedgerView>();
  private readonly scope: string;
  private readonly everyDepartment: boolean;
  /** A scope no ledger knows (a typo, a renamed department) would make every figure 0. */
  private readonly scopeKnown: boolean;
  private scratch = new Int32Array(0);
  /** Identity conflicts already said (warnIdentity): figures sharing rows would repeat them. */
  private readonly identitySeen = new Set<string>();
  /** Text cells a 求和 met, said once however many figures sum them (warnSumText). */
  private readonly sumTextSeen = new Set<string>();

  constructor(
    private readonly defs: FigureDefinition[],
    private readonly ledgers: LedgerSet,
    private readonly opts: EvaluateOptions,
  ) {
    this.scope = (opts.scope ?? "").trim();
    this.everyDepartment = this.scope === "" || this.scope === ALL_DEPARTMENTS;
    this.scopeKnown = this.everyDepartment || ledgerDepartments(ledgers, (ledger) => this.tableOf(ledger)).includes(this.scope);
  }

  /** Gathered once per ledger and evaluation: a ledger built by hand has its columns made from its records. */
  private readonly tables = new Map<Ledger, ColumnarLedger>();
  private tableOf(ledger: Ledger): ColumnarLedger {
    let table = this.tables.get(ledger);
    if (!table) this.tables.set(ledger, (table = columnarOf(ledger)));
    return table;
  }

  /** One definition → its result: manual, unresolved, or counted from its ledger. */
  figure(def: FigureDefinition): FigureResult {
    if (def.ledger === null) {
      if (def.manualValue === null) {
        return this.unresolved(def, { ...unresolvedText("manual_blank"), cell: def.cells?.manual }, "figure.manual_blank");
      }
      return this.manual(def);
    }
    const ledger = this.ledgers.ledgers[def.ledger];
    // What became of the figure's 手工值, said at its cell.
    const ledgerName = def.ledger;
    const manualIssue = (
      severity: Issue["severity"],
      key: "figure.ledger_missing" | "figure.manual_for_empty_ledger" | "figure.manual_not_used",
    ): Issue => ({
      severity,
      code: key,
      ...issueText(key, { ledger: ledgerName, name: def.name, value: def.manualValue ?? "" }),
      ledger: ledgerName,
      figure: def.id,
      ...(def.cells?.manual ? { cell: def.cells.manual } : {}),
    });
    if (!ledger) {
      if (def.manualValue === null) {
        return this.unresolved(
          def,
          { ...unresolvedText("ledger_missing", { ledger: def.ledger }), cell: def.cells?.manual },
          "figure.ledger_missing",
        );
      }
      this.issues.push(manualIssue("warning", "figure.ledger_missing"));
      return this.manual(def);
    }
    if (def.manualValue !== null) {
      // A ledger sheet added empty (补齐缺少的工作表) holds no records yet: counting it would turn the
      // clerk's 手工值 into a quiet 0, so the hand value stands until the ledger has records.
      if (ledger.rows.length === 0 && ledger.excluded === 0) {
        this.issues.push(manualIssue("info", "figure.manual_for_empty_ledger"));
        return this.manual(def);
      }
      this.issues.push(manualIssue("warning", "figure.manual_not_used"));
    }
    const view = this.viewOf(ledger, def.ledger);
    const why = this.whyUnresolved(def, view);
    if (why !== null) return this.unresolved(def, why.unresolved, why.issueCode);
    return this.counted(def, view);
  }

  private base(def: FigureDefinition) {
    return {
      id: def.id,
      name: def.name,
      // A hand value is the clerk's for the report as a whole; a counted figure is the department's.
      ...(this.everyDepartment || def.ledger === null ? {} : { scope: this.scope }),
      ledger: def.ledger,
      conditions: conditionsToText(def.conditions),
      period: {
        kind: def.period,
        label: periodLabel(def.period),
        start: def.period === "current" ? this.opts.periodStart : null,
        end: this.opts.periodEnd,
      },
    };
  }

  private manual(def: FigureDefinition): FigureResult {
    return {
      ...this.base(def),
      value: def.manualValue,
      text: formatValue(def.manualValue, def.format),
      rows: 0,
      rowRefs: [],
      fingerprint: manualFingerprint(def),
      manual: true,
    };
  }

  /** No number: the placeholder, the reason, and (unless issueCode is null) an issue naming the figure and where to look. */
  private unresolved(def: FigureDefinition, u: Unresolved, issueCode: string | null): FigureResult {
    if (issueCode !== null) {
      const issue: Issue = {
        severity: "warning",
        code: issueCode,
        ...issueText("figure.unresolved", {
          name: def.name,
          reason: u.reason,
          reasonEn: u.reasonEn,
          placeholder: placeholderText(def.name),
        }),
        figure: def.id,
      };
      if (u.cell) issue.cell = u.cell;
      if (def.ledger) issue.ledger = def.ledger;
      this.issues.push(issue);
    }
    const h = new Hasher().text(def.id).text(definitionText(def)).text("unresolved").text(u.code).text(u.reason);
    return {
      ...this.base(def),
      value: null,
      text: placeholderText(def.name),
      unresolved: u,
      rows: 0,
      rowRefs: [],
      fingerprint: h.hex(),
      manual: def.ledger === null || this.ledgers.ledgers[def.ledger] === undefined,
    };
  }

  private viewOf(ledger: Ledger, name: LedgerName): LedgerView {
    let view = this.views.get(ledger);
    if (view) return view;
    const spec = ledgerSpec(name);
    const table = this.tableOf(ledger);
    const shapes = sourceShapes(ledger, table);
    view = {
      ledger,
      spec,
      table,
      resolve: withDepartments(columnResolver(ledger, spec, table), spec, shapes),
      shapes,
      derived: new Map(),
      selections: new Map(),
      planned: null,
      digests: new CellDigests(table),
      rowRefs: null,
      departments: null,
      warned: false,
      values: new Map(),
    };
    this.views.set(ledger, view);
    return view;
  }

  /** A partner's 终止 without a date, or 有效 with a past 终止日期: said once per ledger, at the cell. */
  private warnPartners(view: LedgerView): void {
    const statusKey = view.resolve(STATUS_COLUMN);
    const endKey = view.resolve(TERMINATION_DATE_COLUMN);
    if (statusKey !== null) warnTerminatedWithoutDate(view.ledger, view.table, statusKey, endKey, this.issues);
    if (endKey !== null) warnActiveWithPastEnd(view.ledger, view.table, statusKey, endKey, this.opts.periodEnd, this.issues);
  }

  /**
   * Why the ledger cannot support the figure: a scope it cannot apply (no department known, none
   * of its rows in the scope's department), or a column it needs and lacks. Null when it can.
   */
  private whyUnresolved(def: FigureDefinition, view: LedgerView): { unresolved: Unresolved; issueCode: string | null } | null {
    const scope = this.scope;
    if (!this.scopeKnown) {
      return {
        unresolved: { ...unresolvedText("scope_unknown", { scope }), cell: this.opts.scopeCell },
        // One settings issue lists the departments; a line per figure would only repeat it.
        issueCode: null,
      };
    }
    if (!this.everyDepartment) {
      const blind = view.shapes.find((s) => !s.hasDepartment);
      if (blind) {
        const blankDepartment = blind.names?.[DEPARTMENT_COLUMN];
        return {
          unresolved: {
            // A 部门 column there but blank in every row is not "no 部门 column": say which the clerk has,
            // and point at that column's header.
            ...unresolvedText(blankDepartment ? "scope_no_department#blank" : "scope_no_department", {
              sheet: blind.sheet,
              ledger: def.ledger!,
              scope,
            }),
            cell: blankDepartment
              ? blind.headerCell.replace(/![A-Z]+(?=\d+$)/, `!${blankDepartment}`)
              : (likelyHeaderCell(view.ledger, "部门", blind.sheet) ?? blind.headerCell),
          },
          issueCode: "figure.scope_no_department",
        };
      }
      // Another ledger has the department; this one's rows all belong to others. Its 0 would say
      // the department did nothing, when it may only be kept elsewhere.
      view.departments ??= rowDepartments(view.table);
      if (view.table.length > 0 && !view.departments.has(scope)) {
        const found = [...view.departments].sort();
        return {
          unresolved: {
            ...unresolvedText("scope_not_in_ledger", { ledger: def.ledger!, scope, found: found.join("、"), foundEn: found.join(", ") }),
            cell: view.shapes[0]?.headerCell,
          },
          issueCode: "figure.scope_not_in_ledger",
        };
      }
    }
    // Every column the figure needs, in the ledger and in each sheet that gave it rows: a missing
    // one leaves the figure unresolved, never counted as if the column were blank.
    const lacking = missingColumn(def, view.spec, view.resolve, view.shapes);
    if (lacking) {
      return {
        unresolved: {
          ...unresolvedText(lacking.where ? "column_missing#sheet" : "column_missing", {
            sheet: lacking.where?.sheet ?? "",
            ledger: def.ledger!,
            ...roleParams(lacking.role),
            column: lacking.column,
          }),
          cell:
            likelyHeaderCell(view.ledger, lacking.column, lacking.where?.sheet) ??
            lacking.where?.headerCell ??
            view.shapes[0]?.headerCell ??
            def.cells?.conditions,
        },
        issueCode: "figure.column_missing",
      };
    }
    const absent = this.absentConditionValue(def, view);
    if (absent) return { unresolved: absent, issueCode: null };
    const noNumbers = this.sumWithoutNumbers(def, view);
    if (noNumbers) return { unresolved: noNumbers, issueCode: null };
    return null;
  }

  /**
   * A condition value (`形式=专题学习会`) that no record of the ledger has, even folded: most likely a
   * typo, and the figure's 0 would be silent. Unless the value is one of the column's own choices
   * (its drop-down list, 是/否) or 条件 says 允许为零, the figure is unresolved and the clerk is shown
   * the nearest values the column holds, at the condition's cell.
   */
  private absentConditionValue(def: FigureDefinition, view: LedgerView): Unresolved | null {
    if (view.table.length === 0) return null;
    // Which conditions can "match no row" because of a typo:
    // - `=` and `~` name a value (or a text within one) the clerk typed: one no record has is most
    //   likely mistyped, and the figure's 0 would be silent — checked here.
    // - `≠` excludes a value: one no record has excludes nothing, so the count is the count without
    //   the clause, never a 0 from the clause (状态≠撤销 in a year without a revocation is right).
    // - 为空 / 非空 name no value: a column the ledger lacks is told as column_missing, and all or no
    //   blanks is what the ledger says (统一社会信用代码 为空 → 0 is the answer, not a slip).
    // - dates and ranges are no condition but the 区间: a ledger with no record in it is told by
    //   warnPeriodEmpty (figure.period_empty, exit 1); `>`/`<` are no operators of 条件 (an error).
    for (const written of def.conditions) {
      const c = canonicalCondition(view.spec, written);
      if (c.kind === "contains") {
        const absent = this.absentContainedText(def, view, c);
        if (absent) return absent;
        continue;
      }
      if (c.kind !== "eq") continue;
      const key = view.resolve(c.column);
      if (key === null) continue;
      const spec = specColumnOf(view.spec, c.column);
      const choices = spec?.type === "yesno" ? ["是", "否"] : (spec?.values ?? []);
      const present = this.columnValues(def, view, key);
      const missing = c.values.map((v) => v.trim()).filter((v) => !present.exact.has(v) && !choices.includes(v));
      if (missing.length === 0) continue;
      const value = missing[0];
      const where = def.cells?.conditions;
      const prefix = where ? `${where} ` : "";
      if (def.allowZero) {
        this.issues.push({
          severity: "info",
          code: "figure.condition_value_allowed_zero",
          ...issueText("figure.condition_value_allowed_zero", { prefix, column: c.column, value, name: def.name }),
          figure: def.id,
          ledger: def.ledger!,
          ...(where ? { cell: where } : {}),
        });
        continue;
      }
      const { reason: nearZh, reasonEn: nearEn } = nearText(nearestValues(value, present.exact), present.exact);
      this.issues.push({
        severity: "warning",
        code: "figure.condition_value_absent",
        ...issueText("figure.condition_value_absent", {
          prefix,
          column: c.column,
          value,
          ledger: def.ledger!,
          near: nearZh,
          nearEn,
          name: def.name,
          placeholder: placeholderText(def.name),
          allowZero: ALLOW_ZERO_CLAUSE,
        }),
        figure: def.id,
        ledger: def.ledger!,
        ...(where ? { cell: where } : {}),
      });
      return { ...unresolvedText("condition_value_absent", { column: c.column, value, near: nearZh, nearEn }), cell: where };
    }
    return null;
  }

  /**
   * A 包含 condition (`出函机构~工商银行`) whose text no value of the column contains, compared as the
   * match compares (the cell's text, trimmed, holding the trimmed text): the `=` rule for `~`.
   */
  private absentContainedText(def: FigureDefinition, view: LedgerView, c: Extract<Condition, { kind: "contains" }>): Unresolved | null {
    const key = view.resolve(c.column);
    if (key === null) return null;
    const text = c.text.trim();
    const spec = specColumnOf(view.spec, c.column);
    const choices = spec?.type === "yesno" ? ["是", "否"] : (spec?.values ?? []);
    if (choices.some((v) => v.includes(text))) return null;
    const present = this.columnValues(def, view, key);
    for (const v of present.exact) if (v.includes(text)) return null;
    const where = def.cells?.conditions;
    const params = {
      at: where ? `${where} ` : "",
      condition: `${c.column}~${text}`,
      column: c.column,
      text,
      ledger: def.ledger!,
      name: def.name,
      placeholder: placeholderText(def.name),
      allowZero: ALLOW_ZERO_CLAUSE,
    };
    const at = { figure: def.id, ledger: def.ledger!, ...(where ? { cell: where } : {}) };
    if (def.allowZero) {
      this.issues.push({ ...catalogueIssue("info", "figure.condition_value_allowed_zero#contains", params), ...at });
      return null;
    }
    const { reason: nearZh, reasonEn: nearEn } = nearText(nearestContaining(text, present.exact), present.exact);
    const worded = { ...params, near: nearZh, nearEn };
    this.issues.push({ ...catalogueIssue("warning", "figure.condition_value_absent#contains", worded), ...at });
    return { ...unresolvedText("condition_value_absent#contains", worded), cell: where };
  }

  /** The texts a column holds (as conditions compare them), gathered once per ledger and column. */
  private columnValues(def: FigureDefinition, view: LedgerView, key: string): { exact: Set<string> } {
    const cacheKey = `${def.ledger === "共建单位" ? "partner:" : ""}${key}`;
    let found = view.values.get(cacheKey);
    if (found === undefined) {
      const values = this.ruleColumn(def, view, key);
      const exact = new Set<string>();
      let last: FieldValue | undefined = undefined;
      for (let i = 0; i < view.table.length; i++) {
        const v = values[i];
        if (v === last) continue;
        last = v;
        const t = valueText(v);
        if (t !== "") exact.add(t);
      }
      view.values.set(cacheKey, (found = { exact }));
    }
    return found;
  }

  /**
   * A 求和 over a column that holds no number in any record (text, or nothing at all) would print 0
   * for what is no amount: an error at the 统计 cell, and the figure unresolved.
   */
  private sumWithoutNumbers(def: FigureDefinition, view: LedgerView): Unresolved | null {
    const how = def.aggregate;
    if (how.kind !== "sum" || view.table.length === 0) return null;
    const key = view.resolve(how.column);
    if (key === null) return null;
    const values = view.table.column(key);
    let firstText = -1;
    let texts = 0;
    for (let i = 0; i < view.table.length; i++) {
      const v = values[i];
      if (numericValue(v) !== null) return null;
      if (valueText(v) !== "") {
        texts++;
        if (firstText < 0) firstText = i;
      }
    }
    const where = def.cells?.aggregate;
    const example =
      firstText < 0
        ? null
        : {
            cell: view.table.cellAddress(firstText, key) ?? `${view.table.sheet(firstText)} 第${view.table.rowNumber(firstText)}行`,
            text: valueText(values[firstText]),
          };
    const { reason: foundZh, reasonEn: foundEn } = example
      ? unresolvedText("sum_not_numbers#text_cells", { count: texts, ...example })
      : unresolvedText("sum_not_numbers#blank");
    const issue: Issue = {
      severity: "error",
      code: "figure.sum_not_numbers",
      ...issueText("figure.sum_not_numbers", {
        prefix: where ? `${where} ` : "",
        column: how.column,
        ledger: def.ledger!,
        found: foundZh,
        foundEn,
        name: def.name,
        placeholder: placeholderText(def.name),
      }),
      figure: def.id,
      ledger: def.ledger!,
    };
    if (where) issue.cell = where;
    this.issues.push(issue);
    return { ...unresolvedText("sum_not_numbers", { column: how.column, found: foundZh, foundEn }), cell: where ?? example?.cell };
  }

  /** A figure its ledger supports: its rows, its value and its fingerprint; rowRefs made when first read. */
  private counted(def: FigureDefinition, view: LedgerView): FigureResult {
    if (def.ledger === "共建单位" && !view.warned) {
      view.warned = true;
      this.warnPartners(view);
    }
    const plan = this.plan(def, view);
    const periodEmpty = plan.periodKind !== "all" ? this.warnPeriodEmpty(def, view, plan) : null;
    if (!this.everyDepartment) this.warnBlankDepartments(def, view);
    const selection = this.selectRows(def, view, plan);
    // A 求和's rows holding text: found by the sum's own pass, told before anything else of the figure.
    const textRows: number[] = [];
    const value = aggregate(
      def,
      view,
      selection.used,
      (conflicts, key, fallback) => this.warnIdentity(def, view, conflicts, key, fallback),
      textRows,
    );
    this.warnSumText(def, view, textRows);
    const fingerprint = this.fingerprintOf(def, view, plan, selection);
    const table = groupedTable(def, view, selection.used);
    // A 0 from a ledger with no record in the period is as much to be seen as an empty ledger's.
    const zeroToSee = this.emptyLedgerZero(def, view) ?? (periodEmpty && value === 0 ? periodEmpty : undefined);
    return withLazyRowRefs(
      {
        ...this.base(def),
        ...(zeroToSee ? { zeroToSee } : {}),
        value,
        text: table ? tableText(table) : formatValue(value, def.format),
        ...(table ? { table } : {}),
        rows: selection.used.length,
        fingerprint,
        manual: false,
      },
      () => {
        if (selection.refs === null) selection.refs = (view.rowRefs ??= new RowRefs(view.table)).list(selection.used);
        // A copy each, so a caller editing one figure's list does not edit its neighbours'.
        return selection.refs.slice();
      },
    );
  }

  /**
   * A ledger with its header and no records (the reader's `ledger.empty` says what to fill): its
   * figures are 0, and a 0 no record supports is signed only after being seen, as period_empty's
   * is — unless 条件 says 允许为零. (A 手工值 stands in for such a ledger before this is reached; rows
   * all left out for errors are told as errors.)
   */
  private emptyLedgerZero(def: FigureDefinition, view: LedgerView): FigureResult["zeroToSee"] {
    if (view.table.length > 0 || view.ledger.excluded > 0 || def.allowZero) return undefined;
    const cell = view.shapes[0]?.headerCell ?? emptyHeaderCell(view.ledger);
    return { ...unresolvedText("ledger_empty", { ledger: def.ledger! }), ...(cell ? { cell } : {}) };
  }

  /**
   * Ledgers and period kinds already checked for a record in the period (`学习记录|current`), with
   * the zeroToSee their figures carry when there is none (null when the period has records).
   */
  private readonly periodsChecked = new Map<string, FigureResult["zeroToSee"] | null>();

  /**
   * A ledger with records, none of them in the figure's period (a report for 2023 from a workbook
   * of 2022): its figures are 0, and a clerk signs that 0 only after being told, once per ledger,
   * at its date column's header, with the dates the ledger does have. Returns the zeroToSee each of
   * its figures carries (so every review that writes the 0 can set it apart), or null.
   */
  private warnPeriodEmpty(def: FigureDefinition, view: LedgerView, plan: FigurePlan): FigureResult["zeroToSee"] | null {
    const key = `${def.ledger}|${plan.periodKind}`;
    const checked = this.periodsChecked.get(key);
    if (checked !== undefined) return checked;
    this.periodsChecked.set(key, null);
    const { table, spec } = view;
    if (table.length === 0) return null;
    const dates = table.column(plan.dateKey!);
    const fromStart = plan.periodKind === "current";
    const undatedCount = !fromStart && !spec.columns.find((c) => c.name === spec.dateColumn)?.required;
    const { periodStart: start, periodEnd: end } = this.opts;
    let first = "";
    let last = "";
    for (let i = 0; i < table.length; i++) {
      const d = dates[i];
      if (typeof d !== "string" || d === "") {
        if (undatedCount) return null;
        continue;
      }
      const day = d.length > 10 ? d.slice(0, 10) : d;
      if (day <= end && (!fromStart || day >= start)) return null;
      if (first === "" || day < first) first = day;
      if (day > last) last = day;
    }
    const column = spec.dateColumn!;
    const shape = view.shapes.find((s) => s.names?.[plan.dateKey!] !== undefined);
    const headerRow = shape ? (view.ledger.sources.find((x) => x.sheet === shape.sheet)?.headerRow ?? 1) : 0;
    const cell = shape ? `${quoteSheet(shape.sheet)}!${shape.names![plan.dateKey!]}${headerRow}` : view.shapes[0]?.headerCell;
    const period = fromStart ? `期间 ${start} 至 ${end}` : `期末 ${end} 及以前`;
    const periodEn = fromStart ? `the period ${start} to ${end}` : `the period end ${end} or before`;
    const dated =
      last === ""
        ? "没有一条填了日期"
        : first === last
          ? `记录的${column}都是 ${last}`
          : `记录的${column}从 ${first} 到 ${last}（最近一条 ${last}）`;
    const datedEn =
      last === ""
        ? "none of them has a date"
        : first === last
          ? `every record is dated ${last}`
          : `its records are dated ${first} to ${last} (the latest ${last})`;
    const words = {
      at: cell ? `${cell}（${column}）：` : "",
      atEn: cell ? `${cell} (${column}): ` : "",
      ledger: def.ledger!,
      records: table.length,
      period,
      periodEn,
      dated,
      datedEn,
      name: def.name,
    };
    const issue: Issue = {
      severity: "warning",
      code: "figure.period_empty",
      ...issueText("figure.period_empty", words),
      ledger: def.ledger!,
      figure: def.id,
      words,
    };
    if (cell) issue.cell = cell;
    this.issues.push(issue);
    const reason = issueText("figure.period_empty#figure_reason", { ledger: def.ledger!, period, periodEn });
    const zero: FigureResult["zeroToSee"] = {
      code: "period_empty",
      reason: reason.message,
      reasonEn: reason.messageEn,
      ...(cell ? { cell } : {}),
    };
    this.periodsChecked.set(key, zero);
    return zero;
  }

  /** Ledgers whose blank-部门 rows were told under this scope. */
  private readonly blanksChecked = new Set<Ledger>();

  /**
   * Under a scope, rows whose 部门 is blank belong to no department and are not counted; the
   * all-department report counts them. Said once per counted ledger, as one issue over its cells.
   */
  private warnBlankDepartments(def: FigureDefinition, view: LedgerView): void {
    if (this.blanksChecked.has(view.ledger)) return;
    this.blanksChecked.add(view.ledger);
    const { table } = view;
    const departments = table.departments;
    const blank: number[] = [];
    for (let i = 0; i < departments.length; i++) {
      const d = departments[i];
      if (d === null || d.trim() === "") blank.push(i);
    }
    if (blank.length === 0) return;
    const place = (i: number) =>
      table.cellAddress(i, DEPARTMENT_COLUMN) ?? `${quoteSheet(table.sheet(i))}!${table.rowNumber(i)}:${table.rowNumber(i)}`;
    const cells = blank.slice(0, 5).map(place);
    const lastCell = place(blank[blank.length - 1]);
    const bang = cells[0].lastIndexOf("!");
    const sameSheet = lastCell.startsWith(cells[0].slice(0, bang + 1));
    const range = blank.length > 1 && sameSheet ? `${cells[0]}:${lastCell.slice(bang + 1)}` : undefined;
    const where = range ?? cells.join("、");
    const scope = this.scope;
    const issue: Issue = {
      severity: "warning",
      code: "figure.department_blank",
      ...issueText("figure.department_blank", {
        cell: cells[0],
        ledger: def.ledger!,
        rows: blank.length,
        scope,
        where,
        whereEn: where.replace(/、/g, ", "),
      }),
      cell: cells[0],
      ledger: def.ledger!,
      count: blank.length,
      cells,
    };
    if (range) issue.range = range;
    this.issues.push(issue);
  }

  /**
   * Where a 去重计数 with a fallback met code and name disagreeing (identity.ts): said at the cells,
   * once per ledger and conflict however many figures count the same rows.
   */
  private warnIdentity(
    def: FigureDefinition,
    view: LedgerView,
    conflicts: IdentityConflict[],
    key: string | null,
    fallback: string | null,
  ): void {
    if (conflicts.length === 0 || key === null || fallback === null || def.aggregate.kind !== "distinct") return;
    const fresh = conflicts.filter((c) => {
      const seen = `${view.ledger.name}\u0000${key}\u0000${fallback}\u0000${c.kind}\u0000${c.shared}\u0000${c.others.map((o) => o.text).join("\u0000")}`;
      if (this.identitySeen.has(seen)) return false;
      this.identitySeen.add(seen);
      return true;
    });
    const how = def.aggregate;
    this.issues.push(
      ...identityIssues(
        fresh,
        {
          ledger: view.ledger.name,
          figureId: def.id,
          figureName: def.name,
          codeColumn: how.column,
          nameColumn: how.fallback ?? fallback,
          codeKey: key,
          nameKey: fallback,
        },
        view.table,
      ),
    );
  }

  /**
   * A 求和 whose rows hold some text among the numbers: the text cells add nothing, so each is said
   * at its cell (one grouped warning past five), once per column however many figures sum it.
   * `textRows`: the used rows whose cell is text and no amount, in row order (aggregate finds them).
   */
  private warnSumText(def: FigureDefinition, view: LedgerView, textRows: readonly number[]): void {
    const how = def.aggregate;
    if (how.kind !== "sum" || textRows.length === 0) return;
    const key = view.resolve(how.column);
    if (key === null) return;
    const values = view.table.column(key);
    const shown: { cell: string; text: string }[] = [];
    let count = 0;
    for (const i of textRows) {
      const v = values[i];
      const cell = view.table.cellAddress(i, key) ?? `${view.table.sheet(i)} 第${view.table.rowNumber(i)}行`;
      if (this.sumTextSeen.has(cell)) continue;
      this.sumTextSeen.add(cell);
      count++;
      if (shown.length < 5) shown.push({ cell, text: valueText(v) });
    }
    if (count === 0) return;
    const cells = shown.map((x) => x.cell);
    const base = { severity: "warning" as const, code: "figure.sum_text_cell", ledger: def.ledger!, figure: def.id };
    if (count <= 5) {
      for (const { cell, text } of shown) {
        this.issues.push({
          ...base,
          cell,
          ...issueText("figure.sum_text_cell", { cell, text, name: def.name, column: how.column }),
        });
      }
      return;
    }
    this.issues.push({
      ...base,
      cell: cells[0],
      count,
      cells,
      ...issueText("figure.sum_text_cell#many", {
        column: how.column,
        count,
        cells: cells.join("、"),
        cellsEn: cells.join(", "),
        first: cells[0],
        text: shown[0].text,
        name: def.name,
      }),
    });
  }

  /** The figure's filter and the columns it reads; says when an optional date column is missing (every record counts). */
  private plan(def: FigureDefinition, view: LedgerView): FigurePlan {
    const { spec, resolve } = view;
    // The columns this figure reads, resolved once: the fingerprint hashes only these, so a note
    // typed into 项目名称 does not make every figure look stale.
    const { filterKey, keys } = figureReads(def, spec, resolve);
    const dateKey = spec.dateColumn === null ? null : resolve(spec.dateColumn);
    if (spec.dateColumn !== null && dateKey === null && def.period !== "all") {
      // Only an optional date column gets here (a required one leaves the figure unresolved):
      // undated records such as teams are there all along.
      this.issues.push({
        severity: "info",
        code: "figure.date_column_missing",
        ...issueText("figure.date_column_missing", { ledger: def.ledger!, column: spec.dateColumn, name: def.name }),
        ledger: def.ledger!,
        figure: def.id,
      });
    }
    return { filterKey, readKeys: keys, periodKind: dateKey === null ? "all" : def.period, dateKey };
  }

  /** A condition's column as the rules read it (blank meanings filled in, a partner's 状态 at the period end). */
  private ruleColumn(def: FigureDefinition, view: LedgerView, key: string): Column {
    const cached = view.derived.get(key);
    if (cached) return cached;
    const { spec, table, resolve } = view;
    let values = cellsOf(table, key);
    const col = spec.columns.find((c) => c.name === key);
    if (def.ledger === "共建单位" && key === resolve(STATUS_COLUMN))
      values = statusAtPeriodEnd(values, resolve(TERMINATION_DATE_COLUMN), table, this.opts.periodEnd);
    else if (col?.blankMeans !== undefined) values = withBlankMeaning(values, col.blankMeans, table.length);
    view.derived.set(key, values);
    return values;
  }

  /**
   * A condition on a column as the rules read it (ruleColumn), compiled to a row test: a blank
   * meaning is read at the test rather than copied into a column of every row first.
   */
  private ruleTest(c: Condition, def: FigureDefinition, view: LedgerView, key: string): ColumnTest {
    const { spec, table, resolve } = view;
    if (def.ledger === "共建单位" && key === resolve(STATUS_COLUMN)) return conditionTest(c, this.ruleColumn(def, view, key));
    const blankMeans = spec.columns.find((col) => col.name === key)?.blankMeans;
    return conditionTest(c, cellsOf(table, key), blankMeans ?? null);
  }

  /** The figure's conditions compiled to row tests, the status rules (撤销 never counts) among them. */
  private rowTests(def: FigureDefinition, view: LedgerView): ColumnTest[] {
    const { spec, table, resolve } = view;
    const statusKey = resolve(STATUS_COLUMN);
    const endKey = def.ledger === "共建单位" ? resolve(TERMINATION_DATE_COLUMN) : null;
    const tests: ColumnTest[] = def.conditions.map((written) => {
      const c = canonicalCondition(spec, written);
      const key = resolve(c.column);
      if (key === null && def.ledger === "共建单位" && endKey !== null && specColumnOf(spec, c.column)?.name === STATUS_COLUMN) {
        // No 状态 column, but a 终止日期 one: a date by the period end still means the unit had ended.
        return conditionTest(c, statusAtPeriodEnd(NO_VALUES, endKey, table, this.opts.periodEnd));
      }
      if (key === null) {
        // Only a column whose blank has a meaning gets here (missingColumn stops the rest): 状态
        // absent means every record is 有效.
        const meaning = specColumnOf(spec, c.column)?.blankMeans ?? null;
        return { answer: compileCondition(c, meaning === null ? null : [meaning])(0) };
      }
      return this.ruleTest(c, def, view, key);
    });
    // 撤销 guarantees never count unless the figure asks for them by name.
    if (def.ledger === "电子保函" && statusKey !== null && !namesRevoked(def, statusKey, resolve)) {
      tests.unshift(this.ruleTest({ kind: "ne", column: statusKey, values: [REVOKED] }, def, view, statusKey));
    }
    return tests;
  }

  /**
   * The rows the figure counts: in the scope's department, in its period by the ledger's date
   * column, passing every test. A blank optional date (a team's 成立日期) counts as there all
   * along: in 截至期末, not in 本期 — the reader warns at each such cell.
   */
  private selectRows(def: FigureDefinition, view: LedgerView, plan: FigurePlan): Selection {
    const known = view.selections.get(plan.filterKey);
    if (known) return known;
    const tests = this.rowTests(def, view);
    const { table } = view;
    // A clause with one answer for every row: a false one selects nothing, a true one nothing less.
    const n = tests.some((t) => "answer" in t && !t.answer) ? 0 : table.length;
    const columns: Column[] = [];
    const cellTests: ((v: FieldValue | undefined) => boolean)[] = [];
    for (const t of tests) {
      if ("column" in t) {
        columns.push(t.column);
        cellTests.push(t.cell);
      }
    }
    // Each test keeps the last cell it judged and its answer: neighbouring rows mostly hold the
    // very same value (有效 thousands of rows running), and the answer depends on the value alone.
    // The first test (撤销 never counts, on every guarantee figure) in locals, the rest in arrays.
    const first = columns.length > 0 ? columns[0] : null;
    const firstTest = cellTests[0];
    let firstLast: unknown = NOT_A_CELL;
    let firstAnswer = false;
    const lasts: unknown[] = columns.map(() => NOT_A_CELL);
    const answers: boolean[] = columns.map(() => false);
    if (this.scratch.length < n) this.scratch = new Int32Array(n);
    const picked = this.scratch;
    let count = 0;
    const { periodKind, dateKey } = plan;
    const byPeriod = periodKind !== "all";
    const dates = byPeriod ? table.column(dateKey!) : null;
    const fromStart = periodKind === "current";
    const undatedCount = byPeriod && !fromStart && !view.spec.columns.find((c) => c.name === view.spec.dateColumn)?.required;
    const { periodStart: start, periodEnd: end } = this.opts;
    const everyDepartment = this.everyDepartment;
    const scope = this.scope;
    const departments = table.departments;
    const testCount = columns.length;
    let lastDate: unknown = NOT_A_CELL;
    let inPeriod = false;
    for (let i = 0; i < n; i++) {
      if (!everyDepartment) {
        const d = departments[i];
        if (d !== scope && (d === null || d.trim() !== scope)) continue;
      }
      if (byPeriod) {
        const d = dates![i];
        // Rows of one day stand together (a ledger is kept in date order): the day's answer is kept.
        if (d !== lastDate) {
          lastDate = d;
          if (typeof d !== "string" || d === "") inPeriod = undatedCount;
          else {
            // ISO text compares as dates; a time after the day (YYYY-MM-DDTHH…) is cut off first.
            const day = d.length > 10 ? d.slice(0, 10) : d;
            inPeriod = !(day > end || (fromStart && day < start));
          }
        }
        if (!inPeriod) continue;
      }
      if (first !== null) {
        const v = first[i];
        if (v !== firstLast) {
          firstLast = v;
          firstAnswer = firstTest(v);
        }
        if (!firstAnswer) continue;
      }
      let pass = true;
      for (let t = 1; t < testCount; t++) {
        const v = columns[t][i];
        if (v !== lasts[t]) {
          lasts[t] = v;
          answers[t] = cellTests[t](v);
        }
        if (!answers[t]) {
          pass = false;
          break;
        }
      }
      if (pass) picked[count++] = i;
    }
    const selection: Selection = { used: picked.slice(0, count), refs: null, places: null, columns: new Map() };
    view.selections.set(plan.filterKey, selection);
    return selection;
  }

  /**
   * Where each used row is, then the cells the figure reads, one column at a time in the
   * definition's order: neither the reader's column order nor unread cells matter.
   */
  private fingerprintOf(def: FigureDefinition, view: LedgerView, plan: FigurePlan, selection: Selection): string {
    const { used } = selection;
    const count = used.length;
    const fingerprint = new Hasher().text(def.id).text(definitionText(def)).int(count);
    if (selection.places === null) {
      selection.places = new Uint32Array(2);
      const h = new Hasher();
      view.digests.feedPlaces(h, used, count);
      h.lanesInto(selection.places, 0);
    }
    fingerprint.int(selection.places[0]).int(selection.places[1]);
    const missing = plan.readKeys.filter((key) => !selection.columns.has(key));
    if (missing.length) {
      // Every column any figure reads on this selection, in one pass over its rows.
      const planned = this.plannedReads(view).get(plan.filterKey) ?? [];
      const keys = [...missing, ...planned.filter((k) => !missing.includes(k) && !selection.columns.has(k))];
      const hashers = keys.map(() => new Hasher());
      view.digests.feedColumns(hashers, keys, used, count);
      keys.forEach((key, j) => {
        const lanes = new Uint32Array(2);
        hashers[j].lanesInto(lanes, 0);
        selection.columns.set(key, lanes);
      });
    }
    for (const key of plan.readKeys) {
      const column = selection.columns.get(key)!;
      fingerprint.text(key).int(column[0]).int(column[1]);
    }
    if (!this.everyDepartment) {
      fingerprint.text("部门");
      const departments = view.table.departments;
      for (let u = 0; u < count; u++) fingerprint.value(departments[used[u]]);
    }
    return fingerprint.hex();
  }

  /** For one ledger: each selection's columns, gathered from every definition on it. */
  private plannedReads(view: LedgerView): Map<string, string[]> {
    if (view.planned) return view.planned;
    const bySelection = new Map<string, string[]>();
    for (const def of this.defs) {
      if (def.ledger === null || this.ledgers.ledgers[def.ledger] !== view.ledger) continue;
      const { filterKey, keys } = figureReads(def, view.spec, view.resolve);
      const list = bySelection.get(filterKey) ?? [];
      for (const k of keys) if (!list.includes(k)) list.push(k);
      bySelection.set(filterKey, list);
    }
    return (view.planned = bySelection);
  }
}

/**
 * Up to three values of the column nearest to a condition's value: equal once folded (width, spaces,
 * case) first, then by edit distance — within half the longer text, as a typo would be.
 */
export function nearestValues(wanted: string, present: Set<string>): string[] {
  const w = foldKey(wanted);
  const scored: { text: string; d: number }[] = [];
  for (const text of present) {
    const f = foldKey(text);
    const d = f === w ? 0 : editDistance(w, f);
    if (d <= Math.max(1, Math.ceil(Math.max(w.length, f.length) / 2))) scored.push({ text, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return scored.slice(0, 3).map((x) => x.text);
}

/**
 * The `{near}` of a value no record has: the nearest found, else the column's first few values (so
 * the clerk sees how the ledger writes them), else that the column is empty — each value quoted as
 * its language quotes.
 */
function nearText(near: string[], present: Set<string>): { reason: string; reasonEn: string } {
  const some = near.length ? near : [...present].slice(0, 5);
  const values = { values: some.map((n) => `“${n}”`).join("、"), valuesEn: some.map((n) => `"${n}"`).join(", ") };
  if (near.length) return unresolvedText("condition_value_absent#nearest", values);
  if (some.length === 0) return unresolvedText("condition_value_absent#no_values");
  return unresolvedText(present.size > some.length ? "condition_value_absent#values_more" : "condition_value_absent#values", values);
}

/** The first header cell of a ledger without rows (it has no source shapes): where the clerk starts filling. */
function emptyHeaderCell(ledger: Ledger): string | undefined {
  const source = ledger.sources[0];
  if (!source) return undefined;
  const first = ledger.columns.map((c) => c.column).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))[0];
  return first ? `${quoteSheet(source.sheet)}!${first}${source.headerRow}` : undefined;
}

/**
 * Up to three values of the column nearest to holding a 包含 text: holding it once folded (width,
 * spaces, case) first, then by the fewest edits to some stretch of the value — within half the text.
 */
function nearestContaining(wanted: string, present: Set<string>): string[] {
  const w = foldKey(wanted);
  const limit = Math.max(1, Math.ceil(w.length / 2));
  const scored: { text: string; d: number }[] = [];
  for (const text of present) {
    const d = substringDistance(w, foldKey(text));
    if (d <= limit) scored.push({ text, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return scored.slice(0, 3).map((x) => x.text);
}

/** The fewest edits that make `wanted` a stretch of `text` (edit distance with free ends in text). */
function substringDistance(wanted: string, text: string): number {
  let prev = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= wanted.length; i++) {
    const row = [i];
    for (let j = 1; j <= text.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (wanted[i - 1] === text[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return Math.min(...prev);
}

/** A table figure: the same rows, split by its group column (grouped.ts); null for a figure of one number. */
function groupedTable(def: FigureDefinition, view: LedgerView, used: Int32Array): ReturnType<typeof groupTable> | null {
  const how = def.aggregate;
  const grouping = groupingOf(how);
  if (!grouping) return null;
  const { table, resolve } = view;
  const groupValues = cellsOf(table, resolve(grouping.column)!);
  const sumKey = how.kind === "sum" ? resolve(how.column) : null;
  const amounts = sumKey === null ? NO_VALUES : table.column(sumKey);
  return groupTable(
    def,
    used,
    (i) => valueText(groupValues[i]),
    how.kind === "sum"
      ? (i) => {
          const n = numericValue(amounts[i]);
          return n === null ? 0 : toCents(n);
        }
      : null,
  );
}

/** The figure's number over its rows: a count, a count of distinct values (with a fallback column), or a sum to the cent. */
function aggregate(
  def: FigureDefinition,
  view: LedgerView,
  used: Int32Array,
  onConflicts?: (conflicts: IdentityConflict[], key: string | null, fallback: string | null) => void,
  /** Where a sum puts the used rows whose cell is text and no amount (warnSumText tells them). */
  textRows?: number[],
): number {
  const { table, resolve } = view;
  const count = used.length;
  const how = def.aggregate;
  if (how.kind === "count") return count;
  if (how.kind === "distinct") {
    const key = resolve(how.column);
    const fallback = how.fallback === undefined ? null : resolve(how.fallback);
    const counted = distinctCount(key === null ? null : cellsOf(table, key), fallback === null ? null : cellsOf(table, fallback), used);
    onConflicts?.(counted.conflicts, key, fallback);
    return counted.count;
  }
  const key = resolve(how.column);
  let cents = 0;
  if (key !== null) {
    const amounts = table.column(key);
    for (let u = 0; u < count; u++) {
      const v = amounts[used[u]];
      if (typeof v === "number") {
        // An amount the reader read as a number (nearly every one), to the cent here: toCents's
        // first steps, without two calls a row. `v - v` is 0 only for a finite number.
        if (v - v !== 0) continue;
        const scaled = v * 100;
        const rounded = round(scaled);
        cents += abs(scaled - rounded) < 1e-6 ? rounded : toCents(v);
      } else {
        const n = numericValue(v);
        if (n !== null) cents += toCents(n);
        else if (textRows !== undefined && v !== null && v !== undefined && valueText(v) !== "") textRows.push(used[u]);
      }
    }
  }
  return cents / 100;
}
