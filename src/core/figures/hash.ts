// A small pure-JS hash for figure fingerprints. It must give the same hex on every run and
// every platform (Node CLI, Excel and Word webviews), so it uses no crypto API: two 32-bit
// lanes mixed cyrb53-style, 64 bits of output.

// Read once: under a vm context (jest) every lookup of the global `Math` goes through an
// interceptor and costs a hundred times a multiply.
const imul = Math.imul;
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);

export class Hasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  /** Start over, so one hasher can serve a million rows without a million allocations. */
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

  /** Length first, so that ("ab","c") and ("a","bc") differ. */
  text(s: string): this {
    this.int(s.length);
    let h1 = this.h1;
    let h2 = this.h2;
    // Two UTF-16 units per step: fingerprints hash every cell of a million rows.
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

// Per-row fingerprints, the hot part: a million ledger rows are hashed once per evaluation. Each
// column is hashed on its own (its name, then its value, two 32-bit lanes) and the columns are
// added together, so the result does not depend on the order a row lists its columns in, needs
// no sorting, and the row's values are read with a plain for-in, which V8 turns into field loads.

// The two lanes of the last textLanes/valueLanes call: module slots, not a returned pair, so the
// hot loop allocates nothing.
let lane1 = 0;
let lane2 = 0;

function textLanes(s: string, seed1: number, seed2: number): void {
  const n = s.length;
  let h1 = imul(seed1 ^ n, 2654435761);
  let h2 = imul(seed2 ^ n, 1597334677);
  const even = n & ~1;
  for (let i = 0; i < even; i += 2) {
    const pair = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    h1 = imul(h1 ^ pair, 2654435761);
    h2 = imul(h2 ^ pair, 1597334677);
    h1 ^= h1 >>> 15;
    h2 ^= h2 >>> 13;
  }
  if (even !== n) {
    const ch = s.charCodeAt(even);
    h1 = imul(h1 ^ ch, 2654435761);
    h2 = imul(h2 ^ ch, 1597334677);
  }
  lane1 = h1;
  lane2 = h2;
}

function valueLanes(v: unknown, seed1: number, seed2: number): void {
  if (typeof v === "string") textLanes(v, seed1 ^ 0x1b873593, seed2 ^ 0x1b873593);
  else if (typeof v === "number") {
    float[0] = v;
    const lo = words[0];
    const hi = words[1];
    lane1 = imul(imul(seed1 ^ lo, 2654435761) ^ hi ^ 0x2545f491, 2246822507);
    lane2 = imul(imul(seed2 ^ hi, 1597334677) ^ lo ^ 0x2545f491, 3266489909);
  } else {
    const tag = v === null || v === undefined ? 0x6a09e667 : v ? 0x3c6ef372 : 0x5be0cd19;
    lane1 = imul(seed1 ^ tag, 2654435761);
    lane2 = imul(seed2 ^ tag, 1597334677);
  }
}

/** Final avalanche (murmur3 fmix32), so sums of column hashes do not cancel in patterns. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

// Lanes of the column names, by position, for the shape of the last row: rows of one sheet list
// the same names in the same order, so a name is hashed once, not once per row.
let shapeKeys: string[] = [];
let shapeLanes = new Int32Array(64);

function keyLanes(key: string, n: number): void {
  if (shapeKeys[n] !== key) {
    textLanes(key, 0x27d4eb2f, 0x165667b1);
    shapeKeys[n] = key;
    if (n * 2 + 1 >= shapeLanes.length) {
      const grown = new Int32Array(shapeLanes.length * 2);
      grown.set(shapeLanes);
      shapeLanes = grown;
    }
    shapeLanes[n * 2] = lane1;
    shapeLanes[n * 2 + 1] = lane2;
  } else {
    lane1 = shapeLanes[n * 2];
    lane2 = shapeLanes[n * 2 + 1];
  }
}

/** Forget the cached column names, so they do not outlive the ledger they came from. */
export function resetRowHashing(): void {
  shapeKeys = [];
}

/**
 * Two 32-bit lanes of one ledger row — its sheet, row number, department and every value by
 * column name — written to out[at], out[at + 1]. Stable across runs and platforms.
 */
export function rowLanesInto(
  sheet: string,
  row: number,
  department: string | null,
  values: Record<string, unknown>,
  out: Uint32Array,
  at: number,
): void {
  let a = 0;
  let b = 0;
  let n = 0;
  for (const key in values) {
    keyLanes(key, n++);
    valueLanes(values[key], lane1, lane2);
    a = (a + fmix(lane1)) | 0;
    b = (b + fmix(lane2)) | 0;
  }
  textLanes(sheet, 0x510e527f ^ row, 0x9b05688c ^ row);
  let h1 = lane1;
  let h2 = lane2;
  if (department === null) valueLanes(null, h1, h2);
  else textLanes(department, h1, h2);
  h1 = fmix(imul(lane1 ^ a, 2246822507));
  h2 = fmix(imul(lane2 ^ b, 3266489909));
  out[at] = h1 >>> 0;
  out[at + 1] = h2 >>> 0;
}
