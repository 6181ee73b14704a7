// Records repeated in full, on a ledger without a key (学习记录, 活动记录, 人员, 队伍). A sheet copied
// with 移动或复制 → 建立副本 (`学习记录 (2)`) holds every record a second time, and nothing else tells:
// 电子保函's repeats show in its 保函编号, but a study session has no number. A record whose every value
// as read — folded as keys are (foldText), its department included, blank and absent alike — equals
// an earlier record's is a repeat of it. Both count (the reader cannot know which one is the mistake,
// as for a repeated key): the reader warns at the later row (read.ts), and figures counting both say
// they may be too large (figures/counted-twice.ts). Both ask this module, so they agree on every row.
//
// One string and one hash-table probe per row (KeyIndex): a ledger with a key never comes here.
import type { ColumnarLedger } from "./columnar";
import { KeyIndex } from "./key-index";
import { foldText } from "./text";
import { quoteSheet } from "../address";

// Between cells, and before each cell's kind: no text a clerk types holds these.
const CELL = "\u0001";
const TEXT = "\u0002";
const NUMBER = "\u0003";
const OTHER = "\u0004";

/**
 * For each record, the index of the first earlier record with the same values, or -1 (the first of
 * its values, or alone); null when no record repeats one.
 */
export function repeatedRecords(table: ColumnarLedger): Int32Array | null {
  const n = table.length;
  if (n < 2) return null;
  const columns = table.names.map((name) => table.column(name));
  const departments = table.departments;
  const seen = new KeyIndex(n);
  let firstOf: Int32Array | null = null;
  for (let i = 0; i < n; i++) {
    let signature = departments[i] === null ? "" : TEXT + foldText(departments[i]!);
    for (let j = 0; j < columns.length; j++) {
      const v = columns[j][i];
      signature += CELL;
      // A blank cell and a column the row's sheet lacks read alike: nothing.
      if (v === null || v === undefined) continue;
      if (typeof v === "string") signature += TEXT + foldText(v);
      else if (typeof v === "number") signature += NUMBER + v;
      else signature += OTHER + String(v);
    }
    const first = seen.firstOrAdd(signature, i);
    if (first === undefined) continue;
    firstOf ??= new Int32Array(n).fill(-1);
    firstOf[i] = first;
  }
  return firstOf;
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
