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

/** The sample with one 参加人数 typed as words (`约30`): an error that leaves its whole row out. */
async function sampleWithWordyAttendance(): Promise<{ file: string; cell: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(sample) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("2022年学习记录台账")!;
  let column = 0;
  sheet.getRow(4).eachCell((cell, c) => {
    if (cell.value === "参加人数") column = c;
  });
  if (!column) throw new Error("the sample's study header has no 参加人数 cell in row 4");
  const cell = sheet.getRow(5).getCell(column);
  cell.value = "约30";
  const file = join(dir, "参加人数写成文字.xlsx");
  writeFileSync(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return { file, cell: `'2022年学习记录台账'!${cell.address}` };
}

withSample("figures that may be short by a row left out for an error, on the command line", () => {
  it("figures --json marks each figure of that ledger with the row count and the cell, and the listing says so once per ledger", async () => {
    const { file, cell } = await sampleWithWordyAttendance();
    const json = await cli(["figures", file, "--json"]);
    expect(json.code).toBe(1);
    type Listed = { id: string; ledger: string | null; rowsLeftOut: { count: number; cells: string[] } | null };
    const figures = JSON.parse(json.out).figures as Listed[];
    // The sample keeps a few bad study rows of its own: this one more is counted and named with them.
    const sampleFigures = JSON.parse((await cli(["figures", sample, "--json"])).out).figures as Listed[];
    const before = sampleFigures.find((x) => x.id === "study.topic.count")!;
    const study = figures.filter((x) => x.ledger === "学习记录");
    expect(study.length).toBeGreaterThan(1);
    for (const f of study) {
      expect([f.id, f.rowsLeftOut?.count]).toEqual([f.id, (before.rowsLeftOut?.count ?? 0) + 1]);
      expect(f.rowsLeftOut?.cells).toContain(cell);
    }
    // A ledger with every row counted stays unmarked.
    const whole = sampleFigures.filter((x) => x.ledger && x.ledger !== "学习记录" && x.rowsLeftOut === null).map((x) => x.id);
    expect(whole.length).toBeGreaterThan(0);
    expect(figures.filter((x) => whole.includes(x.id)).map((x) => x.rowsLeftOut)).toEqual(whole.map(() => null));
    const text = await cli(["figures", file]);
    expect(text.out).toMatch(
      new RegExp(
        `“学习记录”有 ${study[0].rowsLeftOut!.count} 行未计入任何指标（[^）]*${cell.replace(/[.*+?^${}()|[\]\\']/g, "\\$&")}`,
      ),
    );
    expect(text.out).toContain(`以上该台账的 ${study.length} 个指标可能偏少`);
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
