import { evaluateFigures } from "../../../src/core/figures";
import type { FigureDefinition, LedgerRow, LedgerSet } from "../../../src/core/types";
import { YEAR_2022, figureDef } from "./build";

function guarantee(n: number, 开立日期: string, 状态: string, 保证金金额: number): LedgerRow {
  return { sheet: "电子保函", row: n, values: { 开立日期, 状态, 保证金金额, 投标企业: `企业${n}` }, department: null };
}

const ledgers: LedgerSet = {
  ledgers: {
    电子保函: {
      name: "电子保函",
      sources: [],
      columns: [],
      rows: [
        guarantee(2, "2022-03-01", "有效", 100),
        guarantee(3, "2022-04-01", "撤销", 200),
        guarantee(4, "2023-01-05", "有效", 300),
        guarantee(5, "2021-12-31", "有效", 400),
      ],
      excluded: 0,
    },
  },
  issues: [],
};

/** Figure `id`: the guarantees meeting `conditions` up to the period end. */
const def = (id: string, conditions: string, extra: Partial<FigureDefinition> = {}) =>
  figureDef("电子保函", conditions, { id, name: id, period: "toEnd", ...extra });

describe("rowRefs of evaluated figures", () => {
  const run = () =>
    evaluateFigures(
      [
        def("count", "状态≠撤销"),
        def("amount", "状态≠撤销", { aggregate: { kind: "sum", column: "保证金金额" }, format: "wan" }),
        def("current", "状态≠撤销", { period: "current" }),
      ],
      ledgers,
      YEAR_2022,
    ).figures;

  it("lists the same rows for figures that share a filter, each in its own array", () => {
    const [count, amount] = run();
    expect(count.rowRefs).toEqual([
      { sheet: "电子保函", row: 2 },
      { sheet: "电子保函", row: 5 },
    ]);
    expect(amount.rowRefs).toEqual(count.rowRefs);
    expect(amount.rowRefs).not.toBe(count.rowRefs);
    expect(amount.value).toBe(500);
  });

  it("keeps figures with another period apart from a shared filter", () => {
    const current = run()[2];
    expect(current.rows).toBe(1);
    expect(current.rowRefs).toEqual([{ sheet: "电子保函", row: 2 }]);
  });

  it("shows rowRefs as an ordinary array to JSON and to object spread", () => {
    const count = run()[0];
    expect(JSON.parse(JSON.stringify(count)).rowRefs).toEqual([
      { sheet: "电子保函", row: 2 },
      { sheet: "电子保函", row: 5 },
    ]);
    expect({ ...count }.rowRefs).toHaveLength(2);
    expect(Object.keys(count)).toContain("rowRefs");
  });

  it("lets a caller replace a figure's rowRefs", () => {
    const count = run()[0];
    count.rowRefs = [];
    expect(count.rowRefs).toEqual([]);
    expect(structuredClone(count).rowRefs).toEqual([]);
  });
});
