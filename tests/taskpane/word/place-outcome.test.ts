// What 放置指标 says after a placing: the figures placed (success), placeholders left as typed with the
// name each most likely meant (warning), or a document with nothing to convert — information and what
// to do, never a success mark for nothing done.
import { makeT, type Lang } from "../../../src/taskpane/i18n";
import { differsWords, outcomeIntent, placeSummary } from "../../../src/taskpane/word/PlaceFigures";

const figures = [
  { id: "eg.count", name: "电子保函笔数" },
  { id: "eg.firms", name: "服务企业家数" },
];
const nothing = { placed: [], unknown: [], warnings: [] };
const say = (r: Parameters<typeof placeSummary>[0], lang: Lang) => placeSummary(r, figures, makeT(lang), lang);

describe("放置指标's outcome", () => {
  it("marks a document without placeholders as information, and tells how to place figures, in both languages", () => {
    expect(outcomeIntent(nothing)).toBe("info");
    const zh = say(nothing, "zh-CN");
    expect(zh).toContain("没有找到");
    expect(zh).toContain("{{名称}}");
    expect(zh).toContain("插入");
    const en = say(nothing, "en-US");
    expect(en).toContain("No {{…}} placeholders");
    expect(en).toContain("{{name}}");
    expect(en).toContain("Insert");
  });

  it("marks placed figures a success and a placeholder left as typed a warning", () => {
    const placed = { ...nothing, placed: [{ id: "eg.count", name: "电子保函笔数", text: "3372" }] };
    expect(outcomeIntent(placed)).toBe("success");
    expect(outcomeIntent({ ...placed, unknown: ["{{不认识的指标}}"] })).toBe("warning");
    expect(outcomeIntent({ ...nothing, unknown: ["{{不认识的指标}}"] })).toBe("warning");
  });

  it("asks after a misspelled placeholder which figure it meant, and guesses nothing for a name near none", () => {
    const r = { ...nothing, unknown: ["{{电子保函比数}}", "{{不认识的指标}}"] };
    const zh = say(r, "zh-CN");
    expect(zh).toContain("{{电子保函比数}}（是不是“电子保函笔数”？）");
    expect(zh).toContain("{{不认识的指标}}");
    expect(zh).not.toMatch(/不认识的指标}}（/);
    expect(say(r, "en-US")).toContain('{{电子保函比数}} (Did you mean "电子保函笔数"?)');
  });
});

describe("放置指标's figure-differs dialog", () => {
  it("speaks of the placing that asked: converting's choices say converting, inserting's say inserting, in both languages", () => {
    for (const lang of ["zh-CN", "en-US"] as const) {
      const t = makeT(lang);
      const said = (placing: "insert" | "convert") => Object.values(differsWords(placing)).map((key) => t(key, { file: "台账.xlsx" }));
      const [insertWord, convertWord] = lang === "zh-CN" ? ["插入", "转换"] : [/insert/i, /convert/i];
      for (const text of said("convert")) {
        expect(text).toMatch(convertWord);
        expect(text).not.toMatch(insertWord);
      }
      for (const text of said("insert")) expect(text).toMatch(insertWord);
    }
  });
});
