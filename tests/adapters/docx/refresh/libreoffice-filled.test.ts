// A clerk's own document filled with figures, then re-saved by LibreOffice (7.4), then refreshed for
// next year: what the built-in report already survived must hold for a filled one too — adjacent
// placeholders (`{{单位名称}}{{年度}}`) and figures in the header and footer.
//
// What LibreOffice does to a filled document: it empties every w:sdtPr (tags gone) in the body, the
// header and the footer, keeps the `lr_` bookmarks, and nests two inline controls with no character
// between them one inside the other. So fill separates adjacent controls with a zero-width space, and
// refresh finds header and footer controls by their bookmark as it does the body's.
import { execFile } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { strFromU8, unzipSync } from "fflate";
import { tmpdir } from "os";
import path from "path";
import { promisify } from "util";
import { fillFromEngine } from "../../../../src/adapters/docx/fill";
import { locateControls } from "../../../../src/adapters/docx/patch";
import { refreshDocx } from "../../../../src/adapters/docx/refresh";
import { runEngine } from "../../../../src/core/engine";
import { hasSoffice } from "../../../helpers/render";
import { WORD_MADE_DOCUMENT, WORD_MADE_HEADER, wordMadePackage } from "../word-made";
import { sampleWorkbook } from "./clerk";

const run = promisify(execFile);
const GENERATED = "2023-01-05T00:00:00Z";
const TITLE = `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{{单位名称}}{{年度}}年度工作总结</w:t></w:r></w:p>`;

function filled(): Uint8Array {
  const engine = runEngine(sampleWorkbook(), { generatedAt: GENERATED });
  const doc = WORD_MADE_DOCUMENT.replace(/<w:body>/, `<w:body>${TITLE}`);
  const header = WORD_MADE_HEADER.replace("单位名称}}", "单位简称}}·内部资料");
  return fillFromEngine(wordMadePackage(doc, header), engine, {
    workbookName: "sample-ledgers.xlsx",
    generatedAt: GENERATED,
    templateName: "t.docx",
  }).bytes;
}

describe("adjacent placeholders in a filled document", () => {
  test("become two controls with an invisible zero-width space between them, outside both", () => {
    const xml = strFromU8(unzipSync(filled())["word/document.xml"]);
    expect(xml).toMatch(
      /lr:setting\.org_name.*?<\/w:sdt><w:bookmarkEnd w:id="\d+"\/><w:r><w:t>\u200B<\/w:t><\/w:r><w:bookmarkStart[^>]*\/><w:sdt>.*?lr:setting\.year/s,
    );
    const controls = locateControls(xml);
    expect(
      controls.filter((c) => c.id === "setting.org_name" || c.id === "setting.year").map((c) => c.text.includes("\u200B")),
    ).not.toContain(true);
  });
});

describe("a filled document re-saved by LibreOffice, refreshed for next year", () => {
  let resaved: Uint8Array | null = null;
  beforeAll(async () => {
    if (!hasSoffice()) return console.log("skipped: soffice not installed");
    const dir = mkdtempSync(path.join(tmpdir(), "lr-filled-lo-"));
    const profile = path.join(dir, "profile");
    const source = path.join(dir, "工作总结-2022.docx");
    writeFileSync(source, filled());
    try {
      await run(
        "soffice",
        [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "docx", "--outdir", path.join(dir, "out"), source],
        {
          timeout: 240000,
        },
      );
      const out = path.join(dir, "out", "工作总结-2022.docx");
      if (existsSync(out)) resaved = new Uint8Array(readFileSync(out));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300000);

  test("LibreOffice emptied the controls' properties (the situation this guards)", () => {
    if (!resaved) return;
    const files = unzipSync(resaved);
    expect(strFromU8(files["word/document.xml"])).not.toContain('w:val="lr:setting.year"');
    expect(strFromU8(files["word/header1.xml"])).toContain("lr_setting_org_short");
  });

  test("the title, header and footer figures take the new year and unit, with no conflict and nothing reported deleted", () => {
    if (!resaved) return;
    const { plan, bytes } = refreshDocx(sampleWorkbook(), resaved, { nextYear: true });
    expect(plan.conflicts).toEqual([]);
    expect(plan.kept).toEqual([]);
    expect(plan.removed).toEqual([]);
    expect(plan.updated.map((u) => u.id)).toContain("setting.year");
    const files = unzipSync(bytes);
    const text = (part: string) => strFromU8(files[part]).replace(/<[^>]*>/g, "");
    const body = text("word/document.xml");
    const year = plan.updated.find((u) => u.id === "setting.year")!.new;
    expect(body).toContain(`${year}年度工作总结`);
    expect(text("word/footer1.xml")).toContain(`${year}年度工作总结`);
    expect(locateControls(strFromU8(files["word/header1.xml"])).map((c) => c.id)).toEqual(["setting.org_short"]);
    expect(locateControls(strFromU8(files["word/footer1.xml"])).map((c) => c.id)).toEqual(["setting.year"]);
  });
});
