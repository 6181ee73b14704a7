// The .xlsx file source: bytes in, the same raw tables the live Excel adapter produces out.
// Runs unchanged in Node and the browser (Uint8Array and TextDecoder only), synchronously.
import type { CellRange, RawCell, RawSurroundings, RawTable, RawWorkbook } from "../../core/types";
import { XlsxReadError, asXlsxError, fail } from "./errors";
import { type XlsxLimits, resolveLimits } from "./limits";
import { readSharedStrings, readSheetTables, readWorkbookInfo } from "./parts";
import { ColumnGrid, SheetScanner, sharedStringFlags, type SharedStrings } from "./sheet-scanner";
import { CellColumns, lazyRows, withColumns } from "../../core/ledger/raw-columns";
import { ZipArchive, type ZipCodec, type ZipEntry } from "./zip";

export { XlsxReadError } from "./errors";
export type { XlsxErrorCode } from "./errors";
export type { XlsxLimits } from "./limits";
export { DEFAULT_LIMITS } from "./limits";
export type { ZipCodec } from "./zip";

export interface XlsxSheet {
  name: string;
  hidden: boolean;
  /** Zero-based sheet row and column of cells[0][0]. */
  top: number;
  left: number;
  /**
   * The used range of values from (top, left): blanks "", errors as their text ("#N/A").
   * Cells that are only formatted do not widen it (a styled empty column would otherwise cost
   * a million blank rows).
   */
  cells: RawCell[][];
  /** The same used range column by column (text as shared-string indices); absent when it holds no values. */
  columns?: CellColumns;
  merges: CellRange[];
  /** Header and totals rows included; headerRows/totalsRows as the table part says (1 and 0 by default). */
  tables: { name: string; range: CellRange; headerRows?: number; totalsRows?: number }[];
  /** The writer's `<dimension>` hint, when it gave one; informational only. */
  dimension?: CellRange;
  /** True when wantSheet declined the sheet, or it is a chart/dialog sheet without cells. */
  skipped?: boolean;
}

export interface XlsxWorkbook {
  date1904: boolean;
  sheets: XlsxSheet[];
}

export interface ReadOptions {
  /** Decide per sheet (with its table names) whether to read its cells; skipped sheets have empty cells. */
  wantSheet?: (sheetName: string, tableNames: string[]) => boolean;
  limits?: Partial<XlsxLimits>;
  /** A native inflater (Node's zlib, `node-codec.ts`); fflate is used without one. Same result either way. */
  codec?: ZipCodec;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Finds `text` stored as UTF-16LE, the way OLE directory entries name their streams. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const last = bytes.length - text.length * 2;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Rejects what is plainly not an .xlsx before touching the ZIP directory. */
function checkMagic(bytes: Uint8Array): void {
  if (startsWith(bytes, OLE_MAGIC)) {
    // Excel saves a password-protected .xlsx as an OLE container holding an "EncryptedPackage" stream.
    throw containsUtf16(bytes, "EncryptedPackage") ? fail.encrypted() : fail.xls();
  }
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);
  if (!isZip) throw fail.notZip();
}

/** What a read will do: the archive, the workbook's sheets, and which of them to scan. */
interface ReadPlan {
  zip: ZipArchive;
  limits: XlsxLimits;
  info: ReturnType<typeof readWorkbookInfo>;
  sheets: XlsxSheet[];
  wanted: { sheet: XlsxSheet; entry: ZipEntry }[];
}

function planRead(bytes: Uint8Array, opts?: ReadOptions): ReadPlan {
  if (!(bytes instanceof Uint8Array)) throw fail.notZip();
  const limits = resolveLimits(opts?.limits);
  checkMagic(bytes);
  const zip = new ZipArchive(bytes, limits, opts?.codec);
  const info = readWorkbookInfo(zip, limits);
  const sheets: XlsxSheet[] = [];
  const wanted: ReadPlan["wanted"] = [];
  for (const ref of info.sheets) {
    const tables = ref.part ? readSheetTables(zip, ref.part, limits) : [];
    const sheet: XlsxSheet = { name: ref.name, hidden: ref.hidden, top: 0, left: 0, cells: [], merges: [], tables };
    sheets.push(sheet);
    const entry = ref.part ? zip.get(ref.part) : undefined;
    const want =
      entry !== undefined &&
      (!opts?.wantSheet ||
        opts.wantSheet(
          ref.name,
          tables.map((t) => t.name),
        ));
    if (want && entry) wanted.push({ sheet, entry });
    else sheet.skipped = true;
  }
  return { zip, limits, info, sheets, wanted };
}

/** Shared strings are read only when some sheet is wanted: a file of many sheets may want none. */
function sharedStringsFor(plan: ReadPlan): SharedStrings {
  return plan.wanted.length ? readSharedStrings(plan.zip, plan.info.sharedStrings, plan.limits) : [];
}

function scanSheets(plan: ReadPlan, sharedStrings: SharedStrings): XlsxWorkbook {
  const { zip, limits, info } = plan;
  const budget = { cells: 0 };
  const sharedFlags = sharedStringFlags(sharedStrings);
  for (const { sheet, entry } of plan.wanted) {
    const grid = new ColumnGrid(sheet.name, limits, budget);
    const scanner = new SheetScanner({
      sheet: sheet.name,
      part: entry.name,
      sharedStrings,
      sharedFlags,
      date1904: info.date1904,
      limits,
      sink: grid,
    });
    zip.stream(entry, (chunk) => scanner.pushBytes(chunk));
    scanner.finish();
    const columns = grid.build(sharedStrings);
    if (columns !== null) {
      sheet.top = grid.top;
      sheet.left = grid.left;
      sheet.columns = columns;
      // Rows only for whoever asks (the simulated host, tests): the ledger reader reads the columns.
      lazyRows(sheet, "cells", columns);
      // Not enumerable: a test comparing sheets compares their cells.
      Object.defineProperty(sheet, "columns", { value: columns, enumerable: false, configurable: true, writable: true });
    }
    sheet.merges = scanner.merges;
    if (scanner.dimension) sheet.dimension = scanner.dimension;
  }
  return { date1904: info.date1904, sheets: plan.sheets };
}

/** Reads an .xlsx/.xlsm file. Throws only XlsxReadError. */
export function readXlsxWorkbook(bytes: Uint8Array, opts?: ReadOptions): XlsxWorkbook {
  try {
    const plan = planRead(bytes, opts);
    return scanSheets(plan, sharedStringsFor(plan));
  } catch (e) {
    throw asXlsxError(e);
  }
}

/**
 * readXlsxWorkbook, with the wanted sheets inflated on the host's worker threads (a codec with
 * inflateRawAsync: Node's zlib) while the shared strings are read on this one — on a 100,000-row
 * ledger the sheet's 45 ms of inflating then costs nothing. The same result in every case: a
 * sheet the background could not inflate is inflated, or refused, as the synchronous read would.
 */
export async function readXlsxWorkbookAsync(bytes: Uint8Array, opts?: ReadOptions): Promise<XlsxWorkbook> {
  try {
    const plan = planRead(bytes, opts);
    const inflating = plan.zip.prefetch(plan.wanted.map((w) => w.entry));
    const sharedStrings = sharedStringsFor(plan);
    await inflating;
    return scanSheets(plan, sharedStrings);
  } catch (e) {
    throw asXlsxError(e);
  }
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The sheet's used range: its bottom and right edges (top - 1 / left - 1 when it holds no values). */
function usedEdges(sheet: XlsxSheet): { bottom: number; right: number } {
  const c = sheet.columns;
  return { bottom: sheet.top + (c ? c.height : 0) - 1, right: sheet.left + (c ? c.width : 0) - 1 };
}

/**
 * Cuts a table's cells out of its sheet. Rows and columns past the sheet's used range are blank
 * in Excel too; they are dropped so a table declared over a whole column costs nothing. A table
 * inside the used range (the usual ledger) is a view of the sheet's columns, not a copy.
 */
function cutTable(sheet: XlsxSheet, range: CellRange): CellColumns {
  const used = usedEdges(sheet);
  const bottom = Math.max(range.top, Math.min(range.bottom, used.bottom));
  const right = Math.max(range.left, Math.min(range.right, used.right));
  const height = bottom - range.top + 1;
  const width = right - range.left + 1;
  const src = sheet.columns;
  if (src && range.top >= sheet.top && range.left >= sheet.left && bottom <= used.bottom && right <= used.right) {
    return src.view(range.top - sheet.top, range.left - sheet.left, height, width);
  }
  // Part of it lies outside the used range (blank there): a copy with blanks around.
  const kinds = new Uint8Array(height * width);
  const payload = new Float64Array(height * width);
  if (src) {
    for (let c = 0; c < width; c++) {
      const sc = range.left + c - sheet.left;
      if (sc < 0 || sc >= src.width) continue;
      for (let r = 0; r < height; r++) {
        const sr = range.top + r - sheet.top;
        if (sr < 0 || sr >= src.height) continue;
        const from = src.at(sr, sc);
        kinds[c * height + r] = src.kinds[from];
        payload[c * height + r] = src.payload[from];
      }
    }
  }
  return new CellColumns(kinds, payload, height, 0, 0, height, width, src ? src.strings : [], src ? src.others : []);
}

/** Whether `range` covers every row and column of the sheet's used range (its cells are all inside). */
function holdsUsedRange(sheet: XlsxSheet, range: CellRange): boolean {
  const used = usedEdges(sheet);
  return range.top <= sheet.top && range.left <= sheet.left && range.bottom >= used.bottom && range.right >= used.right;
}

/** A totals row past the used range (blank) is cut with the rest of the blank rows. */
function cutTotals(sheet: XlsxSheet, range: CellRange, totals: number): number {
  return totals > 0 && range.bottom <= usedEdges(sheet).bottom ? totals : 0;
}

/**
 * One RawTable per Excel table (header row included, `table` set); one RawTable of the used range
 * for a sheet without tables. Sheets that were skipped or hold no values give no table. Each
 * table has its cells as columns (RawTable.columns); its `values` are made only if read.
 */
export function toRawWorkbook(x: XlsxWorkbook, name?: string): RawWorkbook {
  const tables: RawTable[] = [];
  for (const sheet of x.sheets) {
    if (sheet.skipped) continue;
    const columns = sheet.columns;
    if (sheet.tables.length) {
      // The whole used range, shared by the sheet's tables: rows typed below or beside a table
      // are then seen (core ignores the cells inside tables). No copy: the rows are the sheet's.
      // A table holding the whole used range (the usual ledger) leaves nothing around it: no
      // region, so core does not walk 100,000 rows to find none outside (~15 ms on the bench).
      const around: RawSurroundings = {
        tables: sheet.tables.map((t) => ({ ...t.range })),
        regions:
          columns && !sheet.tables.some((t) => holdsUsedRange(sheet, t.range))
            ? [lazyRows({ top: sheet.top, left: sheet.left }, "values", columns)]
            : [],
      };
      for (const t of sheet.tables) {
        const raw = withColumns(
          {
            sheet: sheet.name,
            table: t.name,
            top: t.range.top,
            left: t.range.left,
            merges: sheet.merges.filter((m) => intersects(m, t.range)).map((m) => ({ ...m })),
            headerRows: t.headerRows ?? 1,
            totalsRows: cutTotals(sheet, t.range, t.totalsRows ?? 0),
            around,
          },
          cutTable(sheet, t.range),
        );
        tables.push(raw);
      }
    } else if (columns) {
      tables.push(
        withColumns({ sheet: sheet.name, top: sheet.top, left: sheet.left, merges: sheet.merges.map((m) => ({ ...m })) }, columns),
      );
    }
  }
  const out: RawWorkbook = { date1904: x.date1904, tables };
  // Hidden sheets are read like any other: core says so where a ledger is read from one.
  const hidden = x.sheets.filter((s) => s.hidden).map((s) => s.name);
  if (hidden.length > 0) out.hiddenSheets = hidden;
  if (name !== undefined) out.name = name;
  return out;
}

/** Reads a file straight into raw tables; errors name the file when `name` is given. */
export function readXlsx(bytes: Uint8Array, opts?: ReadOptions & { name?: string }): RawWorkbook {
  try {
    return toRawWorkbook(readXlsxWorkbook(bytes, opts), opts?.name);
  } catch (e) {
    throw namedError(e, opts?.name);
  }
}

/** readXlsx with readXlsxWorkbookAsync underneath: the command line's reader. */
export async function readXlsxAsync(bytes: Uint8Array, opts?: ReadOptions & { name?: string }): Promise<RawWorkbook> {
  try {
    return toRawWorkbook(await readXlsxWorkbookAsync(bytes, opts), opts?.name);
  } catch (e) {
    throw namedError(e, opts?.name);
  }
}

function namedError(e: unknown, name: string | undefined): XlsxReadError {
  const err = asXlsxError(e);
  if (name) {
    err.message = `「${name}」：${err.message}`;
    err.messageEn = `"${name}": ${err.messageEn}`;
  }
  return err;
}
