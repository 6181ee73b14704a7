import fc from "fast-check";
import { insertReport, readLinkedReport } from "../../../src/adapters/word";
import { bytesToBase64 } from "../../../src/adapters/word/host";
import { LINK_NAMESPACE, linkRecordToXml, parseLinkRecord } from "../../../src/core/link";
import type { LinkRecord } from "../../../src/core/types";
import { createSimulatedWord, type SimulatedWord } from "../../../src/simulated-host/word";
import { renderDocx } from "../../../src/adapters/docx";
import { runEngine } from "../../../src/core/engine";
import { GENERATED_AT, generatedReport, ledgerWorkbook, withLateEntries, wordEnvironment } from "./fixture";

let reportBytes: Uint8Array;
let link: LinkRecord;

beforeAll(async () => {
  ({ bytes: reportBytes, link } = await generatedReport());
});

const envOf = wordEnvironment;

function linkRecords(sim: SimulatedWord): LinkRecord[] {
  return sim.document
    .customXmlParts()
    .filter((p) => p.namespaceUri === LINK_NAMESPACE)
    .map((p) => {
      const parsed = parseLinkRecord(p.xml);
      if (!parsed.ok) throw new Error(parsed.messageEn);
      return parsed.record;
    });
}

describe("inserting a generated report into Word", () => {
  test("uses Document.insertFileFromBase64 on WordApi 1.5, keeping page setup and footers, and adds the link part", async () => {
    const sim = createSimulatedWord(undefined, { supportedSets: { WordApi: "1.5" } });
    const result = await insertReport(reportBytes, link, sim.Word.run, envOf(sim));
    expect(result).toMatchObject({ path: "document", linkPart: "added", look: { font: "仿宋_GB2312", size: 16, lineSpacing: 28.95 } });
    // WordApi 1.5 cannot bring Different Odd & Even Pages: the only warning.
    expect(result.warnings.map((w) => w.messageEn)).toEqual([expect.stringContaining("Different Odd & Even Pages")]);
    expect(sim.lastInsertOptions).toEqual({
      importTheme: false,
      importStyles: true,
      importParagraphSpacing: true,
      importPageColor: false,
    });
    expect(sim.document.pageSize).toEqual({ width: 11906, height: 16838 });
    expect(sim.document.footers).toEqual(["—  —", "—  —"]);
    expect(linkRecords(sim)).toEqual([link]);
    expect(sim.document.controls().map((c) => c.tag)).toEqual(
      createSimulatedWord(reportBytes)
        .document.controls()
        .map((c) => c.tag),
    );
    expect(new Set(sim.document.controls().map((c) => c.tag.slice(3)))).toEqual(new Set(link.figures.map((f) => f.id)));
  });

  test("falls back to Body.insertFileFromBase64 on WordApi 1.3, warns that footers are not kept, and stores the link through the Common API", async () => {
    const sim = createSimulatedWord(undefined, { supportedSets: { WordApi: "1.3", CustomXmlParts: "1.1" } });
    const result = await insertReport(reportBytes, link, sim.Word.run, envOf(sim));
    expect(result.path).toBe("body");
    expect(result.linkPart).toBe("added");
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0].message).toContain("页脚");
    expect(result.warnings[0].messageEn).toContain("footers");
    expect(sim.lastInsertOptions).toBeUndefined();
    expect(sim.document.footers).toEqual([]);
    // The title is broken into balanced lines: Word's text shows each line break as \v.
    expect(sim.document.paragraphs()[0].replace(/\v/g, "")).toBe("2022年度市公共资源交易中心党组书记抓党建工作述职报告");
    expect(linkRecords(sim)).toEqual([link]);
  });

  test("replaces an earlier report's link record rather than adding a second", async () => {
    const newer = await generatedReport(withLateEntries());
    const hosts: Record<string, string>[] = [{ WordApi: "1.9" }, { WordApi: "1.3", CustomXmlParts: "1.1" }];
    for (const sets of hosts) {
      const sim = createSimulatedWord(reportBytes, { supportedSets: sets });
      const result = await insertReport(newer.bytes, newer.link, sim.Word.run, envOf(sim));
      expect(result.linkPart).toBe("replaced");
      expect(linkRecords(sim)).toEqual([newer.link]);
      expect(sim.document.controls().find((c) => c.tag === "lr:eg.count")?.text).toBe("3");
    }
  });

  test("brings none of the file's custom XML parts, so without a part API the report is inserted unlinked, with a warning", async () => {
    const sim = createSimulatedWord(undefined, { supportedSets: { WordApi: "1.3" } });
    const result = await insertReport(reportBytes, link, sim.Word.run, envOf(sim));
    expect(result.linkPart).toBe("unavailable");
    expect(result.warnings.map((w) => w.messageEn)).toEqual([
      expect.stringContaining("footers"),
      expect.stringContaining("cannot store the link data"),
    ]);
    expect(sim.document.customXmlParts()).toEqual([]);
    expect(sim.document.controls()).toHaveLength(30);
  });

  test("leaves a report that reads back as linked", async () => {
    const sim = createSimulatedWord();
    await insertReport(reportBytes, link, sim.Word.run, envOf(sim));
    sim.resetStats();
    const read = await readLinkedReport(sim.Word.run, envOf(sim));
    expect(sim.stats.syncs).toBe(1);
    expect(read.problem).toBeUndefined();
    expect(read.record).toEqual(link);
    expect(linkRecordToXml(read.record!)).toBe(linkRecordToXml(link));
  });
});

describe("bytesToBase64", () => {
  test("encodes any bytes as Node's base64 does", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
      }),
    );
  });
});

describe("inserting on real hosts", () => {
  test("adds the link part where an empty namespace's items come back undefined (office-js#6673)", async () => {
    const sim = createSimulatedWord(undefined, { emptyScopedItems: "undefined" });
    const result = await insertReport(reportBytes, link, sim.Word.run, envOf(sim));
    expect(result.linkPart).toBe("added");
    expect(linkRecords(sim)).toEqual([link]);
  });
});

describe("the link part as Word stores it", () => {
  test("replaces an earlier record on a host that ignores setXml payloads with an XML declaration (office-js#1643), and reads it back", async () => {
    const newer = await generatedReport(withLateEntries());
    const sim = createSimulatedWord(reportBytes, { xmlDeclarationUpdates: "ignored" });
    const result = await insertReport(newer.bytes, newer.link, sim.Word.run, envOf(sim));
    expect(result.linkPart).toBe("replaced");
    expect(linkRecords(sim)).toEqual([newer.link]);
    for (const p of sim.document.customXmlParts()) expect(p.xml.startsWith("<?xml")).toBe(false);
  });

  test("sends the Common API its payload without the XML declaration too", async () => {
    const sim = createSimulatedWord(undefined, { supportedSets: { WordApi: "1.3", CustomXmlParts: "1.1" } });
    await insertReport(reportBytes, link, sim.Word.run, envOf(sim));
    expect(sim.document.customXmlParts().map((p) => p.xml.startsWith("<?xml"))).toEqual([false]);
  });
});

describe("inserting the report keeps its look", () => {
  function firstBodyParagraph(sim: SimulatedWord) {
    const infos = sim.document.paragraphInfos();
    const first = infos.find((p) => p.styleId === "LRBody");
    if (!first) throw new Error("no paragraph on LRBody");
    return sim.document.formatOf(first.styleId);
  }

  test("keeps the body in 16 pt 仿宋_GB2312 on exact 28.95 pt lines in a blank document, whose Normal and defaults Word keeps", async () => {
    const sim = createSimulatedWord();
    await insertReport(reportBytes, link, sim.Word.run, envOf(sim));
    expect(firstBodyParagraph(sim)).toMatchObject({ font: "仿宋_GB2312", size: 16, lineSpacing: 28.95 });
    // Nothing of the report sits on Word's Normal, whose look belongs to the destination.
    expect(sim.document.paragraphInfos().filter((p) => p.text && !p.styleId?.startsWith("LR"))).toEqual([]);
  });

  test("passes each insert option only where its requirement set is supported", async () => {
    const at = async (version: string) => {
      const sim = createSimulatedWord(undefined, { supportedSets: { WordApi: version }, insertOptionsBeyondSets: "rejected" });
      await insertReport(reportBytes, link, sim.Word.run, envOf(sim));
      return sim.lastInsertOptions ?? {};
    };
    const v15 = await at("1.5");
    expect(Object.keys(v15)).not.toContain("importDifferentOddEvenPages");
    expect(Object.keys(v15)).not.toContain("importCustomXmlParts");
    expect(await at("1.6")).toMatchObject({ importCustomXmlParts: false });
    expect(await at("1.7")).toMatchObject({ importDifferentOddEvenPages: true, importCustomXmlParts: false });
  });

  test("tells the clerk that page numbers no longer alternate where Word cannot import Different Odd & Even Pages (before WordApi 1.7)", async () => {
    const old = createSimulatedWord(undefined, { supportedSets: { WordApi: "1.5" } });
    const result = await insertReport(reportBytes, link, old.Word.run, envOf(old));
    expect(old.document.evenAndOddHeaders).toBe(false);
    expect(result.warnings.map((w) => w.messageEn)).toEqual([expect.stringContaining("Different Odd & Even Pages")]);
    expect(result.warnings[0].message).toContain("奇偶页不同");

    const current = createSimulatedWord(undefined, { supportedSets: { WordApi: "1.7" } });
    const fine = await insertReport(reportBytes, link, current.Word.run, envOf(current));
    expect(current.document.evenAndOddHeaders).toBe(true);
    expect(fine.warnings).toEqual([]);
  });

  test("reads back the first body paragraph and names what Word changed, where the document already had the report's styles", async () => {
    // An earlier report made with the faces Windows ships: Word keeps its same-named styles.
    const earlier = await renderDocx(runEngine(ledgerWorkbook(), { overrides: { year: 2022 }, generatedAt: GENERATED_AT }).report, link, {
      fonts: "windows",
    });
    const sim = createSimulatedWord(earlier);
    const result = await insertReport(reportBytes, link, sim.Word.run, envOf(sim));
    expect(firstBodyParagraph(sim).font).toBe("仿宋");
    expect(result.look).toMatchObject({ font: "仿宋", size: 16, lineSpacing: 28.95 });
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/仿宋_GB2312.*仿宋/)]);
    expect(result.warnings[0].messageEn).toContain("font");
  });

  test("refuses a report over Word's 4 MB insert limit before sending it, saying what to do", async () => {
    const sim = createSimulatedWord();
    const big = new Uint8Array(4 * 1024 * 1024 + 1);
    await expect(insertReport(big, link, sim.Word.run, envOf(sim))).rejects.toMatchObject({
      message: expect.stringContaining("4 MB"),
      messageEn: expect.stringContaining("4 MB"),
    });
    expect(sim.stats.syncs).toBe(0);
  });
});
