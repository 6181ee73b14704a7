// The patcher on small hand-written packages: the shapes Word and clerks produce that the
// generated report never contains (placeholders, tracked changes, breaks, other encodings).
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { DocxReadError, decodeXml, encodeXml, locateControls, patchDocx, readLinkedDocx } from "../../../../src/adapters/docx/patch";
import { linkRecordToXml } from "../../../../src/core/link";
import { planRefresh } from "../../../../src/core/refresh/plan";
import type { LinkRecord, LinkedFigure } from "../../../../src/core/types";
import { linkRecordOf } from "../../../helpers/link-record";
import { thrown } from "../../../helpers/thrown";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function fig(id: string, text: string): LinkedFigure {
  return { id, name: id, value: Number(text) || null, text, fingerprint: "", ledger: null, conditions: "", rows: 0 };
}
function record(...figures: LinkedFigure[]): LinkRecord {
  return linkRecordOf(figures, { generatedAt: "t" });
}
const sdt = (id: string, content: string, props = "") =>
  `<w:sdt><w:sdtPr><w:tag w:val="lr:${id}"/>${props}</w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
const body = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${inner}</w:body></w:document>`;
const para = (inner: string) => `<w:p>${inner}</w:p>`;
const run = (text: string, rPr = "") => `<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r>`;

function pkg(documentXml: string | Uint8Array, link: LinkRecord | null = record(fig("a", "1"))): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8("<Types/>"),
    "word/document.xml": typeof documentXml === "string" ? strToU8(documentXml) : documentXml,
  };
  if (link) files["customXml/item1.xml"] = strToU8(linkRecordToXml(link));
  return zipSync(files);
}

function refreshed(
  bytes: Uint8Array,
  fresh: LinkRecord,
  overwriteConflicts = false,
): { xml: string; plan: ReturnType<typeof planRefresh> } {
  const docx = readLinkedDocx(bytes);
  const plan = planRefresh(docx.record, docx.controls, fresh, { overwriteConflicts });
  return { xml: strFromU8(unzipSync(patchDocx(docx, plan))["word/document.xml"]), plan };
}

/** The error reading this package as a linked report throws (the test fails if the read succeeds). */
const readError = (bytes: Uint8Array) => thrown(DocxReadError, () => readLinkedDocx(bytes));

describe("locating figure controls", () => {
  test("reads tabs and line breaks as part of a figure's text, so a clerk's line break counts as an edit", () => {
    const xml = body(para(sdt("a", `<w:r><w:t>1</w:t><w:br/><w:t>2</w:t><w:tab/><w:t>3</w:t></w:r>`)));
    expect(locateControls(xml).map((c) => c.text)).toEqual(["1\n2\t3"]);
  });

  test("ignores text deleted under tracked changes and counts text inserted under them", () => {
    const xml = body(
      para(
        sdt(
          "a",
          `<w:del w:id="1" w:author="x"><w:r><w:delText>11</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t>十一</w:t></w:r></w:ins>`,
        ),
      ),
    );
    expect(locateControls(xml).map((c) => c.text)).toEqual(["十一"]);
  });

  test("reads a control showing Word's placeholder as empty", () => {
    const xml = body(
      para(sdt("a", run("单击或点击此处输入文字。", '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'), "<w:showingPlcHdr/>")),
    );
    expect(locateControls(xml).map((c) => c.text)).toEqual([""]);
  });

  test("takes the formatting of the first run that shows text, skipping an empty run before it", () => {
    const xml = body(
      para(
        sdt("a", `<w:r><w:rPr><w:i/></w:rPr></w:r>${run("1", "<w:rPr><w:b/></w:rPr>")}${run("2", '<w:rPr><w:u w:val="single"/></w:rPr>')}`),
      ),
    );
    expect(locateControls(xml)[0].runProperties).toBe("<w:rPr><w:b/></w:rPr>");
  });

  test("takes no formatting when the first text run has none, even if a later run has some", () => {
    const xml = body(para(sdt("a", `${run("1")}${run("2", "<w:rPr><w:b/></w:rPr>")}`)));
    expect(locateControls(xml)[0].runProperties).toBe("");
  });

  test("keeps a run's whole w:rPr when it records a tracked formatting change", () => {
    const rPr = `<w:rPr><w:b/><w:rPrChange w:id="3" w:author="x"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr>`;
    expect(locateControls(body(para(sdt("a", run("1", rPr)))))[0].runProperties).toBe(rPr);
  });

  test("separates the paragraphs of a block-level control with a line break", () => {
    const xml = body(sdt("a", `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run("1")}</w:p><w:p>${run("2")}</w:p>`));
    const [c] = locateControls(xml);
    expect([c.text, c.paragraphProperties]).toEqual(["1\n2", '<w:pPr><w:jc w:val="center"/></w:pPr>']);
  });

  test("finds nothing in a document without ledger-report tags", () => {
    expect(
      locateControls(body(para(`<w:sdt><w:sdtPr><w:tag w:val="other"/></w:sdtPr><w:sdtContent>${run("1")}</w:sdtContent></w:sdt>`))),
    ).toEqual([]);
  });
});

describe("patching a report", () => {
  test("writes a value into a control that shows Word's placeholder and drops the placeholder flag", () => {
    const xml = body(
      para(sdt("a", run("单击此处", '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'), `<w:showingPlcHdr/><w:rPr><w:b/></w:rPr>`)),
    );
    const out = refreshed(pkg(xml), record(fig("a", "2")), true);
    expect(out.plan.conflicts.map((c) => [c.current, c.resolution])).toEqual([["", "take"]]);
    expect(out.xml).toBe(
      body(
        para(
          `<w:sdt><w:sdtPr><w:tag w:val="lr:a"/><w:rPr><w:b/></w:rPr></w:sdtPr><w:sdtContent>${run("2", "<w:rPr><w:b/></w:rPr>")}</w:sdtContent></w:sdt>`,
        ),
      ),
    );
  });

  test("fills a control written as <w:sdtContent/>", () => {
    const xml = body(para(`<w:sdt><w:sdtPr><w:tag w:val="lr:a"/></w:sdtPr><w:sdtContent/></w:sdt>`));
    const out = refreshed(pkg(xml, record(fig("a", ""))), record(fig("a", "7")));
    expect(out.xml).toBe(body(para(`<w:sdt><w:sdtPr><w:tag w:val="lr:a"/></w:sdtPr><w:sdtContent>${run("7")}</w:sdtContent></w:sdt>`)));
  });

  test("wraps the new text of a block-level control in a paragraph with the first paragraph's properties", () => {
    const xml = body(sdt("a", `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run("1")}</w:p>`));
    expect(refreshed(pkg(xml), record(fig("a", "2"))).xml).toBe(
      body(sdt("a", `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run("2")}</w:p>`)),
    );
  });

  test("escapes markup and drops characters XML cannot hold in the new text", () => {
    const xml = body(para(sdt("a", run("1"))));
    expect(refreshed(pkg(xml), record(fig("a", "<3&\u0001>"))).xml).toBe(body(para(sdt("a", run("&lt;3&amp;&gt;")))));
  });

  test("rewrites an outer control whole when a copy of a figure sits inside it, leaving well-formed XML", () => {
    const xml = body(para(sdt("a", `${run("1")}${sdt("b", run("5"))}`)));
    const out = refreshed(pkg(xml, record(fig("a", "15"), fig("b", "5"))), record(fig("a", "16"), fig("b", "6")));
    expect(out.xml).toBe(body(para(sdt("a", run("16")))));
  });

  test("patches several controls in one paragraph without disturbing the text between them", () => {
    const xml = body(para(`${run("共")}${sdt("a", run("1"))}${run("笔，")}${sdt("b", run("2"))}${run("家")}`));
    const out = refreshed(pkg(xml, record(fig("a", "1"), fig("b", "2"))), record(fig("a", "10"), fig("b", "20")));
    expect(out.xml).toBe(body(para(`${run("共")}${sdt("a", run("10"))}${run("笔，")}${sdt("b", run("20"))}${run("家")}`)));
  });

  test("keeps a UTF-8 byte-order mark on document.xml", () => {
    const xml = body(para(sdt("a", run("1"))));
    const bytes = encodeXml(xml, "utf-8-bom");
    const docx = readLinkedDocx(pkg(bytes));
    const out = unzipSync(patchDocx(docx, planRefresh(docx.record, docx.controls, record(fig("a", "2")))))["word/document.xml"];
    expect(Array.from(out.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeXml(out)?.text).toBe(body(para(sdt("a", run("2")))));
  });

  test("reads and writes back a UTF-16 document.xml in UTF-16", () => {
    const xml = body(para(sdt("a", run("1")))).replace("UTF-8", "UTF-16");
    const docx = readLinkedDocx(pkg(encodeXml(xml, "utf-16le")));
    expect(docx.controls.map((c) => c.text)).toEqual(["1"]);
    const out = unzipSync(patchDocx(docx, planRefresh(docx.record, docx.controls, record(fig("a", "2")))))["word/document.xml"];
    expect(decodeXml(out)).toEqual({ text: xml.replace(run("1"), run("2")), encoding: "utf-16le" });
  });

  test("leaves document.xml byte for byte alone when nothing is written", () => {
    const bytes = encodeXml(body(para(sdt("a", run("1")))), "utf-8-bom");
    const docx = readLinkedDocx(pkg(bytes));
    const out = unzipSync(patchDocx(docx, planRefresh(docx.record, docx.controls, record(fig("a", "1")))))["word/document.xml"];
    expect(out).toEqual(bytes);
  });
});

describe("refusing what cannot be refreshed", () => {
  test("a document without link part or controls is not a linked report", () => {
    expect(readError(pkg(body(para(run("会议纪要"))), null)).code).toBe("not_linked");
  });

  test("controls without their link part are named as a lost link", () => {
    const e = readError(pkg(body(para(sdt("a", run("1")))), null));
    expect([e.code, e.message]).toEqual(["link_missing", expect.stringContaining("1 个数字控件")]);
  });

  test("a link part whose controls have all lost their tags, and cannot be placed again, is named as a lost link", () => {
    const e = readError(
      pkg(body(para(`<w:sdt><w:sdtPr></w:sdtPr><w:sdtContent>${run("甲")}</w:sdtContent></w:sdt>`)), record(fig("a", "1"), fig("b", "2"))),
    );
    expect([e.code, e.messageEn]).toEqual(["link_missing", expect.stringContaining("no figure controls left")]);
  });

  test("a link part in a newer format is refused", () => {
    const files = unzipSync(pkg(body(para(sdt("a", run("1"))))));
    files["customXml/item1.xml"] = strToU8(strFromU8(files["customXml/item1.xml"]).replace("link:1", "link:2"));
    expect(readError(zipSync(files)).code).toBe("newer_version");
  });

  test("a foreign custom XML part mentioning our namespace does not hide the real link part after it", () => {
    const files = unzipSync(pkg(body(para(sdt("a", run("1"))))));
    const ours = files["customXml/item1.xml"];
    files["customXml/item1.xml"] = strToU8(`<notes>see urn:ledger-report:link:1</notes>`);
    files["customXml/item2.xml"] = ours;
    expect(readLinkedDocx(zipSync(files)).linkPartName).toBe("customXml/item2.xml");
  });

  test("invalid UTF-8 in document.xml is reported as damage, not silently replaced", () => {
    const bytes = strToU8(body(para(sdt("a", run("1")))));
    const bad = new Uint8Array([...bytes.slice(0, 60), 0xff, 0xfe, 0xfd, ...bytes.slice(60)]);
    expect(readError(pkg(bad)).code).toBe("corrupt");
  });

  test("a document.xml cut off mid-element is reported as damage", () => {
    const xml = body(para(sdt("a", run("1"))));
    expect(readError(pkg(xml.slice(0, xml.indexOf("</w:body>")))).code).toBe("corrupt");
  });

  test("a password-protected file is named as such", () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const e = readError(ole);
    expect([e.code, e.message]).toEqual(["not_docx", expect.stringContaining("打开密码")]);
  });
});

describe("a large report", () => {
  test("reads, plans and patches 5 000 figure controls within 8 s, even on a busy machine", () => {
    const n = 5000;
    const ids = Array.from({ length: n }, (_, i) => `f${i}`);
    const xml = body(ids.map((id) => para(`${run("共")}${sdt(id, run("1"))}${run("笔")}`)).join(""));
    const started = Date.now();
    const out = refreshed(pkg(xml, record(...ids.map((id) => fig(id, "1")))), record(...ids.map((id) => fig(id, "2"))));
    expect(Date.now() - started).toBeLessThan(8000);
    expect(out.plan.updated).toHaveLength(n);
    expect(out.xml).toBe(body(ids.map((id) => para(`${run("共")}${sdt(id, run("2"))}${run("笔")}`)).join("")));
  });
});

describe("a report re-saved by another word processor (controls' tags emptied)", () => {
  const untagged = (content: string) => `<w:sdt><w:sdtPr></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
  const mark = (id: number, name: string) => `<w:bookmarkStart w:id="${id}" w:name="${name}"/>`;
  const end = (id: number) => `<w:bookmarkEnd w:id="${id}"/>`;

  test("finds each figure again by its bookmark lr_<id>, inside the control as LibreOffice moves it or just before it", () => {
    const xml = body(
      para(untagged(mark(0, "lr_eg_count") + run("2")) + end(0) + run("笔，") + mark(1, "lr_eg_amount") + untagged(run("1.50")) + end(1)),
    );
    const docx = readLinkedDocx(pkg(xml, record(fig("eg.count", "2"), fig("eg.amount", "1.50"))));
    expect(docx.controls.map((c) => [c.id, c.text, c.anchor])).toEqual([
      ["eg.count", "2", "bookmark"],
      ["eg.amount", "1.50", "bookmark"],
    ]);
  });

  test("restores tag, title and lock on every control found again, written or not, keeping the bookmark", () => {
    const xml = body(para(untagged(mark(0, "lr_a") + run("1")) + end(0) + run("和") + untagged(mark(1, "lr_b") + run("2")) + end(1)));
    const docx = readLinkedDocx(pkg(xml, record(fig("a", "1"), fig("b", "2"))));
    const plan = planRefresh(docx.record, docx.controls, record(fig("a", "5"), fig("b", "2")));
    const out = readLinkedDocx(patchDocx(docx, plan));
    expect(out.controls.map((c) => [c.id, c.text, c.anchor])).toEqual([
      ["a", "5", "tag"],
      ["b", "2", "tag"],
    ]);
    const written = strFromU8(unzipSync(patchDocx(docx, plan))["word/document.xml"]);
    expect(written).toContain('<w:sdtPr><w:alias w:val="a"/><w:tag w:val="lr:a"/>');
    expect(written).toContain('<w:lock w:val="sdtLocked"/>');
    expect(written.match(/w:name="lr_a"/g)).toHaveLength(1);
    expect(written).toContain("和");
  });

  test("without bookmarks, places controls by the record's order and their last written text; one hand-edited between two placed ones by order", () => {
    const xml = body(
      para(untagged(run("1")) + run("，") + untagged(run("约3")) + run("，") + untagged(run("7")) + run("，") + untagged(run("1"))),
    );
    const docx = readLinkedDocx(pkg(xml, record(fig("a", "1"), fig("b", "2"), fig("c", "7"))));
    expect(docx.controls.map((c) => [c.id, c.text, c.anchor])).toEqual([
      ["a", "1", "order"],
      ["b", "约3", "order"],
      ["c", "7", "order"],
      ["a", "1", "order"],
    ]);
    // The hand edit is the clerk's: a conflict, kept.
    const plan = planRefresh(docx.record, docx.controls, record(fig("a", "1"), fig("b", "4"), fig("c", "8")));
    expect(plan.conflicts.map((c) => [c.id, c.current])).toEqual([["b", "约3"]]);
  });

  test("leaves a control it cannot place unidentified rather than guessing between figures with the same text", () => {
    const xml = body(
      para(untagged(run("1")) + run("，") + untagged(run("2")) + run("，") + untagged(run("2")) + run("，") + untagged(run("2"))),
    );
    const docx = readLinkedDocx(pkg(xml, record(fig("a", "1"), fig("b", "2"), fig("c", "2"))));
    // a, b, c by order; the last "2" could be b or c again: not placed.
    expect(docx.controls.map((c) => c.id)).toEqual(["a", "b", "c"]);
  });
});
