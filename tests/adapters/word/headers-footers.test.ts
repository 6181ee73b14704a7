// Figures in headers and footers of the open document. Word keeps headers and footers as their own
// stories: Body.contentControls does not reach their controls, Document.contentControls does
// (WordApi 1.1, "includes content controls in the body of the document, headers, footers"). A
// refresh that reads only the body would call every header/footer figure deleted and drop it.
import { openInWord } from "../../helpers/simulated-word";
import { fillFromEngine } from "../../../src/adapters/docx/fill";
import { readLinkedReport, refreshInWord } from "../../../src/adapters/word";
import { runEngine } from "../../../src/core/engine";
import { type SimulatedWord } from "../../../src/simulated-host/word";
import { wordMadePackage } from "../docx/word-made";
import { laterWorkbook, sampleWorkbook } from "../docx/refresh/clerk";

const GENERATED = "2023-01-05T01:30:00.000Z";

let filled: Uint8Array;
let orgName: string;

beforeAll(() => {
  const engine = runEngine(sampleWorkbook(), { generatedAt: GENERATED });
  orgName = engine.settings.orgName;
  filled = fillFromEngine(wordMadePackage(), engine, {
    workbookName: "sample-ledgers.xlsx",
    generatedAt: GENERATED,
    templateName: "工作总结.docx",
  }).bytes;
});

describe("a filled document's header and footer figures in Word", () => {
  let sim: SimulatedWord;
  beforeEach(() => {
    sim = openInWord(filled);
  });

  test("the simulated Word keeps header and footer controls out of the body, as Word does", () => {
    expect(sim.document.storyControls("header").map((c) => [c.tag, c.text])).toEqual([["lr:setting.org_name", orgName]]);
    expect(sim.document.storyControls("footer").map((c) => [c.tag, c.text])).toEqual([["lr:setting.year", "2022"]]);
    // The body has its own {{年度}} and {{单位名称}}: one of each there, the other in the header/footer.
    expect(sim.document.controls().filter((c) => c.tag === "lr:setting.year")).toHaveLength(1);
    expect(sim.document.controls().filter((c) => c.tag === "lr:setting.org_name")).toHaveLength(1);
  });

  test("are read with the body's figures in the same single sync", async () => {
    const read = await readLinkedReport();
    expect(sim.stats.syncs).toBe(1);
    expect(read.problem).toBeUndefined();
    const bodyCount = sim.document.controls().filter((c) => c.tag.startsWith("lr:")).length;
    expect(read.controls).toHaveLength(bodyCount + 2);
    expect(read.controls.filter((c) => c.id === "setting.org_name").map((c) => c.text)).toEqual([orgName, orgName]);
    expect(read.controls.filter((c) => c.id === "setting.year").map((c) => c.text)).toEqual(["2022", "2022"]);
  });

  test("are not planned as deleted by a refresh after a ledger change", async () => {
    const refresh = await refreshInWord(laterWorkbook(), { generatedAt: "2023-02-01T00:00:00.000Z" });
    expect(refresh.plan.removed).toEqual([]);
    expect(refresh.plan.record.figures.map((f) => f.id)).toEqual(expect.arrayContaining(["setting.org_name", "setting.year"]));
  });

  test("are rewritten in their header or footer when the report moves to the next year", async () => {
    const refresh = await refreshInWord(sampleWorkbook(), { overrides: { year: 2023 }, generatedAt: "2024-01-05T00:00:00.000Z" });
    expect(refresh.plan.updated).toEqual(expect.arrayContaining([{ id: "setting.year", old: "2022", new: "2023" }]));
    const result = await refresh.apply();
    expect(result.goneSinceReview).toEqual([]);
    expect(result.notTaken).toEqual([]);
    expect(sim.document.storyControls("footer").map((c) => [c.tag, c.text])).toEqual([["lr:setting.year", "2023"]]);
    expect(sim.document.storyControls("header").map((c) => [c.tag, c.text])).toEqual([["lr:setting.org_name", orgName]]);
  });

  test("a footer figure the clerk typed over is kept as a conflict, never overwritten", async () => {
    sim.document.typeInStoryControl("footer", "lr:setting.year", "二〇二二");
    const refresh = await refreshInWord(sampleWorkbook(), { overrides: { year: 2023 }, generatedAt: "2024-01-05T00:00:00.000Z" });
    expect(refresh.plan.conflicts).toEqual([expect.objectContaining({ id: "setting.year", current: "二〇二二", resolution: "keep" })]);
    await refresh.apply();
    expect(sim.document.storyControls("footer").map((c) => c.text)).toEqual(["二〇二二"]);
    expect(
      sim.document
        .controls()
        .filter((c) => c.tag === "lr:setting.year")
        .map((c) => c.text),
    ).toEqual(["2023"]);
  });
});
