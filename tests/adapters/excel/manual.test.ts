// Writing a manual figure's 手工值 back into 指标定义 over the simulated Excel host.
import { createExcelWorkbookSource } from "../../../src/adapters/excel";
import { runEngine } from "../../../src/core/engine";
import type { RawCell } from "../../../src/core/types";
import { createSimulatedExcel, type SimSheet, type SimWorkbook } from "../../../src/simulated-host";
import { changedCells, clone, sheet, smallWorkbook, sourceOver } from "./fixtures";

const HEADERS = ["指标ID", "名称", "台账", "统计", "条件", "区间", "格式", "手工值"];
const ROWS: RawCell[][] = [
  ["goals.count", "目标要求条数", "", "", "", "", "整数", 20],
  ["eg.count", "电子保函笔数", "电子保函", "计数", "状态≠撤销", "截至期末", "整数", null],
  ["xxqg.rank", "学习强国排名", "", "", "", "", "整数", 10],
];

/** 指标定义 the way 初始化工作簿 lays it out: table FigureDefinitions from A1. */
function definitionsSheet(extra: Partial<SimSheet> = {}, name = "指标定义"): SimSheet {
  return sheet(name, [HEADERS, ...ROWS.map((r) => [...r])], {
    tables: [{ name: "FigureDefinitions", range: { top: 0, left: 0, bottom: ROWS.length, right: HEADERS.length - 1 } }],
    ...extra,
  });
}

function workbookWith(...sheets: SimSheet[]): SimWorkbook {
  const wb = smallWorkbook();
  wb.sheets.push(...sheets);
  return wb;
}

/** Writes a manual value through the adapter: where it says it wrote, the cells that changed, and the round trips it took. */
async function writeOver(wb: SimWorkbook, id: string, value: number | null) {
  const before = clone(wb);
  const { sim, source } = sourceOver(wb);
  const at = await source.writeManualValue(id, value);
  return { at, changed: changedCells(before, sim.workbook), syncs: sim.stats.syncs, before, sim };
}

describe("writing a manual value into 指标定义", () => {
  it("writes only the figure's 手工值 cell, as a number, in two round trips", async () => {
    const { at, changed, syncs, before, sim } = await writeOver(workbookWith(definitionsSheet()), "goals.count", 25);
    expect({ at, changed, syncs }).toEqual({ at: { cell: "指标定义!H2" }, changed: { "指标定义!H2": 25 }, syncs: 2 });
    expect(sim.workbook.sheets.map((s) => s.numberFormats)).toEqual(before.sheets.map((s) => s.numberFormats));
  });

  it("clears the cell when the value is null, leaving the rest of the row alone", async () => {
    const { at, changed, syncs } = await writeOver(workbookWith(definitionsSheet()), "xxqg.rank", null);
    expect({ at, changed, syncs }).toEqual({ at: { cell: "指标定义!H4" }, changed: { "指标定义!H4": null }, syncs: 2 });
  });

  it("the engine reads the new value on the next read", async () => {
    const { source } = sourceOver(workbookWith(definitionsSheet()));
    await source.writeManualValue("goals.count", 25);
    const { workbook } = await source.read();
    const goals = runEngine(workbook).figures.find((f) => f.id === "goals.count")!;
    expect([goals.value, goals.text, goals.manual]).toEqual([25, "25", true]);
  });

  it("turns a text-formatted 手工值 cell to General so the number is not stored as text", async () => {
    const wb = workbookWith(definitionsSheet({ numberFormats: { "1,7": "@", "3,7": "#,##0" } }));
    const { sim, source } = sourceOver(wb);
    await source.writeManualValue("goals.count", 25);
    await source.writeManualValue("xxqg.rank", 1200);
    const defs = sim.workbook.sheets.find((s) => s.name === "指标定义")!;
    expect(defs.numberFormats).toEqual({ "3,7": "#,##0" });
    expect([defs.cells[1][7], defs.cells[3][7]]).toEqual([25, 1200]);
  });

  it("finds the row on a clerk's own 指标定义 below a title, with 手工值 not in the last column", async () => {
    const defs = sheet("指标定义", [
      ["2022年指标定义（请勿删除）"],
      [],
      [null, "指标ID", "名称", "手工值", "台账", "统计", "条件", "区间", "格式"],
      [null, "xxqg.threshold", "学习强国分数线", 40, "", "", "", "", "整数"],
      [null, " goals.count ", "目标要求条数", 20, "", "", "", "", "整数"],
    ]);
    const { at, changed, syncs } = await writeOver(workbookWith(defs), "goals.count", 30);
    expect({ at, changed, syncs }).toEqual({ at: { cell: "指标定义!D5" }, changed: { "指标定义!D5": 30 }, syncs: 2 });
  });

  it("finds table FigureDefinitions on a sheet with another name", async () => {
    const { at, changed, syncs } = await writeOver(workbookWith(definitionsSheet({}, "指标")), "goals.count", 25);
    expect({ at, changed, syncs }).toEqual({ at: { cell: "指标!H2" }, changed: { "指标!H2": 25 }, syncs: 2 });
  });

  it("still finds the cell step by step when the host refuses the look-ahead batch", async () => {
    const wb = workbookWith(definitionsSheet());
    const before = clone(wb);
    const sim = createSimulatedExcel(wb);
    let refused = false;
    // Excel may refuse calls chained on a null object; the first sync here fails as it would then.
    const run = ((batch: (context: Excel.RequestContext) => Promise<unknown>) =>
      sim.Excel.run(async (context: Excel.RequestContext) => {
        const sync = context.sync.bind(context);
        (context as { sync: () => Promise<unknown> }).sync = async () => {
          await sync();
          if (!refused) {
            refused = true;
            throw Object.assign(new Error("The object path isn't working."), { code: "InvalidObjectPath" });
          }
        };
        return batch(context);
      })) as unknown as typeof Excel.run;
    const source = createExcelWorkbookSource(run, { isSetSupported: sim.isSetSupported });
    await expect(source.writeManualValue("goals.count", 25)).resolves.toEqual({ cell: "指标定义!H2" });
    expect(refused).toBe(true);
    expect(changedCells(before, sim.workbook)).toEqual({ "指标定义!H2": 25 });
  });
});

describe("refusing to write a manual value", () => {
  /** Writes a manual value the adapter must refuse: returns the error, having checked the workbook is as it was. */
  async function refusedWrite(wb: SimWorkbook, id = "goals.count", value = 25) {
    const before = clone(wb);
    const { sim, source } = sourceOver(wb);
    const error = await source.writeManualValue(id, value).then(
      (written) => new Error(`written where it should be refused: ${JSON.stringify(written)}`),
      (e: unknown) => e,
    );
    expect(wb).toEqual(before);
    return { error, sim };
  }
  /** What a refusal carries: its class and code, the cell it names (if any), and its message in each language containing the words given. */
  const refusal = (code: string, cell: string | undefined, zh: string, en?: string) => ({
    name: "WorkbookSourceError",
    code,
    ...(cell ? { cell } : {}),
    message: expect.stringContaining(zh),
    ...(en ? { messageEn: expect.stringContaining(en) } : {}),
  });

  it("tells the clerk to run 初始化工作簿 when the workbook has no 指标定义, writing nothing", async () => {
    const wb = smallWorkbook();
    const { error, sim } = await refusedWrite(wb);
    expect(error).toMatchObject(refusal("excel.definitions_missing", undefined, "初始化工作簿", "Set up workbook"));
    expect(sim.stats.syncs).toBeLessThanOrEqual(2);
  });

  it("names the sheet and the cell when 指标定义 is protected, writing nothing", async () => {
    const wb = workbookWith(definitionsSheet({ protected: true }));
    const { error, sim } = await refusedWrite(wb);
    expect(error).toMatchObject(
      refusal("excel.sheet_protected", "指标定义!H2", "工作表「指标定义」受保护", 'Sheet "指标定义" is protected'),
    );
    expect(sim.stats.syncs).toBe(2);
  });

  it("says the figure is not in 指标定义 when its id has no row", async () => {
    const wb = workbookWith(definitionsSheet());
    const { error } = await refusedWrite(wb, "goals.total");
    expect(error).toMatchObject(refusal("excel.figure_not_found", undefined, "“goals.total”", '"goals.total"'));
  });

  it("asks for a 手工值 column when the header row has none", async () => {
    const wb = workbookWith(
      sheet("指标定义", [
        ["指标ID", "名称", "台账"],
        ["goals.count", "目标要求条数", ""],
      ]),
    );
    const { error } = await refusedWrite(wb);
    expect(error).toMatchObject(refusal("excel.manual_column_missing", "指标定义!A1", "手工值"));
  });

  it("says the built-in definitions are in use when 指标定义 has no 指标ID header row", async () => {
    const wb = workbookWith(sheet("指标定义", [["随便写的备注"]]));
    const { error } = await refusedWrite(wb);
    expect(error).toMatchObject({ name: "WorkbookSourceError", code: "excel.definitions_no_header", cell: "指标定义!A1" });
  });

  it("refuses a value that is not a finite number without touching the workbook", async () => {
    const { sim, source } = sourceOver(workbookWith(definitionsSheet()));
    await expect(source.writeManualValue("goals.count", Number.NaN)).rejects.toMatchObject({ code: "excel.bad_manual_value" });
    expect(sim.stats.syncs).toBe(0);
  });
});
