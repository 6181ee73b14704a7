// A ledger's values kept column by column. The reader used to build one values record per row —
// at 100,000 rows that is 100,000 objects for the collector to copy, and every figure then read
// each cell through a keyed lookup on one of them. Kept as columns, a figure's filter, sums and
// fingerprint walk plain arrays, and a row's `values` record is made only if someone asks for it
// (the pane, a test). Rows built by hand (tests, the simulated hosts) have no store: their columns
// are gathered from their records when a figure needs them.
import type { FieldValue, Ledger, LedgerRow } from "../types";

/** Column i of `data` holds names[i] for every row: data[i][r] is ledger.rows[r]'s value, undefined where its source lacks the column. */
export interface LedgerColumns {
  names: string[];
  data: (FieldValue | undefined)[][];
  /** names → index into data. */
  index: Map<string, number>;
}

export function newColumns(): LedgerColumns {
  return { names: [], data: [], index: new Map() };
}

/** The column's index, adding it (blank for every row so far) the first time a source has it. */
export function columnIndex(store: LedgerColumns, name: string, rowCount: number): number {
  let at = store.index.get(name);
  if (at === undefined) {
    at = store.names.length;
    store.names.push(name);
    store.data.push(new Array<FieldValue | undefined>(rowCount).fill(undefined));
    store.index.set(name, at);
  }
  return at;
}

const STORE = Symbol("ledger columns");
const AT = Symbol("row index");

/**
 * A row read from a sheet: its place and department as fields, its values in the ledger's columns.
 * `values` is built on first read — and from then on the record is the truth, since a caller may
 * change it — so the store stops speaking for the ledger (see ledgerColumns).
 */
export class StoredRow implements LedgerRow {
  [STORE]: { columns: LedgerColumns; touched: boolean };
  [AT]: number;

  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly department: string | null,
    readonly columns: Readonly<Record<string, string>> | undefined,
    store: { columns: LedgerColumns; touched: boolean },
    at: number,
  ) {
    this[STORE] = store;
    this[AT] = at;
  }

  get values(): Record<string, FieldValue> {
    const store = this[STORE];
    store.touched = true;
    const { names, data } = store.columns;
    const at = this[AT];
    const values: Record<string, FieldValue> = {};
    for (let j = 0; j < names.length; j++) {
      const v = data[j][at];
      if (v !== undefined) values[names[j]] = v;
    }
    Object.defineProperty(this, "values", { value: values, writable: true, enumerable: true, configurable: true });
    return values;
  }

  set values(values: Record<string, FieldValue>) {
    this[STORE].touched = true;
    Object.defineProperty(this, "values", { value: values, writable: true, enumerable: true, configurable: true });
  }

  /** What JSON.stringify sees is the LedgerRow interface, values included, whether or not read yet. */
  toJSON(): LedgerRow {
    const out: LedgerRow = { sheet: this.sheet, row: this.row, values: this.values, department: this.department };
    if (this.columns !== undefined) out.columns = this.columns;
    return out;
  }
}

/** The store shared by a reader-built ledger's rows, with the rows array it was made for. */
const READ = new WeakMap<Ledger, { rows: LedgerRow[]; store: { columns: LedgerColumns; touched: boolean } }>();

export function rememberColumns(ledger: Ledger, store: { columns: LedgerColumns; touched: boolean }): void {
  READ.set(ledger, { rows: ledger.rows, store });
}

/**
 * The ledger's values by column: the reader's own store while nobody has read or replaced a row's
 * record or the rows list, else gathered from the rows' records (each call afresh: records may
 * change between calls).
 */
export function ledgerColumns(ledger: Ledger): LedgerColumns {
  const read = READ.get(ledger);
  if (read && !read.store.touched && read.rows === ledger.rows && read.store.columns.data.every((c) => c.length === ledger.rows.length)) {
    return read.store.columns;
  }
  return gather(ledger.rows);
}

function gather(rows: LedgerRow[]): LedgerColumns {
  const store = newColumns();
  const n = rows.length;
  for (let r = 0; r < n; r++) {
    const values = rows[r].values;
    for (const name of Object.keys(values)) {
      const at = columnIndex(store, name, n);
      store.data[at][r] = values[name];
    }
  }
  return store;
}
