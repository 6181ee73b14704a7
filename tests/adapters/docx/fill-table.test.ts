// A table figure placed by a placeholder: `{{电子保函按出函机构}}` alone in a paragraph of a clerk's own
// document becomes the figure's block control around its three-line table, and refreshes like one.
import { strFromU8, unzipSync } from "fflate";
import { fillFromEngine } from "../../../src/adapters/docx/fill";
import { locateControls } from "../../../src/adapters/docx/patch";
import { refreshDocx } from "../../../src/adapters/docx/refresh";
import { runEngine } from "../../../src/core/engine";
import { parseLinkRecord } from "../../../src/core/link";
import type { RawWorkbook } from "../../../src/core/types";
import { validateWordXml } from "../../helpers/ooxml";
import { laterWorkbook, sampleWorkbook } from "../refresh/clerk";
import { WORD_MADE_DOCUMENT, wordMadePackage } from "./word-made";

const BY_ISSUER = ["eg.by_issuer", "电子保函按出函机构", "电子保函", "分组计数:出函机构", "", "本期", "整数", ""];

function withTableFigure(wb: RawWorkbook): RawWorkbook {
  wb.tables.find((t) => t.sheet === "指标定义")!.values.push(BY_ISSUER);
  return wb;
}

const PARAGRAPH = `<w:p w:rsidR="00A1"><w:r><w:t>{{电子保函按出函机构}}</w:t></w:r></w:p>`;

function filledDocument() {
  const engine = runEngine(withTableFigure(sampleWorkbook()), { generatedAt: "2023-01-05T00:00:00Z" });
  const doc = WORD_MADE_DOCUMENT.replace(/<w:body>/, `<w:body>${PARAGRAPH}`);
  const filled = fillFromEngine(wordMadePackage(doc), engine, {
    workbookName: "sample-ledgers.xlsx",
    generatedAt: "2023-01-05T00:00:00Z",
    templateName: "t.docx",
  });
  return { engine, filled };
}

describe("a table figure placed by a placeholder", () => {
  test("a placeholder alone in its paragraph becomes the block control around the table, recorded as a table", async () => {
    const { engine, filled } = filledDocument();
    const xml = strFromU8(unzipSync(filled.bytes)["word/document.xml"]);
    expect(xml).not.toContain("{{电子保函按出函机构}}");
    expect(xml).toMatch(/<w:tag w:val="lr:eg\.by_issuer"\/>.*?<w:sdtContent><w:tbl>/s);
    const control = locateControls(xml).find((c) => c.id === "eg.by_issuer")!;
    expect(control.text).toBe(engine.figures.find((f) => f.id === "eg.by_issuer")!.text);
    const files = unzipSync(filled.bytes);
    const part = Object.keys(files).find((n) => /^customXml\/item\d+\.xml$/.test(n) && strFromU8(files[n]).includes("urn:ledger-report"))!;
    const record = parseLinkRecord(strFromU8(files[part]));
    expect(record.ok && record.record.figures.find((f) => f.id === "eg.by_issuer")?.kind).toBe("table");
    const outcome = await validateWordXml(xml);
    if (outcome) expect(outcome.errors).toEqual([]);
  });

  test("refreshes in place like a generated report's table", () => {
    const { filled } = filledDocument();
    const { plan, bytes } = refreshDocx(withTableFigure(laterWorkbook()), filled.bytes);
    expect(plan.conflicts).toEqual([]);
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
    expect(xml).toMatch(/<w:tag w:val="lr:eg\.by_issuer"\/>.*?<w:sdtContent><w:tbl>/s);
    expect(plan.updated.map((u) => u.id)).toContain("eg.by_issuer");
  });
});
