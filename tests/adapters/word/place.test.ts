// Placing figures in the open document through Word.run, on the simulated Word host: a figure at
// the cursor, the document's own placeholders turned into figures — then a refresh finds them all.
import { applyRefresh, readLinkedReport, refreshInWord, type WordEnvironment } from "../../../src/adapters/word";
import { convertPlaceholdersInWord, insertFigureAtCursor, PLACEHOLDER_SEARCH, type PlaceSource } from "../../../src/adapters/word/place";
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

function open(opts: SimWordOptions = {}): { sim: SimulatedWord; env: WordEnvironment; run: SimulatedWord["Word"]["run"] } {
  const sim = createSimulatedWord(wordMadePackage(), opts);
  return { sim, env: wordEnvironment(sim), run: sim.Word.run };
}

const record = storedLinkRecord;

describe("insert a figure at the cursor", () => {
  it.each([
    ["WordApi 1.3 (Office 2019/2021), link part through the Common API", { WordApi: "1.3", CustomXmlParts: "1.1" }],
    ["WordApi 1.9", { WordApi: "1.9", CustomXmlParts: "1.1" }],
  ])("puts a linked control with the figure's text where the cursor is, and gives the document a link record — %s", async (_, sets) => {
    const { sim, env, run } = open({ supportedSets: sets });
    sim.document.placeCursorAfter("全年共开立电子保函");
    const result = await insertFigureAtCursor("eg.firms", source, run as never, env);
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
    const { sim, env, run } = open();
    sim.document.placeCursorAfter("全年共开立电子保函");
    await insertFigureAtCursor(
      "goals.count",
      {
        ...source,
        figures: source.figures.map((f) =>
          f.id === "goals.count"
            ? { ...f, text: "［待补：目标要求条数］", value: null, unresolved: { code: "manual_blank", reason: "r", reasonEn: "r" } }
            : f,
        ),
      },
      run as never,
      env,
    );
    expect(sim.document.highlightsByTag("lr:goals.count")).toEqual(["yellow"]);
  });
});

describe("将占位符转为指标 in the open document", () => {
  it("turns each known placeholder of the body, split across runs or in a table cell, into a linked control", async () => {
    const { sim, env, run } = open();
    const result = await convertPlaceholdersInWord(source, run as never, env);
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
    expect([...sim.document.bookmarks.keys()]).toEqual(["lr_setting_year", "lr_setting_org_name", "lr_eg_count", "lr_eg_count__2"]);
    expect(record(sim).figures.map((f) => f.id)).toEqual(["setting.year", "setting.org_name", "eg.count"]);
  });

  it("turns the placeholders of the header and the footer into linked controls there, which a refresh then finds", async () => {
    const { sim, env, run } = open();
    await convertPlaceholdersInWord(source, run as never, env);
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
    await convertPlaceholdersInWord(source, run as never, env);
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
    const { sim, env, run } = open();
    await convertPlaceholdersInWord(source, run as never, env);
    sim.document.placeCursorAfter("为企业减少资金占用");
    await insertFigureAtCursor("eg.amount", source, run as never, env);
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
