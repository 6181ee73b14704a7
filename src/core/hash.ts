// The one module for hashing: figure digests, the ledger key index, the link record's fingerprints and
// short name suffixes. Each must give the same hex on every run and every platform (Node CLI, Excel
// and Word webviews), so none uses a crypto API: two 32-bit lanes mixed cyrb53-style, 64 bits of output.

// Read once: under a vm context (jest) every lookup of the global `Math` goes through an
// interceptor and costs a hundred times a multiply.
const imul = Math.imul;
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);

// Type tags for cell values, so that 120000000 and "120000000", or true and "是", hash apart.
const BLANK = 0x6a09e667;
const TEXT = 0x3c6ef372;
const NUMBER = 0x5be0cd19;
const TRUE = 0x510e527f;
const FALSE = 0x1f83d9ab;

/**
 * 32 bits for one cell as read — its type, then its text or its number's bits — so a column's
 * cells can be digested once and fed to every figure that reads them.
 */
export function cellDigest(v: unknown): number {
  let h: number;
  if (typeof v === "string") {
    const n = v.length;
    h = imul(TEXT ^ n, 2654435761);
    const even = n & ~1;
    for (let i = 0; i < even; i += 2) {
      h = imul(h ^ (v.charCodeAt(i) | (v.charCodeAt(i + 1) << 16)), 2654435761);
      h ^= h >>> 15;
    }
    if (even !== n) h = imul(h ^ v.charCodeAt(even), 2654435761);
  } else if (typeof v === "number") {
    float[0] = v;
    h = imul(imul(NUMBER ^ words[0], 2654435761) ^ words[1], 1597334677);
  } else {
    h = imul(v === true ? TRUE : v === false ? FALSE : BLANK, 2654435761);
  }
  // murmur3's finaliser: the loop above leaves the last characters' bits poorly spread.
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class Hasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  /** Start over, so one hasher can serve many figures without an allocation each. */
  reset(): this {
    this.h1 = 0xdeadbeef;
    this.h2 = 0x41c6ce57;
    return this;
  }

  int(n: number): this {
    this.h1 = imul(this.h1 ^ n, 2654435761);
    this.h2 = imul(this.h2 ^ n, 1597334677);
    return this;
  }

  /** int(values[used[u]]) for each u below count, with the lanes in locals: a column of digests at a time. */
  intsAt(values: Int32Array, used: Int32Array, count: number): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let u = 0; u < count; u++) {
      const n = values[used[u]];
      h1 = imul(h1 ^ n, 2654435761);
      h2 = imul(h2 ^ n, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  /** Length first, so that ("ab","c") and ("a","bc") differ. */
  text(s: string): this {
    this.int(s.length);
    let h1 = this.h1;
    let h2 = this.h2;
    // Two UTF-16 units per step: fingerprints hash a cell or more of up to a million rows.
    const even = s.length & ~1;
    for (let i = 0; i < even; i += 2) {
      const pair = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      h1 = imul(h1 ^ pair, 2654435761);
      h2 = imul(h2 ^ pair, 1597334677);
    }
    if (even !== s.length) {
      const ch = s.charCodeAt(even);
      h1 = imul(h1 ^ ch, 2654435761);
      h2 = imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  /** The exact bits of the number: cheaper than its decimal text, and just as distinct. */
  number(x: number): this {
    float[0] = x;
    return this.int(words[0]).int(words[1]);
  }

  /** One cell as read: its type, then its text or its number's bits. */
  value(v: unknown): this {
    if (typeof v === "string") return this.int(TEXT).text(v);
    if (typeof v === "number") return this.int(NUMBER).number(v);
    if (v === true) return this.int(TRUE);
    if (v === false) return this.int(FALSE);
    return this.int(BLANK);
  }

  /** Finalised lanes, for feeding one hash into another. */
  lanes(): [number, number] {
    const out = new Uint32Array(2);
    this.lanesInto(out, 0);
    return [out[0], out[1]];
  }

  lanesInto(out: Uint32Array, at: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= imul(h1 ^ (h1 >>> 13), 3266489909);
    out[at] = h1 >>> 0;
    out[at + 1] = h2 >>> 0;
  }

  hex(): string {
    const [h1, h2] = this.lanes();
    return h2.toString(16).padStart(8, "0") + h1.toString(16).padStart(8, "0");
  }
}

// ── Fingerprints stored in documents. Their values are part of the file format: a report made
// earlier is checked against them, so neither function may change its output.

/**
 * The fingerprint of a figure's text in the link record: cyrb53 over the UTF-16 code units of
 * `text`, as 14 lowercase hex digits.
 */
export function stableHash(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = imul(h1 ^ ch, 2654435761);
    h2 = imul(h2 ^ ch, 1597334677);
  }
  h1 = imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, "0");
}

/**
 * 8 hex digits of FNV-1a over the UTF-16 code units of `text`: the suffix that keeps a shortened
 * bookmark name (`lr_<id>`) unique.
 */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}
