import {
  aggregateToText,
  conditionsToText,
  parseAggregate,
  parseConditions,
  periodKindFromLabel,
  periodLabel,
} from "../../../src/core/figures";
import type { Condition, PeriodKind } from "../../../src/core/types";

describe("统计 (aggregate) text", () => {
  it.each(["计数", " 计数 "])("reads %j as a row count", (text) => {
    expect(parseAggregate(text)).toEqual({ kind: "count" });
  });
  it("reads a distinct count with and without a fallback column", () => {
    expect(parseAggregate("去重计数:双报到社区")).toEqual({
      kind: "distinct",
      column: "双报到社区",
    });
    expect(parseAggregate("去重计数:统一社会信用代码|投标企业")).toEqual({
      kind: "distinct",
      column: "统一社会信用代码",
      fallback: "投标企业",
    });
  });
  it("accepts full-width colon and bar and spaces around them", () => {
    expect(parseAggregate("去重计数： 统一社会信用代码 ｜ 投标企业")).toEqual({
      kind: "distinct",
      column: "统一社会信用代码",
      fallback: "投标企业",
    });
    expect(parseAggregate("求和：保证金金额")).toEqual({ kind: "sum", column: "保证金金额" });
  });
  it("rejects unknown words, missing columns and a sum with a fallback", () => {
    for (const text of ["合计", "", "求和", "求和:", "去重计数:", "去重计数:a|", "去重计数:a|b|c", "求和:a|b", "计数:a"]) {
      expect(parseAggregate(text)).toBeNull();
    }
  });
  it("writes text that reads back to the same aggregate", () => {
    for (const text of ["计数", "去重计数:双报到社区", "去重计数:统一社会信用代码|投标企业", "求和:保证金金额"]) {
      expect(aggregateToText(parseAggregate(text)!)).toBe(text);
    }
  });
});

describe("条件 (conditions) text", () => {
  it("reads every clause form", () => {
    expect(parseConditions("形式=专题学习; 状态≠撤销; 主题~二十大; 终止日期 为空; 表扬 非空; 形式=专题学习|专题研讨")).toEqual([
      { kind: "eq", column: "形式", values: ["专题学习"] },
      { kind: "ne", column: "状态", values: ["撤销"] },
      { kind: "contains", column: "主题", text: "二十大" },
      { kind: "blank", column: "终止日期" },
      { kind: "notBlank", column: "表扬" },
      { kind: "eq", column: "形式", values: ["专题学习", "专题研讨"] },
    ]);
  });
  it("accepts != and full-width ＝ ～ ！＝ ； ｜ as typed on a Chinese keyboard", () => {
    expect(parseConditions("状态!=撤销；形式＝专题学习｜党课;主题～二十大;状态！＝终止")).toEqual([
      { kind: "ne", column: "状态", values: ["撤销"] },
      { kind: "eq", column: "形式", values: ["专题学习", "党课"] },
      { kind: "contains", column: "主题", text: "二十大" },
      { kind: "ne", column: "状态", values: ["终止"] },
    ]);
  });
  it("reads 为空 and 非空 without a space and trims every part", () => {
    expect(parseConditions("  包联社区非空 ;  终止日期为空  ; 形式 = 党课 ")).toEqual([
      { kind: "notBlank", column: "包联社区" },
      { kind: "blank", column: "终止日期" },
      { kind: "eq", column: "形式", values: ["党课"] },
    ]);
  });
  it("keeps full-width brackets inside values, where they must match the ledger's text", () => {
    expect(parseConditions("主题~二十大（一）")).toEqual([{ kind: "contains", column: "主题", text: "二十大（一）" }]);
  });
  it("treats blank text and empty clauses as no conditions", () => {
    expect(parseConditions("")).toEqual([]);
    expect(parseConditions(" ; ；")).toEqual([]);
    expect(parseConditions("形式=党课;")).toEqual([{ kind: "eq", column: "形式", values: ["党课"] }]);
  });
  it("reports a clause without an operator, naming it and the expected forms", () => {
    expect(parseConditions("形式=党课; 状态 撤销")).toEqual({
      error: "条件无法识别：“状态 撤销”，应为 列=值、列≠值、列~包含、列 为空、列 非空 或 列=值1|值2",
      errorEn:
        'condition not recognised: "状态 撤销"; expected column=value, column≠value, column~text, column 为空 (blank), column 非空 (not blank) or column=value1|value2',
    });
  });
  it("reports a clause without a column", () => {
    const result = parseConditions("=专题学习");
    expect(result).toHaveProperty("error");
    expect((result as { error: string }).error).toMatch(/^条件“=专题学习”缺少列名，应为/);
    expect((parseConditions(" 为空") as { error: string }).error).toMatch(/^条件“为空”缺少列名/);
  });
  it("reports a clause with an empty value or an empty alternative", () => {
    expect((parseConditions("形式=") as { error: string }).error).toMatch(/^条件“形式=”缺少值（判断空白请用 为空 \/ 非空）/);
    expect((parseConditions("形式=党课|") as { error: string }).error).toMatch(/^条件“形式=党课\|”缺少值/);
    expect((parseConditions("状态≠") as { errorEn: string }).errorEn).toMatch(/^condition "状态≠" has an empty value/);
  });
  it("reports a contains clause without text", () => {
    expect((parseConditions("主题~") as { error: string }).error).toMatch(/^条件“主题~”缺少要包含的文字/);
  });
  it("writes the canonical text, which reads back to the same conditions", () => {
    const conditions: Condition[] = [
      { kind: "eq", column: "形式", values: ["专题学习", "专题研讨"] },
      { kind: "ne", column: "状态", values: ["撤销"] },
      { kind: "contains", column: "主题", text: "二十大" },
      { kind: "blank", column: "终止日期" },
      { kind: "notBlank", column: "表扬" },
    ];
    const text = conditionsToText(conditions);
    expect(text).toBe("形式=专题学习|专题研讨; 状态≠撤销; 主题~二十大; 终止日期 为空; 表扬 非空");
    expect(parseConditions(text)).toEqual(conditions);
    expect(conditionsToText([])).toBe("");
  });
});

describe("区间 (period) labels", () => {
  it("read the three labels and write them back", () => {
    const kinds: PeriodKind[] = ["current", "toEnd", "all"];
    expect(kinds.map(periodLabel)).toEqual(["本期", "截至期末", "全部"]);
    expect(["本期", " 截至期末 ", "全部"].map(periodKindFromLabel)).toEqual(kinds);
  });
  it("reject anything else", () => {
    expect(periodKindFromLabel("全年")).toBeNull();
    expect(periodKindFromLabel("")).toBeNull();
  });
});
