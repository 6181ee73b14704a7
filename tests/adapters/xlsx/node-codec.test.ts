// Node's zlib as the command line's inflater (src/adapters/xlsx/node-codec.ts): the same bytes as
// any inflater, its limits, and — for a 100,000-row sheet's 35 MB of XML — a part that is never
// whole in memory: it comes a piece at a time, each freed once the reader has scanned it.
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

const stream = nodeZipCodec.inflateRawStream!;

async function whole(pieces: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const piece of pieces) all.push(Buffer.from(piece));
  return Buffer.concat(all);
}

describe("Node's zlib inflating a part on its thread pool, piece by piece", () => {
  it("gives the part's bytes, in pieces, whatever their number", async () => {
    const small = sheetXml(50);
    const one = entryOf(small);
    await expect(whole(stream(one.deflated, small.length, one.expected))).resolves.toEqual(Buffer.from(small));
    const xml = sheetXml(60_000);
    const many = entryOf(xml);
    let count = 0;
    const all: Buffer[] = [];
    for await (const piece of stream(many.deflated, xml.length, many.expected)) {
      count++;
      all.push(Buffer.from(piece));
    }
    expect(count).toBeGreaterThan(1);
    expect(Buffer.concat(all).equals(xml)).toBe(true);
  });

  it("stops with an error past the size allowed, and refuses a part whose checksum does not fit", async () => {
    const xml = sheetXml(2000);
    const { deflated, expected } = entryOf(xml);
    await expect(whole(stream(deflated, 1000, expected))).rejects.toMatchObject({ code: "ERR_BUFFER_TOO_LARGE" });
    await expect(whole(stream(deflated, xml.length, { ...expected, crc32: expected.crc32 ^ 1 }))).rejects.toThrow();
  });

  it("never holds the part whole: what the reader has scanned is freed before the rest comes", async () => {
    setFlagsFromString("--expose_gc");
    const gc = runInNewContext("gc") as () => void;
    const xml = sheetXml(100_000);
    const { deflated, expected } = entryOf(xml);
    gc();
    const base = process.memoryUsage().arrayBuffers;
    let most = 0;
    let read = 0;
    for await (const piece of stream(deflated, xml.length, expected)) {
      read += piece.length;
      gc();
      most = Math.max(most, process.memoryUsage().arrayBuffers - base);
    }
    expect(read).toBe(xml.length);
    // A piece or two in memory at a time (1 MB each), never the part's 8.5 MB.
    expect(most).toBeLessThan(xml.length / 2);
  });
});
