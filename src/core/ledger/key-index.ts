// Where each key (保函编号, 统一社会信用代码 of a partner …) was first seen, to report duplicates.
// A JS Map did the job, but at 100,000 keys it was the largest single cost of reading a ledger —
// ~100 ms of ~270 ms in the benchmark, its entries scattered through the heap for the collector
// to trace. Keys here live in one array and their slots in one Int32Array: an open-addressing
// table with linear probing, grown at half full. Measured in bench/ (npm run bench).

// Keys hash to the 32 bits the figure fingerprints digest a cell to.
import { cellDigest } from "../hash";

export class KeyIndex {
  private slots: Int32Array;
  private mask: number;
  private readonly keys: string[] = [];
  private readonly places: number[] = [];
  /** Each key's hash, so growing the table does not hash every key again. */
  private hashes: Int32Array;

  /**
   * `expected`: how many keys there may be (a table's rows), so the table starts that large: on
   * 100,000 guarantees it would otherwise grow eight times, each time placing every key again.
   */
  constructor(expected = 0) {
    let size = 1024;
    while (size < expected * 2 + 2 && size < 1 << 24) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.hashes = new Int32Array(size / 2);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The place recorded with `key` if it was seen before; otherwise records `place` and returns undefined. */
  firstOrAdd(key: string, place: number): number | undefined {
    const h = cellDigest(key);
    const mask = this.mask;
    const slots = this.slots;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry < 0) {
        const at = this.keys.length;
        slots[slot] = at;
        this.keys.push(key);
        this.places.push(place);
        if (at === this.hashes.length) {
          const more = new Int32Array(at * 2);
          more.set(this.hashes);
          this.hashes = more;
        }
        this.hashes[at] = h;
        if (this.keys.length * 2 > mask) this.grow();
        return undefined;
      }
      // The hashes first: a probe that meets another key then seldom has to read that string.
      if (this.hashes[entry] === h && this.keys[entry] === key) return this.places[entry];
    }
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const mask = size - 1;
    const slots = new Int32Array(size).fill(-1);
    for (let entry = 0; entry < this.keys.length; entry++) {
      let slot = this.hashes[entry] & mask;
      while (slots[slot] >= 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
