import { matchLedgerName } from "../../../src/core/ledger/names";

describe("matching sheet and table names to ledgers", () => {
  it("finds a ledger by its Chinese name, English name or alias", () => {
    expect(matchLedgerName("学习记录")).toEqual({ ledger: "学习记录" });
    expect(matchLedgerName("EGuarantees")).toEqual({ ledger: "电子保函" });
    expect(matchLedgerName("studysessions")).toEqual({ ledger: "学习记录" });
    expect(matchLedgerName("党建共建")).toEqual({ ledger: "共建单位" });
    expect(matchLedgerName("人员名单")).toEqual({ ledger: "人员" });
  });
  it("looks through years, 台账 and spaces around the name", () => {
    expect(matchLedgerName("2022年学习记录台账")).toEqual({ ledger: "学习记录" });
    expect(matchLedgerName(" 2022年 电子保函 台账 ")).toEqual({ ledger: "电子保函" });
  });
  it("reads the department after a separator or in brackets", () => {
    expect(matchLedgerName("电子保函台账（交易一科）")).toEqual({ ledger: "电子保函", department: "交易一科" });
    expect(matchLedgerName("电子保函-交易二科")).toEqual({ ledger: "电子保函", department: "交易二科" });
    expect(matchLedgerName("电子保函－交易三科")).toEqual({ ledger: "电子保函", department: "交易三科" });
    expect(matchLedgerName("EGuarantees_Dept2")).toEqual({ ledger: "电子保函", department: "Dept2" });
    expect(matchLedgerName("学习记录[办公室]")).toEqual({ ledger: "学习记录", department: "办公室" });
  });
  it("does not take a year in brackets for a department", () => {
    expect(matchLedgerName("学习记录（2022年）")).toEqual({ ledger: "学习记录" });
  });
  it("prefers the longest name it finds, so an activity sheet about 共建 stays an activity ledger", () => {
    expect(matchLedgerName("共建活动台账")).toEqual({ ledger: "活动记录" });
  });
  it("says null for names that are no ledger", () => {
    for (const n of ["Sheet1", "报告设置", "指标定义", "", "Table1"]) expect(matchLedgerName(n)).toBeNull();
  });
});

describe("a name Excel gives a copied sheet", () => {
  it("names the department of the sheet it was copied from, never one with the copy's number", () => {
    expect(matchLedgerName("电子保函-交易一科 (2)")).toEqual({ ledger: "电子保函", department: "交易一科" });
    expect(matchLedgerName("电子保函台账（交易二科） (3)")).toEqual({ ledger: "电子保函", department: "交易二科" });
    expect(matchLedgerName("学习记录 (2)")).toEqual({ ledger: "学习记录" });
  });
});
