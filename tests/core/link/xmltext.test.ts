import fc from "fast-check";
import { decodeXmlEntities, escapeXmlAttribute, escapeXmlText, sanitizeXmlText } from "../../../src/core/link/xmltext";
import { decodeEntities } from "../../../src/adapters/xlsx/xml-text";
import { unescapeXml } from "../../../src/adapters/docx/xml-scan";

describe("XML text and entities, one implementation for every package part", () => {
  it("resolves the five entities and character references and leaves a reference to no character as written", () => {
    expect(decodeXmlEntities("a &lt;b&gt; &amp; &quot;c&apos; &#x4E2D;&#25991; &#x110000;")).toBe(`a <b> & "c' 中文 &#x110000;`);
  });
  it("is what the .xlsx reader and the .docx scanner decode with", () => {
    expect(decodeEntities).toBe(decodeXmlEntities);
    expect(unescapeXml).toBe(decodeXmlEntities);
  });
  it("reads back whatever escaping wrote, less what XML 1.0 cannot hold", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(decodeXmlEntities(escapeXmlAttribute(s))).toBe(sanitizeXmlText(s));
        expect(decodeXmlEntities(escapeXmlText(s))).toBe(sanitizeXmlText(s));
      }),
    );
  });
});
