// A clerk's own one-page document, built the way Word writes one: typed text split across runs by
// rsids and spell-check marks (w:proofErr), a placeholder made half bold, a bookmark between runs, a
// placeholder in a table cell, in the header and in the footer, and one placeholder naming nothing.
import { strToU8, zipSync } from "fflate";

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const run = (text: string, rsid = "00A12B3C", rPr = "") => `<w:r w:rsidR="${rsid}">${rPr}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>";
const SONG = '<w:rPr><w:rFonts w:ascii="仿宋" w:eastAsia="仿宋" w:hAnsi="仿宋"/><w:sz w:val="32"/></w:rPr>';

/** document.xml: each paragraph as Word leaves it after typing, spell-checking and a little formatting. */
export const WORD_MADE_DOCUMENT =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${NS}><w:body>` +
  // The year and the unit typed in one go: one run, two placeholders.
  `<w:p w:rsidR="00A12B3C" w:rsidRDefault="00A12B3C"><w:pPr><w:jc w:val="center"/></w:pPr>` +
  run("{{年度}}年度{{单位名称}}工作总结", "00A12B3C", SONG) +
  `</w:p>` +
  // Typed, corrected, the name made bold half way, a bookmark the clerk set in the middle.
  `<w:p w:rsidR="00A12B3C" w:rsidRDefault="00C45D6E">` +
  run("全年共开立电子保函", "00C45D6E", SONG) +
  `<w:proofErr w:type="spellStart"/>` +
  run("{{", "00D56E7F", SONG) +
  run("电子保函", "00D56E7F", BOLD) +
  `<w:bookmarkStart w:id="3" w:name="mine"/>` +
  run("笔数}}", "00E67F80", BOLD) +
  `<w:bookmarkEnd w:id="3"/>` +
  `<w:proofErr w:type="spellEnd"/>` +
  run("笔，", "00C45D6E", SONG) +
  run("{{不存在的指标}}", "00C45D6E") +
  run("为企业减少资金占用。", "00C45D6E") +
  `</w:p>` +
  // A small table: the figure by id in a cell.
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>` +
  `<w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p>${run("电子保函（笔）")}</w:p></w:tc>` +
  `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:proofErr w:type="gramStart"/>${run("{{eg.")}${run("count}}", "00F78091")}<w:proofErr w:type="gramEnd"/></w:p></w:tc></w:tr>` +
  `</w:tbl>` +
  `<w:p>${run("（完）")}</w:p>` +
  `<w:sectPr><w:headerReference w:type="default" r:id="rId8"/><w:footerReference w:type="default" r:id="rId9"/>` +
  `<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>` +
  `</w:body></w:document>`;

export const WORD_MADE_HEADER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:hdr ${NS}><w:p><w:pPr><w:jc w:val="right"/></w:pPr>${run("{{")}${run("单位名称}}")}</w:p></w:hdr>`;
export const WORD_MADE_FOOTER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:ftr ${NS}><w:p>${run("{{年度}}年度工作总结")}</w:p></w:ftr>`;

const CONTENT_TYPES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
  `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
  `</Types>`;
const PACKAGE_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOCUMENT_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
  `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;

export function wordMadePackage(documentXml = WORD_MADE_DOCUMENT, headerXml = WORD_MADE_HEADER): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(PACKAGE_RELS),
    "word/document.xml": strToU8(documentXml),
    "word/_rels/document.xml.rels": strToU8(DOCUMENT_RELS),
    "word/header1.xml": strToU8(headerXml),
    "word/footer1.xml": strToU8(WORD_MADE_FOOTER),
  });
}
