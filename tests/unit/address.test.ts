import { cellAddress, columnIndex, columnLetters, parseAddress } from "../../src/core/address";

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
