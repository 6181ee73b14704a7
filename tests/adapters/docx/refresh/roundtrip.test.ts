// The refresh round trip with the real pieces: sample ledgers → engine → .docx → a clerk's edits →
// the ledgers change → refresh. What the clerk did must survive; only our figures move.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { renderDocx } from "../../../../src/adapters/docx";
import { locateControls, readLinkedDocx, controlTexts } from "../../../../src/adapters/docx/patch";
import { OtherWorkbookError } from "../../../../src/core/refresh/recompute";
import { refreshDocx } from "../../../../src/adapters/docx/refresh";
import { runEngine, type EngineResult } from "../../../../src/core/engine";
import { parseLinkRecord } from "../../../../src/core/link";
import { validateWordXml } from "../../../helpers/ooxml";
import { renderPdf } from "../../../helpers/render";
import {
  deleteControl,
  editControl,
  laterWorkbook,
  outside,
  replaceOnce,
  sampleWorkbook,
  sdtSpan,
  unzipText,
  withDocumentXml,
} from "./clerk";

const GENERATED = "2023-01-05T01:30:00.000Z";
const REFRESHED = "2023-02-05T01:30:00.000Z";
const LINK_PART = "customXml/item1.xml";

/** The figures the clerk touches in Word: one typed over, one deleted outright, one made bold. */
const CLERK = { edited: "partners.count", deleted: "eg.amount", bolded: "eg.count" };

let first: EngineResult;
let later: EngineResult;
let edited: Uint8Array;
let editedXml: string;

function textOf(result: EngineResult, id: string): string {
  const f = result.link.figures.find((x) => x.id === id);
  if (!f) throw new Error(`engine has no figure ${id}`);
  return f.text;
}

/** What the clerk did in Word, as XML edits; each edit is checked to have found its target. */
function clerkEdits(xml: string): string {
  // Narrative retyped in the title.
  xml = replaceOnce(xml, "抓党建工作述职报告</w:t>", "抓党建工作述职报告（修订稿）</w:t>");
  // A narrative run made bold: the first one after a figure, so it sits in running text.
  const run = xml.indexOf("<w:r><w:t", sdtSpan(xml, "study.topic.count").end);
  xml = xml.slice(0, run) + "<w:r><w:rPr><w:b/></w:rPr><w:t" + xml.slice(run + "<w:r><w:t".length);
  // A paragraph centred.
  const pPr = /<w:pPr><w:pStyle w:val="[^"]+"\/><\/w:pPr>/.exec(xml)!;
  xml = xml.slice(0, pPr.index) + pPr[0].replace("</w:pPr>", '<w:jc w:val="center"/></w:pPr>') + xml.slice(pPr.index + pPr[0].length);
  // One figure typed over, one figure made bold (its text untouched), one figure deleted outright.
  xml = editControl(xml, CLERK.edited, (sdt) => sdt.replace(`>${textOf(first, CLERK.edited)}</w:t>`, ">十一</w:t>"));
  xml = editControl(xml, CLERK.bolded, (sdt) => sdt.replace("<w:r><w:t", "<w:r><w:rPr><w:b/></w:rPr><w:t"));
  xml = deleteControl(xml, CLERK.deleted);
  return xml;
}

beforeAll(async () => {
  first = runEngine(sampleWorkbook(), { generatedAt: GENERATED });
  const report = await renderDocx(first.report, first.link);
  editedXml = clerkEdits(unzipText(report).text("word/document.xml"));
  edited = withDocumentXml(report, editedXml);
  later = runEngine(laterWorkbook(), { generatedAt: REFRESHED });
});

/** Figures the later ledgers changed, other than the one typed over and the one deleted. */
function changedFigures(): string[] {
  return first.link.figures
    .filter((f) => f.id !== CLERK.edited && f.id !== CLERK.deleted && textOf(later, f.id) !== f.text)
    .map((f) => f.id);
}

describe("refreshing an edited report after the ledgers changed", () => {
  let result: ReturnType<typeof refreshDocx>;
  let out: ReturnType<typeof unzipText>;
  let outXml: string;

  beforeAll(() => {
    result = refreshDocx(laterWorkbook(), edited, { generatedAt: REFRESHED });
    out = unzipText(result.bytes);
    outXml = out.text("word/document.xml");
  });

  test("the later ledgers really move the guarantee count, the vanguard teams and the partners", () => {
    expect(changedFigures()).toEqual(expect.arrayContaining([CLERK.bolded, "teams.vanguard.count"]));
    expect(textOf(later, CLERK.edited)).not.toBe(textOf(first, CLERK.edited));
  });

  test("replaces every figure the ledgers changed with the new engine text", () => {
    const changed = changedFigures();
    expect(result.plan.updated.map((u) => u.id)).toEqual(changed);
    for (const u of result.plan.updated) expect(u).toEqual({ id: u.id, old: textOf(first, u.id), new: textOf(later, u.id) });
    const shown = new Map(controlTexts(outXml).map((c) => [c.id, c.text]));
    for (const id of changed) expect(shown.get(id)).toBe(textOf(later, id));
  });

  test("leaves every figure the ledgers did not change as it was", () => {
    const untouched = first.link.figures.map((f) => f.id).filter((id) => ![...changedFigures(), CLERK.edited, CLERK.deleted].includes(id));
    expect(result.plan.unchanged).toEqual(untouched);
  });

  test("keeps the figure the clerk typed over and reports it as a conflict", () => {
    expect(result.plan.conflicts).toEqual([
      {
        id: CLERK.edited,
        copy: 1,
        written: textOf(first, CLERK.edited),
        current: "十一",
        new: textOf(later, CLERK.edited),
        resolution: "keep",
      },
    ]);
    expect(controlTexts(outXml).find((c) => c.id === CLERK.edited)?.text).toBe("十一");
  });

  test("reports the deleted figure as removed and does not put it back", () => {
    expect(result.plan.removed).toEqual([CLERK.deleted]);
    expect(outXml).not.toContain(`lr:${CLERK.deleted}"`);
  });

  test("keeps the clerk's formatting of a replaced figure", () => {
    const control = locateControls(outXml).find((c) => c.id === CLERK.bolded)!;
    expect(outXml.slice(control.contentStart, control.contentEnd)).toBe(
      `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${textOf(later, CLERK.bolded)}</w:t></w:r>`,
    );
  });

  test("keeps the retyped title, the bold narrative run and the centred paragraph", () => {
    expect(outXml).toContain("抓党建工作述职报告（修订稿）</w:t>");
    expect(outXml).toContain('<w:jc w:val="center"/></w:pPr>');
    const run = outXml.indexOf(
      "<w:r><w:rPr><w:b/></w:rPr><w:t",
      locateControls(outXml).find((c) => c.id === "study.topic.count")!.contentEnd,
    );
    expect(run).toBeGreaterThan(0);
  });

  test("leaves every part but document.xml and the link part byte for byte as it was, in the same order", () => {
    const before = unzipText(edited);
    expect(out.order).toEqual(before.order);
    for (const name of before.order) {
      if (name === "word/document.xml" || name === LINK_PART) continue;
      expect([name, Buffer.from(out.files[name]).equals(Buffer.from(before.files[name]))]).toEqual([name, true]);
    }
  });

  test("leaves document.xml identical outside the replaced figure contents", () => {
    const written = new Set(result.plan.updated.map((u) => u.id));
    const spans = (xml: string) => locateControls(xml).filter((c) => written.has(c.id));
    expect(spans(outXml)).toHaveLength(written.size);
    expect(outside(outXml, spans(outXml))).toEqual(outside(editedXml, spans(editedXml)));
  });

  test("stores the new texts in the link part and still remembers what was written under the conflict", () => {
    const parsed = parseLinkRecord(out.text(LINK_PART));
    if (!parsed.ok) throw new Error(parsed.messageEn);
    expect(parsed.record.generatedAt).toBe(REFRESHED);
    const texts = new Map(parsed.record.figures.map((f) => [f.id, f.text]));
    for (const id of changedFigures()) expect(texts.get(id)).toBe(textOf(later, id));
    expect(texts.get(CLERK.edited)).toBe(textOf(first, CLERK.edited));
    expect(texts.has(CLERK.deleted)).toBe(false);
  });

  test("writes a document.xml that the WordprocessingML schemas accept", async () => {
    const validation = await validateWordXml(outXml);
    if (validation === null) return;
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
  });

  test("converts with LibreOffice and shows the new figures and the clerk's text on the page", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lr-refresh-"));
    const file = path.join(dir, "报告.refreshed.docx");
    writeFileSync(file, result.bytes);
    const pdf = await renderPdf(file);
    if (pdf === null) return console.log("soffice not found: skipping the LibreOffice conversion");
    const page = pdf.text.replace(/\s+/g, "");
    expect(page).toContain(`${textOf(later, CLERK.bolded)}笔`);
    expect(page).toContain("十一");
    expect(page).toContain("（修订稿）");
  });

  test("a second refresh updates nothing, changes no text and still reports the conflict", () => {
    const again = refreshDocx(laterWorkbook(), result.bytes, { generatedAt: REFRESHED });
    expect(again.plan.updated).toEqual([]);
    expect(again.plan.conflicts.map((c) => [c.id, c.current, c.resolution])).toEqual([[CLERK.edited, "十一", "keep"]]);
    expect(unzipText(again.bytes).text("word/document.xml")).toBe(outXml);
  });
});

describe("refreshing with overwriteConflicts", () => {
  test("replaces the clerk's hand edit with the new figure and records the new text", () => {
    const result = refreshDocx(laterWorkbook(), edited, { generatedAt: REFRESHED, overwriteConflicts: true });
    expect(result.plan.conflicts.map((c) => [c.id, c.resolution])).toEqual([[CLERK.edited, "take"]]);
    expect(result.plan.updated.map((u) => u.id)).toContain(CLERK.edited);
    const back = readLinkedDocx(result.bytes);
    expect(back.controls.find((c) => c.id === CLERK.edited)?.text).toBe(textOf(later, CLERK.edited));
    expect(back.record.figures.find((f) => f.id === CLERK.edited)?.text).toBe(textOf(later, CLERK.edited));
    expect(refreshDocx(laterWorkbook(), result.bytes, { generatedAt: REFRESHED }).plan.conflicts).toEqual([]);
  });
});

describe("refreshing from another workbook", () => {
  test("writes nothing and names both workbooks when the 工作簿ID differs or is missing, unless the clerk confirms", async () => {
    const made = runEngine(sampleWorkbook(), { generatedAt: GENERATED, overrides: { workbookId: "A-1" } });
    const report = await renderDocx(made.report, made.link);
    const refusal = (workbookId: string) => {
      try {
        refreshDocx(sampleWorkbook(), report, { overrides: { workbookId } });
      } catch (e) {
        return e;
      }
      return null;
    };
    for (const id of ["B-2", ""]) {
      const e = refusal(id);
      expect(e).toBeInstanceOf(OtherWorkbookError);
      expect((e as OtherWorkbookError).mismatch).toEqual({
        report: { id: "A-1", name: made.link.workbookName },
        workbook: { id, name: sampleWorkbook().name ?? "" },
      });
      expect((e as OtherWorkbookError).message).toContain("A-1");
      expect((e as OtherWorkbookError).message).toContain("未写入任何内容");
    }
    const confirmed = refreshDocx(sampleWorkbook(), report, { overrides: { workbookId: "B-2" }, allowOtherWorkbook: true });
    expect(
      confirmed.issues
        .filter((i) => i.code === "refresh.other_workbook")
        .map((i) => [i.severity, i.message.includes("A-1") && i.message.includes("B-2")]),
    ).toEqual([["warning", true]]);
    const same = refreshDocx(sampleWorkbook(), report, { overrides: { workbookId: "A-1" } });
    expect(same.issues.some((i) => i.code === "refresh.other_workbook")).toBe(false);
  });
});
