// What 报告模板's 填写并下载 tells the clerk after filling a stored template: every placeholder left as
// typed is named with fill's reason, as `ledger-report fill` lists them — none passes unsaid.
import { fillFromEngine } from "../../src/adapters/docx/fill";
import { runEngine } from "../../src/core/engine";
import type { RawWorkbook } from "../../src/core/types";
import { makeT } from "../../src/taskpane/i18n";
import { carriedOverNote, filledNote } from "../../src/taskpane/views/TemplatesView";
import { filledMarks } from "../../src/taskpane/model";
import { askTitle } from "../../src/taskpane/components/review";
import { sampleWorkbook } from "../adapters/docx/refresh/clerk";
import { wordMadePackage } from "../adapters/docx/word-made";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const BY_ISSUER = ["eg.by_issuer", "电子保函按出函机构", "电子保函", "分组计数:出函机构", "", "本期", "整数", ""];

function withTableFigure(wb: RawWorkbook): RawWorkbook {
  wb.tables.find((t) => t.sheet === "指标定义")!.values.push(BY_ISSUER);
  return wb;
}

/**
 * The clerk's template: in the body one figure that converts, one name of nothing, one table figure
 * inside a sentence; the header plain; the footer (word-made's) one {{年度}}, which converts.
 */
function filled() {
  const body =
    `<w:p><w:r><w:t>共出具电子保函{{电子保函笔数}}笔。</w:t></w:r></w:p>` +
    `<w:p><w:r><w:t>{{不认识的指标}}</w:t></w:r></w:p>` +
    `<w:p><w:r><w:t>各出函机构：{{电子保函按出函机构}}。</w:t></w:r></w:p>`;
  const engine = runEngine(withTableFigure(sampleWorkbook()), { generatedAt: "2023-01-05T00:00:00Z" });
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
  const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:hdr ${W}><w:p/></w:hdr>`;
  const filled = fillFromEngine(wordMadePackage(document, header), engine, {
    workbookName: "sample-ledgers.xlsx",
    generatedAt: "2023-01-05T00:00:00Z",
    templateName: "工作总结.docx",
  });
  return { filled, figures: engine.figures };
}

describe("the note after 填写并下载", () => {
  const { filled: result, figures } = filled();

  it("counts only the placeholders that became figures", () => {
    expect(filledNote(result, figures, makeT("zh-CN"), "zh-CN").text.split("\n")[0]).toBe(makeT("zh-CN")("templatesFilled", { n: 2 }));
  });

  it("names every placeholder left as typed with why: the unknown name and the table figure inside a sentence", () => {
    const note = filledNote(result, figures, makeT("zh-CN"), "zh-CN");
    expect(note.leftAsTyped).toBe(2);
    const lines = note.text.split("\n").slice(1);
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes("{{不认识的指标}}"))).toContain("不是任何指标");
    expect(lines.find((l) => l.includes("{{电子保函按出函机构}}"))).toContain("表格指标须单独成段");
  });

  it("says them in English in the English pane", () => {
    const lines = filledNote(result, figures, makeT("en-US"), "en-US").text.split("\n");
    expect(lines[0]).toBe(makeT("en-US")("templatesFilled", { n: 2 }));
    expect(lines.find((l) => l.includes("{{电子保函按出函机构}}"))).toContain("A table figure needs a paragraph of its own");
  });

  it("has nothing to add when every placeholder became a figure", () => {
    expect(filledNote({ placeholders: [], issues: [] }, figures, makeT("zh-CN"), "zh-CN")).toEqual({
      text: makeT("zh-CN")("templatesFilled", { n: 0 }),
      leftAsTyped: 0,
    });
  });

  it("says how many placed figures show ［待补］ instead of counting them as numbers", () => {
    const unresolved = figures.map((f) =>
      f.id === "eg.count" ? { ...f, value: null, unresolved: { code: "manual_blank" as const, reason: "r", reasonEn: "r" } } : f,
    );
    const note = filledNote(result, unresolved, makeT("zh-CN"), "zh-CN");
    expect(note.text.split("\n")[0]).toBe(makeT("zh-CN")("templatesFilled", { n: 2 }) + makeT("zh-CN")("templatesPending", { n: 1 }));
    expect(note.leftAsTyped).toBe(3);
  });
});

describe("what 填写并下载 asks about before the download", () => {
  const { filled: result, figures } = filled();

  it("lists the placed figures that may be too large or short, each by ledger and rows, and not the ones the document does not show", () => {
    // The sample repeats one 保函编号 (counted twice in 电子保函笔数) and leaves a row out of 电子保函: both are said.
    const { short, large } = filledMarks(figures, result.ids);
    expect(result.ids).toContain("eg.count");
    expect(large.map((g) => [g.ledger, g.figures.map((f) => f.id)])).toEqual([["电子保函", ["eg.count"]]]);
    expect(short.map((g) => [g.ledger, g.figures.map((f) => f.id)])).toEqual([["电子保函", ["eg.count"]]]);
    const marked = figures.filter((f) => f.rowsCountedTwice && !result.ids.includes(f.id));
    expect(marked.length).toBeGreaterThan(0);
    expect(large.flatMap((g) => g.figures)).not.toEqual(expect.arrayContaining(marked));
    expect(askTitle({ zeros: 0, short: 1, large: 1 }, makeT("zh-CN"), "templatesMarksTitle")).toBe(
      "有 1 项指标可能偏少、1 项指标可能偏大，仍然下载？",
    );
  });

  it("has nothing to ask when no placed figure is marked", () => {
    const clean = figures.map((f) => ({ ...f, rowsLeftOut: undefined, rowsCountedTwice: undefined }));
    expect(filledMarks(clean, result.ids)).toEqual({ short: [], large: [] });
  });

  it("names the placed 截至期末 figures with their 区间, as the CLI's fill does, and none that count only this period", () => {
    const zh = carriedOverNote(figures, result.ids, makeT("zh-CN"), "zh-CN");
    expect(zh).toMatch(/^注意：电子保函笔数（截至期末）含本期以前的记录/);
    expect(carriedOverNote(figures, result.ids, makeT("en-US"), "en-US")).toMatch(
      /^Note: 电子保函笔数 \(截至.*\) also count records before this period/,
    );
    const current = figures.map((f) => ({ ...f, period: { ...f.period, kind: "current" as const } }));
    expect(carriedOverNote(current, result.ids, makeT("zh-CN"), "zh-CN")).toBe("");
  });
});
