// GB/T 9704 §7.3.1: a title of more than one line breaks between words, in balanced lines.
import { chooseTitleBreaks, titleBreakCandidates, titleBreaks, titleWidth } from "../../../src/core/report/title";
import { buildReport, parseTemplate, type Template } from "../../../src/core/report";
import type { Run } from "../../../src/core/types";
import { settings } from "../../adapters/docx/fixture";

/** 2号 (22 pt) characters across the 156 mm text block. */
const LINE = 8845 / 440;

const text = (t: string): Run => ({ kind: "text", text: t });
const slot = (id: string, t: string): Run => ({ kind: "slot", id, name: id, text: t });

function lines(runs: Run[], width = LINE, marks?: number[]): string[] {
  const full = runs.map((r) => r.text).join("");
  const breaks = titleBreaks(runs, width, marks);
  return [0, ...breaks].map((from, i) => full.slice(from, [...breaks, full.length][i]));
}

describe("title breaks (GB/T 9704 §7.3.1)", () => {
  test("a title that fits on one line is not broken", () => {
    expect(lines([text("2022年度工作总结")])).toEqual(["2022年度工作总结"]);
    expect(lines([text("2022年度市公共资源交易中心党组书记述职报告")], 30)).toHaveLength(1);
  });

  test("the default title as plain text breaks between the unit's name and the role, in two even lines", () => {
    expect(lines([text("2022年度市公共资源交易中心党组书记抓党建工作述职报告")])).toEqual([
      "2022年度市公共资源交易中心",
      "党组书记抓党建工作述职报告",
    ]);
  });

  test("the default title with the reporter as a slot breaks after the role, never inside the slot", () => {
    const runs = [
      slot("setting.year", "2022"),
      text("年度"),
      slot("setting.reporter", "市公共资源交易中心党组书记"),
      text("抓党建工作述职报告"),
    ];
    expect(lines(runs)).toEqual(["2022年度市公共资源交易中心党组书记", "抓党建工作述职报告"]);
  });

  test("never breaks inside a word, after a number, or before closing punctuation", () => {
    const title = "2022年度市公共资源交易中心党组书记抓党建工作述职报告";
    const cut = (i: number) => `${title.slice(0, i)}|${title.slice(i)}`;
    const candidates = titleBreakCandidates(title).map(cut);
    for (const bad of ["抓党|建", "党建|工作", "党组|书记", "交易|中心", "述职|报告", "20|22", "2022|年", "市|公共"])
      expect(candidates.filter((c) => c.includes(bad))).toEqual([]);
    expect(titleBreakCandidates("关于加强“三会一课”的通知").map((i) => "关于加强“三会一课”的通知"[i])).not.toContain("”");
  });

  test("breaks a long notice title where the lexicon finds words, every line within the width", () => {
    const title = "关于进一步规范房屋建筑和市政基础设施工程招标投标工作的通知";
    const got = lines([text(title)]);
    expect(got.join("")).toBe(title);
    expect(got.length).toBe(2);
    for (const l of got) expect(titleWidth(l)).toBeLessThanOrEqual(LINE);
    expect(got[0].endsWith("和")).toBe(true);
  });

  test("uses three lines when two cannot hold the title, the longest line as short as it can be", () => {
    // 13 ems: no pair of lines fits (the best pair needs 13.4), three do.
    const got = lines([text("2022年度市公共资源交易中心党组书记抓党建工作述职报告")], 13);
    expect(got).toHaveLength(3);
    expect(got[0]).toBe("2022年度");
    expect(Math.max(...got.map(titleWidth))).toBe(13);
    expect(got.join("")).toBe("2022年度市公共资源交易中心党组书记抓党建工作述职报告");
  });

  test("prefers the most even pair of lines among those that fit", () => {
    // Breaks after 年度 (4.4 + 22) do not fit; after 中心 (13.4 + 13) beats after 书记 (17.4 + 9).
    const title = "2022年度市公共资源交易中心党组书记抓党建工作述职报告";
    const at = (s: string) => title.indexOf(s) + s.length;
    expect(chooseTitleBreaks(title, [at("年度"), at("中心"), at("书记"), at("抓党建工作")], LINE)).toEqual([at("中心")]);
  });

  test("breaks only at the template's marks when it marks any", () => {
    const title = "2022年度市公共资源交易中心党组书记抓党建工作述职报告";
    const mark = title.indexOf("抓");
    expect(lines([text(title)], LINE, [mark])).toEqual(["2022年度市公共资源交易中心党组书记", "抓党建工作述职报告"]);
  });

  test("leaves a title without any fitting break to the renderer's wrapping rather than cut a word", () => {
    expect(titleBreaks([slot("setting.reporter", "某某市某某区公共资源交易服务中心党组书记兼中心主任")], 12)).toEqual([]);
  });
});

describe("a template's [wbr] marks", () => {
  const template = (line: string): Template => ({ id: "t", name: "t", text: `= ${line}\n正文。` });

  test("reach the title block as offsets into its text, leaving no trace in the runs", () => {
    const doc = buildReport(template("{{setting.year}}年度[wbr]{{setting.reporter}}[wbr]抓党建工作述职报告"), settings, []);
    const title = doc.blocks[0];
    if (title.kind !== "title") throw new Error("no title");
    const full = title.runs.map((r) => r.text).join("");
    expect(full).toBe(`2022年度${settings.reporter}抓党建工作述职报告`);
    expect(title.breaks).toEqual([full.indexOf(settings.reporter), full.indexOf("抓")]);
  });

  test("parse as a break piece and nothing else", () => {
    expect(parseTemplate("= 甲[wbr]乙")[0].pieces).toEqual([{ kind: "text", text: "甲" }, { kind: "wbr" }, { kind: "text", text: "乙" }]);
  });
});
