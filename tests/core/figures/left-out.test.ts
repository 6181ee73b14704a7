// A row with an error counts in no figure (LEDGERS.md); each figure of that ledger says it may be short
// by it, with the cell to fix — so a report's 2 is never silently one session short of the ledger's 3.
import type { FieldValue, FigureDefinition, LeftOutRow, RawCell, RawTable } from "../../../src/core/types";
import { couldCount } from "../../../src/core/figures/left-out";
import { figureDef, runWithDefinitions } from "./build";
import { readBesideRequired, readSheets, sheet } from "../ledger/build";

const STUDY: RawCell[] = ["日期", "形式", "主题", "参加人数"];
const TOPIC_COUNT: RawCell[] = ["study.topic", "专题学习次数", "学习记录", "计数", "形式=专题学习", "本期", "整数", ""];
const MANUAL: RawCell[] = ["goal", "目标要求条数", "", "", "", "", "整数", 7];

function studies(...attendance: RawCell[]) {
  return sheet("学习记录", [STUDY, ...attendance.map((n, i): RawCell[] => [`2022-0${i + 1}-10`, "专题学习", `第${i + 1}次`, n])]);
}

describe("figures of a ledger with rows left out for errors", () => {
  it("say how many rows were left out and the cell whose error did it", () => {
    const { figure, issues } = runWithDefinitions(studies(30, "约30", 25), [TOPIC_COUNT, MANUAL]);
    expect(issues.some((i) => i.severity === "error" && i.cell === "学习记录!D3")).toBe(true);
    expect(figure("study.topic")).toMatchObject({ value: 2, rowsLeftOut: { count: 1, cells: ["学习记录!D3"] } });
  });

  it("carry no mark when every row counted, nor on a manual figure", () => {
    const { figure } = runWithDefinitions(studies(30, 12, 25), [TOPIC_COUNT, MANUAL]);
    expect(figure("study.topic").value).toBe(3);
    expect(figure("study.topic").rowsLeftOut).toBeUndefined();
    const bad = runWithDefinitions(studies(30, "约30"), [TOPIC_COUNT, MANUAL]);
    expect(bad.figure("goal").rowsLeftOut).toBeUndefined();
  });

  it("count a record-like row below a note line, which is read as no record, and name its cell", () => {
    const sheetWithNote = sheet("学习记录", [
      STUDY,
      ["2022-01-10", "专题学习", "第1次", 30],
      ["注：参加人数以签到表为准"],
      ["2022-03-10", "专题学习", "第2次", 12],
    ]);
    const { figure, issues } = runWithDefinitions(sheetWithNote, [TOPIC_COUNT]);
    const below = issues.find((i) => i.code === "row.after_notes");
    expect(below?.cell).toBe("学习记录!A4");
    expect(figure("study.topic")).toMatchObject({ value: 1, rowsLeftOut: { count: 1, cells: ["学习记录!A4"] } });
  });

  it("name at most three cells however many rows were left out, and count them all", () => {
    const { figure } = runWithDefinitions(studies("a", "b", "c", "d", "e"), [TOPIC_COUNT]);
    expect(figure("study.topic").rowsLeftOut?.count).toBe(5);
    expect(figure("study.topic").rowsLeftOut?.cells).toHaveLength(3);
  });
});

// Only the rows a figure could have counted mark it: judged on the cells that could be read, a cell
// in error could hold anything (so a test on it could pass), and where in doubt the row marks.
describe("a figure marked only by the left-out rows it could have counted", () => {
  const SEMINAR_COUNT: RawCell[] = ["study.seminar", "专题研讨次数", "学习记录", "计数", "形式=专题研讨", "本期", "整数", ""];
  const TOPIC_TO_END: RawCell[] = ["study.topic.to_end", "专题学习累计", "学习记录", "计数", "形式=专题学习", "截至期末", "整数", ""];
  const ONLINE_COUNT: RawCell[] = ["study.online", "线上研讨次数", "学习记录", "计数", "形式=线上研讨", "本期", "整数", ""];
  const session = (date: RawCell, form: RawCell, attendance: RawCell): RawCell[] => [date, form, "学习二十大精神", attendance];

  it("a 2021 row left out does not mark the 2022 figures, and marks one counted up to the period end", () => {
    const ledger = sheet("学习记录", [STUDY, session("2022-03-01", "专题学习", 30), session("2021-11-05", "专题学习", "约30")]);
    const { figure } = runWithDefinitions(ledger, [TOPIC_COUNT, TOPIC_TO_END]);
    expect(figure("study.topic")).toMatchObject({ value: 1 });
    expect(figure("study.topic").rowsLeftOut).toBeUndefined();
    expect(figure("study.topic.to_end").rowsLeftOut).toEqual({ count: 1, cells: ["学习记录!D3"] });
  });

  it("a 2023 row left out does not mark a figure counted up to the 2022 period end", () => {
    const ledger = sheet("学习记录", [STUDY, session("2022-03-01", "专题学习", 30), session("2023-01-09", "专题学习", "约30")]);
    const { figure } = runWithDefinitions(ledger, [TOPIC_TO_END]);
    expect(figure("study.topic.to_end").rowsLeftOut).toBeUndefined();
  });

  it("a row whose date is the error marks the figures of every period, since it could be in any", () => {
    const ledger = sheet("学习记录", [STUDY, session("2022-03-01", "专题学习", 30), session("2022年13月5日", "专题学习", 12)]);
    const { figure } = runWithDefinitions(ledger, [TOPIC_COUNT, TOPIC_TO_END]);
    expect(figure("study.topic").rowsLeftOut).toEqual({ count: 1, cells: ["学习记录!A3"] });
    expect(figure("study.topic.to_end").rowsLeftOut).toEqual({ count: 1, cells: ["学习记录!A3"] });
  });

  it("a row with 形式 线上研讨 does not mark a 专题学习 or 专题研讨 figure, and marks the 线上研讨 one", () => {
    const ledger = sheet("学习记录", [STUDY, session("2022-03-01", "专题学习", 30), session("2022-04-01", "线上研讨", "约30")]);
    const { figure } = runWithDefinitions(ledger, [TOPIC_COUNT, SEMINAR_COUNT, ONLINE_COUNT]);
    expect(figure("study.topic").rowsLeftOut).toBeUndefined();
    expect(figure("study.seminar").rowsLeftOut).toBeUndefined();
    expect(figure("study.online").rowsLeftOut).toEqual({ count: 1, cells: ["学习记录!D3"] });
  });

  it("a row whose 形式 cell is the error (an Excel error, or blank though required) marks every 形式 figure", () => {
    const ledger = sheet("学习记录", [
      STUDY,
      session("2022-03-01", "专题学习", 30),
      session("2022-04-01", "#N/A", 8),
      session("2022-05-01", "", 9),
    ]);
    const { figure } = runWithDefinitions(ledger, [TOPIC_COUNT, SEMINAR_COUNT]);
    expect(figure("study.topic").rowsLeftOut).toEqual({ count: 2, cells: ["学习记录!B3", "学习记录!B4"] });
    expect(figure("study.seminar").rowsLeftOut).toEqual({ count: 2, cells: ["学习记录!B3", "学习记录!B4"] });
  });

  it("a row below a 注： line is judged on its cells too: a 2021 one marks no 2022 figure, a 2022 one marks its 形式", () => {
    const ledger = sheet("学习记录", [
      STUDY,
      session("2022-01-10", "专题学习", 30),
      ["注：参加人数以签到表为准"],
      session("2021-12-10", "专题学习", 12),
      session("2022-06-10", "专题研讨", 15),
    ]);
    const { figure } = runWithDefinitions(ledger, [TOPIC_COUNT, SEMINAR_COUNT]);
    expect(figure("study.topic").rowsLeftOut).toBeUndefined();
    expect(figure("study.seminar").rowsLeftOut).toEqual({ count: 1, cells: ["学习记录!A5"] });
  });

  it("a row typed under an Excel table is judged on its cells under the table's columns; one beside it could be anything", () => {
    const cells: RawCell[][] = [
      STUDY,
      session("2022-03-01", "专题学习", 30),
      session("2021-10-01", "专题学习", 12),
      session("2022-10-01", "专题研讨", 12),
    ];
    const table = (rows: RawCell[][], rect: { top: number; left: number; bottom: number; right: number }): RawTable => ({
      sheet: "学习记录",
      table: "StudySessions",
      top: rect.top,
      left: rect.left,
      values: rows.slice(rect.top, rect.bottom + 1).map((line) => line.slice(rect.left, rect.right + 1)),
      headerRows: 1,
      totalsRows: 0,
      around: { tables: [rect], regions: [{ top: 0, left: 0, values: rows }] },
    });
    const below = runWithDefinitions(table(cells, { top: 0, left: 0, bottom: 1, right: 3 }), [TOPIC_COUNT, SEMINAR_COUNT]);
    expect(below.issues.filter((i) => i.code === "row.outside_table").map((i) => i.cell)).toEqual(["学习记录!A3", "学习记录!A4"]);
    expect(below.figure("study.topic").rowsLeftOut).toBeUndefined();
    expect(below.figure("study.seminar").rowsLeftOut).toEqual({ count: 1, cells: ["学习记录!A4"] });
    // A record typed to the right of the table's empty last row: nothing binds its cells to a column.
    const beside = [STUDY, session("2022-03-01", "专题学习", 30), ["", "", "", "", "", "2021-10-01", "专题研讨", "补录"]];
    const aside = runWithDefinitions(table(beside, { top: 0, left: 0, bottom: 2, right: 3 }), [TOPIC_COUNT, SEMINAR_COUNT]);
    expect(aside.issues.filter((i) => i.code === "row.outside_table").map((i) => i.cell)).toEqual(["学习记录!F3"]);
    expect(aside.figure("study.topic").rowsLeftOut).toEqual({ count: 1, cells: ["学习记录!F3"] });
    expect(aside.figure("study.seminar").rowsLeftOut).toEqual({ count: 1, cells: ["学习记录!F3"] });
  });

  describe("guarantees: 撤销 never counts unless a figure asks for it", () => {
    const EG: RawCell[] = ["保函编号", "开立日期", "投标企业", "保证金金额（元）", "状态"];
    const EG_COUNT: RawCell[] = ["eg.count", "电子保函笔数", "电子保函", "计数", "状态≠撤销", "截至期末", "整数", ""];
    const EG_REVOKED: RawCell[] = ["eg.revoked", "撤销笔数", "电子保函", "计数", "状态=撤销", "截至期末", "整数", ""];
    const guarantees = (...rows: RawCell[][]) => sheet("电子保函", [EG, ["BH-1", "2022-02-01", "甲公司", 10000, "有效"], ...rows]);

    it("a revoked guarantee left out marks only the figure of revoked ones", () => {
      const { figure } = runWithDefinitions(guarantees(["BH-2", "2022-03-01", "乙公司", "一万", "已作废"]), [EG_COUNT, EG_REVOKED]);
      expect(figure("eg.count").rowsLeftOut).toBeUndefined();
      expect(figure("eg.revoked").rowsLeftOut).toEqual({ count: 1, cells: ["电子保函!D3"] });
    });

    it("a guarantee whose 状态 is the error could be 有效 or 撤销: it marks both", () => {
      const { figure } = runWithDefinitions(guarantees(["BH-2", "2022-03-01", "乙公司", 5000, "待定"]), [EG_COUNT, EG_REVOKED]);
      expect(figure("eg.count").rowsLeftOut).toEqual({ count: 1, cells: ["电子保函!E3"] });
      expect(figure("eg.revoked").rowsLeftOut).toEqual({ count: 1, cells: ["电子保函!E3"] });
    });

    it("a guarantee with a blank 状态 is 有效: left out, it marks the count and not the revoked figure", () => {
      const { figure } = runWithDefinitions(guarantees(["BH-2", "2022-03-01", "乙公司", "一万", ""]), [EG_COUNT, EG_REVOKED]);
      expect(figure("eg.count").rowsLeftOut).toEqual({ count: 1, cells: ["电子保函!D3"] });
      expect(figure("eg.revoked").rowsLeftOut).toBeUndefined();
    });
  });

  describe("partners: active at the period end unless terminated by then", () => {
    const PARTNER: RawCell[] = ["单位名称", "协议签订日期", "共建内容", "状态", "终止日期"];
    const ACTIVE_COUNT: RawCell[] = ["partners.count", "共建单位数", "共建单位", "计数", "状态≠终止", "截至期末", "整数", ""];
    const partners = (...rows: RawCell[][]) => sheet("共建单位", [PARTNER, ["甲社区", "2021-05-01", "共建", "有效", ""], ...rows]);

    it("a unit terminated before the period end, left out for its agreement date, does not mark the active count", () => {
      const { figure } = runWithDefinitions(partners(["乙社区", "去年", "共建", "终止", "2022-06-30"]), [ACTIVE_COUNT]);
      expect(figure("partners.count").rowsLeftOut).toBeUndefined();
    });

    it("a unit terminated only after the period end was still active then: it marks the count", () => {
      const { figure } = runWithDefinitions(partners(["乙社区", "去年", "共建", "终止", "2023-03-01"]), [ACTIVE_COUNT]);
      expect(figure("partners.count").rowsLeftOut).toEqual({ count: 1, cells: ["共建单位!B3"] });
    });

    it("a unit whose 终止日期 is the error could have ended either side of the period end: it marks the count", () => {
      const { figure } = runWithDefinitions(partners(["乙社区", "2021-01-01", "共建", "终止", "#REF!"]), [ACTIVE_COUNT]);
      expect(figure("partners.count").rowsLeftOut).toEqual({ count: 1, cells: ["共建单位!E3"] });
    });
  });
});

describe("couldCount, on a left-out row as plain data", () => {
  const row = (values: Record<string, FieldValue>, unread: string[] = [], department: string | null = null): LeftOutRow => ({
    sheet: "电子保函",
    row: 5,
    reason: "error",
    values,
    unread,
    department,
    cells: ["电子保函!F5"],
  });
  const def = (conditions: string, extra: Partial<FigureDefinition> = {}) => figureDef("电子保函", conditions, extra);
  const period2022 = (kind: "current" | "toEnd" | "all") => ({
    period: { kind, label: "", start: kind === "current" ? "2022-01-01" : null, end: "2022-12-31" },
  });

  it("leaves out a row of another department under a scope, and keeps one whose 部门 cell could not be read", () => {
    const scoped = { ...period2022("all"), scope: "交易一科" };
    expect(couldCount(row({ 状态: "有效" }, [], "交易二科"), def("状态≠撤销"), scoped)).toBe(false);
    expect(couldCount(row({ 状态: "有效" }, [], null), def("状态≠撤销"), scoped)).toBe(false);
    expect(couldCount(row({ 状态: "有效" }, [], " 交易一科 "), def("状态≠撤销"), scoped)).toBe(true);
    expect(couldCount(row({ 状态: "有效" }, ["部门"]), def("状态≠撤销"), scoped)).toBe(true);
    expect(couldCount(row({ 状态: "有效" }, [], "交易二科"), def("状态≠撤销"), period2022("all"))).toBe(true);
  });

  it("judges the period on a readable date, and keeps a row whose date could not be read", () => {
    expect(couldCount(row({ 开立日期: "2021-12-31" }), def(""), period2022("current"))).toBe(false);
    expect(couldCount(row({ 开立日期: "2021-12-31" }), def(""), period2022("toEnd"))).toBe(true);
    expect(couldCount(row({ 开立日期: "2023-01-01" }), def(""), period2022("toEnd"))).toBe(false);
    expect(couldCount(row({ 开立日期: "2023-01-01" }), def(""), period2022("all"))).toBe(true);
    expect(couldCount(row({}, ["开立日期"]), def(""), period2022("current"))).toBe(true);
  });

  it("passes a condition on a cell that could not be read, and fails one a readable cell fails", () => {
    expect(couldCount(row({ 出函机构: "某银行" }), def("出函机构~保险"), period2022("all"))).toBe(false);
    expect(couldCount(row({}, ["出函机构"]), def("出函机构~保险"), period2022("all"))).toBe(true);
    expect(couldCount(row({ 出函机构: null }), def("出函机构 非空"), period2022("all"))).toBe(false);
    expect(couldCount(row({ 出函机构: null }), def("出函机构 为空"), period2022("all"))).toBe(true);
  });

  it("reads a condition by the column's alias and the clerk's own header, as figures do", () => {
    expect(couldCount(row({ 状态: "撤销" }), def("Status=撤销"), period2022("all"))).toBe(true);
    expect(couldCount(row({ 经办人: "张三" }), def("经办人=李四"), period2022("all"))).toBe(false);
    // A column the row's sheet does not have: nothing says the row fails it.
    expect(couldCount(row({}), def("经办人=李四"), period2022("all"))).toBe(true);
  });
});

describe("what the reader keeps of a left-out row", () => {
  it("keeps its readable cells as their columns read them, its cells in error as unread, its department and the cells to fix", () => {
    const header: RawCell[] = ["保函编号", "开立日期", "投标企业", "保证金金额（万元）", "状态", "出函机构"];
    const set = readBesideRequired(
      sheet("电子保函-交易二科", [
        header,
        ["BH-1", "2022-02-01", "甲公司", 1.5, "", "#N/A"],
        ["BH-2", "2022/3/1", "乙公司", "一万", "作废", ""],
      ]),
    );
    const ledger = set.ledgers.电子保函!;
    expect(ledger.excluded).toBe(1);
    expect(ledger.leftOut).toEqual([
      {
        sheet: "电子保函-交易二科",
        row: 3,
        reason: "error",
        // 作废 is read as 撤销; the blank 出函机构 is blank, not unread; the 万元 amount is the error.
        values: { 保函编号: "BH-2", 开立日期: "2022-03-01", 投标企业: "乙公司", 状态: "撤销", 出函机构: null },
        unread: ["保证金金额"],
        department: "交易二科",
        cells: ["'电子保函-交易二科'!D3"],
      },
    ]);
  });

  it("keeps nothing for a ledger whose rows all count", () => {
    const set = readBesideRequired(
      sheet("电子保函", [
        ["保函编号", "开立日期", "投标企业", "保证金金额（元）"],
        ["BH-1", "2022-02-01", "甲公司", 100],
      ]),
    );
    expect(set.ledgers.电子保函!.leftOut).toBeUndefined();
  });
});

// A clerk's variant of a 形式 or 类型 (`专题研讨会` for 专题研讨) is a warning and the row counts as
// 其他: the figure asking for 专题研讨 does not have it, though the clerk meant it there. Each figure
// that reads the column, does not count the row and could have on its other cells says it may be
// short by it, with the cell and that it was read as 其他; one that counts 其他 or reads no 形式 does not.
describe("a figure marked by the rows whose unknown word was counted as 其他", () => {
  const SEMINAR_COUNT: RawCell[] = ["study.seminar", "专题研讨次数", "学习记录", "计数", "形式=专题研讨", "本期", "整数", ""];
  const LECTURE_COUNT: RawCell[] = ["study.lecture", "主题宣讲次数", "学习记录", "计数", "形式=主题宣讲", "本期", "整数", ""];
  const OTHER_COUNT: RawCell[] = ["study.other", "其他形式次数", "学习记录", "计数", "形式=其他", "本期", "整数", ""];
  const NOT_TOPIC: RawCell[] = ["study.not_topic", "专题学习以外次数", "学习记录", "计数", "形式≠专题学习", "本期", "整数", ""];
  const ALL_COUNT: RawCell[] = ["study.all", "学习次数", "学习记录", "计数", "", "本期", "整数", ""];
  const ATTENDANCE: RawCell[] = ["study.people", "参学人次", "学习记录", "求和:参加人数", "", "本期", "整数", ""];
  const TWENTIETH: RawCell[] = ["study.twentieth", "二十大专题研讨次数", "学习记录", "计数", "形式=专题研讨; 主题~二十大", "本期", "整数", ""];
  const SEMINAR_TO_END: RawCell[] = ["study.seminar.to_end", "专题研讨累计", "学习记录", "计数", "形式=专题研讨", "截至期末", "整数", ""];
  const session = (date: RawCell, form: RawCell, attendance: RawCell = 20, topic: RawCell = "营商环境"): RawCell[] => [
    date,
    form,
    topic,
    attendance,
  ];
  const readAsOther = (cells: string[]) => ({ count: cells.length, cells, readAsOther: { count: cells.length, cells, columns: ["形式"] } });

  it("an unknown 形式 in the period marks 专题研讨次数 and 主题宣讲次数 with its cell, and that it was read as 其他", () => {
    const ledger = sheet("学习记录", [STUDY, session("2022-03-01", "专题研讨"), session("2022-08-01", "专题研讨会")]);
    const { figure, issues } = runWithDefinitions(ledger, [SEMINAR_COUNT, LECTURE_COUNT]);
    // The cell's warning stays as it was.
    const warning = issues.find((i) => i.cell === "学习记录!B3");
    expect(warning).toMatchObject({ severity: "warning", code: "enum.unknown" });
    expect(warning?.message).toContain("按“其他”统计");
    expect(figure("study.seminar")).toMatchObject({ value: 1, rowsLeftOut: readAsOther(["学习记录!B3"]) });
    expect(figure("study.lecture")).toMatchObject({ value: 0, rowsLeftOut: readAsOther(["学习记录!B3"]) });
  });

  it("does not mark a figure that counts the row as 其他, nor one that does not read 形式", () => {
    const ledger = sheet("学习记录", [STUDY, session("2022-03-01", "专题研讨"), session("2022-08-01", "专题研讨会", 15)]);
    const { figure } = runWithDefinitions(ledger, [OTHER_COUNT, NOT_TOPIC, ALL_COUNT, ATTENDANCE]);
    expect(figure("study.other")).toMatchObject({ value: 1 });
    expect(figure("study.not_topic")).toMatchObject({ value: 2 });
    expect(figure("study.all")).toMatchObject({ value: 2 });
    expect(figure("study.people")).toMatchObject({ value: 35 });
    for (const id of ["study.other", "study.not_topic", "study.all", "study.people"]) expect(figure(id).rowsLeftOut).toBeUndefined();
  });

  it("an unknown 形式 in 2021 marks nothing of 2022, and marks a 专题研讨 figure counted up to the period end", () => {
    const ledger = sheet("学习记录", [STUDY, session("2022-03-01", "专题研讨"), session("2021-11-05", "专题研讨会")]);
    const { figure } = runWithDefinitions(ledger, [SEMINAR_COUNT, LECTURE_COUNT, SEMINAR_TO_END]);
    expect(figure("study.seminar").rowsLeftOut).toBeUndefined();
    expect(figure("study.lecture").rowsLeftOut).toBeUndefined();
    expect(figure("study.seminar.to_end")).toMatchObject({ value: 1, rowsLeftOut: readAsOther(["学习记录!B3"]) });
  });

  it("a row another condition rules out does not mark the figure: its other cells decide", () => {
    const ledger = sheet("学习记录", [
      STUDY,
      session("2022-03-01", "专题研讨", 20, "学习二十大精神"),
      session("2022-08-01", "专题研讨会", 20, "营商环境"),
      session("2022-09-01", "专题研讨会", 20, "二十大报告"),
    ]);
    const { figure } = runWithDefinitions(ledger, [TWENTIETH]);
    expect(figure("study.twentieth")).toMatchObject({ value: 1, rowsLeftOut: readAsOther(["学习记录!B4"]) });
  });

  it("counts rows left out for errors and rows read as 其他 in one mark, saying which were read as 其他", () => {
    const ledger = sheet("学习记录", [
      STUDY,
      session("2022-03-01", "专题研讨"),
      session("2022-04-01", "专题研讨", "约30"),
      session("2022-08-01", "专题研讨会"),
      session("2022-09-01", "研讨"),
    ]);
    const { figure } = runWithDefinitions(ledger, [SEMINAR_COUNT]);
    expect(figure("study.seminar")).toMatchObject({
      value: 1,
      rowsLeftOut: {
        count: 3,
        cells: ["学习记录!D3", "学习记录!B4", "学习记录!B5"],
        readAsOther: { count: 2, cells: ["学习记录!B4", "学习记录!B5"], columns: ["形式"] },
      },
    });
  });

  it("a row left out for an error whose 形式 is unknown could be any 形式: it marks the 其他 figure and the 专题研讨 one", () => {
    const ledger = sheet("学习记录", [STUDY, session("2022-03-01", "专题研讨"), session("2022-08-01", "专题研讨会", "约30")]);
    const { figure } = runWithDefinitions(ledger, [SEMINAR_COUNT, OTHER_COUNT]);
    expect(figure("study.seminar").rowsLeftOut).toEqual({ count: 1, cells: ["学习记录!D3"] });
    expect(figure("study.other").rowsLeftOut).toEqual({ count: 1, cells: ["学习记录!D3"] });
  });

  it("a row below a 注： line whose 形式 is unknown could be any 形式 too", () => {
    const ledger = sheet("学习记录", [STUDY, session("2022-03-01", "专题研讨"), ["注：参加人数以签到表为准"], session("2022-08-01", "专题研讨会")]);
    const { figure } = runWithDefinitions(ledger, [SEMINAR_COUNT]);
    expect(figure("study.seminar").rowsLeftOut).toEqual({ count: 1, cells: ["学习记录!A4"] });
  });

  it("on a department's own sheet: a figure counting 其他 has the row (by its sheet and row) and is not marked", () => {
    const ledger = sheet("学习记录-交易一科", [STUDY, session("2022-03-01", "专题研讨"), session("2022-08-01", "专题研讨会")]);
    const { figure } = runWithDefinitions(ledger, [SEMINAR_COUNT, OTHER_COUNT]);
    expect(figure("study.other")).toMatchObject({ value: 1 });
    expect(figure("study.other").rowsLeftOut).toBeUndefined();
    expect(figure("study.seminar")).toMatchObject({ value: 1, rowsLeftOut: readAsOther(["'学习记录-交易一科'!B3"]) });
  });

  it("an unknown 类型 of 活动记录 (捐款) marks the figures asking for a 类型, not those counting 其他", () => {
    const ACTIVITY: RawCell[] = ["日期", "类型", "内容", "对象"];
    const DONATIONS: RawCell[] = ["donations.count", "捐赠次数", "活动记录", "计数", "类型=捐赠", "本期", "整数", ""];
    const OTHERS: RawCell[] = ["activities.other", "其他活动次数", "活动记录", "计数", "类型=其他", "本期", "整数", ""];
    const ledger = sheet("活动记录", [ACTIVITY, ["2022-05-01", "捐赠", "捐书", "某村"], ["2022-10-10", "捐款", "捐款", "某村"]]);
    const { figure } = runWithDefinitions(ledger, [DONATIONS, OTHERS]);
    expect(figure("donations.count")).toMatchObject({
      value: 1,
      rowsLeftOut: { count: 1, cells: ["活动记录!B3"], readAsOther: { count: 1, cells: ["活动记录!B3"], columns: ["类型"] } },
    });
    expect(figure("activities.other")).toMatchObject({ value: 1 });
    expect(figure("activities.other").rowsLeftOut).toBeUndefined();
  });
});

describe("what the reader keeps of a row read as 其他", () => {
  it("keeps the row as counted, with its values, the column read as 其他, its cell and its department", () => {
    const set = readBesideRequired(
      sheet("学习记录-交易一科", [STUDY, ["2022-03-01", "专题研讨", "营商环境", 10], ["2022-08-01", "专题研讨会", "营商环境", 12]]),
    );
    const ledger = set.ledgers.学习记录!;
    expect(ledger.excluded).toBe(0);
    expect(ledger.readAsOther).toEqual([
      {
        sheet: "学习记录-交易一科",
        row: 3,
        values: { 日期: "2022-08-01", 形式: "其他", 主题: "营商环境", 参加人数: 12 },
        columns: ["形式"],
        cells: ["'学习记录-交易一科'!B3"],
        department: "交易一科",
      },
    ]);
  });

  it("keeps none for a ledger whose words are all known", () => {
    const set = readSheets(sheet("学习记录", [STUDY, ["2022-03-01", "专题研讨", "营商环境", 10], ["2022-08-01", "其他", "营商环境", 12]]));
    expect(set.ledgers.学习记录!.readAsOther).toBeUndefined();
  });
});
