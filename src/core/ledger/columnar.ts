// A ledger's records kept column by column: what the reader builds and what figures read.
//
// One values record per row costs, at 100,000 rows, 100,000 objects for the collector to trace,
// and every figure would read each cell through a keyed lookup on one of them. As columns, a
// figure's filter, sums and fingerprint walk plain arrays. The ledger's `rows` (the LedgerRow
// interface: the pane, JSON, tests) are made from these columns when first asked for, as frozen
// records: a row is a view of the columns, so changing it is refused rather than quietly ignored.
// A ledger built by hand (tests, a ledger that went through JSON) has no columns of its own; they
// are gathered from its rows (ColumnarLedger.fromRows), and the figures are the same either way.
import type { FieldValue, Ledger, LedgerRow } from "../types";
import { quoteSheet } from "../address";
import { cellDigest } from "../hash";

/** A cell of a column: undefined where the row's sheet has no such column, null where the cell is blank. */
export type Cell = FieldValue | undefined;
export type Column = readonly Cell[];

/** A sheet (or table) that gave the ledger rows. */
export interface RowSource {
  sheet: string;
  /** Column letters by column name (`保证金金额` → `G`); null for rows built by hand, which have no cells. */
  letters: Readonly<Record<string, string>> | null;
}

const NO_CELLS: Column = [];

export class ColumnarLedger {
  /** Column names, in the order a source first had them. */
  readonly names: string[] = [];
  /** data[j][i]: column names[j] of row i. */
  private readonly data: Cell[][] = [];
  /**
   * digests[j][i]: cellDigest(data[j][i]), written by the reader with the cell (see writeCell) —
   * while the cell's text is still in the processor's cache. Figures hashing the column later
   * fetch every string from memory again: on the 100,000-row bench (CPU ms, load ~8) the
   * fingerprints' column pass took 67–74 ms that way and 3–4 ms on the reader's digests, which
   * cost the reader ~10–20 ms; evaluateFigures went from ~160 to ~95 ms. Only the columns figures
   * read are digested so (readLedgers' `digest`). A column is complete only when every row wrote
   * its digest (digestRows); otherwise figures digest it themselves.
   */
  private digests: Int32Array[] = [];
  /** Per column, how many rows wrote their cell, and the last of them (rows are written in order). */
  private readonly digestRows: number[] = [];
  private readonly lastRow: number[] = [];
  /** Per column, the last value written and its digest: a column often holds one string many rows running. */
  private readonly lastValue: Cell[] = [];
  private readonly lastDigest: number[] = [];
  private readonly at = new Map<string, number>();
  readonly sources: RowSource[] = [];
  /** Per row: its source (index into sources), its Excel row number, its department. */
  private sourceIds = new Int32Array(0);
  private rowNumbers = new Int32Array(0);
  private departmentOf: (string | null)[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** The column of that name; a column no row has reads as blank (undefined) everywhere. */
  column(name: string): Column {
    const j = this.at.get(name);
    return j === undefined ? NO_CELLS : this.data[j];
  }

  has(name: string): boolean {
    return this.at.has(name);
  }

  /** Each row's 部门 (or the department its sheet names), else null. */
  get departments(): readonly (string | null)[] {
    return this.departmentOf;
  }

  sourceIndex(i: number): number {
    return this.sourceIds[i];
  }

  sheet(i: number): string {
    return this.sources[this.sourceIds[i]].sheet;
  }

  rowNumber(i: number): number {
    return this.rowNumbers[i];
  }

  /** Every row's Excel row number (rowNumber(i) for all i), to read only: figures hash a selection's places from it. */
  get rowNumberColumn(): Int32Array {
    return this.rowNumbers;
  }

  /** The address of row i's cell in that column (`电子保函!G12`); undefined for rows built by hand or a column its sheet lacks. */
  cellAddress(i: number, column: string): string | undefined {
    const source = this.sources[this.sourceIds[i]];
    const letter = source.letters?.[column];
    return letter === undefined ? undefined : `${quoteSheet(source.sheet)}!${letter}${this.rowNumbers[i]}`;
  }

  // ——— building (the reader; fromRows) ———

  addSource(sheet: string, letters: Readonly<Record<string, string>> | null): number {
    this.sources.push({ sheet, letters });
    return this.sources.length - 1;
  }

  /** The column's index, adding it — blank for every row so far — the first time a source has it. */
  columnIndex(name: string): number {
    let j = this.at.get(name);
    if (j === undefined) {
      j = this.names.length;
      this.names.push(name);
      const cells = new Array<Cell>(Math.max(this.count, this.capacity));
      this.data.push(cells);
      this.digests.push(new Int32Array(Math.max(this.count, this.capacity)));
      this.digestRows.push(0);
      this.lastRow.push(-1);
      this.lastValue.push(undefined);
      this.lastDigest.push(cellDigest(undefined));
      this.at.set(name, j);
    }
    return j;
  }

  private capacity = 0;

  /**
   * Room for `more` rows at once: pushing 100,000 values one by one regrows each column a dozen
   * times. The room left over is cut off by finish().
   */
  reserve(more: number): void {
    const want = this.count + more;
    if (want <= this.capacity) return;
    this.capacity = want;
    for (const cells of this.data) if (cells.length < want) cells.length = want;
    this.digests = this.digests.map((d) => grown(d, want));
    this.sourceIds = grown(this.sourceIds, want);
    this.rowNumbers = grown(this.rowNumbers, want);
    if (this.departmentOf.length < want) this.departmentOf.length = want;
  }

  /** The writable column j, for the reader to fill row by row. */
  cells(j: number): Cell[] {
    return this.data[j];
  }

  /** Writes row i's cell of column j, and its digest: the reader's way to fill a row. */
  writeCell(j: number, i: number, value: Cell): void {
    // Room first: a typed array drops a write past its end without a word.
    if (i >= this.capacity) this.reserve(Math.max(16, i + 1 - this.count, this.capacity));
    this.data[j][i] = value;
    // The same string as the row before (a date, 有效, a firm) is not hashed again; a number is
    // cheap to hash, and -0 === 0 would hide a difference.
    if (value !== this.lastValue[j] || typeof value === "number") {
      this.lastValue[j] = value;
      this.lastDigest[j] = cellDigest(value);
    }
    this.digests[j][i] = this.lastDigest[j];
    if (i > this.lastRow[j]) {
      this.lastRow[j] = i;
      this.digestRows[j]++;
    }
  }

  /** writeCell with the value's cellDigest already known (the reader works it out once per distinct text). */
  writeCellDigest(j: number, i: number, value: Cell, digest: number): void {
    if (i >= this.capacity) this.reserve(Math.max(16, i + 1 - this.count, this.capacity));
    this.data[j][i] = value;
    this.digests[j][i] = digest;
    if (i > this.lastRow[j]) {
      this.lastRow[j] = i;
      this.digestRows[j]++;
    }
  }

  /** cellDigest of every cell of the column, when the reader wrote them all; null otherwise. */
  digestsOf(name: string): Int32Array | null {
    const j = this.at.get(name);
    if (j === undefined || this.digestRows[j] !== this.count) return null;
    return this.digests[j];
  }

  /** Adds a row whose cells the caller has written (or will write) at index `length` before this call. */
  addRow(source: number, rowNumber: number, department: string | null): number {
    const i = this.count;
    if (i >= this.capacity) this.reserve(Math.max(16, this.capacity));
    this.sourceIds[i] = source;
    this.rowNumbers[i] = rowNumber;
    this.departmentOf[i] = department;
    this.count = i + 1;
    return i;
  }

  /** Cuts the reserved room past the last row. */
  finish(): this {
    const n = this.count;
    for (const cells of this.data) cells.length = n;
    this.digests = this.digests.map((d) => (d.length === n ? d : d.slice(0, n)));
    this.departmentOf.length = n;
    this.sourceIds = this.sourceIds.slice(0, n);
    this.rowNumbers = this.rowNumbers.slice(0, n);
    this.capacity = n;
    return this;
  }

  /**
   * The rows as the LedgerRow interface has them, each record frozen (a view of the columns):
   * only the columns its sheet has, blank cells as null.
   */
  toRows(): LedgerRow[] {
    const n = this.count;
    const rows = new Array<LedgerRow>(n);
    const { names, data } = this;
    for (let i = 0; i < n; i++) {
      const values: Record<string, FieldValue> = {};
      for (let j = 0; j < names.length; j++) {
        const v = data[j][i];
        if (v !== undefined) values[names[j]] = v;
      }
      const source = this.sources[this.sourceIds[i]];
      const row: LedgerRow = {
        sheet: source.sheet,
        row: this.rowNumbers[i],
        values: Object.freeze(values),
        department: this.departmentOf[i],
      };
      if (source.letters !== null) row.columns = source.letters;
      rows[i] = row;
    }
    return rows;
  }

  /** The columns of rows built by hand: one source per sheet (or per shared letters record), values gathered from the records. */
  static fromRows(rows: readonly LedgerRow[]): ColumnarLedger {
    const out = new ColumnarLedger();
    const n = rows.length;
    out.reserve(n);
    const sourceOf = new Map<object | string, number>();
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      const key: object | string = row.columns ?? `\u0000${row.sheet}`;
      let source = sourceOf.get(key);
      if (source === undefined) sourceOf.set(key, (source = out.addSource(row.sheet, row.columns ?? null)));
      const values = row.values;
      for (const name of Object.keys(values)) out.data[out.columnIndex(name)][i] = values[name];
      out.addRow(source, row.row, row.department);
    }
    return out.finish();
  }
}

function grown(a: Int32Array, size: number): Int32Array {
  if (a.length >= size) return a;
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/**
 * The columns figures read for a ledger: the reader's own, while the ledger's rows are the ones it
 * read; gathered from the rows otherwise (built by hand, or a rows list replaced).
 */
export function columnarOf(ledger: Ledger): ColumnarLedger {
  return ledger.columnar ?? ColumnarLedger.fromRows(ledger.rows);
}

/**
 * A ledger whose records are `columnar`: `rows` is made from the columns when first read (the
 * command line's Generate never reads it), and `columnar` stands for the ledger until someone
 * gives it another rows list. Both are own properties — rows enumerable, so JSON and structured
 * clones carry the rows; columnar not, so a copy is a ledger built by hand and gathers its own.
 */
export function columnarLedger(fields: Omit<Ledger, "rows" | "columnar">, columnar: ColumnarLedger): Ledger {
  let rows: LedgerRow[] | null = null;
  let own = true;
  const ledger = { name: fields.name, sources: fields.sources, columns: fields.columns } as Ledger;
  Object.defineProperty(ledger, "rows", {
    enumerable: true,
    configurable: true,
    get: () => (rows ??= columnar.toRows()),
    set: (value: LedgerRow[]) => {
      rows = value;
      own = false;
    },
  });
  ledger.excluded = fields.excluded;
  if (fields.missingColumns !== undefined) ledger.missingColumns = fields.missingColumns;
  Object.defineProperty(ledger, "columnar", { enumerable: false, configurable: true, get: () => (own ? columnar : undefined) });
  return ledger;
}
