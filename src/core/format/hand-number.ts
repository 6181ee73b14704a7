// What number a clerk's hand-typed text means, so a refresh can tell a real edit from the same
// number written another way: `十一`, `１１` and `11` are one number; `1,200`, `一千二百`, `1200`
// and `一千二` too; `1200余` is "more than 1200", the same only as another approximation of 1200.
// Text that is not plainly a number (words around it, a range, a unit) means no number: null, and
// the refresh treats it as the clerk's words.

export interface HandNumber {
  value: number;
  /** Ends in 余 or 多: a lower bound, as the report writes `1300余`. */
  approx: boolean;
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** value × 10^k without binary noise (1.2 × 10⁴ is 12000, not 12000.000000000002). */
function scaled(value: number, factor: number): number {
  return Number((value * factor).toPrecision(15));
}

/**
 * A whole number in Chinese numerals: `十一`, `一千零五`, `两万三千`, `一亿零五百万`, the
 * colloquial `一千二` (= 1200) and `一万二` (= 12000), and digit by digit `二〇二二`. Null when
 * the characters do not make one number (`千一百`, `一二千`).
 */
export function parseChineseInteger(text: string): number | null {
  const chars = [...text];
  if (chars.length === 0) return null;
  if (chars.every((ch) => ch in DIGITS)) {
    // Read digit by digit (a year as 二〇二二); a lone 零 is 0.
    return Number(chars.map((ch) => DIGITS[ch]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let zero = false;
  let lastSmall = Infinity;
  let lastBig = Infinity;
  /** The unit just before the trailing digit, for the colloquial 一千二 (2 × 100). */
  let lastUnit = 0;
  for (const ch of chars) {
    if (ch in DIGITS) {
      const d = DIGITS[ch];
      if (d === 0) {
        if (digit !== null) return null;
        zero = true;
        continue;
      }
      if (digit !== null) return null;
      digit = d;
    } else if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch];
      if (unit >= lastSmall) return null;
      // 十一 is 11: a leading 十 stands for 一十.
      const n = digit ?? (unit === 10 ? 1 : null);
      if (n === null) return null;
      section += n * unit;
      lastSmall = unit;
      lastUnit = unit;
      digit = null;
      zero = false;
    } else if (ch in BIG_UNITS) {
      const unit = BIG_UNITS[ch];
      if (unit >= lastBig) return null;
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * unit;
      section = 0;
      lastSmall = Infinity;
      lastBig = unit;
      lastUnit = unit;
      digit = null;
      zero = false;
    } else return null;
  }
  if (digit !== null) section += zero || lastUnit === 0 ? digit : digit * (lastUnit / 10);
  return total + section;
}

function parseArabic(text: string): number | null {
  // Thousands separators only where they group by three (1,200 — not 1,2 or 12,00).
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万|萬|亿|億)?$/.exec(text);
  if (!m) return null;
  const value = Number(m[1].replace(/,/g, "") + (m[2] ?? ""));
  return m[3] ? scaled(value, BIG_UNITS[m[3]]) : value;
}

function parseChinese(text: string): number | null {
  const point = text.indexOf("点");
  if (point < 0) return parseChineseInteger(text);
  const whole = parseChineseInteger(text.slice(0, point));
  const fraction = [...text.slice(point + 1)];
  if (whole === null || fraction.length === 0 || !fraction.every((ch) => ch in DIGITS)) return null;
  return Number(`${whole}.${fraction.map((ch) => DIGITS[ch]).join("")}`);
}

/** The number a hand-typed figure means, or null when the text is not plainly one number. */
export function parseHandNumber(text: string): HandNumber | null {
  // NFKC: full-width digits and commas (１，２００) become 1,200.
  let s = text.normalize("NFKC").replace(/\s+/g, "");
  let approx = false;
  const tail = /(余|多)$/.exec(s);
  if (tail) {
    approx = true;
    s = s.slice(0, -1);
  }
  if (s === "") return null;
  const value = /^\d/.test(s) ? parseArabic(s) : parseChinese(s);
  return value === null || !Number.isFinite(value) ? null : { value, approx };
}

/** Two texts mean the same figure: the same text, or the same number written another way. */
export function sameNumber(a: string, b: string): boolean {
  if (a === b) return true;
  const x = parseHandNumber(a);
  const y = parseHandNumber(b);
  return x !== null && y !== null && x.value === y.value && x.approx === y.approx;
}
