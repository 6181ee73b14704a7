import { readLedgers } from "../../../src/core/ledger";
import { EG_HEADER, partnerSheet, sheet, studySheet, workbook } from "./build";

describe("a ledger with a header and no records", () => {
  it("warns at its header row that every figure using it is 0", () => {
    const set = readLedgers(
      workbook(studySheet(), partnerSheet(), sheet("电子保函", [["2022年电子保函台账"], EG_HEADER, [], []], { left: 1 })),
    );
    const empty = set.issues.filter((i) => i.code === "ledger.empty");
    expect(empty.map((i) => [i.severity, i.ledger, i.cell])).toEqual([["warning", "电子保函", "电子保函!B2"]]);
    // What to fill, in one line: under which header row, and the required columns as the sheet names them.
    expect(empty[0].message).toContain("“电子保函”台账还没有任何记录");
    expect(empty[0].message).toContain("第 2 行");
    expect(empty[0].message).toContain("保函编号、开立日期、投标企业、保证金金额（元）");
    expect(empty[0].message).toContain("按 0 计入报告");
    expect(empty[0].messageEn).toContain("no records");
    expect(empty[0].messageEn).toContain("row 2");
    expect(empty[0].messageEn).toContain("保函编号, 开立日期, 投标企业, 保证金金额（元）");
  });
  it("says nothing of the kind when the ledger has a record, or when its rows were all left out for errors", () => {
    const withRecord = readLedgers(
      workbook(studySheet(), partnerSheet(), sheet("电子保函", [EG_HEADER, ["BH-1", "2022-01-01", "甲", "", 100, ""]])),
    );
    expect(withRecord.issues.filter((i) => i.code === "ledger.empty")).toEqual([]);
    const allBad = readLedgers(
      workbook(studySheet(), partnerSheet(), sheet("电子保函", [EG_HEADER, ["BH-1", "不是日期", "甲", "", 100, ""]])),
    );
    expect(allBad.issues.filter((i) => i.code === "ledger.empty")).toEqual([]);
    expect(allBad.issues.map((i) => i.code)).toContain("date.unparseable");
  });
  it("is one warning for a ledger split over sheets that are all empty", () => {
    const set = readLedgers(
      workbook(studySheet(), partnerSheet(), sheet("电子保函-一科", [EG_HEADER]), sheet("电子保函-二科", [EG_HEADER])),
    );
    expect(set.issues.filter((i) => i.code === "ledger.empty").map((i) => i.cell)).toEqual(["'电子保函-一科'!A1"]);
  });
});
