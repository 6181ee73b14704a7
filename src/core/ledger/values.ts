// Cell values as clerks actually type them: Excel serials or a dozen date spellings, amounts
// with 万, 元 and thousands separators, ticks and crosses for yes/no.
import type { RawCell } from "../types";
import { foldText, isExcelError } from "./text";

const DAY_MS = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1900_EARLY = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
// 9999-12-31 in each system: the last day Excel can show.
const MAX_SERIAL_1900 = 2958465;
const MAX_SERIAL_1904 = 2957003;

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

function isoFromParts(y: number, m: number, d: number): string | null {
  if (!(y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1)) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  if (d > days) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function isoFromSerial(serial: number, date1904: boolean): string | null {
  const day = Math.floor(serial);
  let ms: number;
  if (date1904) {
    if (day < 0 || day > MAX_SERIAL_1904) return null;
    ms = EPOCH_1904 + day * DAY_MS;
  } else {
    // Excel counts the non-existent 1900-02-29 as serial 60 (Lotus compatibility): that day is
    // not a date, and serials before it are one day later than the usual epoch suggests.
    if (day < 1 || day === 60 || day > MAX_SERIAL_1900) return null;
    ms = (day < 60 ? EPOCH_1900_EARLY : EPOCH_1900) + day * DAY_MS;
  }
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

const TIME = String.raw`(?:(?:T|\s+)\d{1,2}(?::|时)\d{1,2}(?:(?::|分)\d{1,2}(?:\.\d+)?秒?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const SEPARATED_DATE = new RegExp(String.raw`^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})` + TIME + "$");
const CHINESE_DATE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?` + TIME + "$");
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** A date cell → ISO `YYYY-MM-DD`; the time of day is ignored and the day must exist. */
export function parseDate(cell: RawCell, date1904: boolean): { ok: true; iso: string } | { ok: false } {
  let iso: string | null = null;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { ok: false };
    // 20220301 typed into a cell is a number, far beyond any serial Excel can show.
    if (Number.isInteger(cell) && cell >= 10000101 && cell <= 99991231) {
      iso = isoFromParts(Math.floor(cell / 10000), Math.floor(cell / 100) % 100, cell % 100);
    } else {
      iso = isoFromSerial(cell, date1904);
    }
  } else if (typeof cell === "string") {
    if (isExcelError(cell)) return { ok: false };
    const s = foldText(cell);
    let m = SEPARATED_DATE.exec(s);
    if (m) iso = isoFromParts(Number(m[1]), Number(m[3]), Number(m[4]));
    else if ((m = CHINESE_DATE.exec(s) ?? COMPACT_DATE.exec(s))) {
      iso = isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
    }
  }
  return iso === null ? { ok: false } : { ok: true, iso };
}

const PLAIN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/;
const SPACES = /\s+/g;
const COMMAS = /,/g;

/** A numeric cell read apart: its value, and whether the text named its own unit (元, 万, 亿). */
export function parseNumberParts(cell: RawCell, allowedSuffixes?: readonly string[]): { value: number; ownUnit: boolean } | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? { value: cell, ownUnit: false } : null;
  if (typeof cell !== "string" || isExcelError(cell)) return null;
  let s = foldText(cell).replace(SPACES, "");
  if (s.length === 0) return null;
  let negative = false;
  let ownUnit = false;
  const takeSign = () => {
    const c = s[0];
    if (c === "-" || c === "+" || c === "\u2212") {
      negative = c !== "+";
      s = s.slice(1);
      return true;
    }
    return false;
  };
  const signed = takeSign();
  if (s[0] === "¥" || s[0] === "\uffe5") s = s.slice(1);
  if (!signed) takeSign();
  if (allowedSuffixes) {
    for (const suffix of allowedSuffixes) {
      if (s.length > suffix.length && s.endsWith(suffix)) {
        s = s.slice(0, -suffix.length);
        break;
      }
    }
  }
  if (s.endsWith("元")) {
    s = s.slice(0, -1);
    ownUnit = true;
  }
  let power = 0;
  if (s.endsWith("万")) power = 4;
  else if (s.endsWith("亿")) power = 8;
  if (power > 0) {
    s = s.slice(0, -1);
    ownUnit = true;
  }
  if (!PLAIN_NUMBER.test(s)) return null;
  let value = Number(s.replace(COMMAS, ""));
  if (!Number.isFinite(value)) return null;
  if (power > 0) value = scaleByPowerOfTen(value, power);
  if (negative && value !== 0) value = -value;
  return { value, ownUnit };
}

/** value × 10^power without binary noise (1.1万 is 11000, not 11000.000000000002). */
export function scaleByPowerOfTen(value: number, power: number): number {
  const scaled = value * 10 ** power;
  if (Number.isInteger(scaled)) return scaled;
  // Moving the decimal point in the number's shortest spelling is exact for what the clerk typed at
  // any magnitude (16777216.01万 is 167772160100); rounding the product to 1e-6 fails past 2^53 / 1e6.
  const shifted = Number(`${value}e${power}`);
  return Number.isFinite(shifted) ? shifted : scaled;
}

const YES = new Set(["是", "y", "yes", "√", "✓", "✔", "true", "对"]);
const NO = new Set(["否", "n", "no", "×", "✗", "✘", "false", "不是"]);

/** 是/否 from the many ways a clerk ticks a box, or null when the cell says neither. */
export function parseYesNo(cell: RawCell): "是" | "否" | null {
  if (typeof cell === "boolean") return cell ? "是" : "否";
  if (typeof cell !== "string") return null;
  const key = foldText(cell).replace(SPACES, "").toLowerCase();
  if (YES.has(key)) return "是";
  if (NO.has(key)) return "否";
  return null;
}
