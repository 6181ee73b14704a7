// 列名对照 in the live workbook, over the simulated Excel host: the pane's read hands the sheet to the
// engine, and the one-click answer writes one row of it — nothing else.
import { runEngine } from "../../../src/core/engine";
import type { RawCell } from "../../../src/core/types";
import type { SimSheet, SimWorkbook } from "../../../src/simulated-host";
import { changedCells, clone, sheet, smallWorkbook, sourceOver } from "./fixtures";

/** smallWorkbook with 学习记录's 形式 renamed 学习方式. */
function renamedWorkbook(...extra: SimSheet[]): SimWorkbook {
  const wb = smallWorkbook();
  const study = wb.sheets.find((s) => s.name === "学习记录")!;
  study.cells[0][1] = "学习方式";
  wb.sheets.push(...extra);
  return wb;
}

function columnMapSheet(rows: RawCell[][], extra: Partial<SimSheet> = {}): SimSheet {
  return sheet("列名对照", [["台账", "标准列名", "工作簿列名"], ...rows], extra);
}

const ENTRY = { ledger: "学习记录" as const, column: "形式", header: "学习方式" };
const studyForms = (wb: Awaited<ReturnType<ReturnType<typeof sourceOver>["source"]["read"]>>["workbook"]) =>
  runEngine(wb).ledgers.ledgers.学习记录!.rows.map((r) => r.values.形式);

describe("reading 列名对照 from the live workbook", () => {
  it("reads the sheet with the ledgers, and the engine binds the renamed header by it", async () => {
    const { source } = sourceOver(renamedWorkbook(columnMapSheet([["学习记录", "形式", "学习方式"]])));
    const { workbook } = await source.read();
    expect(workbook.tables.map((t) => t.sheet)).toContain("列名对照");
    expect(studyForms(workbook)).toEqual(["专题学习", "专题研讨"]);
    expect(runEngine(workbook).issues.filter((i) => i.code === "ledger.missing_column")).toEqual([]);
  });

  it("reads it as a table named ColumnNames too", async () => {
    const map = columnMapSheet([["学习记录", "形式", "学习方式"]], {
      name: "对照",
      tables: [{ name: "ColumnNames", range: { top: 0, left: 0, bottom: 1, right: 2 } }],
    });
    const { source } = sourceOver(renamedWorkbook(map));
    expect(studyForms((await source.read()).workbook)).toEqual(["专题学习", "专题研讨"]);
  });
});

describe("writing a 列名对照 row (the pane's one click)", () => {
  it("creates the sheet with its header and the row, changes no other cell, and the next read binds the column", async () => {
    const wb = renamedWorkbook();
    const before = clone(wb);
    const { sim, source } = sourceOver(wb);
    await expect(source.writeColumnMapping(ENTRY)).resolves.toEqual({ cell: "列名对照!A2", created: true, existed: false });
    expect(changedCells(before, sim.workbook)).toEqual({
      "列名对照!A1": "台账",
      "列名对照!B1": "标准列名",
      "列名对照!C1": "工作簿列名",
      "列名对照!A2": "学习记录",
      "列名对照!B2": "形式",
      "列名对照!C2": "学习方式",
    });
    expect(sim.stats.syncs).toBeLessThanOrEqual(3);
    expect(studyForms((await source.read()).workbook)).toEqual(["专题学习", "专题研讨"]);
  });

  it("appends below everything on an existing sheet, in its own column order, touching nothing else", async () => {
    const map = sheet("列名对照", [
      ["说明：台账列名与标准列名的对照", null, null, null],
      ["工作簿列名", "台账", "标准列名", "备注"],
      ["保证金额（元）", "电子保函", "保证金金额", "2023年改名"],
    ]);
    const wb = renamedWorkbook(map);
    const before = clone(wb);
    const { sim, source } = sourceOver(wb);
    await expect(source.writeColumnMapping(ENTRY)).resolves.toEqual({ cell: "列名对照!A4", created: false, existed: false });
    expect(changedCells(before, sim.workbook)).toEqual({ "列名对照!A4": "学习方式", "列名对照!B4": "学习记录", "列名对照!C4": "形式" });
    expect(studyForms((await source.read()).workbook)).toEqual(["专题学习", "专题研讨"]);
  });

  it("grows a 列名对照 table by writing right below it, so the file reader sees the row too", async () => {
    const map = columnMapSheet([["电子保函", "保证金金额", "保证金额（元）"]], {
      tables: [{ name: "ColumnNames", range: { top: 0, left: 0, bottom: 1, right: 2 } }],
    });
    const { sim, source } = sourceOver(renamedWorkbook(map));
    await source.writeColumnMapping(ENTRY);
    expect(sim.workbook.sheets.find((s) => s.name === "列名对照")!.tables[0].range.bottom).toBe(2);
  });

  it("does not write a row that is already there", async () => {
    const wb = renamedWorkbook(columnMapSheet([["学习记录", "形式", "学习方式"]]));
    const before = clone(wb);
    const { sim, source } = sourceOver(wb);
    await expect(source.writeColumnMapping(ENTRY)).resolves.toEqual({ cell: "列名对照!A2", created: false, existed: true });
    expect(changedCells(before, sim.workbook)).toEqual({});
  });

  it("fills an empty 列名对照 sheet from A1", async () => {
    const { sim, source } = sourceOver(renamedWorkbook(sheet("列名对照", [])));
    await expect(source.writeColumnMapping(ENTRY)).resolves.toMatchObject({ cell: "列名对照!A2", created: false });
    expect(sim.workbook.sheets.find((s) => s.name === "列名对照")!.cells.slice(0, 2)).toEqual([
      ["台账", "标准列名", "工作簿列名"],
      ["学习记录", "形式", "学习方式"],
    ]);
  });

  it("works on hosts before ExcelApi 1.4 (no null-object used range): appends, and fills an empty sheet", async () => {
    const old = { apiSets: { ExcelApi: "1.3" } };
    const withRows = renamedWorkbook(columnMapSheet([["电子保函", "保证金金额", "保证金额（元）"]]));
    const first = sourceOver(withRows, old);
    await expect(first.source.writeColumnMapping(ENTRY)).resolves.toEqual({ cell: "列名对照!A3", created: false, existed: false });
    const empty = sourceOver(renamedWorkbook(sheet("列名对照", [])), old);
    await expect(empty.source.writeColumnMapping(ENTRY)).resolves.toEqual({ cell: "列名对照!A2", created: false, existed: false });
    expect(empty.sim.workbook.sheets.find((s) => s.name === "列名对照")!.cells[1]).toEqual(["学习记录", "形式", "学习方式"]);
  });

  it("refuses a sheet with text but no header row, writing nothing", async () => {
    const wb = renamedWorkbook(sheet("列名对照", [["这里是说明"]]));
    const before = clone(wb);
    const { sim, source } = sourceOver(wb);
    await expect(source.writeColumnMapping(ENTRY)).rejects.toMatchObject({ code: "excel.column_map_no_header", cell: "列名对照!A1" });
    expect(changedCells(before, sim.workbook)).toEqual({});
  });

  it("says so when the sheet is protected", async () => {
    const wb = renamedWorkbook(columnMapSheet([], { protected: true }));
    const { source } = sourceOver(wb);
    await expect(source.writeColumnMapping(ENTRY)).rejects.toMatchObject({ code: "excel.sheet_protected" });
  });

  it("says so when the workbook's structure is protected and the sheet must be added", async () => {
    const wb = renamedWorkbook();
    wb.structureProtected = true;
    const { sim, source } = sourceOver(wb);
    await expect(source.writeColumnMapping(ENTRY)).rejects.toMatchObject({ code: "excel.sheet_protected" });
    expect(sim.workbook.sheets.map((s) => s.name)).not.toContain("列名对照");
  });
});
