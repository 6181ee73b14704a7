import { strFromU8, unzipSync } from "fflate";
import { renderDocx } from "../../../src/adapters/docx";
import { nodeDeflater } from "../../../src/adapters/docx/node-deflater";
import type { PackageDeflater } from "../../../src/adapters/docx/zip-out";
import { ZipArchive } from "../../../src/adapters/xlsx/zip";
import { DEFAULT_LIMITS } from "../../../src/adapters/xlsx";
import { fixtureDocument, fixtureLink } from "./fixture";

/** The package's parts in the archive's order; what differs on every render (its time, the datastore GUID) set aside. */
function partsOf(bytes: Uint8Array): [string, string][] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => [
    name,
    strFromU8(data)
      .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, "$1…")
      .replace(/ds:itemID="\{[0-9A-F-]+\}"/g, 'ds:itemID="{…}"'),
  ]);
}

/** Counts what the deflater is asked, around Node's zlib. */
function counting(): PackageDeflater & { parts: number } {
  const inner = nodeDeflater!;
  const d = {
    parts: 0,
    deflateRaw(bytes: Uint8Array) {
      d.parts++;
      return inner.deflateRaw(bytes);
    },
    crc32: (bytes: Uint8Array) => inner.crc32(bytes),
  };
  return d;
}

const onNode = nodeDeflater ? describe : describe.skip;

onNode("a report zipped with the host's deflater", () => {
  test("holds the very parts docx's own zip holds, in the same order, byte for byte", async () => {
    const doc = fixtureDocument();
    const own = await renderDocx(doc, fixtureLink(doc));
    const deflater = counting();
    const native = await renderDocx(doc, fixtureLink(doc), { deflater });
    expect(deflater.parts).toBe(Object.keys(unzipSync(own)).length);
    expect(partsOf(native)).toEqual(partsOf(own));
  });

  test("is as small as docx's own zip, give or take the data descriptors", async () => {
    const doc = fixtureDocument();
    const own = await renderDocx(doc, fixtureLink(doc));
    const native = await renderDocx(doc, fixtureLink(doc), { deflater: nodeDeflater });
    const parts = Object.keys(unzipSync(own)).length;
    expect(native.length).toBeLessThanOrEqual(own.length * 1.05 + 16 * parts);
  });

  test("checks out part by part in a reader that verifies every CRC and size against the directory", async () => {
    const doc = fixtureDocument();
    const bytes = await renderDocx(doc, fixtureLink(doc), { deflater: nodeDeflater });
    const zip = new ZipArchive(bytes, DEFAULT_LIMITS);
    const expected = unzipSync(bytes);
    expect(zip.entries.map((e) => e.name)).toEqual(Object.keys(expected));
    for (const entry of zip.entries) expect(zip.text(entry)).toBe(strFromU8(expected[entry.name]));
  });

  test("is found damaged when a deflater gets a CRC wrong, not written as if whole", async () => {
    const doc = fixtureDocument();
    const wrong: PackageDeflater = { deflateRaw: nodeDeflater!.deflateRaw, crc32: (b) => nodeDeflater!.crc32(b) ^ 1 };
    const bytes = await renderDocx(doc, fixtureLink(doc), { deflater: wrong });
    const zip = new ZipArchive(bytes, DEFAULT_LIMITS);
    expect(() => zip.text(zip.get("word/document.xml")!)).toThrow();
  });
});
