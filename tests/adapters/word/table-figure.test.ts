// A table figure refreshed in the open document: Word's insertText would flatten the table, and
// ContentControl.text runs its cells together, so the adapter writes the table as OOXML and reads it
// by its cells (Table.values) — against the simulated Word, which models both (and the empty
// paragraph Word leaves after a table inserted into a control).
import { openInWord } from "../../helpers/simulated-word";
import { renderDocx } from "../../../src/adapters/docx";
import { refreshInWord } from "../../../src/adapters/word";
import { runEngine } from "../../../src/core/engine";
import { type SimulatedWord } from "../../../src/simulated-host/word";
import { TABLE_TEMPLATE } from "../../helpers/table-template";
import { ROUNDING_NOTE } from "../../../src/core/figures/grouped";
import { figureNames, reviewModel } from "../../../src/taskpane/components/review";
import {
  convertPlaceholdersInWord,
  insertFigureAtCursor,
  TABLE_IN_CELL,
  TABLE_NEEDS_1_3,
  type PlaceSource,
} from "../../../src/adapters/word/place";
import { WORD_MADE_DOCUMENT, wordMadePackage } from "../docx/word-made";
import { BY_ISSUER, EG_COUNT, issuerWorkbook } from "../../helpers/issuer-workbook";
import { fillFromEngine } from "../../../src/adapters/docx/fill";

/** The guarantees of 2022 by issuer, with 电子保函笔数 beside the table figure. */
const workbook = (issuers: string[]) => issuerWorkbook(issuers, [EG_COUNT, BY_ISSUER]);

const FIRST = ["甲银行", "甲银行", "乙担保"];

function controlKey(sim: SimulatedWord): number {
  return sim.document.controlKeys().find((k) => sim.document.control(k)!.tag === "lr:eg.by_issuer")!;
}

/** The table as the clerk sees it in the simulated document: rows of cells. */
function tableIn(sim: SimulatedWord): string[][] {
  return sim.document.controlTables(controlKey(sim))[0];
}

/** The lines the table figure's control shows outside its table (its rounding note). */
function noteIn(sim: SimulatedWord): string[] {
  return sim.document
    .controlParagraphs(controlKey(sim))
    .filter((p) => p.tableNestingLevel === 0 && p.text !== "")
    .map((p) => p.text);
}

/** The table figure from a ledger of one guarantee, issued by 甲银行: what a shrunk table must become. */
/** The header row every 分组计数:出函机构 table starts with. */
const HEADER = ["出函机构", "数量", "占比"];

const ONE_GUARANTEE_TABLE = [HEADER, ["甲银行", "1", "100.0%"], ["合计", "1", "100.0%"]];

describe("refreshing a table figure in Word", () => {
  let sim: SimulatedWord;

  beforeEach(async () => {
    const result = runEngine(workbook(FIRST), { template: TABLE_TEMPLATE, generatedAt: "2023-01-09T00:00:00Z" });
    sim = openInWord(await renderDocx(result.report, result.link));
  });

  test("the generated table reads back as its cells, so an untouched table is no hand edit", async () => {
    expect(tableIn(sim)).toEqual([HEADER, ["甲银行", "2", "66.7%"], ["乙担保", "1", "33.3%"], ["合计", "3", "100.0%"]]);
    const refresh = await refreshInWord(workbook(FIRST));
    expect(refresh.plan.conflicts).toEqual([]);
    expect(refresh.plan.unchanged).toContain("eg.by_issuer");
  });

  test("grows when a group appears: the whole table is written again, with the new row, and reads back", async () => {
    const refresh = await refreshInWord(workbook([...FIRST, "丙保险", "丙保险", "丙保险"]));
    expect(refresh.plan.updated.map((u) => u.id)).toEqual(["eg.count", "eg.by_issuer"]);
    const result = await refresh.apply();
    expect(result).toMatchObject({ written: 2, notTaken: [], changedSinceReview: [] });
    expect(tableIn(sim)).toEqual([
      HEADER,
      ["丙保险", "3", "50.0%"],
      ["甲银行", "2", "33.3%"],
      ["乙担保", "1", "16.7%"],
      ["合计", "6", "100.0%"],
    ]);
    // The next refresh from the same ledgers sees its own table, not a hand edit.
    const again = await refreshInWord(workbook([...FIRST, "丙保险", "丙保险", "丙保险"]));
    expect(again.plan.conflicts).toEqual([]);
    expect(again.plan.writes).toEqual([]);
  });

  test("shrinks when groups disappear", async () => {
    const refresh = await refreshInWord(workbook(["甲银行"]));
    await refresh.apply();
    expect(tableIn(sim)).toEqual(ONE_GUARANTEE_TABLE);
  });

  test("a table the clerk edited by hand is a conflict kept as the clerk left it", async () => {
    const key = sim.document.controlKeys().find((k) => sim.document.control(k)!.tag === "lr:eg.by_issuer")!;
    // The clerk retypes 乙担保 as 乙担保公司 in its cell.
    (sim.document as unknown as { items: { kind: string; text?: string; controls: number[] }[] }).items.find(
      (it) => it.kind === "text" && it.text === "乙担保" && it.controls.includes(key),
    )!.text = "乙担保公司";
    const refresh = await refreshInWord(workbook([...FIRST, "丙保险"]));
    expect(refresh.plan.conflicts.map((c) => [c.id, c.resolution])).toEqual([["eg.by_issuer", "keep"]]);
    await refresh.apply();
    expect(tableIn(sim)[2][0]).toBe("乙担保公司");
    expect(tableIn(sim)).toHaveLength(4);
  });

  test("the review names the groups and cells a refresh changes, and the rounding note the new table carries, not just “the table changed”", async () => {
    const refresh = await refreshInWord(workbook([...FIRST, "丙保险"]));
    const update = reviewModel(refresh.plan, figureNames(refresh.plan.record)).updates.find((u) => u.id === "eg.by_issuer")!;
    expect(update.table?.changes).toEqual([
      { kind: "changed", group: "甲银行", column: "占比", old: "66.7%", new: "50.0%" },
      { kind: "added", group: "丙保险", cells: ["1", "25.0%"] },
      { kind: "changed", group: "乙担保", column: "占比", old: "33.3%", new: "25.0%" },
      { kind: "changed", group: "合计", column: "数量", old: "3", new: "4" },
    ]);
    expect(update.table?.note).toBeNull();
    // Three equal groups: 33.3% each, shown as rounded, add to 99.9%; the review says the table gets its note.
    const thirds = await refreshInWord(workbook(["甲银行", "乙担保", "丙保险"]));
    const rounded = reviewModel(thirds.plan, figureNames(thirds.plan.record)).updates.find((u) => u.id === "eg.by_issuer")!;
    expect(rounded.table?.note).toBe(ROUNDING_NOTE);
  });

  test("a refresh that makes the shares stop adding up writes the rounding note under the table inside its control; the next one that makes them add up removes it", async () => {
    const thirds = ["甲银行", "乙担保", "丙保险"];
    expect(await (await refreshInWord(workbook(thirds))).apply()).toMatchObject({ notTaken: [], warnings: [] });
    expect(tableIn(sim).map((r) => r[2])).toEqual(["占比", "33.3%", "33.3%", "33.3%", "100.0%"]);
    expect(noteIn(sim)).toEqual([ROUNDING_NOTE]);
    // Read back with its note, the table is the figure's own rendering: no conflict, nothing to write.
    const again = await refreshInWord(workbook(thirds));
    expect(again.plan.conflicts).toEqual([]);
    expect(again.plan.kept).toEqual([]);
    expect(again.plan.unchanged).toContain("eg.by_issuer");
    const back = await refreshInWord(workbook(FIRST));
    expect(back.plan.updated.map((u) => u.id)).toContain("eg.by_issuer");
    expect(await back.apply()).toMatchObject({ notTaken: [], warnings: [] });
    expect(noteIn(sim)).toEqual([]);
    expect(tableIn(sim)[1]).toEqual(["甲银行", "2", "66.7%"]);
  });

  test("a clerk's edit of the rounding note is a hand edit: a conflict, kept as the clerk wrote it", async () => {
    const thirds = ["甲银行", "乙担保", "丙保险"];
    await (await refreshInWord(workbook(thirds))).apply();
    const key = controlKey(sim);
    (sim.document as unknown as { items: { kind: string; text?: string; controls: number[] }[] }).items.find(
      (it) => it.kind === "text" && it.text === ROUNDING_NOTE && it.controls.includes(key),
    )!.text = "注：占比四舍五入。";
    const refresh = await refreshInWord(workbook([...thirds, "丁银行"]));
    expect(refresh.plan.conflicts.map((c) => [c.id, c.resolution])).toEqual([["eg.by_issuer", "keep"]]);
    await refresh.apply();
    expect(noteIn(sim)).toEqual(["注：占比四舍五入。"]);
  });
});

describe("a table figure inserted at the cursor", () => {
  let sim: SimulatedWord;
  const source = (issuers: string[]): PlaceSource => {
    const engine = runEngine(workbook(issuers));
    return { figures: engine.figures, settings: engine.settings, workbookName: "台账2022.xlsx", workbookId: engine.link.workbookId };
  };
  const open = (sets?: Record<string, string>) => {
    sim = openInWord(wordMadePackage(), sets ? { supportedSets: sets } : {});
  };

  test("goes in as a block control after the cursor's paragraph, the paragraph left whole, then grows and shrinks with refresh", async () => {
    open();
    sim.document.placeCursorAfter("全年共开立电子保函");
    const paragraph = sim.document.paragraphs()[1];
    const result = await insertFigureAtCursor("eg.by_issuer", source(FIRST));
    expect(result.placed.map((p) => p.id)).toEqual(["eg.by_issuer"]);
    expect(sim.document.paragraphs()[1]).toBe(paragraph);
    const control = sim.document.controls().find((c) => c.tag === "lr:eg.by_issuer")!;
    expect([control.title, control.cannotDelete]).toEqual(["电子保函按出函机构", true]);
    expect(tableIn(sim)).toEqual([HEADER, ["甲银行", "2", "66.7%"], ["乙担保", "1", "33.3%"], ["合计", "3", "100.0%"]]);
    // The table sits between the cursor's paragraph and the clerk's own table.
    const tables = sim.document.controlTables(sim.document.controlKeys().find((k) => sim.document.control(k)!.tag === "lr:eg.by_issuer")!);
    expect(tables).toHaveLength(1);

    const grown = await refreshInWord(workbook([...FIRST, "丙保险"]));
    expect(grown.plan.conflicts).toEqual([]);
    await grown.apply();
    expect(tableIn(sim).map((r) => r[0])).toEqual(["出函机构", "甲银行", "丙保险", "乙担保", "合计"]);
    const shrunk = await refreshInWord(workbook(["甲银行"]));
    await shrunk.apply();
    expect(tableIn(sim)).toEqual(ONE_GUARANTEE_TABLE);
  });

  test("with the cursor in a table cell places nothing and names the cell", async () => {
    open();
    sim.document.placeCursorAfter("电子保函（笔）");
    const before = sim.document.controls().length;
    await expect(insertFigureAtCursor("eg.by_issuer", source(FIRST))).rejects.toMatchObject({
      code: TABLE_IN_CELL,
      message: expect.stringContaining("第 1 行第 1 列"),
    });
    expect(sim.document.controls()).toHaveLength(before);
  });

  test("on Word without WordApi 1.3 places nothing and says what it needs", async () => {
    open({ WordApi: "1.2", CustomXmlParts: "1.1" });
    sim.document.placeCursorAfter("全年共开立电子保函");
    await expect(insertFigureAtCursor("eg.by_issuer", source(FIRST))).rejects.toMatchObject({ code: TABLE_NEEDS_1_3 });
    expect(sim.document.controls()).toHaveLength(0);
  });

  test("将占位符转为指标 leaves a table figure's placeholder as typed and says to insert it from the list", async () => {
    open();
    sim.document.placeCursorAfter("全年共开立电子保函");
    await sim.Word.run(async (context) => {
      context.document.getSelection().insertText("{{电子保函按出函机构}}", "Replace");
      await context.sync();
    });
    const result = await convertPlaceholdersInWord(source(FIRST));
    expect(result.placed.map((p) => p.id)).not.toContain("eg.by_issuer");
    expect(sim.document.text()).toContain("{{电子保函按出函机构}}");
    expect(result.warnings.map((w) => w.message).join()).toContain("{{电子保函按出函机构}} 是表格指标");
  });
});

describe("a table figure standing in a table cell, refreshed in Word (刷新数据)", () => {
  /** A clerk's document whose 3000-twip cell held {{电子保函按出函机构}}, filled from the ledgers. */
  function filledInCell(): SimulatedWord {
    const cell =
      `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="5845"/><w:gridCol w:w="3000"/></w:tblGrid>` +
      `<w:tr><w:tc><w:tcPr><w:tcW w:w="5845" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>各出函机构开立情况</w:t></w:r></w:p></w:tc>` +
      `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>{{电子保函按出函机构}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
    const engine = runEngine(workbook(FIRST), { generatedAt: "2023-01-09T00:00:00Z" });
    const filled = fillFromEngine(wordMadePackage(WORD_MADE_DOCUMENT.replace(/<w:body>/, `<w:body>${cell}`)), engine, {
      workbookName: "台账2022.xlsx",
      generatedAt: "2023-01-09T00:00:00Z",
      templateName: "t.docx",
    });
    return openInWord(filled.bytes);
  }

  test("writes the grown table as wide as the cell (less its margins), not the text block's 8845 twips", async () => {
    const sim = filledInCell();
    const refresh = await refreshInWord(workbook([...FIRST, "丙保险", "丙保险", "丙保险"]));
    // The simulated Word keeps only outermost tables, so it reads the nested table into its outer cell
    // and the figure comes out as a hand edit; the clerk's 采用新值 writes it anyway — what is tested here is the write.
    const plan = refresh.replan({ choices: { "eg.by_issuer": "take" } });
    expect(plan.writes.map((w) => w.id)).toContain("eg.by_issuer");
    await refresh.apply(plan);
    expect(sim.document.controlTableWidth(controlKey(sim))).toBe(3000 - 216);
  });
});
