// A 条件 value no record has (`形式=专题学习会` where the ledger says 专题学习) is taken for a typo:
// the figure is unresolved and the condition's cell names the nearest values — unless the value is one
// of the column's own choices or 条件 says 允许为零.
import { DEFINITION_HEADERS, definitionToRow, readDefinitions } from "../../../src/core/figures";
import type { RawCell } from "../../../src/core/types";
import { rawTable, rawWorkbook } from "../../helpers/raw-workbook";
import { runWithDefinitions } from "./build";

const count = (id: string, conditions: string): RawCell[] => [id, id, "学习记录", "计数", conditions, "本期", "整数", ""];

const DEFINITIONS: RawCell[][] = [
  count("t.typo", "形式=专题学习会"),
  count("t.own_column", "地点=会议厅"),
  count("t.choice", "形式=党课"),
  count("t.allowed", "地点=礼堂; 允许为零"),
  count("t.one_of_two", "形式=专题学习|专题研讨会"),
  count("t.right", "形式=专题学习"),
];

/**
 * The figure is unresolved, never 0, pointing at the condition's cell, and a warning at that cell says
 * how to allow the 0 (允许为零); the warning is returned for its words.
 */
function expectAbsentValueWarning(r: ReturnType<typeof runWithDefinitions>, id: string, text: string, cell: string) {
  expect(r.figure(id)).toMatchObject({ value: null, text, unresolved: { code: "condition_value_absent", cell } });
  const issue = r.issues.find((i) => i.code === "figure.condition_value_absent" && i.figure === id)!;
  expect(issue).toMatchObject({ severity: "warning", cell });
  expect(issue.message).toContain("允许为零");
  return issue;
}

/** The figure counts `value` and nothing is said about it. */
function expectCountedWithoutIssue(r: ReturnType<typeof runWithDefinitions>, id: string, value: number) {
  expect(r.figure(id).value).toBe(value);
  expect(r.issues.filter((i) => i.figure === id)).toEqual([]);
}

describe("a condition value that no record has", () => {
  const r = runWithDefinitions(
    rawTable("学习记录", [
      ["日期", "形式", "主题", "地点"],
      ["2022-03-01", "专题学习", "二十大", "会议室"],
      ["2022-04-01", "专题学习", "二十大", "会议室"],
      ["2022-05-01", "专题研讨", "作风", "线上"],
    ]),
    DEFINITIONS,
  );

  test("is unresolved, never 0, with the nearest values found named at the condition's cell", () => {
    const issue = expectAbsentValueWarning(r, "t.typo", "［待补：t.typo］", "指标定义!E2");
    expect(issue.message).toContain("条件“形式=专题学习会”在“学习记录”台账中一条记录也没有（最接近的有：“专题学习”、“专题研讨”）");
    expect(issue.messageEn).toContain('the nearest found: "专题学习", "专题研讨"');
  });

  test("in a clerk's own column as well", () => {
    expect(r.figure("t.own_column").value).toBeNull();
    expect(r.issues.find((i) => i.figure === "t.own_column")!.message).toContain("最接近的有：“会议室”");
  });

  test("one absent value among several leaves the figure unresolved (it would count too few)", () => {
    expect(r.figure("t.one_of_two")).toMatchObject({ value: null, unresolved: { code: "condition_value_absent" } });
    expect(r.issues.find((i) => i.figure === "t.one_of_two")!.message).toContain("形式=专题研讨会");
  });

  test("a value of the column's own choices (its drop-down list) gives 0 without an issue", () => {
    expectCountedWithoutIssue(r, "t.choice", 0);
  });

  test("允许为零 in 条件 makes the 0 the clerk's, said as an info at the cell", () => {
    expect(r.figure("t.allowed")).toMatchObject({ value: 0, conditions: "地点=礼堂" });
    expect(r.issues.filter((i) => i.figure === "t.allowed")).toEqual([
      expect.objectContaining({ severity: "info", code: "figure.condition_value_allowed_zero", cell: "指标定义!E5" }),
    ]);
  });

  test("a value the ledger has counts as before", () => {
    expectCountedWithoutIssue(r, "t.right", 2);
  });

  test("允许为零 is kept when the definition is written back to 指标定义", () => {
    const read = readDefinitions(rawWorkbook("w", rawTable("指标定义", [DEFINITION_HEADERS, count("t.allowed", "地点=礼堂；允许为零")])));
    expect(read.issues).toEqual([]);
    expect(read.definitions[0].allowZero).toBe(true);
    expect(definitionToRow(read.definitions[0])[4]).toBe("地点=礼堂; 允许为零");
  });
});

// `~` (包含) fails the same way: a text no value of the column contains counts nothing, and a 0 from a
// typo (`出函机构~工商银行` where the ledger writes 工行) must not reach the report unseen.
describe("a 包含 (~) condition whose text no record contains", () => {
  const CONTAINS: RawCell[][] = [
    ["c.typo", "工商银行出函", "电子保函", "计数", "出函机构~工商银行", "本期", "整数", ""],
    ["c.right", "工行出函", "电子保函", "计数", "出函机构~工行", "本期", "整数", ""],
    ["c.allowed", "农行出函", "电子保函", "计数", "出函机构~农业银行; 允许为零", "本期", "整数", ""],
    ["c.choice", "撤销笔数", "电子保函", "计数", "状态~撤; 状态=撤销", "本期", "整数", ""],
    ["c.spaced", "建行出函", "电子保函", "计数", "出函机构~ 建设银行 ", "本期", "整数", ""],
  ];
  const r = runWithDefinitions(
    rawTable("电子保函", [
      ["保函编号", "开立日期", "投标企业", "保证金金额（元）", "出函机构", "状态"],
      ["BH-1", "2022-03-01", "甲公司", 1000, "工行某支行", "有效"],
      ["BH-2", "2022-04-01", "乙公司", 2000, "中国建设银行某分行", "有效"],
      ["BH-3", "2022-05-01", "丙公司", 3000, "某担保公司", "有效"],
    ]),
    CONTAINS,
  );

  test("is unresolved, never 0, with the values nearest to the text named at the condition's cell", () => {
    const issue = expectAbsentValueWarning(r, "c.typo", "［待补：工商银行出函］", "指标定义!E2");
    expect(r.figure("c.typo").unresolved!.reason).toContain("出函机构~工商银行");
    expect(issue.ledger).toBe("电子保函");
    expect(issue.message).toContain("条件“出函机构~工商银行”：“电子保函”台账中没有一条记录的“出函机构”包含“工商银行”");
    expect(issue.message).toContain("“中国建设银行某分行”");
    expect(issue.messageEn).toContain('condition "出函机构~工商银行"');
    expect(issue.messageEn).toContain('"中国建设银行某分行"');
  });

  test("a text some value contains counts as before, with no issue", () => {
    expectCountedWithoutIssue(r, "c.right", 1);
  });

  test("the text is trimmed as the match trims it, so spaces around it are no typo", () => {
    expectCountedWithoutIssue(r, "c.spaced", 1);
  });

  test("允许为零 in 条件 makes the 0 the clerk's, said as an info at the cell", () => {
    expect(r.figure("c.allowed")).toMatchObject({ value: 0 });
    expect(r.issues.filter((i) => i.figure === "c.allowed")).toEqual([
      expect.objectContaining({ severity: "info", code: "figure.condition_value_allowed_zero", cell: "指标定义!E4" }),
    ]);
    expect(r.issues.find((i) => i.figure === "c.allowed")!.message).toContain("出函机构~农业银行");
  });

  test("a text contained in one of the column's own choices (its drop-down list) gives 0 without an issue", () => {
    expectCountedWithoutIssue(r, "c.choice", 0);
  });
});
