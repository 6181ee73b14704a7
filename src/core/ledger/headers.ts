// Which header cell is which ledger column, and — when a required column is not there — which
// header it probably is. A wrong binding is a silent wrong number (`保证金（万元）`, rounded, read as
// 保证金金额), so the rules are strict: the clerk's 列名对照 first, then the exact name, then an
// alias; a unit in brackets is part of the match; two candidates never both bind, and the one not
// used is named.
import type { Ledger, LedgerName } from "../types";
import { HEADER_SYNONYMS, type ColumnSpec, type LedgerSpec } from "./schema";
import { foldHeader, headerUnit } from "./text";
import { mappingMatches, type ColumnMapping } from "./mapping";

/** How strongly a header names a column; higher wins when two headers name the same one. */
export const MatchRank = {
  /** An alias, with the column's own unit or none. */
  Alias: 1,
  /** The column's name with a money unit that scales (`保证金金额（万元）`). */
  Scaled: 2,
  /** The column's name, with its own unit or none. */
  Exact: 3,
  /** A row of 列名对照. */
  Mapped: 4,
} as const;
export type MatchRankValue = (typeof MatchRank)[keyof typeof MatchRank];

export interface HeaderMatch {
  column: ColumnSpec;
  rank: MatchRankValue;
  /** Power of ten the header's unit asks for (`（万元）` → 4) on money columns. */
  power: number;
  /** The 列名对照 row that bound it. */
  mapping?: ColumnMapping;
}

/** A name or alias this header spells, refused because its unit says it is another quantity. */
export interface UnitRefusal {
  column: ColumnSpec;
  unit: string;
}

type UnitRelation = { kind: "same" | "scaled" | "contradicts"; power: number };

const SCALED_UNITS: Record<string, number> = { 万元: 4, 万: 4, 亿元: 8, 亿: 8 };

/**
 * What a header's unit says about a column: money has its unit (元) or a scaled one (万元, 亿元);
 * any other unit on a money column is another quantity. Units on other columns (`参加人数（人）`)
 * are the clerk's note and are not compared.
 */
export function unitRelation(column: ColumnSpec, unit: string): UnitRelation {
  if (unit === "" || column.type !== "money") return { kind: "same", power: 0 };
  if (unit === (column.unit ?? "元")) return { kind: "same", power: 0 };
  const power = SCALED_UNITS[unit];
  return power !== undefined ? { kind: "scaled", power } : { kind: "contradicts", power: 0 };
}

function fold(s: string): string {
  return foldHeader(s).toLowerCase();
}

const NAMES = new Map<ColumnSpec, string>();
const ALIASES = new Map<ColumnSpec, string[]>();
function nameKey(c: ColumnSpec): string {
  let k = NAMES.get(c);
  if (k === undefined) NAMES.set(c, (k = fold(c.name)));
  return k;
}
function aliasKeys(c: ColumnSpec): string[] {
  let k = ALIASES.get(c);
  if (k === undefined) ALIASES.set(c, (k = (c.aliases ?? []).map(fold)));
  return k;
}

/**
 * The column a header cell binds to, or null. `refused` collects the columns its name or alias
 * spells whose unit it contradicts, so the reader can say why such a header was not used.
 */
export function matchHeader(
  spec: LedgerSpec,
  text: string,
  mappings: readonly ColumnMapping[],
  refused?: UnitRefusal[],
): HeaderMatch | null {
  const key = fold(text);
  if (key.length === 0) return null;
  const unit = headerUnit(text);
  for (const m of mappings) {
    if (m.ledger !== spec.name || !mappingMatches(m, text)) continue;
    const column = spec.columns.find((c) => c.name === m.column);
    if (!column) continue;
    const rel = unitRelation(column, unit);
    return { column, rank: MatchRank.Mapped, power: rel.kind === "scaled" ? rel.power : 0, mapping: m };
  }
  for (const column of spec.columns) {
    if (nameKey(column) !== key) continue;
    const rel = unitRelation(column, unit);
    if (rel.kind === "same") return { column, rank: MatchRank.Exact, power: 0 };
    if (rel.kind === "scaled") return { column, rank: MatchRank.Scaled, power: rel.power };
    refused?.push({ column, unit });
  }
  for (const column of spec.columns) {
    if (!aliasKeys(column).includes(key)) continue;
    // An alias is a guess at the name; with another unit it is a guess too far (`保证金（万元）` is
    // a rounded column next to the exact one far more often than it is the only amount).
    if (unitRelation(column, unit).kind === "same") return { column, rank: MatchRank.Alias, power: 0 };
    refused?.push({ column, unit });
  }
  return null;
}

// ---- suggestions -------------------------------------------------------------------------------

const SYNONYM_PATTERN = new RegExp(
  HEADER_SYNONYMS.flat()
    .slice()
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|"),
  "g",
);
const SYNONYM_OF = new Map<string, string>(HEADER_SYNONYMS.flatMap((group) => group.map((w) => [w, group[0]] as [string, string])));

/** A header folded for comparison, each synonym replaced by the first word of its group (`学习方式` → `学习形式`). */
export function synonymKey(s: string): string {
  return fold(s).replace(SYNONYM_PATTERN, (w) => SYNONYM_OF.get(w) ?? w);
}

/** Levenshtein distance over UTF-16 units (headers are short: a row of two arrays is enough). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * How far a header is from a column: the least edit distance to its name or an alias after
 * synonyms, or null when too far to suggest. Chinese characters each carry meaning, so half the
 * longer spelling may differ; Latin letters do not, so a third.
 */
export function headerDistance(column: Pick<ColumnSpec, "name" | "aliases">, header: string): number | null {
  const h = synonymKey(header);
  if (h.length === 0) return null;
  let best: number | null = null;
  for (const spelling of [column.name, ...(column.aliases ?? [])]) {
    const s = synonymKey(spelling);
    const d = editDistance(h, s);
    const longer = Math.max(h.length, s.length);
    const latin = /^[\x00-\x7f]*$/.test(h) && /^[\x00-\x7f]*$/.test(s);
    const allowed = latin ? Math.floor(longer / 3) : Math.max(1, Math.floor(longer / 2));
    if (d <= allowed && d < longer && (best === null || d < best)) best = d;
  }
  return best;
}

export interface Suggestion {
  column: ColumnSpec;
  /** Index of the header cell among those offered. */
  index: number;
  distance: number;
}

/**
 * For each missing column, the free header most likely to be it: one header per column and one
 * column per header, best pairs first — the column's unit agreeing before a smaller distance
 * (`保证金额（元）` before `保证金（万元）` for 保证金金额), then the left-most header.
 */
export function suggestHeaders(missing: readonly ColumnSpec[], free: readonly { index: number; text: string }[]): Suggestion[] {
  const pairs: (Suggestion & { unitOrder: number; order: number })[] = [];
  missing.forEach((column, order) => {
    for (const h of free) {
      const distance = headerDistance(column, h.text);
      if (distance === null) continue;
      const rel = unitRelation(column, headerUnit(h.text)).kind;
      pairs.push({ column, index: h.index, distance, unitOrder: rel === "same" ? 0 : rel === "scaled" ? 1 : 2, order });
    }
  });
  pairs.sort((a, b) => a.unitOrder - b.unitOrder || a.distance - b.distance || a.order - b.order || a.index - b.index);
  const takenColumns = new Set<ColumnSpec>();
  const takenHeaders = new Set<number>();
  const out: Suggestion[] = [];
  for (const p of pairs) {
    if (takenColumns.has(p.column) || takenHeaders.has(p.index)) continue;
    takenColumns.add(p.column);
    takenHeaders.add(p.index);
    out.push({ column: p.column, index: p.index, distance: p.distance });
  }
  return out;
}

/** The line a clerk adds to 列名对照 for a suggestion, as the pane writes it and `check` prints it. */
export interface ColumnMappingRow {
  ledger: LedgerName;
  column: string;
  header: string;
}

/**
 * Where `column` is missing from the ledger: the first source whose header row did not bind it,
 * with the cell its issue stands at — or null when every source has it. A column present in one
 * department's sheet and missing in another's is missing: a sum over it would quietly cover only
 * part of the ledger (the renamed 保证金额（元）on one sheet gave 1.71 亿元 instead of 3.93).
 */
export function missingColumn(ledger: Ledger, column: string): { sheet: string; cell: string; required: boolean } | null {
  const hit = ledger.missingColumns?.find((m) => m.name === column);
  if (hit) return { sheet: hit.sheet, cell: hit.cell, required: hit.required };
  return null;
}
