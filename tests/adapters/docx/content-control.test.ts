// The content-control module: one set of decisions (which control is which figure, what text it
// shows, whether it changed since the review, how new text looks and replaces the old) for the file
// patcher and the Word adapter alike.
import {
  contentControlXml,
  contentLook,
  currentTextOfOoxml,
  figureOfTag,
  figureTag,
  locateControls,
  replaceControlContents,
  runPropertiesFor,
  sdtPropertiesXml,
  textOfWordControl,
  unchangedSinceReview,
} from "../../../src/adapters/docx/content-control";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (inner: string) => `<w:document ${W}><w:body>${inner}</w:body></w:document>`;
const sdt = (id: string, content: string) =>
  `<w:sdt><w:sdtPr><w:tag w:val="lr:${id}"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
const p = (inner: string) => `<w:p>${inner}</w:p>`;

describe("which control is which figure", () => {
  test("a tag lr:<id> names the figure and the figure's tag names it back", () => {
    expect(figureOfTag(figureTag("eg.count"))).toBe("eg.count");
    expect(figureOfTag("other")).toBeNull();
  });
});

describe("what text a control shows", () => {
  test("text moved away under Track Changes is not part of a figure's text", () => {
    const xml = doc(
      p(
        sdt(
          "a",
          `<w:moveFrom w:id="1" w:author="x"><w:r><w:t>11</w:t></w:r></w:moveFrom><w:moveTo w:id="2" w:author="x"><w:r><w:t>12</w:t></w:r></w:moveTo>`,
        ),
      ),
    );
    expect(locateControls(xml).map((c) => c.text)).toEqual(["12"]);
  });

  test("a symbol the clerk inserted (w:sym) is part of the text, so it counts as an edit", () => {
    const xml = doc(p(sdt("a", `<w:r><w:t>12</w:t><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>`)));
    expect(locateControls(xml)[0].text).toBe("12\uf0fc");
  });

  test("Word's own spelling of line and paragraph breaks reads as the file reader reads them", () => {
    const file = locateControls(doc(sdt("a", p(`<w:r><w:t>1</w:t><w:br/><w:t>2</w:t></w:r>`) + p(`<w:r><w:t>3</w:t></w:r>`))))[0].text;
    expect(textOfWordControl("1\v2\r3")).toBe(file);
    expect(textOfWordControl("1\r\n2")).toBe("1\n2");
  });

  test("a control's OOXML from Word reads by the file reader's rules: deletions out, breaks and tabs in", () => {
    const ooxml =
      `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData>` +
      doc(
        p(
          `<w:sdt><w:sdtPr><w:tag w:val="lr:a"/></w:sdtPr><w:sdtContent><w:del w:id="1" w:author="x"><w:r><w:delText>11</w:delText></w:r></w:del>` +
            `<w:r><w:t>1</w:t><w:tab/><w:t>2</w:t></w:r></w:sdtContent></w:sdt>`,
        ),
      ) +
      `</pkg:xmlData></pkg:part></pkg:package>`;
    expect(currentTextOfOoxml(ooxml)).toBe("1\t2");
  });

  test("the OOXML of a control that is not ours (its tag emptied) still gives its text", () => {
    const ooxml = doc(p(`<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>7</w:t></w:r></w:sdtContent></w:sdt>`));
    expect(currentTextOfOoxml(ooxml)).toBe("7");
  });
});

describe("whether a control changed since the review", () => {
  test("only a control with the figure's tag and the reviewed text is still as reviewed", () => {
    const reviewed = { id: "a", text: "12" };
    expect(unchangedSinceReview({ tag: "lr:a", text: "12" }, reviewed)).toBe(true);
    expect(unchangedSinceReview({ tag: "lr:a", text: "十二" }, reviewed)).toBe(false);
    expect(unchangedSinceReview({ tag: "lr:b", text: "12" }, reviewed)).toBe(false);
  });

  test("a control read with Word's raw text is compared by that raw text", () => {
    expect(unchangedSinceReview({ tag: "lr:a", text: "1\v2" }, { id: "a", text: "1\n2", rawText: "1\v2" })).toBe(true);
  });
});

describe("how new text looks and replaces the old", () => {
  test("a placeholder is highlighted yellow and a number is not", () => {
    expect(contentLook("［待补：合作单位数］").highlight).toBe("yellow");
    expect(contentLook("12").highlight).toBeNull();
  });

  test("the highlight goes into the run's properties at its schema place, after the size and before the underline", () => {
    const rPr = '<w:rPr><w:b/><w:sz w:val="32"/><w:u w:val="single"/><w:lang w:val="zh-CN"/></w:rPr>';
    expect(runPropertiesFor(rPr, true)).toBe(
      '<w:rPr><w:b/><w:sz w:val="32"/><w:highlight w:val="yellow"/><w:u w:val="single"/><w:lang w:val="zh-CN"/></w:rPr>',
    );
    expect(runPropertiesFor('<w:rPr><w:b/><w:highlight w:val="yellow"/></w:rPr>', false)).toBe("<w:rPr><w:b/></w:rPr>");
    expect(runPropertiesFor("", true)).toBe('<w:rPr><w:highlight w:val="yellow"/></w:rPr>');
  });

  test("replacing a control's content keeps its first text run's formatting and every byte outside the control", () => {
    const before = `<w:r><w:t xml:space="preserve">共 </w:t></w:r>`;
    const after = `<w:r><w:t>个</w:t></w:r>`;
    const xml = doc(p(before + sdt("a", `<w:r><w:rPr><w:b/></w:rPr><w:t>11</w:t></w:r><w:r><w:t>1</w:t></w:r>`) + after));
    const controls = locateControls(xml);
    const out = replaceControlContents(xml, controls, [{ index: 0, text: "12" }]);
    expect(out).toBe(doc(p(before + sdt("a", `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">12</w:t></w:r>`) + after)));
    expect(locateControls(out)[0].text).toBe("12");
  });

  test("with no writes the document comes back unchanged", () => {
    const xml = doc(p(sdt("a", `<w:r><w:t>1</w:t></w:r>`)));
    expect(replaceControlContents(xml, locateControls(xml), [])).toBe(xml);
  });
});

describe("building a control", () => {
  test("its properties come out in schema order (rPr, alias, tag, id, lock) whatever is given", () => {
    expect(sdtPropertiesXml({ alias: "合作\t单位", tag: "lr:a&b", id: 7, runProperties: "<w:rPr><w:b/></w:rPr>" })).toBe(
      '<w:sdtPr><w:rPr><w:b/></w:rPr><w:alias w:val="合作 单位"/><w:tag w:val="lr:a&amp;b"/><w:id w:val="7"/><w:lock w:val="sdtLocked"/></w:sdtPr>',
    );
  });

  test("a built control is found again with its figure, text and the run formatting it was given", () => {
    const control = contentControlXml({
      alias: "合作单位数",
      tag: figureTag("partners"),
      id: 3,
      text: "12",
      textRunProperties: "<w:rPr><w:b/></w:rPr>",
    });
    const [found] = locateControls(doc(p(control)));
    expect([found.id, found.text, found.runProperties]).toEqual(["partners", "12", "<w:rPr><w:b/></w:rPr>"]);
  });

  test("a built control showing a placeholder is highlighted", () => {
    const control = contentControlXml({ alias: "x", tag: figureTag("x"), id: 1, text: "［待补：x］" });
    expect(locateControls(doc(p(control)))[0].runProperties).toBe('<w:rPr><w:highlight w:val="yellow"/></w:rPr>');
  });
});
