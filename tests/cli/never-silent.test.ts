// The command line never prints a number the ledgers do not support: an unresolved figure is a
// placeholder and exit 1, a scope no ledger has is exit 2 with nothing written, and a new workbook
// holds no answers for `check` to take as given.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../helpers/cli";
import { readLinkedDocx } from "../../src/adapters/docx/patch";
import { unzipSync, strFromU8 } from "fflate";

const root = resolve(__dirname, "../..");
const sample = join(root, "examples/sample-ledgers.xlsx");
const withSample = existsSync(sample) ? describe : describe.skip;
const dir = mkdtempSync(join(tmpdir(), "lr-never-silent-"));

const cli = runCli;

/** The sample with one header cell renamed, as a clerk might: 形式 → 学习方式. */
async function sampleWithRenamedForm(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(sample) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("2022年学习记录台账")!;
  const header = sheet.getRow(4);
  let renamed = false;
  header.eachCell((cell) => {
    if (cell.value === "形式") {
      cell.value = "学习方式";
      renamed = true;
    }
  });
  if (!renamed) throw new Error("the sample's study header has no 形式 cell in row 4");
  const file = join(dir, "改了表头.xlsx");
  writeFileSync(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

const STUDY = ["study.topic.count", "study.seminar.count", "study.youth_online.count", "study.lecture.count"];

/** The sample with one 参加人数 typed as words (`约30`) in `row`: an error that leaves its whole row out. */
async function sampleWithWordyAttendance(row: number): Promise<{ file: string; cell: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(sample) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("2022年学习记录台账")!;
  let column = 0;
  sheet.getRow(4).eachCell((cell, c) => {
    if (cell.value === "参加人数") column = c;
  });
  if (!column) throw new Error("the sample's study header has no 参加人数 cell in row 4");
  const cell = sheet.getRow(row).getCell(column);
  cell.value = "约30";
  const file = join(dir, `参加人数写成文字-${row}.xlsx`);
  writeFileSync(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return { file, cell: `'2022年学习记录台账'!${cell.address}` };
}

withSample("figures that may be short by a row left out for an error, on the command line", () => {
  // Row 5 is a 专题学习 of 2021, row 10 a 专题研讨 of 2022: the 2022 figures the first could not have
  // counted in, the second only the 专题研讨 one.
  it.each([5, 10])(
    "figures --json marks each figure the row would have counted in (row %i), with the row count and the cell",
    async (row) => {
      const { file, cell } = await sampleWithWordyAttendance(row);
      const json = await cli(["figures", file, "--json"]);
      expect(json.code).toBe(1);
      type Listed = { id: string; value: number | null; ledger: string | null; rowsLeftOut: { count: number; cells: string[] } | null };
      const figures = JSON.parse(json.out).figures as Listed[];
      // The sample keeps a few bad study rows of its own, and counts this row: a figure it counted in
      // is one short now, and says so with this one more row and its cell; every other is as it was.
      const sampleFigures = JSON.parse((await cli(["figures", sample, "--json"])).out).figures as Listed[];
      const study = figures.filter((x) => x.ledger === "学习记录");
      const counted = study.filter((f) => sampleFigures.find((x) => x.id === f.id)!.value !== f.value);
      expect(counted.map((f) => f.id)).toEqual(row === 5 ? [] : ["study.seminar.count"]);
      for (const f of study) {
        const before = sampleFigures.find((x) => x.id === f.id)!;
        const short = counted.includes(f);
        expect([f.id, f.rowsLeftOut?.count ?? 0]).toEqual([f.id, (before.rowsLeftOut?.count ?? 0) + (short ? 1 : 0)]);
        expect([f.id, f.rowsLeftOut?.cells.includes(cell) ?? false]).toEqual([f.id, short]);
      }
      // A ledger with every row counted stays unmarked.
      const whole = sampleFigures.filter((x) => x.ledger && x.ledger !== "学习记录" && x.rowsLeftOut === null).map((x) => x.id);
      expect(whole.length).toBeGreaterThan(0);
      expect(figures.filter((x) => whole.includes(x.id)).map((x) => x.rowsLeftOut)).toEqual(whole.map(() => null));
      if (row === 5) return;
      // The listing names the figures the row could belong in, with its cell.
      const text = await cli(["figures", file]);
      const line = text.out.split("\n").find((l) => l.includes(cell))!;
      expect(line).toMatch(/^“学习记录”有 \d+ 行未计入任何指标（/);
      expect(line).toContain("可能应计入“专题研讨次数”，");
      expect(line).not.toContain("专题学习党的二十大精神次数");
      const en = await cli(["figures", file, "--lang", "en"]);
      expect(en.out.split("\n").find((l) => l.includes(cell))).toContain('could belong in "专题研讨次数", which may be short');
    },
  );
});

withSample("generate and fill name the figures they placed that may be short", () => {
  const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

  it("generate names each by the rows it could have counted, with their cells, and exits 1 as rows were not read", async () => {
    const { file, cell } = await sampleWithWordyAttendance(10);
    const r = await cli(["generate", file, "-o", join(dir, "可能偏少.docx")]);
    expect(r.code).toBe(1);
    const study = r.out.split("\n").filter((l) => l.startsWith("“学习记录”"));
    expect(study.find((l) => l.includes(cell))).toContain("可能应计入“专题研讨次数”，");
    expect(study.join("\n")).not.toContain("青年线上学习研讨次数");
    // G1660's guarantee (a negative amount) is of 2022; A1872, typed below the 制表人 line, of 2023: no 2022 figure's.
    expect(r.out).toMatch(/“电子保函”有 1 行未计入任何指标（'电子保函-交易一科'!G1660：.*“电子保函笔数”/);
    expect(r.out).not.toContain("A1872");
    expect(r.err).toContain("以上各行看起来是记录，但没有计入任何指标");
    const json = JSON.parse((await cli(["generate", file, "-o", join(dir, "可能偏少-json.docx"), "--json"])).out);
    expect(json.mustLook.map((l: { code: string }) => l.code)).toContain("ledgers.rows_not_read");
  });

  it("fill names only the figures the document holds", async () => {
    const { file, cell } = await sampleWithWordyAttendance(10);
    const template = join(dir, "两项.docx");
    const { wordMadePackage } = await import("../adapters/docx/word-made");
    const body = paragraph("专题研讨{{study.seminar.count}}次，捐赠{{donations.count}}次。");
    writeFileSync(
      template,
      wordMadePackage(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}</w:body></w:document>`),
    );
    const r = await cli(["fill", file, template, "-o", join(dir, "两项-2022.docx")]);
    expect(r.code).toBe(1);
    const lines = r.out.split("\n").filter((l) => l.includes("行未计入任何指标"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(cell);
    expect(lines[0]).toContain("可能应计入“专题研讨次数”，");
    const json = JSON.parse((await cli(["fill", file, template, "-o", join(dir, "两项-json.docx"), "--json"])).out);
    const seminar = json.figures.find((f: { id: string }) => f.id === "study.seminar.count");
    expect(seminar.rowsLeftOut.cells).toContain(cell);
    expect(json.figures.find((f: { id: string }) => f.id === "donations.count").rowsLeftOut).toBeNull();
  });
});

withSample("figures the ledgers cannot support, on the command line", () => {
  let renamed: string;
  beforeAll(async () => {
    renamed = await sampleWithRenamedForm();
  });

  it("figures --json gives value null and the reason for each, never 0, and exits 1", async () => {
    const r = await cli(["figures", renamed, "--json"]);
    expect(r.code).toBe(1);
    const figures = JSON.parse(r.out).figures as { id: string; value: number | null; text: string; unresolved: unknown }[];
    for (const id of STUDY) {
      const f = figures.find((x) => x.id === id)!;
      expect(f.value).toBeNull();
      expect(f.text).toMatch(/^［待补：.+］$/);
      expect(f.unresolved).toMatchObject({ code: "column_missing", reason: expect.stringContaining("形式"), cell: expect.any(String) });
    }
    // The figures the rename does not touch are still numbers.
    expect(figures.find((x) => x.id === "eg.count")!.value).toEqual(expect.any(Number));
  });

  it("generate writes the placeholder, highlighted, inside the figure's control, says which figures, and exits 1", async () => {
    const out = join(dir, "报告.docx");
    const r = await cli(["generate", renamed, "-o", out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("专题学习党的二十大精神次数");
    expect(r.err).toContain("待补");
    const docx = readLinkedDocx(new Uint8Array(readFileSync(out)));
    const topic = docx.controls.find((c) => c.id === "study.topic.count")!;
    expect(topic.text).toBe("［待补：专题学习党的二十大精神次数］");
    expect(topic.runProperties).toContain('<w:highlight w:val="yellow"/>');
    expect(docx.record.figures.find((f) => f.id === "study.topic.count")).toMatchObject({ value: null });
    // A computed figure is not highlighted.
    expect(docx.controls.find((c) => c.id === "eg.count")!.runProperties).not.toContain("w:highlight");
    expect(strFromU8(unzipSync(new Uint8Array(readFileSync(out)))["word/document.xml"])).not.toMatch(
      /二十大精神<\/w:t>[\s\S]{0,400}>0<\/w:t>/,
    );
  });

  it("generate with a blank 联合发文单位 writes its highlighted ［待补］ in the sentence, names it as a reason to look, and refresh after filling it in writes the name", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(sample) as unknown as ArrayBuffer);
    const settings = workbook.getWorksheet("报告设置")!;
    let row = 0;
    settings.eachRow((r, n) => {
      if (r.getCell(1).value === "联合发文单位") row = n;
    });
    settings.getRow(row).getCell(2).value = null;
    const blank = join(dir, "联合发文单位为空.xlsx");
    writeFileSync(blank, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));

    const out = join(dir, "联合发文单位为空.docx");
    const r = await cli(["generate", blank, "-o", out, "--json"]);
    const look = JSON.parse(r.out).mustLook as { code: string; count: number }[];
    expect(look).toContainEqual(expect.objectContaining({ code: "settings.blank_shown", count: 1 }));
    const docx = readLinkedDocx(new Uint8Array(readFileSync(out)));
    const issuer = docx.controls.find((c) => c.id === "setting.joint_issuer")!;
    expect(issuer.text).toBe("［待补：联合发文单位］");
    expect(issuer.runProperties).toContain('<w:highlight w:val="yellow"/>');

    settings.getRow(row).getCell(2).value = "市住房和城乡建设局";
    const filled = join(dir, "联合发文单位已填.xlsx");
    writeFileSync(filled, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const refreshed = join(dir, "联合发文单位已填.docx");
    const again = await cli(["refresh", filled, out, "-o", refreshed, "--json"]);
    expect((JSON.parse(again.out).mustLook as { code: string }[]).map((l) => l.code)).not.toContain("settings.blank_shown");
    const now = readLinkedDocx(new Uint8Array(readFileSync(refreshed)));
    expect(now.controls.find((c) => c.id === "setting.joint_issuer")!.text).toBe("市住房和城乡建设局");
  });

  it("--scope naming no department exits 2, lists the departments found and writes nothing", async () => {
    const out = join(dir, "范围.docx");
    const r = await cli(["generate", sample, "-o", out, "--scope", "交易三科"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("交易三科");
    expect(r.err).toContain("交易一科");
    expect(r.err).toContain("交易二科");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    const figures = await cli(["figures", sample, "--scope", "交易三科", "--json"]);
    expect(figures.code).toBe(2);
    // --json answers in JSON, errors too (one error object, no figures).
    expect(JSON.parse(figures.out)).toMatchObject({ version: 1, error: { code: "usage.scope_unknown" } });
  });

  it("--scope of a real department leaves the figures of ledgers without 部门 unresolved, not 0", async () => {
    const r = await cli(["figures", sample, "--scope", "交易一科", "--json"]);
    expect(r.code).toBe(1);
    const figures = JSON.parse(r.out).figures as {
      id: string;
      ledger: string | null;
      value: number | null;
      unresolved: { code: string } | null;
    }[];
    // The sample's 学习记录 sheet has no 部门 column and no department in its name.
    for (const id of STUDY)
      expect(figures.find((f) => f.id === id)).toMatchObject({ value: null, unresolved: { code: "scope_no_department" } });
    // Its other ledgers say their departments (a 部门 column or the sheet name): counted.
    for (const f of figures.filter((x) => x.ledger !== null && x.ledger !== "学习记录"))
      expect([f.id, typeof f.value]).toEqual([f.id, "number"]);
  });
});

describe("a new workbook from init", () => {
  it("in December names this year, in February last year, with its whole-year period", async () => {
    const december = join(dir, "十二月.xlsx");
    expect((await cli(["init", december], new Date(2026, 11, 6))).code).toBe(0);
    const february = join(dir, "二月.xlsx");
    expect((await cli(["init", february], new Date(2027, 1, 10))).code).toBe(0);
    for (const file of [december, february]) {
      const r = await cli(["figures", file, "--json"]);
      expect(JSON.parse(r.out).period).toEqual({ start: "2026-01-01", end: "2026-12-31" });
    }
  });

  it("holds no names and no hand values, and check warns at each blank cell a figure or the report needs", async () => {
    const file = join(dir, "新台账.xlsx");
    expect((await cli(["init", file], new Date(2026, 11, 6))).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const settings = workbook.getWorksheet("报告设置")!;
    const values = new Map<string, unknown>();
    settings.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value ?? ""));
    expect(values.get("年度")).toBe("2026");
    for (const item of ["单位名称", "单位简称", "述职人", "联合发文单位", "平台名称", "城市"]) expect(values.get(item) ?? "").toBe("");
    expect(String(values.get("工作簿ID"))).toMatch(/^[0-9a-f-]{36}$/);
    const definitions = workbook.getWorksheet("指标定义")!;
    const manual: unknown[] = [];
    definitions.eachRow((row, n) => n > 1 && manual.push(row.getCell(8).value ?? ""));
    expect(manual.every((v) => v === "" || v === null)).toBe(true);

    const check = await cli(["check", file, "--json"]);
    expect(check.code).toBe(1);
    const issues = JSON.parse(check.out).issues as { severity: string; code: string; cell: string | null }[];
    const blankSettings = issues.filter((i) => i.code === "settings.blank").map((i) => [i.severity, i.cell]);
    expect(blankSettings).toEqual(["B5", "B6", "B7", "B8", "B9", "B10"].map((c) => ["warning", `报告设置!${c}`]));
    const blankManual = issues.filter((i) => i.code === "figure.manual_blank").map((i) => [i.severity, i.cell]);
    expect(blankManual).toEqual(["H2", "H7", "H8"].map((c) => ["warning", `指标定义!${c}`]));
  });
});
