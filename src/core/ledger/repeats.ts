// Records repeated in full, on a ledger without a key (学习记录, 活动记录, 人员, 队伍). A sheet copied
// with 移动或复制 → 建立副本 (`学习记录 (2)`) holds every record a second time, and nothing else tells:
// 电子保函's repeats show in its 保函编号, but a study session has no number. A record whose every value
// as read — folded as keys are (foldText), its department included, blank and absent alike — equals
// an earlier record's is a repeat of it. Both count (the reader cannot know which one is the mistake,
// as for a repeated key): the reader warns at the later row (read.ts), and figures counting both say
// they may be too large (figures/counted-twice.ts). Both ask this module, so they agree on every row.
//
// No string per row: each cell's digest (cellDigest of the folded text; a column's one value many
// rows running is digested once) is mixed into the row's 32 bits, and the rows go into one
// open-addressing table of row indexes. Rows are compared cell by cell only when their bits meet —
// a repeat, or a rare collision. A ledger with a key never comes here (its key says it).
// Measured on 100,000 学习记录 rows of six columns (in process, load 7–10 on 2 cores): 37–56 ms, where
// one signature string per row into a KeyIndex took 220–380 ms; `check` on such a file 1.29–1.68 s
// against main's 1.05–1.50 s (within the noise of that load).
import type { Cell, ColumnarLedger } from "./columnar";
import { foldText } from "./text";
import { quoteSheet } from "../address";
import { cellDigest } from "../hash";

const imul = Math.imul;

/**
 * For each record, the index of the first earlier record with the same values, or -1 (the first of
 * its values, or alone); null when no record repeats one.
 */
export function repeatedRecords(table: ColumnarLedger): Int32Array | null {
  const n = table.length;
  if (n < 2) return null;
  const columns: (readonly Cell[])[] = [table.departments, ...table.names.map((name) => table.column(name))];
  const hashes = new Int32Array(n);
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j];
    let last: Cell = undefined;
    let lastDigest = digestOf(undefined);
    for (let i = 0; i < n; i++) {
      const v = column[i];
      if (v !== last || typeof v === "number") {
        last = v;
        lastDigest = digestOf(v);
      }
      hashes[i] = imul(hashes[i] ^ lastDigest, 2654435761) ^ j;
    }
  }
  let size = 1024;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  let firstOf: Int32Array | null = null;
  for (let i = 0; i < n; i++) {
    const h = hashes[i];
    let slot = (h ^ (h >>> 16)) & mask;
    for (; ; slot = (slot + 1) & mask) {
      const k = slots[slot];
      if (k < 0) {
        slots[slot] = i;
        break;
      }
      if (hashes[k] === h && sameRecord(columns, k, i)) {
        firstOf ??= new Int32Array(n).fill(-1);
        firstOf[i] = k;
        break;
      }
    }
  }
  return firstOf;
}

/** A cell's digest as the comparison reads it: text folded, and a blank cell and an absent one alike. */
function digestOf(v: Cell): number {
  if (v === undefined || v === null) return cellDigest(null);
  return cellDigest(typeof v === "string" ? foldText(v) : v);
}

function sameRecord(columns: readonly (readonly Cell[])[], a: number, b: number): boolean {
  for (const column of columns) {
    const x = column[a];
    const y = column[b];
    if (x === y) continue;
    if ((x === null || x === undefined) && (y === null || y === undefined)) continue;
    if (typeof x === "string" && typeof y === "string" && foldText(x) === foldText(y)) continue;
    return false;
  }
  return true;
}

/**
 * Where a record is, as one cell: its row's left-most column the ledger read (`'学习记录 (2)'!B3`),
 * or the sheet and row (`学习记录!3`) for a record built by hand, which has no cells.
 */
export function recordCell(table: ColumnarLedger, i: number): string {
  const sheet = table.sheet(i);
  const row = table.rowNumber(i);
  const letters = table.sources[table.sourceIndex(i)].letters;
  const first = letters === null ? undefined : leftMost(Object.values(letters));
  return first === undefined ? `${quoteSheet(sheet)}!${row}` : `${quoteSheet(sheet)}!${first}${row}`;
}

/** The left-most of column letters (`B` before `AA`). */
export function leftMost(letters: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const l of letters) if (best === undefined || l.length < best.length || (l.length === best.length && l < best)) best = l;
  return best;
}
