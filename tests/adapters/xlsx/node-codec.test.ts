// Node's zlib as the command line's inflater (src/adapters/xlsx/node-codec.ts): the same bytes as
// any inflater, its limits, and — for a 100,000-row sheet's 35 MB of XML — memory that is the
// reader's alone, freed once the reader drops it, not held by zlib's engine through the whole Generate.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { deflateRawSync, gzipSync } from "node:zlib";
import { nodeZipCodec } from "../../../src/adapters/xlsx/node-codec";

/** Text like a sheet's, `rows` rows long, as bytes. */
function sheetXml(rows: number): Uint8Array {
  const row = (r: number) => `<row r="${r}"><c r="A${r}" t="s"><v>${r % 977}</v></c><c r="B${r}"><v>${r * 1.5}</v></c></row>`;
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) parts.push(row(r));
  return new TextEncoder().encode(`<sheetData>${parts.join("")}</sheetData>`);
}

/** The part as a ZIP entry holds it: raw deflate, with its CRC-32 (read from a gzip member's trailer) and size. */
function entryOf(bytes: Uint8Array) {
  const member = gzipSync(bytes);
  return {
    deflated: new Uint8Array(deflateRawSync(bytes)),
    expected: { crc32: member.readUInt32LE(member.length - 8), size: bytes.length },
  };
}

const inflate = nodeZipCodec.inflateRawAsync!;

describe("Node's zlib inflating a part on its thread pool", () => {
  it("gives the part's bytes, whole or from many pieces", async () => {
    const small = sheetXml(50);
    const one = entryOf(small);
    const same = (a: Uint8Array | null, b: Uint8Array) => a !== null && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
    expect(same(await inflate(one.deflated, small.length, one.expected), small)).toBe(true);
    // Highly compressible: more than 16× its compressed size, so zlib writes it in pieces.
    const spaces = new Uint8Array(3_000_000).fill(32);
    const many = entryOf(spaces);
    expect(many.deflated.length * 16).toBeLessThan(spaces.length);
    expect(same(await inflate(many.deflated, spaces.length, many.expected), spaces)).toBe(true);
  });

  it("resolves null for a part larger than allowed, and refuses one whose checksum does not fit", async () => {
    const xml = sheetXml(2000);
    const { deflated, expected } = entryOf(xml);
    expect(await inflate(deflated, 1000, expected)).toBeNull();
    await expect(inflate(deflated, xml.length, { ...expected, crc32: expected.crc32 ^ 1 })).rejects.toThrow();
  });

  it("leaves the part to the reader alone: once the reader drops it, a collection frees it", async () => {
    setFlagsFromString("--expose_gc");
    const gc = runInNewContext("gc") as () => void;
    const xml = sheetXml(100_000);
    const { deflated, expected } = entryOf(xml);
    // The reader's side: read the part, keep nothing of it (an await's value could outlive `out = null` in this frame).
    const readAndDrop = async () => (await inflate(deflated, xml.length, expected))!.length;
    gc();
    const base = process.memoryUsage().arrayBuffers;
    expect(await readAndDrop()).toBe(xml.length);
    // V8 frees a dropped buffer's memory on a background sweeper, which the next collection
    // waits for: one gc() alone can leave it counted (CI saw the part and the gzip member, 10 MB,
    // still there). Three in a row, with no turn of the event loop between, always settle it.
    gc();
    gc();
    gc();
    // zlib's engine is still alive here (its handle closes on a later turn of the event loop): it must hold none of it.
    // zlib.gunzip's engine held the part here on every one of 150 tries; this engine on none.
    expect(process.memoryUsage().arrayBuffers - base).toBeLessThan(xml.length * 0.1);
  });
});
