// What the refresh views show: figure statuses, the review of a plan, and the small texts around them.
import type { FigureResult, Issue, LinkRecord, LinkedFigure } from "../../../src/core/types";
import { planRefresh, type FoundControl } from "../../../src/core/refresh/plan";
import {
  formatDay,
  formatGeneratedAt,
  refreshCounts,
  statusFromDocument,
  statusFromPlan,
  zeroGroups,
} from "../../../src/taskpane/word/model";
import {
  askTitle,
  asksBeforeSaving,
  chooseAll,
  clerkMessage,
  figureNames,
  issueSummary,
  issuesOfReport,
  reviewModel,
} from "../../../src/taskpane/components/review";
import { issueText as coreIssueText } from "../../../src/core/messages";
import { nextYearFileName, refreshedFileName } from "../../../src/taskpane/model";
import { XlsxReadError } from "../../../src/adapters/xlsx";
import { undoKeys } from "../../../src/taskpane/shell/services";
import { linkRecordOf } from "../../helpers/link-record";
import { makeT } from "../../../src/taskpane/i18n";

function figure(id: string, text: string, name = `名称${id}`): LinkedFigure {
  return { id, name, value: Number(text) || null, text, fingerprint: `fp-${id}-${text}`, ledger: "共建单位", conditions: "", rows: 1 };
}

function record(figures: LinkedFigure[]): LinkRecord {
  return linkRecordOf(figures, { workbookName: "台账2022.xlsx", templateId: "shuzhi", generatedAt: "2023-01-09T08:30:00.000Z" });
}

// partners: moved by the ledgers; study: hand-edited and moved; donations: deleted; goals: untouched.
const BEFORE = record([
  figure("partners", "11", "共建单位数"),
  figure("study", "7", "专题学习"),
  figure("donations", "4", "捐赠次数"),
  figure("goals", "20", "目标"),
]);
const AFTER = record([
  figure("partners", "12", "共建单位数"),
  figure("study", "9", "专题学习"),
  figure("donations", "5", "捐赠次数"),
  figure("goals", "20", "目标"),
  figure("extra", "3", "新指标"),
]);
const CONTROLS: FoundControl[] = [
  { id: "partners", text: "11" },
  { id: "study", text: "七" },
  { id: "goals", text: "20" },
];

describe("figure statuses", () => {
  it("tells hand edits and deletions from the document alone, and calls the rest current", () => {
    expect(statusFromDocument(BEFORE, CONTROLS)).toEqual([
      { id: "partners", name: "共建单位数", written: "11", status: "current", current: "11" },
      { id: "study", name: "专题学习", written: "7", status: "edited", current: "七" },
      { id: "donations", name: "捐赠次数", written: "4", status: "deleted", current: "" },
      { id: "goals", name: "目标", written: "20", status: "current", current: "20" },
    ]);
  });

  it("counts a figure as edited when any one of its several controls was retyped", () => {
    const rows = statusFromDocument(record([figure("a", "5")]), [
      { id: "a", text: "5" },
      { id: "a", text: "五" },
    ]);
    expect(rows.map((r) => [r.status, r.current])).toEqual([["edited", "五"]]);
  });

  it("shows the ledgers' new values once a workbook was read", () => {
    const plan = planRefresh(BEFORE, CONTROLS, AFTER);
    expect(statusFromPlan(BEFORE, plan)).toEqual([
      { id: "partners", name: "共建单位数", written: "11", status: "changed", current: "11", next: "12" },
      { id: "study", name: "专题学习", written: "7", status: "edited", current: "七", next: "9" },
      { id: "donations", name: "捐赠次数", written: "4", status: "deleted", current: "" },
      { id: "goals", name: "目标", written: "20", status: "current", current: "20" },
    ]);
  });
});

describe("the review of a refresh plan", () => {
  const names = figureNames(BEFORE, AFTER);

  it("lists updates, conflicts kept by default, deletions and figures the report has no place for", () => {
    const review = reviewModel(planRefresh(BEFORE, CONTROLS, AFTER), names);
    expect(review).toEqual({
      updates: [{ id: "partners", name: "共建单位数", old: "11", new: "12" }],
      conflicts: [
        {
          id: "study",
          copy: 1,
          key: "study#1",
          oneOfSeveral: false,
          name: "专题学习",
          ledgerMoved: true,
          written: "7",
          current: "七",
          new: "9",
          resolution: "keep",
        },
      ],
      settings: [],
      leftOut: [],
      countedTwice: [],
      handEdits: 1,
      retaken: [],
      zeros: [],
      carried: [],
      toWrite: 1,
      removed: [{ id: "donations", name: "捐赠次数" }],
      kept: [],
      notInDocument: [{ id: "extra", name: "新指标" }],
      writes: 1,
    });
  });

  it("shows a conflict taken as new once, as the conflict, not again as an update", () => {
    const review = reviewModel(planRefresh(BEFORE, CONTROLS, AFTER, { choices: { study: "take" } }), names);
    expect(review.updates.map((u) => u.id)).toEqual(["partners"]);
    expect(review.conflicts.map((c) => [c.id, c.resolution])).toEqual([["study", "take"]]);
    expect(review.writes).toBe(2);
  });

  it("shows the clerk's choice over the planned resolution when asked to", () => {
    const review = reviewModel(planRefresh(BEFORE, CONTROLS, AFTER), names, { study: "take" });
    expect(review.conflicts[0].resolution).toBe("take");
  });

  it("names a figure the report has no place for by the workbook's name, as the panes call it", () => {
    // The panes pass the document's record and the record to store: neither holds the new figure.
    const plan = planRefresh(BEFORE, CONTROLS, AFTER);
    const review = reviewModel(plan, figureNames(BEFORE, plan.record));
    expect(review.notInDocument).toEqual([{ id: "extra", name: "新指标" }]);
  });

  it("says the report's 统计范围 once, for the list, and nothing for 全部门", () => {
    const scoped = { ...AFTER, scope: "交易一科" };
    expect(reviewModel(planRefresh(BEFORE, CONTROLS, scoped), names).scope).toBe("交易一科");
    expect(reviewModel(planRefresh(BEFORE, CONTROLS, { ...AFTER, scope: "全部门" }), names)).not.toHaveProperty("scope");
  });

  it("falls back to the figure id when nothing names it", () => {
    const review = reviewModel({ ...planRefresh(BEFORE, CONTROLS, AFTER), names: {} }, new Map());
    expect(review.removed).toEqual([{ id: "donations", name: "donations" }]);
  });

  it("chooses the same for every conflict at once", () => {
    const review = {
      conflicts: [
        {
          id: "a",
          copy: 1,
          key: "a#1",
          oneOfSeveral: false,
          name: "A",
          ledgerMoved: true,
          written: "1",
          current: "一",
          new: "2",
          resolution: "keep" as const,
        },
        {
          id: "b",
          copy: 2,
          key: "b#2",
          oneOfSeveral: false,
          name: "B",
          ledgerMoved: true,
          written: "3",
          current: "三",
          new: "4",
          resolution: "keep" as const,
        },
      ],
    };
    expect(chooseAll(review, "take")).toEqual({ "a#1": "take", "b#2": "take" });
    expect(chooseAll(review, "keep")).toEqual({ "a#1": "keep", "b#2": "keep" });
  });

  it("counts what the write did: updated, hand edits kept, deleted", () => {
    expect(refreshCounts(planRefresh(BEFORE, CONTROLS, AFTER))).toEqual({ updated: 1, kept: 1, removed: 1 });
    expect(refreshCounts(planRefresh(BEFORE, CONTROLS, AFTER, { overwriteConflicts: true }))).toEqual({ updated: 2, kept: 0, removed: 1 });
  });
});

describe("texts around the review", () => {
  it("shows the generation time in the clerk's time zone, in Chinese or English form", () => {
    expect(formatGeneratedAt("2023-01-09T08:30:00.000Z", "zh-CN", "Asia/Shanghai")).toBe("2023年1月9日 16:30");
    // ICU versions differ in the space before PM (U+0020 or U+202F).
    expect(formatGeneratedAt("2023-01-09T08:30:00.000Z", "en-US", "Asia/Shanghai").replace(/\s/g, " ")).toBe("Jan 9, 2023, 4:30 PM");
  });

  it("keeps a generation time that is not a date as it was stored", () => {
    expect(formatGeneratedAt("昨天", "zh-CN")).toBe("昨天");
  });

  it("writes a period's days without shifting them by time zone", () => {
    expect(formatDay("2022-12-31", "zh-CN")).toBe("2022年12月31日");
    expect(formatDay("2022-01-01", "en-US")).toBe("Jan 1, 2022");
    expect(formatDay("2022/1/1", "zh-CN")).toBe("2022/1/1");
  });

  it("names next year's report after last year's with the year changed, or added, never last year's name", () => {
    expect(nextYearFileName("述职报告-2022.docx", 2023)).toBe("述职报告-2023.docx");
    expect(nextYearFileName("2022年度述职报告.docx", 2023)).toBe("2023年度述职报告.docx");
    expect(nextYearFileName("报告.docx", 2023)).toBe("报告-2023.docx");
  });

  it("names the refreshed copy after the clerk's file and never reuses its name", () => {
    expect(refreshedFileName("述职报告-2022.docx")).toBe("述职报告-2022.refreshed.docx");
    expect(refreshedFileName("REPORT.DOCX")).toBe("REPORT.refreshed.docx");
    expect(refreshedFileName(".docx")).toBe("报告.refreshed.docx");
  });

  it("summarises ledger errors and warnings with their places as the clerk reads them and leaves infos out", () => {
    const issues: Issue[] = [
      {
        severity: "error",
        code: "date.unparseable",
        message: "电子保函!C12 日期无法识别",
        messageEn: "电子保函!C12 date not recognised",
        cell: "电子保函!C12",
      },
      { severity: "warning", code: "refresh.other_workbook", message: "另一个工作簿", messageEn: "another workbook" },
      { severity: "info", code: "ledger.hidden_rows", message: "隐藏行", messageEn: "hidden rows" },
    ];
    expect(issueSummary(issues, "zh-CN")).toEqual({ errors: 1, warnings: 1, lines: ["电子保函 · C12 日期无法识别", "另一个工作簿"] });
    expect(issueSummary(issues, "en-US").lines).toEqual(["电子保函 · C12 date not recognised", "another workbook"]);
    const quoted: Issue = { ...issues[0], cell: "'2022年学习记录台账'!C23", message: "'2022年学习记录台账'!C23 日期无法识别" };
    expect(issueSummary([quoted], "zh-CN").lines).toEqual(["2022年学习记录台账 · C23 日期无法识别"]);
  });

  it("takes the clerk's message from errors that carry one in both languages, and nothing from others", () => {
    const error = new XlsxReadError("xls_format", "这是旧版文件", "This is an old file");
    expect(clerkMessage(error, "zh-CN")).toBe("这是旧版文件");
    expect(clerkMessage(error, "en-US")).toBe("This is an old file");
    expect(clerkMessage(new Error("boom"), "zh-CN")).toBeNull();
    expect(clerkMessage("boom", "zh-CN")).toBeNull();
  });
});

describe("the undo hint", () => {
  it("names ⌘Z on a Mac or an iPad and Ctrl+Z elsewhere", () => {
    expect(undoKeys("Mac")).toBe("⌘Z");
    expect(undoKeys("iOS")).toBe("⌘Z");
    expect(undoKeys("PC")).toBe("Ctrl+Z");
    expect(undoKeys("OfficeOnline")).toBe("Ctrl+Z");
    expect(undoKeys(undefined)).toBe("Ctrl+Z");
  });
});

describe("a hand edit the ledgers did not move", () => {
  it("is shown kept as written, not as a conflict, in the status list, the review and the counts", () => {
    const figures = [
      {
        id: "partners.count",
        name: "党建共建单位数",
        value: 11,
        text: "11",
        fingerprint: "f",
        ledger: "共建单位",
        conditions: "",
        rows: 11,
      },
    ];
    const record = linkRecordOf(figures);
    const plan = planRefresh(record, [{ id: "partners.count", text: "十一" }], record);
    expect(plan.conflicts).toEqual([]);
    const rows = statusFromPlan(record, plan);
    expect(rows[0]).toMatchObject({ status: "edited", keptAsWritten: true, current: "十一" });
    const review = reviewModel(plan, figureNames(record));
    expect(review.conflicts).toEqual([]);
    expect(review.kept).toEqual([
      {
        id: "partners.count",
        copy: 1,
        key: "partners.count#1",
        oneOfSeveral: false,
        name: "党建共建单位数",
        current: "十一",
        ledger: "11",
        agrees: true,
      },
    ]);
    expect(refreshCounts(plan)).toEqual({ updated: 0, kept: 1, removed: 0 });
  });
});

describe("a figure with two copies that say different things", () => {
  // The report wrote 3372 twice; a second copy inserted from another workbook says 3371; the ledgers still say 3372.
  const figures = [
    { id: "eg.count", name: "电子保函笔数", value: 3372, text: "3372", fingerprint: "f", ledger: "电子保函", conditions: "", rows: 3372 },
  ];
  const record = linkRecordOf(figures);
  const controls = [
    { id: "eg.count", text: "3372" },
    { id: "eg.count", text: "3371" },
  ];

  it("is listed in the review with the copy's text and the ledgers' value, and offers the ledgers' value", () => {
    const plan = planRefresh(record, controls, record);
    const review = reviewModel(plan, figureNames(record));
    expect(review.kept).toEqual([
      {
        id: "eg.count",
        copy: 2,
        key: "eg.count#2",
        oneOfSeveral: false,
        name: "电子保函笔数",
        current: "3371",
        ledger: "3372",
        agrees: false,
      },
    ]);
    // Taking the ledgers' value for it writes that copy only.
    const taken = planRefresh(record, controls, record, { choices: { "eg.count": "take" } });
    expect(taken.writes).toEqual([{ index: 1, id: "eg.count", text: "3372" }]);
  });

  it("with two hand-edited copies, lists each copy apart and takes the ledgers' value for the one chosen only", () => {
    const edited = [
      { id: "eg.count", text: "3370" },
      { id: "eg.count", text: "3372" },
      { id: "eg.count", text: "3371" },
    ];
    const review = reviewModel(planRefresh(record, edited, record), figureNames(record));
    expect(review.kept.map((k) => [k.key, k.current, k.oneOfSeveral])).toEqual([
      ["eg.count#1", "3370", true],
      ["eg.count#3", "3371", true],
    ]);
    // 改为台账值 on the third copy: that copy is written, the first stays as the clerk wrote it.
    const taken = planRefresh(record, edited, record, { choices: { [review.kept[1].key]: "take" } });
    expect(taken.writes).toEqual([{ index: 2, id: "eg.count", text: "3372" }]);
    expect(taken.kept.map((k) => [k.copy, k.current])).toEqual([[1, "3370"]]);
  });

  it("shows in the status list the differing copy beside the ledgers' value", () => {
    const rows = statusFromPlan(record, planRefresh(record, controls, record));
    expect(rows[0]).toMatchObject({ status: "edited", current: "3371", next: "3372", keptAsWritten: true });
    expect(statusFromDocument(record, controls)[0]).toMatchObject({ status: "edited", current: "3371" });
  });
});

describe("a hand edit over an unmoved figure changed back with 改为台账值", () => {
  // The report wrote 5; the clerk typed 6; the ledgers still say 5; the clerk chose the ledgers' value.
  const figures = [
    { id: "eg.firms", name: "服务企业家数", value: 5, text: "5", fingerprint: "f", ledger: "电子保函", conditions: "", rows: 5 },
  ];
  const record = linkRecordOf(figures);
  const controls = [{ id: "eg.firms", text: "6" }];
  const choices = { "eg.firms#1": "take" as const };
  const review = reviewModel(planRefresh(record, controls, record, { choices }), figureNames(record), choices);

  it("is never said to be a figure whose ledgers changed too: it is listed apart as going back to the ledgers' value", () => {
    expect(review.conflicts).toEqual([]);
    expect(review.retaken).toEqual([expect.objectContaining({ id: "eg.firms", ledgerMoved: false, current: "6", new: "5" })]);
  });

  it("is counted in what saving writes", () => {
    expect(review.toWrite).toBe(1);
  });

  it("is counted among the hand edits the summary names, chosen back or kept (never 手工修改 0 项 beside it)", () => {
    expect(review.handEdits).toBe(1);
    const keep = { "eg.firms#1": "keep" as const };
    expect(reviewModel(planRefresh(record, controls, record, { choices: keep }), figureNames(record), keep).handEdits).toBe(1);
  });

  it("is counted nowhere once the clerk keeps it again", () => {
    const keep = { "eg.firms#1": "keep" as const };
    const again = reviewModel(planRefresh(record, controls, record, { choices: keep }), figureNames(record), keep);
    expect(again.retaken).toEqual([]);
    expect(again.toWrite).toBe(0);
    expect(again.kept).toEqual([expect.objectContaining({ id: "eg.firms", agrees: false })]);
  });

  it("leaves a hand edit the ledgers moved too among the conflicts, counted when its new value is taken", () => {
    const moved = linkRecordOf([{ ...figures[0], value: 7, text: "7" }]);
    const keepPlan = reviewModel(planRefresh(record, controls, moved), figureNames(record));
    expect(keepPlan.conflicts).toEqual([expect.objectContaining({ ledgerMoved: true })]);
    expect(keepPlan.toWrite).toBe(0);
    const take = { "eg.firms#1": "take" as const };
    expect(reviewModel(planRefresh(record, controls, moved, { choices: take }), figureNames(record), take).toWrite).toBe(1);
  });
});

describe("next year's review", () => {
  // Last year's report: two study figures and one guarantee count; this year the study ledger has no record in the period.
  const linked = (id: string, name: string, text: string, ledger: string): LinkedFigure => ({
    id,
    name,
    value: Number(text),
    text,
    fingerprint: `${id}-${text}`,
    ledger,
    conditions: "",
    rows: 1,
  });
  const lastYear = linkRecordOf([
    linked("study.topic.count", "专题学习次数", "2", "学习记录"),
    linked("study.seminar.count", "专题研讨次数", "0", "学习记录"),
    linked("eg.count", "电子保函笔数", "8", "电子保函"),
  ]);
  const thisYear = linkRecordOf(
    [
      linked("study.topic.count", "专题学习次数", "0", "学习记录"),
      linked("study.seminar.count", "专题研讨次数", "0", "学习记录"),
      linked("eg.count", "电子保函笔数", "10", "电子保函"),
    ],
    { period: { start: "2023-01-01", end: "2023-12-31" } },
  );
  const zeroToSee = {
    code: "period_empty" as const,
    reason: "“学习记录”台账在期间 2023-01-01 至 2023-12-31内没有记录，按 0 计入",
    reasonEn: "ledger 学习记录 has no record in the period 2023-01-01 to 2023-12-31, so it is 0",
    cell: "学习记录!A1",
  };
  const result = (f: LinkedFigure, zero: boolean): FigureResult =>
    ({ ...f, value: f.value, ledger: f.ledger, manual: false, ...(zero ? { zeroToSee } : {}) }) as unknown as FigureResult;
  const figures = [result(thisYear.figures[0], true), result(thisYear.figures[1], true), result(thisYear.figures[2], false)];
  const controls = lastYear.figures.map((f) => ({ id: f.id, text: f.text }));
  const carried: Issue = {
    severity: "warning",
    code: "refresh.manual_carried",
    message: "指标定义!H2：目标要求条数 7 仍是 2022 年的手工值，请在报告设置/指标定义中核对。",
    messageEn: "x",
    cell: "指标定义!H2",
  };
  const other: Issue = { severity: "warning", code: "key.duplicate", message: "重复", messageEn: "dup" };
  const review = reviewModel(planRefresh(lastYear, controls, thisYear), figureNames(lastYear), {}, { figures, issues: [carried, other] });

  it("sets the 0s no record supports apart from the ordinary changes, one group per ledger with its reason once", () => {
    expect(review.updates.map((u) => u.id)).toEqual(["eg.count"]);
    expect(review.zeros).toHaveLength(1);
    expect(review.zeros[0]).toMatchObject({ ledger: "学习记录", reason: zeroToSee.reason, cell: "学习记录!A1" });
    // The one that becomes 0, and the one that was 0 already and stays 0 for want of records.
    expect(review.zeros[0].figures.map((f) => [f.id, f.old, f.new])).toEqual([
      ["study.topic.count", "2", "0"],
      ["study.seminar.count", "0", "0"],
    ]);
  });

  it("still counts the 0 it writes among what saving writes", () => {
    expect(review.toWrite).toBe(2);
  });

  it("says what it carries over from last year, and only that", () => {
    expect(review.carried).toEqual([carried]);
  });

  it("shows those 0s in the Word status list as 0s no record supports, never as ordinary updates, grouped by ledger with the reason once", () => {
    const rows = statusFromPlan(lastYear, planRefresh(lastYear, controls, thisYear), figures);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ["study.topic.count", "zero"],
      ["study.seminar.count", "zero"],
      ["eg.count", "changed"],
    ]);
    const { rows: ordinary, zeros } = zeroGroups(rows);
    expect(ordinary.map((r) => r.id)).toEqual(["eg.count"]);
    expect(zeros).toEqual([
      expect.objectContaining({ ledger: "学习记录", reason: zeroToSee.reason, cell: "学习记录!A1", rows: [rows[0], rows[1]] }),
    ]);
    expect([rows[0].current, rows[0].next]).toEqual(["2", "0"]);
  });

  it("has no 0s to set apart and nothing carried when not given the figures and issues", () => {
    const plain = reviewModel(planRefresh(lastYear, controls, thisYear), figureNames(lastYear));
    expect(plain.zeros).toEqual([]);
    expect(plain.carried).toEqual([]);
    expect(plain.updates.map((u) => u.id)).toEqual(["study.topic.count", "eg.count"]);
  });
});

describe("a figure whose ledger has rows left out", () => {
  // 学习记录 has 2 rows left out for errors: its two figures may be short; 电子保函's is not.
  const linked = (id: string, name: string, text: string, ledger: string): LinkedFigure => ({
    id,
    name,
    value: Number(text),
    text,
    fingerprint: `${id}-${text}`,
    ledger,
    conditions: "",
    rows: 1,
  });
  const before = linkRecordOf([
    linked("study.topic.count", "专题学习次数", "5", "学习记录"),
    linked("study.seminar.count", "专题研讨次数", "3", "学习记录"),
    linked("eg.count", "电子保函笔数", "8", "电子保函"),
  ]);
  const after = linkRecordOf([
    linked("study.topic.count", "专题学习次数", "4", "学习记录"),
    linked("study.seminar.count", "专题研讨次数", "3", "学习记录"),
    linked("eg.count", "电子保函笔数", "9", "电子保函"),
  ]);
  const rowsLeftOut = { count: 2, cells: ["'2022年学习记录台账'!D30", "'2022年学习记录台账'!B44"] };
  const figures = after.figures.map(
    (f) => ({ ...f, manual: false, ...(f.ledger === "学习记录" ? { rowsLeftOut } : {}) }) as unknown as FigureResult,
  );
  const controls = before.figures.map((f) => ({ id: f.id, text: f.text }));
  const mark = { ledger: "学习记录", count: 2, cells: rowsLeftOut.cells };

  it("is marked beside its new value as possibly short, and a figure of another ledger is not", () => {
    const review = reviewModel(planRefresh(before, controls, after), figureNames(before), {}, { figures });
    expect(review.updates.find((u) => u.id === "study.topic.count")?.leftOut).toEqual(mark);
    expect(review.updates.find((u) => u.id === "eg.count")?.leftOut).toBeUndefined();
  });

  it("is listed once per ledger with every figure of the saved report from it, changed or not, to be asked about before saving", () => {
    const review = reviewModel(planRefresh(before, controls, after), figureNames(before), {}, { figures });
    expect(review.leftOut).toEqual([
      {
        ...mark,
        figures: [
          { id: "study.topic.count", name: "专题学习次数", text: "4", source: "ledger" },
          { id: "study.seminar.count", name: "专题研讨次数", text: "3", source: "ledger" },
        ],
      },
    ]);
  });

  it("is marked beside the ledgers' value of a hand edit too, and left out of the list once deleted from the report", () => {
    const edited = [
      { id: "study.topic.count", text: "五" },
      { id: "eg.count", text: "8" },
    ];
    const review = reviewModel(planRefresh(before, edited, after), figureNames(before), {}, { figures });
    expect(review.conflicts[0]).toMatchObject({ id: "study.topic.count", leftOut: mark });
    expect(review.leftOut[0].figures.map((f) => f.id)).toEqual(["study.topic.count"]);
  });

  it("lists a kept hand edit with the clerk's text the save leaves, and a taken one with the ledgers' new value, never the old written one", () => {
    // 专题学习次数 was written 5, the clerk typed 五, the ledgers now say 4: the report holds 五 or 4, never 5.
    const edited = [
      { id: "study.topic.count", text: "五" },
      { id: "study.seminar.count", text: "三" },
      { id: "eg.count", text: "8" },
    ];
    const plan = planRefresh(before, edited, after);
    const keep = reviewModel(plan, figureNames(before), { [plan.conflicts[0].id]: "keep" }, { figures });
    expect(keep.leftOut[0].figures).toEqual([
      { id: "study.topic.count", name: "专题学习次数", text: "五", source: "hand", ledger: "4" },
      { id: "study.seminar.count", name: "专题研讨次数", text: "三", source: "hand", ledger: "3" },
    ]);
    const take = reviewModel(plan, figureNames(before), { [plan.conflicts[0].id]: "take" }, { figures });
    expect(take.leftOut[0].figures[0]).toEqual({ id: "study.topic.count", name: "专题学习次数", text: "4", source: "ledger" });
    expect(take.leftOut.flatMap((g) => g.figures.map((f) => f.text))).not.toContain("5");
  });

  it("is listed apart for two figures of one ledger short by different rows, each under its own rows", () => {
    const apart = figures.map((f) =>
      f.id === "study.seminar.count" ? { ...f, rowsLeftOut: { count: 1, cells: ["'2022年学习记录台账'!D30"] } } : f,
    );
    const review = reviewModel(planRefresh(before, controls, after), figureNames(before), {}, { figures: apart });
    expect(review.leftOut.map((g) => [g.ledger, g.cells, g.figures.map((f) => f.id)])).toEqual([
      ["学习记录", rowsLeftOut.cells, ["study.topic.count"]],
      ["学习记录", ["'2022年学习记录台账'!D30"], ["study.seminar.count"]],
    ]);
  });

  it("keeps which of a figure's rows were counted as 其他, beside its value and in the list, so they are said apart", () => {
    const readAsOther = { count: 1, cells: ["'2022年学习记录台账'!C10"], columns: ["形式"] };
    const withOther = figures.map((f) =>
      f.id === "study.topic.count"
        ? { ...f, rowsLeftOut: { count: 3, cells: [...rowsLeftOut.cells, ...readAsOther.cells], readAsOther } }
        : f,
    );
    const review = reviewModel(planRefresh(before, controls, after), figureNames(before), {}, { figures: withOther });
    expect(review.updates.find((u) => u.id === "study.topic.count")?.leftOut?.readAsOther).toEqual(readAsOther);
    expect(review.leftOut.map((g) => [g.count, g.readAsOther?.columns, g.figures.map((f) => f.id)])).toEqual([
      [3, ["形式"], ["study.topic.count"]],
      [2, undefined, ["study.seminar.count"]],
    ]);
  });

  it("is nothing to mark or ask about when the figures are not given", () => {
    expect(reviewModel(planRefresh(before, controls, after), figureNames(before)).leftOut).toEqual([]);
  });

  it("marks a figure that counted rows repeating a key as possibly too large, beside its new value or the ledgers' value of a hand edit", () => {
    // A copied sheet `电子保函 (2)` doubles the guarantees: the review says so where it shows 9, as the 指标 list does.
    const rowsCountedTwice = { count: 2, cells: ["'电子保函 (2)'!A2", "'电子保函 (2)'!A3"] };
    const doubled = figures.map((f) => (f.id === "eg.count" ? { ...f, rowsCountedTwice } : f));
    const twice = { ledger: "电子保函", ...rowsCountedTwice };
    const review = reviewModel(planRefresh(before, controls, after), figureNames(before), {}, { figures: doubled });
    expect(review.updates.find((u) => u.id === "eg.count")?.countedTwice).toEqual(twice);
    expect(review.updates.find((u) => u.id === "study.topic.count")?.countedTwice).toBeUndefined();
    const edited = [
      { id: "study.topic.count", text: "5" },
      { id: "eg.count", text: "八" },
    ];
    const withEdit = reviewModel(planRefresh(before, edited, after), figureNames(before), {}, { figures: doubled });
    expect(withEdit.conflicts.find((c) => c.id === "eg.count")).toMatchObject({ countedTwice: twice });
  });

  it("lists the figures that may be too large once per ledger, an unchanged one too, to be asked about before saving", () => {
    // 电子保函笔数 left at 8 by the refresh is still doubled by the copied sheet: listed, never passed over as unchanged.
    const rowsCountedTwice = { count: 2, cells: ["'电子保函 (2)'!A2", "'电子保函 (2)'!A3"] };
    const unchanged = after.figures.map((f) => (f.id === "eg.count" ? { ...f, text: "8", value: 8 } : f));
    const plan = planRefresh(before, controls, linkRecordOf(unchanged));
    expect(plan.updated.map((u) => u.id)).not.toContain("eg.count");
    const doubled = figures.map((f) => (f.id === "eg.count" ? { ...f, text: "8", value: 8, rowsCountedTwice } : f));
    const review = reviewModel(plan, figureNames(before), {}, { figures: doubled });
    expect(review.countedTwice).toEqual([
      { ledger: "电子保函", ...rowsCountedTwice, figures: [{ id: "eg.count", name: "电子保函笔数", text: "8", source: "ledger" }] },
    ]);
    expect(asksBeforeSaving(review)).toBe(true);
    // Without the mark nothing is asked for it.
    expect(reviewModel(plan, figureNames(before), {}, { figures }).countedTwice).toEqual([]);
  });

  it("asks in one title about each kind a save would leave: 0s, may be short, may be too large", () => {
    const t = makeT("zh-CN");
    expect(askTitle({ zeros: 0, short: 0, large: 2 }, t)).toBe("有 2 项指标可能偏大（重复的行都已计入），仍然保存？");
    expect(askTitle({ zeros: 0, short: 1, large: 2 }, t)).toBe("有 1 项指标可能偏少、2 项指标可能偏大，仍然保存？");
    expect(askTitle({ zeros: 1, short: 1, large: 0 }, t)).toBe(t("reviewAskBothTitle", { zeros: 1, short: 1 }));
    expect(askTitle({ zeros: 0, short: 0, large: 1 }, t, "templatesMarksTitle")).toBe("有 1 项指标可能偏大，仍然下载？");
    expect(askTitle({ zeros: 0, short: 1, large: 1 }, makeT("en-US"), "templatesMarksTitle")).toBe(
      "1 figure(s) may be short, 1 figure(s) may be too large. Download anyway?",
    );
  });
});

describe("the report's settings moving with the year", () => {
  const linked = (id: string, name: string, text: string, ledger: string | null): LinkedFigure => ({
    id,
    name,
    value: Number(text),
    text,
    fingerprint: `${id}-${text}`,
    ledger,
    conditions: "",
    rows: 1,
  });
  const lastYear = linkRecordOf([
    linked("setting.year", "年度", "2022", null),
    linked("setting.period_end_month", "期末月份", "12", null),
    linked("eg.count", "电子保函笔数", "8", "电子保函"),
  ]);
  const nextYear = linkRecordOf(
    [
      linked("setting.year", "年度", "2023", null),
      linked("setting.period_end_month", "期末月份", "12", null),
      linked("eg.count", "电子保函笔数", "10", "电子保函"),
    ],
    { period: { start: "2023-01-01", end: "2023-12-31" } },
  );
  const review = reviewModel(
    planRefresh(
      lastYear,
      lastYear.figures.map((f) => ({ id: f.id, text: f.text })),
      nextYear,
    ),
    figureNames(lastYear),
  );

  it("are listed under their own heading, never among the ledgers' changes", () => {
    expect(review.settings.map((u) => [u.name, u.old, u.new])).toEqual([["年度", "2022", "2023"]]);
    expect(review.updates.map((u) => u.id)).toEqual(["eg.count"]);
  });

  it("are still counted in what saving writes", () => {
    expect(review.toWrite).toBe(2);
  });
});

describe("the issues a review shows above the lists", () => {
  // The engine's example 0 of 活动记录 is a figure this report has no place for: the review names one it shows.
  const words = {
    at: "",
    atEn: "",
    ledger: "活动记录",
    records: 24,
    period: "期间",
    periodEn: "the period",
    dated: "",
    datedEn: "",
    name: "加入社区群个数",
  };
  const periodEmpty: Issue = {
    severity: "warning",
    code: "figure.period_empty",
    ...coreIssueText("figure.period_empty", words),
    ledger: "活动记录",
    figure: "community_groups.count",
    words,
  };
  const zero = { code: "period_empty" as const, reason: "", reasonEn: "" };
  const shown = linkRecordOf([
    { id: "donations.count", name: "捐赠次数", value: 0, text: "0", fingerprint: "f", ledger: "活动记录", conditions: "", rows: 0 },
  ]);
  const figures = [
    { id: "community_groups.count", name: "加入社区群个数", ledger: "活动记录", zeroToSee: zero },
    { id: "donations.count", name: "捐赠次数", ledger: "活动记录", zeroToSee: zero },
  ] as unknown as FigureResult[];

  it("name only figures the report shows, as the command line's refresh says them", () => {
    const plan = planRefresh(shown, [{ id: "donations.count", text: "0" }], shown);
    const [issue] = issuesOfReport({ issues: [periodEmpty], figures }, plan);
    expect(issue.message).toContain("捐赠次数");
    expect(issue.message).not.toContain("加入社区群个数");
  });
});
