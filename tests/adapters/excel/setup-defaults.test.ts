// What the pane's 初始化工作簿 writes into a new workbook: the year due, its period, and no answers.
import { defaultSetUpConfig } from "../../../src/adapters/excel/setup-defaults";
import { DEFINITION_HEADERS } from "../../../src/core/figures";

const value = (rows: [string, string][], item: string) => rows.find(([k]) => k === item)?.[1];

describe("初始化工作簿's 报告设置 and 指标定义", () => {
  it("name this year's report in December and last year's in February, with the whole year as the period", () => {
    const december = defaultSetUpConfig(new Date(2026, 11, 6)).settingsRows;
    expect([value(december, "年度"), value(december, "期间开始"), value(december, "期间结束")]).toEqual([
      "2026",
      "2026-01-01",
      "2026-12-31",
    ]);
    const february = defaultSetUpConfig(new Date(2027, 1, 15)).settingsRows;
    expect([value(february, "年度"), value(february, "期间开始"), value(february, "期间结束")]).toEqual([
      "2026",
      "2026-01-01",
      "2026-12-31",
    ]);
  });

  it("leave every name, the workbook id (set-up fills it) and every 手工值 blank", () => {
    const config = defaultSetUpConfig(new Date(2026, 11, 6));
    for (const item of ["单位名称", "单位简称", "述职人", "联合发文单位", "平台名称", "城市", "工作簿ID", "落款"]) {
      expect([item, value(config.settingsRows, item)]).toEqual([item, ""]);
    }
    const manual = DEFINITION_HEADERS.indexOf("手工值");
    expect(config.definitionRows.map((r) => r[manual])).toEqual(config.definitionRows.map(() => ""));
  });
});
