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

  test("is not offered where the pane cannot save a file (Word on Mac), so the pane changes the open document instead", async () => {
    const services = createWordServices(sim.Word.run, envOf(sim), "Mac");
    expect(await services.nextYearFile!(ledgerWorkbook())).toBeNull();
  });
});
