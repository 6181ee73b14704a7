// Table figures: `分组计数:<分组列>` and `分组求和:<求和列>:<分组列>`, optionally `:前N`. The rows are
// chosen exactly as for any figure (conditions, 区间, scope, the status rules — evaluate.ts does
// that); this module only splits the chosen rows by the group column and lays out the table.
//
// The rules a clerk can rely on:
// - every chosen row is in exactly one table row, so the exact group amounts always add up to 合计;
// - a blank group value is its own row, 未填, never dropped and never merged into 其他: a clerk
//   sees at once that some records lack it (and where, through 查看来源);
// - rows are ordered largest first, equal values by the group's name; 未填 and then 其他 (the
//   groups past 前N, summed) come last;
// - every amount and every 占比 is rounded on its own, half up, exactly as a plain figure with
//   that 格式 shows it (合计 is the figure's plain value; 占比 has one decimal place). A shown value
//   is never moved to force a sum: where the shown parts do not add up to the shown 合计 (amounts)
//   or to 100.0% (shares), the table carries the rounding note (ROUNDING_NOTE), written under the
//   table inside the same control, so a refresh adds or removes it with the numbers. 合计 shows
//   100.0%. With a 合计 of 0 — or a sum with negative amounts, where a share means nothing — every
//   占比 is “—”.
import type { Aggregate, FigureDefinition, FigureResult, FigureTable, FormatKind, Grouping } from "../types";
import { formatValue } from "../format";

/** The row a blank group value is counted in. */
export const BLANK_GROUP = "未填";
/** The row the groups past 前N are summed into. */
export const OTHER_GROUP = "其他";
/** 占比 where a share cannot be given (合计 0, or negative amounts). */
export const NO_SHARE = "—";
/**
 * The line under a table whose shown parts do not add up to its shown 合计 or 100.0% because each
 * was rounded on its own. The report is Chinese; an English report would say
 * "Note: parts may not add up to the total because of rounding." (ROUNDING_NOTE_EN).
 */
export const ROUNDING_NOTE = "注：因四舍五入，分项之和与合计略有出入。";
export const ROUNDING_NOTE_EN = "Note: parts may not add up to the total because of rounding.";

/** The grouping of a definition, when it is a table figure. */
export function groupingOf(aggregate: Aggregate): Grouping | null {
  return aggregate.kind !== "distinct" && aggregate.group ? aggregate.group : null;
}

/**
 * The value of the table figure over the chosen rows: `groupOf(i)` is row i's group value as text
 * ("" when blank), `amountCents(i)` its amount in whole cents for a sum (null for a count).
 */
export function groupTable(
  def: Pick<FigureDefinition, "aggregate" | "format">,
  used: ArrayLike<number>,
  groupOf: (i: number) => string,
  amountCents: ((i: number) => number) | null,
): FigureTable {
  const grouping = groupingOf(def.aggregate);
  if (!grouping) throw new Error("groupTable: not a table figure");
  // Whole units (rows or cents) while adding, so the 合计 is exact.
  const totals = new Map<string, number>();
  let total = 0;
  for (let u = 0; u < used.length; u++) {
    const i = used[u];
    const group = groupOf(i);
    const amount = amountCents === null ? 1 : amountCents(i);
    totals.set(group, (totals.get(group) ?? 0) + amount);
    total += amount;
  }
  const scale = amountCents === null ? 1 : 100;
  const named = [...totals.entries()]
    .filter(([g]) => g !== "")
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "zh-CN") || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const rows: { group: string; units: number; kind?: "blank" | "other" }[] = [];
  const top = grouping.top;
  const shown = top !== undefined && named.length > top ? named.slice(0, top) : named;
  for (const [group, units] of shown) rows.push({ group, units });
  const blank = totals.get("");
  if (blank !== undefined) rows.push({ group: BLANK_GROUP, units: blank, kind: "blank" });
  if (shown.length < named.length)
    rows.push({ group: OTHER_GROUP, units: named.slice(shown.length).reduce((s, [, u]) => s + u, 0), kind: "other" });

  const shares = shareTexts(
    rows.map((r) => r.units),
    total,
  );
  const format: FormatKind = def.format;
  const table: FigureTable = {
    header: tableHeader(def.aggregate, grouping, format),
    rows: rows.map((r, k) => {
      const value = r.units / scale;
      const row: FigureTable["rows"][number] = { group: r.group, value, text: formatValue(value, format), share: shares[k] };
      if (r.kind) row.kind = r.kind;
      return row;
    }),
    total: {
      value: total / scale,
      text: formatValue(total / scale, format),
      share: total > 0 && shares[0] !== NO_SHARE ? "100.0%" : NO_SHARE,
    },
  };
  if (!shownPartsAddUp(table)) table.note = ROUNDING_NOTE;
  return table;
}

/**
 * A shown number as whole units of its last digit (`0.13` → 13, `1,200余` → 1200): the texts of one
 * table share one 格式, so their units are the same size. Null for text that is no number.
 */
function shownUnits(text: string): number | null {
  const t = text.replace(/[,，余]/g, "");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t.replace(".", "")) : null;
}

/**
 * Whether the table as shown adds up: the parts' amounts to the shown 合计, and the parts' 占比 to
 * 100.0% (when shares are given). Decided on the shown texts — what a reader adds up.
 */
export function shownPartsAddUp(table: FigureTable): boolean {
  if (table.rows.length === 0) return true;
  const parts = table.rows.map((r) => shownUnits(r.text));
  const total = shownUnits(table.total.text);
  if (total !== null && parts.every((p) => p !== null) && parts.reduce((s: number, p) => s + p!, 0) !== total) return false;
  if (table.total.share === NO_SHARE) return true;
  const shares = table.rows.map((r) => shownUnits(r.share.replace("%", "")));
  return shares.some((p) => p === null) || shares.reduce((s: number, p) => s + p!, 0) === 1000;
}

/** 分组列 / 数量 or 金额 (with the unit the format gives) / 占比. */
function tableHeader(aggregate: Aggregate, grouping: Grouping, format: FormatKind): string[] {
  const unit = format === "wan" ? "（万元）" : format === "yi" ? "（亿元）" : aggregate.kind === "sum" ? "（元）" : "";
  return [grouping.column, (aggregate.kind === "sum" ? "金额" : "数量") + unit, "占比"];
}

/**
 * Each part's share of the whole, one decimal place, each rounded on its own half up (2/7 → 28.6%),
 * from whole units (rows or cents) so no float error moves a half; “—” for all when none can be given.
 */
export function shareTexts(parts: number[], whole: number): string[] {
  if (whole <= 0 || parts.some((p) => p < 0)) return parts.map(() => NO_SHARE);
  const w = BigInt(Math.round(whole));
  return parts.map((p) => {
    // tenths = round(p × 1000 / whole), half up: floor((2·p·1000 + whole) / (2·whole)).
    const tenths = Number((2n * BigInt(Math.round(p)) * 1000n + w) / (2n * w));
    return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
  });
}

/** Every cell of the table as shown: header, group rows, 合计. */
export function tableCells(table: FigureTable): string[][] {
  return [table.header, ...table.rows.map((r) => [r.group, r.text, r.share]), ["合计", table.total.text, table.total.share]];
}

/**
 * The text of a table figure: every cell, row by row, one per line, then its rounding note when it
 * has one — what a reader of its control sees (a paragraph per cell, the note's paragraph under the
 * table), and so what a refresh records and compares to find a hand edit: an untouched table with
 * its note is no edit, a clerk's change to the note is one.
 */
export function tableText(table: FigureTable): string {
  const cells = tableCells(table)
    .map((row) => row.join("\n"))
    .join("\n");
  return table.note ? `${cells}\n${table.note}` : cells;
}

/**
 * Marks every table figure among the results: one the ledgers could not support gets `table: null`,
 * so the report still gives it a block of its own (a table can replace its placeholder later).
 */
export function markTableFigures(defs: FigureDefinition[], figures: FigureResult[]): FigureResult[] {
  const tables = new Set(defs.filter((d) => groupingOf(d.aggregate) !== null).map((d) => d.id));
  for (const f of figures) if (tables.has(f.id) && f.table === undefined) f.table = null;
  return figures;
}

/** One difference between two states of a table figure, by group (row) and column. */
export type TableChange =
  | { kind: "changed"; group: string; column: string; old: string; new: string }
  | { kind: "added"; group: string; cells: string[] }
  | { kind: "removed"; group: string; cells: string[] };

/**
 * A table figure's text (tableText: every cell, one per line, maybe a note line) back as rows of
 * `width` cells, the note left out; null when it is not one.
 */
export function cellsOfTableText(text: string, width = 3): string[][] | null {
  return splitTableText(text, width)?.rows ?? null;
}

/** A table figure's text as its rows of cells and the note line under them (absent when none); null when it is not one. */
export function splitTableText(text: string, width = 3): { rows: string[][]; note?: string } | null {
  let cells = text.split("\n");
  let note: string | undefined;
  if (cells.length % width === 1 && cells.length > width * 2) {
    note = cells[cells.length - 1];
    cells = cells.slice(0, -1);
  }
  if (cells.length < width * 2 || cells.length % width !== 0) return null;
  const rows: string[][] = [];
  for (let k = 0; k < cells.length; k += width) rows.push(cells.slice(k, k + width));
  return note === undefined ? { rows } : { rows, note };
}

/**
 * What a refresh changes in a table figure, said by group and column (`甲银行 数量 2 → 3`), groups
 * that appear or go, in the new table's order; null when either text is not a table's (a 待补
 * placeholder, a hand edit), so the caller says old → new as for any figure.
 */
export function tableChanges(oldText: string, newText: string): TableChange[] | null {
  const before = cellsOfTableText(oldText);
  const after = cellsOfTableText(newText);
  if (!before || !after) return null;
  const header = after[0];
  const changes: TableChange[] = [];
  // A renamed column (the 分组列 or the unit) is said once, as the header's change.
  header.forEach((cell, k) => {
    if (before[0][k] !== cell)
      changes.push({ kind: "changed", group: "表头", column: before[0][k] ?? "", old: before[0][k] ?? "", new: cell });
  });
  const old = new Map(before.slice(1).map((row) => [row[0], row]));
  const seen = new Set<string>();
  for (const row of after.slice(1)) {
    seen.add(row[0]);
    const was = old.get(row[0]);
    if (!was) {
      changes.push({ kind: "added", group: row[0], cells: row.slice(1) });
      continue;
    }
    for (let k = 1; k < row.length; k++)
      if (was[k] !== row[k]) changes.push({ kind: "changed", group: row[0], column: header[k], old: was[k], new: row[k] });
  }
  for (const row of before.slice(1)) if (!seen.has(row[0])) changes.push({ kind: "removed", group: row[0], cells: row.slice(1) });
  return changes;
}

/**
 * A table as its text shows it (tableText), for writing it again as shown: the values are not
 * known from text and are 0 (only the cells are written); null when the text is not a table's.
 */
export function tableOfText(text: string): FigureTable | null {
  const split = splitTableText(text);
  if (!split || split.rows.length < 2) return null;
  const { rows, note } = split;
  const total = rows[rows.length - 1];
  const table: FigureTable = {
    header: rows[0],
    rows: rows.slice(1, -1).map(([group, cell, share]) => ({ group, value: 0, text: cell, share })),
    total: { value: 0, text: total[1], share: total[2] },
  };
  if (note !== undefined) table.note = note;
  return table;
}
