import { EG_HEADER, sheet, readBesideRequired } from "./build";

describe("a ledger with a header and no records", () => {
  it("warns at its header row that every figure using it is 0", () => {
    const set = readBesideRequired(sheet("电子保函", [["2022年电子保函台账"], EG_HEADER, [], []], { left: 1 }));
    const empty = set.issues.filter((i) => i.code === "ledger.empty");
    expect(empty.map((i) => [i.severity, i.ledger, i.cell])).toEqual([["warning", "电子保函", "电子保函!B2"]]);
    expect(empty[0].message).toBe("“电子保函”台账没有任何记录：用到它的指标都为 0；如果数据还没有填入，请先填入再生成");
    expect(empty[0].messageEn).toContain("no records");
  });
  it("says nothing of the kind when the ledger has a record, or when its rows were all left out for errors", () => {
    const withRecord = readBesideRequired(sheet("电子保函", [EG_HEADER, ["BH-1", "2022-01-01", "甲", "", 100, ""]]));
    expect(withRecord.issues.filter((i) => i.code === "ledger.empty")).toEqual([]);
    const allBad = readBesideRequired(sheet("电子保函", [EG_HEADER, ["BH-1", "不是日期", "甲", "", 100, ""]]));
    expect(allBad.issues.filter((i) => i.code === "ledger.empty")).toEqual([]);
    expect(allBad.issues.map((i) => i.code)).toContain("date.unparseable");
  });
  it("is one warning for a ledger split over sheets that are all empty", () => {
    const set = readBesideRequired(sheet("电子保函-一科", [EG_HEADER]), sheet("电子保函-二科", [EG_HEADER]));
    expect(set.issues.filter((i) => i.code === "ledger.empty").map((i) => i.cell)).toEqual(["'电子保函-一科'!A1"]);
  });
});
