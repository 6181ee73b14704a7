// Cell-by-cell comparison of our reader with a reference reader: exceljs's full (non-streaming)
// reader, or SheetJS for the files exceljs itself cannot open.
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import type { RawCell } from "../../../src/core/types";
import { columnLetters } from "../../../src/core/address";
import { XlsxReadError, readXlsxWorkbook, type XlsxWorkbook } from "../../../src/adapters/xlsx";

/** A reference value, with how much to trust its exactness. */
interface Reference {
  value: RawCell;
  /** exceljs turns date-formatted serials into Dates rounded to the millisecond. */
  fromDate: boolean;
  /** exceljs gives `{ formula }` without `result` when the cached result is 0, false or text in an inline <v>. */
  resultMissing: boolean;
}

/** exceljs's many value shapes → what Office.js would give for the cell. */
export function normaliseExceljs(v: unknown, date1904: boolean): Reference {
  const plain = (value: RawCell): Reference => ({ value, fromDate: false, resultMissing: false });
  if (v === null || v === undefined) return plain("");
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return plain(v);
  if (v instanceof Date) return { value: v.getTime() / 86400000 + (date1904 ? 24107 : 25569), fromDate: true, resultMissing: false };
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return plain(o.error);
  if (Array.isArray(o.richText)) return plain(o.richText.map((r: { text?: string }) => r.text ?? "").join(""));
  if ("formula" in o || "sharedFormula" in o) {
    if (o.result === undefined) return { value: "", fromDate: false, resultMissing: true };
    return normaliseExceljs(o.result, date1904);
  }
  if ("text" in o) return normaliseExceljs(o.text, date1904);
  return plain(JSON.stringify(v).slice(0, 40));
}

export interface Difference {
  sheet: string;
  cell: string;
  ours: RawCell;
  reference: RawCell;
}

export interface Comparison {
  file: string;
  /** "ok" or our error code. */
  ours: string;
  /** Each reference reader consulted: "ok" or its error, and the cells it disagrees on. */
  exceljs?: string;
  sheetjs?: string;
  exceljsDifferences: Difference[];
  sheetjsDifferences: Difference[];
  /** Formula cells exceljs left without a result while ours holds 0, false or blank — its bug, not a difference. */
  exceljsDroppedResults: number;
  cells: number;
  /**
   * Agreement: we and some reference read the file to the same values, or we and every reference
   * refuse it. Otherwise the file is a mismatch, to be looked at.
   */
  agrees: boolean;
}

function same(a: RawCell, b: Reference): boolean {
  if (a === b.value) return true;
  if (b.fromDate && typeof a === "number" && typeof b.value === "number") return Math.abs(a - b.value) < 1e-7;
  return false;
}

type CellMap = Map<string, { sheet: string; r: number; c: number; ref: Reference }>;

async function exceljsCells(bytes: Uint8Array): Promise<CellMap> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const date1904 = Boolean((wb as unknown as { properties?: { date1904?: boolean } }).properties?.date1904);
  const out: CellMap = new Map();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        // exceljs shows a merged area's value in every cell of it; the file holds it only in the first.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        out.set(`${ws.name}\u0000${rowNumber - 1},${colNumber - 1}`, {
          sheet: ws.name,
          r: rowNumber - 1,
          c: colNumber - 1,
          ref: normaliseExceljs(cell.value, date1904),
        });
      });
    });
  }
  return out;
}

function sheetjsCells(bytes: Uint8Array): CellMap {
  // SheetJS reports what it repairs on the console; the comparison reports what matters.
  const quiet = { error: console.error, log: console.log, warn: console.warn };
  console.error = console.log = console.warn = () => undefined;
  try {
    const wb = XLSX.read(bytes, { type: "array", cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false });
    const out: CellMap = new Map();
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name];
      if (!ws) continue;
      for (const key of Object.keys(ws)) {
        if (key.startsWith("!")) continue;
        const cell = ws[key] as XLSX.CellObject;
        const at = XLSX.utils.decode_cell(key);
        let value: RawCell = "";
        if (cell.t === "n" || cell.t === "s" || cell.t === "b") value = (cell.v as RawCell) ?? "";
        else if (cell.t === "e") value = cell.w ?? "";
        out.set(`${name}\u0000${at.r},${at.c}`, { sheet: name, r: at.r, c: at.c, ref: { value, fromDate: false, resultMissing: false } });
      }
    }
    return out;
  } finally {
    Object.assign(console, quiet);
  }
}

function differences(ours: XlsxWorkbook, reference: CellMap, counts: { cells: number; dropped: number }): Difference[] {
  const out: Difference[] = [];
  const sheets = new Map(ours.sheets.map((s) => [s.name, s]));
  const ourValue = (name: string, r: number, c: number): RawCell => {
    const sheet = sheets.get(name);
    const row = sheet?.cells[r - sheet.top];
    const v = row ? row[c - sheet!.left] : undefined;
    return v === undefined ? "" : v;
  };
  for (const { sheet, r, c, ref } of reference.values()) {
    const mine = ourValue(sheet, r, c);
    if (ref.value !== "" || mine !== "") counts.cells++;
    if (ref.resultMissing && (mine === 0 || mine === false || mine === "")) counts.dropped++;
    else if (!same(mine, ref)) out.push({ sheet, cell: columnLetters(c) + (r + 1), ours: mine, reference: ref.value });
  }
  for (const sheet of ours.sheets) {
    sheet.cells.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = sheet.top + i;
        const c = sheet.left + j;
        if (v === "" || reference.has(`${sheet.name}\u0000${r},${c}`)) return;
        out.push({ sheet: sheet.name, cell: columnLetters(c) + (r + 1), ours: v, reference: "" });
      }),
    );
  }
  return out;
}

/**
 * Compares our reading with exceljs and, where exceljs fails, is skipped or disagrees, with SheetJS:
 * two independent readers rarely share a bug, so agreeing with either is agreeing with the file.
 */
export async function compareWithReference(file: string, bytes: Uint8Array, opts: { skipExceljs?: boolean } = {}): Promise<Comparison> {
  const out: Comparison = {
    file,
    ours: "ok",
    exceljsDifferences: [],
    sheetjsDifferences: [],
    exceljsDroppedResults: 0,
    cells: 0,
    agrees: false,
  };
  let ours: XlsxWorkbook | null = null;
  try {
    ours = readXlsxWorkbook(bytes);
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    out.ours = e.code;
  }
  const counts = { cells: 0, dropped: 0 };
  if (!opts.skipExceljs) {
    try {
      const cells = await exceljsCells(bytes);
      out.exceljs = "ok";
      if (ours) out.exceljsDifferences = differences(ours, cells, counts);
    } catch (e) {
      out.exceljs = String((e as Error).message ?? e).slice(0, 60);
    }
  }
  if (out.exceljs !== "ok" || out.exceljsDifferences.length || !ours) {
    try {
      const cells = sheetjsCells(bytes);
      out.sheetjs = "ok";
      if (ours) out.sheetjsDifferences = differences(ours, cells, { cells: 0, dropped: 0 });
    } catch (e) {
      out.sheetjs = String((e as Error).message ?? e).slice(0, 60);
    }
  }
  out.cells = counts.cells;
  out.exceljsDroppedResults = counts.dropped;
  const readers = [out.exceljs, out.sheetjs].filter((r) => r !== undefined);
  if (!ours) out.agrees = readers.every((r) => r !== "ok");
  else {
    out.agrees =
      (out.exceljs === "ok" && out.exceljsDifferences.length === 0) || (out.sheetjs === "ok" && out.sheetjsDifferences.length === 0);
  }
  return out;
}
