// A report re-saved by LibreOffice: what survives, and that refresh finds every figure again.
//
// What LibreOffice 7.4 does on `--convert-to docx`: it keeps each w:sdt and its w:sdtContent but writes
// an empty w:sdtPr — tag, alias, id and lock are gone — and it keeps customXml/item1.xml with the link
// record intact, and the bookmarks (moving the start of the one around each control inside it). The
// figures are found again by their `lr_` bookmark (or, in a report made before the bookmarks, by the
// record's order and last written text), refreshed, and their tags restored.
import { execFile } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { promisify } from "util";
import { renderDocx } from "../../../../src/adapters/docx";
import { DocxReadError, readLinkedDocx } from "../../../../src/adapters/docx/patch";
import { refreshDocx } from "../../../../src/adapters/docx/refresh";
import { runEngine } from "../../../../src/core/engine";
import { parseLinkRecord } from "../../../../src/core/link";
import { hasSoffice } from "../../../helpers/render";
import { editControl, laterWorkbook, sampleWorkbook, unzipText, withDocumentXml } from "./clerk";
import { thrown } from "../../../helpers/thrown";

const run = promisify(execFile);

/** Re-saves each file with LibreOffice (one soffice run for all), returning the new files in order. */
async function resaveWithLibreOffice(...docx: string[]): Promise<string[]> {
  // A private profile: instances sharing one block each other.
  const profile = mkdtempSync(path.join(tmpdir(), "lo-"));
  const outDir = mkdtempSync(path.join(tmpdir(), "lr-lo-out-"));
  try {
    await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "docx", "--outdir", outDir, ...docx], {
      timeout: 240000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return docx.map((d) => {
    const out = path.join(outDir, path.basename(d));
    if (!existsSync(out)) throw new Error(`LibreOffice wrote no .docx for ${d}`);
    return out;
  });
}

const NARRATIVE = "三是明确重点工作。";
const NARRATIVE_EDITED = "三是明确重点工作（经办人在 WPS 中补充）。";

/** The clerk's work before the re-save: a narrative edit and a hand-typed figure. */
function clerkWork(report: Uint8Array): Uint8Array {
  const { text } = unzipText(report);
  let xml = text("word/document.xml");
  if (!xml.includes(NARRATIVE)) throw new Error("narrative not found");
  xml = xml.replace(NARRATIVE, NARRATIVE_EDITED);
  xml = editControl(xml, "study.seminar.count", (sdt) => sdt.replace(/<w:t( [^>]*)?>[^<]*<\/w:t>/, '<w:t xml:space="preserve">好几</w:t>'));
  return withDocumentXml(report, xml);
}

const describeIfSoffice = hasSoffice() ? describe : describe.skip;
if (!hasSoffice()) console.log("soffice not found: skipping the LibreOffice re-save tests");

describeIfSoffice("a report re-saved by LibreOffice", () => {
  let report: Uint8Array;
  let resaved: Uint8Array;
  let resavedOld: Uint8Array;
  let figures: number;
  let controls: number;

  beforeAll(async () => {
    const engine = runEngine(sampleWorkbook(), { generatedAt: "2023-01-05T01:30:00.000Z" });
    figures = engine.link.figures.length;
    const dir = mkdtempSync(path.join(tmpdir(), "lr-lo-"));
    report = await renderDocx(engine.report, engine.link);
    controls = readLinkedDocx(report).controls.length;
    const file = path.join(dir, "报告.docx");
    writeFileSync(file, clerkWork(report));
    // A report made before figures had bookmarks: nothing but the record's order and texts to go by.
    const old = path.join(dir, "旧报告.docx");
    writeFileSync(
      old,
      withDocumentXml(
        report,
        unzipText(report)
          .text("word/document.xml")
          .replace(/<w:bookmark(Start|End) [^>]*\/>/g, ""),
      ),
    );
    const [a, b] = await resaveWithLibreOffice(file, old);
    resaved = new Uint8Array(readFileSync(a));
    resavedOld = new Uint8Array(readFileSync(b));
  }, 300000);

  test("keeps the link part, still readable, with every figure", () => {
    const { order, text } = unzipText(resaved);
    const linkPart = order.find((n) => /^customXml\/item\d*\.xml$/.test(n) && text(n).includes("urn:ledger-report:link:1"));
    expect(linkPart).toBeDefined();
    const parsed = parseLinkRecord(text(linkPart!));
    expect(parsed.ok && parsed.record.figures.length).toBe(figures);
  });

  test("keeps the controls, their text and their lr_ bookmarks but drops every tag", () => {
    const xml = unzipText(resaved).text("word/document.xml");
    expect(xml.match(/<w:sdt>/g)?.length).toBe(controls);
    expect(xml).not.toContain("lr:");
    expect(xml).not.toContain("<w:tag ");
    expect(xml.match(/w:name="lr_[^"]*"/g)?.length).toBe(controls);
  });

  test("refreshes it from later ledgers: figures updated, the clerk's words and hand-typed figure kept, every tag restored", () => {
    const found = readLinkedDocx(resaved);
    expect(found.controls).toHaveLength(controls);
    expect(new Set(found.controls.map((c) => c.anchor))).toEqual(new Set(["bookmark"]));
    const result = refreshDocx(laterWorkbook(), resaved, { generatedAt: "2023-02-01T00:00:00.000Z" });
    // As the same refresh of the report Word saved plans it.
    const asWordSaved = refreshDocx(laterWorkbook(), clerkWork(report), { generatedAt: "2023-02-01T00:00:00.000Z" });
    expect(result.plan.updated).toEqual(asWordSaved.plan.updated);
    expect(result.plan.updated.map((u) => u.id)).toEqual(expect.arrayContaining(["eg.count", "eg.amount", "partners.count"]));
    // The clerk's 好几 stands: the ledgers did not move that figure, so it is kept as written, no conflict.
    expect(result.plan.conflicts).toEqual(asWordSaved.plan.conflicts);
    expect(result.plan.kept).toEqual([expect.objectContaining({ id: "study.seminar.count", current: "好几" })]);
    expect(result.plan.removed).toEqual([]);

    const again = readLinkedDocx(result.bytes);
    expect(again.controls.map((c) => c.anchor)).toEqual(Array(controls).fill("tag"));
    const text = Object.fromEntries(again.controls.map((c) => [c.id, c.text]));
    for (const u of result.plan.updated) expect(text[u.id]).toBe(u.new);
    expect(text["study.seminar.count"]).toBe("好几");
    // LibreOffice may split the clerk's sentence into several runs: compare the text.
    expect(
      unzipText(result.bytes)
        .text("word/document.xml")
        .replace(/<[^>]+>/g, ""),
    ).toContain(NARRATIVE_EDITED);
    // The next refresh, with the tags back, finds nothing more to do.
    expect(refreshDocx(laterWorkbook(), result.bytes, { generatedAt: "2023-02-02T00:00:00.000Z" }).plan.writes).toEqual([]);
  });

  test("places the figures of a report made before the bookmarks by the record's order and last written text", () => {
    const found = readLinkedDocx(resavedOld);
    expect(found.controls.map((c) => c.id)).toEqual(readLinkedDocx(report).controls.map((c) => c.id));
    expect(new Set(found.controls.map((c) => c.anchor))).toEqual(new Set(["order"]));
    const result = refreshDocx(laterWorkbook(), resavedOld);
    expect(result.plan.updated.map((u) => u.id)).toEqual(refreshDocx(laterWorkbook(), report).plan.updated.map((u) => u.id));
    expect(readLinkedDocx(result.bytes).controls).toHaveLength(controls);
  });

  test("refreshes a report Word saved exactly as before: found by tag, its bookmarks left where they are", () => {
    const docx = readLinkedDocx(report);
    expect(new Set(docx.controls.map((c) => c.anchor))).toEqual(new Set(["tag"]));
    expect(docx.controls.some((c) => c.restore)).toBe(false);
    const result = refreshDocx(laterWorkbook(), report);
    const before = unzipText(report)
      .text("word/document.xml")
      .match(/<w:bookmark(Start|End) [^>]*\/>/g);
    expect(
      unzipText(result.bytes)
        .text("word/document.xml")
        .match(/<w:bookmark(Start|End) [^>]*\/>/g),
    ).toEqual(before);
  });

  test("is still refused as link_missing when the record is all that is left", () => {
    const stripped = withDocumentXml(
      resavedOld,
      unzipText(resavedOld)
        .text("word/document.xml")
        .replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, ""),
    );
    const e = thrown(DocxReadError, () => readLinkedDocx(stripped));
    expect(e.code).toBe("link_missing");
    expect(e.message).toContain(`找不到任何数字控件（共 ${figures} 个）`);
    expect(e.messageEn).toContain("re-saved");
  });
});
