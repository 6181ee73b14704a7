// 生成报告's question names every kind of figure it asks about with its count: a 待补 place never hides
// that figures may be short or too large (a clerk's workbook with a blank 联合发文单位 and a copied
// sheet was asked only 有 1 项待补，仍然生成？, the 10 may-be-too-large figures below the fold).
import { runEngine } from "../../src/core/engine";
import type { RawWorkbook } from "../../src/core/types";
import { makeT } from "../../src/taskpane/i18n";
import { askTitle } from "../../src/taskpane/views/GenerateView";
import { figuresMayBeOff } from "../../src/taskpane/model";
import { rawTable } from "../helpers/raw-workbook";

const zh = makeT("zh-CN");
const en = makeT("en-US");

/** 电子保函 with one 保函编号 typed twice (both counted) and a row whose amount is not a number (left out). */
function workbook(settings: [string, string | number][]): RawWorkbook {
  return {
    name: "台账.xlsx",
    date1904: false,
    tables: [
      rawTable("电子保函", [
        ["保函编号", "开立日期", "投标企业", "保证金金额（元）", "状态"],
        ["BH-1", "2022-03-01", "甲公司", 10_000, "有效"],
        ["BH-1", "2022-03-02", "甲公司", 10_000, "有效"],
        ["BH-2", "2022-04-01", "乙公司", "约三万", "有效"],
      ]),
      rawTable("报告设置", [["项目", "值"], ["年度", 2022], ...settings]),
    ],
  };
}

describe("生成报告's question", () => {
  it("names the 待补 places and the figures that may be short and too large together, each with its count", () => {
    const result = runEngine(workbook([]));
    expect(askTitle(result, zh)).toMatch(/^有 \d+ 项待补、3 项指标可能偏少、2 项指标可能偏大，仍然生成？$/);
    expect(askTitle(result, en)).toMatch(
      /^\d+ place\(s\) to fill in, 3 figure\(s\) may be short, 2 figure\(s\) may be too large\. Generate anyway\?$/,
    );
  });

  it("asks about 服务企业家数 when firms' names and codes disagree, alone or with the rest", () => {
    const firms = (rows: [string, string][]) =>
      runEngine({
        name: "台账.xlsx",
        date1904: false,
        tables: [
          rawTable("电子保函", [
            ["保函编号", "开立日期", "投标企业", "统一社会信用代码", "保证金金额（元）", "状态"],
            ...rows.map(([firm, code], i) => [`BH-${i + 1}`, "2022-03-01", firm, code, 10_000, "有效"]),
          ]),
          rawTable("报告设置", [
            ["项目", "值"],
            ["年度", 2022],
          ]),
        ],
      });
    const off = firms([
      ["乙公司", "91440300MA5F00001X"],
      ["乙公司", "91440300MA5F00002X"],
    ]);
    expect(figuresMayBeOff(off).map((m) => [m.figure.id, m.count])).toEqual([["eg.firms", 1]]);
    expect(askTitle(off, zh)).toMatch(/、1 项指标可能不准，仍然生成？$/);
    expect(askTitle(off, en)).toMatch(/, 1 figure\(s\) may be off\. Generate anyway\?$/);
  });

  it("keeps its own words when it asks about one kind only", () => {
    const clean = runEngine({
      ...workbook([]),
      tables: [
        rawTable("报告设置", [
          ["项目", "值"],
          ["年度", 2022],
        ]),
      ],
    });
    expect(askTitle(clean, zh)).toMatch(/^有 \d+ 项待补，仍然生成？$/);
  });
});
