// The package model: opening a .docx with the same checks for every caller, parts kept in order and
// encoding, additions (package.ts's descriptions) realised on an existing file by insertion only.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { fillDocx, type FillSlots } from "../../../src/adapters/docx/fill";
import { DocxPackage, DocxReadError, decodeXml, encodeXml, MAX_UNCOMPRESSED } from "../../../src/adapters/docx/opc";
import { customXmlPart } from "../../../src/adapters/docx/package";
import { thrown } from "../../helpers/thrown";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const DOC_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="styles.xml"/></Relationships>`;

function docx(extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(TYPES),
    "word/document.xml": strToU8(`<w:document ${W}><w:body><w:p/></w:body></w:document>`),
    "word/_rels/document.xml.rels": strToU8(DOC_RELS),
    "word/styles.xml": strToU8("<w:styles/>"),
    ...extra,
  });
}

/** The same archive with every entry claiming to inflate to `size` bytes (local and central headers). */
function claimingSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    else if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe("opening a package", () => {
  test("a template whose parts claim more than the limit is refused before anything is inflated, as a report is", () => {
    const bomb = claimingSize(docx(), Math.ceil(MAX_UNCOMPRESSED / 2));
    expect(thrown(DocxReadError, () => DocxPackage.open(bomb)).code).toBe("too_large");
    expect(thrown(DocxReadError, () => fillDocx(bomb, {} as FillSlots)).code).toBe("too_large");
  });

  test("an encrypted or old .doc file is named as such, in the words of what it was opened as", () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(thrown(DocxReadError, () => DocxPackage.open(ole)).message).toContain("这个文件设有打开密码");
    expect(thrown(DocxReadError, () => fillDocx(ole, {} as FillSlots)).message).toContain("这个模板设有打开密码");
  });

  test("a zip without word/document.xml is not a Word document", () => {
    expect(thrown(DocxReadError, () => DocxPackage.open(zipSync({ "a.txt": strToU8("x") }))).code).toBe("not_docx");
  });
});

describe("writing a package back", () => {
  test("parts come back in their order and an XML part keeps its encoding", () => {
    const utf16 = encodeXml("<w:styles/>", "utf-16le");
    const pkg = DocxPackage.open(docx({ "word/styles.xml": utf16 }));
    pkg.setXml("word/styles.xml", "<w:styles><w:style/></w:styles>");
    const files = unzipSync(pkg.toBytes());
    expect(Object.keys(files)).toEqual(["[Content_Types].xml", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml"]);
    expect(decodeXml(files["word/styles.xml"])).toEqual({ text: "<w:styles><w:style/></w:styles>", encoding: "utf-16le" });
  });

  test("a custom XML part described for a new report is added to an existing file by insertion only", () => {
    const before = unzipSync(docx());
    const pkg = DocxPackage.open(docx());
    pkg.addParts(customXmlPart("<r:record xmlns:r='urn:x'/>", "urn:x", "{GUID}", 1));
    const after = unzipSync(pkg.toBytes());
    expect(Object.keys(after).slice(-3)).toEqual(["customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels"]);
    expect(strFromU8(after["customXml/itemProps1.xml"])).toContain('ds:itemID="{GUID}"');
    // Content types and relationships gain entries and lose nothing.
    const types = strFromU8(after["[Content_Types].xml"]);
    expect(types.replace(/<Default Extension="xml"[^>]*\/><Override PartName="\/customXml\/itemProps1.xml"[^>]*\/>/, "")).toBe(TYPES);
    const rels = strFromU8(after["word/_rels/document.xml.rels"]);
    expect(
      rels.replace(
        '<Relationship Id="LedgerReportLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>',
        "",
      ),
    ).toBe(DOC_RELS);
    expect(after["word/document.xml"]).toEqual(before["word/document.xml"]);
    expect(after["word/styles.xml"]).toEqual(before["word/styles.xml"]);
  });

  test("a relationship id the document already uses is refused rather than written twice", () => {
    const pkg = DocxPackage.open(docx());
    pkg.addParts(customXmlPart("<a/>", "urn:x", "{G}", 1));
    expect(() => pkg.addParts(customXmlPart("<a/>", "urn:x", "{G}", 1))).toThrow(/LedgerReportLink1 is already used/);
  });
});
