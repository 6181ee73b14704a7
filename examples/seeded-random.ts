// One seeded generator for everything made "at random" but the same every time: the sample workbook
// (examples/sample-data.ts) and the bench's ledgers (bench/generate-ledger.ts). No imports, so the
// bench's measured processes load nothing more for it.

/** mulberry32: a small generator of numbers in [0, 1); the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
