// Dates as clerks type them into 报告设置: read with the ledger reader's parser (every spelling a
// ledger date may take), written the way official documents name them.
import { parseDate } from "../ledger/values";
import { chineseDate, chineseMonthEnd } from "../format";
import type { RawCell } from "../types";

export { foldText as foldWidth } from "../ledger/text";

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
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

/** A settings cell → ISO date, or null when it is not a date. */
export function parseSettingDate(cell: RawCell, date1904: boolean): string | null {
  const parsed = parseDate(cell, date1904);
  if (parsed.ok) return parsed.iso;
  // Numeric text that came from a date cell formatted as text.
  if (typeof cell === "string" && /^\s*\d{1,5}(\.\d+)?\s*$/.test(cell)) {
    const serial = parseDate(Number(cell), date1904);
    return serial.ok ? serial.iso : null;
  }
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

/** The period end as the report names it: `2022年12月底` at a month's end, else the full date. */
export function periodEndText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return Number(m[3]) === daysInMonth(Number(m[1]), Number(m[2])) ? chineseMonthEnd(iso) : chineseDate(iso);
}
