// A hidden copy of a ledger sheet (`电子保函 (2)`, Excel's name for a copied sheet) doubles the
// guarantee figures. On the command line the figures say they may be too large, by name and with the
// copy's cells (figures, generate, --json), and `check` says the sheet is hidden. A missing optional
// ledger whose 手工值 is blank is said as what it is: unresolved, not "uses its manual value".
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "lr-counted-twice-"));
const NOW = new Date("2023-02-10T08:00:00Z");
const cli = (...argv: string[]) => runCli(argv, NOW);

async function workbookWithHiddenCopy(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const fill = (ws: ExcelJS.Worksheet) => {
    ws.addRow(["保函编号", "开立日期", "投标企业", "保证金金额", "状态"]);
    ws.addRow(["C1", new Date(Date.UTC(2022, 2, 1)), "甲公司", 1000000, "有效"]);
    ws.addRow(["C2", new Date(Date.UTC(2022, 4, 1)), "乙公司", 2000000, "有效"]);
  };
  fill(wb.addWorksheet("电子保函"));
  fill(wb.addWorksheet("电子保函 (2)", { state: "hidden" }));
  const settings = wb.addWorksheet("报告设置");
  settings.addRow(["项目", "值"]);
  settings.addRow(["年度", 2022]);
  const file = join(dir, "复制了一张表.xlsx");
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

describe("a hidden copy of a ledger sheet on the command line", () => {
  let file: string;
  beforeAll(async () => {
    file = await workbookWithHiddenCopy();
  });

  it("figures names the count and the amount as may be too large, with the copy's cells", async () => {
    const { out } = await cli("figures", file);
    const line = out.split("\n").find((l) => l.startsWith("可能偏大"));
    expect(line).toContain("“电子保函”有 2 行编号重复且都已计入");
    expect(line).toContain("'电子保函 (2)'!A2、'电子保函 (2)'!A3");
    expect(line).toContain("“电子保函笔数”");
    expect(line).toContain("“减少企业资金占用（亿元）”");
    // 服务企业家数 counts each firm once: the repeat adds none.
    expect(line).not.toContain("服务企业家数");
  });

  it("says it in English too", async () => {
    const { out } = await cli("figures", file, "--lang", "en");
    expect(out).toMatch(/May be too large: 2 row\(s\) of 电子保函 repeat the key of another row/);
  });

  it("figures --json carries rowsCountedTwice on each figure it marks, null on the others", async () => {
    const { out } = await cli("figures", file, "--json");
    const figures = JSON.parse(out).figures as { id: string; value: number | null; rowsCountedTwice: unknown }[];
    const byId = new Map(figures.map((f) => [f.id, f]));
    expect(byId.get("eg.count")).toMatchObject({
      value: 4,
      rowsCountedTwice: { count: 2, cells: ["'电子保函 (2)'!A2", "'电子保函 (2)'!A3"] },
    });
    expect(byId.get("eg.amount")?.rowsCountedTwice).toEqual({ count: 2, cells: ["'电子保函 (2)'!A2", "'电子保函 (2)'!A3"] });
    expect(byId.get("eg.firms")?.rowsCountedTwice).toBeNull();
  });

  it("generate names the placed figures that may be too large", async () => {
    const { out, err } = await cli("generate", file, "-o", join(dir, "报告.docx"));
    expect(out + err).toContain("可能偏大：“电子保函”有 2 行编号重复且都已计入");
  });

  it("fill names the figures it placed that may be too large", async () => {
    const template = join(__dirname, "../../examples/fill-template.docx");
    const { out, err } = await cli("fill", file, template, "-o", join(dir, "填写.docx"));
    expect(out + err).toContain("可能偏大：“电子保函”有 2 行编号重复且都已计入");
  });

  it("check says the copy is hidden, at its header, and that its name is a copied sheet's", async () => {
    const { out } = await cli("check", file);
    const line = out.split("\n").find((l) => l.includes("是隐藏的"));
    expect(line).toContain("'电子保函 (2)'!A1");
    expect(line).toContain("工作表“电子保函 (2)”是隐藏的，其中 2 行已作为“电子保函”台账计入指标");
    expect(line).toContain("复制");
  });

  it("a missing optional ledger without 手工值 reads as unresolved in check and in figures' 来源, never as 手工值", async () => {
    const check = await cli("check", file);
    const missing = check.out.split("\n").find((l) => l.includes("未找到可选台账“活动记录”"));
    expect(missing).toContain("手工值为空的指标显示为待补");
    const figures = await cli("figures", file);
    const donations = figures.out.split("\n").find((l) => l.startsWith("donations.count"));
    expect(donations).toContain("［待补：捐赠次数］");
    expect(donations).toContain("待补：无“活动记录”台账，手工值为空");
    expect(donations).not.toMatch(/\s手工值$/);
  });
});

// 学习记录 has no key: a copied sheet (移动或复制 → 建立副本) repeats whole records, visible or hidden.
async function workbookWithStudyCopy(hidden: boolean, dated = 2022): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const fill = (ws: ExcelJS.Worksheet) => {
    ws.addRow(["序号", "日期", "形式", "主题", "组织"]);
    ws.addRow([1, new Date(Date.UTC(dated, 2, 1)), "专题学习", "学习党的二十大精神", "党组"]);
    ws.addRow([2, new Date(Date.UTC(dated, 3, 12)), "专题研讨", "作风建设", "党支部"]);
  };
  fill(wb.addWorksheet("学习记录"));
  fill(wb.addWorksheet("学习记录 (2)", hidden ? { state: "hidden" } : {}));
  const settings = wb.addWorksheet("报告设置");
  settings.addRow(["项目", "值"]);
  settings.addRow(["年度", 2022]);
  const file = join(dir, `复制了学习记录-${hidden ? "隐藏" : "可见"}-${dated}.xlsx`);
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

describe("a copied 学习记录 sheet on the command line", () => {
  it.each([[false], [true]])("generate (hidden copy: %p) exits 1 and names each doubled figure with the copy's cells", async (hidden) => {
    const file = await workbookWithStudyCopy(hidden);
    const { code, out, err } = await cli("generate", file, "-o", join(dir, `学习-${hidden}.docx`));
    expect(code).toBe(1);
    const lines = (out + err).split("\n");
    const topic = lines.find((l) => l.startsWith("可能偏大") && l.includes("“专题学习党的二十大精神次数”"));
    expect(topic).toContain("“学习记录”有 1 行与前面一行完全相同且都已计入（'学习记录 (2)'!B2）");
    const seminar = lines.find((l) => l.startsWith("可能偏大") && l.includes("“专题研讨次数”"));
    expect(seminar).toContain("'学习记录 (2)'!B3");
    expect(lines).toContain("2 行与前面一行完全相同（学习记录），2 项指标把两行都计入了，可能偏大，请核对。");
  });

  it("refresh of a report over the copy exits 1, names the doubled figures it holds, and says the rows were counted twice", async () => {
    const file = await workbookWithStudyCopy(true);
    const report = join(dir, "学习-刷新.docx");
    await cli("generate", file, "-o", report);
    const { code, out, err } = await cli("refresh", file, report, "-o", join(dir, "学习-刷新后.docx"));
    expect(code).toBe(1);
    expect(out + err).toContain("可能偏大：“学习记录”有 1 行与前面一行完全相同且都已计入（'学习记录 (2)'!B2），计入了“专题学习党的二十大精神次数”");
    expect(out + err).toMatch(/2 行与前面一行完全相同（学习记录），\d+ 项指标把两行都计入了，可能偏大/);
  });

  it("figures --json carries the same rowsCountedTwice as a repeated key, and mustLook says the rows", async () => {
    const file = await workbookWithStudyCopy(false);
    const { code, out } = await cli("figures", file, "--json");
    expect(code).toBe(1);
    const json = JSON.parse(out) as { figures: { id: string; value: number; rowsCountedTwice: unknown }[]; mustLook: { code: string }[] };
    expect(json.figures.find((f) => f.id === "study.topic.count")).toMatchObject({
      value: 2,
      rowsCountedTwice: { count: 1, cells: ["'学习记录 (2)'!B2"] },
    });
    expect(json.figures.find((f) => f.id === "study.lecture.count")?.rowsCountedTwice).toBeNull();
    expect(json.mustLook.map((r) => r.code)).toContain("rows.repeated");
  });

  it("check names each repeated row and the row it repeats, in English too", async () => {
    const file = await workbookWithStudyCopy(true);
    const { out } = await cli("check", file, "--lang", "en");
    const line = out.split("\n").find((l) => l.includes("'学习记录 (2)'!B2"));
    expect(line).toContain("repeats the row of 学习记录!B2 in every value");
  });

  it("a copy of last year's rows counts in no 2022 figure: nothing is called too large, and the rows are still named", async () => {
    const file = await workbookWithStudyCopy(false, 2021);
    const { out, err } = await cli("generate", file, "-o", join(dir, "学习-去年.docx"));
    expect(out + err).not.toContain("可能偏大");
    expect(out + err).toContain("2 行与前面一行完全相同（学习记录），两行都作为记录读取，没有指标把两行都计入，请核对。");
  });
});
