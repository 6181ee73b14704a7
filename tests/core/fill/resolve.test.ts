// What a placeholder's name leads to: a figure by id or name, a setting by its slot id or 报告设置 name.
import {
  brokenDefinitionOf,
  linkRecordForSlots,
  nearestPlaceholderName,
  placedCounts,
  placeholderSuggestion,
  resolvePlaceholder,
  slotValue,
  withSlots,
} from "../../../src/core/fill";
import { defaultSettings } from "../../../src/core/settings";
import type { FigureResult, Issue } from "../../../src/core/types";

const figure = (id: string, name: string, text: string, unresolved = false): FigureResult => ({
  id,
  name,
  value: unresolved ? null : Number(text),
  text,
  rows: 1,
  ledger: "电子保函",
  conditions: "",
  period: { kind: "all", label: "全部", start: null, end: "2022-12-31" },
  rowRefs: [],
  fingerprint: `fp-${id}`,
  manual: false,
  ...(unresolved ? { unresolved: { code: "manual_blank", reason: "r", reasonEn: "r" } } : {}),
});
const figures = [figure("eg.count", "电子保函笔数", "1386"), figure("goals.count", "目标要求条数", "［待补：目标要求条数］", true)];

describe("resolvePlaceholder", () => {
  it("finds a figure by its id and by its name, spaces inside the braces or the name ignored", () => {
    expect(resolvePlaceholder("eg.count", figures)).toEqual({ kind: "figure", id: "eg.count", name: "电子保函笔数" });
    expect(resolvePlaceholder(" 电子保函 笔数 ", figures)?.id).toBe("eg.count");
  });
  it("finds a setting by its 报告设置 name and by its slot id", () => {
    expect(resolvePlaceholder("年度", figures)).toEqual({ kind: "setting", id: "setting.year", name: "年度" });
    expect(resolvePlaceholder("单位名称", figures)?.id).toBe("setting.org_name");
    expect(resolvePlaceholder("setting.city", figures)?.id).toBe("setting.city");
  });
  it("answers null for a name that is no figure and no setting, never the nearest one", () => {
    expect(resolvePlaceholder("电子保函", figures)).toBeNull();
    expect(resolvePlaceholder("setting.nothing", figures)).toBeNull();
    expect(resolvePlaceholder("  ", figures)).toBeNull();
  });
});

describe("nearestPlaceholderName: what a misspelled placeholder most likely meant", () => {
  it("offers the figure name one character away (电子保函比数 → 电子保函笔数), and a setting's", () => {
    expect(nearestPlaceholderName("电子保函比数", figures)).toBe("电子保函笔数");
    expect(nearestPlaceholderName(" 电子保函比数 ", figures)).toBe("电子保函笔数");
    expect(nearestPlaceholderName("述职入", figures)).toBe("述职人");
    expect(nearestPlaceholderName("单位明称", figures)).toBeNull(); // 单位名称 and 单位简称 are equally near
    expect(nearestPlaceholderName("eg.cuont", figures)).toBe("电子保函笔数");
  });
  it("offers nothing for a name far from every figure and setting, or for one that resolves", () => {
    expect(nearestPlaceholderName("不认识的指标", figures)).toBeNull();
    expect(nearestPlaceholderName("电子保函笔数", figures)).toBeNull();
    expect(nearestPlaceholderName("", figures)).toBeNull();
  });
  it("offers nothing when two names are equally near: a guess between them would mislead", () => {
    const two = [figure("a.count", "甲类笔数", "1"), figure("b.count", "乙类笔数", "2")];
    expect(nearestPlaceholderName("丙类笔数", two)).toBeNull();
  });
  it("asks the question in both languages, and says nothing when no name is near", () => {
    expect(placeholderSuggestion("电子保函比数", figures)).toEqual({ zh: "是不是“电子保函笔数”？", en: 'Did you mean "电子保函笔数"?' });
    expect(placeholderSuggestion("不认识的指标", figures)).toEqual({ zh: "", en: "" });
  });
});

describe("slot values and the link record", () => {
  const settings = { ...defaultSettings(2022), workbookId: "wb-1" };
  it("shows an unresolved figure as its visible placeholder, flagged for the clerk", () => {
    expect(slotValue("goals.count", figures, settings)).toEqual({ text: "［待补：目标要求条数］", unresolved: true });
    expect(slotValue("setting.year", figures, settings)).toEqual({ text: "2022", unresolved: false });
  });
  it("records each slot once, in the order given, with the template the words came from", () => {
    const record = linkRecordForSlots(["setting.year", "eg.count", "setting.year"], figures, settings, "台账.xlsx", "t", "docx:我的.docx");
    expect(record.figures.map((f) => [f.id, f.text])).toEqual([
      ["setting.year", "2022"],
      ["eg.count", "1386"],
    ]);
    expect(record.templateId).toBe("docx:我的.docx");
    expect(record.workbookId).toBe("wb-1");
  });
  it("adds to a record the slots it lacks, but not a figure the workbook no longer defines", () => {
    const record = linkRecordForSlots(["setting.year"], figures, settings, "台账.xlsx", "t");
    expect(withSlots(record, ["setting.year", "eg.count", "gone.figure"], figures, settings).figures.map((f) => f.id)).toEqual([
      "setting.year",
      "eg.count",
    ]);
  });
});

describe("brokenDefinitionOf", () => {
  const broken: Issue = {
    severity: "error",
    code: "definition.bad_aggregate",
    message: "汇总方式“平均”无法识别",
    messageEn: "unknown aggregate",
    cell: "指标定义!D9",
    figure: "eg.avg",
    figureName: "电子保函 平均金额",
  };
  const ledgerError: Issue = { ...broken, code: "date.unparseable", cell: "电子保函!C4" };

  it("finds the unreadable 指标定义 row a placeholder names by 编号 or by 名称, spaces ignored", () => {
    expect(brokenDefinitionOf("eg.avg", [ledgerError, broken])).toBe(broken);
    expect(brokenDefinitionOf(" 电子保函平均金额 ", [broken])).toBe(broken);
  });
  it("is null for a name no broken row has, for a ledger's own error, and for an error with no cell to point at", () => {
    expect(brokenDefinitionOf("eg.count", [broken])).toBeNull();
    expect(brokenDefinitionOf("eg.avg", [ledgerError])).toBeNull();
    expect(brokenDefinitionOf("eg.avg", [{ ...broken, cell: undefined }])).toBeNull();
  });
});

describe("placedCounts", () => {
  it("counts the placeholders that became figures, and of those the ones showing an unresolved figure's ［待补］", () => {
    const placeholders = [
      { target: { id: "eg.count" } },
      { target: { id: "goals.count" } },
      { target: { id: "goals.count" }, refused: "与其他文字同在一段" },
      { target: null },
    ];
    expect(placedCounts(placeholders, figures)).toEqual({ placed: 2, pending: 1 });
  });
});
