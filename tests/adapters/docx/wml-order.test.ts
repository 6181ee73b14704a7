// The child order declared once in wml-order.ts, checked against the WordprocessingML schema itself
// (../shared/schemas/ooxml, ISO/IEC 29500-4 transitional wml.xsd), and the builders that follow it.
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { SaxesParser } from "saxes";
import { CHILD_ORDER, childRank, inSchemaOrder, insertChild } from "../../../src/adapters/docx/wml-order";
import { orderedEl, pPr, rPr } from "../../../src/adapters/docx/oxml";

const WML_XSD = join(__dirname, "../../../../shared/schemas/ooxml/ISO-IEC29500-4_2016/wml.xsd");

/** Element names listed, in document order, inside each named complexType and group of the schema. */
function schemaLists(xsd: string): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  const parser = new SaxesParser();
  let current: string | null = null;
  parser.on("opentag", (tag) => {
    const a = tag.attributes as Record<string, string>;
    if ((tag.name === "xsd:complexType" || tag.name === "xsd:group") && a.name) {
      current = a.name;
      lists.set(current, []);
    } else if (tag.name === "xsd:element" && current && a.name) lists.get(current)!.push(`w:${a.name}`);
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "xsd:complexType" || tag.name === "xsd:group") current = null;
  });
  parser.write(xsd).close();
  return lists;
}

const haveSchema = existsSync(WML_XSD);
if (!haveSchema) console.warn(`wml-order: ${WML_XSD} is absent; the schema comparison is skipped`);
const schemaTest = haveSchema ? test : test.skip;

describe("each element's child order is the schema's", () => {
  const lists = haveSchema ? schemaLists(readFileSync(WML_XSD, "utf8")) : new Map<string, string[]>();

  schemaTest("w:pPr lists CT_PPrBase's children, then CT_PPr's own", () => {
    expect(CHILD_ORDER["w:pPr"]).toEqual([...lists.get("CT_PPrBase")!, ...lists.get("CT_PPr")!]);
  });

  schemaTest("w:rPr lists EG_RPrBase's children, then rPrChange", () => {
    expect(CHILD_ORDER["w:rPr"]).toEqual([...lists.get("EG_RPrBase")!, "w:rPrChange"]);
  });

  schemaTest("w:sdtPr lists CT_SdtPr's children up to the control's type (a rich-text control has none)", () => {
    const all = lists.get("CT_SdtPr")!;
    expect(CHILD_ORDER["w:sdtPr"]).toEqual(all.slice(0, all.indexOf("w:tabIndex") + 1));
  });

  schemaTest("w:style lists CT_Style's children", () => {
    expect(CHILD_ORDER["w:style"]).toEqual(lists.get("CT_Style")!);
  });
});

describe("builders place children by the declared order", () => {
  test("children given out of order come out in schema order, and repeated ones keep theirs", () => {
    const names = inSchemaOrder("w:pPr", ["w:jc", "w:ind", "w:spacing", "w:keepNext"], (n) => n);
    expect(names).toEqual(["w:keepNext", "w:spacing", "w:ind", "w:jc"]);
  });

  test("a child the parent cannot hold is refused, not written where Word would reject the file", () => {
    expect(() => childRank("w:rPr", "w:jc")).toThrow(/not a child of w:rPr/);
    expect(() => orderedEl("w:pPr", {}, [orderedEl("w:rPr", {}, [])])).not.toThrow();
  });

  test("the paragraph and run property builders write their children in schema order", () => {
    const childNames = (x: unknown, parent: string) =>
      ((x as Record<string, unknown[]>)[parent] ?? []).flatMap((c) => Object.keys(c as object).filter((k) => k !== "_attr"));
    const p = childNames(
      pPr({ jc: "center", firstLineChars: 200, line: 560, keepNext: true, outlineLevel: 1 }).prepForXml({} as never),
      "w:pPr",
    );
    expect(p).toEqual(["w:keepNext", "w:spacing", "w:ind", "w:jc", "w:outlineLvl"]);
    const r = childNames(rPr({ size: 32, bold: true, fonts: { eastAsia: "仿宋" }, zhCN: true }).prepForXml({} as never), "w:rPr");
    expect(r).toEqual(["w:rFonts", "w:b", "w:bCs", "w:sz", "w:szCs", "w:lang"]);
  });

  test("a child inserted into raw properties lands before the first sibling that follows it", () => {
    expect(insertChild("w:pPr", '<w:pPr><w:pStyle w:val="a"/><w:jc w:val="center"/></w:pPr>', "w:spacing", "<w:spacing/>")).toBe(
      '<w:pPr><w:pStyle w:val="a"/><w:spacing/><w:jc w:val="center"/></w:pPr>',
    );
    expect(insertChild("w:rPr", "<w:rPr><w:b/></w:rPr>", "w:highlight", "<w:highlight/>")).toBe("<w:rPr><w:b/><w:highlight/></w:rPr>");
    expect(insertChild("w:rPr", "<w:rPr/>", "w:b", "<w:b/>")).toBe("<w:rPr><w:b/></w:rPr>");
  });
});
