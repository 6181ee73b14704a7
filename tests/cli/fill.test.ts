// `ledger-report fill`: the clerk's own document, filled from the ledgers; the same exit codes as
// every command; a template stored in the workbook used by its name.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { cli } from "../helpers/cli";
import { locateControls } from "../../src/adapters/docx/patch";
import { templatesToRows, TEMPLATE_SHEET } from "../../src/core/fill/stored";
import { wordMadePackage } from "../adapters/docx/word-made";

const sample = resolve(__dirname, "../../examples/sample-ledgers.xlsx");

const dir = mkdtempSync(join(tmpdir(), "lr-fill-"));
const template = join(dir, "工作总结.docx");
writeFileSync(template, wordMadePackage());

describe("ledger-report fill", () => {
  it("fills every known placeholder with a linked control and exits 1 for the unknown one it left, naming it", async () => {
    const out = join(dir, "filled.docx");
    const r = await cli("fill", sample, template, "-o", out);
    expect(r.code).toBe(1);
    expect(r.out).toContain("{{不存在的指标}}");
    expect(r.out).toContain("第 2 段");
    const xml = strFromU8(unzipSync(readFileSync(out))["word/document.xml"]);
    expect(locateControls(xml).map((c) => c.id)).toEqual(["setting.year", "setting.org_name", "eg.count", "eg.count"]);
  });

  it("says which placed figures count records before this period (截至期末), so a sentence about this year can be checked", async () => {
    const r = await cli("fill", sample, template, "-o", join(dir, "filled-note.docx"));
    expect(r.out).toMatch(/注意：电子保函笔数（截至期末） 含本期以前的记录/);
    const en = await cli("fill", sample, template, "-o", join(dir, "filled-note-en.docx"), "--lang", "en");
    expect(en.out).toContain("Note: 电子保函笔数 (截至期末) also count records before this period");
  });

  it("answers in JSON with every placeholder, where it stands and whether it was converted", async () => {
    const out = join(dir, "filled-json.docx");
    const r = await cli("fill", sample, template, "-o", out, "--json");
    const body = JSON.parse(r.out);
    expect(body.version).toBe(1);
    expect(body.placeholders).toContainEqual({
      text: "{{不存在的指标}}",
      part: "word/document.xml",
      paragraph: 2,
      id: null,
      converted: false,
    });
    expect(body.placeholders).toContainEqual({
      text: "{{年度}}",
      part: "word/footer1.xml",
      paragraph: 1,
      id: "setting.year",
      converted: true,
    });
    expect(body.mustLook.map((m: { code: string }) => m.code)).toContain("placeholders.left");
  });

  it("refuses an existing output, the template itself, and a template that is no .docx, writing nothing (exit 2)", async () => {
    const existing = join(dir, "exists.docx");
    writeFileSync(existing, "x");
    expect((await cli("fill", sample, template, "-o", existing)).code).toBe(2);
    expect(readFileSync(existing, "utf8")).toBe("x");
    expect((await cli("fill", sample, template, "-o", template)).code).toBe(2);
    const notDocx = join(dir, "笔记.docx");
    writeFileSync(notDocx, "plain text");
    const r = await cli("fill", sample, notDocx, "-o", join(dir, "never.docx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("不是 Word 文档");
    expect(existsSync(join(dir, "never.docx"))).toBe(false);
  });

  it("uses a template stored in the workbook by its name, and lists the stored ones when the name is wrong", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const sheet = wb.addWorksheet(TEMPLATE_SHEET, { state: "hidden" });
    sheet.addRows(templatesToRows([{ name: "工作总结", fileName: "工作总结.docx", savedAt: "2023-01-05", bytes: wordMadePackage() }]));
    const withTemplate = join(dir, "带模板的台账.xlsx");
    await wb.xlsx.writeFile(withTemplate);

    const out = join(dir, "by-name.docx");
    const r = await cli("fill", withTemplate, "工作总结", "-o", out);
    expect(r.code).toBe(1);
    const xml = strFromU8(unzipSync(readFileSync(out))["word/footer1.xml"]);
    expect(locateControls(xml).map((c) => c.id)).toEqual(["setting.year"]);

    const wrong = await cli("fill", withTemplate, "年终总结", "-o", join(dir, "never2.docx"));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("工作总结");
  });

  it("shows its usage under --help and in the main help", async () => {
    const help = await cli("fill", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("{{电子保函笔数}}");
    expect((await cli("--help")).out).toContain("ledger-report fill");
  });
});

describe("ledger-report fill with a figure the ledgers cannot give yet", () => {
  it("does not call a ［待补］ placeholder a number: the summary counts the ones showing ［待补］", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    // The manual figure 学习强国全市排名 with its 手工值 cleared: nothing supports it, so it shows its yellow ［待补］.
    const definitions = wb.getWorksheet("指标定义")!;
    definitions.eachRow((row) => {
      if (row.getCell(1).value === "xxqg.rank") row.getCell(8).value = null;
    });
    const workbook = join(dir, "待补.xlsx");
    await wb.xlsx.writeFile(workbook);
    const template = join(dir, "待补模板.docx");
    writeFileSync(
      template,
      wordMadePackage(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
          `<w:p><w:r><w:t>全市排名前{{xxqg.rank}}名，保函{{eg.count}}笔。</w:t></w:r></w:p></w:body></w:document>`,
      ),
    );
    const r = await cli("fill", workbook, template, "-o", join(dir, "待补.docx"));
    expect(r.out).not.toContain("均为可刷新的数字");
    expect(r.out).toContain("其中 1 个显示［待补］");
  });
});
