// A report re-saved by LibreOffice: what survives, and that refresh names the loss instead of
// reporting every figure as deleted.
//
// What LibreOffice 7.4 does on `--convert-to docx`: it keeps each w:sdt and its w:sdtContent but writes
// an empty w:sdtPr — tag, alias, id and lock are gone — and it keeps customXml/item1.xml with the link
// record intact. The figures can no longer be found, so refresh refuses with `link_missing`.
import { execFile } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { promisify } from "util";
import { renderDocx } from "../../../src/adapters/docx";
import { DocxReadError, readLinkedDocx } from "../../../src/adapters/docx/patch";
import { refreshDocx } from "../../../src/adapters/docx/refresh";
import { runEngine } from "../../../src/core/engine";
import { parseLinkRecord } from "../../../src/core/link";
import { hasSoffice } from "../../helpers/render";
import { laterWorkbook, sampleWorkbook, unzipText } from "./clerk";

const run = promisify(execFile);

async function resaveWithLibreOffice(docx: string): Promise<string> {
  // A private profile: instances sharing one block each other.
  const profile = mkdtempSync(path.join(tmpdir(), "lo-"));
  const outDir = mkdtempSync(path.join(tmpdir(), "lr-lo-out-"));
  try {
    await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "docx", "--outdir", outDir, docx], {
      timeout: 180000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const out = path.join(outDir, path.basename(docx));
  if (!existsSync(out)) throw new Error(`LibreOffice wrote no .docx for ${docx}`);
  return out;
}

function caught(f: () => unknown): DocxReadError {
  try {
    f();
  } catch (e) {
    if (e instanceof DocxReadError) return e;
    throw e;
  }
  throw new Error("expected a DocxReadError");
}

const describeIfSoffice = hasSoffice() ? describe : describe.skip;
if (!hasSoffice()) console.log("soffice not found: skipping the LibreOffice re-save tests");

describeIfSoffice("a report re-saved by LibreOffice", () => {
  let resaved: Uint8Array;
  let figures: number;
  let controls: number;

  beforeAll(async () => {
    const engine = runEngine(sampleWorkbook(), { generatedAt: "2023-01-05T01:30:00.000Z" });
    figures = engine.link.figures.length;
    const dir = mkdtempSync(path.join(tmpdir(), "lr-lo-"));
    const file = path.join(dir, "报告.docx");
    const report = await renderDocx(engine.report, engine.link);
    controls = readLinkedDocx(report).controls.length;
    writeFileSync(file, report);
    resaved = new Uint8Array(readFileSync(await resaveWithLibreOffice(file)));
  });

  test("keeps the link part, still readable, with every figure", () => {
    const { order, text } = unzipText(resaved);
    const linkPart = order.find((n) => /^customXml\/item\d*\.xml$/.test(n) && text(n).includes("urn:ledger-report:link:1"));
    expect(linkPart).toBeDefined();
    const parsed = parseLinkRecord(text(linkPart!));
    expect(parsed.ok && parsed.record.figures.length).toBe(figures);
  });

  test("keeps the controls and their text but drops every tag", () => {
    const xml = unzipText(resaved).text("word/document.xml");
    expect(xml.match(/<w:sdt>/g)?.length).toBe(controls);
    expect(xml).not.toContain("lr:");
    expect(xml).not.toContain("<w:tag ");
  });

  test("is refused as link_missing, naming the lost controls, rather than refreshed as if every figure were deleted", () => {
    const e = caught(() => readLinkedDocx(resaved));
    expect(e.code).toBe("link_missing");
    expect(e.message).toContain(`找不到任何数字控件（共 ${figures} 个）`);
    expect(e.messageEn).toContain("re-saved");
    expect(caught(() => refreshDocx(laterWorkbook(), resaved)).code).toBe("link_missing");
  });
});
