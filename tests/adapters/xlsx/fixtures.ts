// Hand-built .xlsx packages for the cases generators rarely write (inline strings, missing `r`,
// `x:` prefixes, t="d", 1904 dates, hidden sheets, tables), zipped with fflate.
import ExcelJS from "exceljs";
import { crc32 } from "node:zlib";
import { strToU8, zipSync, type Zippable } from "fflate";
import { concatBytes } from "../../../src/core/bytes";

export const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface HandSheet {
  name: string;
  /** Full worksheet XML, or just the inside of <sheetData>. */
  xml?: string;
  rows?: string;
  state?: "hidden" | "veryHidden";
  /** Table parts: name and ref. */
  tables?: { name: string; ref: string }[];
}

export function worksheet(rows: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${rows}</sheetData>${extra}</worksheet>`;
}

export function handXlsx(opts: {
  sheets: HandSheet[];
  sharedStrings?: string[] | string;
  date1904?: boolean;
  extra?: Record<string, string>;
}): Uint8Array {
  const files: Zippable = {};
  const put = (path: string, text: string) => (files[path] = strToU8(text));
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetsXml = opts.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("");
  put(
    "xl/workbook.xml",
    `<?xml version="1.0"?><workbook ${NS}>${opts.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}<sheets>${sheetsXml}</sheets></workbook>`,
  );
  let rels = opts.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  if (opts.sharedStrings !== undefined) {
    rels += `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
    const sst =
      typeof opts.sharedStrings === "string"
        ? opts.sharedStrings
        : opts.sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("");
    put("xl/sharedStrings.xml", `<?xml version="1.0"?><sst ${NS}>${sst}</sst>`);
  }
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
  );
  let tableNo = 0;
  opts.sheets.forEach((s, i) => {
    put(`xl/worksheets/sheet${i + 1}.xml`, s.xml ?? worksheet(s.rows ?? ""));
    if (s.tables?.length) {
      const trels = s.tables
        .map((t) => {
          tableNo++;
          put(
            `xl/tables/table${tableNo}.xml`,
            `<?xml version="1.0"?><table ${NS} id="${tableNo}" name="${t.name}" displayName="${t.name}" ref="${t.ref}"><autoFilter ref="${t.ref}"/></table>`,
          );
          return `<Relationship Id="rIdT${tableNo}" Type="${REL}/table" Target="../tables/table${tableNo}.xml"/>`;
        })
        .join("");
      put(
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${trels}</Relationships>`,
      );
    }
  });
  for (const [path, text] of Object.entries(opts.extra ?? {})) put(path, text);
  return zipSync(files);
}

/** A ZIP assembled byte by byte, for archives fflate would not write: pre-deflated data, sizes that lie. */
export function rawZip(entries: { name: string; data: Uint8Array; method?: 0 | 8; size?: number; crc?: number }[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const method = e.method ?? 0;
    const size = e.size ?? (method === 0 ? e.data.length : 0);
    const crc = e.crc ?? (method === 0 ? crc32(e.data) : 0);
    // A central directory entry is its local header with "version made by" put in at offset 4: the
    // fields they share sit 2 bytes later there.
    const entryFields = (view: DataView, shift: 0 | 2) => {
      view.setUint16(4 + shift, 20, true);
      view.setUint16(8 + shift, method, true);
      view.setUint32(14 + shift, crc, true);
      view.setUint32(18 + shift, e.data.length, true);
      view.setUint32(22 + shift, size, true);
      view.setUint16(26 + shift, name.length, true);
    };
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    entryFields(lv, 0);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    entryFields(cv, 2);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    chunks.push(local, e.data);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concatBytes(...chunks, ...central, eocd);
}

/**
 * A raw DEFLATE stream of `prefix`, then `repeat` spaces, then `suffix`, built directly: a run of
 * spaces is one literal and back-references of 258 bytes at distance 1, 13 bits each, so a 600 MB
 * part costs 4 MB and no time to make.
 */
export function deflatedSpaces(prefix: string, repeat: number, suffix: string): Uint8Array {
  const enc = new TextEncoder();
  const out: number[] = [];
  let bitBuf = 0;
  let bitCount = 0;
  const bits = (value: number, n: number) => {
    for (let i = 0; i < n; i++) {
      bitBuf |= ((value >> i) & 1) << bitCount;
      if (++bitCount === 8) (out.push(bitBuf), (bitBuf = 0), (bitCount = 0));
    }
  };
  // Huffman codes go in most-significant bit first.
  const code = (value: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) bits((value >> i) & 1, 1);
  };
  const stored = (data: Uint8Array, final: boolean) => {
    bits(final ? 1 : 0, 1);
    bits(0, 2);
    if (bitCount) (out.push(bitBuf), (bitBuf = 0), (bitCount = 0));
    out.push(data.length & 0xff, data.length >> 8, ~data.length & 0xff, (~data.length >> 8) & 0xff);
    for (const b of data) out.push(b);
  };
  stored(enc.encode(prefix), false);
  bits(0, 1);
  bits(1, 2); // fixed Huffman block
  code(0x30 + 32, 8); // literal ' '
  for (let left = repeat - 1; left >= 258; left -= 258) {
    code(0xc5, 8); // length 258
    code(0, 5); // distance 1
  }
  code(0, 7); // end of block
  stored(enc.encode(" ".repeat((repeat - 1) % 258) + suffix), true);
  return new Uint8Array(out);
}

/** The .xlsx exceljs writes for the workbook `build` fills in: a file as another program makes it. */
export async function exceljsXlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
