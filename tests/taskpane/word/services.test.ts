// The Word pane's services over the simulated Word host: what the pane reads, reviews, writes and inserts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { WordEnvironment } from "../../../src/adapters/word";
import { LINK_NAMESPACE, parseLinkRecord } from "../../../src/core/link";
import type { LinkRecord } from "../../../src/core/types";
import { createSimulatedWord, type SimulatedWord } from "../../../src/simulated-host/word";
import { createWordServices } from "../../../src/taskpane/word/services";
import { refreshCounts, statusFromDocument, statusFromPlan } from "../../../src/taskpane/word/model";
import { chooseAll, figureNames, reviewModel } from "../../../src/taskpane/components/review";
import { generatedReport, ledgerWorkbook, withLateEntries } from "../../adapters/word/fixture";

function envOf(sim: SimulatedWord): WordEnvironment {
  return {
    isSetSupported: (name, version) => sim.isSetSupported(name, version),
    commonCustomXmlParts: () => sim.commonCustomXmlParts as unknown as Office.CustomXmlParts | undefined,
  };
}

function servicesFor(sim: SimulatedWord) {
  return createWordServices(sim.Word.run, envOf(sim), "OfficeOnline");
}

function storedRecord(sim: SimulatedWord): LinkRecord {
  const parts = sim.document.customXmlParts().filter((p) => p.namespaceUri === LINK_NAMESPACE);
  expect(parts).toHaveLength(1);
  const parsed = parseLinkRecord(parts[0].xml);
  if (!parsed.ok) throw new Error(parsed.messageEn);
  return parsed.record;
}

function textOf(sim: SimulatedWord, id: string): string[] {
  return sim.document
    .controls()
    .filter((c) => c.tag === `lr:${id}`)
    .map((c) => c.text);
}

let reportBytes: Uint8Array;
let link: LinkRecord;
beforeAll(async () => {
  ({ bytes: reportBytes, link } = await generatedReport());
});

describe("the Word pane's services", () => {
  it("reads a freshly generated report as linked, with every figure current", async () => {
    const sim = createSimulatedWord(reportBytes);
    const read = await servicesFor(sim).read();
    expect(read.problem).toBeUndefined();
    expect(read.record?.workbookName).toBe("台账2022.xlsx");
    const rows = statusFromDocument(read.record!, read.controls);
    expect(rows.map((r) => r.id)).toEqual(link.figures.map((f) => f.id));
    expect(rows.every((r) => r.status === "current")).toBe(true);
  });

  it("shows a hand edit and a deleted figure before any workbook is picked", async () => {
    const sim = createSimulatedWord(reportBytes);
    sim.document.typeInControl("lr:partners.count", "两");
    sim.document.deleteControl("lr:study.seminar.count");
    const read = await servicesFor(sim).read();
    const rows = new Map(statusFromDocument(read.record!, read.controls).map((r) => [r.id, r]));
    expect(rows.get("partners.count")).toMatchObject({ status: "edited", current: "两", written: "2" });
    expect(rows.get("study.seminar.count")).toMatchObject({ status: "deleted", current: "" });
  });

  it("reviews a refresh from a changed workbook and applies the clerk's choices, keeping the narrative", async () => {
    const sim = createSimulatedWord(reportBytes);
    sim.document.typeInControl("lr:partners.count", "两");
    sim.document.deleteControl("lr:study.seminar.count");
    const narrative = sim.document.paragraphs().filter((p) => p.length > 0);
    const services = servicesFor(sim);
    const refresh = await services.refresh(ledgerWorkbook(withLateEntries()));
    const read = await services.read();
    const review = reviewModel(refresh.plan, figureNames(read.record, refresh.plan.record));
    expect(review.conflicts).toEqual([
      {
        id: "partners.count",
        copy: 1,
        key: "partners.count#1",
        oneOfSeveral: false,
        name: expect.any(String),
        ledgerMoved: true,
        written: "2",
        current: "两",
        new: "3",
        resolution: "keep",
      },
    ]);
    expect(review.removed.map((r) => r.id)).toEqual(["study.seminar.count"]);
    expect(review.updates.map((u) => [u.id, u.old, u.new])).toContainEqual(["study.topic.count", "1", "2"]);
    expect(statusFromPlan(read.record!, refresh.plan).find((r) => r.id === "study.topic.count")).toMatchObject({
      status: "changed",
      next: "2",
    });

    const plan = refresh.replan({ choices: chooseAll(review, "take") });
    const result = await refresh.apply(plan);
    expect(result.warnings).toEqual([]);
    expect(refreshCounts(plan)).toEqual({ updated: review.updates.length + 1, kept: 0, removed: 1 });
    expect(textOf(sim, "partners.count")).toEqual(["3"]);
    expect(textOf(sim, "study.topic.count")).toEqual(["2"]);
    expect(storedRecord(sim).figures.find((f) => f.id === "partners.count")?.text).toBe("3");
    // Only figure texts changed: every paragraph that holds no figure reads as before.
    const figureFree = (ps: string[]) => ps.filter((p) => !/\d|两/.test(p));
    expect(figureFree(sim.document.paragraphs().filter((p) => p.length > 0))).toEqual(figureFree(narrative));
  });

  it("keeps a hand edit by default and then reports the document as holding it", async () => {
    const sim = createSimulatedWord(reportBytes);
    sim.document.typeInControl("lr:partners.count", "两");
    const services = servicesFor(sim);
    const refresh = await services.refresh(ledgerWorkbook(withLateEntries()));
    await refresh.apply();
    expect(textOf(sim, "partners.count")).toEqual(["两"]);
    const after = await services.read();
    const rows = new Map(statusFromDocument(after.record!, after.controls).map((r) => [r.id, r.status]));
    expect(rows.get("partners.count")).toBe("edited");
    expect(rows.get("study.topic.count")).toBe("current");
  });

  it("says an empty document is not linked, then inserts a report that reads back as linked", async () => {
    const sim = createSimulatedWord();
    const services = servicesFor(sim);
    expect((await services.read()).problem?.code).toBe("not_linked");
    const engine = services.runEngine(ledgerWorkbook(), { overrides: { year: 2022 } });
    const result = await services.insert(await services.renderDocx(engine.report, engine.link), engine.link);
    expect(result).toMatchObject({ path: "document", linkPart: "added", warnings: [] });
    const read = await services.read();
    expect(read.problem).toBeUndefined();
    expect(read.controls.map((c) => c.id)).toEqual(expect.arrayContaining(engine.link.figures.map((f) => f.id)));
  });

  it("says which path an older Word took when it could only insert the body", async () => {
    const sim = createSimulatedWord(undefined, { supportedSets: { WordApi: "1.4", CustomXmlParts: "1.1" } });
    const services = servicesFor(sim);
    const engine = services.runEngine(ledgerWorkbook(), { overrides: { year: 2022 } });
    const result = await services.insert(await services.renderDocx(engine.report, engine.link), engine.link);
    expect(result.path).toBe("body");
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining("页码页脚")]);
  });

  it("reads the workbook file the clerk picks, under the file's name", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../../../examples/sample-ledgers.xlsx")));
    const workbook = await createWordServices().readWorkbookFile(bytes, "台账.xlsx");
    expect(workbook.name).toBe("台账.xlsx");
    expect(workbook.tables.some((t) => t.sheet === "共建单位")).toBe(true);
  });

  it("rejects a file that is not a workbook with the clerk's message naming the file", async () => {
    await expect(createWordServices().readWorkbookFile(new Uint8Array([1, 2, 3, 4]), "报告.docx")).rejects.toMatchObject({
      message: expect.stringContaining("「报告.docx」"),
      messageEn: expect.stringContaining('"报告.docx"'),
    });
  });
});
