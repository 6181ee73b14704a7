import { DEFAULT_DEFINITIONS, evaluateFigures } from "../../../src/core/figures";
import { readLedgers } from "../../../src/core/ledger";
import type { RawCell } from "../../../src/core/types";
import { sheet, workbook } from "../ledger/build";
import { YEAR_2022 } from "./build";

/** partners.count over a 共建单位 sheet built from these rows under this header. */
function partnersCount(header: RawCell[], rows: RawCell[][]) {
  const ledgers = readLedgers(workbook(sheet("共建单位", [header, ...rows])), { periodEnd: YEAR_2022.periodEnd });
  const result = evaluateFigures(
    DEFAULT_DEFINITIONS.filter((d) => d.id === "partners.count"),
    ledgers,
    YEAR_2022,
  );
  return { value: result.figures[0].value, rows: result.figures[0].rowRefs.map((r) => r.row), issues: result.issues };
}

const HEADER: RawCell[] = ["单位名称", "协议签订日期", "状态", "终止日期"];

describe("a partner whose 终止日期 contradicts 状态 有效", () => {
  it("counts 有效 with a 终止日期 on or before the period end as ended, with a warning at the date's cell", () => {
    const result = partnersCount(HEADER, [
      ["甲社区", "2021-03-01", "有效", "2022-08-01"],
      ["乙街道", "2021-03-01", "有效", "2022-12-31"],
      ["丙学校", "2021-03-01", "有效", ""],
    ]);
    expect(result.value).toBe(1);
    expect(result.rows).toEqual([4]);
    const warned = result.issues.filter((i) => i.code === "partner.active_with_end_date");
    expect(warned.map((i) => [i.severity, i.cell])).toEqual([
      ["warning", "共建单位!D2"],
      ["warning", "共建单位!D3"],
    ]);
    expect(warned[0].message).toContain("状态为有效");
    expect(warned[0].message).toContain("按已终止计算");
    expect(warned[0].messageEn).toContain("counted as ended");
  });
  it("counts a blank 状态 with a past 终止日期 as ended too", () => {
    const result = partnersCount(HEADER, [["甲社区", "2021-03-01", "", "2022-05-01"]]);
    expect(result.value).toBe(0);
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([["partner.active_with_end_date", "共建单位!D2"]]);
  });
  it("counts 有效 with a 终止日期 after the period end as active, without a warning", () => {
    const result = partnersCount(HEADER, [["甲社区", "2021-03-01", "有效", "2023-04-01"]]);
    expect(result.value).toBe(1);
    expect(result.issues).toEqual([]);
  });
  it("counts a unit as ended by its 终止日期 when the sheet has no 状态 column at all", () => {
    const result = partnersCount(
      ["单位名称", "协议签订日期", "终止日期"],
      [
        ["甲社区", "2021-03-01", "2022-08-01"],
        ["乙街道", "2021-03-01", ""],
      ],
    );
    expect(result.value).toBe(1);
    expect(result.rows).toEqual([3]);
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([["partner.active_with_end_date", "共建单位!C2"]]);
  });
  it("keeps counting 终止 without a 终止日期 as ended, warned as before", () => {
    const result = partnersCount(HEADER, [
      ["甲社区", "2021-03-01", "终止", ""],
      ["乙街道", "2021-03-01", "终止", "2023-01-15"],
    ]);
    expect(result.value).toBe(1);
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([["partner.terminated_without_date", "共建单位!D2"]]);
  });
});
