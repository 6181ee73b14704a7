import { evaluateFigures, parseConditions } from "../../../src/core/figures";
import type { FigureDefinition } from "../../../src/core/types";
import { EG_HEADER, sheet, readBesideRequired } from "../ledger/build";

const YEAR_2022 = { periodStart: "2022-01-01", periodEnd: "2022-12-31", scope: "全部门" };

function count(conditions: string): number | null {
  const parsed = parseConditions(conditions);
  if (!Array.isArray(parsed)) throw new Error(parsed.errorEn);
  const def: FigureDefinition = {
    id: "t.fig",
    name: "测试",
    ledger: "电子保函",
    aggregate: { kind: "count" },
    conditions: parsed,
    period: "all",
    format: "integer",
    manualValue: null,
  };
  const ledgers = readBesideRequired(
    sheet("电子保函", [
      EG_HEADER,
      ["BH-1", "2022-01-01", "甲", "", 100, "已撤销"],
      ["BH-2", "2022-01-02", "乙", "", 100, "作废"],
      ["BH-3", "2022-01-03", "丙", "", 100, "正常"],
    ]),
  );
  return evaluateFigures([def], ledgers, YEAR_2022).figures[0].value;
}

describe("a figure's condition in the clerk's own status words", () => {
  it("counts revoked guarantees where the condition says 状态=已撤销 or 状态=作废, as 状态=撤销 does", () => {
    expect(count("状态=撤销")).toBe(2);
    expect(count("状态=已撤销")).toBe(2);
    expect(count("状态=作废")).toBe(2);
  });
  it("reads 状态≠作废 and 状态=正常 as the canonical values too", () => {
    expect(count("状态≠作废")).toBe(1);
    expect(count("状态=正常")).toBe(1);
  });
});
