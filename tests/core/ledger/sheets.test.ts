import { isSheetRead } from "../../../src/core/ledger/sheets";

describe("which sheets a file read takes", () => {
  it("takes the ledgers, by sheet or by table name", () => {
    expect(isSheetRead("2022年电子保函台账（交易一科）", [])).toBe(true);
    expect(isSheetRead("Sheet3", ["EGuarantees"])).toBe(true);
  });
  it("takes 报告设置, 指标定义 and 列名对照, so every path honours the clerk's configuration", () => {
    for (const name of ["报告设置", "指标定义", "列名对照", " 列名对照 "]) expect([name, isSheetRead(name, [])]).toEqual([name, true]);
    expect(isSheetRead("Sheet9", ["ColumnNames"])).toBe(true);
    expect(isSheetRead("Sheet5", ["FigureDefinitions"])).toBe(true);
  });
  it("takes exactly what the readers of 报告设置, 指标定义 and 列名对照 take, not names that merely contain theirs", () => {
    expect(isSheetRead("报告设置（旧）", [])).toBe(false);
    expect(isSheetRead("指标定义备份", [])).toBe(false);
  });
  it("leaves other sheets unread", () => {
    expect(isSheetRead("草稿", [])).toBe(false);
    expect(isSheetRead("Sheet1", ["Table1"])).toBe(false);
  });
});
