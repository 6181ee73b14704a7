import { readLedgers } from "../../../src/core/ledger";
import type { RawCell } from "../../../src/core/types";
import { EG_HEADER, codes, sheet, studySheet, workbook, readSheets } from "./build";

const PARTNERS: RawCell[] = ["单位名称", "协议签订日期", "状态", "终止日期"];

function read(egRows: RawCell[][], partnerRows: RawCell[][] = [["某社区党委", "2022-01-05", "", ""]]) {
  return readLedgers(workbook(studySheet(), sheet("共建单位", [PARTNERS, ...partnerRows]), sheet("电子保函", [EG_HEADER, ...egRows])), {
    periodEnd: "2022-12-31",
  });
}

describe("status words clerks actually type", () => {
  it.each(["已撤销", "撤消", "已撤消", "作废", "已作废", " 已撤销 "])(
    "reads a guarantee's 状态 “%s” as 撤销, without a warning",
    (word) => {
      const set = read([["BH-1", "2022-01-01", "甲公司", "", 100, word]]);
      expect(set.ledgers.电子保函?.rows.map((r) => r.values.状态)).toEqual(["撤销"]);
      expect(codes(set.issues)).toEqual([]);
    },
  );
  it.each(["已终止", "解除", "已解除"])("reads a partner's 状态 “%s” as 终止", (word) => {
    const set = read([["BH-1", "2022-01-01", "甲公司", "", 100, ""]], [["某社区党委", "2022-01-05", word, "2022-06-30"]]);
    expect(set.ledgers.共建单位?.rows.map((r) => r.values.状态)).toEqual(["终止"]);
    expect(codes(set.issues)).toEqual([]);
  });
  it.each(["正常", "生效"])("reads 状态 “%s” as 有效 in both ledgers", (word) => {
    const set = read([["BH-1", "2022-01-01", "甲公司", "", 100, word]], [["某社区党委", "2022-01-05", word, ""]]);
    expect(set.ledgers.电子保函?.rows.map((r) => r.values.状态)).toEqual(["有效"]);
    expect(set.ledgers.共建单位?.rows.map((r) => r.values.状态)).toEqual(["有效"]);
  });
  it("makes an unknown 状态 an error at its cell naming the accepted values, and leaves the row out", () => {
    const set = read([
      ["BH-1", "2022-01-01", "甲公司", "", 100, "暂停"],
      ["BH-2", "2022-01-02", "乙公司", "", 200, "有效"],
    ]);
    expect(set.ledgers.电子保函?.rows.map((r) => r.values.保函编号)).toEqual(["BH-2"]);
    expect(set.ledgers.电子保函?.excluded).toBe(1);
    const bad = set.issues.find((i) => i.cell === "电子保函!F2");
    expect(bad?.severity).toBe("error");
    expect(bad?.message).toContain("有效、撤销");
    expect(bad?.message).toContain("该行不计入");
    expect(bad?.messageEn).toContain("left out");
  });
  it("makes an unknown partner 状态 an error too, never counted as 有效", () => {
    const set = read([["BH-1", "2022-01-01", "甲公司", "", 100, ""]], [["某社区党委", "2022-01-05", "待定", ""]]);
    expect(set.ledgers.共建单位?.rows).toEqual([]);
    expect(codes(set.issues)).toContain("error enum.unknown_status 共建单位!C2");
  });
  it("keeps an unknown value of another enum column as 其他 with a warning", () => {
    const set = readSheets(
      sheet("学习记录", [
        ["日期", "形式", "主题"],
        ["2022-03-01", "读书会", "某主题"],
      ]),
    );
    expect(set.ledgers.学习记录?.rows.map((r) => r.values.形式)).toEqual(["其他"]);
    expect(codes(set.issues)).toContain("warning enum.unknown 学习记录!B2");
  });
});
