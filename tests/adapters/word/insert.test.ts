import fc from "fast-check";
import { bytesToBase64, insertReport, readLinkedReport, type WordEnvironment } from "../../../src/adapters/word";
import { LINK_NAMESPACE, linkRecordToXml, parseLinkRecord } from "../../../src/core/link";
import type { LinkRecord } from "../../../src/core/types";
import { createSimulatedWord, type SimulatedWord } from "../../../src/simulated-host/word";
import { generatedReport, withLateEntries } from "./fixture";

let reportBytes: Uint8Array;
let link: LinkRecord;

beforeAll(async () => {
  ({ bytes: reportBytes, link } = await generatedReport());
});

function envOf(sim: SimulatedWord): WordEnvironment {
  return {
    isSetSupported: (name, version) => sim.isSetSupported(name, version),
    commonCustomXmlParts: () => sim.commonCustomXmlParts as unknown as Office.CustomXmlParts | undefined,
  };
}

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
    expect(result).toEqual({ path: "document", linkPart: "added", warnings: [] });
    expect(sim.lastInsertOptions).toEqual({
      importTheme: false,
      importStyles: true,
      importParagraphSpacing: true,
      importPageColor: false,
      importDifferentOddEvenPages: true,
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
    expect(sim.document.paragraphs()[0]).toBe("2022年度市公共资源交易中心党组书记抓党建工作述职报告");
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
