// `--lang en` is English text with English punctuation: no full-width quote, bracket, colon or comma
// beside English words or numbers (`kept your text“十一”（ledgers say 12）` was printed). Every
// command is run on the sample and on a clerk's workbook built to raise most messages (a renamed
// header, a refused 手工值, a column no sheet has, split department sheets, a blank 部门, a year with
// no record, a figure typed over in the report), and every English line it prints is scanned.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";
import { editControl, SAMPLE, unzipText, withDocumentXml } from "../adapters/docx/refresh/clerk";
import { readLinkedDocx } from "../../src/adapters/docx/patch";

const dir = mkdtempSync(join(tmpdir(), "lr-english-"));
const FULL_WIDTH = "，。：；（）“”‘’！？、【】《》";
/** A full-width mark with an English letter or digit beside it (a space between allowed). */
const MIXED = new RegExp(`[${FULL_WIDTH}] ?[A-Za-z0-9]|[A-Za-z0-9] ?[${FULL_WIDTH}]`);

/** The lines of English output that mix in full-width punctuation; the workbook's own names (data) are taken out first. */
function mixedLines(text: string, sheetNames: string[]): string[] {
  const names = [...sheetNames].sort((a, b) => b.length - a.length);
  return text
    .split("\n")
    .map((line) => names.reduce((l, n) => l.split(n).join("<sheet>"), line))
    .filter((line) => MIXED.test(line));
}

/** Every messageEn / reasonEn string in a JSON answer. */
function englishIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(englishIn);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) =>
    (key === "messageEn" || key === "reasonEn") && typeof v === "string" ? [v] : englishIn(v),
  );
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((s) => s.name);
}

/** A clerk's workbook: `init`, then records in split department sheets and 指标定义 rows a clerk wrote. */
async function clerkWorkbook(): Promise<string> {
  const file = join(dir, "经办人.xlsx");
  expect((await cli("init", file)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const defs = wb.getWorksheet("指标定义")!;
  for (const t of Object.keys((defs as unknown as { tables: Record<string, unknown> }).tables ?? {})) defs.removeTable(t);
  let last = 1;
  defs.eachRow((row, r) => {
    const id = String(row.getCell(1).value ?? "");
    if (id) last = r;
    if (id === "goals.count") row.getCell(8).value = "7条";
    if (id === "xxqg.threshold") row.getCell(8).value = 40;
  });
  [
    ["c.nocol", "无此列", "电子保函", "计数", "经办银行=工商银行", "截至期末", "整数", ""],
    ["c.dept", "一科笔数", "电子保函", "计数", "部门=交易一科", "截至期末", "整数", ""],
    ["c.bydept", "保证金按科室", "电子保函", "分组求和:保证金金额:部门", "", "截至期末", "万元", ""],
  ].forEach((values, k) => (defs.getRow(last + 1 + k).values = values));
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const study = wb.getWorksheet("学习记录")!;
  study.getRow(1).getCell(2).value = "学习方式";
  study.getRow(2).values = [day("2022-03-01"), "专题学习", "学习二十大精神", "党支部", 20, "交易一科"];
  study.getRow(3).values = [day("2022-11-20"), "专题研讨", "作风建设", "党支部", 18, null];
  const eg = wb.getWorksheet("电子保函")!;
  const header = eg.getRow(1).values as ExcelJS.CellValue[];
  for (const dept of ["交易一科", "交易二科"]) {
    const sheet = wb.addWorksheet(`电子保函-${dept}`);
    sheet.addRow(header.slice(1, -1));
    sheet.addRow(["BH-" + dept, day("2022-05-01"), "甲公司", "91510100MA6123456X", "项目A", 100000, "中国银行", "有效"]);
  }
  wb.removeWorksheet(eg.id);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The report generated from the workbook, with 专题研讨次数 typed over as 十一 and 电子保函笔数 as 999. */
async function editedReport(workbook: string, name: string): Promise<string> {
  const report = join(dir, `${name}.docx`);
  await cli("generate", workbook, "--year", "2022", "-o", report, "--force");
  if (!existsSync(report)) throw new Error(`no report from ${workbook}`);
  const bytes = new Uint8Array(readFileSync(report));
  const texts = new Map(readLinkedDocx(bytes).controls.map((c) => [c.id, c.text]));
  let xml = unzipText(bytes).text("word/document.xml");
  for (const [id, typed] of [
    ["study.seminar.count", "十一"],
    ["eg.count", "999"],
  ]) {
    const was = texts.get(id);
    if (was === undefined || was === typed) continue;
    xml = editControl(xml, id, (sdt) => sdt.replace(`>${was}</w:t>`, `>${typed}</w:t>`));
  }
  writeFileSync(report, withDocumentXml(bytes, xml));
  return report;
}

describe("--lang en", () => {
  const cases: [string, () => Promise<string>][] = [
    ["the sample", async () => SAMPLE],
    ["a clerk's workbook", clerkWorkbook],
  ];
  for (const [label, make] of cases) {
    it(`prints English punctuation in every English line for ${label}: check, figures, generate (with a scope, another year), refresh of an edited report`, async () => {
      const file = await make();
      // Sheet and figure names are the clerk's data, quoted as typed (减少企业资金占用（亿元）).
      const figureNames = (JSON.parse((await cli("figures", file, "--json")).out) as { figures: { name: string }[] }).figures.map(
        (f) => f.name,
      );
      const names = [...(await sheetNames(file)), ...figureNames];
      const report = await editedReport(file, label === "the sample" ? "sample" : "clerk");
      const runs: string[][] = [
        ["check", file],
        ["check", file, "--verbose"],
        ["figures", file],
        ["generate", file, "-o", join(dir, "g.docx"), "--force"],
        ["generate", file, "--scope", "交易一科", "-o", join(dir, "g1.docx"), "--force"],
        ["generate", file, "--year", "2023", "-o", join(dir, "g23.docx"), "--force"],
        ["refresh", file, report, "-o", join(dir, "r.docx"), "--force"],
        ["refresh", file, report, "-o", join(dir, "r.docx"), "--force", "--verbose"],
        ["refresh", file, report, "--year", "2023", "-o", join(dir, "r23.docx"), "--force"],
      ];
      const found: string[] = [];
      let seen = 0;
      for (const argv of runs) {
        const r = await cli(...argv, "--lang", "en");
        seen += r.out.length + r.err.length;
        for (const line of mixedLines(r.out + r.err, names)) found.push(`${argv[0]}: ${line.trim()}`);
        // --json carries messageEn for the pane and scripts: the same rule.
        const json = await cli(...argv, "--json");
        for (const line of mixedLines(englishIn(JSON.parse(json.out)).join("\n"), names)) found.push(`${argv[0]} --json: ${line}`);
      }
      expect(seen).toBeGreaterThan(1000);
      expect([...new Set(found)]).toEqual([]);
    }, 180000);
  }
});
