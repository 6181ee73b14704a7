// What a clerk does to a generated report between two refreshes, done on the XML itself so each
// edit is exact and known: retype narrative, reformat, hand-edit a figure, delete a figure.
// Also the sample workbook as raw tables, and the same workbook a month later.
import { readFileSync } from "fs";
import path from "path";
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import { readXlsx } from "../../../../src/adapters/xlsx";
import { isSheetRead } from "../../../../src/core/ledger/sheets";
import type { RawCell, RawTable, RawWorkbook } from "../../../../src/core/types";

export const SAMPLE = path.resolve(__dirname, "../../../../examples/sample-ledgers.xlsx");

export function sampleWorkbook(): RawWorkbook {
  return readXlsx(new Uint8Array(readFileSync(SAMPLE)), { name: "sample-ledgers.xlsx", wantSheet: isSheetRead });
}

function table(wb: RawWorkbook, sheet: string): RawTable {
  const t = wb.tables.find((x) => x.sheet === sheet);
  if (!t) throw new Error(`sample workbook has no sheet ${sheet}`);
  return t;
}

function rowIndex(t: RawTable, test: (row: RawCell[]) => boolean, what: string): number {
  const i = t.values.findIndex(test);
  if (i < 0) throw new Error(`no ${what} row in ${t.sheet}`);
  return i;
}

/**
 * The ledgers a month on: three guarantees added in 交易二科 (large ones, so the amount moves too),
 * one partner dropped, one vanguard team founded.
 */
export function laterWorkbook(): RawWorkbook {
  const wb = sampleWorkbook();
  const guarantees = table(wb, "电子保函（交易二科）");
  const total = rowIndex(guarantees, (r) => String(r[0]).replace(/\s/g, "") === "合计", "合计");
  const model = guarantees.values[total - 1];
  const added = [1, 2, 3].map((n) => model.map((v, c) => (c === 0 ? `DZBH2022${String(990000 + n)}` : c === 4 ? 80_000_000 : v)));
  guarantees.values.splice(total, 0, ...added);

  const partners = table(wb, "共建单位");
  partners.values.splice(
    rowIndex(partners, (r) => r[4] === "有效", "有效 partner"),
    1,
  );

  const teams = table(wb, "队伍");
  teams.values.push(["营商环境党员先锋队", "党员先锋队", 44800, "交易二科"]);
  return wb;
}

export function unzipText(bytes: Uint8Array): { files: Unzipped; order: string[]; text: (name: string) => string } {
  const files = unzipSync(bytes);
  return { files, order: Object.keys(files), text: (name) => strFromU8(files[name]) };
}

/** The package with document.xml replaced, everything else as it was. */
export function withDocumentXml(bytes: Uint8Array, xml: string): Uint8Array {
  const files = unzipSync(bytes);
  files["word/document.xml"] = strToU8(xml);
  return zipSync(files);
}

export function withPart(bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files[name] = strToU8(edit(strFromU8(files[name])));
  return zipSync(files);
}

export function replaceOnce(xml: string, find: string, replacement: string): string {
  const at = xml.indexOf(find);
  if (at < 0) throw new Error(`edit target not found: ${find.slice(0, 80)}`);
  return xml.slice(0, at) + replacement + xml.slice(at + find.length);
}

/** Offsets of the whole `<w:sdt>…</w:sdt>` tagged lr:<id> (generated controls do not nest). */
export function sdtSpan(xml: string, id: string): { start: number; end: number } {
  const tag = xml.indexOf(`<w:tag w:val="lr:${id}"/>`);
  if (tag < 0) throw new Error(`no control lr:${id}`);
  const start = xml.lastIndexOf("<w:sdt>", tag);
  const end = xml.indexOf("</w:sdt>", tag) + "</w:sdt>".length;
  return { start, end };
}

/** Edits inside one control's `<w:sdt>` only. */
export function editControl(xml: string, id: string, edit: (sdt: string) => string): string {
  const { start, end } = sdtSpan(xml, id);
  const before = xml.slice(start, end);
  const after = edit(before);
  if (after === before) throw new Error(`edit of lr:${id} changed nothing`);
  return xml.slice(0, start) + after + xml.slice(end);
}

export function deleteControl(xml: string, id: string): string {
  const { start, end } = sdtSpan(xml, id);
  return xml.slice(0, start) + xml.slice(end);
}

/** document.xml with the given spans cut out, for comparing what lies around them. */
export function outside(xml: string, spans: { contentStart: number; contentEnd: number }[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.contentStart - b.contentStart)) {
    pieces.push(xml.slice(at, s.contentStart));
    at = s.contentEnd;
  }
  pieces.push(xml.slice(at));
  return pieces;
}
