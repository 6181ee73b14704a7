// Computing figures from ledgers. One pass over a ledger's rows per distinct filter, with every filter
// compiled beforehand, so a million guarantee rows stay well under a second.
import type { Condition, FieldValue, FigureDefinition, FigureResult, Issue, Ledger, LedgerRow, LedgerSet, PeriodKind } from "../types";
import { ledgerSpec, type LedgerSpec } from "../ledger/schema";
import { trimmed } from "../ledger/text";
import { ledgerColumns, type LedgerColumns } from "../ledger/columns";
import { formatValue, roundedText } from "../format";
import { definitionToRow } from "./defaults";
import { Hasher, cellDigest } from "../hash";
import { conditionsToText, periodLabel } from "./syntax";

export interface EvaluateOptions {
  /** Inclusive ISO dates. */
  periodStart: string;
  periodEnd: string;
  /** 全部门 (or blank) for every row, else one department's name. */
  scope: string;
}

/** The scope that means every department. */
export const ALL_DEPARTMENTS = "全部门";

/** A cell as the text conditions compare: trimmed; numbers by their text form; 是/否 for yes/no. */
function valueText(v: FieldValue | undefined): string {
  if (v === null || v === undefined) return "";
  // trimmed(): ledger text is stored trimmed already, and trim() costs ~50 ns even then.
  if (typeof v === "string") return trimmed(v);
  if (typeof v === "boolean") return v ? "是" : "否";
  return String(v);
}

function foldColumn(name: string): string {
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
function columnResolver(ledger: Ledger, spec: LedgerSpec, store: LedgerColumns): (name: string) => string | null {
  const known = new Set<string>(ledger.columns.map((c) => c.name));
  // Unknown columns are not listed in ledger.columns, only among the rows' values.
  for (const name of store.names) known.add(name);
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

const NO_VALUES: readonly (FieldValue | undefined)[] = [];

/** The ledger's column of that name; a column no row has reads as blank (undefined) everywhere. */
function columnOf(store: LedgerColumns, name: string): readonly (FieldValue | undefined)[] {
  const at = store.index.get(name);
  return at === undefined ? NO_VALUES : store.data[at];
}

/** Whether row i passes one condition. */
type RowTest = (i: number) => boolean;

function compileCondition(c: Condition, column: readonly (FieldValue | undefined)[] | null): RowTest {
  // A column the ledger lacks reads as blank in every row, so the clause has one answer.
  if (column === null) {
    const answer = compileCondition(c, [null])(0);
    return () => answer;
  }
  switch (c.kind) {
    case "eq": {
      if (c.values.length === 1) {
        const only = c.values[0].trim();
        return (i) => valueText(column[i]) === only;
      }
      const set = new Set(c.values.map((v) => v.trim()));
      return (i) => set.has(valueText(column[i]));
    }
    case "ne": {
      if (c.values.length === 1) {
        const only = c.values[0].trim();
        return (i) => valueText(column[i]) !== only;
      }
      const set = new Set(c.values.map((v) => v.trim()));
      return (i) => !set.has(valueText(column[i]));
    }
    case "contains": {
      const text = c.text.trim();
      return (i) => valueText(column[i]).includes(text);
    }
    case "blank":
      return (i) => valueText(column[i]) === "";
    case "notBlank":
      return (i) => valueText(column[i]) !== "";
  }
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

  constructor(private readonly rows: LedgerRow[]) {}

  list(used: Int32Array): { sheet: string; row: number }[] {
    const out = new Array<{ sheet: string; row: number }>(used.length);
    for (let u = 0; u < used.length; u++) {
      const i = used[u];
      let ref = this.refs[i];
      if (ref === undefined) {
        const row = this.rows[i];
        ref = this.refs[i] = { sheet: row.sheet, row: row.row };
      }
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
function withLazyRowRefs(result: Omit<FigureResult, "rowRefs">, build: () => FigureResult["rowRefs"]): FigureResult {
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
  /** Where each row is, copied out once: the fingerprint of every figure walks it. */
  private sheetIds: Int32Array | null = null;
  private rowNumbers: Int32Array | null = null;
  private readonly sheetNames: string[] = [];

  constructor(
    private readonly rows: LedgerRow[],
    private readonly store: LedgerColumns,
  ) {}

  private column(key: string): { digests: Int32Array; done: Uint8Array } {
    let column = this.columns.get(key);
    if (!column) {
      const n = this.rows.length;
      column = { digests: new Int32Array(n), done: new Uint8Array(n) };
      this.columns.set(key, column);
    }
    return column;
  }

  /**
   * Each column's cells in the used rows, in row order, into that column's hasher — all columns in
   * one pass, row by row: a ledger's row objects are read once rather than once per column (at
   * 100,000 rows they are far larger than the cache).
   */
  feedColumns(into: Hasher[], keys: string[], used: Int32Array, count: number): void {
    const columns = keys.map((key) => this.column(key));
    const cells = keys.map((key) => columnOf(this.store, key));
    const width = keys.length;
    // Neighbouring rows often hold the very same string (a date, 有效, a shared string read
    // once from the workbook): comparing references is far cheaper than hashing it again.
    const last: (FieldValue | undefined)[] = keys.map(() => undefined);
    const lastDigest = keys.map(() => cellDigest(undefined));
    for (let u = 0; u < count; u++) {
      const i = used[u];
      for (let j = 0; j < width; j++) {
        const { digests, done } = columns[j];
        if (done[i] === 0) {
          const v = cells[j][i];
          // Numbers are cheap to digest, and -0 === 0 would hide a change between them.
          if (v !== last[j] || typeof v === "number") {
            last[j] = v;
            lastDigest[j] = cellDigest(v);
          }
          digests[i] = lastDigest[j];
          done[i] = 1;
        }
        into[j].int(digests[i]);
      }
    }
  }

  /** Each used row's place: the sheet name where it changes, behind a marker no row number can take. */
  feedPlaces(into: Hasher, used: Int32Array, count: number): void {
    if (this.sheetIds === null || this.rowNumbers === null) {
      const n = this.rows.length;
      const ids = new Int32Array(n);
      const numbers = new Int32Array(n);
      const byName = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const row = this.rows[i];
        let id = byName.get(row.sheet);
        if (id === undefined) {
          id = this.sheetNames.length;
          byName.set(row.sheet, id);
          this.sheetNames.push(row.sheet);
        }
        ids[i] = id;
        numbers[i] = row.row;
      }
      this.sheetIds = ids;
      this.rowNumbers = numbers;
    }
    const ids = this.sheetIds;
    const numbers = this.rowNumbers;
    let sheet = -1;
    for (let u = 0; u < count; u++) {
      const i = used[u];
      if (ids[i] !== sheet) {
        sheet = ids[i];
        into.int(-1).text(this.sheetNames[sheet]);
      }
      into.int(numbers[i]);
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
  const dateKey = spec.dateColumn === null ? null : resolve(spec.dateColumn);
  const periodKind: PeriodKind = dateKey === null ? "all" : def.period;
  if (periodKind !== "all") reads(dateKey);
  const aggregate = def.aggregate;
  if (aggregate.kind === "distinct") {
    reads(resolve(aggregate.column));
    if (aggregate.fallback !== undefined) reads(resolve(aggregate.fallback));
  } else if (aggregate.kind !== "count") reads(resolve(aggregate.column));
  return { filterKey: filterKeyOf(periodKind, dateKey, def), keys };
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

export function evaluateFigures(
  defs: FigureDefinition[],
  ledgers: LedgerSet,
  opts: EvaluateOptions,
): { figures: FigureResult[]; issues: Issue[] } {
  const figures: FigureResult[] = [];
  const issues: Issue[] = [];
  const rowRefs = new Map<Ledger, RowRefs>();
  // Figures on one ledger mostly share their filter (状态≠撤销 to the period's end): its rows are
  // selected once.
  const selections = new Map<Ledger, Map<string, Selection>>();
  let scratch = new Int32Array(0);
  const cellDigests = new Map<Ledger, CellDigests>();
  const resolvers = new Map<Ledger, (name: string) => string | null>();
  // Gathered once per ledger and call: rows built by hand have their columns made from their records.
  const stores = new Map<Ledger, LedgerColumns>();
  const planned = new Map<Ledger, Map<string, string[]>>();
  /** For one ledger: each selection's columns, gathered from every definition on it. */
  const plannedReads = (ledger: Ledger, spec: LedgerSpec, resolve: (name: string) => string | null): Map<string, string[]> => {
    let bySelection = planned.get(ledger);
    if (!bySelection) {
      bySelection = new Map();
      for (const def of defs) {
        if (def.ledger === null || ledgers.ledgers[def.ledger] !== ledger) continue;
        const { filterKey, keys } = figureReads(def, spec, resolve);
        const list = bySelection.get(filterKey) ?? [];
        for (const k of keys) if (!list.includes(k)) list.push(k);
        bySelection.set(filterKey, list);
      }
      planned.set(ledger, bySelection);
    }
    return bySelection;
  };
  const scope = (opts.scope ?? "").trim();
  const everyDepartment = scope === "" || scope === ALL_DEPARTMENTS;

  for (const def of defs) {
    const period = {
      kind: def.period,
      label: periodLabel(def.period),
      start: def.period === "current" ? opts.periodStart : null,
      end: opts.periodEnd,
    };
    const base = {
      id: def.id,
      name: def.name,
      ledger: def.ledger,
      conditions: conditionsToText(def.conditions),
      period,
    };
    const manualResult = (): FigureResult => ({
      ...base,
      value: def.manualValue,
      text: formatValue(def.manualValue, def.format),
      rows: 0,
      rowRefs: [],
      fingerprint: manualFingerprint(def),
      manual: true,
    });

    if (def.ledger === null) {
      if (def.manualValue === null) {
        issues.push({
          severity: "warning",
          code: "figure.manual_blank",
          message: `指标“${def.name}”为手工指标，但手工值为空，报告中显示为 *`,
          messageEn: `Figure “${def.name}” is manual but has no manual value; the report shows *`,
          figure: def.id,
        });
      }
      figures.push(manualResult());
      continue;
    }

    const ledger = ledgers.ledgers[def.ledger];
    if (!ledger) {
      issues.push(
        def.manualValue === null
          ? {
              severity: "warning",
              code: "figure.ledger_missing",
              message: `${def.ledger} 台账缺失，指标“${def.name}”没有手工值，报告中显示为 *`,
              messageEn: `Ledger ${def.ledger} is missing and figure “${def.name}” has no manual value; the report shows *`,
              ledger: def.ledger,
              figure: def.id,
            }
          : {
              severity: "warning",
              code: "figure.ledger_missing",
              message: `${def.ledger} 台账缺失，指标“${def.name}”使用手工值`,
              messageEn: `Ledger ${def.ledger} is missing; figure “${def.name}” uses its manual value`,
              ledger: def.ledger,
              figure: def.id,
            },
      );
      figures.push(manualResult());
      continue;
    }

    const spec = ledgerSpec(def.ledger);
    let store = stores.get(ledger);
    if (!store) stores.set(ledger, (store = ledgerColumns(ledger)));
    let resolve = resolvers.get(ledger);
    if (!resolve) resolvers.set(ledger, (resolve = columnResolver(ledger, spec, store)));
    const absent = (column: string, role: { zh: string; en: string }, effect: { zh: string; en: string }) =>
      issues.push({
        severity: "warning",
        code: "figure.column_missing",
        message: `指标“${def.name}”的${role.zh}“${column}”在 ${def.ledger} 台账中不存在，${effect.zh}`,
        messageEn: `Figure “${def.name}”: the ${role.en} "${column}" does not exist in ledger ${def.ledger}; ${effect.en}`,
        ledger: def.ledger!,
        figure: def.id,
      });

    // The columns this figure reads, resolved once: the fingerprint hashes only these, so a note
    // typed into 项目名称 does not make every figure look stale.
    const { filterKey, keys: readKeys } = figureReads(def, spec, resolve);

    const tests: RowTest[] = def.conditions.map((c) => {
      const key = resolve(c.column);
      if (key === null) {
        absent(
          c.column,
          { zh: "条件列", en: "condition column" },
          {
            zh: "按该列每行均为空计算",
            en: "it is treated as blank in every row",
          },
        );
      }
      return compileCondition(c, key === null ? null : columnOf(store, key));
    });

    const dateKey = spec.dateColumn === null ? null : resolve(spec.dateColumn);
    if (spec.dateColumn !== null && dateKey === null && def.period !== "all") {
      // Without the column no row could ever fall in a period: counting all rows, and saying so,
      // beats a silent 0.
      issues.push({
        severity: "info",
        code: "figure.date_column_missing",
        message: `${def.ledger} 台账没有“${spec.dateColumn}”列，指标“${def.name}”按全部记录计算`,
        messageEn: `Ledger ${def.ledger} has no column "${spec.dateColumn}"; figure “${def.name}” counts all records`,
        ledger: def.ledger,
        figure: def.id,
      });
    }
    const periodKind: PeriodKind = dateKey === null ? "all" : def.period;
    const start = opts.periodStart;
    const end = opts.periodEnd;

    const rows = ledger.rows;
    let byFilter = selections.get(ledger);
    if (!byFilter) selections.set(ledger, (byFilter = new Map()));
    let selection = byFilter.get(filterKey);
    if (!selection) {
      if (scratch.length < rows.length) scratch = new Int32Array(rows.length);
      const picked = scratch;
      let n = 0;
      const byPeriod = periodKind !== "all";
      const dates = byPeriod ? columnOf(store, dateKey!) : null;
      const fromStart = periodKind === "current";
      const testCount = tests.length;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        if (!everyDepartment) {
          const d = row.department;
          if (d !== scope && (d === null || d.trim() !== scope)) continue;
        }
        if (byPeriod) {
          const d = dates![i];
          if (typeof d !== "string" || d === "") continue;
          // ISO text compares as dates; a time after the day (YYYY-MM-DDTHH…) is cut off first.
          const day = d.length > 10 ? d.slice(0, 10) : d;
          if (day > end || (fromStart && day < start)) continue;
        }
        let pass = true;
        for (let t = 0; t < testCount && pass; t++) pass = tests[t](i);
        if (pass) picked[n++] = i;
      }
      selection = { used: picked.slice(0, n), refs: null, places: null, columns: new Map() };
      byFilter.set(filterKey, selection);
    }
    const used = selection.used;
    const count = used.length;

    let value: number;
    const aggregate = def.aggregate;
    if (aggregate.kind === "count") {
      value = count;
    } else if (aggregate.kind === "distinct") {
      const key = resolve(aggregate.column);
      const fallback = aggregate.fallback === undefined ? null : resolve(aggregate.fallback);
      if (key === null && fallback === null) {
        const names = aggregate.fallback ? `${aggregate.column}|${aggregate.fallback}` : aggregate.column;
        absent(names, { zh: "去重计数列", en: "distinct-count column" }, { zh: "结果为 0", en: "the figure is 0" });
      }
      const seen = new Set<string>();
      const main = key === null ? null : columnOf(store, key);
      const second = fallback === null ? null : columnOf(store, fallback);
      for (let u = 0; u < count; u++) {
        const i = used[u];
        let text = main === null ? "" : valueText(main[i]);
        if (text === "" && second !== null) text = valueText(second[i]);
        if (text !== "") seen.add(text);
      }
      value = seen.size;
    } else {
      const key = resolve(aggregate.column);
      if (key === null) absent(aggregate.column, { zh: "求和列", en: "sum column" }, { zh: "结果为 0", en: "the figure is 0" });
      let cents = 0;
      if (key !== null) {
        const amounts = columnOf(store, key);
        for (let u = 0; u < count; u++) {
          const n = numericValue(amounts[used[u]]);
          if (n !== null) cents += toCents(n);
        }
      }
      value = cents / 100;
    }

    // Where each used row is, then the cells the figure reads, one column at a time in the
    // definition's order: neither the reader's column order nor unread cells matter, and each
    // column's loop sees one key and mostly one type, which keeps it fast.
    const fingerprint = new Hasher().text(def.id).text(definitionText(def)).int(count);
    let cells = cellDigests.get(ledger);
    if (!cells) cellDigests.set(ledger, (cells = new CellDigests(rows, store)));
    if (selection.places === null) {
      selection.places = new Uint32Array(2);
      const h = new Hasher();
      cells.feedPlaces(h, used, count);
      h.lanesInto(selection.places, 0);
    }
    fingerprint.int(selection.places[0]).int(selection.places[1]);
    const missing = readKeys.filter((key) => !selection.columns.has(key));
    if (missing.length) {
      // Every column any figure reads on this selection, in one pass over its rows.
      const planned = plannedReads(ledger, spec, resolve).get(filterKey) ?? [];
      const keys = [...missing, ...planned.filter((k) => !missing.includes(k) && !selection.columns.has(k))];
      const hashers = keys.map(() => new Hasher());
      cells.feedColumns(hashers, keys, used, count);
      keys.forEach((key, j) => {
        const lanes = new Uint32Array(2);
        hashers[j].lanesInto(lanes, 0);
        selection.columns.set(key, lanes);
      });
    }
    for (const key of readKeys) {
      const column = selection.columns.get(key)!;
      fingerprint.text(key).int(column[0]).int(column[1]);
    }
    if (!everyDepartment) {
      fingerprint.text("部门");
      for (let u = 0; u < count; u++) fingerprint.value(rows[used[u]].department);
    }

    const chosen = selection;
    figures.push(
      withLazyRowRefs(
        {
          ...base,
          value,
          text: formatValue(value, def.format),
          rows: count,
          fingerprint: fingerprint.hex(),
          manual: false,
        },
        () => {
          if (chosen.refs === null) {
            let refs = rowRefs.get(ledger);
            if (!refs) rowRefs.set(ledger, (refs = new RowRefs(rows)));
            chosen.refs = refs.list(chosen.used);
          }
          // A copy each, so a caller editing one figure's list does not edit its neighbours'.
          return chosen.refs.slice();
        },
      ),
    );
  }
  return { figures, issues };
}
