import { evaluateFigures } from "../../../src/core/figures";
import { YEAR_2022, figureDef } from "./build";
import { EG_HEADER, sheet, readBesideRequired } from "../ledger/build";

function count(conditions: string): number | null {
  const ledgers = readBesideRequired(
    sheet("电子保函", [
      EG_HEADER,
      ["BH-1", "2022-01-01", "甲", "", 100, "已撤销"],
      ["BH-2", "2022-01-02", "乙", "", 100, "作废"],
      ["BH-3", "2022-01-03", "丙", "", 100, "正常"],
    ]),
  );
  return evaluateFigures([figureDef("电子保函", conditions)], ledgers, YEAR_2022).figures[0].value;
}

describe("a figure's condition in the clerk's own status words", () => {
  // Of the three guarantees, 已撤销 and 作废 are revoked (撤销) and 正常 is valid (有效).
  it.each(["状态=撤销", "状态=已撤销", "状态=作废"])("counts the two revoked guarantees where the condition says %s", (condition) => {
    expect(count(condition)).toBe(2);
  });
  it.each(["状态≠作废", "状态=正常"])("reads %s as the canonical values too: the one valid guarantee", (condition) => {
    expect(count(condition)).toBe(1);
  });
});
