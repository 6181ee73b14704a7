import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { strFromU8, unzipSync } from "fflate";
import { renderDocx, sanitizeXmlText } from "../../../src/adapters/docx";
import { parseLinkRecord } from "../../../src/core/link";
import type { Block, ReportDocument, Run } from "../../../src/core/types";
import { validateCustomXmlProps, validateWordXml } from "../../helpers/ooxml";
import { renderPdf, renderPng } from "../../helpers/render";
import { figureOfBookmark } from "../../../src/adapters/docx/bookmark-names";
import { fixtureDocument, fixtureLink } from "./fixture";
import { find, findAll, get, parseXml, styleById, textOf, wVal, type XmlNode } from "./xmltree";

type Parts = Record<string, string>;

async function render(doc: ReportDocument, fonts?: "gb2312" | "windows"): Promise<{ bytes: Uint8Array; parts: Parts }> {
  const bytes = await renderDocx(doc, fixtureLink(doc), fonts ? { fonts } : undefined);
  const parts: Parts = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) parts[name] = strFromU8(data);
  return { bytes, parts };
}

function slotRuns(doc: ReportDocument): Extract<Run, { kind: "slot" }>[] {
  const runsOf = (b: Block): Run[] => (b.kind === "table" ? b.rows.flat(2) : b.kind === "tableFigure" ? [b.slot] : b.runs);
  return doc.blocks.flatMap(runsOf).filter((r): r is Extract<Run, { kind: "slot" }> => r.kind === "slot");
}

function paragraphs(documentXml: XmlNode): XmlNode[] {
  return findAll(documentXml, "w:p");
}

const HOSTILE = "<b>&amp; \"q\" 'a' ]]> \u0001\u0008\u000B\uD800 tab\there 😀 \u200F\u202Eمرحبا\u202C \uFFFF";

function hostileDocument(): ReportDocument {
  const doc = fixtureDocument();
  doc.figures.push({ ...doc.figures[0], id: "hostile]]>&<", name: `名称${HOSTILE}`, text: `12${HOSTILE}` });
  doc.blocks.push({
    kind: "paragraph",
    runs: [
      { kind: "text", text: HOSTILE },
      { kind: "slot", id: "hostile]]>&<", name: `名称${HOSTILE}`, text: `12${HOSTILE}` },
    ],
  });
  return doc;
}

let fixture: { bytes: Uint8Array; parts: Parts };
let documentXml: XmlNode;
let styles: XmlNode;

beforeAll(async () => {
  fixture = await render(fixtureDocument());
  documentXml = parseXml(fixture.parts["word/document.xml"]);
  styles = parseXml(fixture.parts["word/styles.xml"]);
});

describe("page layout (GB/T 9704)", () => {
  test("is A4 with the standard's margins and a 22-line grid", () => {
    const sectPr = get(documentXml, "w:sectPr");
    expect(get(sectPr, "w:pgSz").attributes).toMatchObject({ "w:w": "11906", "w:h": "16838" });
    expect(get(sectPr, "w:pgMar").attributes).toMatchObject({ "w:top": "2098", "w:bottom": "1984", "w:left": "1587", "w:right": "1474" });
    expect(get(sectPr, "w:docGrid").attributes).toEqual({ "w:type": "lines", "w:linePitch": "579" });
  });

  test("uses separate odd and even footers, switched on in settings", () => {
    const sectPr = get(documentXml, "w:sectPr");
    const refs = findAll(sectPr, "w:footerReference").map((r) => r.attributes["w:type"]);
    expect(refs.sort()).toEqual(["default", "even"]);
    expect(find(parseXml(fixture.parts["word/settings.xml"]), "w:evenAndOddHeaders")).toBeDefined();
  });

  test("puts — PAGE — in 宋体 14 pt on the right of odd pages and the left of even pages, one character in", () => {
    const rels = parseXml(fixture.parts["word/_rels/document.xml.rels"]);
    const target = (type: string) => {
      const id = findAll(get(documentXml, "w:sectPr"), "w:footerReference").find((r) => r.attributes["w:type"] === type)!.attributes[
        "r:id"
      ];
      return "word/" + rels.children.find((r) => r.attributes.Id === id)!.attributes.Target;
    };
    const odd = parseXml(fixture.parts[target("default")]);
    const even = parseXml(fixture.parts[target("even")]);
    expect(wVal(odd, "w:jc")).toBe("right");
    expect(get(odd, "w:ind").attributes["w:right"]).toBe("280");
    expect(wVal(even, "w:jc")).toBe("left");
    expect(get(even, "w:ind").attributes["w:left"]).toBe("280");
    for (const footer of [odd, even]) {
      expect(textOf(footer)).toBe("—  —");
      expect(find(footer, "w:instrText")!.text).toBe("PAGE");
      expect(wVal(footer, "w:pStyle")).toBe("LRPageNumber");
    }
    const pageNumber = get(styleById(styles, "LRPageNumber"), "w:rPr");
    expect(get(pageNumber, "w:rFonts").attributes["w:eastAsia"]).toBe("宋体");
    expect(wVal(pageNumber, "w:sz")).toBe("28");
  });
});

describe("styles", () => {
  function rPrOf(id: string): XmlNode {
    return get(styleById(styles, id), "w:rPr");
  }
  function pPrOf(id: string): XmlNode {
    return get(styleById(styles, id), "w:pPr");
  }

  test("name the paragraph styles clerks restyle in Word, with outline levels for the navigation pane", () => {
    const names = findAll(styles, "w:style").map((s) => [s.attributes["w:styleId"], wVal(s, "w:name")]);
    expect(names).toEqual(
      expect.arrayContaining([
        ["LRTitle", "公文标题"],
        ["LRHeading1", "一级标题"],
        ["LRHeading2", "二级标题"],
        ["LRHeading3", "三级标题"],
        ["LRBody", "公文正文"],
        ["Normal", "Normal"],
        ["LRRunInKai", "楷体小标题"],
      ]),
    );
    expect(wVal(styleById(styles, "Normal"), "w:aliases")).toBe("正文");
    expect(wVal(pPrOf("LRHeading1"), "w:outlineLvl")).toBe("0");
    expect(wVal(pPrOf("LRHeading2"), "w:outlineLvl")).toBe("1");
    expect(wVal(pPrOf("LRHeading3"), "w:outlineLvl")).toBe("2");
  });

  test("set the title in 22 pt 方正小标宋简体, centred, not bold, off the grid", () => {
    expect(get(rPrOf("LRTitle"), "w:rFonts").attributes["w:eastAsia"]).toBe("方正小标宋简体");
    expect(wVal(rPrOf("LRTitle"), "w:sz")).toBe("44");
    expect(wVal(rPrOf("LRTitle"), "w:b")).toBe("0");
    expect(wVal(pPrOf("LRTitle"), "w:jc")).toBe("center");
    expect(wVal(pPrOf("LRTitle"), "w:snapToGrid")).toBe("0");
  });

  test("set the body in 16 pt 仿宋_GB2312, justified, exact 579 lines, two characters indented, 28 characters a line", () => {
    const pPr = pPrOf("LRBody");
    const rPr = rPrOf("LRBody");
    expect(get(rPr, "w:rFonts").attributes).toEqual({
      "w:ascii": "仿宋_GB2312",
      "w:eastAsia": "仿宋_GB2312",
      "w:hAnsi": "仿宋_GB2312",
      "w:cs": "仿宋_GB2312",
      "w:hint": "eastAsia",
    });
    expect(wVal(rPr, "w:sz")).toBe("32");
    expect(wVal(rPr, "w:spacing")).toBe("-5");
    expect(get(rPr, "w:lang").attributes["w:eastAsia"]).toBe("zh-CN");
    expect(wVal(pPr, "w:jc")).toBe("both");
    expect(get(pPr, "w:spacing").attributes).toMatchObject({ "w:line": "579", "w:lineRule": "exact" });
    expect(get(pPr, "w:ind").attributes).toMatchObject({ "w:firstLineChars": "200", "w:firstLine": "640" });
  });

  test("set headings in 黑体, 楷体 and bold 仿宋, and the run-in heading style in 楷体", () => {
    expect(get(rPrOf("LRHeading1"), "w:rFonts").attributes["w:eastAsia"]).toBe("黑体");
    expect(get(rPrOf("LRHeading2"), "w:rFonts").attributes["w:eastAsia"]).toBe("楷体_GB2312");
    expect(find(rPrOf("LRHeading3"), "w:b")!.attributes).toEqual({});
    expect(styleById(styles, "LRRunInKai").attributes["w:type"]).toBe("character");
    expect(get(rPrOf("LRRunInKai"), "w:rFonts").attributes["w:eastAsia"]).toBe("楷体_GB2312");
  });

  test("give East Asian fonts and the Chinese language to the document defaults, and use no theme fonts", () => {
    const defaults = get(get(styles, "w:docDefaults"), "w:rPrDefault");
    expect(get(defaults, "w:rFonts").attributes).toMatchObject({
      "w:eastAsia": "仿宋_GB2312",
      "w:ascii": "仿宋_GB2312",
      "w:hAnsi": "仿宋_GB2312",
      "w:hint": "eastAsia",
    });
    // Latin en-US keeps numbers unbreakable in LibreOffice; Chinese text is zh-CN.
    expect(get(defaults, "w:lang").attributes).toMatchObject({ "w:val": "en-US", "w:eastAsia": "zh-CN" });
    const rFonts = [...findAll(styles, "w:rFonts"), ...findAll(documentXml, "w:rFonts")];
    expect(rFonts.length).toBeGreaterThan(5);
    for (const f of rFonts) expect(Object.keys(f.attributes).filter((a) => /Theme$/i.test(a))).toEqual([]);
  });

  test("switch to the faces Windows ships when asked", async () => {
    const { parts } = await render(fixtureDocument(), "windows");
    const s = parseXml(parts["word/styles.xml"]);
    const eastAsia = (id: string) => get(get(styleById(s, id), "w:rPr"), "w:rFonts").attributes["w:eastAsia"];
    expect(eastAsia("LRBody")).toBe("仿宋");
    expect(eastAsia("LRHeading2")).toBe("楷体");
    expect(eastAsia("LRTitle")).toBe("华文中宋");
    expect(get(get(get(s, "w:docDefaults"), "w:rPrDefault"), "w:rFonts").attributes["w:eastAsia"]).toBe("仿宋");
  });
});

describe("styles that survive insertion into another document", () => {
  test("put every paragraph of the body, its tables and its footers on a named LR style, never Normal or a built-in one", () => {
    for (const name of Object.keys(fixture.parts).filter((n) => /^word\/(document|footer\d*)\.xml$/.test(n))) {
      const all = findAll(parseXml(fixture.parts[name]), "w:p");
      expect(all.length).toBeGreaterThan(0);
      for (const p of all) expect([name, wVal(p, "w:pStyle")]).toEqual([name, expect.stringMatching(/^LR[A-Z]/)]);
      for (const r of findAll(parseXml(fixture.parts[name]), "w:rStyle")) expect(r.attributes["w:val"]).toMatch(/^LR[A-Z]/);
    }
  });

  test("define the body style completely, based on no other style, so the destination's Normal and defaults cannot change it", () => {
    const body = styleById(styles, "LRBody");
    expect(find(body, "w:basedOn")).toBeUndefined();
    const rPr = get(body, "w:rPr");
    expect(Object.keys(get(rPr, "w:rFonts").attributes)).toEqual(expect.arrayContaining(["w:ascii", "w:eastAsia", "w:hAnsi"]));
    expect(wVal(rPr, "w:sz")).toBe("32");
    expect(get(get(body, "w:pPr"), "w:spacing").attributes).toMatchObject({
      "w:line": "579",
      "w:lineRule": "exact",
      "w:before": "0",
      "w:after": "0",
    });
    for (const id of ["LRTitle", "LRHeading1", "LRHeading2", "LRHeading3", "LRTableText", "LRPageNumber"])
      expect(wVal(styleById(styles, id), "w:basedOn")).toBe("LRBody");
  });
});

describe("body", () => {
  test("writes every block with its style, in order", () => {
    const styleOf = (p: XmlNode) => wVal(p, "w:pStyle");
    const top = documentXml.children[0].children.filter((c) => c.name === "w:p").map(styleOf);
    expect(top).toEqual(["LRTitle", "LRBody", "LRHeading1", "LRBody", "LRBody", "LRHeading2", "LRHeading3", "LRBody", "LRBody", "LRBody"]);
    expect(textOf(paragraphs(documentXml)[0])).toBe("2022年度市公共资源交易中心党组书记抓党建工作述职报告");
  });

  test("sets a run-in heading in the 楷体 character style and leaves the rest of the paragraph plain", () => {
    const p = paragraphs(documentXml)[3];
    const runs = p.children.filter((c) => c.name === "w:r");
    expect(textOf(runs[0])).toBe("（一）抓政治建设提站位，推进党建责任落细落实。");
    expect(wVal(runs[0], "w:rStyle")).toBe("LRRunInKai");
    expect(find(runs[1], "w:rStyle")).toBeUndefined();
  });

  test("makes every figure slot a locked rich-text content control tagged with its figure id", () => {
    const slots = slotRuns(fixtureDocument());
    const sdts = findAll(documentXml, "w:sdt");
    expect(sdts).toHaveLength(slots.length);
    sdts.forEach((sdt, i) => {
      const pr = get(sdt, "w:sdtPr");
      expect(pr.children.map((c) => c.name)).toEqual(["w:alias", "w:tag", "w:id", "w:lock"]);
      expect(wVal(pr, "w:alias")).toBe(slots[i].name);
      expect(wVal(pr, "w:tag")).toBe(`lr:${slots[i].id}`);
      expect(wVal(pr, "w:lock")).toBe("sdtLocked");
      expect(textOf(get(sdt, "w:sdtContent"))).toBe(slots[i].text);
    });
    const ids = sdts.map((s) => wVal(s, "w:id"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("puts a bookmark lr_<id> around every figure control, its second anchor when another program empties the tag", () => {
    const xml = fixture.parts["word/document.xml"];
    const slots = slotRuns(fixtureDocument());
    // bookmarkStart, the control, bookmarkEnd of the same id, back to back.
    const wrapped = [
      ...xml.matchAll(/<w:bookmarkStart w:id="(\d+)" w:name="([^"]+)"\/><w:sdt>[\s\S]*?<\/w:sdt><w:bookmarkEnd w:id="(\d+)"\/>/g),
    ];
    expect(wrapped).toHaveLength(slots.length);
    for (const m of wrapped) expect(m[1]).toBe(m[3]);
    const names = wrapped.map((m) => m[2]);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^lr_[A-Za-z0-9_]{1,37}$/);
    expect(
      names.map((n) =>
        figureOfBookmark(
          n,
          slots.map((s) => s.id),
        ),
      ),
    ).toEqual(slots.map((s) => s.id));
  });

  test("keeps the text around the figures exactly as the model gives it", () => {
    expect(textOf(paragraphs(documentXml)[3])).toBe(
      "（一）抓政治建设提站位，推进党建责任落细落实。一是明确重点工作。进行专题学习党的二十大精神12次，专题研讨6次。截止2022年12月底，我市公共资源交易平台共开立投标保证电子保函1386笔，服务企业1300余家，累计减少企业资金占用15.00亿元。与11家党建共建单位签订共建协议。",
    );
    expect(
      paragraphs(documentXml)
        .slice(1)
        .flatMap((p) => findAll(p, "w:br")),
    ).toHaveLength(0);
  });

  test("breaks a two-line title between words with one explicit line break, never inside a figure", () => {
    const titleXml = paragraphs(documentXml)[0];
    const runs = titleXml.children.filter((c) => c.name === "w:r" || c.name === "w:sdt");
    const lines = [""];
    for (const r of runs) {
      if (find(r, "w:br")) lines.push("");
      lines[lines.length - 1] += textOf(r);
    }
    expect(lines).toEqual(["2022年度市公共资源交易中心", "党组书记抓党建工作述职报告"]);
    for (const sdt of findAll(documentXml, "w:sdt")) expect(find(sdt, "w:br")).toBeUndefined();
  });

  test("leaves a title that fits on one line unbroken", async () => {
    const short = fixtureDocument();
    short.blocks[0] = { kind: "title", runs: [{ kind: "text", text: "2022年度工作总结" }] };
    const { parts } = await render(short);
    expect(findAll(paragraphs(parseXml(parts["word/document.xml"]))[0], "w:br")).toHaveLength(0);
  });

  test("right-aligns an unindented paragraph such as the signature and removes its first-line indent", () => {
    const signature = paragraphs(documentXml).find((p) => textOf(p) === "市公共资源交易中心党组书记")!;
    expect(wVal(signature, "w:jc")).toBe("right");
    expect(get(signature, "w:ind").attributes).toMatchObject({ "w:firstLine": "0", "w:firstLineChars": "0" });
    const plain = fixtureDocument();
    plain.blocks = [{ kind: "paragraph", runs: [{ kind: "text", text: "2023年1月9日" }], indent: false }];
    return render(plain).then(({ parts }) => {
      const p = get(parseXml(parts["word/document.xml"]), "w:p");
      expect(wVal(p, "w:jc")).toBe("right");
    });
  });

  test("writes a table with one cell per column, its figures linked too", () => {
    const tbl = get(documentXml, "w:tbl");
    const rows = findAll(tbl, "w:tr");
    expect(rows.map((r) => findAll(r, "w:tc").map(textOf))).toEqual([
      ["指标", "数值"],
      ["电子保函笔数", "1386"],
      ["共建单位数", "11"],
    ]);
    expect(wVal(find(rows[1], "w:sdt")!, "w:tag")).toBe("lr:guarantee.count");
  });
});

describe("hostile text", () => {
  let parts: Parts;
  beforeAll(async () => {
    parts = (await render(hostileDocument())).parts;
  });

  test("is escaped and cleaned so every part stays well-formed XML", () => {
    const doc = parseXml(parts["word/document.xml"]);
    const last = paragraphs(doc).at(-1)!;
    const clean = sanitizeXmlText(HOSTILE);
    expect(textOf(last)).toBe(clean + "12" + clean);
    const sdt = find(last, "w:sdt")!;
    expect(wVal(sdt, "w:tag")).toBe("lr:hostile]]>&<");
    expect(wVal(sdt, "w:alias")).toBe(`名称${clean.replace(/\t/g, " ")}`);
    expect(parts["word/document.xml"]).not.toContain("]]>");
    expect(parts["word/document.xml"]).not.toMatch(/[\u0001\u0008\u000B\uFFFF]/);
  });

  test("reaches the link record cleaned the same way as the document, so Refresh sees no false conflict", () => {
    const link = parseLinkRecord(parts["customXml/item1.xml"]);
    if (!link.ok) throw new Error(link.messageEn);
    const written = link.record.figures.find((f) => f.id === "hostile]]>&<")!;
    const sdt = findAll(parseXml(parts["word/document.xml"]), "w:sdt").find((x) => wVal(x, "w:tag") === "lr:hostile]]>&<")!;
    expect(written.text).toBe(textOf(get(sdt, "w:sdtContent")));
    expect(written.text).toBe("12" + sanitizeXmlText(HOSTILE));
  });

  test("still validates against the WordprocessingML schema", async () => {
    const result = await validateWordXml(parts["word/document.xml"]);
    if (result === null) return;
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe("the link part", () => {
  test("stores the link record as customXml/item1.xml and reads back equal", () => {
    const parsed = parseLinkRecord(fixture.parts["customXml/item1.xml"]);
    expect(parsed).toEqual({ ok: true, record: fixtureLink() });
  });

  test("names the namespace in its properties part under a datastore GUID", () => {
    const props = parseXml(fixture.parts["customXml/itemProps1.xml"]);
    expect(props.name).toBe("ds:datastoreItem");
    expect(props.attributes["ds:itemID"]).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    expect(get(props, "ds:schemaRef").attributes["ds:uri"]).toBe("urn:ledger-report:link:1");
    const itemRels = parseXml(fixture.parts["customXml/_rels/item1.xml.rels"]);
    expect(itemRels.children[0].attributes).toMatchObject({
      Type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps",
      Target: "itemProps1.xml",
    });
  });

  test("is related from the main document and typed in the content types", () => {
    const rels = parseXml(fixture.parts["word/_rels/document.xml.rels"]).children;
    const custom = rels.filter(
      (r) => r.attributes.Type === "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
    );
    expect(custom.map((r) => r.attributes.Target)).toEqual(["../customXml/item1.xml"]);
    expect(new Set(rels.map((r) => r.attributes.Id)).size).toBe(rels.length);
    const types = parseXml(fixture.parts["[Content_Types].xml"]).children;
    expect(types.find((t) => t.attributes.PartName === "/customXml/itemProps1.xml")?.attributes.ContentType).toBe(
      "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
    );
    expect(types.some((t) => t.name === "Default" && t.attributes.Extension === "xml")).toBe(true);
  });

  test("leaves no part of the package without a content type (OPC §10.1.2)", () => {
    const types = parseXml(fixture.parts["[Content_Types].xml"]).children;
    const overrides = new Set(types.filter((t) => t.name === "Override").map((t) => t.attributes.PartName.toLowerCase()));
    const defaults = new Set(types.filter((t) => t.name === "Default").map((t) => t.attributes.Extension.toLowerCase()));
    const untyped = Object.keys(unzipSync(fixture.bytes)).filter(
      (name) =>
        name !== "[Content_Types].xml" && !overrides.has(`/${name}`.toLowerCase()) && !defaults.has(name.split(".").pop()!.toLowerCase()),
    );
    expect(untyped).toEqual([]);
  });
});

describe("schema validation", () => {
  test.each(["word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml"])(
    "%s conforms to the WordprocessingML schema",
    async (part) => {
      const result = await validateWordXml(fixture.parts[part]);
      if (result === null) return;
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    },
  );

  test("the link's properties part conforms to the custom XML properties schema", async () => {
    const result = await validateCustomXmlProps(fixture.parts["customXml/itemProps1.xml"]);
    if (result === null) return;
    expect(result).toEqual({ valid: true, errors: [] });
  });

  test("rejects a content control whose properties are out of order, so the check can fail", async () => {
    const broken = fixture.parts["word/document.xml"].replace(
      /<w:alias w:val="专题学习次数"\/><w:tag w:val="lr:study.topic"\/>/,
      '<w:tag w:val="lr:study.topic"/><w:alias w:val="专题学习次数"/>',
    );
    expect(broken).not.toBe(fixture.parts["word/document.xml"]);
    const result = await validateWordXml(broken);
    if (result === null) return;
    expect(result.valid).toBe(false);
  });
});

describe("rendered by LibreOffice", () => {
  test("prints on A4 with every figure's text, page numbers on alternate sides", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ledger-docx-"));
    const docx = join(dir, "report.docx");
    writeFileSync(docx, fixture.bytes);
    const rendered = await renderPdf(docx);
    if (rendered === null) {
      console.log("soffice not found: skipping the PDF check");
      return;
    }
    expect(rendered.pageSize).toContain("(A4)");
    expect(rendered.pages).toBe(2);
    const flat = rendered.text.replace(/\s+/g, "");
    for (const slot of slotRuns(fixtureDocument())) expect(flat).toContain(slot.text);
    expect(flat).toContain("2022年度市公共资源交易中心党组书记抓党建工作述职报告");
    const [page1, page2] = rendered.text.split("\f");
    // The title's lines on the page are the ones the renderer chose, centred.
    const printed = page1.split("\n").filter((l) => l.trim() !== "");
    expect(printed.slice(0, 2).map((l) => l.replace(/\s/g, ""))).toEqual(["2022年度市公共资源交易中心", "党组书记抓党建工作述职报告"]);
    const lastLine = (page: string) =>
      page
        .split("\n")
        .filter((l) => l.trim() !== "")
        .at(-1)!;
    expect(lastLine(page1).replace(/\s/g, "")).toBe("—1—");
    expect(lastLine(page1).length).toBeGreaterThan(20); // right-hand side
    expect(lastLine(page2).replace(/\s/g, "")).toBe("—2—");
    expect(lastLine(page2).indexOf("—")).toBeLessThan(5); // left-hand side
    const png = await renderPng(rendered.pdf, 60);
    console.log(`page 1 rendered to ${png}`);
  });
});
