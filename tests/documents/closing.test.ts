// The end of the report as printed: the closing sentence never stands alone on the last page, and
// the 落款 follows it, right-aligned per GB/T 9704 §7.3.5.1. Rendered by LibreOffice and read back
// with pdftotext, the way a person would check the last page.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { renderDocx } from "../../src/adapters/docx";
import { readXlsx } from "../../src/adapters/xlsx";
import { runEngine } from "../../src/core/engine";
import type { Block, ReportDocument } from "../../src/core/types";
import { fixtureDocument, fixtureLink } from "../adapters/docx/fixture";
import { hasSoffice } from "../helpers/render";

const run = promisify(execFile);
const CLOSING = "以上述职如有不妥之处，请批评指正。";
/** 28 characters a line, the first line of a paragraph indented two. */
const LINE = 28;

/** Body text of exactly `n` characters, without punctuation so no line-breaking rule moves a character. */
function filler(n: number): string {
  const words = "坚持党建引领业务工作思路抓人心团结凝聚充分发挥支部堡垒作用";
  let s = "";
  while (s.length < n) s += words;
  return s.slice(0, n);
}

function documentWith(paragraphLengths: number[], ending: Block[] = []): ReportDocument {
  const doc = fixtureDocument();
  doc.blocks = [
    ...paragraphLengths.map((n): Block => ({ kind: "paragraph", runs: [{ kind: "text", text: filler(n) }] })),
    { kind: "paragraph", runs: [{ kind: "text", text: CLOSING }] },
    ...ending,
  ];
  return doc;
}

/** The same package with every keep-with-next, keep-lines and widow-control removed: the layout without the rule. */
function withoutKeeps(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["word/document.xml"]).replace(/<w:(keepNext|keepLines|widowControl)\/>/g, "");
  return zipSync({ ...files, "word/document.xml": strToU8(xml) });
}

/** Converts every .docx in one LibreOffice run (one start-up instead of one per file); page texts per file. */
async function printPages(files: Record<string, Uint8Array>): Promise<Record<string, string[]>> {
  const dir = mkdtempSync(join(tmpdir(), "lr-closing-"));
  lastDir = dir;
  const paths = Object.entries(files).map(([name, bytes]) => {
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, bytes);
    return path;
  });
  const profile = mkdtempSync(join(tmpdir(), "lo-"));
  await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...paths], {
    timeout: 240000,
  });
  const out: Record<string, string[]> = {};
  for (const name of Object.keys(files)) {
    const pdf = join(dir, `${name}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${name}`);
    const { stdout } = await run("pdftotext", ["-layout", pdf, "-"]);
    out[name] = stdout.split("\f").filter((p) => p.trim() !== "");
  }
  return out;
}

interface WordBox {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** Every word on the pages with its box in points (pdftotext -bbox). */
async function wordBoxes(pdf: string): Promise<WordBox[]> {
  const { stdout } = await run("pdftotext", ["-bbox", pdf, "-"], { maxBuffer: 16 * 1024 * 1024 });
  const out: WordBox[] = [];
  let page = 0;
  for (const line of stdout.split("\n")) {
    if (line.includes("<page ")) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, text: m[4], xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]) });
  }
  return out;
}

/** A page's lines of text, without the page number. */
function bodyLines(page: string): string[] {
  return page
    .split("\n")
    .map((l) => l.replace(/\s/g, ""))
    .filter((l) => l !== "" && !/^—\d+—$/.test(l));
}

/** Where printPages put the last batch. */
let lastDir = "";

const rendered = hasSoffice() ? describe : describe.skip;

rendered("the last page", () => {
  // Paragraph lengths whose last line is the 22nd of page 1: without the rule the closing would start page 2 alone.
  // (Each case starts with a paragraph LibreOffice can leave behind: it honours keep-with-next by moving
  // the whole paragraph before the closing, where Word moves its last two lines; a paragraph that fills
  // page 1 by itself cannot move, and LibreOffice then gives up the keep. Word does not.)
  const fills: number[][] = [
    [LINE - 2 + 9 * LINE, LINE - 2 + 11 * LINE], // 10 + 12 lines
    [LINE - 2 + 4 * LINE, LINE - 2 + 15 * LINE + 20], // 5 + 17 lines
    [LINE - 2 + 15 * LINE, LINE - 2 + 20, LINE - 2 + 2 * LINE + 11], // 16 + 2 + 4 lines
    [LINE - 2 + 19 * LINE, 30], // 20 + 2 lines: the paragraph before the closing is only two lines
  ];
  let pages: Record<string, string[]>;
  const boxes: Record<string, WordBox[]> = {};

  beforeAll(async () => {
    const files: Record<string, Uint8Array> = {};
    for (const [i, lengths] of fills.entries()) {
      const bytes = await renderDocx(documentWith(lengths), fixtureLink());
      files[`keep-${i}`] = bytes;
      files[`bare-${i}`] = withoutKeeps(bytes);
    }
    const signed = documentWith(fills[0], [
      { kind: "paragraph", runs: [{ kind: "text", text: "市公共资源交易中心党组书记" }], indent: false, align: "right" },
      { kind: "paragraph", runs: [{ kind: "text", text: "2023年1月9日" }], indent: false, align: "right" },
    ]);
    files.signed = await renderDocx(signed, fixtureLink());
    // The real path: the sample workbook through the default template, 落款 and 落款日期 set as a clerk types them.
    const sample = resolve(__dirname, "../../examples/sample-ledgers.xlsx");
    const result = runEngine(readXlsx(new Uint8Array(readFileSync(sample)), { name: "sample-ledgers.xlsx" }), {
      overrides: { signature: "市公共资源交易中心党组书记", signatureDate: "2023-01-10" },
      generatedAt: "2023-01-10T09:00:00.000Z",
    });
    files.sample = await renderDocx(result.report, result.link);
    pages = await printPages(files);
    boxes.signed = await wordBoxes(join(lastDir, "signed.pdf"));
  }, 300000);

  it.each(fills.map((f, i) => [i, f.join(" + ")]))(
    "case %i (%s characters): without the rule the closing would fall alone on page 2",
    (i) => {
      const last = bodyLines(pages[`bare-${i}`].at(-1)!);
      expect(pages[`bare-${i}`]).toHaveLength(2);
      expect(last).toEqual([CLOSING]);
    },
  );

  it.each(fills.map((f, i) => [i, f.join(" + ")]))("case %i (%s characters): the closing keeps lines of the paragraph before it", (i) => {
    const last = bodyLines(pages[`keep-${i}`].at(-1)!);
    expect(last.at(-1)).toBe(CLOSING);
    expect(last.length).toBeGreaterThanOrEqual(3); // at least two lines of the paragraph before, as widow control asks
  });

  it("puts the 落款 and its date after the closing on the same page, the date last", () => {
    const last = bodyLines(pages.signed.at(-1)!);
    expect(last.slice(-3)).toEqual([CLOSING, "市公共资源交易中心党组书记", "2023年1月9日"]);
    expect(last.length).toBeGreaterThanOrEqual(5);
  });

  it("ends the sample report, through the default template, with the closing, the signature and 2023年1月10日 on one page", () => {
    const last = bodyLines(pages.sample.at(-1)!);
    expect(last.slice(-3)).toEqual([CLOSING, "市公共资源交易中心党组书记", "2023年1月10日"]);
    expect(last.length).toBeGreaterThanOrEqual(5);
  });

  it("prints the date four characters in from the right edge and the signature centred over it", () => {
    const lineOf = (test: (w: string) => boolean) => {
      const words = boxes.signed.filter((b) => b.page === boxes.signed.at(-1)!.page);
      const y = words.find((b) => test(b.text))!.yMin;
      const line = words.filter((b) => Math.abs(b.yMin - y) < 2);
      return { left: Math.min(...line.map((b) => b.xMin)), right: Math.max(...line.map((b) => b.xMax)) };
    };
    const signature = lineOf((w) => w.includes("党组书记"));
    const date = lineOf((w) => w === "2023");
    const textRight = 595.3 - 1474 / 20; // A4 less the 26 mm right margin, in points
    expect(textRight - date.right).toBeCloseTo(4 * 15.75, -1); // within 5 pt of four characters
    expect(Math.abs((signature.left + signature.right) / 2 - (date.left + date.right) / 2)).toBeLessThan(8);
  });
});

describe("the 落款 layout (GB/T 9704 §7.3.5.1)", () => {
  async function endingXml(ending: Block[]): Promise<string[]> {
    const bytes = await renderDocx(documentWith([100], ending), fixtureLink());
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
    return [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p .*?<\/w:p>/gs)].map((m) => m[0]);
  }
  const right = (p: string) => Number(/<w:ind [^>]*w:right="(\d+)"/.exec(p)?.[1] ?? "NaN");
  const line = (text: string): Block => ({ kind: "paragraph", runs: [{ kind: "text", text }], indent: false, align: "right" });

  it("sets the date four characters in from the right and centres the signature over it", async () => {
    const [, closing, signature, date] = await endingXml([line("市公共资源交易中心党组书记"), line("2023年1月9日")]);
    expect(closing).toContain(CLOSING);
    expect(closing).toContain("<w:keepNext/>");
    expect(signature).toContain("<w:keepNext/>");
    expect(signature).toMatch(/<w:spacing w:before="579"\/>/);
    // Four characters of 315 twips (16 pt less the −0.25 pt spacing).
    expect(right(date)).toBe(4 * 315);
    // The signature sits further in than the date by half the difference of their widths.
    expect(right(signature)).toBeLessThan(right(date));
  });

  it("moves a signature too long to centre over the date flush right, the date centred under it", async () => {
    const long = "某市公共资源交易中心党组书记、主任兼市政务服务局副局长";
    const [, , signature, date] = await endingXml([line(long), line("2023年1月9日")]);
    expect(right(signature)).toBe(0);
    expect(right(date)).toBeGreaterThan(4 * 315);
  });

  it("keeps the paragraph before the closing with it", async () => {
    const [before] = await endingXml([]);
    expect(before).toContain("<w:keepNext/>");
    expect(before).toContain("<w:widowControl/>");
  });
});
