// Every code a figure's `unresolved` (or `zeroToSee`) can carry says which reason it is: the reason is
// worded once, in UNRESOLVED_TEXTS, and reaches the clerk exactly so — in the CLI's list, the JSON
// and the pane — with the cell to fix. (The texts below are those the engine gave before the
// catalogue; a change to one is a change the clerk sees.)
import { runEngine, undefinedFigure } from "../../../src/core/engine";
import { DEFINITION_HEADERS } from "../../../src/core/figures";
import { UNRESOLVED_TEXTS, codeOf } from "../../../src/core/messages";
import type { RawCell, Unresolved } from "../../../src/core/types";
import { rawTable, rawWorkbook } from "../../helpers/raw-workbook";

const definition = (id: string, ledger: string, aggregate: string, conditions: string): RawCell[] => [
  id,
  id,
  ledger,
  aggregate,
  conditions,
  "本期",
  "整数",
  "",
];

/** Each reason: the 指标定义 row (id, 台账, 统计, 条件) that gives it, the settings chosen, and the reason. */
type Case = [string, [string, string, string, string], Record<string, string>, Unresolved];
const CASES: Case[] = [
  [
    "a manual figure with a blank 手工值",
    ["m.blank", "", "", ""],
    {},
    {
      code: "manual_blank",
      reason: "手工指标的手工值为空",
      reasonEn: "it is a manual figure and its manual value is blank",
      cell: "指标定义!H2",
    },
  ],
  [
    "a missing ledger without a 手工值",
    ["l.missing", "电子保函", "计数", ""],
    {},
    {
      code: "ledger_missing",
      reason: "未找到“电子保函”台账，手工值也为空",
      reasonEn: "ledger 电子保函 is missing and the manual value is blank",
      cell: "指标定义!H3",
    },
  ],
  [
    "a condition column the ledger lacks",
    ["c.condition", "学习记录", "计数", "对象=群众"],
    {},
    {
      code: "column_missing",
      reason: "“学习记录”台账中没有条件列“对象”",
      reasonEn: 'ledger 学习记录 has no condition column "对象"',
      cell: "学习记录!A1",
    },
  ],
  [
    "a sum column the ledger lacks",
    ["c.sum", "活动记录", "求和:参加人次", ""],
    {},
    {
      code: "column_missing",
      reason: "“活动记录”台账中没有求和列“参加人次”",
      reasonEn: 'ledger 活动记录 has no sum column "参加人次"',
      cell: "活动记录!A1",
    },
  ],
  [
    "a condition value near one the column holds",
    ["v.near", "学习记录", "计数", "形式=专题学习会"],
    {},
    {
      code: "condition_value_absent",
      reason: "条件“形式=专题学习会”在台账中一条记录也没有（最接近的有：“专题学习”、“专题研讨”）",
      reasonEn: 'condition "形式=专题学习会" matches no record (the nearest found: "专题学习", "专题研讨")',
      cell: "指标定义!E6",
    },
  ],
  [
    "a condition value near none: the column's values",
    ["v.some", "学习记录", "计数", "主题=完全不同的一个主题啊"],
    {},
    {
      code: "condition_value_absent",
      reason: "条件“主题=完全不同的一个主题啊”在台账中一条记录也没有（该列的值有：“二十大”、“作风”）",
      reasonEn: 'condition "主题=完全不同的一个主题啊" matches no record (the column holds "二十大", "作风")',
      cell: "指标定义!E7",
    },
  ],
  [
    "a condition value near none of a column with more than five values: the first five, and more",
    ["v.more", "活动记录", "计数", "内容=完全不同的一个内容啊"],
    {},
    {
      code: "condition_value_absent",
      reason: "条件“内容=完全不同的一个内容啊”在台账中一条记录也没有（该列的值有：“a1”、“a2”、“a3”、“a4”、“a5” 等）",
      reasonEn: 'condition "内容=完全不同的一个内容啊" matches no record (the column holds "a1", "a2", "a3", "a4", "a5", …)',
      cell: "指标定义!E8",
    },
  ],
  [
    "a condition on a column without any value",
    ["v.none", "学习记录", "计数", "参加人数=12"],
    {},
    {
      code: "condition_value_absent",
      reason: "条件“参加人数=12”在台账中一条记录也没有（该列没有任何值）",
      reasonEn: 'condition "参加人数=12" matches no record (the column holds no value)',
      cell: "指标定义!E9",
    },
  ],
  [
    "a 包含 text no value holds",
    ["v.contains", "学习记录", "计数", "主题~XYZ"],
    {},
    {
      code: "condition_value_absent",
      reason: "条件“主题~XYZ”：没有一条记录的“主题”包含“XYZ”（该列的值有：“二十大”、“作风”）",
      reasonEn: 'condition "主题~XYZ": no record\'s 主题 contains "XYZ" (the column holds "二十大", "作风")',
      cell: "指标定义!E10",
    },
  ],
  [
    "a sum over a blank column",
    ["s.blank", "学习记录", "求和:参加人数", ""],
    {},
    {
      code: "sum_not_numbers",
      reason: "“参加人数”列中没有数字（整列都是空白），无法求和",
      reasonEn: "column 参加人数 holds no number (it is blank in every record), so it cannot be summed",
      cell: "指标定义!D11",
    },
  ],
  [
    "a sum over a column of words",
    ["s.text", "学习记录", "求和:组织", ""],
    {},
    {
      code: "sum_not_numbers",
      reason: "“组织”列中没有数字（2 个单元格都是文字，如 学习记录!F2“团委”），无法求和",
      reasonEn: 'column 组织 holds no number (its 2 filled cells are text, such as 学习记录!F2 "团委"), so it cannot be summed',
      cell: "指标定义!D12",
    },
  ],
  [
    "a 0 to be seen: a ledger without records",
    ["t.empty", "队伍", "计数", ""],
    {},
    {
      code: "ledger_empty",
      reason: "“队伍”台账还没有任何记录，按 0 计入",
      reasonEn: "ledger 队伍 has no records yet, so it is 0",
      cell: "队伍!A1",
    },
  ],
  [
    "a scope no ledger names",
    ["sc.unknown", "学习记录", "计数", ""],
    { scope: "人事科" },
    {
      code: "scope_unknown",
      reason: "统计范围“人事科”不是任何台账中的部门",
      reasonEn: 'the scope "人事科" is no department of any ledger',
      cell: undefined,
    },
  ],
  [
    "a scope a ledger has no record of",
    ["sc.elsewhere", "活动记录", "计数", ""],
    { scope: "办公室" },
    {
      code: "scope_not_in_ledger",
      reason: "“活动记录”台账中没有部门为“办公室”的记录（其中的部门：综合科），无法判断“办公室”是没有此项还是记在别处",
      reasonEn: 'no 活动记录 record belongs to "办公室" (its departments: 综合科), so a 0 could not tell "none" from "kept elsewhere"',
      cell: "活动记录!A1",
    },
  ],
  [
    "a scope a ledger without departments cannot apply",
    ["p.staff", "人员", "计数", ""],
    { scope: "办公室" },
    {
      code: "scope_no_department",
      reason: "人员 中的“人员”记录没有部门信息（没有“部门”列，工作表名也未写明部门），无法只统计“办公室”",
      reasonEn:
        'the 人员 records in 人员 say nothing about their department (no 部门 column, no department in the sheet name), so they cannot be limited to "办公室"',
      cell: "人员!A1",
    },
  ],
];

const DEFINITIONS: RawCell[][] = CASES.map(([, row]) => definition(...row));

const WORKBOOK = rawWorkbook(
  "台账.xlsx",
  rawTable("学习记录", [
    ["日期", "形式", "主题", "参加人数", "部门", "组织"],
    ["2022-03-01", "专题学习", "二十大", "", "办公室", "团委"],
    ["2022-04-01", "专题研讨", "作风", "", "办公室", "工会"],
  ]),
  rawTable("活动记录", [
    ["日期", "类型", "内容", "部门"],
    ...["a1", "a2", "a3", "a4", "a5", "a6"].map((text, k) => [`2022-0${k + 1}-01`, "志愿服务", text, "综合科"]),
  ]),
  rawTable("队伍", [["名称", "类型", "成立日期"]]),
  rawTable("人员", [
    ["姓名", "身份"],
    ["张三", "党员干部"],
  ]),
  rawTable("指标定义", [DEFINITION_HEADERS, ...DEFINITIONS]),
);

function reasonOf(id: string, overrides = {}): Unresolved | undefined {
  const figure = runEngine(WORKBOOK, { overrides }).figures.find((f) => f.id === id)!;
  return figure.unresolved ?? figure.zeroToSee;
}

describe("each reason a figure has no number", () => {
  it.each(CASES)("is worded from its code: %s", (_, [id], overrides, expected) => {
    expect(reasonOf(id, overrides)).toEqual(expected);
  });

  it("says the 部门 column is blank, not missing, when the sheet has one with nothing in it", () => {
    const blankDepartments = rawWorkbook(
      "台账.xlsx",
      ...WORKBOOK.tables.filter((t) => t.sheet !== "人员" && t.sheet !== "指标定义"),
      rawTable("人员", [
        ["姓名", "身份", "部门"],
        ["张三", "党员干部", ""],
        ["李四", "党员干部", null],
      ]),
      rawTable("指标定义", [DEFINITION_HEADERS, definition("p.staff", "人员", "计数", "")]),
    );
    expect(runEngine(blankDepartments, { overrides: { scope: "办公室" } }).figures.find((f) => f.id === "p.staff")!.unresolved).toEqual({
      code: "scope_no_department",
      reason: "人员 中的“人员”记录没有部门信息（“部门”列全是空白，工作表名也未写明部门），无法只统计“办公室”",
      reasonEn:
        'the 人员 records in 人员 say nothing about their department (their 部门 column is blank in every row, and the sheet name names none), so they cannot be limited to "办公室"',
      cell: "人员!C1",
    });
  });

  it("names the sheet that lacks a column when another sheet of the ledger has it", () => {
    const twoSheets = rawWorkbook(
      "台账.xlsx",
      rawTable("学习记录一", [
        ["日期", "形式", "主题", "组织"],
        ["2022-03-01", "专题学习", "二十大", "办公室"],
      ]),
      rawTable("学习记录二", [
        ["日期", "形式", "主题"],
        ["2022-04-01", "专题学习", "二十大"],
      ]),
      rawTable("指标定义", [DEFINITION_HEADERS, definition("c.sheet", "学习记录", "计数", "组织=办公室")]),
    );
    expect(runEngine(twoSheets).figures.find((f) => f.id === "c.sheet")!.unresolved).toEqual({
      code: "column_missing",
      reason: "学习记录二 中没有条件列“组织”",
      reasonEn: '学习记录二 has no condition column "组织"',
      cell: "学习记录二!A1",
    });
  });

  it("says a figure the report uses is not in 指标定义, or that its row there has an error", () => {
    const settings = runEngine(WORKBOOK).settings;
    expect(undefinedFigure("x.y", "某指标", settings).figure.unresolved).toEqual({
      code: "not_defined",
      reason: "“指标定义”中没有指标 x.y",
      reasonEn: "指标定义 has no figure x.y",
    });
    const broken = {
      severity: "error" as const,
      code: "definition.bad_period",
      message: "指标定义!F3 区间无法识别：“上期”",
      messageEn: "指标定义!F3: period not recognised",
      figure: "x.y",
      cell: "指标定义!F3",
    };
    expect(undefinedFigure("x.y", "某指标", settings, [broken]).figure.unresolved).toEqual({
      code: "definition_error",
      reason: "“指标定义”中这一行有误：区间无法识别：“上期”",
      reasonEn: "its 指标定义 row has an error: period not recognised",
      cell: "指标定义!F3",
    });
  });

  it("has a catalogue text for every code the engine gives", () => {
    const codes = new Set(Object.keys(UNRESOLVED_TEXTS).map((key) => codeOf(key)));
    const given = runEngine(WORKBOOK)
      .figures.map((f) => (f.unresolved ?? f.zeroToSee)?.code)
      .filter((code) => code !== undefined);
    expect(given.length).toBeGreaterThan(5);
    expect(given.filter((code) => !codes.has(code))).toEqual([]);
  });
});
