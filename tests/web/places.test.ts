import { cellPlace, rowPlaces } from "../../src/web/places";

describe("a place told in words", () => {
  it("names the sheet, the one-based row and the column of a quoted address", () => {
    expect(cellPlace("'2022年学习记录台账'!D30")).toEqual({ sheet: "2022年学习记录台账", cell: "D30", row: 30, column: "D" });
  });

  it("reads a sheet name with an apostrophe and a two-letter column", () => {
    expect(cellPlace("'O''Brien 台账'!AB7")).toEqual({ sheet: "O'Brien 台账", cell: "AB7", row: 7, column: "AB" });
  });

  it("is null for something that is not a cell address", () => {
    expect(cellPlace("电子保函")).toBeNull();
  });

  it("gives a figure's rows per sheet, first met first, as runs of consecutive rows", () => {
    const refs = [
      { sheet: "电子保函-交易一科", row: 5 },
      { sheet: "电子保函-交易一科", row: 3 },
      { sheet: "电子保函-交易一科", row: 4 },
      { sheet: "电子保函（交易二科）", row: 9 },
      { sheet: "电子保函-交易一科", row: 8 },
      { sheet: "电子保函-交易一科", row: 8 },
    ];
    expect(rowPlaces(refs)).toEqual([
      {
        sheet: "电子保函-交易一科",
        runs: [
          [3, 5],
          [8, 8],
        ],
        count: 4,
      },
      { sheet: "电子保函（交易二科）", runs: [[9, 9]], count: 1 },
    ]);
  });
});
