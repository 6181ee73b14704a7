// The open document as a file (getFileAsync, Compressed) on the simulated Word host, and 生成下一年度
// as a new file made from it — the open document left as it was.
import { openInWord } from "../../helpers/simulated-word";
import { strFromU8, unzipSync } from "fflate";
import { canReadOpenFile, readOpenDocumentFile } from "../../../src/adapters/word/file";
import { readLinkedDocx } from "../../../src/adapters/docx/patch";
import { refreshInWord, type WordEnvironment } from "../../../src/adapters/word";
import { createWordServices } from "../../../src/taskpane/word/services";
import { createSimulatedWord, type SimulatedWord } from "../../../src/simulated-host/word";
import { generatedReport, ledgerWorkbook, REFRESHED_AT, withLateEntries } from "./fixture";

let reportBytes: Uint8Array;
beforeAll(async () => {
  ({ bytes: reportBytes } = await generatedReport());
});

function envOf(sim: SimulatedWord): WordEnvironment {
  return {
    isSetSupported: (name, version) => sim.isSetSupported(name, version),
    commonCustomXmlParts: () => sim.commonCustomXmlParts as unknown as Office.CustomXmlParts | undefined,
    commonDocument: () => ({ getFileAsync: sim.getFileAsync }) as unknown as Pick<Office.Document, "getFileAsync">,
  };
}

function getFile(
  sim: SimulatedWord,
  sliceSize?: number,
): Promise<{ status: string; value?: { sliceCount: number; size: number; closeAsync(cb?: () => void): void } }> {
  return new Promise((resolve) => sim.getFileAsync("compressed", sliceSize ? { sliceSize } : {}, resolve));
}

describe("the simulated Word's getFileAsync", () => {
  test("gives the document in slices of the size asked, at most 4 MB, and refuses a third open file", async () => {
    const sim = createSimulatedWord(reportBytes);
    const first = await getFile(sim, 1000);
    expect(first.status).toBe("succeeded");
    expect(first.value!.sliceCount).toBe(Math.ceil(first.value!.size / 1000));
    expect((await getFile(sim, 8 * 1024 * 1024)).status).toBe("failed");
    const second = await getFile(sim);
    expect(second.value!.sliceCount).toBe(1);
    expect((await getFile(sim)).status).toBe("failed");
    first.value!.closeAsync();
    expect((await getFile(sim)).status).toBe("succeeded");
  });

  test("fails without the CompressedFile requirement set", async () => {
    const sim = createSimulatedWord(reportBytes, { supportedSets: { WordApi: "1.9", CustomXmlParts: "1.1" } });
    expect((await getFile(sim)).status).toBe("failed");
  });
});

describe("reading the open document as a file", () => {
  test("gives the document as it is now: figures refreshed in Word and the link record they were written with", async () => {
    const sim = createSimulatedWord(reportBytes);
    const env = envOf(sim);
    const refresh = await refreshInWord(ledgerWorkbook(withLateEntries()), { run: sim.Word.run, env, generatedAt: REFRESHED_AT });
    await refresh.apply();
    const bytes = await readOpenDocumentFile(env);
    const docx = readLinkedDocx(bytes!);
    expect(docx.record.generatedAt).toBe(REFRESHED_AT);
    expect(docx.controls.find((c) => c.id === "eg.count")?.text).toBe("3");
    expect(strFromU8(unzipSync(bytes!)["word/document.xml"])).toContain("lr:eg.count");
  });

  test("gives a control the clerk deleted as gone, and every other control with its own text (Word writes the file as it is)", async () => {
    const sim = createSimulatedWord(reportBytes);
    const controls = sim.document.controls();
    const deleted = controls[3];
    const after = controls.slice(4, 8);
    sim.document.deleteControl(deleted.tag);
    const kept = controls[1];
    sim.document.deleteControl(kept.tag, 0, true);
    const docx = readLinkedDocx((await readOpenDocumentFile(envOf(sim)))!);
    const tags = docx.controls.map((c) => `lr:${c.id}`);
    expect(tags.filter((t) => t === deleted.tag)).toHaveLength(controls.filter((c) => c.tag === deleted.tag).length - 1);
    expect(tags.filter((t) => t === kept.tag)).toHaveLength(controls.filter((c) => c.tag === kept.tag).length - 1);
    // The controls after the deleted one keep their own texts, in their own places.
    const live = sim.document.controls();
    expect(docx.controls.map((c) => c.text)).toEqual(live.map((c) => c.current));
    for (const c of after) expect(live.some((l) => l.tag === c.tag && l.current === c.current)).toBe(true);
    // A control removed with its content kept leaves its words in the paragraph.
    expect(strFromU8(unzipSync((await readOpenDocumentFile(envOf(sim)))!)["word/document.xml"])).toContain(`>${kept.current}<`);
  });

  test("closes every file it opens, so it can be read again and again (Office keeps at most two open)", async () => {
    const sim = createSimulatedWord(reportBytes);
    for (let i = 0; i < 3; i++) expect(await readOpenDocumentFile(envOf(sim))).not.toBeNull();
  });

  test("is not offered where the host lacks CompressedFile", async () => {
    const sim = createSimulatedWord(reportBytes, { supportedSets: { WordApi: "1.9", CustomXmlParts: "1.1" } });
    expect(canReadOpenFile(envOf(sim))).toBe(false);
    expect(await readOpenDocumentFile(envOf(sim))).toBeNull();
  });
});

describe("生成下一年度 in the Word pane as a new file", () => {
  let sim: SimulatedWord;
  beforeEach(() => {
    sim = openInWord(reportBytes);
  });

  test("makes next year's report from the open document's bytes and leaves the open document as it was", async () => {
    const before = sim.document.controls();
    const services = createWordServices(sim.Word.run, envOf(sim), "OfficeOnline");
    const file = await services.nextYearFile!(ledgerWorkbook(withLateEntries()));
    expect(file).not.toBeNull();
    expect([file!.from, file!.to]).toEqual([2022, 2023]);
    expect(file!.fileName).toMatch(/2023\.docx$/);
    const next = readLinkedDocx(file!.refresh.patch(file!.refresh.plan));
    expect(next.record.period.end.slice(0, 4)).toBe("2023");
    expect(sim.document.controls()).toEqual(before);
  });

  test("lists a figure the clerk deleted as deleted and gives every other figure next year's value in its own place", async () => {
    const deleted = sim.document.controls().find((c) => c.tag === "lr:donations.count")!;
    sim.document.deleteControl(deleted.tag);
    const services = createWordServices(sim.Word.run, envOf(sim), "OfficeOnline");
    const file = (await services.nextYearFile!(ledgerWorkbook(withLateEntries())))!;
    expect(file.refresh.plan.removed).toContain("donations.count");
    // Nothing was typed by hand: no figure is taken for a hand edit by being paired with its neighbour's text.
    expect(file.refresh.plan.conflicts).toEqual([]);
    const next = readLinkedDocx(file.refresh.patch(file.refresh.plan));
    expect(next.controls.some((c) => c.id === "donations.count")).toBe(false);
    // Each control says its own figure: the year slots the year, the city slot the city.
    for (const c of next.controls.filter((x) => x.id === "setting.year")) expect(c.text).toBe("2023");
    const city = file.refresh.plan.record.figures.find((f) => f.id === "setting.city")!;
    for (const c of next.controls.filter((x) => x.id === "setting.city")) expect(c.text).toBe(city.text);
  });

  test("is not offered where the pane cannot save a file (Word on Mac), so the pane changes the open document instead", async () => {
    const services = createWordServices(sim.Word.run, envOf(sim), "Mac");
    expect(await services.nextYearFile!(ledgerWorkbook())).toBeNull();
  });
});
