// Word templates stored in the workbook, so every department sharing it fills the same document.
// They live on a hidden sheet, 报告模板库, one row per piece of a template's base64 text (a cell
// holds at most 32 767 characters): 名称 | 文件名 | 保存时间 | 序号 | 内容. A sheet rather than a custom
// XML part because WPS and LibreOffice keep sheets when they re-save an .xlsx (LibreOffice drops
// custom XML parts) and Excel 2016's ExcelApi 1.1–1.3 can write cells but has no customXmlParts
// (ExcelApi 1.5). Pure: rows in, templates out.
import type { RawCell } from "../types";

export const TEMPLATE_SHEET = "报告模板库";
export const TEMPLATE_HEADERS = ["名称", "文件名", "保存时间", "序号", "内容"] as const;
/** Base64 characters per cell: under Excel's 32 767 with room to spare. */
export const CHUNK = 30000;
/**
 * Each piece starts with this mark: a piece beginning with `+` or `/` could otherwise be taken for a
 * formula or a date when Excel, WPS or LibreOffice reads the value in.
 */
export const PIECE_PREFIX = "b64:";

export interface StoredTemplate {
  /** What the clerk calls it in 报告模板 and on the command line (`fill 台账.xlsx 工作总结`). */
  name: string;
  fileName: string;
  savedAt: string;
  bytes: Uint8Array;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += b === undefined ? "=" : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? "=" : ALPHABET[n & 63];
  }
  return out;
}

/** Decodes base64; null when the text is not base64 (a cell someone typed into). */
export function fromBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, "");
  if (clean.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(clean) || /=[^=]/.test(clean)) return null;
  const pad = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((clean.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].reduce((acc, k) => (acc << 6) | Math.max(0, ALPHABET.indexOf(clean[i + k])), 0);
    for (const shift of [16, 8, 0]) if (o < out.length) out[o++] = (n >> shift) & 255;
  }
  return out;
}

/** The sheet's rows for these templates, header first. */
export function templatesToRows(templates: readonly StoredTemplate[]): string[][] {
  const rows: string[][] = [[...TEMPLATE_HEADERS]];
  for (const t of templates) {
    const text = toBase64(t.bytes);
    for (let k = 0, part = 1; k < text.length || part === 1; k += CHUNK, part++)
      rows.push([t.name, t.fileName, t.savedAt, String(part), PIECE_PREFIX + text.slice(k, k + CHUNK)]);
  }
  return rows;
}

/** Templates read back from the sheet's values; a template whose pieces do not decode is skipped and said. */
export function rowsToTemplates(values: readonly (readonly RawCell[])[]): { templates: StoredTemplate[]; damaged: string[] } {
  const pieces = new Map<string, { fileName: string; savedAt: string; parts: [number, string][] }>();
  for (const row of values.slice(1)) {
    const name = String(row[0] ?? "").trim();
    if (!name) continue;
    const entry = pieces.get(name) ?? { fileName: String(row[1] ?? ""), savedAt: String(row[2] ?? ""), parts: [] };
    const piece = String(row[4] ?? "");
    entry.parts.push([Number(row[3]) || entry.parts.length + 1, piece.startsWith(PIECE_PREFIX) ? piece.slice(PIECE_PREFIX.length) : piece]);
    pieces.set(name, entry);
  }
  const templates: StoredTemplate[] = [];
  const damaged: string[] = [];
  for (const [name, e] of pieces) {
    const bytes = fromBase64(
      e.parts
        .sort((a, b) => a[0] - b[0])
        .map((p) => p[1])
        .join(""),
    );
    if (bytes && bytes.length > 0) templates.push({ name, fileName: e.fileName, savedAt: e.savedAt, bytes });
    else damaged.push(name);
  }
  return { templates, damaged };
}

/** A template's name from its file name: 工作总结.docx → 工作总结. */
export function templateNameOf(fileName: string): string {
  return (
    fileName
      .replace(/^.*[\\/]/, "")
      .replace(/\.docx$/i, "")
      .trim() || "模板"
  );
}
