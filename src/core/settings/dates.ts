// Dates as clerks type them into 报告设置. The ledger reader has its own, richer parser; this one
// only needs the spellings a settings cell holds, and must not depend on that module's progress.
import type { RawCell } from "../types";

const DAY_MS = 86400000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Full-width digits and punctuation → ASCII, so `２０２２／１／１` reads like `2022/1/1`. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO text for a calendar date, or null when it does not exist (2022-02-30). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * An Excel serial date → ISO. The 1900 system counts the nonexistent 1900-02-29 (serial 60),
 * so serials from 61 on are one day ahead of a plain day count; that day itself is rejected.
 */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const whole = Math.floor(serial);
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (whole === 60) return null;
  else epoch = whole > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  const d = new Date(epoch + whole * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A settings cell → ISO date, or null when it is not a date. Accepts serials, `2022-01-01`,
 * `2022/1/1`, `2022.1.1`, `2022年1月1日`, `20220101` and full-width digits.
 */
export function parseSettingDate(cell: RawCell, date1904: boolean): string | null {
  if (typeof cell === "number") return serialToIso(cell, date1904);
  if (typeof cell !== "string") return null;
  const text = foldWidth(cell).trim();
  let m = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (!m) m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(text);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // Numeric text that came from a date cell formatted as text.
  if (/^\d{1,5}(\.\d+)?$/.test(text)) return serialToIso(Number(text), date1904);
  return null;
}

/** Moves an ISO date by whole years; a month's last day stays the last day (2023-02-28 → 2024-02-29). */
export function shiftYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const ny = y + years;
  const last = d === daysInMonth(y, m);
  const day = last ? daysInMonth(ny, m) : Math.min(d, daysInMonth(ny, m));
  return isoDate(ny, m, day) ?? iso;
}

/** `2022-12-31` → `2022年12月31日` (Arabic numerals, no zero padding, as GB/T 9704 practice writes dates). */
export function chineseDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The period end as the report names it: `2022年12月底` at a month's end, else the full date. */
export function periodEndText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return d === daysInMonth(y, mo) ? `${y}年${mo}月底` : `${y}年${mo}月${d}日`;
}
