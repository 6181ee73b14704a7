// The report's package zipped with a host's native deflate. docx's Packer zips with its own copy
// of fflate at level 6: in the command line's one-shot process that deflate runs cold, and on the
// report's ~64 KB of XML it cost 50–75 ms of CPU against 8–14 ms for Node's zlib (measured in a
// fresh process each, 2026-12-06) — about a tenth of the whole 100,000-row Generate. The parts and
// their order are exactly Packer's (its compiler's output, which Packer zips as is); only the
// deflate differs. Without a deflater, or if docx's compiler is not where this expects it, the
// Packer writes the file as before.
import { concatBytes } from "../../core/bytes";
import { Packer } from "docx";
import { Zip, type ZipInputFile } from "fflate";

/** Raw DEFLATE and CRC-32 from the host (Node's zlib: node-deflater.ts). */
export interface PackageDeflater {
  deflateRaw(bytes: Uint8Array): Uint8Array;
  crc32(bytes: Uint8Array): number;
}

type PartData = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/** docx's compiler: the step of Packer.pack before its zip. Not in docx's typings, so found at run time. */
interface PackageCompiler {
  compile(file: unknown, prettify: undefined, overrides: readonly unknown[]): Map<string, PartData>;
}

function compilerOf(packer: unknown): PackageCompiler | null {
  const compiler = (packer as { compiler?: { compile?: unknown } }).compiler;
  return compiler && typeof compiler.compile === "function" ? (compiler as PackageCompiler) : null;
}

const utf8 = new TextEncoder();

function bytesOf(data: PartData): Uint8Array {
  if (typeof data === "string") return utf8.encode(data);
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/**
 * The parts zipped in their order, each deflated by `deflater`. fflate's Zip writes the archive
 * (headers, central directory); each part's sizes and CRC follow its data in a data descriptor, as
 * Word and LibreOffice write their own packages.
 */
export function zipParts(parts: Iterable<[string, PartData]>, deflater: PackageDeflater): Uint8Array {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  for (const [path, data] of parts) {
    const bytes = bytesOf(data);
    const file: ZipInputFile = { filename: path, size: bytes.length, crc: deflater.crc32(bytes) >>> 0, compression: 8 };
    zip.add(file);
    file.ondata!(null, deflater.deflateRaw(bytes), true);
  }
  zip.end();
  if (failure) throw failure;
  return concatBytes(...out);
}

/** The document as .docx bytes: Packer's parts, zipped with the deflater when there is one. */
export async function packDocument(document: unknown, overrides: readonly unknown[], deflater?: PackageDeflater): Promise<Uint8Array> {
  const compiler = deflater ? compilerOf(Packer) : null;
  if (deflater && compiler) return zipParts(compiler.compile(document, undefined, overrides), deflater);
  return new Uint8Array(await Packer.toArrayBuffer(document as Parameters<typeof Packer.toArrayBuffer>[0], undefined, overrides as never));
}
