// The panes' pure helpers for figures the ledgers cannot support, scopes and the wrong workbook.
import { runEngine, type EngineResult } from "../../src/core/engine";
import { OtherWorkbookError } from "../../src/core/refresh/recompute";
import type { FigureResult, RawWorkbook } from "../../src/core/types";
import { blankSettings, manualAdvice, scopeChoices, scopeIsKnown, unresolvedFigures } from "../../src/taskpane/model";
import { DEFAULT_DEFINITIONS, DEFINITION_HEADERS, definitionToRow } from "../../src/core/figures";
import { otherWorkbookOf } from "../../src/taskpane/components/review";
import { shortCells, unresolvedLine } from "../../src/taskpane/views/FiguresView";
import { duplicateKeysText } from "../../src/taskpane/views/GenerateView";
import { makeT } from "../../src/taskpane/i18n";
import { rawTable } from "../helpers/raw-workbook";

const workbook: RawWorkbook = {
  name: "台账.xlsx",
  date1904: false,
  tables: [
    rawTable("学习记录", [
      ["日期", "学习方式", "主题"],
      ["2022-03-01", "专题学习", "二十大"],
    ]),
    rawTable("电子保函-交易一科", [
      ["保函编号", "开立日期", "投标企业", "保证金金额（元）"],
      ["BH-1", "2022-01-01", "甲", 100],
    ]),
    rawTable("共建单位", [
      ["单位名称", "协议签订日期", "部门"],
      ["某社区", "2022-01-05", "综合科"],
    ]),
  ],
};

describe("the 生成 view's list of blank settings to fill in", () => {
  it("names each 报告设置 answer the report would show as ［待补］, with its cell, and none once answered", () => {
    const settings = (issuer: string) =>
      rawTable("报告设置", [
        ["项目", "值"],
        ["年度", 2022],
        ["单位名称", "某市公共资源交易中心"],
        ["单位简称", "市公共资源交易中心"],
        ["述职人", "市公共资源交易中心党组书记"],
        ["联合发文单位", issuer],
        ["平台名称", "公共资源交易平台"],
        ["城市", "某市"],
      ]);
    const blank = runEngine({ ...workbook, tables: [...workbook.tables, settings("")] });
    expect(blankSettings(blank)).toEqual([{ name: "联合发文单位", cell: "报告设置!B6" }]);
    const answered = runEngine({ ...workbook, tables: [...workbook.tables, settings("市住房和城乡建设局")] });
    expect(blankSettings(answered)).toEqual([]);
  });
});

describe("the 生成 view's list of figures to fill in", () => {
  const result = runEngine(workbook, { overrides: { year: 2022 } });
  it("holds every figure without a number, in report order, each with its reason and cell", () => {
    const open = unresolvedFigures(result);
    expect(open.map((f) => f.id)).toEqual(result.figures.filter((f) => f.value === null).map((f) => f.id));
    expect(open.map((f) => f.id)).toEqual(expect.arrayContaining(["goals.count", "study.topic.count", "cadres.baolian.count"]));
    const topic = open.find((f) => f.id === "study.topic.count")!;
    expect(unresolvedLine(topic.unresolved!, makeT("zh-CN"), "zh-CN")).toBe("“学习记录”台账中没有条件列“形式”（见 学习记录 · B1）");
    expect(unresolvedLine(topic.unresolved!, makeT("en-US"), "en-US")).toBe(
      'ledger 学习记录 has no condition column "形式" (see 学习记录 · B1)',
    );
    expect(result.figures.filter((f) => f.value !== null).every((f) => !open.includes(f))).toBe(true);
  });
});

describe("the advice at a manual figure the pane cannot edit", () => {
  const advice = (wb: RawWorkbook, id: string) => {
    const result = runEngine(wb, { overrides: { year: 2022 } });
    const figure = result.figures.find((f) => f.id === id)!;
    return manualAdvice(
      figure,
      result.definitions.find((d) => d.id === id),
    );
  };
  const manualId = DEFAULT_DEFINITIONS.find((d) => d.ledger === null)!.id;

  it("names the 指标定义 row to add when the sheet is there but lacks the figure (set-up would leave it alone)", () => {
    const rows = DEFAULT_DEFINITIONS.filter((d) => d.id !== manualId).map(definitionToRow);
    const withDefinitions = { ...workbook, tables: [...workbook.tables, rawTable("指标定义", [DEFINITION_HEADERS, ...rows])] };
    expect(advice(withDefinitions, manualId)).toBe("notDefined");
    expect(makeT("zh-CN")("manualNotDefined", { id: manualId, name: "某指标" })).toContain(
      `在“指标定义”末尾添加一行：指标ID 填“${manualId}”`,
    );
  });

  it("says to set up the workbook only when it has no 指标定义 at all", () => {
    expect(advice(workbook, manualId)).toBe("builtIn");
  });

  it("says nothing where the 手工值 can be typed in the pane", () => {
    const rows = DEFAULT_DEFINITIONS.map(definitionToRow);
    const withDefinitions = { ...workbook, tables: [...workbook.tables, rawTable("指标定义", [DEFINITION_HEADERS, ...rows])] };
    expect(advice(withDefinitions, manualId)).toBeNull();
  });
});

describe("the scope choice", () => {
  const result = runEngine(workbook, { overrides: { year: 2022, scope: "交易三科" } });
  it("offers only departments the ledgers name, never the mistyped scope in 报告设置", () => {
    expect(scopeChoices(result, "全部门")).toEqual(["全部门", ...["交易一科", "综合科"].sort((a, b) => a.localeCompare(b, "zh-CN"))]);
    expect(scopeIsKnown(result, "交易三科", "全部门")).toBe(false);
    expect(scopeIsKnown(result, "交易一科", "全部门")).toBe(true);
    expect(scopeIsKnown(result, "全部门", "全部门")).toBe(true);
  });
});

describe("a refresh that stopped at another workbook", () => {
  it("gives the panes both workbooks to show, and nothing for any other error", () => {
    const mismatch = { report: { id: "A-1", name: "台账2022.xlsx" }, workbook: { id: "", name: "新台账.xlsx" } };
    expect(otherWorkbookOf(new OtherWorkbookError(mismatch))).toEqual(mismatch);
    // As it arrives from the lazily loaded patcher chunk: another copy of the class, the same shape.
    expect(otherWorkbookOf(Object.assign(new Error("x"), { code: "refresh.other_workbook", mismatch }))).toEqual(mismatch);
    // A production build minifies class names: the error is known by its code, never by its name.
    expect(otherWorkbookOf(Object.assign(new Error("x"), { name: "e", code: "refresh.other_workbook", mismatch }))).toEqual(mismatch);
    expect(otherWorkbookOf(Object.assign(new Error("x"), { name: "OtherWorkbookError", code: "other", mismatch }))).toBeNull();
    expect(otherWorkbookOf(new Error("boom"))).toBeNull();
    expect(otherWorkbookOf(null)).toBeNull();
  });
});

describe("the cells a figure's rows-left-out mark names", () => {
  it("say their sheet once before the first cell, so the mark stays one short line", () => {
    expect(shortCells(["'2022年学习记录台账'!D30", "'2022年学习记录台账'!B44"])).toEqual(["2022年学习记录台账 · D30", "B44"]);
  });
  it("say the sheet of each cell when the ledger spans sheets, so F4 of one is not taken for F4 of another", () => {
    expect(shortCells(["学习记录-交易一科!F4", "'学习记录-交易二科'!B5"])).toEqual(["学习记录-交易一科 · F4", "学习记录-交易二科 · B5"]);
  });
  it("say the sheet of a lone cell too: a G5 exists on every department sheet of a ledger", () => {
    expect(shortCells(["'电子保函-交易二科'!G5"])).toEqual(["电子保函-交易二科 · G5"]);
    expect(shortCells(["'电子保函-交易一科 (2)'!B3", "…"])).toEqual(["电子保函-交易一科 (2) · B3", "…"]);
  });
});

describe("the 生成 tab's line about repeated keys", () => {
  const repeated = {
    severity: "warning" as const,
    code: "key.duplicate",
    message: "m",
    messageEn: "m",
    cell: "'电子保函（交易二科）'!A1304",
    ledger: "电子保函" as const,
  };
  const withFigures = (figures: Partial<FigureResult>[]) =>
    ({ issues: [repeated], figures, link: { figures: figures.map((f) => ({ id: f.id })) } }) as unknown as EngineResult;
  const counted = {
    id: "eg.count",
    value: 4,
    text: "4",
    ledger: "电子保函" as const,
    rowsCountedTwice: { count: 1, cells: [repeated.cell] },
  };

  it("names the keys to check and claims no count itself, whether or not a figure counted both rows", () => {
    // A figure that did is listed as may be too large (figuresMayBeTooLarge); the repeat may be 撤销 or outside the period.
    for (const figures of [[counted], [{ ...counted, rowsCountedTwice: undefined }]]) {
      const zh = duplicateKeysText(withFigures(figures), makeT("zh-CN"), "zh-CN");
      expect(zh).toContain("电子保函（交易二科） · A1304");
      expect(zh).not.toContain("两行都已计入");
      expect(duplicateKeysText(withFigures(figures), makeT("en-US"), "en-US")).not.toMatch(/both rows were counted|so a figure may be too/);
    }
  });

  it("names rows repeated in full too (a copied 学习记录 sheet), after the repeated keys", () => {
    const rows = {
      severity: "warning",
      code: "row.repeated",
      ledger: "学习记录",
      message: "",
      messageEn: "",
      cell: "'学习记录 (2)'!A2",
      count: 7,
      cells: ["'学习记录 (2)'!A2", "'学习记录 (2)'!A3", "'学习记录 (2)'!A4"],
    };
    const both = { issues: [repeated, rows], figures: [], link: { figures: [] } } as unknown as EngineResult;
    const zh = duplicateKeysText(both, makeT("zh-CN"), "zh-CN");
    expect(zh).toMatch(/^1 个编号重复（.*）.*7 行与前面一行完全相同（学习记录 \(2\) · A2、A3、A4、…，如复制出的工作表）/);
    expect(duplicateKeysText({ ...both, issues: [rows] } as EngineResult, makeT("en-US"), "en-US")).toMatch(
      /^7 row\(s\) repeat an earlier row in every value/,
    );
  });

  it("ends the cells it names with … when more keys repeat than it names", () => {
    const five = { ...repeated, count: 5, cells: ["电子保函!B3", "电子保函!B4", "电子保函!B5", "电子保函!B6", "电子保函!B7"] };
    const many = { issues: [five], figures: [], link: { figures: [] } } as unknown as EngineResult;
    const zh = duplicateKeysText(many, makeT("zh-CN"), "zh-CN");
    expect(zh).toContain("5 个编号重复");
    expect(zh).toMatch(/B5、…/);
    expect(duplicateKeysText({ ...many, issues: [repeated] } as EngineResult, makeT("zh-CN"), "zh-CN")).not.toContain("…");
  });
});
