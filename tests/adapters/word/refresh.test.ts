import { openInWord } from "../../helpers/simulated-word";
import { refreshDocx } from "../../../src/adapters/docx/refresh";
import { controlTexts } from "../../../src/adapters/docx/patch";
import { readLinkedReport, refreshInWord } from "../../../src/adapters/word";
import { applyRefresh } from "../../../src/adapters/word/apply";
import { WordLinkError } from "../../../src/adapters/word/read";
import { LINK_NAMESPACE, linkRecordToXml } from "../../../src/core/link";
import type { LinkRecord } from "../../../src/core/types";
import { createSimulatedWord, type SimulatedWord, type SimWordOptions } from "../../../src/simulated-host/word";
import { strFromU8, unzipSync } from "fflate";
import {
  deleteControlXml,
  editDocumentXml,
  generatedReport,
  ledgerWorkbook,
  storedLinkRecord,
  wordEnvironment,
  REFRESHED_AT,
  typeInControlXml,
  withLateEntries,
} from "./fixture";

let reportBytes: Uint8Array;
let link: LinkRecord;

beforeAll(async () => {
  ({ bytes: reportBytes, link } = await generatedReport());
});

const envOf = wordEnvironment;

const storedRecord = storedLinkRecord;

/** The refresh (read and plan) after entries made late in the year: the change most tests start from. */
function refreshWithLateEntries(options: Parameters<typeof refreshInWord>[1] = {}) {
  return refreshInWord(ledgerWorkbook(withLateEntries()), { generatedAt: REFRESHED_AT, ...options });
}

/** Run against this simulated Word rather than the installed one. */
const inWord = (sim: SimulatedWord) => ({ run: sim.Word.run, env: envOf(sim) });

function textsByTag(sim: SimulatedWord): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of sim.document.controls()) (out[c.tag] ??= []).push(c.text);
  return out;
}

const NARRATIVE = "三是明确重点工作。";
const NARRATIVE_EDITED = "三是明确重点工作（经办人已核实）。";

/** The clerk's work between Generate and Refresh: a narrative edit, a hand-typed figure, a deleted figure. */
function clerkEdits(sim: SimulatedWord): void {
  sim.document.editNarrative(NARRATIVE, NARRATIVE_EDITED);
  sim.document.typeInControl("lr:study.seminar.count", "3次左右");
  sim.document.deleteControl("lr:partners.count");
}

describe("refreshing the open report in Word", () => {
  let sim: SimulatedWord;

  beforeEach(() => {
    sim = openInWord(reportBytes);
  });

  test("reads the link record and every figure control in exactly one sync", async () => {
    const read = await readLinkedReport();
    expect(sim.stats.syncs).toBe(1);
    expect(read.problem).toBeUndefined();
    expect(read.record).toEqual(link);
    expect(read.controls.map((c) => c.id)).toEqual(controlTexts(strFromU8(unzipSync(reportBytes)["word/document.xml"])).map((c) => c.id));
    expect(read.controls.find((c) => c.id === "eg.amount")).toMatchObject({ text: "1.50", tag: "lr:eg.amount" });
  });

  test("plans updates, the hand edit as a conflict and the deleted figure as removed, reading in one sync and one more for the hand-edited figure's reviewed text", async () => {
    clerkEdits(sim);
    sim.resetStats();
    const refresh = await refreshWithLateEntries();
    expect(sim.stats.syncs).toBe(2);
    expect(refresh.plan.updated).toEqual([
      { id: "study.topic.count", old: "1", new: "2" },
      { id: "eg.count", old: "2", new: "3" },
      { id: "eg.firms", old: "2", new: "3" },
      { id: "eg.amount", old: "1.50", new: "2.70" },
    ]);
    expect(refresh.plan.conflicts).toEqual([
      { id: "study.seminar.count", copy: 1, written: "1", current: "3次左右", new: "2", resolution: "keep" },
    ]);
    expect(refresh.plan.removed).toEqual(["partners.count"]);
    expect(refresh.plan.notInDocument).toEqual([]);
  });

  test("writes in two syncs (look, then write and read back), keeping the narrative edit and the hand edit and not re-inserting the deleted figure", async () => {
    clerkEdits(sim);
    const before = textsByTag(sim);
    const refresh = await refreshWithLateEntries();
    sim.resetStats();
    const result = await refresh.apply();
    expect(sim.stats.syncs).toBe(2);
    expect(result).toEqual({
      written: 4,
      changedSinceReview: [],
      goneSinceReview: [],
      lockedSinceReview: [],
      notTaken: [],
      linkPart: "replaced",
      warnings: [],
    });

    const after = textsByTag(sim);
    expect(after["lr:study.topic.count"]).toEqual(["2"]);
    expect(after["lr:eg.count"]).toEqual(["3"]);
    expect(after["lr:eg.amount"]).toEqual(["2.70"]);
    expect(after["lr:study.seminar.count"]).toEqual(["3次左右"]);
    expect(after["lr:partners.count"]).toBeUndefined();
    // Everything else is exactly as it was.
    for (const tag of Object.keys(before))
      if (!["lr:study.topic.count", "lr:eg.count", "lr:eg.firms", "lr:eg.amount"].includes(tag)) expect(after[tag]).toEqual(before[tag]);
    const paragraphs = sim.document.paragraphs();
    expect(paragraphs.some((p) => p.includes(NARRATIVE_EDITED + "将迎接和学习贯彻党的二十大精神"))).toBe(true);
    expect(paragraphs.some((p) => p.includes("进行专题学习党的二十大精神2次，专题研讨3次左右次"))).toBe(true);
  });

  test("rewrites the link record with the new figures, keeping the written text of a kept conflict", async () => {
    clerkEdits(sim);
    const refresh = await refreshWithLateEntries();
    await refresh.apply();
    const record = storedRecord(sim);
    expect(record.generatedAt).toBe(REFRESHED_AT);
    const text = (id: string) => record.figures.find((f) => f.id === id)?.text;
    expect(text("study.topic.count")).toBe("2");
    expect(text("eg.amount")).toBe("2.70");
    // The next refresh must still see 3次左右 as the clerk's.
    expect(text("study.seminar.count")).toBe("1");
  });

  test("replaces the hand edit when told to overwrite conflicts", async () => {
    clerkEdits(sim);
    const refresh = await refreshWithLateEntries({ overwriteConflicts: true });
    expect(refresh.plan.conflicts.map((c) => [c.id, c.resolution])).toEqual([["study.seminar.count", "take"]]);
    await refresh.apply();
    expect(textsByTag(sim)["lr:study.seminar.count"]).toEqual(["2"]);
    expect(storedRecord(sim).figures.find((f) => f.id === "study.seminar.count")?.text).toBe("2");
  });

  test("writes the plan made again with the clerk's per-figure choice", async () => {
    clerkEdits(sim);
    const refresh = await refreshWithLateEntries();
    const chosen = refresh.replan({ choices: { "study.seminar.count": "take" } });
    await refresh.apply(chosen);
    expect(textsByTag(sim)["lr:study.seminar.count"]).toEqual(["2"]);
    expect(textsByTag(sim)["lr:study.topic.count"]).toEqual(["2"]);
  });

  test("keeps the write to two syncs however many figures change", async () => {
    const refresh = await refreshWithLateEntries({ overrides: { orgShort: "市交易中心", city: "某某市" } });
    expect(refresh.plan.writes.length).toBeGreaterThan(6);
    sim.resetStats();
    await refresh.apply();
    expect(sim.stats.syncs).toBe(2);
    expect(textsByTag(sim)["lr:setting.city"]).toEqual(["某某市", "某某市"]);
  });

  test("reports a figure the clerk changed between the review and the write", async () => {
    const refresh = await refreshWithLateEntries();
    sim.document.typeInControl("lr:eg.count", "约3");
    const result = await refresh.apply();
    expect(result.changedSinceReview).toEqual(["eg.count"]);
    expect(result.warnings.map((w) => w.messageEn)).toEqual([expect.stringContaining("eg.count")]);
  });

  test("refuses a document without link data or figures, naming the problem in Chinese and English", async () => {
    const blank = createSimulatedWord();
    const read = await readLinkedReport(blank.Word.run, envOf(blank));
    expect(blank.stats.syncs).toBe(1);
    expect(read.problem?.code).toBe("not_linked");
    expect(read.problem?.message).toContain("不是由台账成文生成的报告");
    await expect(refreshInWord(ledgerWorkbook(), inWord(blank))).rejects.toMatchObject({ code: "not_linked" });
  });

  test("says a report whose link part and controls were lost through .odt is a report whose link was lost, counting its figure bookmarks — not that it was never a report", async () => {
    // What LibreOffice's .odt round trip leaves: no custom XML link part, no w:sdt, the `lr_` bookmarks kept.
    const lost = editDocumentXml(reportBytes, (xml) =>
      xml.replace(/<w:sdt>[\s\S]*?<w:sdtContent>/g, "").replace(/<\/w:sdtContent>(<w:sdtEndPr\/>)?<\/w:sdt>/g, ""),
    );
    const odt = createSimulatedWord(lost);
    odt.document.removeCustomXmlParts(LINK_NAMESPACE);
    expect(odt.document.controls()).toEqual([]);
    const read = await readLinkedReport(odt.Word.run, envOf(odt));
    expect(read.problem?.code).toBe("link_missing");
    expect(read.problem?.message).toMatch(/有 \d+ 个指标书签/);
    expect(read.problem?.message).toContain("另存");
    expect(read.problem?.message).toContain("重新生成");
    expect(read.problem?.messageEn).toMatch(/\d+ figure bookmarks/);
    // The same read, no more round trips than for any document.
    expect(odt.stats.syncs).toBe(1);
    await expect(refreshInWord(ledgerWorkbook(), inWord(odt))).rejects.toMatchObject({ code: "link_missing" });
  });

  test("refuses figures whose link part is gone, counting the controls it found", async () => {
    sim.document.removeCustomXmlParts(LINK_NAMESPACE);
    const read = await readLinkedReport();
    expect(read.problem).toMatchObject({ code: "link_missing", message: expect.stringContaining("30 个数字控件") });
    const error = await refreshInWord(ledgerWorkbook()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WordLinkError);
    expect(error).toMatchObject({ code: "link_missing", messageEn: expect.stringContaining("30 figure controls") });
  });

  test("refuses a report made by a newer version", async () => {
    sim.document.removeCustomXmlParts(LINK_NAMESPACE);
    sim.document.addCustomXmlPart(linkRecordToXml(link).replace(`version="1"`, `version="2"`));
    const read = await readLinkedReport();
    expect(read.record).toBeNull();
    expect(read.problem).toMatchObject({ code: "newer_version", message: expect.stringContaining("更新版本") });
  });

  test("uses the first readable record when a report was inserted twice, and leaves one after the write", async () => {
    sim.document.addCustomXmlPart(linkRecordToXml({ ...link, generatedAt: "2024-01-01T00:00:00.000Z" }));
    sim.resetStats();
    const refresh = await refreshWithLateEntries();
    expect(sim.stats.syncs).toBe(2);
    await refresh.apply();
    expect(storedRecord(sim).generatedAt).toBe(REFRESHED_AT);
  });
});

describe("on hosts without WordApi 1.4 or with stricter null objects", () => {
  async function runScenario(opts: SimWordOptions) {
    const sim = createSimulatedWord(reportBytes, opts);
    clerkEdits(sim);
    const env = envOf(sim);
    const refresh = await refreshWithLateEntries({ run: sim.Word.run, env });
    const readSyncs = sim.stats.syncs;
    const result = await refresh.apply();
    return { sim, refresh, result, readSyncs, writeSyncs: sim.stats.syncs - readSyncs };
  }

  test("reads and rewrites the link part through the Common API on Word 2019 (WordApi 1.3)", async () => {
    const { sim, refresh, result, readSyncs, writeSyncs } = await runScenario({ supportedSets: { WordApi: "1.3", CustomXmlParts: "1.1" } });
    // The read: one sync, and one for the hand-edited figure's OOXML.
    expect([readSyncs, writeSyncs]).toEqual([2, 2]);
    expect(sim.stats.commonApiCalls).toBeGreaterThan(0);
    expect(refresh.plan.removed).toEqual(["partners.count"]);
    expect(result.linkPart).toBe("replaced");
    expect(storedRecord(sim).generatedAt).toBe(REFRESHED_AT);
    expect(textsByTag(sim)["lr:eg.count"]).toEqual(["3"]);
  });

  test("cannot refresh where neither link part API exists, and says to refresh the file from Excel", async () => {
    const sim = createSimulatedWord(reportBytes, { supportedSets: { WordApi: "1.3" } });
    const read = await readLinkedReport(sim.Word.run, envOf(sim));
    expect(read.problem).toMatchObject({ code: "link_unreadable", message: expect.stringContaining("Excel") });
  });

  test("reads and writes in as many syncs, and reads an unlinked document in two, where methods on a null object fail", async () => {
    const { readSyncs, writeSyncs, sim } = await runScenario({ nullObjectMethods: "throw" });
    expect([readSyncs, writeSyncs]).toEqual([2, 2]);
    expect(storedRecord(sim).generatedAt).toBe(REFRESHED_AT);

    const blank = createSimulatedWord(undefined, { nullObjectMethods: "throw" });
    const read = await readLinkedReport(blank.Word.run, envOf(blank));
    expect(read.problem?.code).toBe("not_linked");
    expect([blank.stats.syncs, blank.stats.failedSyncs]).toEqual([2, 1]);
  });
});

describe("the Word path and the file patcher", () => {
  test("plan and write the same on the same edited document", async () => {
    const edited = editDocumentXml(reportBytes, (xml) =>
      deleteControlXml(
        typeInControlXml(xml.replace(NARRATIVE, NARRATIVE_EDITED), "lr:study.seminar.count", "3次左右"),
        "lr:partners.count",
      ),
    );
    const workbook = ledgerWorkbook(withLateEntries());
    const file = refreshDocx(workbook, edited, { generatedAt: REFRESHED_AT });

    const sim = createSimulatedWord(edited);
    const word = await refreshInWord(workbook, { generatedAt: REFRESHED_AT, run: sim.Word.run, env: envOf(sim) });
    const pick = ({ updated, unchanged, conflicts, removed, notInDocument, writes, record }: typeof file.plan) => ({
      updated,
      unchanged,
      conflicts,
      removed,
      notInDocument,
      writes,
      record,
    });
    expect(pick(word.plan)).toEqual(pick(file.plan));
    expect(word.plan.removed).toEqual(["partners.count"]);

    await word.apply();
    const patched = unzipSync(file.bytes);
    const patchedControls = controlTexts(strFromU8(patched["word/document.xml"]));
    expect(sim.document.controls().map((c) => ({ id: c.tag.slice(3), text: c.text }))).toEqual(patchedControls);
    expect(storedRecord(sim)).toEqual(file.plan.record);
  });

  test("read a figure the clerk broke over two lines as the same conflict, and overwrite it when told", async () => {
    const edited = editDocumentXml(reportBytes, (xml) =>
      typeInControlXml(xml, "lr:study.seminar.count", '3</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">次'),
    );
    const workbook = ledgerWorkbook(withLateEntries());
    const file = refreshDocx(workbook, edited, { generatedAt: REFRESHED_AT });
    const sim = createSimulatedWord(edited);
    const word = await refreshInWord(workbook, { generatedAt: REFRESHED_AT, run: sim.Word.run, env: envOf(sim) });
    const conflict = (plan: typeof file.plan) => plan.conflicts.find((c) => c.id === "study.seminar.count");
    expect(conflict(file.plan)?.current).toBe("3\n次");
    expect(conflict(word.plan)).toEqual(conflict(file.plan));

    // Word's own text for it is 3\v次: the write still recognises the control as reviewed.
    const result = await word.apply(word.replan({ overwriteConflicts: true }));
    expect(result.changedSinceReview).toEqual([]);
    expect(textsByTag(sim)["lr:study.seminar.count"]).toEqual([file.plan.conflicts.length ? conflict(file.plan)!.new : ""]);
  });

  test("agree with a Word edit made through the simulated host", async () => {
    const sim = createSimulatedWord(reportBytes);
    clerkEdits(sim);
    const viaHost = await refreshWithLateEntries(inWord(sim));
    const edited = editDocumentXml(reportBytes, (xml) =>
      deleteControlXml(typeInControlXml(xml, "lr:study.seminar.count", "3次左右"), "lr:partners.count"),
    );
    const file = refreshDocx(ledgerWorkbook(withLateEntries()), edited, { generatedAt: REFRESHED_AT });
    expect({ u: viaHost.plan.updated, c: viaHost.plan.conflicts, r: viaHost.plan.removed }).toEqual({
      u: file.plan.updated,
      c: file.plan.conflicts,
      r: file.plan.removed,
    });
  });
});

describe("applyRefresh", () => {
  test("refuses a plan whose writes do not match the controls it carries", async () => {
    const sim = createSimulatedWord(reportBytes);
    const refresh = await refreshWithLateEntries(inWord(sim));
    const broken = { ...refresh.plan, writes: [{ index: 0, id: "eg.count", text: "9" }] };
    await expect(applyRefresh(broken, sim.Word.run, envOf(sim))).rejects.toThrow("does not match");
    expect(textsByTag(sim)["lr:eg.count"]).toEqual(["2"]);
  });
});

describe("Word's empty and null results (real hosts, not the happy path)", () => {
  test("reads an empty link namespace whose items come back undefined, as Word on the web answers (office-js#6673)", async () => {
    const sim = createSimulatedWord(reportBytes, { emptyScopedItems: "undefined" });
    sim.document.removeCustomXmlParts(LINK_NAMESPACE);
    const read = await readLinkedReport(sim.Word.run, envOf(sim));
    expect(read.problem?.code).toBe("link_missing");
    const blank = createSimulatedWord(undefined, { emptyScopedItems: "undefined" });
    expect((await readLinkedReport(blank.Word.run, envOf(blank))).problem?.code).toBe("not_linked");
  });

  test("falls back to a stepwise read when a method on a null object fails with a code other than ItemNotFound", async () => {
    const blank = createSimulatedWord(undefined, { nullObjectMethods: "throw", nullObjectErrorCode: "GeneralException" });
    const read = await readLinkedReport(blank.Word.run, envOf(blank));
    expect(read.problem?.code).toBe("not_linked");
    expect(blank.stats.errors).toEqual(["GeneralException"]);
  });

  test("skips and reports a figure deleted after the review, writes the others and stores the link record", async () => {
    const sim = createSimulatedWord(reportBytes);
    const refresh = await refreshWithLateEntries(inWord(sim));
    expect(refresh.plan.writes.map((w) => w.id)).toContain("eg.count");
    sim.document.deleteControl("lr:eg.count");
    const result = await refresh.apply();
    expect(result.goneSinceReview).toEqual(["eg.count"]);
    expect(result.warnings.map((w) => w.messageEn)).toContainEqual(expect.stringContaining("eg.count"));
    expect(textsByTag(sim)["lr:eg.amount"]).toEqual(["2.70"]);
    const record = storedRecord(sim);
    expect(record.generatedAt).toBe(REFRESHED_AT);
    // The deleted figure was not written: the record keeps what was last written for it.
    expect(record.figures.find((f) => f.id === "eg.count")?.text).toBe("2");
  });

  test("keeps a figure the clerk locked or retyped after the review instead of failing half-way or overwriting it", async () => {
    const sim = createSimulatedWord(reportBytes);
    const refresh = await refreshWithLateEntries(inWord(sim));
    sim.document.lockControl("lr:eg.firms");
    sim.document.typeInControl("lr:eg.count", "约3");
    const result = await refresh.apply();
    expect(result.changedSinceReview).toEqual(["eg.count"]);
    expect(result.lockedSinceReview).toEqual(["eg.firms"]);
    const texts = textsByTag(sim);
    expect(texts["lr:eg.count"]).toEqual(["约3"]);
    expect(texts["lr:eg.firms"]).toEqual(["2"]);
    expect(texts["lr:eg.amount"]).toEqual(["2.70"]);
    const record = storedRecord(sim);
    expect(record.figures.find((f) => f.id === "eg.count")?.text).toBe("2");
    expect(record.figures.find((f) => f.id === "eg.amount")?.text).toBe("2.70");
  });
});

describe("Track Changes", () => {
  /** Ledgers that move every counted figure once more after withLateEntries. */
  function evenLaterEntries() {
    const rows = withLateEntries();
    return { ...rows, guarantees: [...rows.guarantees, ["BH-4", "2022-12-31", "丁公司", "", 30000000, ""]] };
  }

  const hosts: Record<string, string>[] = [{ WordApi: "1.9" }, { WordApi: "1.3", CustomXmlParts: "1.1" }];
  for (const sets of hosts) {
    test(`never calls a figure written under Track Changes a hand edit on the next refresh (WordApi ${sets.WordApi})`, async () => {
      const sim = createSimulatedWord(reportBytes, { supportedSets: sets, changeTracking: true });
      const env = envOf(sim);
      const first = await refreshWithLateEntries({ run: sim.Word.run, env });
      const applied = await first.apply();
      expect(applied.notTaken).toEqual([]);
      // ContentControl.text now holds the deleted old value too; the reader sees the new one.
      const control = sim.document.controls().find((c) => c.tag === "lr:eg.count")!;
      expect([control.text, control.current]).toEqual(["23", "3"]);

      const second = await refreshInWord(ledgerWorkbook(evenLaterEntries()), { generatedAt: REFRESHED_AT, run: sim.Word.run, env });
      expect(second.plan.conflicts).toEqual([]);
      expect(second.plan.updated).toContainEqual({ id: "eg.count", old: "3", new: "4" });
      await second.apply();
      expect(sim.document.controls().find((c) => c.tag === "lr:eg.count")!.current).toBe("4");
    });
  }

  test("reports a figure the clerk retyped under Track Changes with the text the clerk sees", async () => {
    const sim = createSimulatedWord(reportBytes, { changeTracking: true });
    sim.document.typeInControl("lr:eg.count", "约3");
    const refresh = await refreshWithLateEntries(inWord(sim));
    expect(refresh.plan.conflicts).toEqual([{ id: "eg.count", copy: 1, written: "2", current: "约3", new: "3", resolution: "keep" }]);
  });

  test("tells the clerk that the refresh will show as tracked changes when Track Changes is on", async () => {
    const sim = createSimulatedWord(reportBytes, { changeTracking: true });
    const refresh = await refreshWithLateEntries(inWord(sim));
    expect(refresh.notices.map((n) => n.messageEn)).toEqual([expect.stringContaining("Track Changes")]);
    expect(refresh.notices[0].message).toContain("修订");
    const off = createSimulatedWord(reportBytes);
    const plain = await refreshWithLateEntries(inWord(off));
    expect(plain.notices).toEqual([]);
  });
});

describe("a report whose controls another word processor left untagged (LibreOffice, WPS)", () => {
  test("is refused with the way to recover it, never planned as if every figure were deleted", async () => {
    const untagged = editDocumentXml(reportBytes, (xml) =>
      xml.replace(/<w:tag w:val="lr:[^"]*"\/>/g, "").replace(/<w:alias w:val="[^"]*"\/>/g, ""),
    );
    const sim = createSimulatedWord(untagged);
    const read = await readLinkedReport(sim.Word.run, envOf(sim));
    expect(read.problem).toMatchObject({ code: "link_missing", message: expect.stringContaining("更新已有报告") });
    expect(read.problem?.messageEn).toContain("LibreOffice");
    await expect(refreshInWord(ledgerWorkbook(withLateEntries()), inWord(sim))).rejects.toMatchObject({
      code: "link_missing",
    });
  });
});
