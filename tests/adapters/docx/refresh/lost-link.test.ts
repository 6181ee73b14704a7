// A report whose link record and controls are gone but whose `lr_` bookmarks survive — what a round
// trip through .odt (LibreOffice's own format) and back to .docx leaves. Refresh cannot tell a hand
// edit from an old value without the record, so it refuses; but it must say what happened and what to
// do, not that the document was never a report.
import { strToU8, unzipSync, zipSync } from "fflate";
import { renderDocx } from "../../../../src/adapters/docx";
import { DocxReadError, readLinkedDocx } from "../../../../src/adapters/docx/patch";
import { runEngine } from "../../../../src/core/engine";
import { thrown } from "../../../helpers/thrown";
import { sampleWorkbook, unzipText } from "./clerk";

/** The report as an .odt round trip leaves it: no custom XML link part, no w:sdt, the bookmarks kept. */
function throughOdt(report: Uint8Array): Uint8Array {
  const files = unzipSync(report);
  for (const name of Object.keys(files)) if (name.startsWith("customXml/")) delete files[name];
  const xml = unzipText(report)
    .text("word/document.xml")
    .replace(/<w:sdt>[\s\S]*?<w:sdtContent>/g, "")
    .replace(/<\/w:sdtContent>(<w:sdtEndPr\/>)?<\/w:sdt>/g, "");
  files["word/document.xml"] = strToU8(xml);
  files["word/_rels/document.xml.rels"] = strToU8(
    unzipText(report)
      .text("word/_rels/document.xml.rels")
      .replace(/<Relationship [^>]*customXml[^>]*\/>/g, ""),
  );
  return zipSync(files);
}

describe("a report whose link record and controls were lost on the way through another format", () => {
  let lost: Uint8Array;
  beforeAll(async () => {
    const engine = runEngine(sampleWorkbook(), { generatedAt: "2023-01-05T01:30:00.000Z" });
    lost = throughOdt(await renderDocx(engine.report, engine.link));
  });

  it("keeps its figure bookmarks and nothing else of the link (the case under test)", () => {
    const xml = unzipText(lost).text("word/document.xml");
    expect(xml).not.toContain("<w:sdt>");
    expect(xml).toMatch(/w:name="lr_eg_count"/);
  });

  it("is refused as a report whose link was lost, naming the figures found and what to do — not as never a report", () => {
    const error = thrown(DocxReadError, () => readLinkedDocx(lost));
    expect(error).toMatchObject({ code: "link_missing" });
    const { message, messageEn } = error;
    expect(message).toMatch(/\d+ 个指标书签/);
    expect(message).toContain("另存");
    expect(message).toContain("重新生成");
    expect(messageEn).toMatch(/\d+ figure bookmarks/);
  });
});
