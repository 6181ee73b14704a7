import {
  describeCondition,
  describeConditionText,
  describePlace,
  describePlacesIn,
  describeValue,
  sortIssues,
} from "../../src/core/describe";
import type { Condition, Issue } from "../../src/core/types";

describe("places in the clerk's words", () => {
  // A quoted sheet and its cell show as `sheet · cell`, not formula syntax; text that is no address stays.
  it.each([
    ["'2022年学习记录台账'!C23", "2022年学习记录台账 · C23"],
    ["电子保函!C12", "电子保函 · C12"],
    ["'O''Brien'!$AB$7", "O'Brien · AB7"],
    ["指标定义", "指标定义"],
  ])("show the address %s as %s", (address, place) => {
    expect(describePlace(address)).toBe(place);
  });
  it.each([
    ["保函编号“DZBH1”与'电子保函-交易一科'!B1500 重复", "保函编号“DZBH1”与电子保函-交易一科 · B1500 重复"],
    ["见 电子保函!C12 和 人员!A3", "见 电子保函 · C12 和 人员 · A3"],
    ["金额为 3.93 亿元!", "金额为 3.93 亿元!"],
  ])("say every address inside the message %s as a place: %s", (message, said) => {
    expect(describePlacesIn(message)).toBe(said);
  });
});

describe("conditions in words", () => {
  // Column names stay as the workbook has them in either language.
  it.each<[string, Condition, string, string]>([
    ["contains", { kind: "contains", column: "主题", text: "二十大" }, "主题包含“二十大”", '主题 contains "二十大"'],
    ["ne", { kind: "ne", column: "状态", values: ["撤销"] }, "状态不是“撤销”", '状态 is not "撤销"'],
    ["eq", { kind: "eq", column: "形式", values: ["专题学习", "研讨"] }, "形式为“专题学习”或“研讨”", '形式 is "专题学习" or "研讨"'],
    ["blank", { kind: "blank", column: "包联社区" }, "包联社区为空", "包联社区 is blank"],
    ["notBlank", { kind: "notBlank", column: "包联社区" }, "包联社区不为空", "包联社区 is not blank"],
  ])("say a %s condition in Chinese and in English", (_kind, condition, zh, en) => {
    expect(describeCondition(condition, "zh-CN")).toBe(zh);
    expect(describeCondition(condition, "en-US")).toBe(en);
  });
  it("read conditions as written in 指标定义, and show unparseable text as written", () => {
    expect(describeConditionText("形式=专题学习; 主题~二十大", "zh-CN")).toBe("形式为“专题学习”，主题包含“二十大”");
    expect(describeConditionText("状态≠撤销", "en-US")).toBe('状态 is not "撤销"');
    expect(describeConditionText("", "zh-CN")).toBe("");
    expect(describeConditionText("乱写", "zh-CN")).toBe("乱写");
  });
});

describe("values with their unit", () => {
  it("give money in yuan and in the report's unit", () => {
    expect(describeValue(393044000, "yi", "zh-CN")).toBe("393,044,000 元（3.93 亿元）");
    expect(describeValue(393044000, "yi", "en-US")).toBe("393,044,000 yuan (3.93 亿元)");
    expect(describeValue(1234500, "wan", "zh-CN")).toBe("1,234,500 元（123.45 万元）");
  });
  it("group counts and mark shares as percent; nothing for no value", () => {
    expect(describeValue(3372, "integer", "zh-CN")).toBe("3,372");
    expect(describeValue(1316, "approx", "zh-CN")).toBe("1,316");
    expect(describeValue(12.5, "percent", "zh-CN")).toBe("12.5%");
    expect(describeValue(null, "integer", "zh-CN")).toBeNull();
  });
});

describe("issues in the order the clerk works through them", () => {
  const issue = (severity: Issue["severity"], cell?: string): Issue => ({ severity, code: "x", message: "", messageEn: "", cell });
  it("put errors before warnings before notes, and within each go by sheet, row, then column", () => {
    const sorted = sortIssues([
      issue("info", "A!B2"),
      issue("warning"),
      issue("error", "A!C10"),
      issue("warning", "A!B3"),
      issue("error", "A!C9"),
      issue("error", "A!AA9"),
      issue("error", "A!Z9"),
    ]);
    expect(sorted.map((i) => `${i.severity} ${i.cell ?? "-"}`)).toEqual([
      "error A!C9",
      "error A!Z9",
      "error A!AA9",
      "error A!C10",
      "warning A!B3",
      "warning -",
      "info A!B2",
    ]);
  });
});
