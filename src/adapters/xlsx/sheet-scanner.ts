// A scanner for exactly the part of SpreadsheetML a ledger needs — rows, cells, their cached values,
// merged areas and the dimension hint — fed bytes in arbitrary chunks. A general SAX parser spends
// most of its time on events we would throw away, and even decoding the whole part to a string costs
// more than the scan itself; so this one walks the UTF-8 bytes (every byte of markup is ASCII, and no
// byte of a multi-byte character can look like markup), reads cell references, indexes and plain
// numbers straight from them, and decodes text only for the values it keeps. Whatever the chunking,
// the result is the same: anything incomplete at the end of a chunk is carried over whole, and the
// text of a value is decoded only once all its bytes are in.
import { concatBytes } from "../../core/bytes";
import { LT, GT, SLASH, BANG, QUESTION, COLON } from "../../core/xml-markup";
import type { CellRange, RawCell } from "../../core/types";
import { CellColumns, NUMBER, OTHER, TEXT } from "../../core/ledger/raw-columns";
import { columnLetters } from "../../core/address";
import { fail } from "./errors";
import type { XlsxLimits } from "./limits";
import { MAX_COL, MAX_ROW, decodeEntities, decodeXString, isoToSerial, parseRange } from "./xml-text";

/** Shared strings by index; null marks a string longer than maxCellChars (an error only if a cell uses it). */
export type SharedStrings = readonly (string | null)[];

/**
 * Where the cells go. A shared string goes as its index, never as its text: the string is not
 * touched per cell (on the 100,000-row bench the lookup was a third of the cell loop, a cache
 * miss each), and whoever reads the cells works on each distinct string once.
 */
export interface CellSink {
  number(row: number, col: number, value: number): void;
  /** A shared string known to be there, not blank ("") and not too long. */
  shared(row: number, col: number, index: number): void;
  /** Anything else not blank: a boolean, an error's text, inline or formula text. */
  value(row: number, col: number, value: RawCell): void;
}

export interface ScannerOptions {
  sheet: string;
  /** Zip path, for messages about the part itself. */
  part: string;
  sharedStrings: SharedStrings;
  /** sharedStringFlags(sharedStrings), when the caller scans several sheets with the same strings. */
  sharedFlags?: Uint8Array;
  date1904: boolean;
  limits: XlsxLimits;
  /** Each non-blank cell with its value (shared strings as their text); or `sink`. */
  onCell?: (row: number, col: number, value: RawCell) => void;
  sink?: CellSink;
}

const SHARED_EMPTY = 1;
const SHARED_TOO_LONG = 2;

/** Per shared string: 0, or SHARED_EMPTY for "", SHARED_TOO_LONG for one past maxCellChars (null). */
export function sharedStringFlags(strings: SharedStrings): Uint8Array {
  const flags = new Uint8Array(strings.length);
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i];
    if (s === null) flags[i] = SHARED_TOO_LONG;
    else if (s === "") flags[i] = SHARED_EMPTY;
  }
  return flags;
}

function sinkOf(o: ScannerOptions): CellSink {
  if (o.sink) return o.sink;
  const onCell = o.onCell ?? (() => {});
  const strings = o.sharedStrings;
  return {
    number: onCell,
    shared: (row, col, index) => onCell(row, col, strings[index]!),
    value: onCell,
  };
}

/** An unfinished tag, comment or CDATA section this long is not a spreadsheet. */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

const CAPTURE_NONE = 0;
const CAPTURE_V = 1;
const CAPTURE_T = 2;

// Cell types (`t` attribute).
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

const utf8 = new TextDecoder("utf-8");

/** Bytes known to be ASCII (references, numbers) → string, without TextDecoder's per-call cost. */
function ascii(b: Uint8Array, s: number, e: number): string {
  let out = "";
  for (let i = s; i < e; i++) out += String.fromCharCode(b[i]);
  return out;
}

function isAscii(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i] > 127) return false;
  return true;
}

function decodeBytes(b: Uint8Array, s: number, e: number): string {
  // From 13 characters on, `out += c` builds a rope that every later use of the string must flatten.
  return e - s < 13 && isAscii(b, s, e) ? ascii(b, s, e) : utf8.decode(b.subarray(s, e));
}

function matches(b: Uint8Array, s: number, e: number, word: string): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (b[s + i] !== word.charCodeAt(i)) return false;
  return true;
}

function startsWithAt(b: Uint8Array, at: number, n: number, word: string): boolean {
  if (at + word.length > n) return false;
  for (let i = 0; i < word.length; i++) if (b[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Index of `word` in b[from, n), or -1. */
function find(b: Uint8Array, word: string, from: number, n: number): number {
  const first = word.charCodeAt(0);
  const last = n - word.length;
  outer: for (let i = from; i <= last; i++) {
    if (b[i] !== first) continue;
    for (let k = 1; k < word.length; k++) if (b[i + k] !== word.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/**
 * A plain decimal (`-12.5`, `45000`) read straight from bytes. Up to 15 digits the mantissa is an
 * exact integer and one division by an exact power of ten rounds correctly, so the result equals
 * Number(text); anything else (exponents, long mantissas) goes through Number.
 */
function numberFromBytes(b: Uint8Array, s: number, e: number): number {
  while (s < e && b[s] <= 32) s++;
  while (e > s && b[e - 1] <= 32) e--;
  if (s === e) return NaN;
  let i = s;
  const neg = b[i] === 45;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let frac = 0;
  let dot = false;
  for (; i < e; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (dot) frac++;
    } else if (c === 46 && !dot) dot = true;
    else break;
  }
  if (i === e && digits > 0 && digits <= 15) {
    const v = frac ? m / POW10[frac] : m;
    return neg ? -v : v;
  }
  return Number(ascii(b, s, e));
}

interface Piece {
  bytes: Uint8Array;
  cdata: boolean;
}

interface Attr {
  /** Value start and end in the buffer. */
  s: number;
  e: number;
}

export class SheetScanner {
  readonly merges: CellRange[] = [];
  dimension: CellRange | null = null;

  private pending: Uint8Array | null = null;
  private utf16: TextDecoder | null = null;
  private started = false;
  private depth = 0;
  private inSheetData = false;
  private row = -1;
  private col = -1;
  // The cell being read.
  private inCell = false;
  private cellRow = 0;
  private cellCol = 0;
  private cellType = T_NUMBER;
  private inIs = false;
  private phonetic = 0;
  private capture = CAPTURE_NONE;
  /** The cached value (<v>) and the inline text (<is><t>) of the cell being read. */
  private readonly v = new TextCapture();
  private readonly t = new TextCapture();
  private readonly maxRawBytes: number;
  private readonly attr: Attr = { s: 0, e: 0 };
  private readonly sink: CellSink;
  private readonly sharedFlags: Uint8Array;

  constructor(private readonly o: ScannerOptions) {
    this.sink = sinkOf(o);
    this.sharedFlags = o.sharedFlags ?? sharedStringFlags(o.sharedStrings);
    // Raw bytes may hold entities (`&#x10FFFF;` is 10 bytes for 2 characters) or 4-byte characters,
    // so cap them generously here and exactly once decoded.
    this.maxRawBytes = o.limits.maxCellChars * 10 + 16;
  }

  pushBytes(chunk: Uint8Array): void {
    if (!this.started) {
      if (!chunk.length) return;
      if (this.pending) {
        chunk = concatBytes(this.pending, chunk);
        this.pending = null;
      }
      if (chunk.length < 2) {
        this.pending = chunk.slice();
        return;
      }
      this.started = true;
      // UTF-16 parts are rare but allowed; they are turned into UTF-8 so the byte scan still holds.
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        this.utf16 = new TextDecoder(chunk[0] === 0xff ? "utf-16le" : "utf-16be");
      }
    }
    if (this.utf16) chunk = new TextEncoder().encode(this.utf16.decode(chunk, { stream: true }));
    this.scanChunk(chunk);
  }

  /** For callers holding text (tests, already-decoded parts). */
  pushText(text: string): void {
    this.pushBytes(new TextEncoder().encode(text));
  }

  finish(): void {
    if (!this.started && this.pending) {
      this.started = true;
      const rest = this.pending;
      this.pending = null;
      this.scanChunk(rest);
    }
    if (this.utf16) this.scanChunk(new TextEncoder().encode(this.utf16.decode()));
    const rest = this.pending;
    if ((rest && !isBlank(rest)) || this.depth > 0) {
      throw fail.corrupt(`${this.o.part}: the sheet's XML ends before it is complete`, { sheet: this.o.sheet });
    }
  }

  private scanChunk(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.pending) {
      buf = concatBytes(this.pending, chunk);
      this.pending = null;
    }
    const p = this.run(buf);
    if (p < buf.length) {
      if (buf.length - p > MAX_PENDING_BYTES) {
        throw fail.corrupt(`${this.o.part}: an XML tag or comment never ends`, { sheet: this.o.sheet });
      }
      // Copied: the chunk's memory may belong to the inflater.
      this.pending = buf.slice(p);
    }
  }

  /** Processes every complete token in `buf`; returns where the incomplete remainder starts. */
  private run(buf: Uint8Array): number {
    const n = buf.length;
    let p = 0;
    while (p < n) {
      // Gaps between tags are short: a plain loop beats a native call per gap, until a gap proves long.
      let lt = p;
      const near = Math.min(n, p + 32);
      while (lt < near && buf[lt] !== LT) lt++;
      if (lt === near && lt < n) {
        lt = buf.indexOf(LT, lt);
        if (lt < 0) lt = n;
      }
      if (lt !== p) {
        if (this.capture !== CAPTURE_NONE) this.appendText(buf, p, lt, false);
        if (lt >= n) return n;
        p = lt;
      }
      if (p + 1 >= n) return p;
      const c1 = buf[p + 1];
      if (c1 === BANG) {
        if (n - p < 9 && (isPrefixOf(buf, p, n, "<![CDATA[") || isPrefixOf(buf, p, n, "<!--"))) return p;
        if (startsWithAt(buf, p, n, "<!--")) {
          const e = find(buf, "-->", p + 4, n);
          if (e < 0) return p;
          p = e + 3;
        } else if (startsWithAt(buf, p, n, "<![CDATA[")) {
          const e = find(buf, "]]>", p + 9, n);
          if (e < 0) return p;
          if (this.capture !== CAPTURE_NONE) this.appendText(buf, p + 9, e, true);
          p = e + 3;
        } else {
          // A DOCTYPE: skipped, internal subset included; its entities are never expanded.
          let i = p + 2;
          let bracket = 0;
          for (; i < n; i++) {
            const ch = buf[i];
            if (ch === 91) bracket++;
            else if (ch === 93) bracket--;
            else if (ch === GT && bracket <= 0) break;
          }
          if (i >= n) return p;
          p = i + 1;
        }
        continue;
      }
      if (c1 === QUESTION) {
        const e = find(buf, "?>", p + 2, n);
        if (e < 0) return p;
        p = e + 2;
        continue;
      }
      if (this.inSheetData && !this.inCell) {
        // Every row opens and closes once: `<row r="2" spans="1:9">` and `</row>` read here, not
        // through tag(), to the same state (the general path takes anything unusual).
        if (c1 === 114 /* r */) {
          const q = this.fastRow(buf, p, n);
          if (q > 0) {
            p = q;
            continue;
          }
        } else if (c1 === SLASH && p + 5 < n && buf[p + 2] === 114 && buf[p + 3] === 111 && buf[p + 4] === 119 && buf[p + 5] === GT) {
          this.depth--;
          p += 6;
          continue;
        }
      }
      if (c1 === 99 /* c */ && this.inSheetData && !this.inCell) {
        let q = this.fastCell(buf, p, n);
        if (q > 0) {
          // A row's cells follow one another with nothing between: read them here, not one per turn of this loop.
          for (let next = q; buf[next] === LT && buf[next + 1] === 99 && q > 0; next = q) {
            p = next;
            q = this.fastCell(buf, p, n);
          }
          if (q > 0) p = q;
          continue;
        }
      }
      // An element tag; '>' may legally sit inside a quoted attribute value.
      let i = p + 1;
      let quote = 0;
      for (; i < n; i++) {
        const ch = buf[i];
        if (quote) {
          if (ch === quote) quote = 0;
        } else if (ch === GT) break;
        else if (ch === 34 || ch === 39) quote = ch;
      }
      if (i >= n) return p;
      this.tag(buf, p, i);
      p = i + 1;
    }
    return p;
  }

  private appendText(buf: Uint8Array, s: number, e: number, cdata: boolean): void {
    if (s === e) return;
    if (this.v.bytes + this.t.bytes + (e - s) > this.maxRawBytes) throw this.tooLong();
    (this.capture === CAPTURE_V ? this.v : this.t).add(buf, s, e, cdata);
  }

  private tooLong() {
    return fail.cellLength(this.o.sheet, columnLetters(this.cellCol) + (this.cellRow + 1), this.o.limits.maxCellChars);
  }

  /** One tag from `<` at s to `>` at e. */
  private tag(b: Uint8Array, s: number, e: number): void {
    let i = s + 1;
    const closing = b[i] === SLASH;
    if (closing) i++;
    // Namespace prefixes (`x:c`) are dropped: only the local name matters.
    let ns = i;
    for (; i < e; i++) {
      const ch = b[i];
      if (ch <= 32 || ch === SLASH) break;
      if (ch === COLON) ns = i + 1;
    }
    const ne = i;
    const selfClosing = !closing && b[e - 1] === SLASH;
    if (closing) this.depth--;
    else if (!selfClosing && ++this.depth > this.o.limits.maxXmlDepth) {
      throw fail.depth(this.o.part, this.o.limits.maxXmlDepth);
    }
    const len = ne - ns;
    if (len === 1) {
      const ch = b[ns];
      if (ch === 99 /* c */) {
        if (!this.inSheetData) return;
        if (closing) this.endCell();
        else this.startCell(b, ne, e, selfClosing);
      } else if (ch === 118 /* v */) {
        if (!this.inCell) return;
        if (closing) this.capture = CAPTURE_NONE;
        else {
          this.v.present = true;
          if (!selfClosing) this.capture = CAPTURE_V;
        }
      } else if (ch === 116 /* t */) {
        if (!this.inIs || this.phonetic > 0) return;
        if (closing) this.capture = CAPTURE_NONE;
        else {
          this.t.present = true;
          if (!selfClosing) this.capture = CAPTURE_T;
        }
      }
      return;
    }
    if (len === 2) {
      if (this.inCell && b[ns] === 105 && b[ns + 1] === 115 /* is */) {
        this.inIs = !closing && !selfClosing;
        if (!closing) this.t.present = true;
      }
      return;
    }
    if (len === 3) {
      if (matches(b, ns, ne, "row")) {
        if (closing || !this.inSheetData) return;
        // A row number Excel could not have written (0, 10^15) is treated as missing, as Excel's repair does.
        const v = this.findAttr(b, ne, e, "r") ? numberFromBytes(b, this.attr.s, this.attr.e) : NaN;
        this.row = Number.isInteger(v) && v >= 1 && v <= MAX_ROW + 1 ? v - 1 : this.row + 1;
        if (this.row > MAX_ROW) throw fail.corrupt(`${this.o.part}: more than ${MAX_ROW + 1} rows`, { sheet: this.o.sheet });
        this.col = -1;
      } else if (this.inIs && matches(b, ns, ne, "rPh")) {
        if (closing) this.phonetic--;
        else if (!selfClosing) this.phonetic++;
      }
      return;
    }
    if (len === 9 && !closing) {
      if (matches(b, ns, ne, "sheetData")) this.inSheetData = !selfClosing;
      else if (matches(b, ns, ne, "mergeCell")) {
        const range = this.findAttr(b, ne, e, "ref") ? parseRange(this.attrText(b)) : null;
        if (range) this.merges.push(range);
      } else if (matches(b, ns, ne, "dimension")) {
        this.dimension = this.findAttr(b, ne, e, "ref") ? parseRange(this.attrText(b)) : null;
      }
    } else if (len === 9 && closing && matches(b, ns, ne, "sheetData")) this.inSheetData = false;
  }

  private attrText(b: Uint8Array): string {
    return decodeEntities(decodeBytes(b, this.attr.s, this.attr.e));
  }

  /** Finds attribute `name` in b[from, to) and leaves its value's bounds in this.attr. */
  private findAttr(b: Uint8Array, from: number, to: number, name: string): boolean {
    let i = from;
    while (i < to) {
      let ch = b[i];
      if (ch <= 32 || ch === SLASH) {
        i++;
        continue;
      }
      const ns = i;
      while (i < to && (ch = b[i]) !== 61 && ch > 32) i++;
      const ne = i;
      while (i < to && b[i] <= 32) i++;
      if (b[i] !== 61) return false;
      i++;
      while (i < to && b[i] <= 32) i++;
      const q = b[i];
      if (q !== 34 && q !== 39) return false;
      let ve = i + 1;
      while (ve < to && b[ve] !== q) ve++;
      if (ve >= to) return false;
      if (matches(b, ns, ne, name)) {
        this.attr.s = i + 1;
        this.attr.e = ve;
        return true;
      }
      i = ve + 1;
    }
    return false;
  }

  private startCell(b: Uint8Array, from: number, to: number, selfClosing: boolean): void {
    if (this.findAttr(b, from, to, "r")) this.place(b, this.attr.s, this.attr.e);
    else this.place(b, -1, -1);
    if (selfClosing) return;
    this.inCell = true;
    this.cellType = T_NUMBER;
    if (this.findAttr(b, from, to, "t")) {
      const s = this.attr.s;
      const e = this.attr.e;
      const first = b[s];
      if (e - s === 1) {
        this.cellType = first === 115 ? T_SHARED : first === 98 ? T_BOOL : first === 101 ? T_ERROR : first === 100 ? T_DATE : T_NUMBER;
      } else if (matches(b, s, e, "str")) this.cellType = T_STR;
      else if (matches(b, s, e, "inlineStr")) this.cellType = T_INLINE;
    }
    this.v.reset();
    this.t.reset();
    this.inIs = false;
    this.phonetic = 0;
    this.capture = CAPTURE_NONE;
  }

  /**
   * Places a cell whose `r` value lies in b[s, e) (s < 0: it has none) and leaves its position in
   * cellRow/cellCol. Cells without `r` follow the previous one; rows without `r` follow the previous row.
   */
  private place(b: Uint8Array, s: number, e: number): void {
    if (this.row < 0) this.row = 0;
    let row = this.row;
    let col = this.col + 1;
    if (s >= 0) {
      let i = s;
      let c = 0;
      let letters = 0;
      for (; i < e; i++) {
        let ch = b[i];
        if (ch >= 97 && ch <= 122) ch -= 32;
        if (ch < 65 || ch > 90) break;
        c = c * 26 + (ch - 64);
        letters++;
      }
      let r = 0;
      let digits = 0;
      for (; i < e; i++) {
        const ch = b[i];
        if (ch < 48 || ch > 57) break;
        r = r * 10 + (ch - 48);
        digits++;
      }
      if (i === e && letters > 0 && letters <= 3) col = c - 1;
      if (i === e && digits > 0 && digits <= 8 && r > 0) row = r - 1;
    }
    if (row < 0 || row > MAX_ROW || col > MAX_COL) {
      throw fail.corrupt(`${this.o.part}: cell ${columnLetters(col)}${row + 1} is outside the sheet`, { sheet: this.o.sheet });
    }
    this.col = col;
    this.cellRow = row;
    this.cellCol = col;
  }

  /**
   * The cell nearly every row is made of — `<c r="B2" s="1" t="s"><v>42</v></c>`, a shared string
   * or a plain number — read in one go from its `<`, without the four tag dispatches and the text
   * capture of the general path. Anything else (a formula, inline text, an entity, a namespace
   * prefix, a cell cut by the chunk's end) returns -1 untouched and the general path reads it, to
   * the same result. Returns the position after `</c>`.
   */
  private fastCell(b: Uint8Array, p: number, n: number): number {
    // Attributes as writers write them: one space, a one-letter name, `="`. `r` is read on the way
    // (upper-case letters, then digits); `t` may only be "s" or "n"; others (`s`) are skipped.
    let i = p + 2;
    let ch = b[i];
    if (ch !== 32 && ch !== GT) return -1;
    let row = -1;
    let col = -1;
    let shared = false;
    while (ch === 32) {
      const name = b[i + 1];
      if (b[i + 2] !== 61 || b[i + 3] !== 34) return -1;
      let j = i + 4;
      if (name === 114 /* r */ && row < 0) {
        let letters = 0;
        let c = 0;
        for (let x = b[j]; x >= 65 && x <= 90; x = b[++j]) {
          c = c * 26 + (x - 64);
          letters++;
        }
        let digits = 0;
        let r = 0;
        for (let x = b[j]; x >= 48 && x <= 57; x = b[++j]) {
          r = r * 10 + (x - 48);
          digits++;
        }
        // Anything else (lower case, no row, too far out) is the general path's to judge.
        if (b[j] !== 34 || letters === 0 || letters > 3 || digits === 0 || digits > 7 || r === 0 || r > MAX_ROW + 1 || c > MAX_COL + 1) {
          return -1;
        }
        row = r - 1;
        col = c - 1;
        j++;
      } else if (name === 116 /* t */) {
        const type = b[j];
        if (b[j + 1] !== 34 || (type !== 115 && type !== 110)) return -1;
        shared = type === 115;
        j += 2;
      } else {
        while (j < n && b[j] !== 34) j++;
        if (j >= n) return -1;
        j++;
      }
      i = j;
      ch = b[i];
    }
    // i is at the start tag's '>'; `<v>` must follow at once.
    if (ch !== GT || b[i + 1] !== LT || b[i + 2] !== 118 || b[i + 3] !== GT) return -1;
    const vs = i + 4;
    let ve = vs;
    let index = 0;
    if (shared) {
      // A shared string's index: digits only, as every writer writes it.
      for (let x = b[ve]; x >= 48 && x <= 57; x = b[++ve]) index = index * 10 + (x - 48);
      if (ve === vs || ve - vs > 9) return -1;
    } else {
      let x = 0;
      while (ve < n && (x = b[ve]) !== LT) {
        // An entity in a value (`&#49;`) is read by the general path, which decodes it first.
        if (x === 38) return -1;
        ve++;
      }
    }
    if (
      ve + 8 > n ||
      b[ve] !== LT ||
      b[ve + 1] !== SLASH ||
      b[ve + 2] !== 118 ||
      b[ve + 3] !== GT ||
      b[ve + 4] !== LT ||
      b[ve + 5] !== SLASH ||
      b[ve + 6] !== 99 ||
      b[ve + 7] !== GT
    ) {
      return -1;
    }
    // The general path would open two elements here; past the depth limit it is the one to say so.
    if (this.depth + 2 > this.o.limits.maxXmlDepth) return -1;
    // An index past the table reads as blank, as the general path has it; "" is blank too.
    let flag = SHARED_EMPTY;
    let num = 0;
    if (shared) {
      if (index < this.sharedFlags.length) {
        flag = this.sharedFlags[index];
        // Too long for the limits: the general path names the cell.
        if (flag === SHARED_TOO_LONG) return -1;
      }
    } else {
      num = numberFromBytes(b, vs, ve);
      if (!Number.isFinite(num)) return -1;
    }
    // Placed as place() places it: a cell without `r` follows the previous one.
    if (this.row < 0) this.row = 0;
    if (row < 0) {
      row = this.row;
      col = this.col + 1;
      if (col > MAX_COL) return -1;
    }
    this.col = col;
    if (!shared) this.sink.number(row, col, num);
    else if (flag !== SHARED_EMPTY) this.sink.shared(row, col, index);
    return ve + 8;
  }

  /**
   * A row's start tag as writers write it — attributes separated by one space, values in double
   * quotes, `r` plain digits — read as tag() reads it; -1 (nothing changed) for anything else,
   * a self-closing row included. Returns the position after its `>`.
   */
  private fastRow(b: Uint8Array, p: number, n: number): number {
    if (b[p + 2] !== 111 /* o */ || b[p + 3] !== 119 /* w */) return -1;
    let i = p + 4;
    let r = -1;
    while (b[i] === 32) {
      const name = i + 1;
      let j = name;
      while (j < n && b[j] !== 61 && b[j] > 32 && b[j] !== GT && b[j] !== SLASH) j++;
      if (j + 1 >= n || b[j] !== 61 || b[j + 1] !== 34) return -1;
      let ve = j + 2;
      if (j - name === 1 && b[name] === 114 /* r */) {
        if (r >= 0) return -1;
        let v = 0;
        let digits = 0;
        for (let x = b[ve]; x >= 48 && x <= 57; x = b[++ve]) {
          v = v * 10 + (x - 48);
          digits++;
        }
        if (b[ve] !== 34 || digits === 0 || digits > 7 || v < 1 || v > MAX_ROW + 1) return -1;
        r = v;
      } else {
        while (ve < n && b[ve] !== 34) ve++;
        if (ve >= n) return -1;
      }
      i = ve + 1;
    }
    if (b[i] !== GT || i >= n) return -1;
    const row = r >= 0 ? r - 1 : this.row + 1;
    if (row > MAX_ROW || this.depth + 1 > this.o.limits.maxXmlDepth) return -1;
    this.depth++;
    this.row = row;
    this.col = -1;
    return i + 1;
  }

  private endCell(): void {
    if (!this.inCell) return;
    this.capture = CAPTURE_NONE;
    this.inCell = false;
    this.inIs = false;
    if (this.cellType === T_SHARED) {
      const index = this.sharedIndex();
      // Let go of the chunk buffers the captures point into.
      this.v.reset();
      this.t.reset();
      if (index >= 0) this.sink.shared(this.cellRow, this.cellCol, index);
      return;
    }
    const value = this.cellValue();
    this.v.reset();
    this.t.reset();
    if (value === "") return;
    if (typeof value === "string" && value.length > this.o.limits.maxCellChars) throw this.tooLong();
    if (typeof value === "number") this.sink.number(this.cellRow, this.cellCol, value);
    else this.sink.value(this.cellRow, this.cellCol, value);
  }

  /** The shared string's index, or -1 when the cell reads as blank; a string too long throws. */
  private sharedIndex(): number {
    const v = this.v;
    if (v.empty()) return -1;
    const index = v.number();
    if (!Number.isInteger(index) || index < 0 || index >= this.o.sharedStrings.length) return -1;
    const flag = this.sharedFlags[index];
    if (flag === SHARED_TOO_LONG) throw this.tooLong();
    return flag === SHARED_EMPTY ? -1 : index;
  }

  private cellValue(): RawCell {
    const v = this.v;
    switch (this.cellType) {
      case T_INLINE:
        if (this.t.present) return decodeXString(this.t.text());
        return v.present ? decodeXString(v.text()) : "";
      case T_STR:
        return v.present ? decodeXString(v.text()) : "";
      case T_BOOL: {
        const t = v.text().trim();
        return t === "" ? "" : t === "1" || t === "true";
      }
      case T_ERROR:
        return v.text().trim();
      case T_DATE: {
        const text = v.text().trim();
        return text === "" ? "" : (isoToSerial(text, this.o.date1904) ?? text);
      }
      default: {
        if (!v.present) return this.t.present ? decodeXString(this.t.text()) : "";
        if (v.blank()) return "";
        const num = v.number();
        if (Number.isFinite(num)) return num;
        const text = v.text().trim();
        return decodeXString(text);
      }
    }
  }
}

/**
 * The text of one value as it streams past. Nearly always it lies whole in one chunk, and is kept
 * as a range of that chunk — no copy, no allocation per cell; only a value split by a chunk
 * boundary, or holding CDATA, is copied into pieces.
 */
class TextCapture {
  /** The element was seen (an empty `<v/>` differs from no `<v>`). */
  present = false;
  bytes = 0;
  private buf: Uint8Array | null = null;
  private s = 0;
  private e = 0;
  private pieces: Piece[] | null = null;

  reset(): void {
    this.present = false;
    this.bytes = 0;
    this.buf = null;
    this.pieces = null;
  }

  add(buf: Uint8Array, s: number, e: number, cdata: boolean): void {
    this.bytes += e - s;
    if (!this.buf && !this.pieces && !cdata) {
      this.buf = buf;
      this.s = s;
      this.e = e;
      return;
    }
    if (!this.pieces) {
      this.pieces = [];
      if (this.buf) this.pieces.push({ bytes: this.buf.slice(this.s, this.e), cdata: false });
      this.buf = null;
    }
    this.pieces.push({ bytes: buf.slice(s, e), cdata });
  }

  empty(): boolean {
    return !this.buf && !this.pieces;
  }

  blank(): boolean {
    if (this.buf) {
      for (let i = this.s; i < this.e; i++) if (this.buf[i] > 32) return false;
      return true;
    }
    return this.pieces ? this.text().trim() === "" : true;
  }

  /** The value as a number, NaN when it is not one. */
  number(): number {
    if (this.buf) {
      const n = numberFromBytes(this.buf, this.s, this.e);
      // `&#49;2` is 12 once its entity is decoded, as it is when a chunk boundary splits it.
      if (!Number.isNaN(n) || this.buf.subarray(this.s, this.e).indexOf(38) < 0) return n;
    }
    const text = this.text().trim();
    return text === "" ? NaN : Number(text);
  }

  /** Entities decoded, line ends normalised, CDATA kept literal. */
  text(): string {
    if (this.buf) return decodeEntities(lineEnds(decodeBytes(this.buf, this.s, this.e)));
    if (!this.pieces) return "";
    let out = "";
    let raw: Uint8Array[] = [];
    // Raw runs are joined before decoding: a chunk boundary may fall inside a character.
    const flush = () => {
      if (!raw.length) return;
      out += decodeEntities(lineEnds(utf8.decode(raw.length === 1 ? raw[0] : concatBytes(...raw))));
      raw = [];
    };
    for (const p of this.pieces) {
      if (p.cdata) {
        flush();
        out += lineEnds(utf8.decode(p.bytes));
      } else raw.push(p.bytes);
    }
    flush();
    return out;
  }
}

/** XML reads every literal CR LF or lone CR as LF; a CR written as `&#13;` or `_x000D_` survives. */
function lineEnds(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

function isBlank(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 32) return false;
  return true;
}

function isPrefixOf(b: Uint8Array, p: number, n: number, word: string): boolean {
  for (let i = p; i < n; i++) if (i - p >= word.length || b[i] !== word.charCodeAt(i - p)) return false;
  return true;
}

/** One sheet column's cells from row `base` on: kinds and payloads as CellColumns keeps them. */
interface GridColumn {
  base: number;
  kinds: Uint8Array;
  payload: Float64Array;
}

/**
 * Collects a sheet's non-blank cells column by column and turns them into the dense used range
 * (CellColumns). No array per row, no string per cell: a shared string stays its index. On the
 * 100,000-row bench (CPU ms, medians of 6–8 runs interleaved with the row grid, load 6–11 on 2
 * cores) the read fell ~35–65 ms (flood 504 → 456, clean 498 → 434), and the whole task's
 * scavenges from ~165–190 ms to ~110–130 ms (--trace-gc, 3 runs each): 100,000 row arrays and a
 * million string pointers are no longer there for the collector to copy.
 */
export class ColumnGrid implements CellSink {
  private readonly columns: (GridColumn | undefined)[] = [];
  private readonly others: RawCell[] = [];
  top = Infinity;
  left = Infinity;
  bottom = -1;
  right = -1;

  constructor(
    private readonly sheet: string,
    private readonly limits: XlsxLimits,
    /** Cells counted across the whole workbook, shared by every sheet's grid. */
    private readonly budget: { cells: number },
  ) {}

  number(row: number, col: number, value: number): void {
    this.put(row, col, NUMBER, value);
  }

  shared(row: number, col: number, index: number): void {
    this.put(row, col, TEXT, index);
  }

  value(row: number, col: number, value: RawCell): void {
    this.put(row, col, OTHER, this.others.length);
    this.others.push(value);
  }

  private put(row: number, col: number, kind: number, payload: number): void {
    if (++this.budget.cells > this.limits.maxCells) throw fail.cells(this.sheet, this.limits.maxCells);
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (col < this.left) this.left = col;
    if (col > this.right) this.right = col;
    let column = this.columns[col];
    if (column === undefined || row < column.base || row - column.base >= column.kinds.length) column = this.room(col, row);
    const i = row - column.base;
    column.kinds[i] = kind;
    column.payload[i] = payload;
  }

  /** The column, grown (or moved down, for a row above its first) to hold `row`. */
  private room(col: number, row: number): GridColumn {
    // Two stray cells far apart would otherwise ask for billions of blanks.
    if ((this.bottom - this.top + 1) * (this.right - this.left + 1) > this.limits.maxCells) {
      throw fail.cells(this.sheet, this.limits.maxCells);
    }
    const old = this.columns[col];
    const base = old === undefined ? row : Math.min(old.base, row);
    const end = old === undefined ? row + 1 : Math.max(old.base + old.kinds.length, row + 1);
    const size = old === undefined ? 1024 : Math.max(end - base, old.kinds.length * 2);
    const column: GridColumn = { base, kinds: new Uint8Array(size), payload: new Float64Array(size) };
    if (old !== undefined) {
      column.kinds.set(old.kinds, old.base - base);
      column.payload.set(old.payload, old.base - base);
    }
    this.columns[col] = column;
    return column;
  }

  /** The used range from (top, left) as columns; null when the sheet has no values. */
  build(strings: SharedStrings): CellColumns | null {
    if (this.bottom < 0) return null;
    const height = this.bottom - this.top + 1;
    const width = this.right - this.left + 1;
    if (height * width > this.limits.maxCells) throw fail.cells(this.sheet, this.limits.maxCells);
    const kinds = new Uint8Array(height * width);
    const payload = new Float64Array(height * width);
    for (let c = 0; c < width; c++) {
      const column = this.columns[this.left + c];
      if (column === undefined) continue;
      const from = column.base;
      const to = Math.min(column.base + column.kinds.length, this.bottom + 1);
      const at = c * height + (from - this.top);
      kinds.set(column.kinds.subarray(0, to - from), at);
      payload.set(column.payload.subarray(0, to - from), at);
    }
    this.columns.length = 0;
    return new CellColumns(kinds, payload, height, 0, 0, height, width, strings, this.others);
  }
}
