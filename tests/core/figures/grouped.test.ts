// Table figures (分组计数 / 分组求和): the rows a figure chooses, split by a column, with 未填, 其他,
// 占比 and 合计 — the rules stated at the top of src/core/figures/grouped.ts.
import { evaluateFigures, parseAggregate, aggregateToText } from "../../../src/core/figures";
import {
  ROUNDING_NOTE,
  shareTexts,
  splitTableText,
  tableCells,
  tableChanges,
  tableOfText,
  tableText,
} from "../../../src/core/figures/grouped";
import { formatValue } from "../../../src/core/format";
import { YEAR_2022, figureDef, ledgerOf, ledgerRow, ledgerSet } from "./build";
import type { FieldValue, FigureDefinition, FigureTable, LedgerRow } from "../../../src/core/types";

function guarantee(n: number, 开立日期: string, 出函机构: string | null, 保证金金额: FieldValue, 状态 = "有效"): LedgerRow {
  return ledgerRow("电子保函", n, { 保函编号: `BH${n}`, 开立日期, 投标企业: `企业${n}`, 出函机构, 保证金金额, 状态 });
}

const guarantees = (rows: LedgerRow[]) => ledgerSet(ledgerOf("电子保函", rows));

function tableDef(statistic: string, extra: Partial<FigureDefinition> = {}): FigureDefinition {
  const aggregate = parseAggregate(statistic);
  if (!aggregate) throw new Error(`not a statistic: ${statistic}`);
  return figureDef("电子保函", "", { id: "eg.by_issuer", name: "保函按出函机构", aggregate, period: "current", ...extra });
}

function tableOf(statistic: string, rows: LedgerRow[], extra: Partial<FigureDefinition> = {}): FigureTable {
  const { figures } = evaluateFigures([tableDef(statistic, extra)], guarantees(rows), YEAR_2022);
  const table = figures[0].table;
  if (!table) throw new Error("no table");
  return table;
}

const rows2022 = [
  guarantee(2, "2022-01-05", "甲银行", 1000),
  guarantee(3, "2022-02-05", "乙担保", 500.5),
  guarantee(4, "2022-03-05", "甲银行", 2000),
  guarantee(5, "2022-04-05", null, 300),
  guarantee(6, "2022-05-05", "丙保险", 100),
  guarantee(7, "2021-12-31", "丁银行", 9999), // before the period
  guarantee(8, "2022-06-05", "甲银行", 700, "撤销"), // revoked: never counted
];

describe("the 统计 language for table figures", () => {
  test("分组计数 and 分组求和 read with an optional 前N and print back the same", () => {
    for (const text of ["分组计数:出函机构", "分组计数:出函机构:前3", "分组求和:保证金金额:出函机构", "分组求和:保证金金额:出函机构:前5"])
      expect(aggregateToText(parseAggregate(text)!)).toBe(text);
    expect(parseAggregate("分组求和：保证金金额：出函机构：前 2")).toEqual({
      kind: "sum",
      column: "保证金金额",
      group: { column: "出函机构", top: 2 },
    });
  });

  test("a bare number after the columns is read as 前N (clerks type 分组计数:投标企业:2), and written back as 前N", () => {
    expect(parseAggregate("分组计数:投标企业:2")).toEqual({ kind: "count", group: { column: "投标企业", top: 2 } });
    expect(aggregateToText(parseAggregate("分组求和：保证金金额：部门：3")!)).toBe("分组求和:保证金金额:部门:前3");
    expect(parseAggregate("分组计数:投标企业:0")).toBeNull();
    expect(parseAggregate("分组计数:投标企业:2:3")).toBeNull();
  });

  test("a table statistic missing its column, with an extra one, or with 前0 is not recognised", () => {
    for (const text of ["分组计数:", "分组计数:a:b", "分组求和:保证金金额", "分组计数:出函机构:前0", "分组求和:a|b:c"])
      expect(parseAggregate(text)).toBeNull();
  });
});

describe("a table figure over the chosen rows", () => {
  test("counts each group of the period's rows, largest first, with 合计 equal to the plain count", () => {
    const table = tableOf("分组计数:出函机构", rows2022);
    expect(tableCells(table)).toEqual([
      ["出函机构", "数量", "占比"],
      ["甲银行", "2", "40.0%"],
      ["丙保险", "1", "20.0%"],
      ["乙担保", "1", "20.0%"],
      ["未填", "1", "20.0%"],
      ["合计", "5", "100.0%"],
    ]);
  });

  test("a blank group value is its own row 未填, so the group rows always add up to 合计", () => {
    const table = tableOf("分组计数:出函机构", rows2022);
    expect(table.rows.find((r) => r.kind === "blank")).toMatchObject({ group: "未填", value: 1 });
    expect(table.rows.reduce((s, r) => s + r.value, 0)).toBe(table.total.value);
  });

  test("sums amounts in exact cents per group and formats them with the figure's 格式", () => {
    const table = tableOf("分组求和:保证金金额:出函机构", rows2022, { format: "wan" });
    expect(table.header).toEqual(["出函机构", "金额（万元）", "占比"]);
    expect(table.rows.map((r) => [r.group, r.value])).toEqual([
      ["甲银行", 3000],
      ["乙担保", 500.5],
      ["丙保险", 100],
      ["未填", 300],
    ]);
    expect(table.total).toMatchObject({ value: 3900.5, text: "0.39", share: "100.0%" });
  });

  test("前N keeps the N largest groups and sums the rest into 其他 after 未填", () => {
    const table = tableOf("分组计数:出函机构:前1", rows2022);
    expect(table.rows.map((r) => [r.group, r.value])).toEqual([
      ["甲银行", 2],
      ["未填", 1],
      ["其他", 2],
    ]);
  });

  test("each 占比 is rounded on its own, half up, as any reader computes it (2/7 is 28.6%, never rounded down)", () => {
    expect(shareTexts([2, 5], 7)).toEqual(["28.6%", "71.4%"]);
    expect(shareTexts([1, 1, 1], 3)).toEqual(["33.3%", "33.3%", "33.3%"]);
    // Exactly half a tenth goes up: 1/16 = 6.25%, 1/8 = 12.5%, 1/2000 = 0.05%.
    expect(shareTexts([1, 2, 13], 16)).toEqual(["6.3%", "12.5%", "81.3%"]);
    expect(shareTexts([1, 1999], 2000)).toEqual(["0.1%", "100.0%"]);
    // Amounts of hundreds of 亿元 in cents round without float error.
    expect(shareTexts([5_000_000_000_005, 5_000_000_000_000 * 19], 100_000_000_000_005)).toEqual(["5.0%", "95.0%"]);
  });

  test("three equal groups show 33.3% each and the table carries the rounding note, no share moved to force 100.0%", () => {
    const three = tableOf("分组计数:出函机构", [
      guarantee(2, "2022-01-01", "甲", 1),
      guarantee(3, "2022-01-01", "乙", 1),
      guarantee(4, "2022-01-01", "丙", 1),
    ]);
    expect(three.rows.map((r) => r.share)).toEqual(["33.3%", "33.3%", "33.3%"]);
    expect(three.total.share).toBe("100.0%");
    expect(three.note).toBe(ROUNDING_NOTE);
  });

  test("counts that add up with shares that add up carry no note", () => {
    const table = tableOf("分组计数:出函机构", rows2022);
    expect(table.rows.map((r) => r.share)).toEqual(["40.0%", "20.0%", "20.0%", "20.0%"]);
    expect(table.note).toBeUndefined();
    expect(tableText(table).split("\n")).toHaveLength(3 * 6);
  });

  test("amounts in 亿元 are each rounded as a plain 求和 would show them; 合计 is the plain value; rows that do not add up get the note", () => {
    // The clerk's case: 0.13 + 0.11 + 0.04 + 0.03 = 0.31 shown against 合计 0.30.
    const amounts = [12_600_000, 10_600_000, 3_600_000, 2_600_000];
    const table = tableOf(
      "分组求和:保证金金额:出函机构",
      amounts.map((a, k) => guarantee(2 + k, "2022-01-01", "甲乙丙丁"[k] + "银行", a)),
      { format: "yi" },
    );
    expect(table.rows.map((r) => r.text)).toEqual(amounts.map((a) => formatValue(a, "yi")));
    expect(table.rows.map((r) => r.text)).toEqual(["0.13", "0.11", "0.04", "0.03"]);
    const total = amounts.reduce((s, a) => s + a, 0);
    expect(table.total).toMatchObject({ value: total, text: formatValue(total, "yi") });
    expect(table.total.text).toBe("0.29");
    expect(table.note).toBe(ROUNDING_NOTE);
    expect(tableText(table).split("\n").pop()).toBe(ROUNDING_NOTE);
  });

  test("amounts whose rounded parts add up to the rounded 合计 and shares to 100.0% carry no note", () => {
    const table = tableOf(
      "分组求和:保证金金额:出函机构",
      [guarantee(2, "2022-01-01", "甲", 30_000_000), guarantee(3, "2022-01-01", "乙", 10_000_000)],
      { format: "yi" },
    );
    expect(tableCells(table).slice(1)).toEqual([
      ["甲", "0.30", "75.0%"],
      ["乙", "0.10", "25.0%"],
      ["合计", "0.40", "100.0%"],
    ]);
    expect(table.note).toBeUndefined();
  });

  test("shares alone can call for the note: amounts add up, shares 33.3% × 3 do not", () => {
    const table = tableOf(
      "分组求和:保证金金额:出函机构",
      ["甲", "乙", "丙"].map((g, k) => guarantee(2 + k, "2022-01-01", g, 100)),
    );
    expect(tableCells(table).map((r) => r[1])).toEqual(["金额（元）", "100", "100", "100", "300"]);
    expect(table.note).toBe(ROUNDING_NOTE);
  });

  test("a table's text with its note reads back as the same rows and note, and writes back as shown", () => {
    const three = tableOf(
      "分组计数:出函机构",
      ["甲", "乙", "丙"].map((g, k) => guarantee(2 + k, "2022-01-01", g, 1)),
    );
    const text = tableText(three);
    expect(splitTableText(text)).toEqual({ rows: tableCells(three), note: ROUNDING_NOTE });
    expect(tableText(tableOfText(text)!)).toBe(text);
    expect(tableChanges(text, text)).toEqual([]);
  });

  test("with no rows the table has only 合计 0 and no share, never a made-up 100%", () => {
    const table = tableOf("分组计数:出函机构", []);
    expect(tableCells(table)).toEqual([
      ["出函机构", "数量", "占比"],
      ["合计", "0", "—"],
    ]);
  });

  test("the figure's value is the 合计 and its text every cell, one per line", () => {
    const { figures } = evaluateFigures([tableDef("分组计数:出函机构")], guarantees(rows2022), YEAR_2022);
    expect(figures[0].value).toBe(5);
    expect(figures[0].text).toBe(tableText(figures[0].table!));
    expect(figures[0].text.split("\n").slice(0, 3)).toEqual(["出函机构", "数量", "占比"]);
  });

  test("a group value changing changes the fingerprint, so a refresh sees the table moved", () => {
    const before = evaluateFigures([tableDef("分组计数:出函机构")], guarantees(rows2022), YEAR_2022).figures[0];
    const moved = rows2022.map((r) => (r.row === 6 ? guarantee(6, "2022-05-05", "乙担保", 100) : r));
    const after = evaluateFigures([tableDef("分组计数:出函机构")], guarantees(moved), YEAR_2022).figures[0];
    expect(after.value).toBe(before.value);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  test("a group column the ledger lacks leaves the figure unresolved (table null), never an empty table", () => {
    const { figures, issues } = evaluateFigures([tableDef("分组计数:经办人")], guarantees(rows2022), YEAR_2022);
    expect(figures[0].value).toBeNull();
    expect(figures[0].table).toBeNull();
    expect(figures[0].unresolved?.reason).toContain("分组列“经办人”");
    expect(issues.some((i) => i.code === "figure.column_missing")).toBe(true);
  });
});

describe("what a reader is told about a table figure", () => {
  const table = (rows: [string, number][], header = ["出函机构", "数量", "占比"]): FigureTable => {
    const total = rows.reduce((s, [, v]) => s + v, 0);
    const shares = shareTexts(
      rows.map(([, v]) => v),
      total,
    );
    return {
      header,
      rows: rows.map(([group, value], k) => ({ group, value, text: String(value), share: shares[k] })),
      total: { value: total, text: String(total), share: total > 0 ? "100.0%" : "—" },
    };
  };

  test("a refresh's changes are said by group and column: a cell that moved, a group that appeared, one that went", () => {
    const before = tableText(
      table([
        ["甲银行", 2],
        ["乙担保", 1],
      ]),
    );
    const after = tableText(
      table([
        ["丙保险", 3],
        ["甲银行", 2],
      ]),
    );
    expect(tableChanges(before, after)).toEqual([
      { kind: "added", group: "丙保险", cells: ["3", "60.0%"] },
      { kind: "changed", group: "甲银行", column: "占比", old: "66.7%", new: "40.0%" },
      { kind: "changed", group: "合计", column: "数量", old: "3", new: "5" },
      { kind: "removed", group: "乙担保", cells: ["1", "33.3%"] },
    ]);
  });

  test("a renamed column is said once, as the header's change; text that is not a table's is left to the plain old → new", () => {
    const before = tableText(table([["甲", 1]]));
    expect(tableChanges(before, tableText(table([["甲", 1]], ["出函银行", "数量", "占比"])))).toEqual([
      { kind: "changed", group: "表头", column: "出函机构", old: "出函机构", new: "出函银行" },
    ]);
    expect(tableChanges("［待补：保函按出函机构］", before)).toBeNull();
  });
});
