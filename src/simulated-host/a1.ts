// A1 references as Excel's own API spells and accepts them: `A1`, `A1:C9`, `5:9` (whole rows),
// `A:C` (whole columns), optionally behind a sheet name (`'电子保函-交易二科'!B2`).
import type { CellRange } from "../core/types";
import { columnIndex, columnLetters, quoteSheet } from "../core/address";

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** Splits `Sheet!A1:B2` into the sheet (unquoted) and the reference; no sheet → null. */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(address.trim());
  if (!m) return { sheet: null, ref: address.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ref: m[3] };
}

/** One rectangle reference (no sheet) → zero-based inclusive rectangle, or null when malformed. */
export function parseRef(ref: string): CellRange | null {
  const parts = ref.replace(/\$/g, "").trim().split(":");
  if (parts.length > 2 || parts.length === 0) return null;
  const a = parseEnd(parts[0]);
  const b = parts.length === 2 ? parseEnd(parts[1]) : a;
  if (!a || !b || a.kind !== b.kind) return null;
  if (parts.length === 1 && a.kind !== "cell") return null;
  const top = Math.min(a.row ?? 0, b.row ?? 0);
  const bottom = a.kind === "col" ? MAX_ROWS - 1 : Math.max(a.row!, b.row!);
  const left = Math.min(a.col ?? 0, b.col ?? 0);
  const right = a.kind === "row" ? MAX_COLUMNS - 1 : Math.max(a.col!, b.col!);
  if (a.kind === "col") return { top: 0, bottom, left, right };
  if (a.kind === "row") return { top, bottom, left: 0, right };
  if (bottom >= MAX_ROWS || right >= MAX_COLUMNS) return null;
  return { top, bottom, left, right };
}

function parseEnd(s: string): { kind: "cell" | "row" | "col"; row?: number; col?: number } | null {
  let m = /^([A-Za-z]{1,3})(\d+)$/.exec(s);
  if (m) {
    const col = columnIndex(m[1]);
    const row = Number(m[2]) - 1;
    return col < 0 || row < 0 ? null : { kind: "cell", row, col };
  }
  m = /^(\d+)$/.exec(s);
  if (m) {
    const row = Number(m[1]) - 1;
    return row < 0 || row >= MAX_ROWS ? null : { kind: "row", row };
  }
  m = /^([A-Za-z]{1,3})$/.exec(s);
  if (m) {
    const col = columnIndex(m[1]);
    return col < 0 || col >= MAX_COLUMNS ? null : { kind: "col", col };
  }
  return null;
}

/** Rectangle → `A1:C9`, `A1`, `5:9` or `A:C`, the way Range.address writes it. */
export function formatRef(r: CellRange): string {
  if (r.left === 0 && r.right === MAX_COLUMNS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  const a = `${columnLetters(r.left)}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${columnLetters(r.right)}${r.bottom + 1}`;
}

export function formatAddress(sheet: string, r: CellRange): string {
  return `${quoteSheet(sheet)}!${formatRef(r)}`;
}

/**
 * Splits a RangeAreas address (`Sheet1!A1:B2, 'a, b'!C3`) at the commas that separate areas,
 * leaving commas inside quoted sheet names alone.
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export function intersect(a: CellRange, b: CellRange): CellRange | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

export function rowsOf(r: CellRange): number {
  return r.bottom - r.top + 1;
}

export function colsOf(r: CellRange): number {
  return r.right - r.left + 1;
}
