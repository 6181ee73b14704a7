import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildSampleWorkbook, creditCodeCheck, SAMPLE_SHEETS } from "../../examples/sample-data";
import { naiveSampleFigures } from "../helpers/naive-figures";

const COMMITTED = join(__dirname, "../../examples/sample-ledgers.xlsx");

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Every sheet's non-empty cells and merges, as plain data to compare. */
function contents(workbook: ExcelJS.Workbook): Record<string, { cells: Record<string, unknown>; merges: string[] }> {
  const out: Record<string, { cells: Record<string, unknown>; merges: string[] }> = {};
  for (const sheet of workbook.worksheets) {
    const cells: Record<string, unknown> = {};
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells[cell.address] = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
      }),
    );
    const merges = (sheet.model as unknown as { merges: string[] }).merges.slice().sort();
    out[sheet.name] = { cells, merges };
  }
  return out;
}

function column(sheet: ExcelJS.Worksheet, headerRow: number, header: string): ExcelJS.CellValue[] {
  let col = 0;
  sheet.getRow(headerRow).eachCell((cell, c) => {
    if (cell.value === header) col = c;
  });
  if (!col) throw new Error(`no ${header} on ${sheet.name}`);
  const values: ExcelJS.CellValue[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) values.push(sheet.getCell(r, col).value);
  return values;
}

describe("the sample workbook", () => {
  let bytes: Uint8Array;
  let workbook: ExcelJS.Workbook;
  let path: string;
  let figures: Record<string, number>;
  beforeAll(async () => {
    bytes = await buildSampleWorkbook();
    workbook = await load(bytes);
    path = join(mkdtempSync(join(tmpdir(), "lr-sample-")), "sample-ledgers.xlsx");
    writeFileSync(path, bytes);
    figures = await naiveSampleFigures(path);
  });

  it("comes out byte for byte the same when built twice", async () => {
    const again = await buildSampleWorkbook();
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(contents(await load(again))).toEqual(contents(workbook));
  });

  it("is what examples/sample-ledgers.xlsx holds, so the committed file is current", async () => {
    const committed = contents(await load(readFileSync(COMMITTED)));
    const fresh = contents(workbook);
    for (const name of Object.keys(fresh)) expect(committed[name]).toEqual(fresh[name]);
  });

  it("has the ledger sheets by the names clerks use, and no configuration sheets unless given", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "2022年学习记录台账",
      "共建单位",
      "电子保函-交易一科",
      "电子保函（交易二科）",
      "活动记录",
      "人员",
      "队伍",
    ]);
    expect(workbook.created.toISOString()).toBe("2023-01-05T01:30:00.000Z");
  });

  it("adds 报告设置 and 指标定义 in front when the caller gives their rows", async () => {
    const withConfig = await load(
      await buildSampleWorkbook({
        settingsRows: [["年度", "2022"]],
        definitionHeaders: ["指标ID", "名称", "台账"],
        definitionRows: [["eg.count", "电子保函笔数", "电子保函"]],
      }),
    );
    expect(withConfig.worksheets.slice(0, 3).map((s) => s.name)).toEqual(["报告设置", "指标定义", "2022年学习记录台账"]);
    expect(withConfig.getWorksheet("报告设置")!.getCell("B2").value).toBe("2022");
    expect(withConfig.getWorksheet("指标定义")!.getCell("C2").value).toBe("电子保函");
  });

  it("lays the study ledger out under a merged title, a 填报 line and a blank row, with mixed dates and a note", () => {
    const sheet = workbook.getWorksheet(SAMPLE_SHEETS.study)!;
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain("A1:F1");
    expect(sheet.getCell("A2").value).toBe("填报单位：某市公共资源交易中心党支部　　填报日期：2023年1月5日");
    expect(sheet.getRow(3).cellCount).toBe(0);
    expect(sheet.getRow(4).values).toEqual([undefined, "序号", "日期", "形式", "主题", "组织", "参加人数"]);
    const dates = column(sheet, 4, "日期");
    // The note is merged across the row, so its text also reads in the 日期 column.
    const typed = dates.filter((d) => typeof d === "string" && !d.startsWith("注"));
    expect(typed).toEqual(["2022年3月1日", "2022.3.15", "二〇二二年某日"]);
    expect(dates.filter((d) => d instanceof Date).length).toBe(44);
    const notes = column(sheet, 4, "序号").filter((v) => typeof v === "string");
    expect(notes[0]).toMatch(/^注：/);
  });

  it("splits the guarantees over two department sheets, each ending in a total row", () => {
    const one = workbook.getWorksheet(SAMPLE_SHEETS.guaranteesOne)!;
    const two = workbook.getWorksheet(SAMPLE_SHEETS.guaranteesTwo)!;
    const firstCells = (sheet: ExcelJS.Worksheet) => Array.from({ length: sheet.rowCount }, (_, i) => sheet.getCell(i + 1, 1).value);
    expect(firstCells(one)).toContain("合计");
    expect(firstCells(two)).toContain("合 计");
    const total = one.getCell(firstCells(one).indexOf("合计") + 1, 7).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toMatch(/^SUM\(G3:G\d+\)$/);
  });

  it("writes the agreed mistakes exactly once each: a duplicate number, a negative amount, two bad check digits", () => {
    const one = workbook.getWorksheet(SAMPLE_SHEETS.guaranteesOne)!;
    const two = workbook.getWorksheet(SAMPLE_SHEETS.guaranteesTwo)!;
    const numbers = [...column(one, 2, "保函编号"), ...column(two, 4, "保函编号")].filter(
      (n): n is string => typeof n === "string" && n.startsWith("DZBH"),
    );
    const seen = new Map<string, number>();
    for (const n of numbers) seen.set(n, (seen.get(n) ?? 0) + 1);
    expect([...seen.values()].filter((c) => c > 1)).toEqual([2]);
    const amounts = [...column(one, 2, "保证金金额（元）"), ...column(two, 4, "保证金金额(元)")];
    expect(amounts.filter((a) => typeof a === "number" && a < 0).length).toBe(1);
    const codes = [...column(one, 2, "统一社会信用代码"), ...column(two, 4, "统一社会信用代码")].filter(
      (c): c is string => typeof c === "string",
    );
    expect(codes.every((c) => /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(c))).toBe(true);
    expect(codes.filter((c) => creditCodeCheck(c.slice(0, 17)) !== c[17]).length).toBe(2);
  });

  it("computes credit-code check characters per GB 32100, matching the standard's worked example", () => {
    expect(creditCodeCheck("91350100M000100Y4")).toBe("3");
  });

  it("merges the 部门 cells of the activity ledger down each department's block", () => {
    const sheet = workbook.getWorksheet(SAMPLE_SHEETS.activities)!;
    const merges = (sheet.model as unknown as { merges: string[] }).merges.filter((m) => m.startsWith("A") && m !== "A1:F1");
    expect(merges.sort()).toEqual(["A11:A16", "A17:A22", "A23:A26", "A3:A10"]);
  });

  it("counts, the naive way, the figures the sample was built to give", () => {
    const { ["eg.count"]: count, ["eg.firms"]: firms, ["eg.amount"]: amount, ...exact } = figures;
    expect(exact).toEqual({
      "study.topic.count": 7,
      "study.seminar.count": 6,
      "study.youth_online.count": 5,
      "study.lecture.count": 5,
      "partners.count": 11,
      "community_groups.count": 6,
      "donations.count": 4,
      "teams.vanguard.count": 3,
      "teams.volunteer.count": 2,
      "cadres.baolian.count": 32,
      "cadres.commando.count": 6,
      "staff.double_report.count": 124,
      "communities.count": 73,
      "staff.commended.count": 5,
    });
    expect(count).toBeGreaterThan(3000);
    expect(count).toBeLessThan(3500);
    expect(firms).toBeGreaterThanOrEqual(1300);
    expect(firms).toBeLessThan(1400);
    expect(amount).toBeGreaterThan(2e8);
    expect(amount).toBeLessThan(6e8);
    expect(Number.isInteger(amount)).toBe(true);
  });

  it("pins the guarantee figures, so a change to the generator is a visible change to the golden numbers", () => {
    expect([figures["eg.count"], figures["eg.firms"], figures["eg.amount"]]).toEqual([3372, 1316, 393044000]);
  });
});
