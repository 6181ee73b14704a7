// The inside of a table figure's block-level control, as WordprocessingML text: one writer for the
// generated report (body.ts), the file patcher (patch.ts) and Word's insertOoxml (word/apply.ts), so
// all three put the same table in the same place.
//
// The table is the three-line table (三线表) of official documents: a thick rule above and below
// the table, a thin one under the header row, no vertical rules; 仿宋 on the table text style
// (LRTableText: 4号, centred, no first-line indent), the header row bold and repeated on each page.
//
// The header's bold is in its paragraph style (LRTableHeader, based on LRTableText) as well as on its
// runs. LibreOffice (7.4) reads the block-level control around the table as an inline control in the
// first cell and shows that control's text without the run's own bold, so 出函机构 came out regular
// on screen and after a LibreOffice re-save; the paragraph style is kept there, and the run's bold
// stays for the other cells, where LibreOffice lets a table's defaults override a style's bold.
import type { FigureTable } from "../../core/types";
import { ROUNDING_NOTE, ROUNDING_NOTE_EN, tableCells } from "../../core/figures/grouped";
import { escapeXmlText, escapeXmlAttribute } from "../../core/link";
import { STYLE } from "./style-names";
import type { LocatedControl } from "./content-control";
import type { Unzipped } from "fflate";
import { decodeXml, DOCUMENT_RELS, DocxPackage, encodeXml } from "./opc";
import { unescapeXml } from "./xml-scan";

/** Width of the text block in twips (A4 less the GB/T 9704 margins; body.ts TEXT_WIDTH). */
const WIDTH = 8845;
/** 分组 gets half the width, the number and 占比 a quarter each. */
const COLUMNS = [4423, 2211, 2211];
/** 1½ pt for the top and bottom rules, ¾ pt under the header (eighths of a point). */
const THICK = 12;
const THIN = 6;

/**
 * The table text is 4号 (14 pt = 280 twips an em). A full-width character (CJK, full-width forms) is an
 * em, bold or not; a digit or other half-width character 0.62 em and “%” 0.9 em, 5% more in bold —
 * a little over what LibreOffice's Noto substitute measured (3219.20 at 0.59 em a character, % at
 * 0.82 em) and over 仿宋's half-width digits — so a column sized by this holds its text on one line.
 */
const EM = 280;
/** A cell's default left and right margins (108 twips each), plus a little room. */
const CELL_ROOM = 216 + 20;
/** The 分组 column keeps at least two characters a line while the cell allows. */
const MIN_GROUP = 2 * EM + CELL_ROOM;

function textWidth(text: string, bold: boolean): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    w += code >= 0x2e80 ? EM : (ch === "%" ? 0.9 : 0.62) * EM * (bold ? 1.05 : 1);
  }
  return Math.ceil(w);
}

/**
 * The columns' widths within `inner` twips: the number and 占比 columns first, each as wide as its
 * longest text (the header's included) so a number never breaks across lines; 分组 takes the rest
 * and may wrap. In the text block the usual half and quarters stay while the numbers fit them. A
 * cell too narrow even for the numbers and two characters of 分组 shares its width in proportion
 * (the numbers' cells do not wrap, w:noWrap, and may be clipped — never a broken number).
 */
export function figureColumnWidths(rows: string[][], inner: number): number[] {
  const need = [1, 2].map((k) => Math.max(...rows.map((r, i) => textWidth(r[k] ?? "", i === 0))) + CELL_ROOM);
  if (inner === WIDTH && need[0] <= COLUMNS[1] && need[1] <= COLUMNS[2]) return COLUMNS;
  const rest = inner - need[0] - need[1];
  if (rest >= MIN_GROUP) return [rest, need[0], need[1]];
  const whole = MIN_GROUP + need[0] + need[1];
  const numbers = need.map((n) => Math.floor((n * inner) / whole));
  return [inner - numbers[0] - numbers[1], ...numbers];
}

function cellXml(text: string, width: number, header: boolean, noWrap: boolean): string {
  const borders = header ? `<w:tcBorders><w:bottom w:val="single" w:sz="${THIN}" w:space="0" w:color="000000"/></w:tcBorders>` : "";
  const run =
    text === "" ? "" : `<w:r>${header ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${escapeXmlText(text)}</w:t></w:r>`;
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${borders}${noWrap ? "<w:noWrap/>" : ""}<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="${escapeXmlAttribute(header ? STYLE.tableHeader : STYLE.table)}"/></w:pPr>${run}</w:p></w:tc>`
  );
}

/** A three-line `w:tbl` of the table's cells, `width` twips wide (the text block's unless nested in a narrower cell). */
export function figureTableXml(table: FigureTable, width: number = WIDTH): string {
  const rows = tableCells(table);
  // A nested table fits its cell (less the cell's default margins of 108 twips a side).
  const inner = width < WIDTH ? Math.max(width - 216, 1440) : WIDTH;
  const columns = figureColumnWidths(rows, inner);
  const tblPr =
    `<w:tblPr><w:tblW w:w="${inner}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders><w:top w:val="single" w:sz="${THICK}" w:space="0" w:color="000000"/><w:left w:val="nil"/>` +
    `<w:bottom w:val="single" w:sz="${THICK}" w:space="0" w:color="000000"/><w:right w:val="nil"/>` +
    `<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`;
  const grid = `<w:tblGrid>${columns.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  const body = rows
    .map((cells, r) => {
      const trPr = r === 0 ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>";
      return `<w:tr>${trPr}${cells.map((c, k) => cellXml(c, columns[k] ?? columns[columns.length - 1], r === 0, k > 0)).join("")}</w:tr>`;
    })
    .join("");
  return `<w:tbl>${tblPr}${grid}${body}</w:tbl>` + (table.note ? figureNoteXml(table.note) : "");
}

/**
 * The rounding note under a table whose shown parts do not add up (grouped.ts ROUNDING_NOTE): a
 * paragraph inside the figure's control, after the table, so a refresh writes or drops it with the
 * numbers and a reader of the control's text sees it as its last line. Left-aligned table text.
 */
export function figureNoteXml(note: string): string {
  return (
    `<w:p><w:pPr><w:pStyle w:val="${escapeXmlAttribute(STYLE.table)}"/><w:jc w:val="left"/></w:pPr>` +
    `<w:r><w:t xml:space="preserve">${escapeXmlText(note)}</w:t></w:r></w:p>`
  );
}

/** The placeholder paragraph of a table figure the ledgers cannot support (yellow, as every 待补). */
export function figurePlaceholderXml(text: string): string {
  return (
    `<w:p><w:pPr><w:pStyle w:val="${escapeXmlAttribute(STYLE.table)}"/></w:pPr>` +
    `<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">${escapeXmlText(text)}</w:t></w:r></w:p>`
  );
}

/** A table figure's whole block-level control: tagged and locked like every figure, its table inside. */
export function tableFigureControlXml(c: {
  alias: string;
  tag: string;
  id: number;
  table: FigureTable | null | undefined;
  text: string;
  /** The cell's width when the table is nested in one. */
  width?: number;
}): string {
  return (
    `<w:sdt><w:sdtPr><w:alias w:val="${escapeXmlAttribute(c.alias.replace(/[\t\n\r]/g, " "))}"/>` +
    `<w:tag w:val="${escapeXmlAttribute(c.tag)}"/><w:id w:val="${c.id}"/><w:lock w:val="sdtLocked"/></w:sdtPr>` +
    `<w:sdtContent>${tableFigureContent(c.table, c.text, c.width)}</w:sdtContent></w:sdt>`
  );
}

/** What a table figure's control holds: its table, or — with no table — the placeholder paragraph. */
export function tableFigureContent(table: FigureTable | null | undefined, text: string, width?: number): string {
  return table ? figureTableXml(table, width) : figurePlaceholderXml(text);
}

/**
 * What LibreOffice 7.4 makes of a table figure on `--convert-to docx`: the block-level `w:sdt` around
 * the table is gone, the table stays as a plain `w:tbl` (its rules moved onto the cells), and the
 * first cell gets up to three untagged inline controls — ours, with the `lr_` bookmark start, and
 * copies repeating the cell's text (the bookmark's end is lost). The bookmark places the figure as an
 * inline control in that cell; a write there would put the table's text into one cell.
 *
 * So such a figure is widened back to its whole table: the located control spans the `w:tbl`, its
 * text is the table's cells (the anchored control's own text for the first cell, LibreOffice's copies
 * left out), and `regained` carries what the patcher writes in the table's place — the tagged block
 * control with a fresh three-line table, between its bookmark — whether or not the ledgers moved.
 */
export function regainTableFigures(
  xml: string,
  controls: LocatedControl[],
  tableIds: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
): LocatedControl[] {
  let nextId = Math.max(0, ...[...xml.matchAll(/<w:(?:id|bookmarkStart)\b[^>]*w:(?:val|id)="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  return controls.map((c) => {
    if (!tableIds.has(c.id) || c.anchor !== "bookmark" || c.paragraphProperties !== null) return c;
    const start = xml.lastIndexOf("<w:tbl>", c.contentStart);
    const close = xml.indexOf("</w:tbl>", c.contentStart);
    // Only the simple case LibreOffice leaves: the anchor in a table of its own, no table nested in it.
    if (start < 0 || close < 0 || xml.slice(start + 7, close).includes("<w:tbl>")) return c;
    const tableEnd = close + "</w:tbl>".length;
    const cells = [...xml.slice(start, tableEnd).matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m, k) =>
      k === 0 ? c.text : [...m[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1])).join(""),
    );
    // The rounding note LibreOffice left as a plain paragraph right after the table is the figure's
    // too: taken in (only our own words, so a paragraph the clerk wrote there is never rewritten).
    const note = noteParagraphAt(xml, tableEnd);
    const end = note ? note.end : tableEnd;
    if (note) cells.push(note.text);
    const mark = /<w:bookmarkStart\b[^>]*w:id="(\d+)"[^>]*w:name="lr_[^"]*"/.exec(xml.slice(start, tableEnd));
    const markId = mark ? Number(mark[1]) : nextId++;
    const markName = /w:name="(lr_[^"]*)"/.exec(mark?.[0] ?? "")?.[1] ?? "";
    const sdtId = nextId++;
    return {
      ...c,
      contentStart: start,
      contentEnd: end,
      text: cells.join("\n"),
      paragraphProperties: "",
      innerMarks: undefined,
      restore: undefined,
      regained: {
        open:
          (markName ? `<w:bookmarkStart w:id="${markId}" w:name="${escapeXmlAttribute(markName)}"/>` : "") +
          `<w:sdt><w:sdtPr><w:alias w:val="${escapeXmlAttribute((names.get(c.id) ?? c.id).replace(/[\t\n\r]/g, " "))}"/>` +
          `<w:tag w:val="lr:${escapeXmlAttribute(c.id)}"/><w:id w:val="${sdtId}"/><w:lock w:val="sdtLocked"/></w:sdtPr><w:sdtContent>`,
        close: `</w:sdtContent></w:sdt>${markName ? `<w:bookmarkEnd w:id="${markId}"/>` : ""}`,
      },
    };
  });
}

/** A paragraph starting at `at` whose whole text is the rounding note, with where it ends; null otherwise. */
function noteParagraphAt(xml: string, at: number): { text: string; end: number } | null {
  if (!/^<w:p[ >]/.test(xml.slice(at, at + 5))) return null;
  const close = xml.indexOf("</w:p>", at);
  if (close < 0) return null;
  const inner = xml.slice(at, close);
  if (/<w:(?:tbl|sdt|p)[ >]/.test(inner.slice(4))) return null;
  const text = [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1])).join("");
  return text === ROUNDING_NOTE || text === ROUNDING_NOTE_EN ? { text, end: close + "</w:p>".length } : null;
}

/**
 * The table text style (表格文字, the generator's LRTableText) a placed table's cells name, added to a
 * document that lacks it — by insertion only. Self-contained (based on nothing of ours): LibreOffice
 * lays a table whose paragraphs name a missing style out one character column wide.
 */
const TABLE_TEXT_STYLE =
  `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE.table}"><w:name w:val="表格文字"/><w:uiPriority w:val="14"/><w:qFormat/>` +
  `<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr>` +
  `<w:rPr><w:rFonts w:ascii="仿宋" w:eastAsia="仿宋" w:hAnsi="仿宋" w:hint="eastAsia"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>`;

/** The header row's style (表格表头): the table text, bold. */
const TABLE_HEADER_STYLE =
  `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE.tableHeader}"><w:name w:val="表格表头"/><w:basedOn w:val="${STYLE.table}"/><w:uiPriority w:val="14"/><w:qFormat/>` +
  `<w:rPr><w:b/><w:bCs/></w:rPr></w:style>`;

const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
const NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/**
 * The main document's styles part, as its relationship names it (word/styles.xml in every file Word,
 * WPS or LibreOffice writes); null when the document has no styles relationship.
 */
function stylesPartOf(files: Unzipped): string | null {
  const rels = files[DOCUMENT_RELS] ? decodeXml(files[DOCUMENT_RELS])?.text : undefined;
  if (!rels) return null;
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /\bType="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (type !== REL_STYLES || !target || /\bTargetMode="External"/.test(m[0])) continue;
    const path = unescapeXml(target);
    return path.startsWith("/") ? path.slice(1) : `word/${path.replace(/^\.\//, "")}`;
  }
  return null;
}

/**
 * Adds the styles a placed table names (LRTableText, LRTableHeader) to a document that lacks them, by
 * insertion only: the document's own styles are never changed, and one of the same id is kept. A
 * document with no styles part at all (a hand-made or stripped .docx) gets one holding just these two,
 * with its relationship and content type, when `order` (the package's part order) is given — the
 * table would otherwise be laid out one character column wide. Without `order` only an existing
 * word/styles.xml is amended (the refresh's patcher, which rewrites that part in place).
 */
export function addTableTextStyle(files: Unzipped, order?: string[]): void {
  const part = (order && stylesPartOf(files)) || "word/styles.xml";
  const decoded = files[part] ? decodeXml(files[part]) : null;
  if (!decoded) {
    if (!order || files[part]) return;
    const pkg = DocxPackage.wrap(files, order);
    const n = DocxPackage.freeNumber((k) => pkg.relationshipIdUsed(DOCUMENT_RELS, `LedgerReportStyles${k}`));
    const hasRelationship = stylesPartOf(files) !== null;
    pkg.addParts({
      parts: [
        {
          path: part,
          data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:styles xmlns:w="${NS_W}">${TABLE_TEXT_STYLE}${TABLE_HEADER_STYLE}</w:styles>`,
        },
      ],
      contentTypes: [{ partName: `/${part}`, contentType: CT_STYLES }],
      documentRelationships: hasRelationship
        ? []
        : [{ id: `LedgerReportStyles${n}`, type: REL_STYLES, target: part.replace(/^word\//, "") }],
      packageRelationships: [],
    });
    return;
  }
  const { text, encoding } = decoded;
  const has = (id: string) => new RegExp(`<w:style\\b[^>]*w:styleId="${id}"`).test(text);
  const added = (has(STYLE.table) ? "" : TABLE_TEXT_STYLE) + (has(STYLE.tableHeader) ? "" : TABLE_HEADER_STYLE);
  if (!added) return;
  const end = text.lastIndexOf("</w:styles>");
  if (end >= 0) {
    files[part] = encodeXml(text.slice(0, end) + added + text.slice(end), encoding);
    return;
  }
  // An empty styles part written as one element (`<w:styles …/>`).
  const empty = /<w:styles\b[^>]*?\/>/.exec(text);
  if (empty)
    files[part] = encodeXml(
      text.slice(0, empty.index) + empty[0].replace(/\s*\/>$/, ">") + added + "</w:styles>" + text.slice(empty.index + empty[0].length),
      encoding,
    );
}
