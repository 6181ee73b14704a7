import type { RawCell, RawTable, RawWorkbook, ReportSettings } from "../../../src/core/types";
import {
  defaultSettings,
  newWorkbookSettings,
  readSettings,
  reportYearDue,
  settingsToRows,
  SETTINGS_ITEMS,
} from "../../../src/core/settings";
import { SETTINGS_HEADERS } from "../../../src/core/workbook/spec";

function workbook(rows: RawCell[][], at: Partial<RawTable> = {}, date1904 = false): RawWorkbook {
  return { name: "台账.xlsx", date1904, tables: [{ sheet: "报告设置", top: 0, left: 0, values: rows, ...at }] };
}

const header: RawCell[] = ["项目", "值"];

/** Every setting filled, the ones a fresh workbook leaves blank too. */
const full: ReportSettings = {
  ...defaultSettings(2023),
  scope: "交易一科",
  workbookId: "0f8fad5b-d9cb-469f-a165-70867728950e",
  signature: "张三",
  signatureDate: "2024-01-10",
};

/** Every name a report prints, blank: what a workbook gets where it names nothing — never the sample's names. */
const NO_NAMES = { orgName: "", orgShort: "", reporter: "", jointIssuer: "", platformName: "", city: "" };

describe("SETTINGS_ITEMS", () => {
  test("names every setting once, with the 项目 labels of the 报告设置 sheet", () => {
    // As the sheet lists them, read as one enumeration.
    expect(SETTINGS_ITEMS.map((i) => i.label).join("、")).toBe(
      "年度、期间开始、期间结束、单位名称、单位简称、述职人、联合发文单位、平台名称、城市、统计范围、报告模板、工作簿ID、落款、落款日期",
    );
    expect(new Set(SETTINGS_ITEMS.map((i) => i.key)).size).toBe(Object.keys(defaultSettings()).length);
  });
});

describe("settingsToRows and readSettings", () => {
  test("round-trip every setting through the 项目/值 rows", () => {
    const read = readSettings(workbook([[...SETTINGS_HEADERS], ...settingsToRows(full)]));
    expect(read).toMatchObject({ settings: full, issues: [], fromWorkbook: true });
    // Each item's 值 cell is known, for issues that must point there (统计范围 is the 10th item, row 11).
    expect(read.cells.scope).toBe("报告设置!B11");
  });

  test("round-trip the defaults, blank signature included", () => {
    expect(readSettings(workbook([header, ...settingsToRows(defaultSettings(2022))])).settings).toEqual(defaultSettings(2022));
  });

  test("write the year and dates as plain text rows", () => {
    expect(settingsToRows(full).slice(0, 3)).toEqual([
      ["年度", "2023"],
      ["期间开始", "2023-01-01"],
      ["期间结束", "2023-12-31"],
    ]);
  });
});

describe("readSettings", () => {
  test("falls back to the defaults without the sample's names, with one info issue, when the workbook has no 报告设置 sheet", () => {
    const read = readSettings({ date1904: false, tables: [{ sheet: "电子保函", top: 0, left: 0, values: [["保函编号"]] }] });
    expect(read.settings).toEqual({
      ...defaultSettings(),
      ...NO_NAMES,
    });
    expect(read.fromWorkbook).toBe(false);
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]).toMatchObject({ severity: "info", code: "settings.missing" });
  });

  test("makes the period the calendar year when only 年度 is given", () => {
    const read = readSettings(workbook([header, ["年度", 2024]]));
    expect([read.settings.year, read.settings.periodStart, read.settings.periodEnd]).toEqual([2024, "2024-01-01", "2024-12-31"]);
    expect(read.issues.filter((i) => i.code !== "settings.items_missing")).toEqual([]);
  });

  test("leaves names blank, never the sample's, when their rows are missing, and says which in one warning", () => {
    const read = readSettings(workbook([header, ["年度", 2024], ["单位名称", "甲中心"]]));
    expect(read.settings).toMatchObject({ ...NO_NAMES, orgName: "甲中心" });
    expect(read.issues.map((i) => [i.severity, i.code, i.message])).toEqual([
      [
        "warning",
        "settings.items_missing",
        "报告设置中没有这些项目：单位简称、述职人、联合发文单位、平台名称、城市，报告中相应位置显示为“［待补：…］”（可在“项目”列添加）。",
      ],
    ]);
  });

  test("warns at the 年度 cell when the year is blank", () => {
    const read = readSettings(workbook([header, ["年度", ""], ...settingsToRows(full).slice(3)]));
    expect(read.issues.map((i) => [i.severity, i.code, i.cell])).toEqual([["warning", "settings.blank", "报告设置!B2"]]);
  });

  test("finds the header below a title row and off the first column, and ignores unknown 项目 and extra columns", () => {
    const read = readSettings(
      workbook(
        [
          ["报告设置", "", ""],
          ["", "", ""],
          ["项目", "值", "说明"],
          ["年度", "2021年", "报告年度"],
          ["备注", "自用", ""],
          ["统计范围", "", ""],
        ],
        { top: 3, left: 1, table: "报告设置" },
      ),
    );
    expect(read.settings).toMatchObject({ year: 2021, periodStart: "2021-01-01", periodEnd: "2021-12-31", scope: "全部门" });
    expect(read.issues.filter((i) => i.code !== "settings.items_missing")).toEqual([]);
  });

  test.each<[RawCell, string]>([
    ["2022-07-01", "2022-07-01"],
    ["2022/7/1", "2022-07-01"],
    ["2022年7月1日", "2022-07-01"],
    ["２０２２．７．１", "2022-07-01"],
    ["20220701", "2022-07-01"],
    [44743, "2022-07-01"],
  ])("reads the period start %p as %s", (cell, iso) => {
    expect(readSettings(workbook([header, ["年度", 2022], ["期间开始", cell], ["期间结束", "2023-06-30"]])).settings).toMatchObject({
      periodStart: iso,
      periodEnd: "2023-06-30",
    });
  });

  test("reads Excel serials in the 1904 date system when the workbook uses it", () => {
    expect(readSettings(workbook([header, ["年度", 2022], ["期间结束", 43280]], {}, true)).settings.periodEnd).toBe("2022-06-30");
  });

  test("reports a bad value at its cell and uses the default for it", () => {
    const read = readSettings(
      workbook(
        [
          ["项目", "值"],
          ["年度", "二〇二二"],
          ["期间开始", "2022-02-30"],
          ["期间结束", "#N/A"],
          ["单位名称", "中心"],
        ],
        { top: 1, left: 2 },
      ),
    );
    expect(read.settings).toMatchObject({ year: 2022, periodStart: "2022-01-01", periodEnd: "2022-12-31", orgName: "中心" });
    expect(read.issues.filter((i) => i.code !== "settings.items_missing").map((i) => [i.severity, i.code, i.cell])).toEqual([
      ["error", "settings.excel_error", "报告设置!D5"],
      ["error", "settings.bad_value", "报告设置!D3"],
      ["error", "settings.bad_value", "报告设置!D4"],
    ]);
    expect(read.issues[1].message).toBe("报告设置!D3：年度“二〇二二”不是有效的年份，已使用 2022。");
    expect(read.issues[1].messageEn).toBe('报告设置!D3: 年度 "二〇二二" is not a valid year; using 2022.');
  });

  test("reports a period that ends before it starts at the 期间结束 cell and uses the whole year", () => {
    const read = readSettings(workbook([header, ["年度", 2022], ["期间开始", "2022-12-01"], ["期间结束", "2022-03-31"]]));
    expect([read.settings.periodStart, read.settings.periodEnd]).toEqual(["2022-01-01", "2022-12-31"]);
    expect(read.issues.filter((i) => i.code !== "settings.items_missing").map((i) => [i.code, i.cell])).toEqual([
      ["settings.period_reversed", "报告设置!B4"],
    ]);
  });

  test("warns at the cell when a name is blank, and when the template does not exist", () => {
    const read = readSettings(workbook([header, ["联合发文单位", ""], ["报告模板", "年终总结"]]));
    expect(read.settings).toMatchObject({ jointIssuer: "", template: "default" });
    expect(read.issues.filter((i) => i.code !== "settings.items_missing").map((i) => [i.severity, i.code, i.cell])).toEqual([
      ["warning", "settings.blank", "报告设置!B2"],
      ["warning", "settings.template_unknown", "报告设置!B3"],
    ]);
  });

  test("keeps a signature date typed as an Excel date as ISO, and free text as written", () => {
    expect(readSettings(workbook([header, ["落款日期", 44936]])).settings.signatureDate).toBe("2023-01-10");
    expect(readSettings(workbook([header, ["落款日期", "二〇二三年一月"]])).settings.signatureDate).toBe("二〇二三年一月");
  });

  test("uses the first row when an item is listed twice", () => {
    expect(readSettings(workbook([header, ["城市", "甲市"], ["城市", "乙市"]])).settings.city).toBe("甲市");
  });

  test("warns when the year lies outside the period", () => {
    const read = readSettings(workbook([header, ["年度", 2020], ["期间开始", "2022-01-01"], ["期间结束", "2022-12-31"]]));
    expect(read.issues.filter((i) => i.code !== "settings.items_missing").map((i) => [i.severity, i.code, i.cell])).toEqual([
      ["warning", "settings.year_outside_period", "报告设置!B2"],
    ]);
  });

  test("gives the year and the period on the issue, so no one reads them back out of its words", () => {
    const read = readSettings(workbook([header, ["年度", 2020], ["期间开始", "2022-01-01"], ["期间结束", "2022-12-31"]]));
    expect(read.issues.find((i) => i.code === "settings.year_outside_period")).toMatchObject({
      year: 2020,
      period: { start: "2022-01-01", end: "2022-12-31" },
    });
  });
});

describe("readSettings with overrides", () => {
  const sheet = () => workbook([header, ...settingsToRows({ ...full, year: 2022, periodStart: "2022-01-01", periodEnd: "2022-12-31" })]);

  test("puts overridden values over the workbook's", () => {
    const read = readSettings(sheet(), { scope: "交易二科", signature: "" });
    expect(read.settings).toMatchObject({ scope: "交易二科", signature: "", city: "某市", year: 2022 });
    expect(read.fromWorkbook).toBe(true);
  });

  test("moves the period with a changed year when no period is given", () => {
    expect(readSettings(sheet(), { year: 2023 }).settings).toMatchObject({
      year: 2023,
      periodStart: "2023-01-01",
      periodEnd: "2023-12-31",
    });
  });

  test("moves a half-year period by the same number of years, keeping a month's last day", () => {
    const wb = workbook([header, ["年度", 2023], ["期间开始", "2022-03-01"], ["期间结束", "2023-02-28"]]);
    expect(readSettings(wb, { year: 2024 }).settings).toMatchObject({ periodStart: "2023-03-01", periodEnd: "2024-02-29" });
  });

  test("keeps an explicitly given period when the year changes too", () => {
    expect(readSettings(sheet(), { year: 2023, periodStart: "2023/7/1", periodEnd: "2023-12-31" }).settings).toMatchObject({
      year: 2023,
      periodStart: "2023-07-01",
      periodEnd: "2023-12-31",
    });
  });

  test("moves the default period with the year when the workbook has no settings", () => {
    expect(readSettings({ date1904: false, tables: [] }, { year: 2025 }).settings).toMatchObject({
      year: 2025,
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
    });
  });

  test("ignores an invalid override with an error issue that has no cell", () => {
    const read = readSettings(sheet(), { periodEnd: "去年年底" });
    expect(read.settings.periodEnd).toBe("2022-12-31");
    expect(read.issues).toEqual([
      {
        severity: "error",
        code: "settings.bad_override",
        message: "指定的期间结束“去年年底”无效，已忽略。",
        messageEn: 'The period end given ("去年年底") is not valid and was ignored.',
      },
    ]);
  });
});

describe("a new workbook's settings", () => {
  test("name the year whose report is due: this year from March, last year in January and February", () => {
    expect(reportYearDue(new Date(2026, 11, 6))).toBe(2026);
    expect(reportYearDue(new Date(2026, 2, 1))).toBe(2026);
    expect(reportYearDue(new Date(2027, 1, 15))).toBe(2026);
    expect(reportYearDue(new Date(2027, 0, 1))).toBe(2026);
  });

  test("carry the due year's whole-year period and no names at all", () => {
    const december = newWorkbookSettings(new Date(2026, 11, 6), "id-1");
    expect(december).toEqual({
      year: 2026,
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      ...NO_NAMES,
      scope: "全部门",
      template: "default",
      workbookId: "id-1",
      signature: "",
      signatureDate: "",
    });
    expect(newWorkbookSettings(new Date(2027, 1, 20))).toMatchObject({ year: 2026, periodStart: "2026-01-01", periodEnd: "2026-12-31" });
  });

  test("read back from 报告设置 with a warning at each blank name's cell", () => {
    const read = readSettings(workbook([header, ...settingsToRows(newWorkbookSettings(new Date(2026, 11, 6), "id-1"))]));
    expect(read.settings.year).toBe(2026);
    const blanks = read.issues.filter((i) => i.code === "settings.blank").map((i) => i.cell);
    // 单位名称 … 城市 are items 4–9 of 报告设置, rows 5–10.
    expect(blanks).toEqual(["报告设置!B5", "报告设置!B6", "报告设置!B7", "报告设置!B8", "报告设置!B9", "报告设置!B10"]);
  });
});
