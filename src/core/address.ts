// A1-style addresses, the way a clerk reads them in Excel's name box (`电子保函!C12`).

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
  if (/^[\p{L}\p{N}_]+$/u.test(sheet) && !/^\d/.test(sheet)) return sheet;
  return `'${sheet.replace(/'/g, "''")}'`;
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
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(address);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const cell = parseA1(m[3]);
  return cell ? { sheet, ...cell } : null;
}
