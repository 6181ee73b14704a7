// A table figure placed by a placeholder: `{{电子保函按出函机构}}` alone in a paragraph of a clerk's own
// document becomes the figure's block control around its three-line table, and refreshes like one.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { fillFromEngine } from "../../../src/adapters/docx/fill";
import { locateControls } from "../../../src/adapters/docx/patch";
import { refreshDocx } from "../../../src/adapters/docx/refresh";
import { figureTableXml } from "../../../src/adapters/docx/table-figure";
import { runEngine } from "../../../src/core/engine";
import { parseLinkRecord } from "../../../src/core/link";
import type { RawWorkbook } from "../../../src/core/types";
import { validateWordXml } from "../../helpers/ooxml";
import { hasSoffice, renderPdf, renderPng } from "../../helpers/render";
import { execFileSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { laterWorkbook, sampleWorkbook } from "./refresh/clerk";
import { WORD_MADE_DOCUMENT, WORD_MADE_HEADER, wordMadePackage } from "./word-made";

const BY_ISSUER = ["eg.by_issuer", "电子保函按出函机构", "电子保函", "分组计数:出函机构", "", "本期", "整数", ""];

function withTableFigure(wb: RawWorkbook): RawWorkbook {
  wb.tables.find((t) => t.sheet === "指标定义")!.values.push(BY_ISSUER);
  return wb;
}

const PARAGRAPH = `<w:p w:rsidR="00A1"><w:r><w:t>{{电子保函按出函机构}}</w:t></w:r></w:p>`;

function filledDocument(body = PARAGRAPH, header?: string) {
  const engine = runEngine(withTableFigure(sampleWorkbook()), { generatedAt: "2023-01-05T00:00:00Z" });
  const doc = WORD_MADE_DOCUMENT.replace(/<w:body>/, `<w:body>${body}`);
  const filled = fillFromEngine(wordMadePackage(doc, header), engine, {
    workbookName: "sample-ledgers.xlsx",
    generatedAt: "2023-01-05T00:00:00Z",
    templateName: "t.docx",
  });
  return { engine, filled };
}

describe("a table figure placed by a placeholder", () => {
  test("a placeholder alone in its paragraph becomes the block control around the table, recorded as a table", async () => {
    const { engine, filled } = filledDocument();
    const xml = strFromU8(unzipSync(filled.bytes)["word/document.xml"]);
    expect(xml).not.toContain("{{电子保函按出函机构}}");
    expect(xml).toMatch(/<w:tag w:val="lr:eg\.by_issuer"\/>.*?<w:sdtContent><w:tbl>/s);
    const control = locateControls(xml).find((c) => c.id === "eg.by_issuer")!;
    expect(control.text).toBe(engine.figures.find((f) => f.id === "eg.by_issuer")!.text);
    const files = unzipSync(filled.bytes);
    const part = Object.keys(files).find((n) => /^customXml\/item\d+\.xml$/.test(n) && strFromU8(files[n]).includes("urn:ledger-report"))!;
    const record = parseLinkRecord(strFromU8(files[part]));
    expect(record.ok && record.record.figures.find((f) => f.id === "eg.by_issuer")?.kind).toBe("table");
    const outcome = await validateWordXml(xml);
    if (outcome) expect(outcome.errors).toEqual([]);
  });

  test("refreshes in place like a generated report's table", () => {
    const { filled } = filledDocument();
    const { plan, bytes } = refreshDocx(withTableFigure(laterWorkbook()), filled.bytes);
    expect(plan.conflicts).toEqual([]);
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
    expect(xml).toMatch(/<w:tag w:val="lr:eg\.by_issuer"\/>.*?<w:sdtContent><w:tbl>/s);
    expect(plan.updated.map((u) => u.id)).toContain("eg.by_issuer");
  });
});

/** A one-row table whose second cell (3000 twips wide) holds `cell`'s paragraphs. */
const inCell = (cell: string) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="3000"/></w:tblGrid>` +
  `<w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>出函机构</w:t></w:r></w:p></w:tc>` +
  `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${cell}</w:tc></w:tr></w:tbl>`;

describe("a table figure's placeholder where a table cannot simply replace the paragraph", () => {
  test("alone in a table cell it becomes a nested table as wide as the cell, and the cell still ends with a paragraph", async () => {
    const { filled } = filledDocument(inCell(PARAGRAPH));
    const xml = strFromU8(unzipSync(filled.bytes)["word/document.xml"]);
    expect(filled.issues.filter((i) => i.message.includes("按出函机构"))).toEqual([]);
    expect(xml).toMatch(
      /<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"\/><\/w:tcPr><w:bookmarkStart[^>]*\/><w:sdt>.*?<w:tbl><w:tblPr><w:tblW w:w="2784" w:type="dxa"\/>/s,
    );
    expect(xml).toMatch(/<\/w:tbl><\/w:sdtContent><\/w:sdt><w:bookmarkEnd[^>]*\/><w:p\/><\/w:tc>/);
    const outcome = await validateWordXml(xml);
    if (outcome) expect(outcome.errors).toEqual([]);
  });

  test("in a cell that gives no width of its own (the docx package, LibreOffice) the table takes its column's width from the grid", () => {
    // No w:tcW: the second column is 3000 twips by the table grid, and a nested table the text block's
    // width would run out of its cell (a clerk's 占比 column cut off in print).
    const noCellWidths =
      `<w:tbl><w:tblPr><w:tblW w:w="100" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="3000"/></w:tblGrid>` +
      `<w:tr><w:tc><w:p><w:r><w:t>出函机构</w:t></w:r></w:p></w:tc><w:tc>${PARAGRAPH}</w:tc></w:tr></w:tbl>`;
    const { filled } = filledDocument(noCellWidths);
    const xml = strFromU8(unzipSync(filled.bytes)["word/document.xml"]);
    expect(xml).toMatch(/<w:sdt>.*?<w:tbl><w:tblPr><w:tblW w:w="2784" w:type="dxa"\/>/s);
  });

  test("a cell spanning two grid columns without a width of its own takes both columns' width", () => {
    const spanning =
      `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="2000"/><w:gridCol w:w="3000"/></w:tblGrid>` +
      `<w:tr><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${PARAGRAPH}</w:tc></w:tr></w:tbl>`;
    const { filled } = filledDocument(spanning);
    const xml = strFromU8(unzipSync(filled.bytes)["word/document.xml"]);
    expect(xml).toMatch(/<w:sdt>.*?<w:tbl><w:tblPr><w:tblW w:w="4784" w:type="dxa"\/>/s);
  });

  test("after a narrower table nested in the same cell, the placeholder still takes its own cell's width", () => {
    const nested =
      `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr>` +
      `<w:p><w:r><w:t>小表</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
    const { filled } = filledDocument(inCell(nested + PARAGRAPH));
    const xml = strFromU8(unzipSync(filled.bytes)["word/document.xml"]);
    expect(xml).toMatch(/<w:sdt>.*?<w:tbl><w:tblPr><w:tblW w:w="2784" w:type="dxa"\/>/s);
  });

  test("a cell's paragraph followed by another keeps the cell as it was after the table", () => {
    const { filled } = filledDocument(inCell(PARAGRAPH + `<w:p><w:r><w:t>注：按出函机构</w:t></w:r></w:p>`));
    const xml = strFromU8(unzipSync(filled.bytes)["word/document.xml"]);
    expect(xml).toMatch(/<\/w:sdt><w:bookmarkEnd[^>]*\/><w:p><w:r><w:t>注：按出函机构<\/w:t><\/w:r><\/w:p><\/w:tc>/);
  });

  test("inline with other text it is left as typed and an issue names the paragraph, never a flattened table", () => {
    const { filled } = filledDocument(`<w:p><w:r><w:t>各出函机构：{{电子保函按出函机构}}。</w:t></w:r></w:p>`);
    const xml = strFromU8(unzipSync(filled.bytes)["word/document.xml"]);
    expect(xml).toContain("各出函机构：{{电子保函按出函机构}}。");
    expect(xml).not.toContain("lr:eg.by_issuer");
    const issue = filled.issues.find((i) => i.message.includes("{{电子保函按出函机构}}"))!;
    expect(issue.message).toContain("表格指标须单独成段");
    expect(issue.message).toContain("第 1 段“各出函机构：{{电子保函按出函机构}}。”");
    expect(filled.ids).not.toContain("eg.by_issuer");
    expect(filled.placeholders.find((p) => p.text === "{{电子保函按出函机构}}")?.refused).toBeTruthy();
  });

  test("in a header it is left as typed with an issue", () => {
    const header = WORD_MADE_HEADER.replace(/<\/w:hdr>/, `${PARAGRAPH}</w:hdr>`);
    const { filled } = filledDocument("", header);
    const xml = strFromU8(unzipSync(filled.bytes)["word/header1.xml"]);
    expect(xml).toContain("{{电子保函按出函机构}}");
    expect(filled.issues.some((i) => i.message.includes("页眉") && i.message.includes("表格指标须单独成段"))).toBe(true);
  });
});

describe("the table text style a placed table names", () => {
  const STYLES = (inner = "") =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${inner}</w:styles>`;
  const fillWithStyles = (styles: string, body = PARAGRAPH) => {
    const engine = runEngine(withTableFigure(sampleWorkbook()), { generatedAt: "2023-01-05T00:00:00Z" });
    const files = unzipSync(wordMadePackage(WORD_MADE_DOCUMENT.replace(/<w:body>/, `<w:body>${body}`)));
    files["word/styles.xml"] = strToU8(styles);
    const filled = fillFromEngine(zipSync(files), engine, {
      workbookName: "l.xlsx",
      generatedAt: "2023-01-05T00:00:00Z",
      templateName: "t.docx",
    });
    return strFromU8(unzipSync(filled.bytes)["word/styles.xml"]);
  };

  test("is added to a document that lacks it (LibreOffice squeezes a table whose style is missing), after its own styles", () => {
    const styles = fillWithStyles(STYLES());
    expect(styles.startsWith(STYLES().replace("</w:styles>", ""))).toBe(true);
    expect(styles).toMatch(
      /<w:style w:type="paragraph" w:customStyle="1" w:styleId="LRTableText"><w:name w:val="表格文字"\/>.*<w:jc w:val="center"\/>.*<\/w:style>/,
    );
    // The header row's bold style (表格表头), based on it: bold that survives a LibreOffice re-save.
    expect(styles).toMatch(
      /<w:style w:type="paragraph" w:customStyle="1" w:styleId="LRTableHeader"><w:name w:val="表格表头"\/><w:basedOn w:val="LRTableText"\/>.*<w:b\/>.*<\/w:style><\/w:styles>$/,
    );
  });

  test("a document that has them keeps its own, one with only the table text style gets just the header's, one with no table figure is not touched", () => {
    const text = `<w:style w:type="paragraph" w:styleId="LRTableText"><w:name w:val="我的表格"/></w:style>`;
    const own = STYLES(text + `<w:style w:type="paragraph" w:styleId="LRTableHeader"><w:name w:val="我的表头"/></w:style>`);
    expect(fillWithStyles(own)).toBe(own);
    const added = fillWithStyles(STYLES(text));
    expect(added.startsWith(STYLES(text).replace("</w:styles>", ""))).toBe(true);
    expect(added.match(/w:styleId="LRTableText"/g)).toHaveLength(1);
    expect(added).toMatch(/w:styleId="LRTableHeader"/);
    expect(fillWithStyles(STYLES(), `<w:p><w:r><w:t>{{年度}}</w:t></w:r></w:p>`)).toBe(STYLES());
  });
});

describe("a placed table in a document with no styles part at all (a clerk's hand-made or stripped .docx)", () => {
  const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
  const CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";

  test("gets a styles part holding the two table styles, with its relationship and content type, the package's own relationships and types kept", () => {
    const template = unzipSync(wordMadePackage(WORD_MADE_DOCUMENT.replace(/<w:body>/, `<w:body>${PARAGRAPH}`)));
    expect(template["word/styles.xml"]).toBeUndefined();
    const { filled } = filledDocument();
    const files = unzipSync(filled.bytes);
    const styles = strFromU8(files["word/styles.xml"]);
    expect(styles).toMatch(/<w:styles xmlns:w="http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main">/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:customStyle="1" w:styleId="LRTableText">.*<w:jc w:val="center"\/>/);
    expect(styles).toMatch(/<w:style [^>]*w:styleId="LRTableHeader"><w:name w:val="表格表头"\/><w:basedOn w:val="LRTableText"\/>.*<w:b\/>/);
    // Every style the document's paragraphs and tables name is now defined.
    const named = new Set(
      [...strFromU8(files["word/document.xml"]).matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"\/>/g)].map((m) => m[1]),
    );
    expect([...named].filter((id) => !styles.includes(`w:styleId="${id}"`))).toEqual([]);
    const rels = strFromU8(files["word/_rels/document.xml.rels"]);
    expect(rels).toMatch(new RegExp(`<Relationship Id="[^"]+" Type="${REL_STYLES}" Target="styles\\.xml"/>`));
    expect(rels.startsWith(strFromU8(template["word/_rels/document.xml.rels"]).replace("</Relationships>", ""))).toBe(true);
    const types = strFromU8(files["[Content_Types].xml"]);
    expect(types).toContain(`<Override PartName="/word/styles.xml" ContentType="${CT_STYLES}"/>`);
    expect(types.startsWith(strFromU8(template["[Content_Types].xml"]).replace("</Types>", ""))).toBe(true);
    expect(files["_rels/.rels"]).toEqual(template["_rels/.rels"]);
  });

  test("a styles relationship whose part is missing gets the part at its target, and no second relationship", () => {
    const engine = runEngine(withTableFigure(sampleWorkbook()), { generatedAt: "2023-01-05T00:00:00Z" });
    const files = unzipSync(wordMadePackage(WORD_MADE_DOCUMENT.replace(/<w:body>/, `<w:body>${PARAGRAPH}`)));
    const rels = strFromU8(files["word/_rels/document.xml.rels"]);
    files["word/_rels/document.xml.rels"] = strToU8(
      rels.replace("</Relationships>", `<Relationship Id="rId3" Type="${REL_STYLES}" Target="myStyles.xml"/></Relationships>`),
    );
    const filled = fillFromEngine(zipSync(files), engine, {
      workbookName: "l.xlsx",
      generatedAt: "2023-01-05T00:00:00Z",
      templateName: "t.docx",
    });
    const out = unzipSync(filled.bytes);
    expect(strFromU8(out["word/myStyles.xml"])).toMatch(/w:styleId="LRTableText"/);
    expect(out["word/styles.xml"]).toBeUndefined();
    expect(strFromU8(out["word/_rels/document.xml.rels"]).match(new RegExp(REL_STYLES, "g"))).toHaveLength(1);
  });

  test("an empty styles part written as one element gains the two styles", () => {
    const engine = runEngine(withTableFigure(sampleWorkbook()), { generatedAt: "2023-01-05T00:00:00Z" });
    const files = unzipSync(withStylesPart(wordMadePackage(WORD_MADE_DOCUMENT.replace(/<w:body>/, `<w:body>${PARAGRAPH}`))));
    files["word/styles.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
    );
    const filled = fillFromEngine(zipSync(files), engine, {
      workbookName: "l.xlsx",
      generatedAt: "2023-01-05T00:00:00Z",
      templateName: "t.docx",
    });
    const styles = strFromU8(unzipSync(filled.bytes)["word/styles.xml"]);
    expect(styles).toMatch(
      /^<\?xml[^>]*\?><w:styles xmlns:w="[^"]+"><w:style [^>]*w:styleId="LRTableText">.*w:styleId="LRTableHeader".*<\/w:styles>$/,
    );
  });

  const describeIfSoffice = hasSoffice() ? describe : describe.skip;
  describeIfSoffice("rendered by LibreOffice (soffice --convert-to pdf)", () => {
    test("is a table of rows — header, each group and 合计 on one line each — not one character column", async () => {
      const { filled, engine } = filledDocument();
      const table = engine.figures.find((f) => f.id === "eg.by_issuer")!.table!;
      const dir = mkdtempSync(path.join(tmpdir(), "lr-no-styles-"));
      const file = path.join(dir, "无样式部件.docx");
      writeFileSync(file, filled.bytes);
      const rendered = (await renderPdf(file))!;
      console.log(`no styles part rendered: ${await renderPng(rendered.pdf, 60)}`);
      const lines = rendered.text.split("\n");
      // A long 分组 wraps in its cell; the amount and 占比 beside it stay on one line.
      const rows = [table.header, ...table.rows.map((r) => [r.text, r.share]), ["合计", table.total.text, table.total.share]];
      const onOneLine = (cells: string[]) => lines.some((l) => cells.every((c) => l.includes(c)));
      expect(rows.filter((cells) => !onOneLine(cells))).toEqual([]);
    }, 240000);
  });
});

describe("a placeholder naming a figure whose definition is broken", () => {
  test("is pointed at the definition's cell, not called a name of no figure", () => {
    const wb = sampleWorkbook();
    const definitions = wb.tables.find((t) => t.sheet === "指标定义")!;
    definitions.values.push(["eg.broken", "保函金额合计", "电子保函", "求和", "", "本期", "整数", ""]);
    const engine = runEngine(wb, { generatedAt: "2023-01-05T00:00:00Z" });
    const doc = WORD_MADE_DOCUMENT.replace(/<w:body>/, `<w:body><w:p><w:r><w:t>金额{{保函金额合计}}元，{{eg.broken}}。</w:t></w:r></w:p>`);
    const filled = fillFromEngine(wordMadePackage(doc), engine, {
      workbookName: "l.xlsx",
      generatedAt: "2023-01-05T00:00:00Z",
      templateName: "t.docx",
    });
    const about = (p: string) => filled.issues.find((i) => i.message.includes(p))!;
    for (const placeholder of ["{{保函金额合计}}", "{{eg.broken}}"]) {
      expect(about(placeholder).message).not.toContain("不是任何指标");
      expect(about(placeholder).message).toMatch(/指标定义有误.*请改正 指标定义!D\d+/);
      expect(about(placeholder).cell).toMatch(/^指标定义!D\d+$/);
    }
  });
});

describe("a table figure filled into a table cell and refreshed", () => {
  const CELL = 3000;
  /** Every width the nested table (the figure's) gives: its w:tblW, its grid's total and each cell's w:tcW. */
  function nestedTableWidths(xml: string): { table: number; grid: number; cells: number[]; rows: number } {
    const sdt = /<w:tag w:val="lr:eg\.by_issuer"\/>[\s\S]*?<w:sdtContent>([\s\S]*?)<\/w:sdtContent>/.exec(xml)![1];
    const tbl = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(sdt)![0];
    const table = Number(/<w:tblW w:w="(\d+)"/.exec(tbl)![1]);
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"/g)].reduce((a, m) => a + Number(m[1]), 0);
    const cells = [...tbl.matchAll(/<w:tcW w:w="(\d+)"/g)].map((m) => Number(m[1]));
    return { table, grid, cells, rows: tbl.split("<w:tr>").length - 1 };
  }
  /** The ledgers a month on with guarantees from an issuer not seen before: the table gains a row. */
  function withNewIssuer(): RawWorkbook {
    const wb = withTableFigure(laterWorkbook());
    const ledger = wb.tables.find((t) => t.sheet === "电子保函（交易二科）")!;
    const column = ledger.values.find((r) => r.includes("出函机构"))!.indexOf("出函机构");
    const total = ledger.values.findIndex((r) => String(r[0]).replace(/\s/g, "") === "合计");
    const model = ledger.values[total - 1];
    // Enough of them to be among the groups the table shows by name.
    const added = Array.from({ length: 400 }, (_, n) =>
      model.map((v, c) => (c === column ? "新开业担保有限公司" : c === 0 ? `DZBH2022${800000 + n}` : v)),
    );
    ledger.values.splice(total, 0, ...added);
    return wb;
  }
  function cellOf(xml: string): number {
    return Number(/<w:tcW w:w="(\d+)" w:type="dxa"\/><\/w:tcPr><w:bookmarkStart[^>]*\/><w:sdt>/.exec(xml)![1]);
  }

  test("keeps the table within its cell when the refresh brings more groups (not the text block's width)", () => {
    const { filled } = filledDocument(inCell(PARAGRAPH));
    const before = nestedTableWidths(strFromU8(unzipSync(filled.bytes)["word/document.xml"]));
    const { plan, bytes } = refreshDocx(withNewIssuer(), filled.bytes);
    expect(plan.updated.map((u) => u.id)).toContain("eg.by_issuer");
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
    expect(xml).toContain("新开业担保有限公司");
    const after = nestedTableWidths(xml);
    expect(after.rows).toBeGreaterThan(before.rows);
    expect(cellOf(xml)).toBe(CELL);
    expect(after.table).toBeLessThanOrEqual(CELL - 216);
    expect(after.grid).toBeLessThanOrEqual(after.table);
    for (const w of after.cells) expect(w).toBeLessThanOrEqual(after.table);
  });

  test("keeps the table within its cell when refreshed for another year (refresh --year)", () => {
    const { filled } = filledDocument(inCell(PARAGRAPH));
    const { plan, bytes } = refreshDocx(withTableFigure(sampleWorkbook()), filled.bytes, { overrides: { year: 2021 } });
    expect(plan.updated.map((u) => u.id)).toContain("eg.by_issuer");
    const after = nestedTableWidths(strFromU8(unzipSync(bytes)["word/document.xml"]));
    expect(after.table).toBeLessThanOrEqual(CELL - 216);
    expect(after.grid).toBeLessThanOrEqual(after.table);
  });

  test("a figure that was a 待补 placeholder when filled becomes a table as wide as its cell", () => {
    // Filled before the guarantee ledgers existed: the control holds the yellow placeholder paragraph.
    const engine = runEngine(
      withTableFigure({ ...sampleWorkbook(), tables: sampleWorkbook().tables.filter((t) => !t.sheet.startsWith("电子保函")) }),
      { generatedAt: "2023-01-05T00:00:00Z" },
    );
    const filled = fillFromEngine(wordMadePackage(WORD_MADE_DOCUMENT.replace(/<w:body>/, `<w:body>${inCell(PARAGRAPH)}`)), engine, {
      workbookName: "sample-ledgers.xlsx",
      generatedAt: "2023-01-05T00:00:00Z",
      templateName: "t.docx",
    });
    const filledXml = strFromU8(unzipSync(filled.bytes)["word/document.xml"]);
    expect(filledXml).toMatch(/<w:tag w:val="lr:eg\.by_issuer"\/>[\s\S]*?<w:sdtContent><w:p>[\s\S]*?待补/);
    const { bytes } = refreshDocx(withTableFigure(sampleWorkbook()), filled.bytes);
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
    const after = nestedTableWidths(xml);
    expect(after.table).toBeLessThanOrEqual(CELL - 216);
    expect(after.grid).toBeLessThanOrEqual(after.table);
  });
});

/** The guarantees' amounts by issuer in 万元: the clerk's {{保证金按部门}} kind of table, with a 金额（万元） header. */
const AMOUNT_BY_ISSUER = ["eg.amount_by_issuer", "保证金按出函机构", "电子保函", "分组求和:保证金金额:出函机构", "", "本期", "万元", ""];

describe("the columns of a table figure in a narrow cell", () => {
  /** The figure filled into the left cell (4300 twips) of a two-column table, the neighbour cell beside it. */
  function filledInNarrowCell() {
    const wb = sampleWorkbook();
    wb.tables.find((t) => t.sheet === "指标定义")!.values.push(AMOUNT_BY_ISSUER);
    const engine = runEngine(wb, { generatedAt: "2023-01-05T00:00:00Z" });
    const outer =
      `<w:tbl><w:tblPr><w:tblW w:w="8845" w:type="dxa"/><w:tblBorders><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr>` +
      `<w:tblGrid><w:gridCol w:w="4300"/><w:gridCol w:w="4545"/></w:tblGrid><w:tr>` +
      `<w:tc><w:tcPr><w:tcW w:w="4300" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>{{保证金按出函机构}}</w:t></w:r></w:p></w:tc>` +
      `<w:tc><w:tcPr><w:tcW w:w="4545" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>右邻单元格的文字</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
    const filled = fillFromEngine(withStylesPart(wordMadePackage(WORD_MADE_DOCUMENT.replace(/<w:body>/, `<w:body>${outer}`))), engine, {
      workbookName: "sample-ledgers.xlsx",
      generatedAt: "2023-01-05T00:00:00Z",
      templateName: "t.docx",
    });
    const table = engine.figures.find((f) => f.id === "eg.amount_by_issuer")!.table!;
    return { filled, table };
  }
  const nested = (xml: string) => /<w:tag w:val="lr:eg\.amount_by_issuer"\/>[\s\S]*?<w:sdtContent>(<w:tbl>[\s\S]*?<\/w:tbl>)/.exec(xml)![1];

  test("the amount and 占比 columns are as wide as their longest text and never wrap; 分组 takes the rest", () => {
    const { filled, table } = filledInNarrowCell();
    const tbl = nested(strFromU8(unzipSync(filled.bytes)["word/document.xml"]));
    const [group, amount, share] = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(group + amount + share).toBe(4300 - 216);
    // 4号 text: 金额（万元） is six full-width characters of 280 twips, bold, plus the cell's margins of 216.
    expect(table.header[1]).toBe("金额（万元）");
    expect(amount).toBeGreaterThanOrEqual(6 * 280 + 216);
    const longestShare = Math.max(...[...table.rows.map((r) => r.share), table.total.share].map((t) => t.length));
    expect(share).toBeGreaterThanOrEqual(longestShare * 140 + 216);
    expect(group).toBeGreaterThan(2 * 280);
    // Every number and 占比 cell says no wrap; no 分组 cell does.
    for (const row of tbl.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!) {
      const cells = row.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
      expect(cells.map((c) => c.includes("<w:noWrap/>"))).toEqual([false, true, true]);
    }
  });

  test("a cell too narrow for the numbers and two characters of 分组 still holds the whole table", () => {
    const { table } = filledInNarrowCell();
    const tbl = figureTableXml(table, 2400);
    const widths = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(Number(/<w:tblW w:w="(\d+)"/.exec(tbl)![1])).toBe(2400 - 216);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(2400 - 216);
    expect(widths[0]).toBeGreaterThan(0);
  });

  const describeIfSoffice = hasSoffice() ? describe : describe.skip;
  describeIfSoffice("rendered by LibreOffice (soffice --convert-to pdf)", () => {
    test("no amount or 占比 breaks across lines, and the table stays inside its 4300-twip cell", async () => {
      const { filled, table } = filledInNarrowCell();
      const dir = mkdtempSync(path.join(tmpdir(), "lr-narrow-cell-"));
      const file = path.join(dir, "窄单元格.docx");
      writeFileSync(file, filled.bytes);
      const rendered = (await renderPdf(file))!;
      const png = await renderPng(rendered.pdf, 100);
      console.log(`narrow cell rendered: ${png}`);
      const lines = rendered.text.split("\n");
      const cells = [
        table.header[1],
        ...table.rows.map((r) => r.text),
        ...table.rows.map((r) => r.share),
        table.total.text,
        table.total.share,
      ];
      expect(cells.filter((text) => !lines.some((l) => l.includes(text)))).toEqual([]);
      // Every 占比 (each row and 合计, on every page) ends inside the cell: left margin 1587 twips + 4300, in points.
      const bbox = execFileSync("pdftotext", ["-bbox", rendered.pdf, "-"]).toString();
      const shares = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*%)<\/word>/g)];
      expect(shares.length).toBe(table.rows.length + 1);
      for (const [, xMax] of shares) expect(Number(xMax)).toBeLessThanOrEqual((1587 + 4300) / 20);
    }, 240000);
  });
});

/**
 * The package with the styles part Word always writes (fill adds the table text styles to it; with
 * no styles part at all LibreOffice lays a nested table's cells out as loose paragraphs).
 */
function withStylesPart(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  files["word/styles.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`,
  );
  const types = strFromU8(files["[Content_Types].xml"]);
  files["[Content_Types].xml"] = strToU8(
    types.replace(
      "</Types>",
      `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    ),
  );
  const rels = strFromU8(files["word/_rels/document.xml.rels"]);
  files["word/_rels/document.xml.rels"] = strToU8(
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
  );
  return zipSync(files);
}
