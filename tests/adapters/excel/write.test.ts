import { createExcelWorkbookSource, type SetUpConfig } from "../../../src/adapters/excel";
import { rowRuns } from "../../../src/adapters/excel/workbook-source";
import { createSimulatedExcel, type SimOptions, type SimWorkbook } from "../../../src/simulated-host";
import { clone, settingsSheet, sheet, smallWorkbook, sourceOver as simulatedSource } from "./fixtures";
import { GUARANTEE_HEADERS } from "../../../bench/generate-ledger";
import { NEW_WORKBOOK_SHEETS } from "../../helpers/new-workbook";

const CONFIG: SetUpConfig = {
  settingsRows: [
    ["年度", "2022"],
    ["报告期开始", "2022-01-01"],
    ["工作簿ID", ""],
  ],
  definitionHeaders: ["指标ID", "名称", "台账", "统计", "条件", "区间", "格式", "手工值"],
  definitionRows: [["eg.count", "电子保函笔数", "电子保函", "计数", "状态≠撤销", "截至期末", "整数", ""]],
};

function sourceOver(wb: SimWorkbook, simOpts: SimOptions = {}) {
  return simulatedSource(wb, simOpts, { setUpConfig: CONFIG, newWorkbookId: () => "00000000-0000-4000-8000-000000000001" });
}

/** Cells that differ between two versions of a sheet, as `A1`-style keys. */
function changedCells(before: SimWorkbook, after: SimWorkbook, sheetName: string): Record<string, unknown> {
  const a = before.sheets.find((s) => s.name === sheetName)!.cells;
  const b = after.sheets.find((s) => s.name === sheetName)!.cells;
  const out: Record<string, unknown> = {};
  for (let r = 0; r < Math.max(a.length, b.length); r++) {
    for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++) {
      const x = a[r]?.[c] ?? null;
      const y = b[r]?.[c] ?? null;
      if (x !== y) out[`${String.fromCharCode(65 + c)}${r + 1}`] = y;
    }
  }
  return out;
}

describe("selecting in the live workbook", () => {
  it("selects exactly the named cell on its sheet, in one round trip", async () => {
    const { sim, source } = sourceOver(smallWorkbook());
    await source.selectCell("'电子保函-交易二科'!B4");
    expect(sim.workbook.selection).toEqual({ sheet: "电子保函-交易二科", address: "B4" });
    expect(sim.stats.syncs).toBe(1);
  });

  it("names the sheet in Chinese and English when the cell's sheet is gone", async () => {
    const { source } = sourceOver(smallWorkbook());
    await expect(source.selectCell("人员!A2")).rejects.toMatchObject({
      code: "excel.sheet_missing",
      message: "找不到工作表「人员」，它可能已被重命名或删除。",
      messageEn: 'Sheet "人员" was not found; it may have been renamed or deleted.',
    });
  });

  it("selects the first sheet's rows as whole-row runs, ignoring other sheets' rows", async () => {
    const { sim, source } = sourceOver(smallWorkbook());
    const selected = await source.selectRows([
      { sheet: "学习记录", row: 3 },
      { sheet: "学习记录", row: 2 },
      { sheet: "电子保函-交易二科", row: 3 },
      { sheet: "学习记录", row: 7 },
    ]);
    expect(sim.workbook.selection).toEqual({ sheet: "学习记录", address: "2:3,7:7" });
    expect(selected).toEqual({ kind: "rows", sheet: "学习记录", rows: 3 });
    expect(sim.stats.syncs).toBe(1);
  });

  it("falls back to the rows' bounding block where ranges of areas are unsupported", async () => {
    const { sim, source } = sourceOver(smallWorkbook(), { apiSets: { ExcelApi: "1.8" } });
    const selected = await source.selectRows([
      { sheet: "学习记录", row: 2 },
      { sheet: "学习记录", row: 9 },
    ]);
    expect(sim.workbook.selection).toEqual({ sheet: "学习记录", address: "2:9" });
    // The pane must not say "2 rows selected" of a block of 8: the block, its size and the rows counted.
    expect(selected).toEqual({ kind: "block", sheet: "学习记录", address: "2:9", rows: 8, counted: 2 });
  });

  it("says it selected the whole block when the rows lie in more runs than one selection may hold", async () => {
    const { sim, source } = sourceOver(smallWorkbook());
    // Every other row from 3 to 1001: 500 separate runs, as the 撤销 rows of a big ledger leave them.
    const refs = Array.from({ length: 500 }, (_, i) => ({ sheet: "学习记录", row: 3 + 2 * i }));
    const selected = await source.selectRows(refs);
    expect(sim.workbook.selection).toEqual({ sheet: "学习记录", address: "3:1001" });
    expect(selected).toEqual({ kind: "block", sheet: "学习记录", address: "3:1001", rows: 999, counted: 500 });
  });

  it("selects nothing and says so when no row is given", async () => {
    const { source } = sourceOver(smallWorkbook());
    await expect(source.selectRows([])).resolves.toBeNull();
  });

  it("merges consecutive rows into runs", () => {
    expect(rowRuns([9, 3, 4, 5, 5, 12, 13])).toEqual([
      [3, 5],
      [9, 9],
      [12, 13],
    ]);
  });
});

describe("writing 报告设置", () => {
  it("changes only the 值 cells of named items and appends missing items below the table", async () => {
    const wb: SimWorkbook = {
      date1904: false,
      sheets: [
        settingsSheet([
          ["年度", "2021"],
          ["单位名称", "某市公共资源交易中心"],
          ["工作簿ID", "wb-1"],
        ]),
      ],
    };
    wb.sheets[0].cells[0][3] = "备注：请勿删除";
    const before = clone(wb);
    const { sim, source } = sourceOver(wb);
    await source.writeSettings([
      ["年度", "2022"],
      ["单位名称", "某市公共资源交易中心"],
      ["城市", "某市"],
    ]);
    expect(changedCells(before, sim.workbook, "报告设置")).toEqual({
      B2: "2022",
      A5: "城市",
      B5: "某市",
    });
    expect(sim.workbook.sheets[0].tables[0].range).toEqual({
      top: 0,
      left: 0,
      bottom: 4,
      right: 1,
    });
    expect(sim.workbook.sheets[0].numberFormats).toEqual({ "1,1": "@", "4,0": "@", "4,1": "@" });
  });

  it("creates 报告设置 as a 项目/值 table when the workbook has none", async () => {
    const { sim, source } = sourceOver({ date1904: false, sheets: [sheet("Sheet1", [])] });
    await source.writeSettings([["年度", "2022"]]);
    const created = sim.workbook.sheets.find((s) => s.name === "报告设置")!;
    expect(created.cells).toEqual([
      ["项目", "值"],
      ["年度", "2022"],
    ]);
    // Like the file `init` writes: a short 项目/值 list without filter buttons.
    expect(created.tables).toEqual([{ name: "ReportSettings", range: { top: 0, left: 0, bottom: 1, right: 1 }, showFilterButton: false }]);
  });

  it("refuses a protected 报告设置 with a message naming the sheet, writing nothing", async () => {
    const wb: SimWorkbook = {
      date1904: false,
      sheets: [settingsSheet([["年度", "2021"]], { protected: true })],
    };
    const before = clone(wb);
    const { source } = sourceOver(wb);
    await expect(source.writeSettings([["年度", "2022"]])).rejects.toMatchObject({
      code: "excel.sheet_protected",
      cell: "报告设置!A1",
      message: expect.stringContaining("工作表「报告设置」受保护"),
      messageEn: expect.stringContaining('Sheet "报告设置" is protected'),
    });
    expect(wb).toEqual(before);
  });
});

describe("setting up the workbook", () => {
  it("adds every missing sheet and keeps the existing ledger byte-identical", async () => {
    const wb: SimWorkbook = {
      date1904: false,
      sheets: [
        sheet(
          "电子保函台账（交易一科）",
          [
            ["保函编号", "开立日期"],
            ["EG-1", 44600],
          ],
          {
            merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
          },
        ),
      ],
    };
    const existing = JSON.stringify(wb.sheets[0]);
    const { sim, source } = sourceOver(wb);
    const result = await source.setUp();
    expect(result).toEqual({
      added: ["报告设置", "指标定义", "学习记录", "共建单位", "活动记录", "人员", "队伍"],
      kept: ["电子保函台账（交易一科）"],
      failed: [],
    });
    expect(JSON.stringify(sim.workbook.sheets[0])).toBe(existing);
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual([
      "电子保函台账（交易一科）",
      "报告设置",
      "指标定义",
      "学习记录",
      "共建单位",
      "活动记录",
      "人员",
      "队伍",
    ]);
  });

  it("lays a new ledger out as a table with unit headers, drop-downs and number formats", async () => {
    const { sim, source } = sourceOver({ date1904: false, sheets: [] });
    await source.setUp();
    const eg = sim.workbook.sheets.find((s) => s.name === "电子保函")!;
    expect(eg.cells[0]).toEqual([...GUARANTEE_HEADERS]);
    expect(eg.tables).toEqual([{ name: "EGuarantees", range: { top: 0, left: 0, bottom: 5, right: 8 } }]);
    expect(eg.frozenRows).toBe(1);
    expect(eg.numberFormats?.["1,1"]).toBe("yyyy-mm-dd");
    expect(eg.numberFormats?.["500,5"]).toBe("#,##0.00");
    expect(eg.numberFormats?.["1,3"]).toBe("@");
    expect(eg.numberFormats?.["1,2"]).toBeUndefined();
    const validationOf = (col: number) => eg.validations?.find((v) => v.range.left === col);
    expect(validationOf(7)).toEqual({
      range: { top: 1, left: 7, bottom: 500, right: 7 },
      rule: { list: { inCellDropDown: true, source: "有效,撤销" } },
      errorAlert: { showAlert: true, style: "Stop", title: "状态", message: "请从下拉列表中选择：有效、撤销 / Choose one of: 有效, 撤销" },
      ignoreBlanks: true,
    });
    // Dates and money warn (a text date such as 2022年3月1日 is still read) and, being required, flag blanks.
    expect(validationOf(1)).toMatchObject({
      rule: { date: { formula1: "1990-01-01", formula2: "2099-12-31", operator: "Between" } },
      errorAlert: { style: "Warning", title: "开立日期" },
      ignoreBlanks: false,
    });
    expect(validationOf(5)).toMatchObject({ rule: { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } }, ignoreBlanks: false });
    expect(validationOf(2)).toBeUndefined();
    const settings = sim.workbook.sheets.find((s) => s.name === "报告设置")!;
    expect(settings.cells).toEqual([
      ["项目", "值"],
      ["年度", "2022"],
      ["报告期开始", "2022-01-01"],
      ["工作簿ID", "00000000-0000-4000-8000-000000000001"],
    ]);
    const definitions = sim.workbook.sheets.find((s) => s.name === "指标定义")!;
    expect(definitions.tables[0].name).toBe("FigureDefinitions");
    expect(
      definitions.validations?.map((v) => [v.range.left, (v.rule as { list?: { source: string } }).list?.source, v.prompt?.title]),
    ).toEqual([
      [2, "学习记录,共建单位,电子保函,活动记录,人员,队伍", undefined],
      [3, undefined, "统计"],
      [5, "本期,截至期末,全部", undefined],
      [6, "整数,余,亿元,万元,百分比", undefined],
    ]);
  });

  it("fills a blank 工作簿ID in an existing 报告设置 and changes nothing else there", async () => {
    const wb = smallWorkbook();
    wb.sheets[4] = settingsSheet([
      ["年度", "2022"],
      ["工作簿ID", ""],
    ]);
    const before = clone(wb);
    const { sim, source } = sourceOver(wb);
    const result = await source.setUp();
    expect(changedCells(before, sim.workbook, "报告设置")).toEqual({
      B3: "00000000-0000-4000-8000-000000000001",
    });
    expect(result.kept).toEqual(["报告设置", "学习记录", "电子保函-交易二科"]);
  });

  it("never overwrites a workbook id that is already there", async () => {
    const wb = smallWorkbook();
    const before = clone(wb.sheets[4]);
    const { sim, source } = sourceOver(wb);
    await source.setUp();
    expect(sim.workbook.sheets[4]).toEqual(before);
  });

  it("reports a protected 报告设置 whose workbook id it could not write", async () => {
    const wb = smallWorkbook();
    wb.sheets[4] = settingsSheet([["工作簿ID", ""]], { protected: true });
    const before = clone(wb.sheets[4]);
    const { sim, source } = sourceOver(wb);
    const result = await source.setUp();
    expect(result.failed).toEqual([{ sheet: "报告设置", reason: expect.stringContaining("受保护") }]);
    expect(result.added).toEqual(["指标定义", "共建单位", "活动记录", "人员", "队伍"]);
    expect(sim.workbook.sheets[4]).toEqual(before);
  });

  it("reports each sheet it could not add when the workbook structure is protected", async () => {
    const wb: SimWorkbook = {
      date1904: false,
      structureProtected: true,
      sheets: [sheet("Sheet1", [])],
    };
    const { sim, source } = sourceOver(wb);
    const result = await source.setUp();
    expect(result.added).toEqual([]);
    expect(result.failed.map((f) => f.sheet)).toEqual(NEW_WORKBOOK_SHEETS);
    expect(result.failed[0].reason).toContain("受保护");
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("setting up with the built-in content", () => {
  it("writes the default settings with a new workbook id and every default definition", async () => {
    const { DEFAULT_DEFINITIONS } = await import("../../../src/core/figures");
    const sim = createSimulatedExcel({ date1904: false, sheets: [] });
    const source = createExcelWorkbookSource(sim.Excel.run, {
      isSetSupported: sim.isSetSupported,
      newWorkbookId: () => "id-from-setup",
    });
    await source.setUp();
    const settings = sim.workbook.sheets.find((s) => s.name === "报告设置")!;
    expect(settings.cells.find((row) => row[0] === "工作簿ID")).toEqual(["工作簿ID", "id-from-setup"]);
    const definitions = sim.workbook.sheets.find((s) => s.name === "指标定义")!;
    expect(definitions.cells.slice(1).map((row) => row[0])).toEqual(DEFAULT_DEFINITIONS.map((d) => d.id));
  });
});

describe("watching the workbook for the clerk's edits", () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it("calls back after the clerk edits a sheet, and not for the add-in's own writes (ExcelApi 1.14)", async () => {
    const { sim, source } = sourceOver(smallWorkbook());
    let changes = 0;
    const stop = await source.watchChanges!(() => changes++);
    expect(stop).not.toBeNull();
    await source.writeSettings([["年度", "2023"]]);
    await tick();
    expect(changes).toBe(0);
    sim.edit("学习记录", "C5", "专题学习");
    await tick();
    expect(changes).toBe(1);
    await stop!();
    expect(sim.changeHandlerCount()).toBe(0);
    sim.edit("学习记录", "C6", "专题学习");
    await tick();
    expect(changes).toBe(1);
  });

  it("before ExcelApi 1.14 it cannot tell its own writes apart, so it reports them too (the pane ignores its own)", async () => {
    const { sim, source } = sourceOver(smallWorkbook(), { apiSets: { ExcelApi: "1.12" } });
    let changes = 0;
    await source.watchChanges!(() => changes++);
    await source.writeSettings([["年度", "2023"]]);
    await tick();
    expect(changes).toBe(1);
    expect(sim.changeHandlerCount()).toBe(1);
  });

  it("does not watch where WorksheetCollection.onChanged is missing (ExcelApi 1.8)", async () => {
    const { sim, source } = sourceOver(smallWorkbook(), { apiSets: { ExcelApi: "1.8" } });
    expect(await source.watchChanges!(() => undefined)).toBeNull();
    expect(sim.changeHandlerCount()).toBe(0);
  });
});
