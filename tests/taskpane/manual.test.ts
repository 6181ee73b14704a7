// Editing a manual figure in the pane: what the clerk may type, which figures can be edited, and
// saving = writing the cell, then reading the workbook again and recomputing.
import type { EngineResult } from "../../src/core/engine";
import type { FigureDefinition, FigureResult, RawWorkbook } from "../../src/core/types";
import type { ReadStats } from "../../src/adapters/excel/types";
import { ManualSaveError, canEditManual, manualInputText, parseManualInput, saveManualValue } from "../../src/taskpane/model";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { enUS } from "../../src/taskpane/i18n/en-US";

function figure(over: Partial<FigureResult> = {}): FigureResult {
  return {
    id: "goals.count",
    name: "目标要求条数",
    value: 20,
    text: "20",
    rows: 0,
    ledger: null,
    conditions: "",
    period: { kind: "all", label: "全部", start: null, end: "2022-12-31" },
    rowRefs: [],
    fingerprint: "f",
    manual: true,
    ...over,
  };
}

function definition(over: Partial<FigureDefinition> = {}): FigureDefinition {
  return {
    id: "goals.count",
    name: "目标要求条数",
    ledger: null,
    aggregate: { kind: "count" },
    conditions: [],
    period: "all",
    format: "integer",
    manualValue: 20,
    sourceRow: 2,
    ...over,
  };
}

describe("reading what the clerk typed as a manual value", () => {
  it.each([
    ["25", 25],
    [" 25 ", 25],
    ["1,200", 1200],
    ["１２００", 1200],
    ["¥3.5", 3.5],
    ["0", 0],
    ["-0", 0],
    [".5", 0.5],
  ])("reads %j as %p", (text, value) => {
    expect(parseManualInput(text)).toEqual({ ok: true, value });
  });

  it("reads an empty input as clearing the value", () => {
    expect(parseManualInput("   ")).toEqual({ ok: true, value: null });
  });

  it.each(["abc", "25条", "1e3", "2..5", "--1"])("refuses %j as not a number", (text) => {
    expect(parseManualInput(text)).toEqual({ ok: false, reason: "notNumber" });
  });

  it("refuses a negative number", () => {
    expect(parseManualInput("-3")).toEqual({ ok: false, reason: "negative" });
  });

  it("shows a stored value as plain digits and a blank one as empty", () => {
    expect([manualInputText(1200), manualInputText(3.5), manualInputText(null)]).toEqual(["1200", "3.5", ""]);
  });
});

describe("which manual figures the pane can edit", () => {
  it("edits a manual figure whose definition is a row of 指标定义", () => {
    expect(canEditManual(figure(), definition())).toBe(true);
  });

  it("edits a figure whose ledger is missing and which falls back to its manual value", () => {
    expect(canEditManual(figure({ ledger: "人员" }), definition({ ledger: "人员", sourceRow: 17 }))).toBe(true);
  });

  it("does not edit a built-in definition, which has no row to write to", () => {
    expect(canEditManual(figure(), definition({ sourceRow: undefined }))).toBe(false);
  });

  it("does not edit a figure computed from a ledger", () => {
    expect(canEditManual(figure({ manual: false, ledger: "电子保函" }), definition({ ledger: "电子保函" }))).toBe(false);
  });
});

describe("saving a manual value", () => {
  const stats: ReadStats = { roundTrips: 2, largestResponseBytes: 0, cells: 0, mergesUnknown: false };
  const workbook: RawWorkbook = { name: "台账.xlsx", date1904: false, tables: [] };
  const engineResult = { figures: [figure({ value: 25, text: "25" })] } as unknown as EngineResult;

  it("writes the value, then reads the workbook again and recomputes", async () => {
    const calls: string[] = [];
    const saved = await saveManualValue(
      {
        source: {
          writeManualValue: async (id, value) => (calls.push(`write ${id}=${value}`), { cell: "指标定义!H2" }),
          read: async () => (calls.push("read"), { workbook, stats }),
        },
        runEngine: (wb) => (calls.push(`engine ${wb.name}`), engineResult),
      },
      "goals.count",
      25,
    );
    expect(calls).toEqual(["write goals.count=25", "read", "engine 台账.xlsx"]);
    expect(saved).toEqual({ cell: "指标定义!H2", result: engineResult, workbookName: "台账.xlsx" });
  });

  it("reports a failed write as such and does not read the workbook", async () => {
    const refused = Object.assign(new Error("受保护"), { code: "excel.sheet_protected" });
    let reads = 0;
    const saving = saveManualValue(
      {
        source: {
          writeManualValue: async () => {
            throw refused;
          },
          read: async () => (reads++, { workbook, stats }),
        },
        runEngine: () => engineResult,
      },
      "goals.count",
      25,
    );
    await expect(saving).rejects.toMatchObject({ name: "ManualSaveError", code: "manual.write", stage: "write", cause: refused });
    // Nothing was written, so the error names no cell.
    expect(((await saving.catch((e: unknown) => e)) as ManualSaveError).cell).toBeUndefined();
    expect(reads).toBe(0);
  });

  it("says the cell was written when only the reading afterwards fails", async () => {
    const saving = saveManualValue(
      {
        source: {
          writeManualValue: async () => ({ cell: "指标定义!H2" }),
          read: async () => {
            throw new Error("busy");
          },
        },
        runEngine: () => engineResult,
      },
      "goals.count",
      null,
    );
    await expect(saving).rejects.toBeInstanceOf(ManualSaveError);
    await expect(saving).rejects.toMatchObject({ stage: "refresh", cell: "指标定义!H2" });
  });
});

describe("the manual value's words", () => {
  it("has every manual-value message in both languages, naming the cell where one is written", () => {
    const keys = Object.keys(zhCN).filter((k) => /^(manual|errorManual|figureManualLedgerMissing)/.test(k)) as (keyof typeof zhCN)[];
    expect(keys.length).toBeGreaterThanOrEqual(15);
    for (const key of keys) expect(enUS[key]).toBeTruthy();
    expect(zhCN.manualSaved.replace("{cell}", "指标定义!H3")).toBe("已写入 指标定义!H3");
    expect(enUS.manualSaved.replace("{cell}", "指标定义!H3")).toBe("Written to 指标定义!H3");
  });
});
