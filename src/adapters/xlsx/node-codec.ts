// Node's zlib as the reader's inflater: the command line's hot path. On a 100,000-row ledger
// (4.6 MB compressed, 34 MB of sheet XML) fflate's streaming inflate plus our CRC take ~350 ms;
// zlib.inflateRawSync plus zlib.crc32 take ~60 ms, and the streaming form runs on zlib's thread
// pool, checksum included, a piece ahead of the scan. Only Node entry points import this file, so
// the task pane's bundle never sees `node:zlib`.
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

/** An error is read from the iteration; the listener only keeps it from being "unhandled" first. */
const ignore = () => undefined;

/**
 * Inflated bytes per piece handed to the reader: large enough that the hop to the pool and back
 * (one per piece) costs little, small enough that the part is never whole in memory — zlib.gunzip's
 * one 35 MB buffer for a 100,000-row sheet stayed alive with its engine, often through the whole
 * Generate (a full collection was needed to free it).
 */
const STREAM_PIECE_BYTES = 1024 * 1024;

/** The engine's output, piece by piece; stops with an error once more than `maxOutputBytes` came. */
async function* pieces(engine: zlib.Gunzip, maxOutputBytes: number): AsyncIterableIterator<Uint8Array> {
  let size = 0;
  try {
    for await (const chunk of engine as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxOutputBytes)
        throw Object.assign(new Error("the part inflates past its declared size"), { code: "ERR_BUFFER_TOO_LARGE" });
      yield bytesOf(chunk);
    }
  } finally {
    engine.destroy();
  }
}

const bytesOf = (out: Buffer) => new Uint8Array(out.buffer, out.byteOffset, out.byteLength);

export const nodeZipCodec: ZipCodec = {
  inflateRaw(compressed, maxOutputBytes) {
    try {
      return bytesOf(zlib.inflateRawSync(compressed, options(compressed, maxOutputBytes)));
    } catch (e) {
      if (tooLarge(e)) return null;
      throw e;
    }
  },
  inflateRawStream(compressed, maxOutputBytes, expected) {
    // A ZIP part's deflate data with its CRC-32 and size behind it is a gzip member (RFC 1952), so
    // gunzip inflates it and checks the checksum on the pool's thread, not on this one.
    const trailer = new Uint8Array(8);
    const view = new DataView(trailer.buffer);
    view.setUint32(0, expected.crc32 >>> 0, true);
    view.setUint32(4, expected.size >>> 0, true);
    // Started now: the stream inflates its first piece while the reader reads the shared strings,
    // then one piece ahead of the reader, and waits for it (a readable stream's back-pressure).
    const engine = zlib.createGunzip({ chunkSize: STREAM_PIECE_BYTES });
    engine.on("error", ignore);
    engine.end(Buffer.concat([GZIP_HEADER, compressed, trailer]));
    return pieces(engine, maxOutputBytes);
  },
  ...(nativeCrc32 ? { crc32: (bytes: Uint8Array) => nativeCrc32(bytes) } : {}),
};
