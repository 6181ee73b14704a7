// Tried as a new user would (#10 "Done when"): workbooks made here with exceljs — an Excel table with
// a totals row (汇总), a firm typed once with its code and once without, a renamed header — and the
// same workbook re-saved by LibreOffice. `figures --json` must equal a count written here, or be
// visibly unresolved.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { runCli } from "../helpers/cli";
import { hasSoffice } from "../helpers/render";
import { addTotalsTable } from "../helpers/totals-table";
import { creditCode } from "../helpers/credit-code";

const dir = mkdtempSync(join(tmpdir(), "lr-new-user-"));

/** [保函编号, 开立日期, 投标企业, 统一社会信用代码, 保证金金额（元）, 状态] */
const GUARANTEES: [string, string, string, string, number, string][] = [
  ["BH-1", "2022-02-01", "甲建设公司", creditCode(11), 120000.5, "有效"],
  ["BH-2", "2022-03-01", "甲建设公司", "", 80000, "有效"],
  ["BH-3", "2022-04-01", "乙工程公司", "", 50000, "有效"],
  ["BH-4", "2022-05-01", "丙路桥公司", creditCode(12), 300000, "撤销"],
  ["BH-5", "2022-06-01", "丁水利公司", creditCode(13), 66666.66, "有效"],
  ["BH-6", "2023-01-05", "戊公司", creditCode(14), 1000, "有效"],
];

/** The count written out by hand: 截至期末 2022, 撤销 never counts, a firm by code, else by name unless a coded twin has it. */
function expected() {
  const rows = GUARANTEES.filter(([, date, , , , status]) => date <= "2022-12-31" && status !== "撤销");
  const codes = new Set(rows.filter((r) => r[3]).map((r) => r[3]));
  const codedNames = new Set(rows.filter((r) => r[3]).map((r) => r[2]));
  const byName = new Set(rows.filter((r) => !r[3] && !codedNames.has(r[2])).map((r) => r[2]));
  const cents = rows.reduce((s, r) => s + Math.round(r[4] * 100), 0);
  return { "eg.count": rows.length, "eg.firms": codes.size + byName.size, "eg.amount": cents / 100 };
}

async function makeWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addTotalsTable(wb.addWorksheet("电子保函"), {
    name: "电子保函",
    ref: "A1",
    headers: ["保函编号", "开立日期", "投标企业", "统一社会信用代码", "保证金金额（元）", "状态"],
    totals: { "保证金金额（元）": "sum" },
    rows: GUARANTEES.map((r) => [...r]),
  });
  // 形式 renamed by the clerk: the study figures cannot be counted and must say so.
  const study = wb.addWorksheet("学习记录");
  study.addRows([
    ["日期", "学习方式", "主题"],
    ["2022-03-01", "专题学习", "学习二十大精神"],
    ["2022-04-01", "专题研讨", "作风建设"],
  ]);
  const partners = wb.addWorksheet("共建单位");
  partners.addRows([
    ["单位名称", "协议签订日期"],
    ["某社区党委", "2022-01-05"],
  ]);
  const file = join(dir, "新用户.xlsx");
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

async function figuresOf(file: string) {
  const r = await runCli(["figures", file, "--json"]);
  return { code: r.code, json: JSON.parse(r.out) as { figures: { id: string; value: number | null; unresolved: unknown }[] } };
}

function assertFigures(json: { figures: { id: string; value: number | null; unresolved: unknown }[] }) {
  const want = expected();
  for (const [id, value] of Object.entries(want)) expect([id, json.figures.find((f) => f.id === id)!.value]).toEqual([id, value]);
  for (const id of ["study.topic.count", "study.seminar.count"])
    expect(json.figures.find((f) => f.id === id)).toMatchObject({
      value: null,
      unresolved: expect.objectContaining({ code: "column_missing" }),
    });
}

describe("workbooks a new user makes", () => {
  let file: string;
  beforeAll(async () => {
    file = await makeWorkbook();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("as exceljs writes it: every figure equals the count written here, or is unresolved (exit 1)", async () => {
    const { code, json } = await figuresOf(file);
    expect(code).toBe(1);
    assertFigures(json);
  });

  test("re-saved by LibreOffice Calc: the same figures", async () => {
    if (!hasSoffice()) return console.log("skipped: soffice not installed");
    const out = join(dir, "calc");
    const profile = join(dir, "profile");
    await promisify(execFile)(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", out, file],
      {
        timeout: 240000,
      },
    );
    const resaved = join(out, "新用户.xlsx");
    if (!existsSync(resaved)) return console.log("skipped: LibreOffice Calc could not convert");
    const { json } = await figuresOf(resaved);
    assertFigures(json);
  }, 300000);
});
