import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx";
import { runEngine } from "../../src/core/engine";
import type { RawWorkbook } from "../../src/core/types";
import { manualCell, settingsOverrides, withManualValues } from "../../src/web/session";
import { DEFINITION_HEADERS, DEFAULT_DEFINITIONS, definitionToRow } from "../../src/core/figures";

const sample = (): RawWorkbook =>
  readXlsx(new Uint8Array(readFileSync(join(__dirname, "../../examples/sample-ledgers.xlsx"))), { name: "sample-ledgers.xlsx" });

describe("settings changed on the web page", () => {
  it("become engine overrides by their 报告设置 name, the year as a number", () => {
    expect(
      settingsOverrides([
        ["年度", "2023"],
        ["期间开始", "2023-01-01"],
        ["统计范围", "交易一科"],
        ["报告模板", "default"],
      ]),
    ).toEqual({ year: 2023, periodStart: "2023-01-01", scope: "交易一科", template: "default" });
  });

  it("ignore an item the engine does not know and a year that is not a number", () => {
    expect(
      settingsOverrides([
        ["颜色", "红"],
        ["年度", "二〇二三"],
      ]),
    ).toEqual({});
  });
});

describe("a manual value typed on the web page", () => {
  const manualFigure = (wb: RawWorkbook) => runEngine(wb).figures.find((f) => f.manual && f.value !== null)!;

  it("is found at its 指标定义 cell, as the Excel pane would write it", () => {
    const wb = sample();
    const figure = manualFigure(wb);
    expect(manualCell(wb, figure.id)).toMatch(/^指标定义![A-Z]+\d+$/);
  });

  it("is what the engine reads, and the file's own reading is left as it was", () => {
    const wb = sample();
    const figure = manualFigure(wb);
    const before = JSON.stringify(wb);
    const changed = withManualValues(wb, new Map([[figure.id, figure.value! + 7]]));
    expect(runEngine(changed).figures.find((f) => f.id === figure.id)!.value).toBe(figure.value! + 7);
    expect(JSON.stringify(wb)).toBe(before);
  });

  it("cleared (null) leaves the figure without a value, never a quiet 0", () => {
    const wb = sample();
    const figure = manualFigure(wb);
    const result = runEngine(withManualValues(wb, new Map([[figure.id, null]])));
    expect(result.figures.find((f) => f.id === figure.id)!.value).toBeNull();
  });

  it("for a figure 指标定义 does not have is refused with the clerk's words naming the sheet", () => {
    expect(() => manualCell(sample(), "no.such.figure")).toThrow(/指标定义/);
  });

  it("in a workbook without 指标定义 says the built-in definitions are in use", () => {
    const wb = sample();
    const without = { ...wb, tables: wb.tables.filter((t) => t.sheet !== "指标定义") };
    expect(() => manualCell(without, "x")).toThrow(/指标定义/);
    // Headers the set-up writes, so the test notices if 指标定义 stops being where the source looks.
    expect(DEFINITION_HEADERS.length).toBeGreaterThan(0);
    expect(DEFAULT_DEFINITIONS.map(definitionToRow).length).toBeGreaterThan(0);
  });
});
