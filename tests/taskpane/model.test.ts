// The pane's pure helpers: what each view shows, derived from one EngineResult.
import type { EngineResult } from "../../src/core/engine";
import type { Block, FigureDefinition, FigureResult, Issue, Ledger, LedgerName } from "../../src/core/types";
import {
  duplicateKeys,
  figuresZeroToSee,
  figuresMayBeShort,
  figuresMayBeTooLarge,
  groupedCount,
  unresolvedFigures,
  figuresScope,
  excludedRows,
  listScope,
  figureSections,
  figureSourceParts,
  definitionRow,
  manualAdvice,
  ledgerOverview,
  reportFileName,
  scopeChoices,
} from "../../src/taskpane/model";
import { issueText } from "../../src/taskpane/components/review";
import { makeT, pickLang, scopeLabel } from "../../src/taskpane/i18n";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { describeRowAccount } from "../../src/core/ledger/accounting";
import { enUS } from "../../src/taskpane/i18n/en-US";
import { isDarkTheme } from "../../src/taskpane/shell/theme";
import { saveBytes } from "../../src/taskpane/download";

function figure(id: string, over: Partial<FigureResult> = {}): FigureResult {
  return {
    id,
    name: `名称${id}`,
    value: 1,
    text: "1",
    rows: 1,
    ledger: "电子保函",
    conditions: "状态≠撤销",
    period: { kind: "toEnd", label: "截至2022年12月31日", start: null, end: "2022-12-31" },
    rowRefs: [{ sheet: "电子保函", row: 2 }],
    fingerprint: "f",
    manual: false,
    ...over,
  };
}

function ledger(name: LedgerName, sheets: string[], over: Partial<Ledger> = {}): Ledger {
  return {
    name,
    sources: sheets.map((sheet, i) => ({ sheet, headerRow: 1, rowsRead: 10 * (i + 1), department: sheet.split("-")[1] })),
    columns: [],
    rows: [],
    excluded: 0,
    ...over,
  };
}

function issue(severity: Issue["severity"], ledgerName?: LedgerName, cell?: string, message = "问题"): Issue {
  return { severity, code: "x", message, messageEn: "problem", cell, ledger: ledgerName };
}

const slot = (id: string) => ({ kind: "slot" as const, id, name: id, text: "*" });
const text = (t: string, style?: "kai") => ({ kind: "text" as const, text: t, style });

function result(over: {
  ledgers?: Partial<Record<LedgerName, Ledger>>;
  issues?: Issue[];
  figures?: FigureResult[];
  blocks?: Block[];
  definitions?: Partial<FigureDefinition>[];
  scope?: string;
}): EngineResult {
  return {
    ledgers: { ledgers: over.ledgers ?? {}, issues: [] },
    settings: { year: 2022, scope: over.scope ?? "全部门" } as EngineResult["settings"],
    definitions: (over.definitions ?? []) as FigureDefinition[],
    figures: over.figures ?? [],
    departments: [],
    issues: over.issues ?? [],
    report: { blocks: over.blocks ?? [], settings: {} as EngineResult["settings"], figures: over.figures ?? [] },
    link: {} as EngineResult["link"],
  };
}

describe("ledger overview", () => {
  const r = result({
    ledgers: {
      电子保函: ledger("电子保函", ["电子保函-交易一科", "电子保函-交易二科", "电子保函-交易二科"], { excluded: 2 }),
      学习记录: ledger("学习记录", ["学习记录"], { excluded: 1 }),
    },
    issues: [issue("error", "电子保函", "电子保函!C12"), issue("warning", "电子保函"), issue("info", "人员"), issue("warning")],
    definitions: [{ ledger: "人员" }, { ledger: "人员" }, { ledger: "电子保函" }],
  });
  const overview = ledgerOverview(r);

  it("lists found ledgers in the schema's order with their sheets once each and the rows read", () => {
    expect(overview.cards.map((c) => [c.name, c.sources, c.rowsRead, c.excluded])).toEqual([
      ["学习记录", ["学习记录"], 10, 1],
      ["电子保函", ["电子保函-交易一科", "电子保函-交易二科"], 60, 2],
    ]);
  });

  it("gives each card its sheets' row accounting, which the card says in words", () => {
    const account = {
      ledger: "电子保函" as const,
      sheet: "电子保函-交易一科",
      nonBlankRows: 1871,
      records: 1866,
      excluded: 1,
      skipped: { title: 1, header: 1, total: 1, signature: 1 },
    };
    const withAccounts = result({ ledgers: { 电子保函: ledger("电子保函", ["电子保函-交易一科"]) } });
    withAccounts.ledgers.rowAccounts = [account, { ...account, ledger: "学习记录", sheet: "学习记录" }];
    expect(ledgerOverview(withAccounts).cards[0].accounts).toEqual([account]);
    expect(describeRowAccount(account, "zh")).toBe("读取 1,866 行 · 排除 1 行 · 跳过 4 行（标题 1、表头 1、合计 1、制表人 1）");
    expect(describeRowAccount(account, "en")).toBe("read 1,866 rows · excluded 1 · skipped 4 (title 1, header 1, total 1, signature 1)");
    expect(overview.cards[0].accounts).toEqual([]);
  });

  it("counts each ledger's issues by severity", () => {
    expect(overview.cards[1].counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(overview.cards[0].counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it("puts issues of no ledger, or of a ledger not found, under the other card, the warning before the note", () => {
    expect(overview.otherIssues.map((i) => [i.severity, i.ledger])).toEqual([
      ["warning", undefined],
      ["info", "人员"],
    ]);
  });

  it("names each missing ledger with the number of figures that fall back to manual values", () => {
    expect(overview.missing).toEqual([
      { ledger: "共建单位", figures: 0 },
      { ledger: "活动记录", figures: 0 },
      { ledger: "人员", figures: 2 },
      { ledger: "队伍", figures: 0 },
    ]);
  });

  it("adds up the rows excluded across ledgers", () => {
    expect(excludedRows(r)).toBe(3);
  });
});

describe("duplicate keys said with the report", () => {
  const dup = (cell: string, over: Partial<Issue> = {}): Issue => ({
    ...issue("warning", "电子保函", cell),
    code: "key.duplicate",
    ...over,
  });

  it("counts every repeated key, a flood by its count, and names the first cells", () => {
    const r = result({
      issues: [
        dup("电子保函!A1304"),
        issue("warning", "电子保函", "电子保函!C9"),
        dup("电子保函!A20", { count: 7, cells: ["电子保函!A20", "电子保函!A21", "电子保函!A22", "电子保函!A23"] }),
      ],
    });
    expect(duplicateKeys(r)).toEqual({ count: 8, cells: ["电子保函!A1304", "电子保函!A20", "电子保函!A21"] });
  });

  it("is nothing when no key repeats", () => {
    expect(duplicateKeys(result({ issues: [issue("warning", "电子保函", "电子保函!C9")] }))).toEqual({ count: 0, cells: [] });
  });
});

describe("figures asked about before 生成报告", () => {
  const empty = {
    code: "ledger_empty" as const,
    reason: "“电子保函”台账还没有任何记录，按 0 计入",
    reasonEn: "no records",
    cell: "电子保函!A1",
  };

  it("lists the 0s of a ledger without records, not the clerk's allowed 0s nor a 待补 figure", () => {
    const r = result({
      figures: [
        figure("eg.count", { value: 0, text: "0", zeroToSee: empty }),
        figure("eg.allowed", { value: 0, text: "0" }),
        figure("eg.amount", { value: null, text: "［待补］", unresolved: { code: "column_missing", reason: "r", reasonEn: "r" } }),
      ],
    });
    expect(figuresZeroToSee(r).map((f) => f.id)).toEqual(["eg.count"]);
  });

  it("lists the 0s of a ledger with records but none in the period too, as the CLI exits 1 for them", () => {
    const periodEmpty = { ...empty, code: "period_empty" as const, reason: "本期没有记录" };
    const r = result({
      figures: [
        figure("study.topic.count", { value: 0, text: "0", zeroToSee: periodEmpty }),
        figure("eg.allowed", { value: 0, text: "0" }),
      ],
    });
    expect(figuresZeroToSee(r).map((f) => f.id)).toEqual(["study.topic.count"]);
  });

  it("lists the figures that may be short by ledger and rows left out, not a 待补 one nor one the report does not show", () => {
    const rowsA = { count: 2, cells: ["电子保函!F13", "电子保函!A14"] };
    const rowsB = { count: 1, cells: ["电子保函!A14"] };
    const r = {
      ...result({
        figures: [
          figure("eg.count", { value: 6, text: "6", rowsLeftOut: rowsA }),
          figure("eg.firms", { value: 4, text: "4", rowsLeftOut: rowsA }),
          figure("eg.amount", { value: 0.5, text: "0.50", rowsLeftOut: rowsB }),
          figure("eg.sure", { value: 3, text: "3" }),
          figure("eg.gone", {
            value: null,
            text: "［待补］",
            rowsLeftOut: rowsA,
            unresolved: { code: "column_missing", reason: "r", reasonEn: "r" },
          }),
          figure("eg.unused", { value: 2, text: "2", rowsLeftOut: rowsA }),
        ],
      }),
    };
    r.link = { figures: ["eg.count", "eg.firms", "eg.amount", "eg.sure", "eg.gone"].map((id) => ({ id })) } as EngineResult["link"];
    expect(figuresMayBeShort(r).map((g) => [g.ledger, g.count, g.cells, g.figures.map((f) => f.id)])).toEqual([
      ["电子保函", 2, rowsA.cells, ["eg.count", "eg.firms"]],
      ["电子保函", 1, rowsB.cells, ["eg.amount"]],
    ]);
    expect(figuresMayBeShort(result({ figures: [figure("eg.sure")] }))).toEqual([]);
  });

  it("lists the figures that may be too large by ledger and repeated rows, as the short ones, not a 待补 one nor one the report does not show", () => {
    const copy = { count: 3, cells: ["'电子保函 (2)'!A3", "'电子保函 (2)'!A4"] };
    const typedTwice = { count: 1, cells: ["电子保函!A9"] };
    const r = result({
      figures: [
        figure("eg.count", { value: 4, text: "4", rowsCountedTwice: copy }),
        figure("eg.amount", { value: 0.05, text: "0.05", rowsCountedTwice: copy, rowsLeftOut: { count: 1, cells: ["电子保函!G5"] } }),
        figure("eg.firms", { value: 2, text: "2" }),
        figure("eg.other", { value: 2, text: "2", rowsCountedTwice: typedTwice }),
        figure("eg.gone", {
          value: null,
          text: "［待补］",
          rowsCountedTwice: copy,
          unresolved: { code: "column_missing", reason: "r", reasonEn: "r" },
        }),
        figure("eg.unused", { value: 2, text: "2", rowsCountedTwice: copy }),
      ],
    });
    r.link = { figures: ["eg.count", "eg.amount", "eg.firms", "eg.other", "eg.gone"].map((id) => ({ id })) } as EngineResult["link"];
    expect(figuresMayBeTooLarge(r).map((g) => [g.ledger, g.count, g.cells, g.figures.map((f) => f.id)])).toEqual([
      ["电子保函", 3, copy.cells, ["eg.count", "eg.amount"]],
      ["电子保函", 1, typedTwice.cells, ["eg.other"]],
    ]);
    // A figure both short and too large is in both lists: the two marks are two questions.
    expect(figuresMayBeShort(r).flatMap((g) => g.figures.map((f) => f.id))).toEqual(["eg.amount"]);
    expect(groupedCount(figuresMayBeTooLarge(r))).toBe(3);
    expect(figuresMayBeTooLarge(result({ figures: [figure("eg.sure")] }))).toEqual([]);
  });

  it("asks about 待补 only for figures the report shows, not one under 未在报告中使用", () => {
    const missing = { code: "column_missing" as const, reason: "r", reasonEn: "r" };
    const r = result({
      figures: [
        figure("eg.shown", { value: null, text: "［待补］", unresolved: missing }),
        figure("eg.unused", { value: null, text: "［待补］", unresolved: missing }),
      ],
    });
    r.link = { figures: [{ id: "eg.shown" }] } as EngineResult["link"];
    expect(unresolvedFigures(r).map((f) => f.id)).toEqual(["eg.shown"]);
  });

  it("names the department the 指标 tab's figures count under a scope, from the settings or the figures, and none for 全部门", () => {
    expect(figuresScope(result({ scope: "交易一科", figures: [figure("eg.count")] }), "全部门")).toBe("交易一科");
    expect(figuresScope(result({ figures: [figure("eg.count", { scope: "交易二科" })] }), "全部门")).toBe("交易二科");
    expect(figuresScope(result({ figures: [figure("eg.count")] }), "全部门")).toBeNull();
  });

  it("says the department once above the lists under a scope, and nothing for 全部门", () => {
    expect(listScope("交易一科", "全部门")).toBe("交易一科");
    expect(listScope(" 全部门 ", "全部门")).toBeNull();
    expect(listScope("", "全部门")).toBeNull();
    expect(makeT("zh-CN")("listScope", { scope: "交易一科" })).toContain("交易一科");
    expect(makeT("en-US")("listScope", { scope: "交易一科" })).toMatch(/^Scope: 交易一科/);
  });

  it("shows 全部门 as All departments in English and a department as named, the stored value untouched", () => {
    const en = makeT("en-US");
    expect(scopeLabel("全部门", en)).toBe("All departments");
    expect(scopeLabel(" 全部门 ", en)).toBe("All departments");
    expect(scopeLabel("", en)).toBe("All departments");
    expect(scopeLabel("全部门", makeT("zh-CN"))).toBe("全部门");
    expect(scopeLabel("交易一科", en)).toBe("交易一科");
    // No English message offers the clerk a Chinese 全部门 to choose.
    expect(Object.values(enUS).filter((m) => m.includes("全部门"))).toEqual([]);
  });
});

describe("figure sections", () => {
  const figures = [figure("a"), figure("b"), figure("c"), figure("unused")];
  const blocks: Block[] = [
    { kind: "title", runs: [text("2022年度述职报告")] },
    { kind: "heading", level: 1, runs: [text("一、抓基层党建工作情况")] },
    {
      kind: "paragraph",
      runs: [text("（一）抓政治建设提站位，推进党建责任落细落实。", "kai"), text("目标"), slot("a"), slot("setting.year")],
    },
    { kind: "paragraph", runs: [text("继续"), slot("b"), slot("a")] },
    { kind: "heading", level: 1, runs: [text("二、特色亮点工作")] },
    { kind: "table", rows: [[[slot("c")]]] },
  ];
  const sections = figureSections(result({ figures, blocks }), "未在报告中使用");

  it("groups figures under the run-in heading cut at its first comma, then under the last heading", () => {
    expect(sections.map((s) => [s.title, s.figures.map((f) => f.id)])).toEqual([
      ["（一）抓政治建设提站位", ["a", "b"]],
      ["二、特色亮点工作", ["c"]],
      ["未在报告中使用", ["unused"]],
    ]);
  });

  it("leaves setting slots out, since they are not figures", () => {
    expect(sections.flatMap((s) => s.figures.map((f) => f.id))).not.toContain("setting.year");
  });

  it("lists a refused 指标定义 row among the unused figures, unresolved at its row's cell, as `figures` does", () => {
    const refused: Issue = {
      severity: "error",
      code: "definition.period_blank",
      message: "指标定义!F31：区间不能为空",
      messageEn: "指标定义!F31: 区间 is blank",
      cell: "指标定义!F31",
      figure: "my.custom",
      figureName: "自定义笔数",
    };
    const listed = figureSections(result({ figures, blocks, issues: [refused] }), "未在报告中使用");
    const unused = listed.find((s) => s.title === "未在报告中使用")!.figures;
    expect(unused.map((f) => f.id)).toEqual(["unused", "my.custom"]);
    const custom = unused[1];
    expect(custom.value).toBeNull();
    expect(custom.name).toBe("自定义笔数");
    expect(custom.unresolved?.cell).toBe("指标定义!F31");
    expect(custom.unresolved?.reason).toContain("区间不能为空");
    // Its row is where to correct it; no advice about built-in definitions or a row to add.
    expect(definitionRow(custom, undefined)).toBe(31);
    expect(manualAdvice(custom, undefined)).toBeNull();
  });
});

describe("small view helpers", () => {
  it("says a figure's 区间 in English by its kind and dates, never as the Chinese label", () => {
    const period = (kind: "current" | "toEnd" | "all", label: string) =>
      figureSourceParts(figure("x", { period: { kind, label, start: "2022-01-01", end: "2022-12-31" } }), "en-US").at(-1);
    expect(period("current", "本期")).toBe("2022-01-01 to 2022-12-31");
    expect(period("toEnd", "截至期末")).toBe("up to 2022-12-31");
    expect(period("all", "全部")).toBe("all records");
  });

  it("builds the source line from ledger, conditions and period, skipping blanks", () => {
    expect(figureSourceParts(figure("x"))).toEqual(["电子保函", "状态不是“撤销”", "截至2022年12月31日"]);
    expect(figureSourceParts(figure("x"), "en-US")).toEqual(["电子保函", '状态 is not "撤销"', "up to 2022-12-31"]);
    expect(figureSourceParts(figure("y", { ledger: null, conditions: "" }))).toEqual(["截至2022年12月31日"]);
  });

  it("offers 全部门 first, then only the departments named by sheets and rows, sorted — never a scope no ledger has", () => {
    const r = result({
      ledgers: {
        电子保函: ledger("电子保函", ["电子保函-交易二科"], {
          rows: [{ sheet: "s", row: 2, values: {}, department: "综合科" }],
        }),
      },
      scope: "信息科",
    });
    expect(scopeChoices(r, "全部门")).toEqual(["全部门", ...["交易二科", "综合科"].sort((a, b) => a.localeCompare(b, "zh-CN"))]);
  });

  it("drops a leading copy of the cell from the issue text, in the pane's language", () => {
    const i = {
      ...issue("error", "电子保函", "电子保函!C12", "电子保函!C12 日期无法识别"),
      messageEn: "电子保函!C12: date not recognised",
    };
    expect(issueText(i, "zh-CN")).toBe("日期无法识别");
    expect(issueText(i, "en-US")).toBe("date not recognised");
  });

  it("names the report file by its year", () => {
    expect(reportFileName({ year: 2023 })).toBe("述职报告-2023.docx");
  });
});

describe("language and theme", () => {
  it("uses Chinese for any zh Office language and English otherwise, with ?lang= winning", () => {
    expect(pickLang("zh-TW")).toBe("zh-CN");
    expect(pickLang("fr-FR")).toBe("en-US");
    expect(pickLang(undefined)).toBe("zh-CN");
    expect(pickLang("zh-CN", "?lang=en")).toBe("en-US");
    expect(pickLang("en-US", "?lang=zh")).toBe("zh-CN");
  });

  it("has the same keys in both languages and no empty strings", () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
    expect(Object.entries(enUS).filter(([, v]) => v.trim() === "")).toEqual([]);
  });

  it("fills placeholders, grouping numbers for the language and leaving strings alone", () => {
    expect(makeT("zh-CN")("ledgerRows", { rows: 4043 })).toBe("读取 4,043 行");
    expect(makeT("en-US")("saveStarted", { file: "述职报告-2022.docx" })).toBe("Download of 述职报告-2022.docx started.");
  });

  it("reads a dark Office theme from a dark body background", () => {
    expect(isDarkTheme("#262626")).toBe(true);
    expect(isDarkTheme("#FFFFFF")).toBe(false);
    expect(isDarkTheme(undefined)).toBe(false);
  });
});

describe("saving the report", () => {
  it("does not try a download where the host drops it (Mac)", () => {
    expect(saveBytes(new Uint8Array([1]), "r.docx", "Mac", {} as Document)).toEqual({ kind: "blocked", reason: "platform" });
  });

  it("reports a failed download as blocked with the error, instead of throwing", () => {
    const doc = {
      createElement: () => {
        throw new Error("no DOM here");
      },
    } as unknown as Document;
    const outcome = saveBytes(new Uint8Array([1]), "r.docx", "OfficeOnline", doc);
    expect(outcome.kind).toBe("blocked");
    expect(outcome.kind === "blocked" && outcome.detail).toMatch(/no DOM here/);
  });
});
