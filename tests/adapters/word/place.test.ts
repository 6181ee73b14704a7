// Placing figures in the open document through Word.run, on the simulated Word host: a figure at
// the cursor, the document's own placeholders turned into figures — then a refresh finds them all.
import { readLinkedReport, refreshInWord, type WordEnvironment, type WordRun } from "../../../src/adapters/word";
import { applyRefresh } from "../../../src/adapters/word/apply";
import {
  convertPlaceholdersInWord,
  differingFiguresOf,
  insertFigureAtCursor,
  PLACEHOLDER_SEARCH,
  type PlaceSource,
} from "../../../src/adapters/word/place";
import { renderDocx } from "../../../src/adapters/docx";
import { FIGURE_SEPARATOR } from "../../../src/adapters/docx/content-control";
import { otherWorkbookOf } from "../../../src/taskpane/components/review";
import type { RawWorkbook } from "../../../src/core/types";
import { runEngine } from "../../../src/core/engine";
import { createSimulatedWord, type SimulatedWord, type SimWordOptions } from "../../../src/simulated-host/word";
import { laterWorkbook, sampleWorkbook } from "../docx/refresh/clerk";
import { wordMadePackage } from "../docx/word-made";
import { storedLinkRecord, wordEnvironment } from "./fixture";

let source: PlaceSource;
beforeAll(() => {
  const engine = runEngine(sampleWorkbook(), { generatedAt: "2023-01-05T00:00:00.000Z" });
  source = { figures: engine.figures, settings: engine.settings, workbookName: "sample-ledgers.xlsx" };
});

const text = (id: string) => source.figures.find((f) => f.id === id)!.text;

/** The simulated Word with its document open, and the clerk's step of clicking after a text and inserting a figure there. */
function open(opts: SimWordOptions = {}) {
  const sim = createSimulatedWord(wordMadePackage(), opts);
  const env: WordEnvironment = wordEnvironment(sim);
  const run = sim.Word.run;
  const insertAfter = (anchor: string, id: string, from: PlaceSource = source) => {
    sim.document.placeCursorAfter(anchor);
    return insertFigureAtCursor(id, from, { run: run as never, env });
  };
  return { sim, env, run, insertAfter };
}

const record = storedLinkRecord;

describe("insert a figure at the cursor", () => {
  it.each([
    ["WordApi 1.3 (Office 2019/2021), link part through the Common API", { WordApi: "1.3", CustomXmlParts: "1.1" }],
    ["WordApi 1.9", { WordApi: "1.9", CustomXmlParts: "1.1" }],
  ])("puts a linked control with the figure's text where the cursor is, and gives the document a link record — %s", async (_, sets) => {
    const { sim, insertAfter } = open({ supportedSets: sets });
    const result = await insertAfter("全年共开立电子保函", "eg.firms");
    expect(result.linkPart).toBe("added");
    expect(sim.document.controls().map((c) => [c.tag, c.title, c.text, c.cannotDelete])).toEqual([
      ["lr:eg.firms", "服务企业家数", text("eg.firms"), true],
    ]);
    expect(sim.document.paragraphs()[1].startsWith(`全年共开立电子保函${text("eg.firms")}{{`)).toBe(true);
    expect(record(sim).figures.map((f) => [f.id, f.text])).toEqual([["eg.firms", text("eg.firms")]]);
    // The bookmark anchor needs Range.insertBookmark (WordApi 1.4).
    expect(result.bookmarks).toBe(sets.WordApi !== "1.3");
    expect(sim.document.bookmarks.has("lr_eg_firms")).toBe(sets.WordApi !== "1.3");
  });

  it("marks an unresolved figure's 待补 placeholder yellow", async () => {
    const { sim, insertAfter } = open();
    await insertAfter("全年共开立电子保函", "goals.count", {
      ...source,
      figures: source.figures.map((f) =>
        f.id === "goals.count"
          ? { ...f, text: "［待补：目标要求条数］", value: null, unresolved: { code: "manual_blank", reason: "r", reasonEn: "r" } }
          : f,
      ),
    });
    expect(sim.document.highlightsByTag("lr:goals.count")).toEqual(["yellow"]);
  });
});

describe("a figure inserted right beside another figure", () => {
  it("is kept apart from it by the fill's separator (a zero-width space outside both controls), so LibreOffice cannot nest them", async () => {
    const { sim, env, run, insertAfter } = open();
    await insertAfter("全年共开立电子保函", "eg.firms");
    sim.document.placeCursorAfterControl("lr:eg.firms");
    await insertFigureAtCursor("eg.count", source, { run: run as never, env });
    expect(sim.document.controls().map((c) => [c.tag, c.text])).toEqual([
      ["lr:eg.firms", text("eg.firms")],
      ["lr:eg.count", text("eg.count")],
    ]);
    const paragraph = sim.document.paragraphs()[1];
    expect(paragraph.startsWith(`全年共开立电子保函${text("eg.firms")}${FIGURE_SEPARATOR}${text("eg.count")}`)).toBe(true);
    expect(sim.document.narrative()).toContain(FIGURE_SEPARATOR);
  });

  it("inserted just before a figure gets the separator after it", async () => {
    const { sim, insertAfter } = open();
    await insertAfter("全年共开立电子保函", "eg.firms");
    // The clerk clicks again just before the figure placed there.
    await insertAfter("全年共开立电子保函", "eg.count");
    expect(sim.document.paragraphs()[1].startsWith(`全年共开立电子保函${text("eg.count")}${FIGURE_SEPARATOR}${text("eg.firms")}`)).toBe(
      true,
    );
    expect(sim.document.paragraphs()[1].split(FIGURE_SEPARATOR)).toHaveLength(2);
  });

  it("inserted apart from every figure gets no separator", async () => {
    const { sim, insertAfter } = open();
    await insertAfter("全年共开立电子保函", "eg.firms");
    await insertAfter("为企业减少资金占用", "eg.amount");
    expect(sim.document.paragraphs().join("\n")).not.toContain(FIGURE_SEPARATOR);
  });
});

describe("将占位符转为指标 in the open document", () => {
  it("turns each known placeholder of the body, split across runs or in a table cell, into a linked control", async () => {
    const { sim, env, run } = open();
    const result = await convertPlaceholdersInWord(source, { run: run as never, env });
    // The body's first, then the header's and the footer's (see the next test).
    expect(result.placed.map((p) => p.id)).toEqual([
      "setting.year",
      "setting.org_name",
      "eg.count",
      "eg.count",
      "setting.org_name",
      "setting.year",
    ]);
    expect(result.unknown).toEqual(["{{不存在的指标}}"]);
    expect(sim.document.controls().map((c) => [c.tag, c.text])).toEqual([
      ["lr:setting.year", "2022"],
      ["lr:setting.org_name", source.settings.orgName],
      ["lr:eg.count", text("eg.count")],
      ["lr:eg.count", text("eg.count")],
    ]);
    expect(sim.document.paragraphs()[0]).toBe(`2022年度${source.settings.orgName}工作总结`);
    expect(sim.document.text()).toContain("{{不存在的指标}}");
    // The clerk's own bookmark (`mine`, opened with the file) stays; each placed figure gets its `lr_` one.
    expect([...sim.document.bookmarks.keys()]).toEqual(["mine", "lr_setting_year", "lr_setting_org_name", "lr_eg_count", "lr_eg_count__2"]);
    expect(record(sim).figures.map((f) => f.id)).toEqual(["setting.year", "setting.org_name", "eg.count"]);
  });

  it("turns the placeholders of the header and the footer into linked controls there, which a refresh then finds", async () => {
    const { sim, env, run } = open();
    await convertPlaceholdersInWord(source, { run: run as never, env });
    expect(sim.document.storyControls("header").map((c) => [c.tag, c.text])).toEqual([["lr:setting.org_name", source.settings.orgName]]);
    expect(sim.document.storyControls("footer").map((c) => [c.tag, c.text])).toEqual([["lr:setting.year", "2022"]]);
    const read = await readLinkedReport(run as never, env);
    expect(read.controls.filter((c) => c.id === "setting.year")).toHaveLength(2);
    const refresh = await refreshInWord(sampleWorkbook(), { run: run as never, env, overrides: { year: 2023 } });
    expect(refresh.plan.removed).toEqual([]);
    await applyRefresh(refresh.plan, run as never, env);
    expect(sim.document.storyControls("footer").map((c) => c.text)).toEqual(["2023"]);
  });

  it("then refreshes like a generated report when the ledgers change", async () => {
    const { sim, env, run } = open();
    await convertPlaceholdersInWord(source, { run: run as never, env });
    const read = await readLinkedReport(run as never, env);
    expect(read.problem).toBeUndefined();
    const refresh = await refreshInWord(laterWorkbook(), { run: run as never, env });
    const later = runEngine(laterWorkbook()).figures.find((f) => f.id === "eg.count")!.text;
    expect(refresh.plan.updated.map((u) => u.id)).toEqual(["eg.count"]);
    await applyRefresh(refresh.plan, run as never, env);
    expect(
      sim.document
        .controls()
        .filter((c) => c.tag === "lr:eg.count")
        .map((c) => c.text),
    ).toEqual([later, later]);
  });

  it("adds a figure to a document that already has a link record, keeping the figures it had", async () => {
    const { sim, env, run, insertAfter } = open();
    await convertPlaceholdersInWord(source, { run: run as never, env });
    await insertAfter("为企业减少资金占用", "eg.amount");
    expect(record(sim).figures.map((f) => f.id)).toEqual(["setting.year", "setting.org_name", "eg.count", "eg.amount"]);
  });
});

describe("the simulated Word host models what the placing relies on", () => {
  it("refuses a wildcard search with unescaped braces and one longer than 255 characters, as Word does", async () => {
    const { run } = open();
    const search = (pattern: string) =>
      run(async (context) => {
        const found = context.document.body.search(pattern, { matchWildcards: true });
        found.load("items/text");
        await context.sync();
        return found.items.map((r) => r.text);
      });
    await expect(search("{{*}}")).rejects.toMatchObject({ code: "SearchStringInvalidOrTooLong" });
    await expect(search("a".repeat(256))).rejects.toMatchObject({ code: "SearchStringInvalidOrTooLong" });
    // Escaped, the expression finds each placeholder within its paragraph, across the runs Word split it into.
    expect(await search(PLACEHOLDER_SEARCH)).toEqual(["{{年度}}", "{{单位名称}}", "{{电子保函笔数}}", "{{不存在的指标}}", "{{eg.count}}"]);
  });

  it("compares a control's range with the selection: AdjacentBefore with the caret right after it, Before with text between", async () => {
    const { sim, run, insertAfter } = open();
    await insertAfter("全年共开立电子保函", "eg.firms");
    const relation = () =>
      run(async (context) => {
        const controls = context.document.contentControls;
        controls.load("items/id");
        await context.sync();
        const r = controls.items[0].getRange("Whole").compareLocationWith(context.document.getSelection());
        await context.sync();
        return r.value;
      });
    sim.document.placeCursorAfterControl("lr:eg.firms");
    expect(await relation()).toBe("AdjacentBefore");
    sim.document.placeCursorAfter("全年共开立电子保函");
    expect(await relation()).toBe("AdjacentAfter");
    sim.document.placeCursorAfter("为企业减少资金占用");
    expect(await relation()).toBe("Before");
  });

  it("has no Range.insertBookmark before WordApi 1.4", async () => {
    const { sim, run } = open({ supportedSets: { WordApi: "1.3" } });
    sim.document.placeCursorAfter("全年共开立电子保函");
    await expect(
      run(async (context) => {
        context.document.getSelection().insertText("x", "Replace").insertBookmark("mine");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

/** The sample workbook with its first guarantee gone: 电子保函笔数 one less (3371 for the sample's 3372). */
function oneGuaranteeFewer(): RawWorkbook {
  const wb = sampleWorkbook();
  const guarantees = wb.tables.find((t) => t.sheet === "电子保函（交易二科）")!;
  const total = guarantees.values.findIndex((r) => String(r[0]).replace(/\s/g, "") === "合计");
  guarantees.values.splice(total - 1, 1);
  return wb;
}

/** The workbook with another 工作簿ID in its 报告设置, as a colleague's copy made by 初始化 has. */
function withWorkbookId(wb: RawWorkbook, id: string): RawWorkbook {
  const settings = wb.tables.find((t) => t.sheet === "报告设置")!;
  const row = settings.values.find((r) => r[0] === "工作簿ID");
  if (row) row[1] = id;
  else settings.values.push(["工作簿ID", id]);
  return wb;
}

function placeSource(wb: RawWorkbook): PlaceSource {
  const engine = runEngine(wb, { generatedAt: "2023-01-06T00:00:00.000Z" });
  return { figures: engine.figures, settings: engine.settings, workbookName: wb.name ?? "", workbookId: engine.link.workbookId };
}

describe("placing a figure the report already holds", () => {
  /** The report generated from the sample, open in Word, the cursor at the end of its first body paragraph. */
  async function sampleReport(workbook: RawWorkbook = sampleWorkbook()) {
    const engine = runEngine(workbook, { generatedAt: "2023-01-05T00:00:00.000Z" });
    const sim = createSimulatedWord(await renderDocx(engine.report, engine.link));
    // In the paragraph that already says 开立投标保证电子保函{{eg.count}}笔.
    sim.document.placeCursorAfter("充分释放企业现金流");
    return {
      sim,
      env: wordEnvironment(sim),
      run: sim.Word.run as unknown as WordRun,
      written: engine.figures.find((f) => f.id === "eg.count")!.text,
    };
  }
  const countsIn = (sim: SimulatedWord) =>
    sim.document
      .controls()
      .filter((c) => c.tag === "lr:eg.count")
      .map((c) => c.text);

  it("from a workbook whose value differs, places nothing and names both values", async () => {
    const { sim, env, run, written } = await sampleReport();
    const picked = placeSource(oneGuaranteeFewer());
    const fewer = picked.figures.find((f) => f.id === "eg.count")!.text;
    expect(fewer).not.toBe(written);
    const before = countsIn(sim);
    const error = await insertFigureAtCursor("eg.count", picked, { run, env }).catch((e: unknown) => e);
    expect(differingFiguresOf(error)).toEqual([{ id: "eg.count", name: "电子保函笔数", recorded: written, picked: fewer }]);
    expect((error as Error).message).toContain(`文档中为 ${written}，所选工作簿为 ${fewer}`);
    expect(countsIn(sim)).toEqual(before);
  });

  it("places the document's recorded value when the clerk chose it, so a refresh finds every copy in agreement", async () => {
    const { sim, env, run, written } = await sampleReport();
    const result = await insertFigureAtCursor("eg.count", placeSource(oneGuaranteeFewer()), { run, env, differing: "recorded" });
    expect(result.placed).toEqual([{ id: "eg.count", name: "电子保函笔数", text: written }]);
    expect(new Set(countsIn(sim))).toEqual(new Set([written]));
    const refresh = await refreshInWord(sampleWorkbook(), { run, env });
    expect(refresh.plan.kept).toEqual([]);
    expect(refresh.plan.conflicts).toEqual([]);
  });

  it("from a workbook that agrees, places its value without asking", async () => {
    const { sim, env, run, written } = await sampleReport();
    await insertFigureAtCursor("eg.count", placeSource(sampleWorkbook()), { run, env });
    expect(countsIn(sim).filter((t) => t === written).length).toBeGreaterThan(1);
  });

  it("将占位符转为指标 stops before writing anything when one placeholder names a figure the document holds with another value", async () => {
    const { sim, env, run } = await sampleReport();
    await run(async (context) => {
      context.document.getSelection().insertText("{{单位名称}}{{电子保函笔数}}", "Replace");
      await context.sync();
    });
    const error = await convertPlaceholdersInWord(placeSource(oneGuaranteeFewer()), { run, env }).catch((e: unknown) => e);
    expect(differingFiguresOf(error)?.map((d) => d.id)).toEqual(["eg.count"]);
    expect(sim.document.text()).toContain("{{单位名称}}{{电子保函笔数}}");
  });

  it("from another workbook than the report's (another 工作簿ID), stops with the refresh's other-workbook error, and places once confirmed", async () => {
    const { sim, env, run } = await sampleReport(withWorkbookId(sampleWorkbook(), "WB-REPORT"));
    const other = placeSource(withWorkbookId(sampleWorkbook(), "WB-OTHER"));
    const before = sim.document.controls().length;
    const error = await insertFigureAtCursor("eg.firms", other, { run, env }).catch((e: unknown) => e);
    expect(otherWorkbookOf(error)).toMatchObject({ report: { id: "WB-REPORT" }, workbook: { id: "WB-OTHER" } });
    expect(sim.document.controls()).toHaveLength(before);
    await expect(convertPlaceholdersInWord(other, { run, env })).rejects.toMatchObject({ code: "refresh.other_workbook" });
    await insertFigureAtCursor("eg.firms", other, { run, env, allowOtherWorkbook: true });
    expect(sim.document.controls()).toHaveLength(before + 1);
  });
});
