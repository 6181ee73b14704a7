// A 0 a clerk may sign only after seeing it: a year the ledgers have no record in, rows a scope
// leaves out for a blank 部门. Both are written (the report is usable) and exit 1 with the reason;
// a figure the report does not show never decides generate's exit code.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";
import { answerSettings } from "../helpers/answered-settings";

const dir = mkdtempSync(join(tmpdir(), "lr-zeros-to-see-"));

/**
 * A workbook from `init` with its 手工值 and 报告设置 answers filled and a few 2022 records, one of them
 * with 部门 blank when asked. The ledgers left without records (共建单位, 活动记录, 人员, 队伍) have their
 * figures' 0 signed with 允许为零, so only what each test builds is left to see.
 */
async function workbook(name: string, opts: { blankDepartment?: boolean; extraDefinition?: (string | number)[] } = {}): Promise<string> {
  const file = join(dir, name);
  expect((await cli("init", file)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const defs = wb.getWorksheet("指标定义")!;
  const manual: Record<string, number> = { "goals.count": 20, "xxqg.threshold": 40, "xxqg.rank": 10 };
  const unfilled = ["共建单位", "活动记录", "人员", "队伍"];
  defs.eachRow((row) => {
    const id = String(row.getCell(1).value ?? "");
    if (id in manual) row.getCell(8).value = manual[id];
    if (unfilled.includes(String(row.getCell(3).value ?? ""))) {
      const conditions = String(row.getCell(5).value ?? "");
      row.getCell(5).value = conditions ? `${conditions}; 允许为零` : "允许为零";
    }
  });
  if (opts.extraDefinition) {
    // Right under the last definition, in a sheet without the formatted table (whose range would end above it).
    for (const t of Object.keys((defs as unknown as { tables: Record<string, unknown> }).tables ?? {})) defs.removeTable(t);
    let last = 1;
    defs.eachRow((row, r) => (last = row.getCell(1).value ? r : last));
    defs.getRow(last + 1).values = opts.extraDefinition;
  }
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const study = wb.getWorksheet("学习记录")!;
  [
    [day("2022-03-01"), "专题学习", "学习二十大精神", "党支部", 20, "交易一科"],
    // An organiser holding 青年, so the default 组织~青年 matches a record (a text none holds is unresolved).
    [day("2022-11-20"), "专题研讨", "作风建设", "青年理论学习小组", 18, opts.blankDepartment ? null : "交易一科"],
  ].forEach((values, k) => (study.getRow(2 + k).values = values));
  const eg = wb.getWorksheet("电子保函")!;
  eg.getRow(2).values = ["BH-1", day("2022-05-01"), "甲公司", "", "项目A", 100000, "中国银行", "有效", "交易一科"];
  await wb.xlsx.writeFile(file);
  await answerSettings(file);
  return file;
}

type Look = { code: string; message: string; messageEn: string };

describe("a year the ledgers have no record in", () => {
  let file: string;
  beforeAll(async () => {
    file = await workbook("台账.xlsx");
  }, 60000);

  it("generate for the ledgers' own year is clean: exit 0", async () => {
    expect((await cli("generate", file, "--year", "2022", "-o", join(dir, "2022.docx"))).code).toBe(0);
  });

  it("generate --year 2023 writes the report with its 0s, says which ledgers have no record in 2023, and exits 1", async () => {
    const r = await cli("generate", file, "--year", "2023", "-o", join(dir, "2023.docx"), "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { output: string; mustLook: Look[]; figures: { id: string; value: number | null }[] };
    expect(json.figures.find((f) => f.id === "study.topic.count")!.value).toBe(0);
    const look = json.mustLook.find((l) => l.code === "ledgers.period_empty")!;
    expect(look.message).toContain("学习记录");
    // 电子保函's figures run 截至期末: its 2022 guarantee is still counted in 2023, so it is no empty period.
    expect(look.message).not.toContain("“电子保函”");
    expect(look.message).toContain("2023-01-01");
    // The latest record's date, so the clerk sees at once which year the workbook is of.
    expect(look.message).toContain("2022-11-20");
  });

  it("refresh --year 2023 of the 2022 report (next year's roll-forward) says the same and exits 1", async () => {
    const report = join(dir, "述职报告-2022.docx");
    expect((await cli("generate", file, "--year", "2022", "-o", report)).code).toBe(0);
    const r = await cli("refresh", file, report, "--year", "2023", "-o", join(dir, "述职报告-2023.docx"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("2022-11-20");
  });
});

describe("a scope over rows whose 部门 is blank", () => {
  it("is told at the cells, grouped, and generate exits 1; without the scope the row counts and nothing is said", async () => {
    const file = await workbook("空部门.xlsx", { blankDepartment: true });
    const scoped = await cli("generate", file, "--year", "2022", "--scope", "交易一科", "-o", join(dir, "一科.docx"), "--json");
    expect(scoped.code).toBe(1);
    const json = JSON.parse(scoped.out) as { mustLook: Look[]; figures: { id: string; value: number | null }[] };
    expect(json.figures.find((f) => f.id === "study.seminar.count")!.value).toBe(0);
    const look = json.mustLook.find((l) => l.code === "ledgers.department_blank")!;
    expect(look.message).toContain("学习记录!F3");
    expect(look.message).toContain("未填部门，未计入 交易一科 的统计");
    const all = await cli("figures", file, "--year", "2022", "--json");
    expect(all.code).toBe(0);
    expect(
      (JSON.parse(all.out) as { figures: { id: string; value: number }[] }).figures.find((f) => f.id === "study.seminar.count")!.value,
    ).toBe(1);
  });
});

describe("a figure the built-in report does not show", () => {
  it("does not decide generate's exit code, and still does figures --json's", async () => {
    const file = await workbook("多一项.xlsx", {
      extraDefinition: ["eg.unused.count", "不在报告中", "电子保函", "计数", "经办银行=工商银行", "截至期末", "整数", ""],
    });
    const generated = await cli("generate", file, "--year", "2022", "-o", join(dir, "多一项.docx"), "--json");
    expect(generated.code).toBe(0);
    expect((JSON.parse(generated.out) as { mustLook: Look[] }).mustLook).toEqual([]);
    const figures = await cli("figures", file, "--year", "2022", "--json");
    expect(figures.code).toBe(1);
    expect(
      (JSON.parse(figures.out) as { figures: { id: string; value: number | null }[] }).figures.find((f) => f.id === "eg.unused.count")!
        .value,
    ).toBeNull();
  });
});

describe("a ledger with its header and no records", () => {
  it("writes its figures as 0 and exits 1 naming them; 允许为零 on each makes the same report exit 0", async () => {
    const file = await workbook("无保函.xlsx");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet("电子保函")!.spliceRows(2, 1);
    await wb.xlsx.writeFile(file);
    const r = await cli("generate", file, "--year", "2022", "-o", join(dir, "无保函.docx"), "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { mustLook: Look[]; figures: { id: string; value: number | null }[] };
    expect(json.figures.find((f) => f.id === "eg.count")!.value).toBe(0);
    expect(json.mustLook.map((l) => l.code)).toEqual(["ledgers.empty"]);
    expect(json.mustLook[0].message).toContain(
      "“电子保函”台账还没有任何记录（见 电子保函!A1）：电子保函笔数、服务企业家数、减少企业资金占用（亿元）",
    );
    expect(json.mustLook[0].messageEn).toContain("ledger 电子保函 has no records yet (see 电子保函!A1)");

    const defs = wb.getWorksheet("指标定义")!;
    defs.eachRow((row) => {
      if (row.getCell(3).value === "电子保函") row.getCell(5).value = `${String(row.getCell(5).value ?? "")}; 允许为零`;
    });
    const allowed = join(dir, "无保函-允许为零.xlsx");
    await wb.xlsx.writeFile(allowed);
    const signed = await cli("generate", allowed, "--year", "2022", "-o", join(dir, "无保函-允许为零.docx"), "--json");
    expect(JSON.parse(signed.out).mustLook).toEqual([]);
    expect(signed.code).toBe(0);
  });

  it("refresh from it says the same and exits 1", async () => {
    const file = await workbook("刷新无保函.xlsx");
    const report = join(dir, "刷新无保函.docx");
    expect((await cli("generate", file, "--year", "2022", "-o", report)).code).toBe(0);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet("电子保函")!.spliceRows(2, 1);
    await wb.xlsx.writeFile(file);
    const r = await cli("refresh", file, report, "-o", join(dir, "刷新无保函-2.docx"));
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain("“电子保函”台账还没有任何记录");
  });
});
