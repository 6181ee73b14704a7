// Node's zlib as the report package's deflater (zip-out.ts): the command line's hot path. Only Node
// entry points import this file, so the task pane's bundle never sees `node:zlib`.
import * as zlib from "node:zlib";
import type { PackageDeflater } from "./zip-out";

/** zlib.crc32 arrived in Node 20.15 / 22.2; on an older Node there is no deflater and docx zips as before. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export const nodeDeflater: PackageDeflater | undefined = nativeCrc32
  ? {
      deflateRaw(bytes) {
        // Level 6, as docx's Packer zips: the file is as small as before.
        const out = zlib.deflateRawSync(bytes, { level: 6 });
        return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      },
      crc32: (bytes) => nativeCrc32(bytes),
    }
  : undefined;
