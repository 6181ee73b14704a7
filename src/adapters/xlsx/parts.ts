// Everything in the package except the cell data — content types, relationships, the workbook,
// shared strings, table definitions. The small parts are read with a general XML parser (saxes);
// shared strings, which can run to megabytes, go through their own scanner (shared-strings.ts) and
// fall back to saxes only for XML outside the plain grammar.
import { SaxesParser } from "saxes";
import type { CellRange } from "../../core/types";
import { XlsxReadError, fail } from "./errors";
import type { XlsxLimits } from "./limits";
import { SharedStringsScanner } from "./shared-strings";
import type { SharedStrings } from "./sheet-scanner";
import { XmlDecoder, type ZipArchive, type ZipEntry } from "./zip";
import { decodeXString, parseRange } from "./xml-text";

type Attrs = Record<string, string>;

interface SaxHandlers {
  open?: (local: string, attrs: Attrs) => void;
  close?: (local: string) => void;
  text?: (text: string) => void;
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Attribute by local name, so `r:id`, `x:id` and `id` in any prefix all match. */
function attrLocal(attrs: Attrs, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  for (const key of Object.keys(attrs)) if (localName(key) === local) return attrs[key];
  return undefined;
}

/** Streams one part through saxes with the depth limit; entity and CDATA text arrive decoded. */
export function saxPart(zip: ZipArchive, entry: ZipEntry, limits: XlsxLimits, h: SaxHandlers): void {
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  parser.on("opentag", (tag) => {
    if (++depth > limits.maxXmlDepth) throw fail.depth(entry.name, limits.maxXmlDepth);
    h.open?.(localName(tag.name), tag.attributes as Attrs);
  });
  parser.on("closetag", (tag) => {
    depth--;
    h.close?.(localName(tag.name));
  });
  if (h.text) {
    const onText = h.text;
    parser.on("text", onText);
    parser.on("cdata", onText);
  }
  parser.on("error", (err) => {
    throw fail.corrupt(`${entry.name}: ${err.message.split("\n")[0].slice(0, 120)}`);
  });
  const decoder = new XmlDecoder();
  zip.stream(entry, (chunk) => {
    const text = decoder.decode(chunk);
    if (text) parser.write(text);
  });
  const rest = decoder.end();
  if (rest) parser.write(rest);
  parser.close();
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved zip path (internal targets only). */
  target: string;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolveTarget(baseDir: string, target: string): string {
  const t = target.replace(/\\/g, "/");
  const parts = (t.startsWith("/") ? t.slice(1) : baseDir + t).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** The relationships of `part` (from `dir/_rels/name.rels`); empty when there are none. */
export function readRels(zip: ZipArchive, part: string, limits: XlsxLimits): Relationship[] {
  const dir = dirOf(part);
  const relsPath = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const entry = zip.get(relsPath);
  if (!entry) return [];
  const rels: Relationship[] = [];
  saxPart(zip, entry, limits, {
    open: (local, a) => {
      if (local !== "Relationship" || !a.Target || a.TargetMode === "External") return;
      rels.push({ id: a.Id ?? "", type: a.Type ?? "", target: resolveTarget(dir, a.Target) });
    },
  });
  return rels;
}

/** Relationship types differ between transitional and strict OOXML; the last segment is the same. */
export function relOfType(rels: Relationship[], kind: string): Relationship[] {
  return rels.filter((r) => r.type.endsWith(`/${kind}`));
}

/** Names what a ZIP without a workbook is, so the clerk knows what they picked. */
export function nonWorkbookError(zip: ZipArchive, mainTarget?: string) {
  const has = (p: string) => zip.get(p) !== undefined || mainTarget === p;
  if (mainTarget?.startsWith("word/") || has("word/document.xml"))
    return fail.notSpreadsheet(" Word 文档（.docx）", "a Word document (.docx)");
  if (mainTarget?.startsWith("ppt/") || has("ppt/presentation.xml")) {
    return fail.notSpreadsheet(" PowerPoint 演示文稿（.pptx）", "a PowerPoint presentation (.pptx)");
  }
  if ((mainTarget && /\.bin$/i.test(mainTarget)) || has("xl/workbook.bin")) {
    return fail.notSpreadsheet(
      " Excel 二进制工作簿（.xlsb）",
      "an Excel binary workbook (.xlsb)",
      "请在 Excel 中另存为 .xlsx 后再试",
      "save it as .xlsx in Excel and try again",
    );
  }
  if (has("content.xml") && has("mimetype"))
    return fail.notSpreadsheet(" OpenDocument 文件（.ods/.odt）", "an OpenDocument file (.ods/.odt)");
  return fail.notSpreadsheet("一个 ZIP 压缩包（其中没有 xl/workbook.xml）", "a ZIP archive without xl/workbook.xml");
}

export interface WorkbookSheetRef {
  name: string;
  hidden: boolean;
  /** Zip path of the worksheet part; undefined for chart/dialog/macro sheets and dangling ids. */
  part?: string;
}

export interface WorkbookInfo {
  part: string;
  date1904: boolean;
  sheets: WorkbookSheetRef[];
  sharedStrings?: ZipEntry;
}

export function readWorkbookInfo(zip: ZipArchive, limits: XlsxLimits): WorkbookInfo {
  let main: string | undefined;
  try {
    main = relOfType(readRels(zip, "", limits), "officeDocument")[0]?.target;
  } catch (e) {
    // Damaged package relationships cost us only the pointer to the workbook; the usual path remains.
    if ((e as { code?: string }).code !== "corrupt") throw e;
  }
  let part: string | undefined;
  if (main && zip.get(main) && /\.xml$/i.test(main) && main.toLowerCase().startsWith("xl/")) part = main;
  else if (zip.get("xl/workbook.xml")) part = "xl/workbook.xml";
  if (!part) {
    throw nonWorkbookError(zip, main);
  }
  const entry = zip.get(part)!;
  const listed: { name: string; hidden: boolean; rid: string }[] = [];
  let date1904 = false;
  saxPart(zip, entry, limits, {
    open: (local, a) => {
      if (local === "sheet") {
        const state = a.state ?? "";
        listed.push({ name: a.name ?? "", hidden: state === "hidden" || state === "veryHidden", rid: attrLocal(a, "id") ?? "" });
      } else if (local === "workbookPr") {
        const v = a.date1904;
        date1904 = v === "1" || v === "true";
      }
    },
  });
  const rels = readRels(zip, part, limits);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets = listed.map((s) => {
    const rel = byId.get(s.rid);
    const isWorksheet = rel !== undefined && rel.type.endsWith("/worksheet");
    return { name: s.name, hidden: s.hidden, part: isWorksheet && zip.get(rel.target) ? rel.target : undefined };
  });
  const sstTarget = relOfType(rels, "sharedStrings")[0]?.target;
  const sharedStrings = (sstTarget && zip.get(sstTarget)) || zip.get(dirOf(part) + "sharedStrings.xml");
  return { part, date1904, sheets, sharedStrings };
}

/**
 * Shared strings with rich-text runs joined and phonetic guides (`<rPh>`) left out, as Excel shows
 * them. A string over maxCellChars is kept as null: it only matters if a cell uses it.
 */
export function readSharedStrings(zip: ZipArchive, entry: ZipEntry | undefined, limits: XlsxLimits): SharedStrings {
  if (!entry) return [];
  const inflatedBefore = zip.inflated;
  try {
    const scanner = new SharedStringsScanner(entry.name, limits);
    zip.stream(entry, (chunk) => scanner.pushBytes(chunk));
    return scanner.finish();
  } catch (e) {
    // A limit (including the scanner's depth check, made where saxes makes it) is final. Anything
    // else — XML outside the plain grammar, a damaged part — is read again by saxes, so the result or
    // the error is exactly the one saxes gives; the bytes inflated twice are counted once.
    if (e instanceof XlsxReadError && e.code !== "corrupt") throw e;
    zip.inflated = inflatedBefore;
    return readSharedStringsSax(zip, entry, limits);
  }
}

/** The general-parser reading of shared strings: the fallback, and the reference the scanner is tested against. */
export function readSharedStringsSax(zip: ZipArchive, entry: ZipEntry | undefined, limits: XlsxLimits): SharedStrings {
  const out: (string | null)[] = [];
  if (!entry) return out;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let parts: string[] = [];
  let length = 0;
  let tooLong = false;
  saxPart(zip, entry, limits, {
    open: (local) => {
      if (local === "si") {
        inSi = true;
        parts = [];
        length = 0;
        tooLong = false;
        phonetic = 0;
      } else if (!inSi) return;
      else if (local === "rPh") phonetic++;
      else if (local === "t" && phonetic === 0) inT = true;
    },
    close: (local) => {
      if (local === "t") inT = false;
      else if (local === "rPh") phonetic--;
      else if (local === "si" && inSi) {
        inSi = false;
        if (tooLong) out.push(null);
        else {
          const s = decodeXString(parts.join(""));
          out.push(s.length > limits.maxCellChars ? null : s);
        }
      }
    },
    text: (text) => {
      if (!inT || tooLong) return;
      length += text.length;
      // Escapes like `_x000D_` shrink on decoding, hence the margin before giving up on the string.
      if (length > limits.maxCellChars * 7) tooLong = true;
      else parts.push(text);
    },
  });
  return out;
}

export interface TableRef {
  name: string;
  /** Header and totals rows included. */
  range: CellRange;
  /** `headerRowCount` (default 1): 0 when the table has no header row. */
  headerRows: number;
  /**
   * `totalsRowCount` (default 0): the totals row at the bottom of the range. `totalsRowShown` only
   * says whether a totals row was ever shown (ECMA-376 §18.5.1.2), not whether the range holds one.
   */
  totalsRows: number;
}

function rowCount(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 1 ? n : fallback;
}

/** The Excel tables (ListObjects) on one worksheet, found through its relationships. */
export function readSheetTables(zip: ZipArchive, sheetPart: string, limits: XlsxLimits): TableRef[] {
  const tables: TableRef[] = [];
  for (const rel of relOfType(readRels(zip, sheetPart, limits), "table")) {
    const entry = zip.get(rel.target);
    if (!entry) continue;
    saxPart(zip, entry, limits, {
      open: (local, a) => {
        if (local !== "table") return;
        const range = parseRange(a.ref ?? "");
        // Office.js names a table by its displayName; `name` is the fallback some writers use alone.
        const name = a.displayName || a.name;
        if (range && name)
          tables.push({ name, range, headerRows: rowCount(a.headerRowCount, 1), totalsRows: rowCount(a.totalsRowCount, 0) });
      },
    });
  }
  return tables;
}
