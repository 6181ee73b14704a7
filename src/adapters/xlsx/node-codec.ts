// Node's zlib as the reader's inflater: the command line's hot path. On a 100,000-row ledger
// (4.6 MB compressed, 34 MB of sheet XML) fflate's streaming inflate plus our CRC take ~350 ms;
// zlib.inflateRawSync plus zlib.crc32 take ~60 ms. Only Node entry points import this file, so
// the task pane's bundle never sees `node:zlib`.
import { constants as bufferConstants } from "node:buffer";
import * as zlib from "node:zlib";
import type { ZipCodec } from "./zip";

/** zlib.crc32 arrived in Node 20.15 / 22.2; older Nodes use the reader's own CRC. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export const nodeZipCodec: ZipCodec = {
  inflateRaw(compressed, maxOutputBytes) {
    const cap = Math.max(1, Math.min(Math.floor(maxOutputBytes), bufferConstants.MAX_LENGTH));
    try {
      // maxOutputLength makes zlib stop before its output grows past the cap.
      // One output buffer of the expected size instead of 16 KB pieces joined at the end (~20 ms
      // on 34 MB) — but never more than 16× the input up front, so a lying size costs nothing.
      const chunkSize = Math.max(64 * 1024, Math.min(cap, compressed.length * 16));
      const out = zlib.inflateRawSync(compressed, { maxOutputLength: cap, chunkSize });
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    } catch (e) {
      // By code, not by class: under a test runner's sandbox Node's RangeError is another realm's.
      if ((e as { code?: unknown } | null)?.code === "ERR_BUFFER_TOO_LARGE") return null;
      throw e;
    }
  },
  ...(nativeCrc32 ? { crc32: (bytes: Uint8Array) => nativeCrc32(bytes) } : {}),
};
