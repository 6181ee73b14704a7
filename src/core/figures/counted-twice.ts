// Figures that count one key twice — or, on a ledger without a key (学习记录, 人员), one record
// repeated in full (ledger/repeats.ts). LEDGERS.md: a key column (保函编号, 单位名称) seen again is a
// warning and both rows count — the reader cannot tell which of the two is the clerk's mistake. A
// hidden copy of a sheet (`电子保函 (2)`) then doubles 电子保函笔数 and the amount. The cell warnings
// say so, but the figure itself must too: it is marked `rowsCountedTwice` ("may be too many"), the
// way rowsLeftOut marks one that may be short, with the cells of the repeated rows.
//
// Only by the rows the figure really counted: a repeated key in 2021 does not mark the 2022 figures,
// nor a 撤销 one the figures that leave 撤销 out. A figure's rows are known exactly (rowRefs), so
// a row is "counted twice" when an earlier row of the same key is counted by that figure too. A
// 去重计数 (distinct) figure counts each value once, so a repeated row does not raise it: not marked.
import type { FigureDefinition, FigureResult, LedgerSet } from "../types";
import { ledgerSpec } from "../ledger/schema";
import { columnarOf, type ColumnarLedger } from "../ledger/columnar";
import { recordCell, repeatedRecords } from "../ledger/repeats";
import { keyText } from "../ledger/text";
import { quoteSheet } from "../address";

/** How many of a figure's rows repeat a key an earlier counted row has, and the first cells of them. */
export interface RowsCountedTwice {
  count: number;
  cells: string[];
}

const CELLS_SHOWN = 3;

/** A repeated row of a ledger: where it is, and the key group it belongs to (rows in reading order). */
interface KeyedRow {
  place: string;
  group: number;
  cell: string;
}

/**
 * Each counted figure of a ledger whose key column repeats, marked with `rowsCountedTwice` when it
 * counts two or more rows of one key; others unchanged (the same objects).
 */
export function markRowsCountedTwice(
  figures: FigureResult[],
  ledgers: LedgerSet,
  definitions: readonly FigureDefinition[] = [],
): FigureResult[] {
  const byLedger = new Map<string, Map<string, KeyedRow>>();
  // The reader warns at every repeated key (key.duplicate) and every record repeated in full on a
  // ledger without a key (row.repeated): a ledger it read without one has none, and its 100,000
  // rows are not looked at again. A ledger built by hand has no such warnings: looked at.
  const warned = new Set(ledgers.issues.filter((i) => i.code === "key.duplicate" || i.code === "row.repeated").map((i) => i.ledger));
  for (const [name, ledger] of Object.entries(ledgers.ledgers)) {
    if (!ledger || (ledger.columnar !== undefined && !warned.has(name))) continue;
    const key = ledgerSpec(ledger.name).columns.find((c) => c.unique)?.name;
    const table = columnarOf(ledger);
    const repeated = key === undefined ? repeatedInFull(table) : repeatedKeys(table, key);
    if (repeated.size > 0) byLedger.set(name, repeated);
  }
  if (byLedger.size === 0) return figures;
  const defs = new Map(definitions.map((d) => [d.id, d]));
  return figures.map((f) => {
    const repeated = f.ledger !== null && !f.unresolved && !f.manual ? byLedger.get(f.ledger) : undefined;
    if (!repeated) return f;
    const def = defs.get(f.id);
    if (def && def.ledger === f.ledger && def.aggregate.kind === "distinct") return f;
    const seen = new Set<number>();
    const cells: string[] = [];
    let count = 0;
    for (const ref of f.rowRefs) {
      const row = repeated.get(placeOf(ref.sheet, ref.row));
      if (row === undefined) continue;
      if (!seen.has(row.group)) {
        seen.add(row.group);
        continue;
      }
      count++;
      if (cells.length < CELLS_SHOWN) cells.push(row.cell);
    }
    return count === 0 ? f : { ...f, rowsCountedTwice: { count, cells } };
  });
}

function placeOf(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}

/** The rows whose key another row of the ledger has too (keys folded as the reader's checkUnique folds them), by place. */
function repeatedKeys(table: ColumnarLedger, key: string): Map<string, KeyedRow> {
  const column = table.column(key);
  const first = new Map<string, number>();
  const groups = new Map<string, number[]>();
  for (let i = 0; i < table.length; i++) {
    const v = column[i];
    if (typeof v !== "string" || v === "") continue;
    const folded = keyText(v);
    if (folded === "") continue;
    const at = first.get(folded);
    if (at === undefined) {
      first.set(folded, i);
      continue;
    }
    let group = groups.get(folded);
    if (!group) groups.set(folded, (group = [at]));
    group.push(i);
  }
  return byPlace(table, groups.values(), (i) => table.cellAddress(i, key) ?? `${quoteSheet(table.sheet(i))}!${table.rowNumber(i)}`);
}

/** On a ledger without a key, the rows whose every value another row has too (ledger/repeats.ts, as the reader's row.repeated), by place. */
function repeatedInFull(table: ColumnarLedger): Map<string, KeyedRow> {
  const firstOf = repeatedRecords(table);
  if (firstOf === null) return new Map();
  const groups = new Map<number, number[]>();
  for (let i = 0; i < firstOf.length; i++) {
    const at = firstOf[i];
    if (at < 0) continue;
    let group = groups.get(at);
    if (!group) groups.set(at, (group = [at]));
    group.push(i);
  }
  return byPlace(table, groups.values(), (i) => recordCell(table, i));
}

/** Each row of each group (rows in reading order) by its place, with its group and the cell that names it. */
function byPlace(table: ColumnarLedger, groups: Iterable<number[]>, cellOf: (i: number) => string): Map<string, KeyedRow> {
  const out = new Map<string, KeyedRow>();
  let g = 0;
  for (const rows of groups) {
    for (const i of rows) {
      const place = placeOf(table.sheet(i), table.rowNumber(i));
      out.set(place, { place, group: g, cell: cellOf(i) });
    }
    g++;
  }
  return out;
}
