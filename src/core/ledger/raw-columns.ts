// A raw table's cells column by column, each cell a kind and a number: what the ledger reader reads.
//
// The .xlsx reader used to build one array per sheet row and put each cell's string in it: on the
// 100,000-row bench that was 100,000 arrays and a million string pointers for the collector to
// copy (scavenges ~70–100 ms of the task), and the reader then touched every cell's string again
// to trim, check and digest it. Here a text cell is the index of its string in a table of
// distinct strings (the workbook's shared strings, or the strings of an Office.js `values` array),
// so whatever depends only on the text is worked out once per string (the ledger reader's caches),
// and a row is only a position in the columns' typed arrays.
//
// There is one way from a 2-D `values` array (Office.js, tests, the worker's tables) to this form:
// CellColumns.fromRows (through tableColumns). `rows()` gives the 2-D form back, cell for cell.
import type { RawCell, RawTable } from "../types";

/** A cell's kind. */
export const BLANK = 0;
export const NUMBER = 1;
/** Text: its payload is its index into `strings`. */
export const TEXT = 2;
/** Anything else (a boolean, text not in `strings`): its payload is its index into `others`. */
export const OTHER = 3;

export class CellColumns {
  constructor(
    /** Kinds, column after column: the cell (r, c) of the view is at (col0 + c) * stride + row0 + r. */
    readonly kinds: Uint8Array,
    /** The number, or the index into strings/others, at the same place. */
    readonly payload: Float64Array,
    readonly stride: number,
    readonly row0: number,
    readonly col0: number,
    readonly height: number,
    readonly width: number,
    /** Text cells' strings; never null or "" where a cell points. */
    readonly strings: readonly (string | null)[],
    readonly others: readonly RawCell[],
  ) {}

  /** Where cell (r, c) is in kinds and payload. */
  at(r: number, c: number): number {
    return (this.col0 + c) * this.stride + this.row0 + r;
  }

  /** The cell as `Range.values` would give it ("" when blank or outside). */
  cell(r: number, c: number): RawCell {
    if (r < 0 || c < 0 || r >= this.height || c >= this.width) return "";
    const i = (this.col0 + c) * this.stride + this.row0 + r;
    switch (this.kinds[i]) {
      case NUMBER:
        return this.payload[i];
      case TEXT:
        return this.strings[this.payload[i] | 0] ?? "";
      case OTHER:
        return this.others[this.payload[i] | 0];
      default:
        return "";
    }
  }

  /** Rows from..to-1 and columns left..left+width-1 of this view, as a view of the same arrays. */
  view(top: number, left: number, height: number, width: number): CellColumns {
    return new CellColumns(
      this.kinds,
      this.payload,
      this.stride,
      this.row0 + top,
      this.col0 + left,
      Math.max(0, height),
      Math.max(0, width),
      this.strings,
      this.others,
    );
  }

  /** The 2-D form, blanks as "": for whoever reads a table row by row (settings, tests, the worker). */
  rows(): RawCell[][] {
    const out: RawCell[][] = new Array(this.height);
    for (let r = 0; r < this.height; r++) {
      const row: RawCell[] = new Array(this.width);
      for (let c = 0; c < this.width; c++) row[c] = this.cell(r, c);
      out[r] = row;
    }
    return out;
  }

  /**
   * The columnar form of a 2-D `values` array (Office.js `Range.values`, a table built by hand):
   * as wide as its widest row, a missing cell blank. Equal strings share one index, so the reader
   * works on each distinct text once, as it does on a file's shared strings.
   */
  static fromRows(values: readonly (readonly unknown[] | null | undefined)[]): CellColumns {
    const rows = Array.isArray(values) ? values : [];
    const height = rows.length;
    let width = 0;
    for (let r = 0; r < height; r++) {
      const row = rows[r];
      if (Array.isArray(row) && row.length > width) width = row.length;
    }
    const kinds = new Uint8Array(height * width);
    const payload = new Float64Array(height * width);
    const strings: string[] = [];
    const others: RawCell[] = [];
    const index = new Map<string, number>();
    for (let r = 0; r < height; r++) {
      const row = rows[r];
      if (!Array.isArray(row)) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        const i = c * height + r;
        if (typeof v === "number") {
          kinds[i] = NUMBER;
          payload[i] = v;
        } else if (typeof v === "string") {
          if (v === "") continue;
          let s = index.get(v);
          if (s === undefined) {
            s = strings.length;
            strings.push(v);
            index.set(v, s);
          }
          kinds[i] = TEXT;
          payload[i] = s;
        } else if (v !== null && v !== undefined) {
          kinds[i] = OTHER;
          payload[i] = others.length;
          others.push(v as RawCell);
        }
      }
    }
    return new CellColumns(kinds, payload, height, 0, 0, height, width, strings, others);
  }
}

/**
 * A table's cells as columns: the source's own (the .xlsx reader's) when it has them, else made
 * from its `values` — the one way every source's table reaches the ledger reader.
 */
export function tableColumns(table: RawTable): CellColumns {
  return table.columns ?? CellColumns.fromRows(Array.isArray(table.values) ? table.values : []);
}

/**
 * Gives `table` its columns, with `values` made from them only when someone reads it (the settings
 * and definitions readers do, on their small tables; the ledger reader does not). Once `values`
 * has been read it is the table — whoever read it may change it — and the columns are dropped, so
 * they can never say something the values no longer do. `columns` is not enumerable: a copy made
 * by spreading (`{ ...table, values: edited }`) or a structured clone is a table of values alone.
 */
export function withColumns<T extends Omit<RawTable, "values" | "columns">>(table: T, columns: CellColumns): T & RawTable {
  let rows: RawCell[][] | null = null;
  const drop = () => Object.defineProperty(table, "columns", { value: undefined, enumerable: false, configurable: true, writable: true });
  Object.defineProperty(table, "values", {
    enumerable: true,
    configurable: true,
    get: () => {
      if (rows === null) {
        rows = columns.rows();
        drop();
      }
      return rows;
    },
    set: (v: RawCell[][]) => {
      rows = v;
      drop();
    },
  });
  Object.defineProperty(table, "columns", { value: columns, enumerable: false, configurable: true, writable: true });
  return table as T & RawTable;
}

/** `target[key]` made from the columns when first read: a region's values, an .xlsx sheet's cells. */
export function lazyRows<T extends object, K extends string>(target: T, key: K, columns: CellColumns): T & Record<K, RawCell[][]> {
  let rows: RawCell[][] | null = null;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => (rows ??= columns.rows()),
    set: (v: RawCell[][]) => {
      rows = v;
    },
  });
  return target as T & Record<K, RawCell[][]>;
}
