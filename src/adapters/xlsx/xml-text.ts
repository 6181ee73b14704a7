// Small text conversions shared by the cell scanner and the part parsers.
import type { CellRange } from "../../core/types";

/** The five XML entities and character references decoded (core's one implementation). */
export { decodeXmlEntities as decodeEntities } from "../../core/link/xmltext";

const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * OOXML strings carry characters XML cannot (CR, control characters) as `_xHHHH_`, and a literal
 * `_x` sequence as `_x005F_x…`; Excel shows — and Office.js returns — the decoded text.
 */
export function decodeXString(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Largest row and column Excel allows (1 048 576 rows × 16 384 columns), zero-based. */
export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

/**
 * Reads `B12`, `$B$12`, `B` or `12` into zero-based parts; a missing part is -1.
 * Returns null for anything else.
 */
export function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  const n = ref.length;
  while (i < n && (ref.charCodeAt(i) === 32 || ref.charCodeAt(i) === 36)) i++;
  let col = 0;
  let letters = 0;
  for (; i < n; i++) {
    let ch = ref.charCodeAt(i);
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    letters++;
  }
  if (i < n && ref.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    row = row * 10 + (ch - 48);
    digits++;
    if (digits > 8) return null;
  }
  while (i < n && ref.charCodeAt(i) === 32) i++;
  if (i !== n || (letters === 0 && digits === 0) || letters > 3) return null;
  return { row: digits ? row - 1 : -1, col: letters ? col - 1 : -1 };
}

/** `A1:C3` (or a single `B2`) → a zero-based inclusive range, or null when it is not one. */
export function parseRange(ref: string): CellRange | null {
  const parts = ref.split(":");
  if (parts.length > 2) return null;
  const a = parseRef(parts[0]);
  const b = parts.length === 2 ? parseRef(parts[1]) : a;
  if (!a || !b || a.row < 0 || a.col < 0 || b.row < 0 || b.col < 0) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

const ISO_DATE = /^\s*(?:(\d{4})-(\d{2})-(\d{2}))?(?:[T ]?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/;

/**
 * A `t="d"` ISO 8601 value → the serial number Excel would store, so dates arrive as they do from
 * Office.js. The 1900 system counts the phantom 29 Feb 1900, so dates before 1 March 1900 are one
 * lower than plain day arithmetic gives. A time alone is a fraction of a day. Null if unparseable.
 */
export function isoToSerial(text: string, date1904: boolean): number | null {
  const m = ISO_DATE.exec(text);
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  const seconds = (m[4] ? Number(m[4]) * 3600 + Number(m[5]) * 60 + (m[6] ? Number(m[6]) : 0) : 0) / 86400;
  if (m[1] === undefined) return seconds;
  const days = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000;
  if (!Number.isFinite(days)) return null;
  if (date1904) return days + 24107 + seconds;
  let serial = days + 25569;
  if (serial < 61) serial -= 1;
  return serial + seconds;
}
