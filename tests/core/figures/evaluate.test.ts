import { DEFAULT_DEFINITIONS as BLANK_DEFAULTS, evaluateFigures, withSeedManualValues } from "../../../src/core/figures";
import { YEAR_2022, figureDef as def, ledgerOf as ledger, ledgerRow as row, ledgerSet as set } from "./build";
import type { Aggregate, FieldValue, FigureDefinition, Ledger, LedgerRow, LedgerSet } from "../../../src/core/types";

/** The default figures with the seed report's hand values, as the sample workbook holds them. */
const DEFAULT_DEFINITIONS = withSeedManualValues(BLANK_DEFAULTS);

const study = (n: number, 日期: string | null, 形式: string, 主题: string, 组织: string | null = null) =>
  row("学习记录", n, { 日期, 形式, 主题, 组织 });
const guarantee = (
  n: number,
  开立日期: string,
  投标企业: string,
  统一社会信用代码: string | null,
  保证金金额: number,
  状态: string | null = "有效",
) =>
  row("电子保函", n, {
    保函编号: `BH${n}`,
    开立日期,
    投标企业,
    统一社会信用代码,
    保证金金额,
    状态,
  });
const person = (n: number, values: Record<string, FieldValue>) => row("人员", n, { 姓名: `人${n}`, ...values });

/** A small workbook whose every default figure was counted by hand (comments say which rows count). */
function sampleLedgers(): LedgerSet {
  return set(
    ledger("学习记录", [
      study(2, "2022-03-01", "专题学习", "学习贯彻党的二十大精神", "党组"), // topic
      study(3, "2022-11-02", "专题学习", "二十大报告原文", "党支部"), // topic
      study(4, "2021-12-30", "专题学习", "二十大", "党组"), // before the period
      study(5, "2022-05-05", "专题学习", "党史学习", "党组"), // no 二十大
      study(6, "2022-06-01", "专题研讨", "二十大", "党组"), // seminar
      study(7, "2023-01-02", "专题研讨", "二十大", "党组"), // after the period
      study(8, "2022-07-01", "线上研讨", "二十大", "青年理论学习小组"), // youth online
      study(9, "2022-07-02", "线上研讨", "二十大", "党支部"), // not 青年
      study(10, "2022-08-08", "主题宣讲", "二十大", "党组"), // lecture
      study(11, null, "主题宣讲", "二十大", "党组"), // no date: not in any period
    ]),
    ledger("电子保函", [
      guarantee(2, "2021-06-01", "企业甲", "C1", 120_000_000),
      guarantee(3, "2022-03-01", "企业甲", "C1", 45_000_000.5),
      guarantee(4, "2022-05-01", "企业乙", null, 4_999_999.25),
      guarantee(5, "2022-06-01", "企业丙", "C3", 50_000_000, "撤销"),
      guarantee(6, "2023-01-10", "企业丁", "C4", 1_000_000),
      guarantee(7, "2022-12-31", "企业戊", "C5", 0.25, null),
    ]),
    ledger("共建单位", [
      row("共建单位", 2, { 单位名称: "甲社区", 协议签订日期: "2021-04-01", 状态: "有效" }),
      row("共建单位", 3, { 单位名称: "乙社区", 协议签订日期: "2022-04-01", 状态: "终止", 终止日期: "2022-10-01" }),
      row("共建单位", 4, { 单位名称: "丙社区", 协议签订日期: "2022-05-01", 状态: null }),
      row("共建单位", 5, { 单位名称: "丁社区", 协议签订日期: "2023-02-01", 状态: "有效" }),
    ]),
    ledger("活动记录", [
      row("活动记录", 2, { 日期: "2022-01-05", 类型: "社区群", 内容: "加入甲社区群" }),
      row("活动记录", 3, { 日期: "2022-02-05", 类型: "社区群", 内容: "加入乙社区群" }),
      row("活动记录", 4, { 日期: "2022-12-31", 类型: "社区群", 内容: "加入丙社区群" }),
      row("活动记录", 5, { 日期: "2021-12-31", 类型: "社区群", 内容: "加入丁社区群" }),
      row("活动记录", 6, { 日期: "2022-03-01", 类型: "捐赠", 内容: "捐赠口罩" }),
      row("活动记录", 7, { 日期: "2022-04-01", 类型: "捐赠", 内容: "捐赠物资" }),
      row("活动记录", 8, { 日期: "2022-04-01", 类型: "慰问", 内容: "慰问" }),
    ]),
    ledger("队伍", [
      row("队伍", 2, { 名称: "先锋一队", 类型: "党员先锋队", 成立日期: "2020-03-01" }),
      row("队伍", 3, { 名称: "先锋二队", 类型: "党员先锋队", 成立日期: "2022-03-01" }),
      row("队伍", 4, { 名称: "先锋三队", 类型: "党员先锋队", 成立日期: "2023-03-01" }),
      row("队伍", 5, { 名称: "志愿队", 类型: "青年志愿服务队", 成立日期: "2022-09-01" }),
    ]),
    ledger("人员", [
      person(2, {
        包联社区: "甲社区",
        青年突击队: "是",
        双报到社区: "X社区",
        表扬: "市直机关工委通报表扬",
      }),
      person(3, { 青年突击队: "否", 双报到社区: "X社区" }),
      person(4, { 包联社区: "乙社区", 青年突击队: true, 双报到社区: " Y社区 " }),
      person(5, { 双报到社区: "", 青年突击队: false }),
      person(6, { 双报到社区: "Z社区", 表扬: "社区表扬" }),
    ]),
  );
}

describe("the default figures on a hand-counted workbook", () => {
  it("give the values and report texts counted by hand", () => {
    const { figures, issues } = evaluateFigures(DEFAULT_DEFINITIONS, sampleLedgers(), YEAR_2022);
    expect(issues).toEqual([]);
    expect(figures.map((f) => [f.id, f.value, f.text, f.rows])).toEqual([
      ["goals.count", 20, "20", 0],
      ["study.topic.count", 2, "2", 2],
      ["study.seminar.count", 1, "1", 1],
      ["study.youth_online.count", 1, "1", 1],
      ["study.lecture.count", 1, "1", 1],
      ["xxqg.threshold", 40, "40", 0],
      ["xxqg.rank", 10, "10", 0],
      ["eg.count", 4, "4", 4],
      ["eg.firms", 3, "3", 4],
      ["eg.amount", 170_000_000, "1.70", 4],
      ["partners.count", 2, "2", 2],
      ["community_groups.count", 3, "3", 3],
      ["donations.count", 2, "2", 2],
      ["teams.vanguard.count", 2, "2", 2],
      ["teams.volunteer.count", 1, "1", 1],
      ["cadres.baolian.count", 2, "2", 2],
      ["cadres.commando.count", 2, "2", 2],
      ["staff.double_report.count", 4, "4", 4],
      ["communities.count", 3, "3", 4],
      ["staff.commended.count", 2, "2", 2],
    ]);
  });

  it("describe where each figure came from", () => {
    const { figures } = evaluateFigures(DEFAULT_DEFINITIONS, sampleLedgers(), YEAR_2022);
    const topic = figures.find((f) => f.id === "study.topic.count")!;
    expect(topic).toMatchObject({
      name: "专题学习党的二十大精神次数",
      ledger: "学习记录",
      conditions: "形式=专题学习; 主题~二十大",
      period: { kind: "current", label: "本期", start: "2022-01-01", end: "2022-12-31" },
      rowRefs: [
        { sheet: "学习记录", row: 2 },
        { sheet: "学习记录", row: 3 },
      ],
      manual: false,
    });
    const eg = figures.find((f) => f.id === "eg.count")!;
    expect(eg.period).toEqual({ kind: "toEnd", label: "截至期末", start: null, end: "2022-12-31" });
    expect(eg.rowRefs.map((r) => r.row)).toEqual([2, 3, 4, 7]);
    const goals = figures.find((f) => f.id === "goals.count")!;
    expect(goals).toMatchObject({
      manual: true,
      rows: 0,
      rowRefs: [],
      ledger: null,
      conditions: "",
    });
  });
});

describe("period filtering", () => {
  const rows = ledger("学习记录", [
    study(2, "2021-12-31", "党课", "a"),
    study(3, "2022-01-01", "党课", "b"),
    study(4, "2022-12-31", "党课", "c"),
    study(5, "2023-01-01", "党课", "d"),
    study(6, null, "党课", "e"),
  ]);
  const refs = (period: "current" | "toEnd" | "all") =>
    evaluateFigures([def("学习记录", "", { period })], set(rows), YEAR_2022).figures[0].rowRefs.map((r) => r.row);

  it("takes 本期 as the inclusive period on the ledger's date column", () => {
    expect(refs("current")).toEqual([3, 4]);
  });
  it("takes 截至期末 as everything up to the period end", () => {
    expect(refs("toEnd")).toEqual([2, 3, 4]);
  });
  it("takes 全部 as every row, dated or not", () => {
    expect(refs("all")).toEqual([2, 3, 4, 5, 6]);
  });
  it("treats 本期 as 全部 on a ledger without a date column", () => {
    const people = set(ledger("人员", [person(2, {}), person(3, {})]));
    const result = evaluateFigures([def("人员", "", { period: "current" })], people, YEAR_2022);
    expect(result.figures[0].value).toBe(2);
    expect(result.issues).toEqual([]);
  });
  it("counts every row, and says so, when the ledger lacks its date column altogether", () => {
    const teams: Ledger = {
      name: "队伍",
      sources: [],
      columns: [
        { name: "名称", header: "名称", column: "A" },
        { name: "类型", header: "类型", column: "B" },
      ],
      rows: [
        {
          sheet: "队伍",
          row: 2,
          values: { 名称: "一队", 类型: "党员先锋队" },
          department: null,
        },
        {
          sheet: "队伍",
          row: 3,
          values: { 名称: "二队", 类型: "党员先锋队" },
          department: null,
        },
      ],
      excluded: 0,
    };
    const result = evaluateFigures([def("队伍", "", { period: "toEnd", id: "teams.x" })], set(teams), YEAR_2022);
    expect(result.figures[0].value).toBe(2);
    expect(result.issues).toEqual([
      {
        severity: "info",
        code: "figure.date_column_missing",
        message: "队伍 台账没有“成立日期”列，指标“测试”按全部记录计算",
        messageEn: 'Ledger 队伍 has no column "成立日期"; figure "测试" counts all records',
        ledger: "队伍",
        figure: "teams.x",
      },
    ]);
  });
});

describe("scope filtering", () => {
  const rows = set(
    ledger("学习记录", [
      study(2, "2022-03-01", "党课", "a"),
      { ...study(3, "2022-03-01", "党课", "b"), department: "交易一科" },
      { ...study(4, "2022-03-01", "党课", "c"), department: "交易二科" },
      { ...study(5, "2022-03-01", "党课", "d"), department: "交易一科" },
    ]),
  );
  const count = (scope: string) => evaluateFigures([def("学习记录", "")], rows, { ...YEAR_2022, scope }).figures[0].value;

  it("counts every department under 全部门 or a blank scope", () => {
    expect(count("全部门")).toBe(4);
    expect(count("")).toBe(4);
  });
  it("counts only the scope's department, leaving out rows without one", () => {
    expect(count("交易一科")).toBe(2);
    expect(count(" 交易二科 ")).toBe(1);
  });
  it("leaves every ledger figure unresolved, not 0, under a scope that is no department of any ledger", () => {
    const result = evaluateFigures([def("学习记录", "")], rows, { ...YEAR_2022, scope: "交易三科", scopeCell: "报告设置!B11" });
    expect(result.figures[0]).toMatchObject({ value: null, text: "［待补：测试］", rows: 0 });
    expect(result.figures[0].unresolved).toEqual({
      code: "scope_unknown",
      reason: "统计范围“交易三科”不是任何台账中的部门",
      reasonEn: 'the scope "交易三科" is no department of any ledger',
      cell: "报告设置!B11",
    });
  });
  it("leaves a figure unresolved, not 0, when its ledger says nothing about departments", () => {
    const twoLedgers = set(rows.ledgers.学习记录!, ledger("人员", [person(2, { 包联社区: "甲社区" }), person(3, { 包联社区: "乙社区" })]));
    const result = evaluateFigures([def("人员", "包联社区 非空", { id: "p.x" }), def("学习记录", "")], twoLedgers, {
      ...YEAR_2022,
      scope: "交易一科",
    });
    expect(result.figures.map((f) => f.value)).toEqual([null, 2]);
    expect(result.figures[0].unresolved?.code).toBe("scope_no_department");
    // 学习记录's first row has no department: it is left out of 交易一科, and that is said too.
    expect(result.issues.map((i) => i.code)).toEqual(["figure.scope_no_department", "figure.department_blank"]);
  });
  it("does not scope manual figures", () => {
    const result = evaluateFigures([def(null, "", { manualValue: 7 })], rows, {
      ...YEAR_2022,
      scope: "交易一科",
    });
    expect(result.figures[0].value).toBe(7);
  });
});

describe("conditions", () => {
  const sessions = set(
    ledger("学习记录", [
      row("学习记录", 2, {
        日期: "2022-01-01",
        形式: "专题学习",
        主题: " 二十大精神 ",
        组织: "党组",
        参加人数: 20,
        备注: "线上",
      }),
      row("学习记录", 3, {
        日期: "2022-01-01",
        形式: "党课",
        主题: "党史",
        组织: "",
        参加人数: 8,
        备注: null,
      }),
      row("学习记录", 4, {
        日期: "2022-01-01",
        形式: "专题研讨",
        主题: "二十大",
        组织: null,
        参加人数: null,
        备注: "线下",
      }),
    ]),
  );
  const rowsFor = (conditions: string) => {
    const result = evaluateFigures([def("学习记录", conditions)], sessions, YEAR_2022);
    return result.figures[0].rowRefs.map((r) => r.row);
  };

  it("compare values as trimmed text", () => {
    expect(rowsFor("主题=二十大精神")).toEqual([2]);
    expect(rowsFor("形式=党课")).toEqual([3]);
  });
  it("accept any of several values", () => {
    expect(rowsFor("形式=党课|专题研讨")).toEqual([3, 4]);
  });
  it("exclude the given values with ≠, keeping blank cells", () => {
    expect(rowsFor("形式≠党课")).toEqual([2, 4]);
    expect(rowsFor("组织≠党组")).toEqual([3, 4]);
    expect(rowsFor("形式≠党课|专题研讨")).toEqual([2]);
  });
  it("look for a substring with ~", () => {
    expect(rowsFor("主题~二十大")).toEqual([2, 4]);
  });
  it("treat null and empty text alike as blank", () => {
    expect(rowsFor("组织 为空")).toEqual([3, 4]);
    expect(rowsFor("组织 非空")).toEqual([2]);
  });
  it("compare numbers by their text form", () => {
    expect(rowsFor("参加人数=20")).toEqual([2]);
    expect(rowsFor("参加人数~2")).toEqual([2]);
    expect(rowsFor("参加人数 为空")).toEqual([4]);
  });
  it("combine clauses with and", () => {
    expect(rowsFor("主题~二十大; 形式≠专题学习")).toEqual([4]);
  });
  it("read columns the ledger reader kept from unknown headers", () => {
    expect(rowsFor("备注=线上|线下")).toEqual([2, 4]);
  });
  it("find a column by its header with a unit or by its English alias", () => {
    const eg = set(
      ledger("电子保函", [guarantee(2, "2022-01-01", "甲", null, 100, "撤销"), guarantee(3, "2022-01-01", "乙", null, 250.5)]),
    );
    const amount: Aggregate = { kind: "sum", column: "保证金金额（元）" };
    const result = evaluateFigures([def("电子保函", "Status≠撤销", { aggregate: amount })], eg, YEAR_2022);
    expect(result.issues).toEqual([]);
    expect(result.figures[0].value).toBe(250.5);
  });
  it("leave a figure unresolved, not 0 or a count of every row, when its condition column is not in the ledger", () => {
    const result = evaluateFigures(
      [def("学习记录", "地点 为空", { id: "a.x", name: "甲" }), def("学习记录", "地点=会议室", { id: "b.x", name: "乙" })],
      sessions,
      YEAR_2022,
    );
    expect(result.figures.map((f) => [f.value, f.text])).toEqual([
      [null, "［待补：甲］"],
      [null, "［待补：乙］"],
    ]);
    expect(result.figures[0].unresolved).toMatchObject({ code: "column_missing", reason: "“学习记录”台账中没有条件列“地点”" });
    expect(result.issues[0]).toMatchObject({ severity: "warning", code: "figure.column_missing", ledger: "学习记录" });
    expect(result.issues[0].message).toContain("不会写成 0");
    expect(result.issues).toHaveLength(2);
  });
  it("read 是 and 否 for yes/no cells the reader gave as booleans", () => {
    const people = set(
      ledger("人员", [person(2, { 青年突击队: true }), person(3, { 青年突击队: false }), person(4, { 青年突击队: "是" })]),
    );
    const result = evaluateFigures([def("人员", "青年突击队=是"), def("人员", "青年突击队=否")], people, YEAR_2022);
    expect(result.figures.map((f) => f.value)).toEqual([2, 1]);
  });
});

describe("aggregates", () => {
  it("count distinct values, taking the fallback column where the first is blank and ignoring blanks", () => {
    const eg = set(
      ledger("电子保函", [
        guarantee(2, "2022-01-01", "甲", "C1", 1),
        guarantee(3, "2022-01-01", "甲公司", "C1", 1),
        guarantee(4, "2022-01-01", "乙", "", 1),
        guarantee(5, "2022-01-01", "乙", null, 1),
        guarantee(6, "2022-01-01", "", null, 1),
        guarantee(7, "2022-01-01", "丙", " C3 ", 1),
        guarantee(8, "2022-01-01", "丁", "C3", 1),
      ]),
    );
    const distinct: Aggregate = {
      kind: "distinct",
      column: "统一社会信用代码",
      fallback: "投标企业",
    };
    const result = evaluateFigures([def("电子保函", "", { aggregate: distinct })], eg, YEAR_2022);
    expect(result.figures[0].value).toBe(3);
    expect(result.figures[0].rows).toBe(7);
  });
  it("sum money in whole cents, so many small amounts add up exactly", () => {
    const eg = set(
      ledger(
        "电子保函",
        Array.from({ length: 10 }, (_, i) => guarantee(i + 2, "2022-01-01", "甲", null, 0.1)),
      ),
    );
    const result = evaluateFigures(
      [def("电子保函", "", { aggregate: { kind: "sum", column: "保证金金额" }, format: "wan" })],
      eg,
      YEAR_2022,
    );
    expect(result.figures[0].value).toBe(1);
  });
  it("round an amount with fractions of a cent half up, as typed", () => {
    const eg = set(ledger("电子保函", [guarantee(2, "2022-01-01", "甲", null, 1.005), guarantee(3, "2022-01-01", "乙", null, 2.004)]));
    const result = evaluateFigures([def("电子保函", "", { aggregate: { kind: "sum", column: "保证金金额" } })], eg, YEAR_2022);
    expect(result.figures[0].value).toBe(3.01);
  });
  it("sum numeric text and skip cells that are not numbers", () => {
    const eg = set(
      ledger("电子保函", [
        row("电子保函", 2, { 开立日期: "2022-01-01", 保证金金额: "1,000.50" }),
        row("电子保函", 3, { 开立日期: "2022-01-01", 保证金金额: "不详" }),
        row("电子保函", 4, { 开立日期: "2022-01-01", 保证金金额: null }),
      ]),
    );
    const result = evaluateFigures([def("电子保函", "", { aggregate: { kind: "sum", column: "保证金金额" } })], eg, YEAR_2022);
    expect(result.figures[0].value).toBe(1000.5);
    expect(result.figures[0].rows).toBe(3);
  });
  it("leave a figure unresolved, not 0, when the summed column does not exist", () => {
    const eg = set(ledger("电子保函", [guarantee(2, "2022-01-01", "甲", null, 5)]));
    const result = evaluateFigures(
      [def("电子保函", "", { id: "s.x", name: "手续费合计", aggregate: { kind: "sum", column: "手续费" } })],
      eg,
      YEAR_2022,
    );
    expect(result.figures[0]).toMatchObject({ value: null, text: "［待补：手续费合计］" });
    expect(result.figures[0].unresolved?.reason).toBe("“电子保函”台账中没有求和列“手续费”");
    expect(result.issues.map((i) => i.code)).toEqual(["figure.column_missing"]);
  });
});

describe("missing ledgers and manual figures", () => {
  it("use the manual value, with a warning, when the ledger is missing", () => {
    const result = evaluateFigures([def("电子保函", "", { id: "eg.count", manualValue: 1234 })], set(), YEAR_2022);
    expect(result.figures[0]).toMatchObject({
      value: 1234,
      text: "1234",
      manual: true,
      rows: 0,
      rowRefs: [],
    });
    expect(result.issues).toEqual([
      {
        severity: "warning",
        code: "figure.ledger_missing",
        message: "电子保函 台账缺失，指标“测试”使用手工值",
        messageEn: 'Ledger 电子保函 is missing; figure "测试" uses its manual value',
        ledger: "电子保函",
        figure: "eg.count",
      },
    ]);
  });
  it("use the manual value, with an info naming ledger and value, when the ledger sheet exists but has no records", () => {
    const d = def("学习记录", "", { id: "s.count", name: "加入社区群数", manualValue: 6, cells: { manual: "指标定义!H7" } });
    const result = evaluateFigures([d], set(ledger("学习记录", [])), YEAR_2022);
    expect(result.figures[0]).toMatchObject({ value: 6, text: "6", manual: true });
    expect(result.issues.map((i) => [i.severity, i.code, i.cell])).toEqual([["info", "figure.manual_for_empty_ledger", "指标定义!H7"]]);
    expect(result.issues[0].message).toContain("学习记录");
    expect(result.issues[0].message).toContain("手工值 6");
  });
  it("count from the ledger once it has records, warning at the 手工值 cell that the hand value is no longer used", () => {
    const d = def("学习记录", "", { id: "s.count", name: "加入社区群数", manualValue: 6, cells: { manual: "指标定义!H7" } });
    const result = evaluateFigures([d], set(ledger("学习记录", [study(3, "2022-03-01", "集中学习", "党章")])), YEAR_2022);
    expect(result.figures[0]).toMatchObject({ value: 1, manual: false });
    const notUsed = result.issues.filter((i) => i.code === "figure.manual_not_used");
    expect(notUsed.map((i) => [i.severity, i.cell])).toEqual([["warning", "指标定义!H7"]]);
    expect(notUsed[0].message).toContain("不再使用");
  });
  it("name the figure in every message, and keep its id apart for JSON and details", () => {
    const manual = evaluateFigures([def(null, "", { id: "m.fig", name: "目标要求条数" })], set(), YEAR_2022);
    const missing = evaluateFigures([def("人员", "", { id: "p.count", name: "包联干部人数" })], set(), YEAR_2022);
    for (const issue of [...manual.issues, ...missing.issues]) {
      expect(issue.message).not.toMatch(/m\.fig|p\.count/);
      expect(issue.messageEn).not.toMatch(/m\.fig|p\.count/);
      expect(issue.figure).toMatch(/^(m\.fig|p\.count)$/);
    }
    expect(manual.issues[0].message).toContain("“目标要求条数”");
    expect(missing.issues[0].message).toContain("“包联干部人数”");
  });
  it("leave a figure unresolved, naming the 手工值 cell, when the ledger is missing and there is no manual value", () => {
    const result = evaluateFigures([def("人员", "", { id: "p.count", name: "人数", cells: { manual: "指标定义!H5" } })], set(), YEAR_2022);
    expect(result.figures[0]).toMatchObject({ value: null, text: "［待补：人数］", manual: true });
    expect(result.figures[0].unresolved).toEqual({
      code: "ledger_missing",
      reason: "未找到“人员”台账，手工值也为空",
      reasonEn: "ledger 人员 is missing and the manual value is blank",
      cell: "指标定义!H5",
    });
    expect(result.issues.map((i) => [i.severity, i.code, i.cell])).toEqual([["warning", "figure.ledger_missing", "指标定义!H5"]]);
  });
  it("format manual values like computed ones", () => {
    const result = evaluateFigures([def(null, "", { manualValue: 1236, format: "approx" })], set(), YEAR_2022);
    expect(result.figures[0]).toMatchObject({ value: 1236, text: "1200余", manual: true });
    expect(result.issues).toEqual([]);
  });
  it("leave a manual figure without a value unresolved, with a warning at its 手工值 cell", () => {
    const result = evaluateFigures([def(null, "", { id: "m.x", name: "某值", cells: { manual: "指标定义!H2" } })], set(), YEAR_2022);
    expect(result.figures[0]).toMatchObject({ value: null, text: "［待补：某值］", manual: true });
    expect(result.figures[0].unresolved?.code).toBe("manual_blank");
    expect(result.issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      ["figure.manual_blank", "指标定义!H2", "指标“某值”无法计算：手工指标的手工值为空。报告中显示为“［待补：某值］”，不会写成 0。"],
    ]);
  });
});

describe("fingerprints", () => {
  const fingerprints = (ledgers: LedgerSet) => evaluateFigures(DEFAULT_DEFINITIONS, ledgers, YEAR_2022).figures.map((f) => f.fingerprint);
  const byId = (ledgers: LedgerSet, id: string) => {
    const found = evaluateFigures(DEFAULT_DEFINITIONS, ledgers, YEAR_2022).figures.find((f) => f.id === id);
    if (!found) throw new Error(id);
    return found.fingerprint;
  };
  // 电子保函 rows 2, 3, 4 and 7 are used by eg.amount: 状态≠撤销, 开立日期 up to 2022-12-31.
  const egAmount = (ledgers: LedgerSet) => byId(ledgers, "eg.amount");
  const egFirms = (ledgers: LedgerSet) => byId(ledgers, "eg.firms");
  const guarantees = (ledgers: LedgerSet) => ledgers.ledgers.电子保函!.rows;
  const changed = (change: (ledgers: LedgerSet) => void): LedgerSet => {
    const ledgers = sampleLedgers();
    change(ledgers);
    return ledgers;
  };
  const one = (
    definition: FigureDefinition,
    ledgers: LedgerSet,
    opts: { periodStart: string; periodEnd: string; scope: string } = YEAR_2022,
  ) => {
    const [figure] = evaluateFigures([definition], ledgers, opts).figures;
    return { rows: figure.rows, fingerprint: figure.fingerprint };
  };

  it("are 16 hex digits, identical for identical input built afresh", () => {
    const first = fingerprints(sampleLedgers());
    expect(first.every((f) => /^[0-9a-f]{16}$/.test(f))).toBe(true);
    expect(fingerprints(sampleLedgers())).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });
  it("give the same hex when the same ledgers are evaluated twice", () => {
    const ledgers = sampleLedgers();
    expect(fingerprints(ledgers)).toEqual(fingerprints(ledgers));
  });
  it("do not depend on the order the reader listed a row's columns in", () => {
    const shuffled = changed((l) => {
      const eg = l.ledgers.电子保函!;
      eg.rows = eg.rows.map((r) => ({
        ...r,
        values: Object.fromEntries(Object.entries(r.values).reverse()),
      }));
    });
    expect(egAmount(shuffled)).toBe(egAmount(sampleLedgers()));
    expect(egFirms(shuffled)).toBe(egFirms(sampleLedgers()));
  });
  it("stay the same when a used row changes in a cell the figure does not read", () => {
    const unread = changed((l) => {
      const values = guarantees(l)[0].values;
      values.项目名称 = "新项目";
      values.出函机构 = "另一家银行";
      values.保函编号 = "BH99";
      values.投标企业 = "企业己"; // eg.amount sums 保证金金额; it never reads the firm
    });
    expect(egAmount(unread)).toBe(egAmount(sampleLedgers()));
  });
  it("change when a used row changes in the sum, condition or date column", () => {
    const base = egAmount(sampleLedgers());
    const amount = changed((l) => (guarantees(l)[0].values.保证金金额 = 120_000_001));
    const status = changed((l) => (guarantees(l)[0].values.状态 = "暂停")); // still not 撤销
    const date = changed((l) => (guarantees(l)[0].values.开立日期 = "2021-06-02"));
    for (const ledgers of [amount, status, date]) {
      expect(egAmount(ledgers)).not.toBe(base);
    }
    // Still the same four rows, so only the cells can have moved the fingerprint.
    expect([amount, status, date].map((l) => evaluateFigures(DEFAULT_DEFINITIONS, l, YEAR_2022).figures[9].rows)).toEqual([4, 4, 4]);
  });
  it("change when a used row changes in the distinct column or its fallback", () => {
    const base = egFirms(sampleLedgers());
    const code = changed((l) => (guarantees(l)[1].values.统一社会信用代码 = "C9"));
    const fallback = changed((l) => (guarantees(l)[2].values.投标企业 = "企业庚")); // no code
    expect(egFirms(code)).not.toBe(base);
    expect(egFirms(fallback)).not.toBe(base);
  });
  it("read the date column only when the period is not 全部", () => {
    const movedDate = changed((l) => (guarantees(l)[1].values.开立日期 = "2022-03-02"));
    const all = def("电子保函", "状态≠撤销", { period: "all" });
    const toEnd = def("电子保函", "状态≠撤销", { period: "toEnd" });
    expect(one(all, movedDate)).toEqual(one(all, sampleLedgers()));
    expect(one(toEnd, movedDate).fingerprint).not.toBe(one(toEnd, sampleLedgers()).fingerprint);
  });
  it("change when a used row is added or removed", () => {
    const base = egAmount(sampleLedgers());
    const added = changed((l) => guarantees(l).push(guarantee(8, "2022-09-09", "企业庚", "C7", 1_000)));
    const removed = changed((l) => guarantees(l).splice(1, 1)); // row 3, used
    expect(egAmount(added)).not.toBe(base);
    expect(egAmount(removed)).not.toBe(base);
    expect(new Set([base, egAmount(added), egAmount(removed)]).size).toBe(3);
  });
  it("change when a used row moves to another row number or sheet", () => {
    const base = egAmount(sampleLedgers());
    const moved = changed((l) => (guarantees(l)[0].row = 20));
    const sheet = changed((l) => (guarantees(l)[0].sheet = "电子保函-交易一科"));
    expect(egAmount(moved)).not.toBe(base);
    expect(egAmount(sheet)).not.toBe(base);
  });
  it("read 部门 only when the scope is one department", () => {
    const inDepartment = (department: string) =>
      set(
        ledger("电子保函", [
          row("电子保函", 2, { 开立日期: "2022-01-02", 状态: "有效" }, department),
          row("电子保函", 3, { 开立日期: "2022-02-03", 状态: "有效" }, "交易一科"),
        ]),
      );
    const count = def("电子保函", "状态≠撤销", { period: "current" });
    const oneDepartment = { ...YEAR_2022, scope: "交易一科" };
    // The reader may leave spaces around 部门; the scope still takes the row.
    const spaced = one(count, inDepartment(" 交易一科 "), oneDepartment);
    const plain = one(count, inDepartment("交易一科"), oneDepartment);
    expect([spaced.rows, plain.rows]).toEqual([2, 2]);
    expect(spaced.fingerprint).not.toBe(plain.fingerprint);
    expect(one(count, inDepartment("交易二科"))).toEqual(one(count, inDepartment("交易一科")));
  });
  it("tell a number from the same text", () => {
    const asText = changed((l) => (guarantees(l)[0].values.保证金金额 = "120000000"));
    expect(egAmount(asText)).not.toBe(egAmount(sampleLedgers()));
  });
  it("stay the same when a row the figure does not use changes", () => {
    const unused = changed((l) => {
      guarantees(l)[3].values.保证金金额 = 1; // 撤销: not counted
      guarantees(l)[4].values.保证金金额 = 2; // 2023: after the period
    });
    expect(egAmount(unused)).toBe(egAmount(sampleLedgers()));
  });
  it("change with a manual value", () => {
    const a = evaluateFigures([def(null, "", { manualValue: 20 })], set(), YEAR_2022).figures[0].fingerprint;
    const b = evaluateFigures([def(null, "", { manualValue: 21 })], set(), YEAR_2022).figures[0].fingerprint;
    expect(a).not.toBe(b);
  });
});

describe("a large ledger", () => {
  it("evaluates 200,000 guarantees in one pass with exact values", () => {
    const rows: LedgerRow[] = new Array(200_000);
    for (let i = 0; i < rows.length; i++) {
      const month = String((i % 12) + 1).padStart(2, "0");
      rows[i] = {
        sheet: "电子保函",
        row: i + 2,
        department: i % 2 === 0 ? "交易一科" : "交易二科",
        values: {
          保函编号: `BH${i}`,
          开立日期: `${i % 3 === 0 ? 2021 : 2022}-${month}-15`,
          投标企业: `企业${i % 5000}`,
          统一社会信用代码: i % 10 === 0 ? null : `CODE${i % 5000}`,
          项目名称: `项目${i}`,
          保证金金额: 12_345.67,
          出函机构: "某银行",
          状态: i % 7 === 0 ? "撤销" : "有效",
          部门: null,
        },
      };
    }
    const egLedger = ledger("电子保函", rows);
    // Hand count: rows with i % 7 !== 0 are kept (a 撤销 row is every 7th, from i = 0).
    const kept = rows.length - Math.ceil(rows.length / 7);
    const result = evaluateFigures(
      DEFAULT_DEFINITIONS.filter((d) => d.id.startsWith("eg.")),
      set(egLedger),
      {
        periodStart: "2022-01-01",
        periodEnd: "2022-12-31",
        scope: "全部门",
      },
    );
    expect(result.figures.map((f) => f.rows)).toEqual([kept, kept, kept]);
    expect(result.figures[0].value).toBe(kept);
    // Firm n = i % 5000 has n % 10 === i % 10, so firms with n % 10 !== 0 (4500) are counted by code
    // and the other 500 by their name through the fallback column.
    expect(result.figures[1].value).toBe(5000);
    expect(result.figures[1].text).toBe("5000");
    expect(result.figures[2].value).toBe(Math.round(kept * 1_234_567) / 100);
    expect(result.figures[2].text).toBe(((kept * 1_234_567) / 1e10).toFixed(2));
  });
});

describe("ledgers read from several sheets", () => {
  it("find a column that only a later sheet has", () => {
    const first = Array.from({ length: 60 }, (_, i) => study(i + 2, "2022-03-01", "党课", "a"));
    const second = { ...study(2, "2022-03-01", "党课", "b"), sheet: "学习记录-交易二科" };
    second.values = { ...second.values, 地点: "会议室" };
    const result = evaluateFigures([def("学习记录", "地点=会议室")], set(ledger("学习记录", [...first, second])), YEAR_2022);
    expect(result.issues).toEqual([]);
    expect(result.figures[0].rowRefs).toEqual([{ sheet: "学习记录-交易二科", row: 2 }]);
  });
});

describe("status as history has it", () => {
  const partner = (n: number, 协议签订日期: string, 状态: string | null, 终止日期: string | null = null) =>
    row("共建单位", n, { 单位名称: `单位${n}`, 协议签订日期, 状态, 终止日期 });
  const partners = () =>
    set(
      ledger("共建单位", [
        partner(2, "2021-03-01", "有效"),
        partner(3, "2022-05-01", null),
        partner(4, "2021-06-01", "终止", "2023-04-01"), // terminated after the 2022 period: still active at its end
        partner(5, "2021-06-01", "终止", "2022-08-01"), // terminated within 2022
        partner(6, "2023-02-01", "有效"), // signed after the period
      ]),
    );
  const count = (ledgers: LedgerSet, end: string) =>
    evaluateFigures(
      DEFAULT_DEFINITIONS.filter((d) => d.id === "partners.count"),
      ledgers,
      { periodStart: `${end.slice(0, 4)}-01-01`, periodEnd: end, scope: "全部门" },
    );

  it("count a partner terminated after the period end as active at it, so a 2022 report refreshed in 2023 keeps its figure", () => {
    expect(count(partners(), "2022-12-31").figures[0].value).toBe(3);
    // The 2023 report: unit 4 is gone by its end, unit 6 has joined.
    expect(count(partners(), "2023-12-31").figures[0].value).toBe(3);
    expect(count(partners(), "2023-12-31").figures[0].rowRefs.map((r) => r.row)).toEqual([2, 3, 6]);
  });
  it("count 终止 without a 终止日期 as terminated, with a warning at the cell where the date belongs", () => {
    const ledgers = set(
      ledger("共建单位", [
        { ...partner(2, "2021-03-01", "终止"), columns: { 单位名称: "A", 协议签订日期: "B", 状态: "D", 终止日期: "E" } },
        partner(3, "2021-03-01", "有效"),
      ]),
    );
    const result = count(ledgers, "2022-12-31");
    expect(result.figures[0].value).toBe(1);
    expect(result.issues.map((i) => [i.severity, i.code, i.cell])).toEqual([["warning", "partner.terminated_without_date", "共建单位!E2"]]);
  });
  it("never count a 撤销 guarantee in a figure whose conditions do not name 状态", () => {
    const eg = set(
      ledger("电子保函", [
        guarantee(2, "2022-01-01", "甲", null, 100),
        guarantee(3, "2022-01-01", "乙", null, 200, "撤销"),
        guarantee(4, "2022-01-01", "丙", "C3", 400),
        guarantee(5, "2022-01-01", "丁", null, 800, null),
      ]),
    );
    const noCode = def("电子保函", "统一社会信用代码 为空", { id: "eg.nocode" });
    const sum = def("电子保函", "", { id: "eg.sum", aggregate: { kind: "sum", column: "保证金金额" } });
    const firms = def("电子保函", "", { id: "eg.firms2", aggregate: { kind: "distinct", column: "投标企业" } });
    const { figures } = evaluateFigures([noCode, sum, firms], eg, YEAR_2022);
    expect(figures.map((f) => [f.id, f.value])).toEqual([
      ["eg.nocode", 2],
      ["eg.sum", 1300],
      ["eg.firms2", 3],
    ]);
  });
  it("count 撤销 guarantees only where a condition names 状态=撤销", () => {
    const eg = set(
      ledger("电子保函", [guarantee(2, "2022-01-01", "甲", null, 100, "撤销"), guarantee(3, "2022-01-01", "乙", null, 200, "撤销")]),
    );
    const revoked = def("电子保函", "状态=撤销", { id: "eg.revoked" });
    const either = def("电子保函", "状态=有效|撤销", { id: "eg.either" });
    const notValid = def("电子保函", "状态≠有效", { id: "eg.notvalid" });
    expect(evaluateFigures([revoked, either, notValid], eg, YEAR_2022).figures.map((f) => f.value)).toEqual([2, 2, 0]);
  });
  it("read an absent 状态 column as 有效 in every row, as a blank 状态 cell reads", () => {
    const rows = [guarantee(2, "2022-01-01", "甲", null, 100), guarantee(3, "2022-01-01", "乙", null, 200)].map((r) => {
      const values = { ...r.values };
      delete values.状态;
      return { ...r, values };
    });
    const eg: Ledger = { ...ledger("电子保函", rows), columns: ledger("电子保函", []).columns.filter((c) => c.name !== "状态") };
    const result = evaluateFigures([def("电子保函", "状态=有效", { id: "eg.valid" }), def("电子保函", "状态≠撤销")], set(eg), YEAR_2022);
    expect(result.figures.map((f) => f.value)).toEqual([2, 2]);
    expect(result.issues).toEqual([]);
  });
});

describe("columns a figure needs", () => {
  /** Rows as the reader makes them: one sheet's rows share its column letters. */
  const sheetRows = (sheet: string, letters: Record<string, string>, rows: LedgerRow[]) =>
    rows.map((r) => ({ ...r, sheet, columns: letters }));

  it("leave a figure unresolved when one sheet of its ledger lacks a condition column the other has, naming that sheet", () => {
    const withOrg = sheetRows("学习台账-党支部", { 日期: "A", 形式: "B", 主题: "C", 组织: "D" }, [
      study(2, "2022-03-01", "线上研讨", "二十大", "青年理论学习小组"),
    ]);
    const without = sheetRows("学习台账-党组", { 日期: "A", 形式: "B", 主题: "C" }, [study(5, "2022-03-01", "线上研讨", "二十大")]);
    const l: Ledger = {
      ...ledger("学习记录", [...withOrg, ...without]),
      sources: [
        { sheet: "学习台账-党支部", headerRow: 1, rowsRead: 1 },
        { sheet: "学习台账-党组", headerRow: 4, rowsRead: 1 },
      ],
    };
    const youth = DEFAULT_DEFINITIONS.find((d) => d.id === "study.youth_online.count")!;
    const seminar = DEFAULT_DEFINITIONS.find((d) => d.id === "study.seminar.count")!;
    const { figures } = evaluateFigures([youth, seminar], set(l), YEAR_2022);
    expect(figures[0]).toMatchObject({ value: null, text: "［待补：青年线上学习研讨次数］" });
    expect(figures[0].unresolved).toMatchObject({ reason: "学习台账-党组 中没有条件列“组织”", cell: "'学习台账-党组'!A4" });
    expect(figures[1].value).toBe(0);
  });
  it("leave a figure with a period unresolved when its ledger lacks the required date column, instead of counting every year", () => {
    const rows = [study(2, "2021-01-01", "专题研讨", "a"), study(3, "2022-01-01", "专题研讨", "b")].map((r) => {
      const values = { ...r.values };
      delete values.日期;
      return { ...r, values };
    });
    const l: Ledger = { ...ledger("学习记录", rows), columns: ledger("学习记录", []).columns.filter((c) => c.name !== "日期") };
    const seminar = DEFAULT_DEFINITIONS.find((d) => d.id === "study.seminar.count")!;
    const { figures } = evaluateFigures([seminar], set(l), YEAR_2022);
    expect(figures[0].value).toBeNull();
    expect(figures[0].unresolved?.reason).toBe("“学习记录”台账中没有日期列“日期”");
  });
  it("count distinct values from the fallback column where a sheet lacks the first", () => {
    const a = sheetRows("电子保函-交易一科", { 保函编号: "A", 开立日期: "B", 投标企业: "C", 统一社会信用代码: "D", 保证金金额: "E" }, [
      guarantee(2, "2022-01-01", "甲", "C1", 1),
    ]);
    const b = sheetRows("电子保函-交易二科", { 保函编号: "A", 开立日期: "B", 投标企业: "C", 保证金金额: "E" }, [
      guarantee(2, "2022-01-01", "乙", null, 1),
    ]);
    const firms = DEFAULT_DEFINITIONS.find((d) => d.id === "eg.firms")!;
    expect(evaluateFigures([firms], set(ledger("电子保函", [...a, ...b])), YEAR_2022).figures[0].value).toBe(2);
  });
});
