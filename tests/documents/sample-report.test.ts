// The report generated from the sample workbook, checked the way a person would check it:
// valid OOXML, A4 pages of 22 body lines, every figure on the page, no number split across lines.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readXlsx } from "../../src/adapters/xlsx";
import { renderDocx } from "../../src/adapters/docx";
import { runEngine, type EngineResult } from "../../src/core/engine";
import { validateWordXml } from "../helpers/ooxml";
import { renderPdf, type RenderedPdf } from "../helpers/render";

const sample = resolve(__dirname, "../../examples/sample-ledgers.xlsx");

describe("the report generated from the sample workbook", () => {
  let result: EngineResult;
  let documentXml: string;
  let docxPath: string;
  let rendered: RenderedPdf | null;

  beforeAll(async () => {
    result = runEngine(readXlsx(new Uint8Array(readFileSync(sample)), { name: "sample-ledgers.xlsx" }), {
      generatedAt: "2023-01-05T09:00:00.000Z",
    });
    const bytes = await renderDocx(result.report, result.link);
    documentXml = strFromU8(unzipSync(bytes)["word/document.xml"]);
    docxPath = join(mkdtempSync(join(tmpdir(), "lr-sample-")), "述职报告.docx");
    writeFileSync(docxPath, bytes);
    rendered = await renderPdf(docxPath);
    if (!rendered) console.warn("LibreOffice (soffice) not installed: skipping the rendered-page checks");
  }, 240000);

  it("validates against the OOXML schema", async () => {
    const outcome = await validateWordXml(documentXml);
    if (!outcome) return console.warn("../shared/schemas absent: schema validation skipped");
    expect(outcome.errors).toEqual([]);
    expect(outcome.valid).toBe(true);
  });

  it("holds one linked content control per slot, tagged lr:<id>", () => {
    const tags = [...documentXml.matchAll(/<w:tag w:val="lr:([^"]+)"\/>/g)].map((m) => m[1]);
    for (const f of result.figures) expect(tags).toContain(f.id);
    expect(tags).toContain("setting.year");
  });

  it("is printed on A4 paper", () => {
    if (!rendered) return;
    expect(rendered.pageSize).toMatch(/A4/);
    expect(rendered.pages).toBeGreaterThanOrEqual(4);
  });

  it("shows every figure's text on the page", () => {
    if (!rendered) return;
    const flat = rendered.text.replace(/\s+/g, "");
    for (const f of result.figures) {
      const slot = result.report.blocks.flatMap((b) => ("runs" in b ? b.runs : [])).findIndex((r) => r.kind === "slot" && r.id === f.id);
      expect({ id: f.id, found: slot >= 0 && flat.includes(f.text) }).toEqual({ id: f.id, found: true });
    }
  });

  it("breaks the title between words: after the reporter's role, never inside 抓党建", () => {
    if (!rendered) return;
    const printed = rendered.text.split("\n").filter((l) => l.trim() !== "");
    expect(printed.slice(0, 2).map((l) => l.replace(/\s/g, ""))).toEqual([
      `${result.settings.year}年度${result.settings.reporter}`,
      "抓党建工作述职报告",
    ]);
  });

  it("sets 22 body lines on every full page", () => {
    if (!rendered) return;
    const pages = rendered.text.split("\f").filter((p) => p.trim());
    // Pages 2 .. n-2 are full body pages; the footer line (— n —) is not a body line. The page before the
    // last may end early: the paragraph before the closing goes on with it (see closing.test.ts).
    for (const page of pages.slice(1, -2)) {
      const lines = page.split("\n").filter((l) => l.trim() && !/^\s*—\s*\d+\s*—\s*$/.test(l));
      expect(lines.length).toBe(22);
    }
  });

  it("shows every full stop 。 the document has, including those at a line's end", () => {
    if (!rendered) return;
    const stops = (s: string) => [...s].filter((c) => c === "。").length;
    const written = stops([...documentXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
    expect(written).toBeGreaterThan(40);
    expect(stops(rendered.text)).toBe(written);
  });

  it("never leaves the closing sentence alone on the last page", () => {
    if (!rendered) return;
    const last = rendered.text
      .split("\f")
      .filter((p) => p.trim())
      .at(-1)!
      .split("\n")
      .map((l) => l.replace(/\s/g, ""))
      .filter((l) => l && !/^—\d+—$/.test(l));
    expect(last.at(-1)).toBe("以上述职如有不妥之处，请批评指正。");
    expect(last.length).toBeGreaterThanOrEqual(3);
  });

  it("never splits a number across two lines", () => {
    if (!rendered) return;
    const lines = rendered.text
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const splits = lines.slice(1).filter((l, i) => /[0-9.]$/.test(lines[i]) && /^[0-9.]/.test(l) && !/^—/.test(l));
    expect(splits).toEqual([]);
  });
});
