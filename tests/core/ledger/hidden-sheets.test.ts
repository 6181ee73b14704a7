// A ledger read from a sheet hidden in Excel counts rows no one sees (a hidden copy `电子保函 (2)`
// doubles the figures): the reader says so at that sheet's header, naming a copy's name as such.
import type { RawCell, RawWorkbook } from "../../../src/core/types";
import { readLedgers } from "../../../src/core/ledger/read";
import { rawTable } from "../../helpers/raw-workbook";

const GUARANTEE: RawCell[] = ["保函编号", "开立日期", "投标企业", "保证金金额"];
const ROWS: RawCell[][] = [
  ["C1", "2022-03-01", "甲公司", 1000000],
  ["C2", "2022-05-01", "乙公司", 2000000],
];

function workbook(hiddenSheets?: string[]): RawWorkbook {
  const copy = { ...rawTable("电子保函 (2)", [["电子保函台账"], GUARANTEE, ...ROWS]) };
  return {
    date1904: false,
    tables: [rawTable("电子保函", [GUARANTEE, ...ROWS]), copy, rawTable("说明", [["本工作簿说明"]])],
    ...(hiddenSheets ? { hiddenSheets } : {}),
  };
}

describe("a ledger read from a hidden sheet", () => {
  it("is a warning at that sheet's header, with its rows and that its name is an Excel copy's", () => {
    const { issues } = readLedgers(workbook(["电子保函 (2)", "说明"]));
    const hidden = issues.filter((i) => i.code === "sheet.hidden");
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({ severity: "warning", ledger: "电子保函", cell: "'电子保函 (2)'!A2" });
    expect(hidden[0].message).toContain("“电子保函 (2)”是隐藏的");
    expect(hidden[0].message).toContain("2 行");
    expect(hidden[0].message).toContain("复制");
    expect(hidden[0].messageEn).toContain("copied sheet");
  });

  it("a hidden sheet whose name is no copy's is said without calling it one", () => {
    const { issues } = readLedgers({ date1904: false, tables: [rawTable("电子保函", [GUARANTEE, ...ROWS])], hiddenSheets: ["电子保函"] });
    const hidden = issues.find((i) => i.code === "sheet.hidden");
    expect(hidden?.cell).toBe("电子保函!A1");
    expect(hidden?.message).not.toContain("复制");
    expect(hidden?.messageEn).not.toContain("copied");
  });

  it("nothing is said when no sheet is hidden, or the source cannot tell", () => {
    expect(readLedgers(workbook([])).issues.some((i) => i.code === "sheet.hidden")).toBe(false);
    expect(readLedgers(workbook()).issues.some((i) => i.code === "sheet.hidden")).toBe(false);
  });
});
