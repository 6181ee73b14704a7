// The document-reader agreement: the file patcher's reader (adapters/docx/content-control.ts, on the
// byte-exact scanner) and the simulated Word's reader (simulated-host/word.ts, on its own general
// XML parser) read every content control of a document to the same text. The double answers as
// Word's ContentControl.text does (\v for a line break, \r between paragraphs, deletions included);
// with tracked changes accepted and Word's spelling brought to the module's text, the two agree.
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { locateControls, textOfWordControl, type UntaggedControl } from "../../src/adapters/docx/content-control";
import { decodeXml } from "../../src/adapters/docx/patch";
import { createSimulatedWord } from "../../src/simulated-host";
import { hasSoffice } from "../helpers/render";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const docXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W} ${MC}><w:body>${body}</w:body></w:document>`;
const sdt = (tag: string, content: string, props = "") =>
  `<w:sdt><w:sdtPr><w:alias w:val="${tag}"/><w:tag w:val="${tag}"/>${props}</w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
const p = (inner: string) => `<w:p>${inner}</w:p>`;
const r = (inner: string) => `<w:r>${inner}</w:r>`;
const t = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`;

function docx(documentXml: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8("<Types/>"),
    "word/document.xml": strToU8(documentXml),
  };
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files);
}

/**
 * Every control's tag and text as the patcher reads document.xml, in document order. Controls in
 * text boxes are left out: a text box is a story of its own, not in Body.contentControls (the
 * patcher finds them, in both of a text box's renditions, so a figure there is refreshed too).
 */
function patcherReads(bytes: Uint8Array): { tag: string | null; text: string }[] {
  const xml = decodeXml(unzipSync(bytes)["word/document.xml"])!.text;
  const untagged: UntaggedControl[] = [];
  const tagged = locateControls(xml, untagged);
  return [
    ...tagged.map((c) => ({ at: c.contentStart, tag: `lr:${c.id}` as string | null, text: c.text, inTextBox: c.inTextBox })),
    ...untagged.map((c) => ({ at: c.contentStart, tag: null, text: c.text, inTextBox: c.inTextBox })),
  ]
    .filter((c) => !c.inTextBox)
    .sort((a, b) => a.at - b.at)
    .map(({ tag, text }) => ({ tag, text }));
}

/**
 * The same as the simulated Word shows them: ContentControl tags and reviewed text in the module's
 * spelling; a control showing its placeholder reads "" (the module's rule: no content yet).
 */
function doubleReads(bytes: Uint8Array): { tag: string | null; text: string }[] {
  return createSimulatedWord(bytes)
    .document.controls()
    .map((c) => ({ tag: c.tag.startsWith("lr:") ? c.tag : null, text: c.showingPlaceholder ? "" : textOfWordControl(c.current) }));
}

/** Hand-made documents with what a clerk or another word processor leaves in a figure. */
const EDGE_CASES: Record<string, string> = {
  "line break, carriage return and tab inside a figure": docXml(
    p(sdt("lr:a", r(t("1") + "<w:br/>" + t("2") + "<w:cr/>" + t("3") + "<w:tab/>" + t("4")))),
  ),
  "a page break typed into a figure": docXml(p(sdt("lr:a", r(t("1") + '<w:br w:type="page"/>' + t("2"))))),
  "escaped entities in text and in the tag": docXml(
    p(sdt("lr:a&amp;b", r(t("&amp;lt;&lt;&#x4E00;&#19968;&quot;")))) + p(sdt("lr:x&amp;lt;y", r(t("1")))),
  ),
  "a symbol": docXml(p(sdt("lr:a", r(t("1") + '<w:sym w:font="Wingdings" w:char="F0FC"/>')))),
  "nested controls": docXml(p(sdt("lr:outer", r(t("共")) + sdt("lr:inner", r(t("12"))) + r(t("个"))))),
  "a control holding paragraphs": docXml(sdt("lr:block", p(r(t("1"))) + p(r(t("2"))) + "<w:p/>" + p(r(t("3"))))),
  "controls in a table cell": docXml(
    `<w:tbl><w:tr><w:tc>${p(sdt("lr:a", r(t("7"))))}</w:tc><w:tc>${sdt("lr:b", p(r(t("8"))))}</w:tc></w:tr></w:tbl>`,
  ),
  "controls around a table row and around a cell": docXml(
    `<w:tbl>${sdt("lr:row", `<w:tr>${sdt("lr:cell", `<w:tc>${p(r(t("5")))}</w:tc>`)}<w:tc>${p(sdt("lr:c", r(t("6"))))}</w:tc></w:tr>`)}</w:tbl>`,
  ),
  "tracked insertions, deletions and moves": docXml(
    p(
      sdt(
        "lr:a",
        `<w:del w:id="1" w:author="x"><w:r><w:delText>11</w:delText></w:r></w:del><w:ins w:id="2" w:author="x">${r(t("十一"))}</w:ins>`,
      ) + sdt("lr:b", `<w:moveFrom w:id="3" w:author="x">${r(t("5"))}</w:moveFrom><w:moveTo w:id="4" w:author="x">${r(t("6"))}</w:moveTo>`),
    ),
  ),
  "a control whose tag another program emptied, and one with no properties at all": docXml(
    p(`<w:sdt><w:sdtPr/><w:sdtContent>${r(t("9"))}</w:sdtContent></w:sdt>`) +
      p(`<w:sdt><w:sdtContent>${r(t("10"))}</w:sdtContent></w:sdt>`),
  ),
  "a control showing Word's placeholder": docXml(
    p(sdt("lr:a", r('<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' + t("单击或点击此处输入文字。")), "<w:showingPlcHdr/>")),
  ),
  "an empty control and one written <w:sdtContent/>": docXml(
    p(sdt("lr:a", "")) + p(`<w:sdt><w:sdtPr><w:tag w:val="lr:b"/></w:sdtPr><w:sdtContent/></w:sdt>`),
  ),
  "text in hyperlinks, smart tags and fields inside a figure": docXml(
    p(
      sdt(
        "lr:a",
        `<w:hyperlink w:anchor="x">${r(t("1"))}</w:hyperlink><w:smartTag w:uri="u" w:element="e">${r(t("2"))}</w:smartTag>` +
          `<w:fldSimple w:instr=" PAGE ">${r(t("3"))}</w:fldSimple>${r('<w:instrText xml:space="preserve"> PAGE </w:instrText>')}`,
      ),
    ),
  ),
  "CDATA and a comment inside a run": docXml(p(sdt("lr:a", r("<w:t><![CDATA[1<2]]></w:t><!-- the clerk's note -->" + t("3"))))),
};

describe("the patcher and the simulated Word read every control alike", () => {
  test.each(Object.keys(EDGE_CASES))("%s", (name) => {
    const bytes = docx(EDGE_CASES[name]);
    const patcher = patcherReads(bytes);
    expect(patcher.length).toBeGreaterThan(0);
    expect(doubleReads(bytes)).toEqual(patcher);
  });

  test("a control in a header is in neither reader's body controls", () => {
    const bytes = docx(docXml(p(r(t("正文")))), {
      "word/header1.xml": `<w:hdr ${W}>${p(sdt("lr:h", r(t("1"))))}</w:hdr>`,
    });
    expect([patcherReads(bytes), doubleReads(bytes)]).toEqual([[], []]);
  });

  test("the generated sample report", () => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, "../../examples/sample-report.docx")));
    const patcher = patcherReads(bytes);
    expect(patcher.length).toBeGreaterThan(20);
    expect(doubleReads(bytes)).toEqual(patcher);
  });

  const soffice = hasSoffice();
  (soffice ? test : test.skip)(
    "the sample report as LibreOffice re-saves it (tags emptied, bookmarks moved)",
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), "lr-agree-"));
      const profile = mkdtempSync(path.join(tmpdir(), "lo-"));
      try {
        const input = path.join(dir, "in", "report.docx");
        execFileSync("mkdir", ["-p", path.dirname(input)]);
        writeFileSync(input, readFileSync(path.join(__dirname, "../../examples/sample-report.docx")));
        execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "docx", "--outdir", dir, input], {
          timeout: 240000,
        });
        const bytes = new Uint8Array(readFileSync(path.join(dir, "report.docx")));
        const patcher = patcherReads(bytes);
        expect(patcher.length).toBeGreaterThan(20);
        expect(doubleReads(bytes)).toEqual(patcher);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(profile, { recursive: true, force: true });
      }
    },
    300000,
  );
  if (!soffice) console.log("document-reader agreement: no soffice, the LibreOffice re-save is skipped");

  const corpus = path.resolve(__dirname, "../../../shared/corpus/poi/docx");
  const withControls = existsSync(corpus)
    ? readdirSync(corpus)
        .filter((f) => /\.docx$/i.test(f))
        .sort()
        .filter((f) => {
          try {
            const xml = unzipSync(new Uint8Array(readFileSync(path.join(corpus, f))))["word/document.xml"];
            return xml !== undefined && Buffer.from(xml).includes("<w:sdt>");
          } catch {
            return false;
          }
        })
    : [];
  if (withControls.length === 0) console.log(`document-reader agreement: no POI corpus with controls at ${corpus}; skipped`);
  (withControls.length ? test.each(withControls) : test.skip.each(["(none)"]))("POI corpus: %s", (name) => {
    const bytes = new Uint8Array(readFileSync(path.join(corpus, name)));
    expect(doubleReads(bytes)).toEqual(patcherReads(bytes));
  });
});
