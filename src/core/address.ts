// A1-style addresses, the way a clerk reads them in Excel's name box (`电子保函!C12`) and the way
// Excel's API spells and accepts them: `A1`, `A1:C9`, `5:9` (whole rows), `A:C` (whole columns),
// optionally behind a sheet name (`'电子保函-交易二科'!B2`), several areas joined by commas. The one
// module for them: the core, the Excel adapter and the simulated Excel all use it.
import type { CellRange } from "./types";

/** Zero-based column index → letters (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → zero-based column index (A → 0). Returns -1 for anything that is not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Sheet name as Excel writes it in a reference: quoted when it holds anything but letters,
 * digits, underscores and CJK (Excel quotes `电子保函-交易二科` but not `电子保函`).
 */
export function quoteSheet(sheet: string): string {
  const plain = plainSheetName(sheet);
  if ((plain ?? /^[\p{L}\p{N}_]+$/u.test(sheet)) && !/^\d/.test(sheet)) return sheet;
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The answer of /^[\p{L}\p{N}_]+$/u for the names ledgers have — ASCII and common CJK characters —
 * without the expression, or null when another character decides. The expression's Unicode sets
 * take ~2–6 ms to build at its first use in a process: on the command line's every run.
 */
function plainSheetName(sheet: string): boolean | null {
  if (sheet.length === 0) return false;
  let other = false;
  for (let i = 0; i < sheet.length; i++) {
    const c = sheet.charCodeAt(i);
    if (c < 128) {
      const wordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
      if (!wordChar) return false;
    } else if (c < 0x4e00 || c > 0x9fff) other = true;
  }
  return other ? null : true;
}

/** Zero-based row/col on a sheet → `电子保函!C12`. */
export function cellAddress(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${columnLetters(col)}${row + 1}`;
}

/** `C12` → zero-based { row, col }, or null. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || col < 0) return null;
  return { row, col };
}

/** `电子保函!C12` or `'电子保函-交易二科'!C12` → sheet and zero-based cell, or null. */
export function parseAddress(address: string): { sheet: string; row: number; col: number } | null {
  const { sheet, ref } = splitSheet(address);
  if (sheet === null) return null;
  const cell = parseA1(ref);
  return cell ? { sheet, ...cell } : null;
}

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** Splits `Sheet!A1:B2` into the sheet (unquoted) and the reference; no sheet → null. */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(address.trim());
  if (!m) return { sheet: null, ref: address.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ref: m[3] };
}

/**
 * One rectangle reference (no sheet) → zero-based inclusive rectangle, or null when malformed.
 * `cellsOnly` refuses whole rows and columns (`5:9`, `A:C`), for callers that need a bounded block.
 */
export function parseRef(ref: string, opts: { cellsOnly?: boolean } = {}): CellRange | null {
  const parts = ref.replace(/\$/g, "").trim().split(":");
  if (parts.length > 2 || parts.length === 0) return null;
  const a = parseEnd(parts[0]);
  const b = parts.length === 2 ? parseEnd(parts[1]) : a;
  if (!a || !b || a.kind !== b.kind) return null;
  if (opts.cellsOnly && a.kind !== "cell") return null;
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
