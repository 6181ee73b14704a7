// How figures are written into the report (LEDGERS.md "Number formats", GB/T 15835 style).
// Rounding works on the decimal text of a number, never on binary floating point, so that
// 1.005 亿元 prints as 1.01 and not as the 1.00 that `toFixed` would give.
import type { FormatKind } from "../types";

/** The template's blank: what formatValue gives for a value that is no number. */
export const BLANK_TEXT = "*";

const PLACEHOLDER_OPEN = "［待补：";
const PLACEHOLDER_CLOSE = "］";

/**
 * What the report shows in the control of a figure the ledgers cannot support: visible, in the
 * clerk's words, and never mistaken for a number (`［待补：专题学习次数］`).
 */
export function placeholderText(name: string): string {
  return `${PLACEHOLDER_OPEN}${name}${PLACEHOLDER_CLOSE}`;
}

/** True for a placeholder placeholderText wrote (whatever figure it names). */
export function isPlaceholderText(text: string): boolean {
  const t = text.trim();
  return t.startsWith(PLACEHOLDER_OPEN) && t.endsWith(PLACEHOLDER_CLOSE);
}

const LABELS: Record<FormatKind, string> = {
  integer: "整数",
  approx: "余",
  yi: "亿元",
  wan: "万元",
  percent: "百分比",
};

export function formatLabel(kind: FormatKind): string {
  return LABELS[kind];
}

/** `整数` `余` `亿元` `万元` `百分比` (also the English kind names); null when not a format. */
export function formatKindFromLabel(label: string): FormatKind | null {
  const text = label.normalize("NFKC").replace(/\s+/g, "");
  for (const kind of Object.keys(LABELS) as FormatKind[]) {
    if (text === LABELS[kind] || text.toLowerCase() === kind.toLowerCase()) return kind;
  }
  return null;
}

export function formatValue(value: number | null, kind: FormatKind): string {
  if (value === null || typeof value !== "number" || !Number.isFinite(value)) return BLANK_TEXT;
  switch (kind) {
    case "integer":
      return roundedText(value, 0, 0);
    case "approx":
      return approxText(value);
    case "yi":
      return shownText(value, -8, 2);
    case "wan":
      return shownText(value, -4, 2);
    case "percent":
      return shownText(value, 0, 1);
  }
  return BLANK_TEXT;
}

/** Most decimals shownText shows: 1 元 in 亿元, 0.0001 元 in 万元. */
const MAX_PLACES = 8;

/**
 * roundedText to `places` decimals — or, for a value that is not 0 but would read 0.00 there, to two
 * significant digits (trailing zeros dropped): 70,000 元 is `0.0007` 亿元, never `0.00`. A clerk
 * would otherwise sign 累计减少企业资金占用0.00亿元 over 7 guarantees. Below MAX_PLACES it stays 0.00.
 */
function shownText(value: number, shift: number, places: number): string {
  const text = roundedText(value, shift, places);
  if (value === 0 || !ZERO_TEXT.test(text)) return text;
  // The place of the first significant digit: 0.00070 → 4. Only the count of places comes from
  // floating point; the rounding itself is roundedText's, on the decimal digits.
  const first = Math.ceil(-Math.log10(Math.abs(value) * Math.pow(10, shift)) - 1e-9);
  if (first > MAX_PLACES) return text;
  const finer = roundedText(value, shift, Math.min(MAX_PLACES, first + 1));
  const dot = finer.indexOf(".");
  let end = finer.length;
  while (end > dot + places + 1 && finer.charCodeAt(end - 1) === 48 /* "0" */) end--;
  return finer.slice(0, end);
}

const ZERO_TEXT = /^-?[0.]+$/;

/**
 * A lower bound: a count is never rounded up, so the floor is taken and 余 added when it is
 * below the real number (1236 → 1200余, 87 → 80余, 350 → 350).
 */
function approxText(value: number): string {
  if (value < 0) return roundedText(value, 0, 0);
  const whole = Math.floor(value);
  let floor = whole;
  if (whole >= 100) {
    const step = Math.pow(10, integerText(whole).length - 2);
    floor = Math.floor(whole / step) * step;
  } else if (whole >= 10) {
    floor = Math.floor(whole / 10) * 10;
  }
  return floor === value ? integerText(floor) : `${integerText(floor)}余`;
}

/** Digits of a whole, non-negative number, without the exponent form String() uses past 1e21. */
function integerText(n: number): string {
  const { digits, point } = decimalDigits(n);
  if (point <= 0) return "0";
  return stripLeadingZeros(digits.padEnd(point, "0").slice(0, point));
}

/**
 * |value| × 10^shift rounded half up (四舍五入, away from zero) to `places` decimals, as text
 * with trailing zeros kept; a result that rounds to zero never carries a minus sign.
 */
export function roundedText(value: number, shift: number, places: number): string {
  if (!Number.isFinite(value)) return BLANK_TEXT;
  const negative = value < 0;
  const { digits, point } = decimalDigits(Math.abs(value));
  const keep = point + shift + places;
  let units: string;
  if (keep < 0) {
    units = "0";
  } else {
    const padded = digits.padEnd(keep + 1, "0");
    units = padded.slice(0, keep) || "0";
    if (padded.charCodeAt(keep) >= 53 /* "5" */) units = incrementDigits(units);
  }
  units = stripLeadingZeros(units);
  const sign = negative && units !== "0" ? "-" : "";
  if (places === 0) return sign + units;
  const padded = units.padStart(places + 1, "0");
  return `${sign}${padded.slice(0, -places)}.${padded.slice(-places)}`;
}

/** The shortest decimal that reads back as `x` (what the clerk typed), as digits and point position. */
function decimalDigits(x: number): { digits: string; point: number } {
  const text = String(x);
  const exp = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (exp) return { digits: exp[1] + (exp[2] ?? ""), point: 1 + Number(exp[3]) };
  const dot = text.indexOf(".");
  if (dot < 0) return { digits: text, point: text.length };
  return { digits: text.slice(0, dot) + text.slice(dot + 1), point: dot };
}

function incrementDigits(digits: string): string {
  const chars = digits.split("");
  let i = chars.length - 1;
  while (i >= 0 && chars[i] === "9") chars[i--] = "0";
  if (i < 0) return "1" + chars.join("");
  chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
  return chars.join("");
}

function stripLeadingZeros(digits: string): string {
  const s = digits.replace(/^0+/, "");
  return s === "" ? "0" : s;
}

function isoParts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** `2022-12-31` → `2022年12月31日`, the way official documents write dates (no zero padding). */
export function chineseDate(iso: string): string {
  const p = isoParts(iso);
  return p ? `${p[0]}年${p[1]}月${p[2]}日` : iso;
}

/** `2022-12-31` → `2022年12月底`, the seed report's way of naming the period end. */
export function chineseMonthEnd(iso: string): string {
  const p = isoParts(iso);
  return p ? `${p[0]}年${p[1]}月底` : iso;
}
