// Node's zlib as the reader's inflater: the command line's hot path. On a 100,000-row ledger
// (4.6 MB compressed, 34 MB of sheet XML) fflate's streaming inflate plus our CRC take ~350 ms;
// zlib.inflateRawSync plus zlib.crc32 take ~60 ms, and the async form runs on zlib's thread pool,
// checksum included, while the shared strings are read. Only Node entry points import this file, so the task pane's
// bundle never sees `node:zlib`.
import { constants as bufferConstants } from "node:buffer";
import * as zlib from "node:zlib";
import type { ZipCodec } from "./zip";

/** zlib.crc32 arrived in Node 20.15 / 22.2; older Nodes use the reader's own CRC. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/**
 * maxOutputLength stops zlib before its output grows past the cap. One output buffer of the
 * expected size instead of 16 KB pieces joined at the end (~20 ms on 34 MB) — but never more than
 * 16× the input up front, so a lying size costs nothing.
 */
function options(compressed: Uint8Array, maxOutputBytes: number): zlib.ZlibOptions {
  const cap = Math.max(1, Math.min(Math.floor(maxOutputBytes), bufferConstants.MAX_LENGTH));
  return { maxOutputLength: cap, chunkSize: Math.max(64 * 1024, Math.min(cap, compressed.length * 16)) };
}

/** By code, not by class: under a test runner's sandbox Node's RangeError is another realm's. */
function tooLarge(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === "ERR_BUFFER_TOO_LARGE";
}

/** Magic, deflate, no flags, no time, no extra flags, unknown OS. */
const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);

/** Made here, not beside the listeners: a closure made there would hold what they hold. */
const ignore = () => undefined;

const bytesOf = (out: Buffer) => new Uint8Array(out.buffer, out.byteOffset, out.byteLength);

/**
 * The engine's one output chunk, taken from it: its memory moved, not copied, into an ArrayBuffer
 * only the reader holds (the engine's own views of it are left empty).
 */
function ownedBytes(out: Buffer): Uint8Array {
  // Read before the move, which leaves `out` a view of nothing.
  const { byteOffset, byteLength } = out;
  const moved = structuredClone(out.buffer, { transfer: [out.buffer] });
  return new Uint8Array(moved, byteOffset, byteLength);
}

export const nodeZipCodec: ZipCodec = {
  inflateRaw(compressed, maxOutputBytes) {
    try {
      return bytesOf(zlib.inflateRawSync(compressed, options(compressed, maxOutputBytes)));
    } catch (e) {
      if (tooLarge(e)) return null;
      throw e;
    }
  },
  inflateRawAsync(compressed, maxOutputBytes, expected) {
    // A ZIP part's deflate data with its CRC-32 and size behind it is a gzip member (RFC 1952), so
    // gunzip inflates it and checks the checksum on the pool's thread, not on this one.
    const trailer = new Uint8Array(8);
    const view = new DataView(trailer.buffer);
    view.setUint32(0, expected.crc32 >>> 0, true);
    view.setUint32(4, expected.size >>> 0, true);
    const member = Buffer.concat([GZIP_HEADER, compressed, trailer]);
    // The stream, not zlib.gunzip: gunzip's engine keeps its output (and, when the output fills
    // its buffer exactly, a second buffer as large) for as long as it lives — past its handle's
    // close, until a full collection, which the ledgers, figures and report, run without a turn
    // of the event loop, often never trigger. On the 100,000-row bench that was 35 MB of sheet
    // XML held through the whole Generate. Taken from the engine, it can go at the first full
    // collection after the scan: peak RSS 137–149 MB where one comes during the engine, as before
    // (171–186) where none does — a process this short gets one or none.
    const { chunkSize, maxOutputLength } = options(compressed, maxOutputBytes);
    // One byte more than the part: its output never fills the buffer, so no second one is made.
    const engine = zlib.createGunzip({ maxOutputLength, chunkSize: chunkSize! + 1 });
    return new Promise((resolve, reject) => {
      let chunks: Buffer[] = [];
      let size = 0;
      engine.on("data", (chunk: Buffer) => {
        size += chunk.length;
        // A stream has no maxOutputLength of its own (gunzip's was checked by its buffering): a part
        // inflating past what its directory entry declared stops here, as the synchronous path does.
        if (size > maxOutputLength!) {
          chunks = [];
          engine.removeAllListeners();
          engine.on("error", ignore);
          engine.destroy();
          resolve(null);
          return;
        }
        chunks.push(chunk);
      });
      engine.on("error", (e) => (tooLarge(e) ? resolve(null) : reject(e)));
      engine.on("end", () => {
        const out = chunks.length === 1 ? ownedBytes(chunks[0]) : bytesOf(Buffer.concat(chunks, size));
        chunks = [];
        // The engine lives on until its handle has closed, and its listeners with it: they hold this
        // promise (its value, the whole part) and the compressed input. Let go of them now.
        engine.removeAllListeners();
        engine.on("error", ignore);
        resolve(out);
      });
      engine.end(member);
    });
  },
  ...(nativeCrc32 ? { crc32: (bytes: Uint8Array) => nativeCrc32(bytes) } : {}),
};
