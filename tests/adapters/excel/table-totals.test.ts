// Issue #10.1 and #16 through both readers: an Excel table as Excel defines it. Its totals row
// (汇总 in Chinese Excel) is never a record, and rows typed under it that the table did not grow
// to include are warned about — through the .xlsx file (the CLI) and through Office.js (the pane,
// on the simulated host), with the same figures.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { createExcelWorkbookSource } from "../../../src/adapters/excel";
import { readXlsxWorkbook } from "../../../src/adapters/xlsx";
import { runCli } from "../../helpers/cli";
import { runEngine } from "../../../src/core/engine";
import type { RawCell } from "../../../src/core/types";
import { createSimulatedExcel, simWorkbookFromXlsx, type SimWorkbook } from "../../../src/simulated-host";
import { settingsSheet, sheet } from "./fixtures";
import { addTotalsTable } from "../../helpers/totals-table";

const CODES = ["914403001922038216", "91350100M000100Y43", "91110000600037341L"];

/** A clean workbook whose ledgers are formatted tables with 汇总行 on, saved the way exceljs (and Excel) write them. */
async function cleanTablesWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const study = wb.addWorksheet("学习记录");
  addTotalsTable(study, {
    name: "StudySessions",
    ref: "A1",
    headers: ["日期", "形式", "主题"],
    totals: { 形式: "count" },
    rows: [
      [new Date(Date.UTC(2022, 2, 1)), "专题学习", "学习贯彻党的二十大精神"],
      [new Date(Date.UTC(2022, 5, 1)), "专题研讨", "作风建设"],
    ],
  });
  const partners = wb.addWorksheet("共建单位");
  addTotalsTable(partners, {
    name: "CoConstructionUnits",
    ref: "A1",
    headers: ["单位名称", "协议签订日期"],
    rows: [["某社区党委", new Date(Date.UTC(2022, 0, 5))]],
  });
  const eg = wb.addWorksheet("电子保函");
  eg.getCell("A1").value = "2022年电子保函台账";
  addTotalsTable(eg, {
    name: "EGuarantees",
    ref: "A2",
    headers: ["保函编号", "开立日期", "投标企业", "统一社会信用代码", "保证金金额（元）", "状态"],
    totals: { 投标企业: "count", "保证金金额（元）": "sum" },
    rows: CODES.map((code, i) => [`BH-${i + 1}`, new Date(Date.UTC(2022, i, 10)), `企业${i + 1}`, code, 100000 * (i + 1), "有效"]),
  });
  // Excel saves the totals row's results with its formulas; the row then looks like a record but for its 保函编号.
  eg.getCell("C6").value = { formula: "SUBTOTAL(103,EGuarantees[投标企业])", result: 3 };
  eg.getCell("E6").value = { formula: "SUBTOTAL(109,EGuarantees[保证金金额（元）])", result: 600000 };
  const settings = wb.addWorksheet("报告设置");
  settings.addRows([
    ["项目", "值"],
    ["年度", 2022],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const cli = (args: string[]) => runCli(args);

describe("a formatted table with a totals row", () => {
  let bytes: Uint8Array;
  let path: string;
  beforeAll(async () => {
    bytes = await cleanTablesWorkbook();
    path = join(mkdtempSync(join(tmpdir(), "lr-totals-")), "台账.xlsx");
    writeFileSync(path, bytes);
  });

  it("is read by the command line without an issue on the totals row: no error row, nothing wrong in any cell", async () => {
    const check = await cli(["check", path, "--json"]);
    const json = JSON.parse(check.out);
    // The workbook has no 指标定义 (so no 手工值) and no 组织 column: those figures are unresolved and
    // the clerk must look (exit 1) — but for no reason a totals row could give.
    expect(json.mustLook.map((r: { code: string }) => r.code)).toEqual(["figures.unresolved"]);
    // Nothing wrong with any cell: figure-level warnings are not this test's.
    expect(
      json.issues.filter(
        (i: { severity: string; cell: string | null; code: string }) =>
          i.cell !== null && i.severity !== "info" && !i.code.startsWith("figure."),
      ),
    ).toEqual([]);
    // Totals rows are rows 4 (学习记录), 3 (共建单位) and 6 (电子保函): no issue names them.
    expect(json.issues.filter((i: { cell: string | null }) => /^(学习记录!\D+4|共建单位!\D+3|电子保函!\D+6)$/.test(i.cell ?? ""))).toEqual(
      [],
    );
    expect(json.ledgers.map((l: { name: string; rows: number }) => [l.name, l.rows])).toEqual([
      ["学习记录", 2],
      ["共建单位", 1],
      ["电子保函", 3],
    ]);
    expect(json.rowAccounts.find((a: { sheet: string }) => a.sheet === "电子保函")).toEqual({
      ledger: "电子保函",
      sheet: "电子保函",
      nonBlankRows: 6,
      records: 3,
      excluded: 0,
      skipped: { title: 1, header: 1, total: 1 },
    });
  });

  it("gives the same figures through the Excel adapter on the simulated host, which knows showTotals", async () => {
    const x = readXlsxWorkbook(bytes);
    const sim = createSimulatedExcel({ ...simWorkbookFromXlsx(x), name: "台账.xlsx" });
    expect(sim.workbook.sheets.find((s) => s.name === "电子保函")?.tables[0].showTotals).toBe(true);
    const { workbook } = await createExcelWorkbookSource(sim.Excel.run, { isSetSupported: sim.isSetSupported }).read();
    const generatedAt = "2023-01-05T00:00:00.000Z";
    const live = runEngine(workbook, { generatedAt });
    const figures = JSON.parse((await cli(["figures", path, "--json"])).out).figures;
    expect(live.figures.map((f) => ({ id: f.id, value: f.value, text: f.text }))).toEqual(
      figures.map((f: { id: string; value: number | null; text: string }) => ({ id: f.id, value: f.value, text: f.text })),
    );
    expect(live.figures.find((f) => f.id === "eg.amount")?.value).toBe(600000);
    expect(live.issues.filter((i) => i.cell !== undefined && i.severity !== "info" && !i.code.startsWith("figure."))).toEqual([]);
  });
});

describe("the Excel adapter on a table with showTotals", () => {
  const header: RawCell[] = ["保函编号", "开立日期", "投标企业", "保证金金额（元）"];
  const workbook = (totals: RawCell[], below: RawCell[][] = []): SimWorkbook => ({
    date1904: false,
    sheets: [
      sheet("学习记录", [
        ["日期", "形式", "主题"],
        [44621, "党课", "x"],
      ]),
      sheet("共建单位", [
        ["单位名称", "协议签订日期"],
        ["某社区", 44600],
      ]),
      sheet("电子保函", [header, ["BH-1", 44600, "甲公司", 1000], ["BH-2", 44601, "乙公司", 2000], totals, ...below], {
        tables: [{ name: "EGuarantees", range: { top: 0, left: 0, bottom: 3, right: 3 }, showTotals: true }],
      }),
      settingsSheet([["年度", "2022"]]),
    ],
  });
  async function read(wb: SimWorkbook) {
    const sim = createSimulatedExcel(wb);
    const { workbook: raw, stats } = await createExcelWorkbookSource(sim.Excel.run, { isSetSupported: sim.isSetSupported }).read();
    return { result: runEngine(raw, { generatedAt: "2023-01-05T00:00:00.000Z" }), stats };
  }

  it("never reads the totals row as a record, even when it carries no 汇总 label", async () => {
    for (const totals of [
      ["", "", 2, 3000],
      ["Total", "", "", 3000],
      ["汇总", "", "", 3000],
    ] as RawCell[][]) {
      const { result, stats } = await read(workbook(totals));
      expect([totals[0], result.ledgers.ledgers.电子保函?.rows.map((r) => r.row)]).toEqual([totals[0], [2, 3]]);
      expect([totals[0], result.issues.filter((i) => i.cell?.startsWith("电子保函!"))]).toEqual([totals[0], []]);
      expect(result.figures.find((f) => f.id === "eg.amount")?.value).toBe(3000);
      expect(stats.roundTrips).toBe(2);
    }
  });

  it("sees rows typed under the table, which the table does not read, and warns at each of them", async () => {
    const { result } = await read(workbook(["汇总", "", "", 3000], [["BH-3", 44602, "丙公司", 5000]]));
    expect(result.figures.find((f) => f.id === "eg.count")?.value).toBe(2);
    expect(result.issues.filter((i) => i.cell?.startsWith("电子保函!")).map((i) => `${i.severity} ${i.code} ${i.cell}`)).toEqual([
      "warning row.outside_table 电子保函!A5",
    ]);
    expect(result.ledgers.rowAccounts?.find((a) => a.sheet === "电子保函")).toEqual({
      ledger: "电子保函",
      sheet: "电子保函",
      nonBlankRows: 5,
      records: 2,
      excluded: 0,
      skipped: { header: 1, total: 1, outside_table: 1 },
    });
  });
});
