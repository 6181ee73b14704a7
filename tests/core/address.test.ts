import {
  cellAddress,
  columnIndex,
  columnLetters,
  formatAddress,
  formatRef,
  parseAddress,
  parseRef,
  quoteSheet,
  splitAreas,
  splitSheet,
} from "../../src/core/address";

describe("cell addresses", () => {
  it("names columns the way Excel does, past Z and ZZ", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
    for (let i = 0; i < 2000; i++) expect(columnIndex(columnLetters(i))).toBe(i);
  });
  it("quotes sheet names only where Excel would", () => {
    expect(cellAddress("电子保函", 11, 2)).toBe("电子保函!C12");
    expect(cellAddress("电子保函-交易二科", 0, 0)).toBe("'电子保函-交易二科'!A1");
    expect(cellAddress("it's", 0, 0)).toBe("'it''s'!A1");
  });
  it("reads back every address it writes", () => {
    for (const sheet of ["电子保函", "电子保函-交易二科", "it's", "2022年 学习"]) {
      expect(parseAddress(cellAddress(sheet, 41, 27))).toEqual({ sheet, row: 41, col: 27 });
    }
    expect(parseAddress("nonsense")).toBeNull();
  });
});

describe("range references as Excel's API spells them", () => {
  it("reads cells, blocks, whole rows and whole columns, and writes them back the same way", () => {
    for (const ref of ["B2", "A1:C9", "5:9", "A:C", "XFD1048576"]) expect(formatRef(parseRef(ref)!)).toBe(ref);
    expect(parseRef("$C$9:$A$1")).toEqual({ top: 0, left: 0, bottom: 8, right: 2 });
  });
  it("refuses whole rows and columns where a bounded block is needed, and anything off the grid", () => {
    expect(parseRef("5:9", { cellsOnly: true })).toBeNull();
    expect(parseRef("A:C", { cellsOnly: true })).toBeNull();
    expect(parseRef("A1:B2", { cellsOnly: true })).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
    expect(parseRef("A1048577")).toBeNull();
    expect(parseRef("A1:B")).toBeNull();
  });
  it("splits the sheet off, quoted or not, and areas at the commas outside quotes", () => {
    expect(splitSheet("'电子保函-交易二科'!B2")).toEqual({ sheet: "电子保函-交易二科", ref: "B2" });
    expect(splitSheet("学习记录!A1:C3")).toEqual({ sheet: "学习记录", ref: "A1:C3" });
    expect(splitSheet("A1")).toEqual({ sheet: null, ref: "A1" });
    expect(splitAreas("Sheet1!A1:B2, 'a, b'!C3")).toEqual(["Sheet1!A1:B2", "'a, b'!C3"]);
    expect(formatAddress("a, b", { top: 2, left: 2, bottom: 2, right: 2 })).toBe("'a, b'!C3");
  });
});

describe("quoteSheet quotes exactly what Excel quotes, for every kind of character", () => {
  test("a name of letters, digits, underscores and CJK stays bare; anything else is quoted", () => {
    const asExcel = (sheet: string) => (/^[\p{L}\p{N}_]+$/u.test(sheet) && !/^\d/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);
    const names = [
      "电子保函",
      "电子保函-交易二科",
      "Sheet1",
      "sheet_2",
      "2022年",
      "报告 设置",
      "",
      "O'Brien",
      "Ａ表",
      "Ⅻ",
      "é表",
      "表①",
      "〇号表",
      "𠀀表",
      "表（一）",
      "α",
    ];
    for (const name of names) expect([name, quoteSheet(name)]).toEqual([name, asExcel(name)]);
  });
});
