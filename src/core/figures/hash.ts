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
