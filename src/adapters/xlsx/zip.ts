// The archive layer: the ZIP directory is read by hand (it is a table of offsets, and reading it
// ourselves lets us reject lies about sizes before inflating anything); the bytes are inflated by
// fflate's streaming `Inflate`, one bounded slice at a time, so no part is ever held whole unless
// its caller asks for the text — or, where the host has one (Node's zlib), by a native inflater
// that is five times faster and is bounded by the same limits before it allocates.
import { concatBytes } from "../../core/bytes";
import { Inflate } from "fflate";
import { fail } from "./errors";
import type { XlsxLimits } from "./limits";

export interface ZipEntry {
  /** Normalised path: forward slashes, no leading slash. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** Size the directory claims; trusted only for early rejection, never for allocation. */
  size: number;
  /** CRC-32 of the inflated bytes, checked once the part has been read to its end. */
  crc: number;
  headerOffset: number;
}

/**
 * Native codec a host may lend the reader. The browser has none that is synchronous, so fflate
 * stays the default; the command line passes Node's zlib (`node-codec.ts`).
 */
export interface ZipCodec {
  /**
   * Inflates a whole raw-deflate stream; null, without allocating more than `maxOutputBytes`, when
   * more would come out — the limits rely on it. Damaged data throws.
   */
  inflateRaw(compressed: Uint8Array, maxOutputBytes: number): Uint8Array | null;
  /** CRC-32 of `bytes`; absent where the host has no native one. */
  crc32?(bytes: Uint8Array): number;
  /**
   * inflateRaw on another thread, where the host has threads to spare (Node's zlib pool), the
   * output also checked there against the part's CRC-32 and size: it rejects when they differ.
   */
  inflateRawAsync?(compressed: Uint8Array, maxOutputBytes: number, expected: { crc32: number; size: number }): Promise<Uint8Array | null>;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_Z64_LOCATOR = 0x07064b50;
const SIG_Z64_EOCD = 0x06064b50;

/** Compressed bytes pushed to the inflater at a time: at deflate's ~1032:1 ceiling one push yields ≤ 17 MB. */
const PUSH_BYTES = 16 * 1024;
/** Ratio checks wait for this much output so tiny parts (a 200-byte rels of zeros) never trip them. */
const RATIO_GRACE_BYTES = 1024 * 1024;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

const utf8 = new TextDecoder("utf-8");

/** CRC-32 tables for slicing by four: T[k][n] is the CRC of byte n followed by k zero bytes. */
const CRC_TABLES = (() => {
  const t = [new Int32Array(256), new Int32Array(256), new Int32Array(256), new Int32Array(256)];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0][n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 4; k++) t[k][n] = (t[k - 1][n] >>> 8) ^ t[0][t[k - 1][n] & 0xff];
  }
  return t;
})();

function crc32Update(crc: number, bytes: Uint8Array): number {
  const [t0, t1, t2, t3] = CRC_TABLES;
  let c = crc;
  let i = 0;
  const n = bytes.length;
  for (; i + 4 <= n; i += 4) {
    c ^= bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    c = t3[c & 0xff] ^ t2[(c >>> 8) & 0xff] ^ t1[(c >>> 16) & 0xff] ^ t0[c >>> 24];
  }
  for (; i < n; i++) c = t0[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return c;
}

export function normaliseName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "");
}

export class ZipArchive {
  readonly entries: ZipEntry[] = [];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();
  /** Bytes inflated so far across all parts, checked against maxUncompressedBytes. */
  inflated = 0;
  /** Parts inflated ahead by prefetch, their checksums already checked, waiting for stream to take them. */
  private readonly ready = new Map<ZipEntry, Uint8Array>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: XlsxLimits,
    private readonly codec?: ZipCodec,
  ) {
    this.readDirectory();
  }

  /** Finds a part by exact path, then case-insensitively (some generators disagree with their own rels). */
  get(name: string): ZipEntry | undefined {
    const n = normaliseName(name);
    return this.byName.get(n) ?? this.byLowerName.get(n.toLowerCase());
  }

  private readDirectory(): void {
    const b = this.bytes;
    const len = b.length;
    let eocd = -1;
    for (let i = len - 22; i >= 0 && i >= len - 22 - 0xffff; i--) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw fail.truncated("ZIP end-of-directory record missing");
    let count = u16(b, eocd + 10);
    let cdSize = u32(b, eocd + 12);
    let cdOffset = u32(b, eocd + 16);
    if (eocd >= 20 && u32(b, eocd - 20) === SIG_Z64_LOCATOR) {
      const z = u64(b, eocd - 12);
      if (z + 56 <= len && u32(b, z) === SIG_Z64_EOCD) {
        count = u64(b, z + 32);
        cdSize = u64(b, z + 40);
        cdOffset = u64(b, z + 48);
      }
    }
    if (cdOffset + cdSize > len) throw fail.truncated("ZIP directory lies past the end of the file");
    let p = cdOffset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > len) throw fail.truncated("ZIP directory cut short");
      if (u32(b, p) !== SIG_CENTRAL) throw fail.corrupt("bad ZIP directory entry");
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      let compressedSize = u32(b, p + 20);
      let size = u32(b, p + 24);
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      let headerOffset = u32(b, p + 42);
      if (p + 46 + nameLen + extraLen > len) throw fail.truncated("ZIP directory cut short");
      const name = normaliseName(utf8.decode(b.subarray(p + 46, p + 46 + nameLen)));
      // ZIP64 stores the real values, in this order, only for the fields saturated at 0xFFFFFFFF.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = u16(b, x);
        const sz = u16(b, x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (size === 0xffffffff && q + 8 <= xEnd) ((size = u64(b, q)), (q += 8));
          if (compressedSize === 0xffffffff && q + 8 <= xEnd) ((compressedSize = u64(b, q)), (q += 8));
          if (headerOffset === 0xffffffff && q + 8 <= xEnd) headerOffset = u64(b, q);
        }
        x += 4 + sz;
      }
      const entry: ZipEntry = { name, method, flags, compressedSize, size, crc: u32(b, p + 16), headerOffset };
      this.entries.push(entry);
      // Two parts of one name are read differently by different programs — a known way to smuggle
      // content past a checker — so no reading of them is trustworthy.
      if (this.byName.has(name) && !name.endsWith("/")) throw fail.corrupt(`the file holds two parts named ${name}`);
      this.byName.set(name, entry);
      const lower = name.toLowerCase();
      if (!this.byLowerName.has(lower)) this.byLowerName.set(lower, entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  private dataRange(e: ZipEntry): [number, number] {
    const b = this.bytes;
    const h = e.headerOffset;
    if (h + 30 > b.length) throw fail.truncated(`part ${e.name} lies past the end of the file`);
    if (u32(b, h) !== SIG_LOCAL) throw fail.corrupt(`bad ZIP header for ${e.name}`);
    const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw fail.truncated(`part ${e.name} is cut short`);
    return [start, end];
  }

  /**
   * Inflates one part slice by slice, handing each piece of output to `onChunk`, and stops with the
   * limit error as soon as the running total or the part's ratio goes over.
   */
  stream(e: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    if (e.flags & 1) throw fail.encrypted();
    const limit = this.limits.maxUncompressedBytes;
    // An honest directory lets us refuse a bomb before inflating a byte of it.
    if (this.inflated + e.size > limit) throw fail.uncompressed(limit);
    const maxRatio = this.limits.maxCompressionRatio;
    if (maxRatio && this.declaresBomb(e)) throw fail.ratio(e.name, maxRatio);
    const [start, end] = this.dataRange(e);
    let produced = 0;
    let crc = 0xffffffff;
    const codec = this.codec;
    const early = this.ready.get(e);
    if (early) this.ready.delete(e);
    const native = early ?? (e.method === 8 && codec ? this.inflateNative(codec, e, start, end) : null);
    const nativeCrc = early !== undefined || (native !== null && codec?.crc32 !== undefined);
    if (early !== undefined) crc = ~e.crc;
    else if (native !== null && codec?.crc32) crc = ~codec.crc32(native);
    const take = (chunk: Uint8Array) => {
      if (!chunk.length) return;
      if (!nativeCrc) crc = crc32Update(crc, chunk);
      produced += chunk.length;
      this.inflated += chunk.length;
      if (this.inflated > limit) throw fail.uncompressed(limit);
      if (maxRatio && produced > RATIO_GRACE_BYTES && produced / Math.max(1, e.compressedSize) > maxRatio) {
        throw fail.ratio(e.name, maxRatio);
      }
      onChunk(chunk);
    };
    if (e.method === 0) {
      for (let p = start; p < end; p += PUSH_BYTES * 16) take(this.bytes.subarray(p, Math.min(end, p + PUSH_BYTES * 16)));
    } else if (native) {
      // Whole: the scanners carry an unfinished token over by copying it and the next chunk together.
      take(native);
    } else if (e.method === 8) {
      if (start === end) throw fail.truncated(`part ${e.name} is empty`);
      const inflater = new Inflate((chunk) => take(chunk));
      for (let p = start; p < end; p += PUSH_BYTES) {
        const q = Math.min(end, p + PUSH_BYTES);
        inflater.push(this.bytes.subarray(p, q), q === end);
      }
    } else throw fail.corrupt(`part ${e.name} uses unsupported compression method ${e.method}`);
    // Inflate accepts many damaged streams; the checksum is what tells a damaged part from a good one.
    if ((crc ^ 0xffffffff) >>> 0 !== e.crc) throw fail.corrupt(`checksum mismatch in part ${e.name}`);
  }

  /**
   * Inflates a part whole with the host's codec, capped at the size its directory entry declares
   * (already checked against the limits). Null when the part would come out larger than declared:
   * the streaming path then reads it under the limits alone, as it reads every part without a codec.
   */
  private inflateNative(codec: ZipCodec, e: ZipEntry, start: number, end: number): Uint8Array | null {
    if (start === end) throw fail.truncated(`part ${e.name} is empty`);
    return codec.inflateRaw(this.bytes.subarray(start, end), e.size);
  }

  /** The directory's own sizes already break the compression-ratio limit (when one is set). */
  private declaresBomb(e: ZipEntry): boolean {
    const maxRatio = this.limits.maxCompressionRatio;
    return !!maxRatio && e.size > RATIO_GRACE_BYTES && e.size / Math.max(1, e.compressedSize) > maxRatio;
  }

  /**
   * Inflates the given parts on the codec's threads, for stream to take later. Only what the
   * limits allow up front: a part they refuse, or one the background fails on, is simply not
   * ready, and stream then inflates it here and reports what is wrong, exactly as without this.
   */
  async prefetch(entries: ZipEntry[]): Promise<void> {
    const codec = this.codec;
    if (!codec?.inflateRawAsync) return;
    let room = this.limits.maxUncompressedBytes - this.inflated;
    const jobs: Promise<void>[] = [];
    for (const e of entries) {
      if (e.method !== 8 || e.flags & 1 || this.ready.has(e) || this.declaresBomb(e)) continue;
      room -= e.size;
      if (room < 0) break;
      let range: [number, number];
      try {
        range = this.dataRange(e);
      } catch {
        continue;
      }
      if (range[0] === range[1]) continue;
      jobs.push(
        codec.inflateRawAsync(this.bytes.subarray(range[0], range[1]), e.size, { crc32: e.crc, size: e.size }).then(
          (out) => {
            if (out) this.ready.set(e, out);
          },
          () => undefined,
        ),
      );
    }
    await Promise.all(jobs);
  }

  /** Whole text of a small part (workbook, rels, tables); limits still apply. */
  text(e: ZipEntry): string {
    const decoder = new XmlDecoder();
    let out = "";
    this.stream(e, (c) => (out += decoder.decode(c)));
    return out + decoder.end();
  }
}

/**
 * Bytes → text across chunk boundaries. XML parts are UTF-8 unless a byte-order mark says UTF-16,
 * which OOXML allows and a few generators use.
 */
export class XmlDecoder {
  private decoder: TextDecoder | null = null;
  private head: Uint8Array | null = null;

  /** True once the part is known to be UTF-8 (no UTF-16 byte-order mark in its first bytes). */
  get utf8(): boolean {
    return this.decoder !== null && this.decoder.encoding === "utf-8";
  }

  decode(chunk: Uint8Array): string {
    if (!this.decoder) {
      // Wait for two bytes to see the byte-order mark.
      const bytes = this.head ? concatBytes(this.head, chunk) : chunk;
      if (bytes.length < 2) {
        this.head = bytes;
        return "";
      }
      this.head = null;
      const enc = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
      this.decoder = new TextDecoder(enc);
      return this.decoder.decode(bytes, { stream: true });
    }
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    if (!this.decoder) {
      const rest = this.head;
      this.head = null;
      return rest ? new TextDecoder("utf-8").decode(rest) : "";
    }
    return this.decoder.decode();
  }
}
