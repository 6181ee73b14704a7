// Every path by which a figure used to come out as a quiet 0, built as a clerk's workbook and run
// through the whole engine: each must give value null, the placeholder and a reason, never 0.
import { runEngine, withRefusedDefinitions, type EngineResult } from "../../src/core/engine";
import { reportPlainText } from "../helpers/report-text";
import { DEFAULT_DEFINITIONS, DEFINITION_HEADERS, definitionToRow } from "../../src/core/figures";
import { settingsSheet as settings } from "../helpers/settings-sheet";
import type { RawCell, RawTable } from "../../src/core/types";
import { rawTable, rawWorkbook } from "../helpers/raw-workbook";
import { EG_HEADER } from "./ledger/build";

/**
 * Figure `id` is unresolved for `code` at `cell`: no value, and the report shows ［待补：name］ in its
 * place — never a number. Returns the figure for the test's further checks.
 */
function expectUnresolved(result: EngineResult, id: string, code: string, cell: string) {
  const f = result.figures.find((x) => x.id === id)!;
  expect([id, f.value, f.text, f.unresolved?.code, f.unresolved?.cell]).toEqual([id, null, `［待补：${f.name}］`, code, cell]);
  return f;
}

const STUDY_HEADER: RawCell[] = ["日期", "形式", "主题", "组织"];
const STUDY_ROWS: RawCell[][] = [
  ["2022-03-01", "专题学习", "学习贯彻党的二十大精神", "党组"],
  ["2022-04-01", "专题研讨", "作风建设", "党组"],
  ["2022-05-01", "线上研讨", "二十大", "青年理论学习小组"],
  ["2022-06-01", "主题宣讲", "二十大", "党支部"],
];
const EG_ROWS: RawCell[][] = [
  ["BH-1", "2022-01-01", "甲公司", "", 100000000, "有效"],
  ["BH-2", "2022-02-01", "乙公司", "", 50000000, "撤销"],
];

const table = rawTable;

const workbook = (...tables: RawTable[]) => rawWorkbook("台账.xlsx", ...tables);

const baseTables = () => [
  settings(),
  table("学习记录", [STUDY_HEADER, ...STUDY_ROWS]),
  table("共建单位", [
    ["单位名称", "协议签订日期"],
    ["某社区", "2022-01-05"],
  ]),
  table("电子保函", [EG_HEADER, ...EG_ROWS]),
];

const STUDY_IDS = ["study.topic.count", "study.seminar.count", "study.youth_online.count", "study.lecture.count"];

describe("figures the ledgers cannot support", () => {
  it("are exact on the workbook as made", () => {
    const result = runEngine(workbook(...baseTables()));
    expect(STUDY_IDS.map((id) => result.figures.find((f) => f.id === id)!.value)).toEqual([1, 1, 1, 1]);
    expect(result.figures.find((f) => f.id === "eg.amount")!.value).toBe(100000000);
  });

  it("are unresolved, not 0, when 形式 is renamed 学习方式 — and the report shows the placeholder, never 专题学习…0次", () => {
    const renamed = baseTables();
    renamed[1] = table("学习记录", [["日期", "学习方式", "主题", "组织"], ...STUDY_ROWS]);
    const result = runEngine(workbook(...renamed));
    for (const id of STUDY_IDS) {
      // The clerk's 学习方式 header, where the ledger's own issue stands — not the 日期 header first in the row.
      expectUnresolved(result, id, "column_missing", "学习记录!B1");
    }
    const text = reportPlainText(result.report);
    expect(text).toContain("专题学习党的二十大精神［待补：专题学习党的二十大精神次数］次");
    expect(text).not.toMatch(/二十大精神0次/);
    const slot = result.report.blocks
      .flatMap((b) => (b.kind === "table" || b.kind === "tableFigure" ? [] : b.runs))
      .find((r) => r.kind === "slot" && r.id === "study.topic.count");
    expect(slot).toMatchObject({ unresolved: true });
    expect(result.link.figures.find((f) => f.id === "study.topic.count")).toMatchObject({
      value: null,
      text: "［待补：专题学习党的二十大精神次数］",
    });
  });

  // A clerk's log once said such a figure pointed at B3, a data cell, instead of the header cell where
  // the column should be. Built as that sheet: a title, a blank row, the header on row 3 after a 序号.
  describe("on a sheet whose header is row 3", () => {
    const titled = (header: RawCell[], rows: RawCell[][]) =>
      table("学习记录", [["2022年学习记录台账"], [], header, ...rows.map((r, k) => [k + 1, ...r])]);

    it("point at the renamed header's own cell (C3), where the ledger's issue asks 是不是“形式”", () => {
      const renamed = baseTables();
      renamed[1] = titled(["序号", "日期", "学习方式", "主题", "组织"], STUDY_ROWS);
      const result = runEngine(workbook(...renamed));
      const missing = result.issues.find((i) => i.code === "ledger.missing_column" && i.ledger === "学习记录")!;
      expect(missing.cell).toBe("学习记录!C3");
      for (const id of STUDY_IDS)
        expect(result.figures.find((f) => f.id === id)!.unresolved).toMatchObject({ code: "column_missing", cell: "学习记录!C3" });
    });

    it("count the sheet's columns when the block starts in column B (the header 学习方式 is then D3)", () => {
      const shifted = baseTables();
      const block = titled(["序号", "日期", "学习方式", "主题", "组织"], STUDY_ROWS);
      shifted[1] = { ...block, left: 1 };
      const result = runEngine(workbook(...shifted));
      for (const id of STUDY_IDS)
        expect(result.figures.find((f) => f.id === id)!.unresolved).toMatchObject({ code: "column_missing", cell: "学习记录!D3" });
    });

    it("point at the header row, never a data row, when the column is not there at all", () => {
      const lacking = baseTables();
      lacking[1] = titled(
        ["序号", "日期", "主题", "组织"],
        STUDY_ROWS.map((r) => [r[0], r[2], r[3]]),
      );
      const result = runEngine(workbook(...lacking));
      for (const id of STUDY_IDS) {
        const u = result.figures.find((f) => f.id === id)!.unresolved!;
        expect(u.code).toBe("column_missing");
        expect(u.cell).toMatch(/^学习记录![A-Z]+3$/);
      }
    });
  });

  it("are unresolved, not a smaller sum, when 保证金金额（元） is renamed 保证金额（元）", () => {
    const renamed = baseTables();
    renamed[3] = table("电子保函", [["保函编号", "开立日期", "投标企业", "统一社会信用代码", "保证金额（元）", "状态"], ...EG_ROWS]);
    const amount = runEngine(workbook(...renamed)).figures.find((f) => f.id === "eg.amount")!;
    expect(amount.value).toBeNull();
    expect(amount.unresolved?.reason).toBe("“电子保函”台账中没有求和列“保证金金额”");
  });

  it("are unresolved, naming the 手工值 cell, when a manual value is blank or a ledger is missing without one", () => {
    const defs = table("指标定义", [DEFINITION_HEADERS, ...DEFAULT_DEFINITIONS.map(definitionToRow)]);
    const result = runEngine(workbook(...baseTables(), defs));
    const goals = result.figures.find((f) => f.id === "goals.count")!;
    expect([goals.value, goals.unresolved?.code, goals.unresolved?.cell]).toEqual([null, "manual_blank", "指标定义!H2"]);
    // 人员 is not in the workbook: its figures have neither rows nor a 手工值.
    const baolian = result.figures.find((f) => f.id === "cadres.baolian.count")!;
    const row = DEFAULT_DEFINITIONS.findIndex((d) => d.id === "cadres.baolian.count") + 2;
    expect([baolian.value, baolian.unresolved?.code, baolian.unresolved?.cell]).toEqual([null, "ledger_missing", `指标定义!H${row}`]);
    expect(result.figures.filter((f) => f.value === 0)).toEqual([]);
  });

  it("are unresolved when 指标定义 no longer has a figure the template shows", () => {
    const defs = table("指标定义", [DEFINITION_HEADERS, ...DEFAULT_DEFINITIONS.filter((d) => d.id !== "eg.count").map(definitionToRow)]);
    const result = runEngine(workbook(...baseTables(), defs));
    const eg = result.figures.find((f) => f.id === "eg.count")!;
    expect([eg.value, eg.text, eg.unresolved?.code]).toEqual([null, "［待补：电子保函笔数］", "not_defined"]);
    expect(result.issues.some((i) => i.code === "figure.not_defined")).toBe(true);
  });
});

describe("refused 指标定义 rows in the figures listing (withRefusedDefinitions)", () => {
  // One row the template shows (eg.count, 区间 blank) and one it does not (y.gt, an operator it does not know).
  const refused = () => {
    const rows = DEFAULT_DEFINITIONS.map(definitionToRow);
    const eg = rows.findIndex((r) => r[0] === "eg.count");
    rows[eg] = rows[eg].map((v, k) => (DEFINITION_HEADERS[k] === "区间" ? "" : v));
    rows.push(["y.gt", "大额保函笔数", "电子保函", "计数", "保证金金额>1000000", "本期", "整数", ""]);
    return runEngine(workbook(...baseTables(), table("指标定义", [DEFINITION_HEADERS, ...rows])));
  };

  it("lists a refused row the template does not show as unresolved, its row's error the reason, at its cell; the engine's own list leaves it to fill", () => {
    const result = refused();
    expect(result.figures.some((f) => f.id === "y.gt")).toBe(false);
    const listed = withRefusedDefinitions(result.figures, result.settings, result.issues);
    const error = result.issues.find((i) => i.figure === "y.gt" && i.severity === "error")!;
    const f = listed.find((x) => x.id === "y.gt")!;
    expect([f.name, f.value, f.text, f.unresolved?.code, f.unresolved?.cell]).toEqual([
      "大额保函笔数",
      null,
      "［待补：大额保函笔数］",
      "definition_error",
      error.cell,
    ]);
    expect(error.message).toContain(f.unresolved!.reason.replace(/^.*有误：/, ""));
  });

  it("lists each figure once: a refused row the template shows is already there, unresolved at its cell", () => {
    const result = refused();
    const listed = withRefusedDefinitions(result.figures, result.settings, result.issues);
    expect(listed.filter((f) => f.id === "eg.count")).toHaveLength(1);
    expect(listed.find((f) => f.id === "eg.count")!.unresolved?.code).toBe("definition_error");
    expect(listed.length).toBe(result.figures.length + 1);
    expect(new Set(listed.map((f) => f.id)).size).toBe(listed.length);
  });
});

describe("a scope", () => {
  const departments = () => {
    const tables = baseTables();
    tables[1] = table("学习记录", [[...STUDY_HEADER, "部门"], ...STUDY_ROWS.map((r, i) => [...r, i % 2 ? "交易二科" : "交易一科"])]);
    tables[3] = table("电子保函-交易一科", [EG_HEADER, ...EG_ROWS]);
    return tables;
  };

  it("that no ledger names is an error at the 统计范围 cell listing the departments found, and every ledger figure is unresolved", () => {
    const tables = departments();
    tables[0] = settings({ 统计范围: "交易三科" });
    const result = runEngine(workbook(...tables));
    const issue = result.issues.find((i) => i.code === "settings.scope_unknown")!;
    expect(issue).toMatchObject({ severity: "error", cell: "报告设置!B11" });
    expect(issue.message).toMatch(/台账中的部门有：(交易一科、交易二科|交易二科、交易一科)/);
    expect([...result.departments].sort()).toEqual(["交易一科", "交易二科"]);
    const counted = result.figures.filter((f) => f.ledger !== null && result.ledgers.ledgers[f.ledger] !== undefined);
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.every((f) => f.value === null && f.unresolved?.code === "scope_unknown")).toBe(true);
  });

  it("given as an override has no cell, and still lists the departments", () => {
    const result = runEngine(workbook(...departments()), { overrides: { scope: "交易 一科" } });
    const issue = result.issues.find((i) => i.code === "settings.scope_unknown")!;
    expect(issue.cell).toBeUndefined();
    expect(issue.message).toMatch(/台账中的部门有：(交易一科、交易二科|交易二科、交易一科)/);
  });

  it("over a ledger with no 部门 information leaves its figures unresolved, not 0, and counts the others", () => {
    const result = runEngine(workbook(...departments()), { overrides: { scope: "交易一科" } });
    expect(result.issues.some((i) => i.code === "settings.scope_unknown")).toBe(false);
    // 学习记录 has a 部门 column, 电子保函 a department in its sheet name; 共建单位 has neither.
    expect(result.figures.find((f) => f.id === "study.topic.count")!.value).toBe(1);
    expect(result.figures.find((f) => f.id === "study.seminar.count")!.value).toBe(0);
    expect(result.figures.find((f) => f.id === "eg.count")!.value).toBe(1);
    const partners = result.figures.find((f) => f.id === "partners.count")!;
    expect([partners.value, partners.unresolved?.code, partners.unresolved?.cell]).toEqual([null, "scope_no_department", "共建单位!A1"]);
  });

  it("naming a department one ledger's rows have and another's do not leaves the other's figures unresolved, not 0", () => {
    // 学习记录 has rows of 交易二科; every 电子保函 row is 交易一科's (its sheet says so).
    const result = runEngine(workbook(...departments()), { overrides: { scope: "交易二科" } });
    expect(result.issues.some((i) => i.code === "settings.scope_unknown")).toBe(false);
    expect(result.figures.find((f) => f.id === "study.seminar.count")!.value).toBe(1);
    for (const id of ["eg.count", "eg.firms", "eg.amount"]) {
      const f = expectUnresolved(result, id, "scope_not_in_ledger", "'电子保函-交易一科'!A1");
      expect(f.unresolved!.reason).toContain("交易二科");
      expect(f.unresolved!.reason).toContain("交易一科");
    }
    const issue = result.issues.find((i) => i.code === "figure.scope_not_in_ledger" && i.figure === "eg.count")!;
    expect(issue).toMatchObject({ severity: "warning", ledger: "电子保函", cell: "'电子保函-交易一科'!A1" });
    expect(result.link.figures.find((f) => f.id === "eg.count")).toMatchObject({ value: null });
  });

  it("over a ledger of that department still counts its zeros: a department with nothing in the period is 0", () => {
    const result = runEngine(workbook(...departments()), { overrides: { scope: "交易一科" } });
    // 学习记录 knows 交易一科 (rows 1 and 3); none of them is a 专题研讨.
    const seminar = result.figures.find((f) => f.id === "study.seminar.count")!;
    expect([seminar.value, seminar.unresolved]).toEqual([0, undefined]);
  });
});
