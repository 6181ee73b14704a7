// Filling a clerk's own document: a page written the way Word writes it (split runs, rsids,
// spell-check marks, a half-bold placeholder, a bookmark between runs, a table cell, header, footer).
import { strFromU8, unzipSync } from "fflate";
import { fillDocx, fillFromEngine } from "../../../src/adapters/docx/fill";
import { locateControls } from "../../../src/adapters/docx/patch";
import { refreshDocx } from "../../../src/adapters/docx/refresh";
import { runEngine, type EngineResult } from "../../../src/core/engine";
import { parseLinkRecord } from "../../../src/core/link";
import { validateCustomXmlProps, validateWordXml } from "../../helpers/ooxml";
import { laterWorkbook, sampleWorkbook } from "./refresh/clerk";
import { WORD_MADE_DOCUMENT, WORD_MADE_FOOTER, WORD_MADE_HEADER, wordMadePackage } from "./word-made";

const GENERATED = "2023-01-05T01:30:00.000Z";
const KNOWN = ["{{年度}}", "{{单位名称}}", "{{电子保函笔数}}", "{{eg.count}}"];

let engine: EngineResult;
let filled: ReturnType<typeof fillFromEngine>;
let parts: Record<string, string>;

beforeAll(() => {
  engine = runEngine(sampleWorkbook(), { generatedAt: GENERATED });
  filled = fillFromEngine(wordMadePackage(), engine, {
    workbookName: "sample-ledgers.xlsx",
    generatedAt: GENERATED,
    templateName: "工作总结.docx",
  });
  const files = unzipSync(filled.bytes);
  parts = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
});

const text = (id: string) => engine.link.figures.find((f) => f.id === id)?.text ?? engine.figures.find((f) => f.id === id)!.text;
const controls = (xml: string) => locateControls(xml).map((c) => [c.id, c.text]);

/** Visible text of runs, in order, with each run's span: how the test finds which runs a placeholder touches. */
function runsOf(xml: string): { start: number; end: number; text: string }[] {
  return [...xml.matchAll(/<w:r\b[^>]*>[\s\S]*?<\/w:r>/g)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    text: [...m[0].matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  }));
}

/**
 * The bytes of `before` outside the runs its known placeholders touch are in `after` unchanged:
 * paragraph by paragraph, the common prefix reaches the first such run and the common suffix the last.
 */
function expectUntouchedOutsidePlaceholders(before: string, after: string): void {
  const split = (x: string) => x.split(/(?=<w:p[ >])/);
  const a = split(before);
  const b = split(after);
  expect(b).toHaveLength(a.length);
  a.forEach((pa, i) => {
    const pb = b[i];
    const runs = runsOf(pa);
    const joined = runs.map((r) => r.text).join("");
    const hits = KNOWN.flatMap((k) =>
      [...joined.matchAll(new RegExp(k.replace(/[{}.]/g, "\\$&"), "g"))].map((m) => [m.index!, m.index! + k.length]),
    );
    if (hits.length === 0) {
      expect(pb).toBe(pa);
      return;
    }
    const runAt = (char: number) => {
      let acc = 0;
      for (const r of runs) {
        if (char < acc + r.text.length) return r;
        acc += r.text.length;
      }
      throw new Error("char outside runs");
    };
    const first = runAt(Math.min(...hits.map((h) => h[0])));
    const last = runAt(Math.max(...hits.map((h) => h[1])) - 1);
    let prefix = 0;
    while (prefix < pa.length && pa[prefix] === pb[prefix]) prefix++;
    let suffix = 0;
    while (suffix < pa.length && pa[pa.length - 1 - suffix] === pb[pb.length - 1 - suffix]) suffix++;
    expect(prefix).toBeGreaterThanOrEqual(first.start);
    expect(pa.length - suffix).toBeLessThanOrEqual(last.end);
  });
}

describe("fill: a document made the way Word makes it", () => {
  it("turns every known placeholder into a linked control showing the figure's or setting's text", () => {
    expect(controls(parts["word/document.xml"])).toEqual([
      ["setting.year", "2022"],
      ["setting.org_name", engine.settings.orgName],
      ["eg.count", text("eg.count")],
      ["eg.count", text("eg.count")],
    ]);
    expect(controls(parts["word/header1.xml"])).toEqual([["setting.org_name", engine.settings.orgName]]);
    expect(controls(parts["word/footer1.xml"])).toEqual([["setting.year", "2022"]]);
    for (const k of KNOWN) for (const xml of Object.values(parts)) expect(xml).not.toContain(k);
  });

  it("finds a placeholder split across runs by rsids, spell-check marks, a half-bold name and a bookmark", () => {
    const xml = parts["word/document.xml"];
    // The clerk's own bookmark survives beside the control; the spell-check marks around the placeholder stay too.
    expect(xml).toContain('<w:bookmarkStart w:id="3" w:name="mine"/>');
    expect(xml).toContain('<w:bookmarkEnd w:id="3"/>');
    expect(xml).toMatch(/<w:proofErr w:type="spellStart"\/>[\s\S]*lr:eg\.count[\s\S]*<w:proofErr w:type="spellEnd"\/>/);
  });

  it("gives the value the formatting of the placeholder's first character, not of a later bold part", () => {
    const xml = parts["word/document.xml"];
    const eg = locateControls(xml).find((c) => c.id === "eg.count")!;
    expect(eg.runProperties).toContain('w:eastAsia="仿宋"');
    expect(eg.runProperties).not.toContain("<w:b/>");
  });

  it("anchors each control in an lr_ bookmark as a generated report does, numbering a figure's second use", () => {
    const xml = parts["word/document.xml"];
    expect(xml).toMatch(/<w:bookmarkStart w:id="\d+" w:name="lr_eg_count"\/><w:sdt>/);
    expect(xml).toMatch(/<w:bookmarkStart w:id="\d+" w:name="lr_eg_count__2"\/><w:sdt>/);
    const ids = [
      ...Object.values(parts)
        .join("")
        .matchAll(/<w:bookmarkStart w:id="(\d+)"/g),
    ].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("leaves every byte outside the placeholders' runs as it was, and parts without placeholders untouched", () => {
    expectUntouchedOutsidePlaceholders(WORD_MADE_DOCUMENT, parts["word/document.xml"]);
    expectUntouchedOutsidePlaceholders(WORD_MADE_HEADER, parts["word/header1.xml"]);
    expectUntouchedOutsidePlaceholders(WORD_MADE_FOOTER, parts["word/footer1.xml"]);
    const original = unzipSync(wordMadePackage());
    expect(strFromU8(unzipSync(filled.bytes)["_rels/.rels"])).toBe(strFromU8(original["_rels/.rels"]));
    // The content types and the document's relationships only gain the link part's entries.
    const types = strFromU8(original["[Content_Types].xml"]);
    expect(parts["[Content_Types].xml"].startsWith(types.slice(0, types.indexOf("</Types>")))).toBe(true);
    const rels = strFromU8(original["word/_rels/document.xml.rels"]);
    expect(parts["word/_rels/document.xml.rels"].startsWith(rels.slice(0, rels.indexOf("</Relationships>")))).toBe(true);
  });

  it("reports an unknown placeholder with its text and paragraph and leaves it as typed", () => {
    expect(parts["word/document.xml"]).toContain("{{不存在的指标}}");
    const unknown = filled.issues.filter((i) => i.code === "fill.unknown_placeholder");
    expect(unknown).toHaveLength(1);
    expect(unknown[0].message).toContain("{{不存在的指标}}");
    expect(unknown[0].message).toContain("第 2 段");
    expect(unknown[0].messageEn).toContain("paragraph 2");
  });

  it("asks after a misspelled placeholder which figure it meant, in both languages, and still leaves it as typed", () => {
    const misspelled = fillFromEngine(wordMadePackage(WORD_MADE_DOCUMENT.replace("{{不存在的指标}}", "{{电子保函比数}}")), engine, {
      workbookName: "sample-ledgers.xlsx",
      generatedAt: GENERATED,
      templateName: "工作总结.docx",
    });
    const [issue] = misspelled.issues.filter((i) => i.code === "fill.unknown_placeholder");
    expect(issue.message).toContain("{{电子保函比数}}");
    expect(issue.message).toContain("是不是“电子保函笔数”？");
    expect(issue.messageEn).toContain('Did you mean "电子保函笔数"?');
    expect(strFromU8(unzipSync(misspelled.bytes)["word/document.xml"])).toContain("{{电子保函比数}}");
    // A name near nothing gets no guess.
    expect(filled.issues.find((i) => i.code === "fill.unknown_placeholder")!.message).not.toContain("是不是");
  });

  it("stores a link record naming every slot once, in reading order, with the template it came from", () => {
    const parsed = parseLinkRecord(parts["customXml/item1.xml"]);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.record.figures.map((f) => f.id)).toEqual(["setting.year", "setting.org_name", "eg.count"]);
    expect(parsed.record.templateId).toBe("docx:工作总结.docx");
    expect(parsed.record.workbookId).toBe(engine.settings.workbookId);
  });

  it("writes parts that are valid against the WordprocessingML and custom XML schemas", async () => {
    for (const name of ["word/document.xml", "word/header1.xml", "word/footer1.xml"]) {
      const outcome = await validateWordXml(parts[name]);
      if (outcome) expect({ name, errors: outcome.errors }).toEqual({ name, errors: [] });
    }
    const props = await validateCustomXmlProps(parts["customXml/itemProps1.xml"]);
    if (props) expect(props.errors).toEqual([]);
  });

  it("refreshes after a ledger change like a generated report, headers and footers included", () => {
    const later = laterWorkbook();
    const refreshed = refreshDocx(later, filled.bytes, { generatedAt: "2023-02-01T00:00:00.000Z" });
    const laterEngine = runEngine(later, { generatedAt: GENERATED });
    const newCount = laterEngine.figures.find((f) => f.id === "eg.count")!.text;
    expect(newCount).not.toBe(text("eg.count"));
    expect(refreshed.plan.updated.map((u) => u.id)).toEqual(["eg.count"]);
    expect(refreshed.plan.removed).toEqual([]);
    const after = unzipSync(refreshed.bytes);
    expect(controls(strFromU8(after["word/document.xml"])).filter(([id]) => id === "eg.count")).toEqual([
      ["eg.count", newCount],
      ["eg.count", newCount],
    ]);
    expect(controls(strFromU8(after["word/footer1.xml"]))).toEqual([["setting.year", "2022"]]);
  });

  it("refreshes a year written in the footer when the report moves to another year", () => {
    const refreshed = refreshDocx(sampleWorkbook(), filled.bytes, { overrides: { year: 2023 }, generatedAt: "2024-01-05T00:00:00.000Z" });
    const after = unzipSync(refreshed.bytes);
    expect(controls(strFromU8(after["word/footer1.xml"]))).toEqual([["setting.year", "2023"]]);
    expect(controls(strFromU8(after["word/header1.xml"]))).toEqual([["setting.org_name", engine.settings.orgName]]);
  });
});

describe("fill: what cannot be converted is said, never guessed", () => {
  const slots = {
    resolve: (name: string) => (name === "年度" ? { kind: "setting" as const, id: "setting.year", name: "年度" } : null),
    value: () => ({ text: "2022", unresolved: false }),
    record: (ids: string[]) => ({
      version: 1 as const,
      workbookId: "",
      workbookName: "",
      templateId: "docx:t",
      period: { start: "2022-01-01", end: "2022-12-31" },
      scope: "全部门",
      generatedAt: "",
      figures: ids.map((id) => ({ id, name: id, value: 2022, text: "2022", fingerprint: "", ledger: null, conditions: "", rows: 0 })),
    }),
  };

  it("leaves a placeholder running through a tracked deletion as typed, and says why", () => {
    const doc = WORD_MADE_DOCUMENT.replace(
      "<w:p>",
      `<w:p><w:r><w:t>{{年</w:t></w:r><w:del w:id="90" w:author="clerk" w:date="2023-01-01T00:00:00Z"><w:r><w:delText>份</w:delText></w:r></w:del><w:r><w:t>度}}</w:t></w:r></w:p><w:p>`,
    );
    const result = fillDocx(wordMadePackage(doc), slots);
    const refused = result.issues.filter((i) => i.code === "fill.placeholder_not_converted");
    expect(refused).toHaveLength(1);
    expect(refused[0].message).toContain("{{年度}}");
    expect(refused[0].message).toContain("修订");
    // The reason in English in the English message, not the Chinese one inside it.
    expect(refused[0].messageEn).toContain("revision");
    expect(refused[0].messageEn.replace("{{年度}}", "")).not.toMatch(/[\u4e00-\u9fff]/);
    expect(strFromU8(unzipSync(result.bytes)["word/document.xml"])).toContain("<w:t>{{年</w:t>");
  });

  it("marks an unresolved figure's placeholder yellow inside its control", () => {
    const result = fillDocx(wordMadePackage(), { ...slots, value: () => ({ text: "［待补：年度］", unresolved: true }) });
    const xml = strFromU8(unzipSync(result.bytes)["word/document.xml"]);
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/><\/w:rPr><w:t xml:space="preserve">［待补：年度］/);
  });
});
