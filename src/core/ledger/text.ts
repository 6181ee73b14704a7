// Text folding shared by header matching, enumerations, keys and sheet names. Clerks type on
// Chinese IMEs, so the same header arrives as `保证金金额（元）`, `保证金金额(元)` or `保证金金额 `.
import type { RawCell } from "../types";

const FOLDABLE = /[\u3000\u00a0\uff01-\uff5e]/g;
const WHITESPACE = /\s+/g;
// Only a trailing bracket group is a unit (`金额(元)`); a bracket in the middle is part of the name.
const TRAILING_BRACKETS = /[([【][^()[\]【】]*[)\]】]$/;

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x3000 || c === 0x00a0) return " ";
  return String.fromCharCode(c - 0xfee0);
}

/** The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
export function isTrimSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `s.trim()`, without the call for the text nearly every cell holds — nothing to trim. A ledger
 * of 100,000 rows asks this a million times, and trim() costs ~50 ns even when it returns `s`.
 */
export function trimmed(s: string): string {
  const n = s.length;
  return n === 0 || (!isTrimSpace(s.charCodeAt(0)) && !isTrimSpace(s.charCodeAt(n - 1))) ? s : s.trim();
}

/** Whether foldText has anything to fold: a loop, as a regular expression test costs ~10× more per key. */
function needsFold(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xa0 && (c === 0x3000 || c === 0xa0 || (c >= 0xff01 && c <= 0xff5e))) return true;
  }
  return false;
}

/** Full-width → half-width (letters, digits, brackets, punctuation, the ideographic space), trimmed. */
export function foldText(s: string): string {
  if (typeof s !== "string") return "";
  return trimmed(needsFold(s) ? s.replace(FOLDABLE, foldChar) : s);
}

/**
 * A key (保函编号, 单位名称) as repeats of it are judged: foldText, spaces and case ignored — `g001`
 * typed, or pasted, for `G001` is the same guarantee, as `Ｇ００１` and `G 001` are (and 某市 第一中学 is
 * 某市第一中学). The reader's warning and the figures' 可能偏大 mark both judge by it, so they never disagree.
 */
export function keyText(s: string): string {
  return isKeyText(s) ? s : foldText(s).replace(WHITESPACE, "").toUpperCase();
}

/**
 * Whether keyText would give `s` back: no space, nothing to fold, no lower-case
 * letter — what nearly every key is (`DZBH2022-000123`, `宏远建设有限公司`). One loop instead of
 * foldText's two and toUpperCase's scan: on 100,000 guarantee numbers ~7 of the key check's ~35 ms
 * (warm). Anything else outside printable ASCII and the CJK ideographs takes the long way.
 */
function isKeyText(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      // A space, a control character or a lower-case letter: keyText changes it.
      if (c <= 0x20 || (c >= 0x61 && c <= 0x7a) || c === 0x7f) return false;
    } else if (!(c >= 0x4e00 && c <= 0x9fff) && !(c >= 0x3400 && c <= 0x4dbf)) return false;
  }
  return true;
}

/** foldText, then spaces dropped and a trailing unit in brackets dropped: `保证金金额（元）` → `保证金金额`. */
export function foldHeader(s: string): string {
  const folded = foldText(s).replace(WHITESPACE, "");
  const m = TRAILING_BRACKETS.exec(folded);
  if (m && m.index > 0) return folded.slice(0, m.index);
  return folded;
}

/** The unit a header names in its trailing brackets (`保证金金额（万元）` → `万元`), or "". */
export function headerUnit(s: string): string {
  const folded = foldText(s).replace(WHITESPACE, "");
  const m = TRAILING_BRACKETS.exec(folded);
  if (!m || m.index === 0) return "";
  return folded.slice(m.index + 1, folded.length - 1);
}

/** Key for comparisons that must not care about width, spaces or letter case. */
export function foldKey(s: string): string {
  return typeof s === "string" && isFoldedKey(s) ? s : foldText(s).replace(WHITESPACE, "").toLowerCase();
}

/**
 * Whether foldKey would return `s` as it is: only ASCII other than capitals and white space, and
 * CJK characters and punctuation (no case, no width to fold). A firm's name is nearly always that;
 * the loop costs a tenth of the regular expression and lower-casing it spares (服务企业家数 folds
 * 12,000 names on the 100,000-row bench).
 */
function isFoldedKey(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c <= 32 || (c >= 65 && c <= 90)) return false;
    } else if (c < 0x3001 || c > 0x9fff) return false;
  }
  return true;
}

const EXCEL_ERRORS = new Set([
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#BUSY!",
  "#EXTERNAL!",
  "#PYTHON!",
]);

/** True for the error texts Office.js and file readers give for error cells (`#N/A`, `#REF!` …). */
export function isExcelError(cell: RawCell): boolean {
  if (typeof cell !== "string" || cell.length === 0 || cell.length > 16) return false;
  const c0 = cell.charCodeAt(0);
  if (c0 !== 35 /* # */ && !isTrimSpace(c0)) return false;
  const t = cell.trim();
  return t.charCodeAt(0) === 35 /* # */ && EXCEL_ERRORS.has(t.toUpperCase());
}

/** Blank as Excel shows it: empty, null, or only spaces. */
export function isBlankCell(cell: unknown): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") return cell.length === 0 || (isTrimSpace(cell.charCodeAt(0)) && cell.trim().length === 0);
  return false;
}

/** A text value as stored: trimmed, full-width spaces folded, Chinese punctuation kept. */
export function cleanText(s: string): string {
  return trimmed(s.indexOf("\u3000") >= 0 ? s.replace(/\u3000/g, " ") : s);
}

/** How a cell reads in a message (`TRUE`, `1234`, the text trimmed and shortened). */
export function displayCell(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  const s = typeof cell === "string" ? cell.trim() : String(cell);
  return s.length > 60 ? s.slice(0, 60) + "…" : s;
}
