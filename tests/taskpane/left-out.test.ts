// The panes' words for rows a figure may be short by (components/left-out.ts): rows counted in no
// figure are "not counted"; rows whose word was read as 其他 are counted — as 其他 — so they are said
// apart, with their column, as the command line says them. One function for the 指标 list, 生成报告's
// and 填写并下载's questions, and the update reviews in Excel and Word.
import { runEngine } from "../../src/core/engine";
import type { FigureResult, RawWorkbook } from "../../src/core/types";
import { makeT } from "../../src/taskpane/i18n";
import { shortRowsBody, shortRowsKey, shortRowsWords, type ShortRows } from "../../src/taskpane/components/left-out";
import { figuresMayBeShort, markGroups } from "../../src/taskpane/model";
import { rawTable } from "../helpers/raw-workbook";

const zh = makeT("zh-CN");
const en = makeT("en-US");

/** 学习记录 with a clerk's own word for 形式 on row 3 (`专题研讨会`) and, given, a row missing its date on row 4. */
function workbook(withError: boolean): RawWorkbook {
  const rows: unknown[][] = [
    ["日期", "形式", "主题", "组织", "参加人数"],
    ["2022-03-01", "专题学习", "学习党的二十大精神", "党支部", 30],
    ["2022-08-01", "专题研讨会", "营商环境", "党支部", 10],
  ];
  if (withError) rows.push(["", "专题研讨", "作风建设", "党支部", 12]);
  return {
    name: "台账.xlsx",
    date1904: false,
    tables: [
      rawTable("学习记录", rows as never),
      rawTable("报告设置", [
        ["项目", "值"],
        ["年度", 2022],
      ]),
    ],
  };
}

const seminars = (figures: readonly FigureResult[]) => figures.find((f) => f.id === "study.seminar.count")!;

describe("the panes' words for rows a figure may be short by", () => {
  it("says a row read as 其他 is counted as 其他, with its column and cell, not that it was not counted", () => {
    const figure = seminars(runEngine(workbook(false)).figures);
    expect(figure.rowsLeftOut?.readAsOther?.count).toBe(1);
    const mark: ShortRows = { ledger: figure.ledger!, ...figure.rowsLeftOut! };
    expect(zh("figureRowsLeftOut", { rows: shortRowsWords(mark, zh) })).toBe(
      "可能偏少：“学习记录”有 1 行的“形式”不是可选值，已按“其他”统计，没有计入这些指标（学习记录 · B3）",
    );
    expect(en("figureRowsLeftOut", { rows: shortRowsWords(mark, en) })).toBe(
      'May be short: 1 row(s) of 学习记录 have a "形式" that is not one of its values, counted as 其他 and not in these figures (学习记录 · B3)',
    );
    expect(shortRowsWords(mark, zh)).not.toContain("未计入");
  });

  it("says rows with errors and rows read as 其他 apart, each with its own cells", () => {
    const figure = seminars(runEngine(workbook(true)).figures);
    const mark: ShortRows = { ledger: figure.ledger!, ...figure.rowsLeftOut! };
    expect(mark.count).toBe(2);
    expect(zh("reviewLeftOutLedger", { rows: shortRowsWords(mark, zh) })).toBe(
      "“学习记录”有 1 行未计入（学习记录 · A4）；“学习记录”有 1 行的“形式”不是可选值，已按“其他”统计，没有计入这些指标（学习记录 · B3）：",
    );
    expect(shortRowsWords(mark, en)).toBe(
      '1 row(s) of 学习记录 not counted (学习记录 · A4); 1 row(s) of 学习记录 have a "形式" that is not one of its values, counted as 其他 and not in these figures (学习记录 · B3)',
    );
  });

  it("keeps the words it had for rows counted in no figure", () => {
    const mark: ShortRows = { ledger: "电子保函", count: 2, cells: ["电子保函!G5", "电子保函!G9"] };
    expect(zh("figureRowsLeftOut", { rows: shortRowsWords(mark, zh) })).toBe("可能偏少：“电子保函”有 2 行未计入（电子保函 · G5、G9）");
    expect(en("reviewLeftOutLedger", { rows: shortRowsWords(mark, en) })).toBe("2 row(s) of 电子保函 not counted (电子保函 · G5, G9):");
  });

  it("ends the cells of rows read as 其他 with … when more rows than cells are named", () => {
    const mark: ShortRows = {
      ledger: "学习记录",
      count: 7,
      cells: ["学习记录!B3", "学习记录!B4"],
      readAsOther: { count: 7, cells: ["学习记录!B3", "学习记录!B4"], columns: ["形式"] },
    };
    expect(shortRowsWords(mark, zh)).toMatch(/（学习记录 · B3、B4、…）$/);
  });

  it("gives the question a reason that fits: errors alone, or errors and words read as 其他", () => {
    const left: ShortRows = { ledger: "电子保函", count: 1, cells: ["电子保函!G5"] };
    const other: ShortRows = {
      ledger: "学习记录",
      count: 1,
      cells: ["学习记录!B3"],
      readAsOther: { count: 1, cells: ["学习记录!B3"], columns: ["形式"] },
    };
    expect(shortRowsBody([left], zh)).toBe(zh("reviewLeftOutAskBody"));
    expect(shortRowsBody([left, other], zh)).toContain("按“其他”统计");
    expect(shortRowsBody([other], en)).toContain("counted as 其他");
  });

  it("groups 生成报告's list by ledger, rows and the columns read as 其他, and keeps which rows were read as 其他", () => {
    const result = runEngine(workbook(true));
    const groups = figuresMayBeShort(result);
    const withOther = groups.filter((g) => g.readAsOther);
    // 专题研讨 could have the row with an error too; 主题宣讲 only the one read as 其他: two groups.
    expect(withOther.map((g) => [g.count, g.figures.map((f) => f.id)])).toEqual([
      [2, ["study.seminar.count"]],
      [1, ["study.lecture.count"]],
    ]);
    expect(withOther.map((g) => g.readAsOther?.columns)).toEqual([["形式"], ["形式"]]);
    // Figures by the same rows but another column read as 其他 are not one group.
    const f = seminars(result.figures);
    const twin = {
      ...f,
      id: "twin",
      rowsLeftOut: { ...f.rowsLeftOut!, readAsOther: { ...f.rowsLeftOut!.readAsOther!, columns: ["类型"] } },
    };
    expect(markGroups([f, twin], "rowsLeftOut")).toHaveLength(2);
    expect(shortRowsKey({ ledger: "a", count: 1, cells: ["x"] })).not.toBe(
      shortRowsKey({ ledger: "a", count: 1, cells: ["x"], readAsOther: { count: 1, cells: ["x"], columns: ["形式"] } }),
    );
  });
});
