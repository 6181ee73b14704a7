// An in-memory Excel that answers the Excel JavaScript API subset the add-in uses, with the habits
// of the real one that matter to it: proxies queue work and `context.sync()` runs the queue as one
// round trip; reading a property that was not loaded and synced throws PropertyNotLoaded; a
// request or response over the payload limit (5 MB on the web) rejects the whole sync and returns
// nothing; writes to a protected sheet fail with AccessDenied; methods newer than the configured
// requirement sets throw ApiNotFound at call time. Runs in Node (tests) and in the browser
// (playground, end-to-end tests); no Node or DOM APIs.
import type { CellRange, RawCell } from "../core/types";
// Type only: the host does not load the .xlsx reader.
import type { XlsxWorkbook } from "../adapters/xlsx";
import { MAX_COLUMNS, MAX_ROWS, colsOf, formatAddress, intersect, parseRef, rowsOf, splitAreas, splitSheet } from "./a1";
import {
  newSyncStats,
  SIM_ERROR_CODES,
  RequirementSets,
  SimCollectionCore,
  SimContextCore,
  SimObjectCore,
  SimOfficeError,
  type SimHostCore,
  type SimSyncStats,
} from "./common";

export interface SimListRule {
  list: { inCellDropDown: boolean; source: string };
}
/** Data validation as Office.js sets it (`range.dataValidation.rule = { list: … }`); other kinds kept as given. */
export type SimValidationRule = SimListRule | Record<string, unknown>;

/** Range.dataValidation's parts (ExcelApi 1.8); absent = Excel's defaults (alert on, no prompt, blanks ignored). */
export interface SimValidation {
  range: CellRange;
  /** `{}` = no rule (type None), as a range that has only a prompt. */
  rule: SimValidationRule;
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
  prompt?: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks?: boolean;
}

export interface SimTable {
  name: string;
  /** Table.showFilterButton (ExcelApi 1.3); default true. */
  showFilterButton?: boolean;
  /** Table.style; default TableStyleMedium2, what Excel gives a new table. */
  style?: string;
  /** Header and totals rows included, sheet coordinates: Table.getRange(). */
  range: CellRange;
  /** The last row of `range` is the totals row (Chinese Excel labels it 汇总); default false. */
  showTotals?: boolean;
  /** The first row of `range` is the header row; default true. */
  showHeaders?: boolean;
}

export interface SimSheet {
  name: string;
  /** Values from A1; a missing row or cell, null and "" are all blank. */
  cells: RawCell[][];
  merges: CellRange[];
  tables: SimTable[];
  protected?: boolean;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Number formats by `row,col` (zero-based); absent = General. */
  numberFormats?: Record<string, string>;
  validations?: SimValidation[];
  frozenRows?: number;
  /** Column widths in points by zero-based column. */
  columnWidths?: Record<number, number>;
}

export interface SimWorkbook {
  /** Workbook.name; default `Book1.xlsx`. */
  name?: string;
  date1904: boolean;
  /** Workbook structure protection: sheets cannot be added. */
  structureProtected?: boolean;
  sheets: SimSheet[];
  /** The selection; the active sheet is its sheet (else the first visible sheet). */
  selection?: { sheet: string; address: string };
}

/** What Excel passes to a WorksheetCollection.onChanged handler (the fields the add-in reads). */
export interface SimWorksheetChangedEventArgs {
  type: "WorksheetChanged";
  changeType: "RangeEdited";
  source: "Local";
  worksheetId: string;
  address: string;
  /** ExcelApi 1.14: `ThisLocalAddin` when this add-in made the change. */
  triggerSource?: "ThisLocalAddin" | "Unknown";
}

/** Round trips, payloads and errors, as the simulated-office core counts them. */
export type SimStats = SimSyncStats;

export interface SimOptions {
  /** Delay added to every round trip. */
  latencyMs?: number;
  /** Request and response limit per sync; 5 MB like Excel on the web. */
  payloadLimitBytes?: number;
  /** Highest supported version per requirement set, e.g. { ExcelApi: "1.12" }; default ExcelApi 1.17. */
  apiSets?: Record<string, string>;
  /**
   * How a sync over the payload limit fails: with the documented payload errors (default), or as
   * Excel on the web has also answered oversized batches — GeneralException, HTTP 500, "An internal
   * error has occurred" (OfficeDev/office-js#1314, office-js-docs#1247).
   */
  oversize?: "payloadError" | "generalException";
  /** Cells one read may return (default 5 million, everywhere). */
  cellReadLimit?: number;
  /**
   * A read over that many cells: RangeExceedsLimit (default), or `values: null` without an error, as
   * the documentation now warns it can be (office-js-docs-pr#5821).
   */
  overCellReadLimit?: "error" | "null";
}

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** "A read is capped at 5 million cells." */
export const MAX_CELLS_PER_READ = 5_000_000;
/** getMergedAreasOrNullObject fails above this many areas (documented). */
export const MAX_MERGED_AREAS = 512;
const DEFAULT_COLUMN_WIDTH = 48;

export const SimErrorCodes = SIM_ERROR_CODES;

const MESSAGES: Record<string, string> = {
  AccessDenied: "The cell or chart you're trying to change is protected and therefore read-only.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
};

/** Excel's OfficeExtension.Error, with Excel's default messages. */
export class SimRichApiError extends SimOfficeError {
  constructor(code: string, message?: string, errorLocation?: string) {
    super(code, message ?? MESSAGES[code] ?? code, errorLocation);
  }
}

function fail(code: string, location?: string, message?: string): never {
  throw new SimRichApiError(code, message, location);
}

// ---------------------------------------------------------------------------------------------
// The host: the workbook and what happens to it.

interface TableRef {
  sheet: SimSheet;
  table: SimTable;
}
interface RangeRef {
  sheet: SimSheet;
  r: CellRange;
}
interface AreasRef {
  sheet: SimSheet;
  rects: CellRange[];
}

class Host implements SimHostCore {
  readonly stats: SimStats = newSyncStats();
  readonly payloadLimit: number;
  readonly nullObjectMethods = "null" as const;
  readonly nullObjectErrorCode = "ItemNotFound";
  readonly oversize: "payloadError" | "generalException";
  readonly cellReadLimit: number;
  readonly overCellReadLimit: "error" | "null";
  readonly latencyMs: number;
  readonly apiSets: Record<string, string>;
  /** WorksheetCollection.onChanged handlers, registered at the sync that adds them. */
  readonly changeHandlers = new Set<(args: SimWorksheetChangedEventArgs) => Promise<unknown> | void>();
  /** Who is writing now: the add-in inside a sync, or the clerk typing in the grid. */
  writer: "addin" | "user" = "addin";
  constructor(
    readonly wb: SimWorkbook,
    opts: SimOptions,
  ) {
    this.payloadLimit = opts.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
    this.oversize = opts.oversize ?? "payloadError";
    this.cellReadLimit = opts.cellReadLimit ?? MAX_CELLS_PER_READ;
    this.overCellReadLimit = opts.overCellReadLimit ?? "error";
    this.latencyMs = opts.latencyMs ?? 0;
    this.apiSets = opts.apiSets ?? { ExcelApi: "1.17" };
    this.requirements = new RequirementSets(this.apiSets);
  }

  private readonly requirements: RequirementSets;

  isSetSupported(name: string, version = "1.1"): boolean {
    return this.requirements.isSetSupported(name, version);
  }

  error(code: string, message?: string, location?: string): SimOfficeError {
    return new SimRichApiError(code, message, location);
  }

  need(set: string, what: string): void {
    if (!this.isSetSupported("ExcelApi", set)) {
      fail("ApiNotFound", what, `The API you are trying to use could not be found. ${what} needs ExcelApi ${set}.`);
    }
  }

  sheet(name: string): SimSheet | null {
    const key = name.toLowerCase();
    return this.wb.sheets.find((s) => s.name.toLowerCase() === key) ?? null;
  }

  activeSheet(): SimSheet {
    const named = this.wb.selection && this.sheet(this.wb.selection.sheet);
    const sheet = named ?? this.wb.sheets.find((s) => (s.visibility ?? "Visible") === "Visible") ?? this.wb.sheets[0];
    if (!sheet) fail("ItemNotFound", "Workbook.getActiveWorksheet");
    return sheet;
  }

  tables(): TableRef[] {
    return this.wb.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  table(name: string): TableRef | null {
    const key = name.toLowerCase();
    return this.tables().find((t) => t.table.name.toLowerCase() === key) ?? null;
  }

  cell(sheet: SimSheet, row: number, col: number): RawCell {
    const v = sheet.cells[row]?.[col];
    return v === undefined || v === null ? "" : v;
  }

  readValues(ref: RangeRef, location: string): RawCell[][] {
    const n = rowsOf(ref.r) * colsOf(ref.r);
    if (n > this.cellReadLimit) {
      if (this.overCellReadLimit === "null") return null as unknown as RawCell[][];
      fail("RangeExceedsLimit", location);
    }
    const out: RawCell[][] = [];
    for (let row = ref.r.top; row <= ref.r.bottom; row++) {
      const src = ref.sheet.cells[row];
      const line: RawCell[] = new Array(colsOf(ref.r));
      for (let col = ref.r.left, i = 0; col <= ref.r.right; col++, i++) {
        const v = src?.[col];
        line[i] = v === undefined || v === null ? "" : v;
      }
      out.push(line);
    }
    return out;
  }

  readNumberFormats(ref: RangeRef, location: string): string[][] {
    if (rowsOf(ref.r) * colsOf(ref.r) > MAX_CELLS_PER_READ) fail("RangeExceedsLimit", location);
    const f = ref.sheet.numberFormats ?? {};
    const out: string[][] = [];
    for (let row = ref.r.top; row <= ref.r.bottom; row++) {
      const line: string[] = [];
      for (let col = ref.r.left; col <= ref.r.right; col++) line.push(f[`${row},${col}`] ?? "General");
      out.push(line);
    }
    return out;
  }

  guardWrite(sheet: SimSheet, location: string): void {
    if (sheet.protected) fail("AccessDenied", location);
  }

  /** Applies a 2-D array (or one value for every cell) to the range, cell by cell. */
  each<T>(ref: RangeRef, value: T[][] | T, location: string, set: (row: number, col: number, v: T) => void): void {
    const rows = rowsOf(ref.r);
    const cols = colsOf(ref.r);
    if (Array.isArray(value)) {
      if (value.length !== rows || value.some((line) => !Array.isArray(line) || line.length !== cols)) {
        fail(
          "InvalidArgument",
          location,
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
        );
      }
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) set(ref.r.top + i, ref.r.left + j, value[i][j]);
    } else {
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) set(ref.r.top + i, ref.r.left + j, value);
    }
  }

  writeValues(ref: RangeRef, values: RawCell[][] | RawCell, location: string): void {
    this.guardWrite(ref.sheet, location);
    const cells = ref.sheet.cells;
    this.each(ref, values, location, (row, col, v) => {
      while (cells.length <= row) cells.push([]);
      const line = cells[row];
      const blank = v === null || v === "" || v === undefined;
      if (blank && col >= line.length) return;
      while (line.length < col) line.push(null);
      line[col] = blank ? null : v;
    });
    this.extendTables(ref);
    this.changed(ref);
  }

  /**
   * Like Excel, every edit raises WorksheetCollection.onChanged — the add-in's own writes too, told
   * apart by `triggerSource` (ExcelApi 1.14) — and handlers run later, never inside the write.
   */
  changed(ref: RangeRef): void {
    if (this.changeHandlers.size === 0) return;
    const args: SimWorksheetChangedEventArgs = {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: "Local",
      worksheetId: ref.sheet.name,
      address: formatAddress(ref.sheet.name, ref.r).split("!")[1],
    };
    if (this.isSetSupported("ExcelApi", "1.14")) args.triggerSource = this.writer === "addin" ? "ThisLocalAddin" : "Unknown";
    for (const handler of [...this.changeHandlers]) setTimeout(() => void handler(args), 0);
  }

  /** Excel grows a table when data is written into the row right below it (no totals row). */
  private extendTables(ref: RangeRef): void {
    for (const t of ref.sheet.tables) {
      const below = t.range.bottom + 1;
      if (t.showTotals || ref.r.top > below || ref.r.bottom < below) continue;
      if (ref.r.right < t.range.left || ref.r.left > t.range.right) continue;
      let last = t.range.bottom;
      for (let row = below; row <= ref.r.bottom; row++) {
        let any = false;
        for (let col = t.range.left; col <= t.range.right; col++) if (this.cell(ref.sheet, row, col) !== "") any = true;
        if (!any) break;
        last = row;
      }
      t.range = { ...t.range, bottom: last };
    }
  }

  writeNumberFormats(ref: RangeRef, formats: string[][] | string, location: string): void {
    this.guardWrite(ref.sheet, location);
    const f = (ref.sheet.numberFormats ??= {});
    this.each(ref, formats, location, (row, col, v) => {
      if (v === "General" || v === "" || v === null) delete f[`${row},${col}`];
      else f[`${row},${col}`] = String(v);
    });
  }

  usedRect(sheet: SimSheet, valuesOnly: boolean): CellRange | null {
    let r: CellRange | null = null;
    const grow = (row: number, col: number) => {
      if (!r) r = { top: row, bottom: row, left: col, right: col };
      else {
        r.top = Math.min(r.top, row);
        r.bottom = Math.max(r.bottom, row);
        r.left = Math.min(r.left, col);
        r.right = Math.max(r.right, col);
      }
    };
    // From the ends inwards: the first and last rows with a value, then each row only up to the
    // columns already known to be used (a full scan held the playground's pane ~70 ms at 100k rows,
    // work Excel does in its own process).
    const cells = sheet.cells;
    const filled = (v: unknown) => v !== null && v !== "" && v !== undefined;
    const anyFilled = (line: unknown[] | undefined) => !!line && line.some(filled);
    let top = 0;
    while (top < cells.length && !anyFilled(cells[top])) top++;
    let bottom = cells.length - 1;
    while (bottom > top && !anyFilled(cells[bottom])) bottom--;
    for (let row = top; row <= bottom && top < cells.length; row++) {
      const line = cells[row];
      if (!line) continue;
      const known = r as CellRange | null;
      const leftEnd = known ? Math.min(known.left, line.length) : line.length;
      for (let col = 0; col < leftEnd; col++)
        if (filled(line[col])) {
          grow(row, col);
          break;
        }
      const rightEnd = known ? known.right : -1;
      for (let col = line.length - 1; col > rightEnd; col--)
        if (filled(line[col])) {
          grow(row, col);
          break;
        }
      // A row filled only between the known columns still counts for top and bottom.
      if ((row === top || row === bottom) && known) grow(row, known.left);
    }
    if (!valuesOnly) {
      for (const key of Object.keys(sheet.numberFormats ?? {})) {
        const [row, col] = key.split(",").map(Number);
        grow(row, col);
      }
      for (const t of sheet.tables) {
        grow(t.range.top, t.range.left);
        grow(t.range.bottom, t.range.right);
      }
    }
    return r;
  }

  addSheet(name: string | undefined, location: string): SimSheet {
    let sheetName = name;
    if (sheetName === undefined) {
      let i = this.wb.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      sheetName = `Sheet${i}`;
    }
    if (!sheetName || sheetName.length > 31 || /[:\\/?*[\]]/.test(sheetName) || /^'|'$/.test(sheetName)) {
      fail("InvalidArgument", location, `The sheet name '${sheetName}' is not valid.`);
    }
    if (this.wb.structureProtected) fail("AccessDenied", location, "The workbook structure is protected.");
    if (this.sheet(sheetName)) fail("ItemAlreadyExists", location);
    const sheet: SimSheet = { name: sheetName, cells: [], merges: [], tables: [] };
    this.wb.sheets.push(sheet);
    return sheet;
  }

  addTable(sheet: SimSheet, rect: CellRange, hasHeaders: boolean, location: string): TableRef {
    this.guardWrite(sheet, location);
    if (!hasHeaders) fail("NotImplemented", location, "The simulated host adds tables with headers only.");
    if (rect.bottom - rect.top + 1 > MAX_ROWS - 1 || colsOf(rect) > MAX_COLUMNS) fail("InvalidArgument", location);
    // A table always has a data row: a header-only range grows by one.
    const range = rect.top === rect.bottom ? { ...rect, bottom: rect.bottom + 1 } : { ...rect };
    for (const other of sheet.tables) {
      if (intersect(other.range, range)) fail("InvalidArgument", location, "A table can't overlap another table.");
    }
    const names = new Set<string>();
    const header: RawCell[] = [];
    for (let col = range.left, i = 1; col <= range.right; col++, i++) {
      let text = String(this.cell(sheet, range.top, col)).trim() || `Column${i}`;
      for (let n = 2; names.has(text.toLowerCase()); n++) text = `${String(this.cell(sheet, range.top, col)).trim() || "Column"}${n}`;
      names.add(text.toLowerCase());
      header.push(text);
    }
    this.writeValues({ sheet, r: { ...range, bottom: range.top } }, [header], location);
    let n = 1;
    while (this.table(`Table${n}`)) n++;
    const table: SimTable = { name: `Table${n}`, range };
    sheet.tables.push(table);
    return { sheet, table };
  }

  renameTable(ref: TableRef, name: string, location: string): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255) fail("InvalidArgument", location);
    const other = this.table(name);
    if (other && other.table !== ref.table) fail("ItemAlreadyExists", location);
    ref.table.name = name;
  }

  select(sheet: SimSheet, address: string): void {
    this.wb.selection = { sheet: sheet.name, address };
  }
}

// ---------------------------------------------------------------------------------------------
// The request context and its proxies.

class SimRequestContext extends SimContextCore<Host> {
  readonly workbook: SimWorkbookProxy;
  constructor(host: Host) {
    super(host);
    this.workbook = new SimWorkbookProxy(this, () => host);
  }
}

abstract class SimObject<M> extends SimObjectCore<M, SimRequestContext> {
  protected readonly _scalars = SimObjectCore.loadedOf(this);
}

abstract class SimCollection<M, P extends SimObject<M>> extends SimCollectionCore<M, P, SimRequestContext> {}

// --- Workbook ---------------------------------------------------------------------------------

class SimWorkbookProxy extends SimObject<Host> {
  readonly _className = "Workbook";
  static {
    SimObject.describe(this, {
      loaded: ["name"],
      navigations: {
        worksheets: (w) => new SimWorksheetCollection(w.context, () => w._host.wb.sheets),
        tables: (w) => new SimTableCollection(w.context, () => w._host.tables(), null),
      },
    });
  }
  private _functions: SimFunctions | undefined;
  /** Not a navigation a load can take: Office loads no property of it. */
  get functions(): SimFunctions {
    return (this._functions ??= new SimFunctions(this.context, () => this._host));
  }
  protected _read(m: Host, name: string): unknown {
    return name === "name" ? (m.wb.name ?? "Book1.xlsx") : undefined;
  }
}

/** Worksheet functions; only DATE, which answers in the workbook's date system. */
class SimFunctions extends SimObject<Host> {
  readonly _className = "Functions";
  date(year: number, month: number, day: number): SimFunctionResult {
    return new SimFunctionResult(
      this.context,
      () => {
        const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
        return { value: this._host.wb.date1904 ? days - 1462 : days };
      },
      false,
      true,
    );
  }
  protected _read(): unknown {
    return undefined;
  }
}

class SimFunctionResult extends SimObject<{ value: number }> {
  readonly _className = "FunctionResult";
  static {
    SimObject.describe(this, { loaded: ["value", "error"] });
  }
  protected _read(m: { value: number }, name: string): unknown {
    return name === "value" ? m.value : null;
  }
}

class SimWorksheetCollection extends SimCollection<SimSheet, SimWorksheet> {
  readonly _className = "WorksheetCollection";
  /** ExcelApi 1.9. The handler is registered by the next sync; `remove()` likewise queues its removal. */
  get onChanged(): { add(handler: (args: SimWorksheetChangedEventArgs) => Promise<unknown> | void): SimEventHandlerResult } {
    this._host.need("1.9", "WorksheetCollection.onChanged");
    return {
      add: (handler) => {
        this._action("WorksheetCollection.onChanged.add", null, () => this._host.changeHandlers.add(handler));
        return {
          context: this.context,
          remove: () => this._action("EventHandlerResult.remove", null, () => this._host.changeHandlers.delete(handler)),
        };
      },
    };
  }
  protected override readonly _itemClass = SimWorksheet;
  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this.context, () => this._host.sheet(key) ?? fail("ItemNotFound", "WorksheetCollection.getItem"), false, true);
  }
  getItemOrNullObject(key: string): SimWorksheet {
    this._host.need("1.4", "WorksheetCollection.getItemOrNullObject");
    return new SimWorksheet(this.context, () => this._host.sheet(key), true, true);
  }
  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this.context, () => this._host.activeSheet(), false, true);
  }
  add(name?: string): SimWorksheet {
    let added: SimSheet | null = null;
    this._action("WorksheetCollection.add", name ?? "", () => {
      added = this._host.addSheet(name, "WorksheetCollection.add");
    });
    return new SimWorksheet(this.context, () => added, false, true);
  }
}

export interface SimEventHandlerResult {
  context: unknown;
  remove(): void;
}

class SimWorksheet extends SimObject<SimSheet> {
  readonly _className = "Worksheet";
  static {
    SimObject.describe(this, {
      loaded: ["name", "visibility", "position", "id"],
      navigations: {
        tables: (w) =>
          new SimTableCollection(
            w.context,
            () => {
              const s = w._resolve();
              return s ? s.tables.map((table) => ({ sheet: s, table })) : null;
            },
            () => w._resolve(),
          ),
        protection: (w) => new SimWorksheetProtection(w.context, () => w._resolve()),
        freezePanes: (w) => new SimFreezePanes(w.context, () => w._resolve()),
      },
    });
  }
  /** ExcelApi 1.1: Visible, Hidden (the clerk can unhide it) or VeryHidden (only code can). */
  set visibility(v: string) {
    if (!["Visible", "Hidden", "VeryHidden"].includes(v)) fail("InvalidArgument", "Worksheet.visibility");
    this._action("Worksheet.visibility", v, () => {
      const sheet = this._resolve();
      if (!sheet) fail("ItemNotFound", "Worksheet.visibility");
      sheet.visibility = v as "Visible" | "Hidden" | "VeryHidden";
    });
  }
  protected _read(m: SimSheet, name: string): unknown {
    switch (name) {
      case "name":
        return m.name;
      case "visibility":
        return m.visibility ?? "Visible";
      case "position":
        return this._host.wb.sheets.indexOf(m);
      case "id":
        return `{sheet-${this._host.wb.sheets.indexOf(m)}}`;
    }
    return undefined;
  }

  private _range(location: string, rect: () => CellRange, nullable = false): SimRange {
    return new SimRange(
      this.context,
      () => {
        const s = this._resolve();
        return s ? { sheet: s, r: rect() } : nullable ? null : fail("ItemNotFound", location);
      },
      nullable,
      true,
    );
  }

  getRange(address?: string): SimRange {
    return this._range("Worksheet.getRange", () => {
      if (address === undefined) return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
      const { sheet, ref } = splitSheet(address);
      const s = this._need("Worksheet.getRange");
      if (sheet !== null && sheet.toLowerCase() !== s.name.toLowerCase()) fail("InvalidArgument", "Worksheet.getRange");
      return parseRef(ref) ?? fail("InvalidArgument", "Worksheet.getRange", `The address '${address}' is not valid.`);
    });
  }

  getRanges(address: string): SimRangeAreas {
    this._host.need("1.9", "Worksheet.getRanges");
    return new SimRangeAreas(
      this.context,
      () => {
        const s = this._need("Worksheet.getRanges");
        const rects = splitAreas(address).map((a) => {
          const { sheet, ref } = splitSheet(a);
          if (sheet !== null && sheet.toLowerCase() !== s.name.toLowerCase()) fail("InvalidArgument", "Worksheet.getRanges");
          return parseRef(ref) ?? fail("InvalidArgument", "Worksheet.getRanges", `The address '${address}' is not valid.`);
        });
        if (!rects.length) fail("InvalidArgument", "Worksheet.getRanges");
        return { sheet: s, rects };
      },
      false,
      true,
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    this._host.need("1.7", "Worksheet.getRangeByIndexes");
    return this._range("Worksheet.getRangeByIndexes", () => {
      const r = {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
      if (rowCount < 1 || columnCount < 1 || r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLUMNS) {
        fail("InvalidArgument", "Worksheet.getRangeByIndexes");
      }
      return r;
    });
  }

  getCell(row: number, column: number): SimRange {
    return this._range("Worksheet.getCell", () => {
      if (row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLUMNS) {
        fail("InvalidArgument", "Worksheet.getCell");
      }
      return { top: row, left: column, bottom: row, right: column };
    });
  }

  getUsedRange(valuesOnly = false): SimRange {
    return this._range("Worksheet.getUsedRange", () => {
      const s = this._need("Worksheet.getUsedRange");
      return this._host.usedRect(s, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    this._host.need("1.4", "Worksheet.getUsedRangeOrNullObject");
    return new SimRange(
      this.context,
      () => {
        const s = this._resolve();
        const r = s && this._host.usedRect(s, valuesOnly);
        return s && r ? { sheet: s, r } : null;
      },
      true,
      true,
    );
  }

  activate(): void {
    this._action("Worksheet.activate", null, () => {
      const s = this._need("Worksheet.activate");
      if (this._host.wb.selection?.sheet !== s.name) this._host.select(s, "A1");
    });
  }
}

class SimWorksheetProtection extends SimObject<SimSheet> {
  readonly _className = "WorksheetProtection";
  static {
    SimObject.describe(this, { loaded: ["protected"] });
  }
  protected _read(m: SimSheet): unknown {
    return !!m.protected;
  }
}

class SimFreezePanes extends SimObject<SimSheet> {
  readonly _className = "WorksheetFreezePanes";
  freezeRows(count = 1): void {
    this._host.need("1.7", "WorksheetFreezePanes.freezeRows");
    this._action("WorksheetFreezePanes.freezeRows", count, () => {
      this._need("WorksheetFreezePanes.freezeRows").frozenRows = count;
    });
  }
  protected _read(): unknown {
    return undefined;
  }
}

// --- Tables -------------------------------------------------------------------------------------

class SimTableCollection extends SimCollection<TableRef, SimTable_> {
  readonly _className = "TableCollection";
  constructor(
    context: SimRequestContext,
    resolver: () => TableRef[] | null,
    /** The sheet for `worksheet.tables`; null for `workbook.tables`. */
    private readonly _sheet: (() => SimSheet | null) | null,
  ) {
    super(context, resolver);
  }
  protected override readonly _itemClass = SimTable_;
  private _find(key: string): TableRef | null {
    const t = this._host.table(key);
    if (!t || !this._sheet) return t;
    return t.sheet === this._sheet() ? t : null;
  }
  getItem(key: string): SimTable_ {
    return new SimTable_(this.context, () => this._find(key) ?? fail("ItemNotFound", "TableCollection.getItem"), false, true);
  }
  getItemOrNullObject(key: string): SimTable_ {
    this._host.need("1.4", "TableCollection.getItemOrNullObject");
    return new SimTable_(this.context, () => this._find(key), true, true);
  }
  add(address: string, hasHeaders: boolean): SimTable_ {
    let added: TableRef | null = null;
    const location = "TableCollection.add";
    this._action(location, [address, hasHeaders], () => {
      const { sheet: named, ref } = splitSheet(address);
      let sheet: SimSheet | null;
      if (this._sheet) {
        sheet = this._sheet();
        if (sheet && named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) fail("InvalidArgument", location);
      } else {
        sheet = named === null ? null : this._host.sheet(named);
      }
      if (!sheet) fail("InvalidArgument", location, `The address '${address}' does not name a worksheet.`);
      const rect = parseRef(ref) ?? fail("InvalidArgument", location);
      added = this._host.addTable(sheet, rect, hasHeaders, location);
    });
    return new SimTable_(this.context, () => added, false, true);
  }
}

// Named with a trailing underscore so it does not clash with the exported SimTable model type.
class SimTable_ extends SimObject<TableRef> {
  readonly _className = "Table";
  static {
    SimObject.describe(this, {
      loaded: ["name", "showTotals", "showHeaders", "id", "showFilterButton", "style"],
      navigations: {
        worksheet: (t) => new SimWorksheet(t.context, () => t._resolve()?.sheet ?? null),
        columns: (t) => new SimTableColumnCollection(t.context, () => t._resolve()),
        rows: (t) => new SimTableRowCollection(t.context, () => t._resolve()),
      },
    });
  }
  set showFilterButton(value: boolean) {
    this._host.need("1.3", "Table.showFilterButton");
    this._action("Table.showFilterButton", value, () => {
      const t = this._need("Table.showFilterButton");
      this._host.guardWrite(t.sheet, "Table.showFilterButton");
      t.table.showFilterButton = value;
    });
  }
  set style(value: string) {
    this._action("Table.style", value, () => {
      const t = this._need("Table.style");
      this._host.guardWrite(t.sheet, "Table.style");
      t.table.style = value;
    });
  }
  set name(value: string) {
    this._action("Table.name", value, () => {
      this._host.renameTable(this._need("Table.name"), value, "Table.name");
    });
  }
  protected _read(m: TableRef, name: string): unknown {
    switch (name) {
      case "name":
        return m.table.name;
      case "showTotals":
        return !!m.table.showTotals;
      case "showHeaders":
        return m.table.showHeaders !== false;
      case "id":
        return `{table-${m.table.name}}`;
      case "showFilterButton":
        return m.table.showFilterButton !== false;
      case "style":
        return m.table.style ?? "TableStyleMedium2";
    }
    return undefined;
  }
  private _part(location: string, part: (t: SimTable) => CellRange | null): SimRange {
    return new SimRange(
      this.context,
      () => {
        const t = this._need(location);
        const r = part(t.table) ?? fail("ItemNotFound", location);
        return { sheet: t.sheet, r };
      },
      false,
      true,
    );
  }
  getRange(): SimRange {
    return this._part("Table.getRange", (t) => t.range);
  }
  // The parts of a table (all ExcelApi 1.1): getRange() holds the header row (showHeaders), the
  // data body and the totals row (showTotals). Asking for a part the table does not show fails,
  // as the documentation's samples guard with showTotals before getTotalRowRange().
  getHeaderRowRange(): SimRange {
    return this._part("Table.getHeaderRowRange", (t) => (t.showHeaders === false ? null : { ...t.range, bottom: t.range.top }));
  }
  getDataBodyRange(): SimRange {
    return this._part("Table.getDataBodyRange", (t) => ({
      ...t.range,
      top: t.range.top + (t.showHeaders === false ? 0 : 1),
      bottom: t.range.bottom - (t.showTotals ? 1 : 0),
    }));
  }
  getTotalRowRange(): SimRange {
    return this._part("Table.getTotalRowRange", (t) => (t.showTotals ? { ...t.range, top: t.range.bottom } : null));
  }
}

interface ColumnRef {
  t: TableRef;
  index: number;
}

class SimTableColumnCollection extends SimCollection<ColumnRef, SimTableColumn> {
  readonly _className = "TableColumnCollection";
  constructor(context: SimRequestContext, table: () => TableRef | null) {
    super(context, () => {
      const t = table();
      return t ? Array.from({ length: colsOf(t.table.range) }, (_, index) => ({ t, index })) : null;
    });
  }
  protected override readonly _itemClass = SimTableColumn;
  private _find(key: number | string): ColumnRef | null {
    const list = this._resolve() ?? [];
    if (typeof key === "number") return list[key] ?? null;
    const want = key.trim().toLowerCase();
    return (
      list.find(
        (c) =>
          String(c.t.sheet.cells[c.t.table.range.top]?.[c.t.table.range.left + c.index] ?? "")
            .trim()
            .toLowerCase() === want,
      ) ?? null
    );
  }
  getItem(key: number | string): SimTableColumn {
    return new SimTableColumn(this.context, () => this._find(key) ?? fail("ItemNotFound", "TableColumnCollection.getItem"), false, true);
  }
  getItemOrNullObject(key: number | string): SimTableColumn {
    return new SimTableColumn(this.context, () => this._find(key), true, true);
  }
  getItemAt(index: number): SimTableColumn {
    return this.getItem(index);
  }
}

class SimTableColumn extends SimObject<ColumnRef> {
  readonly _className = "TableColumn";
  static {
    SimObject.describe(this, { loaded: ["name", "index", "id"] });
  }
  protected _read(m: ColumnRef, name: string): unknown {
    if (name === "name") return String(this._host.cell(m.t.sheet, m.t.table.range.top, m.t.table.range.left + m.index));
    return m.index;
  }
  private _part(location: string, rows: (t: SimTable) => [number, number]): SimRange {
    return new SimRange(
      this.context,
      () => {
        const c = this._need(location);
        const [top, bottom] = rows(c.t.table);
        const col = c.t.table.range.left + c.index;
        return { sheet: c.t.sheet, r: { top, bottom, left: col, right: col } };
      },
      false,
      true,
    );
  }
  getRange(): SimRange {
    return this._part("TableColumn.getRange", (t) => [t.range.top, t.range.bottom]);
  }
  getHeaderRowRange(): SimRange {
    return this._part("TableColumn.getHeaderRowRange", (t) => [t.range.top, t.range.top]);
  }
  getDataBodyRange(): SimRange {
    return this._part("TableColumn.getDataBodyRange", (t) => [
      t.range.top + (t.showHeaders === false ? 0 : 1),
      t.range.bottom - (t.showTotals ? 1 : 0),
    ]);
  }
}

class SimTableRowCollection extends SimObject<TableRef> {
  readonly _className = "TableRowCollection";
  static {
    SimObject.describe(this, { loaded: ["count"] });
  }
  protected _read(m: TableRef): unknown {
    return rowsOf(m.table.range) - (m.table.showHeaders === false ? 0 : 1) - (m.table.showTotals ? 1 : 0);
  }
  add(): never {
    // Deliberately absent: the add-in appends below a table instead (co-authoring, OFFICEJS-FACTS).
    return fail("NotImplemented", "TableRowCollection.add", "The simulated host does not implement rows.add.");
  }
}

// --- Ranges -------------------------------------------------------------------------------------

/** A rectangle moved by rows down and columns right (Range.getCell is the top-left cell moved). */
function moved(r: CellRange, rows: number, columns: number): CellRange {
  return { top: r.top + rows, bottom: r.bottom + rows, left: r.left + columns, right: r.right + columns };
}

class SimRange extends SimObject<RangeRef> {
  readonly _className = "Range";
  static {
    SimObject.describe(this, {
      loaded: [
        "address",
        "addressLocal",
        "values",
        "text",
        "numberFormat",
        "rowIndex",
        "columnIndex",
        "rowCount",
        "columnCount",
        "cellCount",
      ],
      navigations: {
        worksheet: (r) => new SimWorksheet(r.context, () => r._resolve()?.sheet ?? null),
        format: (r) => new SimRangeFormat(r.context, () => r._resolve()),
        dataValidation: (r) => new SimDataValidation(r.context, () => r._resolve()),
      },
    });
  }
  set values(v: RawCell[][]) {
    this._action("Range.values", v, () => this._host.writeValues(this._need("Range.values"), v, "Range.values"));
  }
  set numberFormat(v: string[][]) {
    this._action("Range.numberFormat", v, () => this._host.writeNumberFormats(this._need("Range.numberFormat"), v, "Range.numberFormat"));
  }
  get dataValidation(): SimDataValidation {
    this._host.need("1.8", "Range.dataValidation");
    return this._nav("dataValidation");
  }
  protected _read(m: RangeRef, name: string): unknown {
    switch (name) {
      case "address":
      case "addressLocal":
        return formatAddress(m.sheet.name, m.r);
      case "values":
        return this._host.readValues(m, "Range.values");
      case "text":
        return this._host.readValues(m, "Range.text")?.map((line) => line.map((v) => String(v))) ?? null;
      case "numberFormat":
        return this._host.readNumberFormats(m, "Range.numberFormat");
      case "rowIndex":
        return m.r.top;
      case "columnIndex":
        return m.r.left;
      case "rowCount":
        return rowsOf(m.r);
      case "columnCount":
        return colsOf(m.r);
      case "cellCount":
        return rowsOf(m.r) * colsOf(m.r);
    }
    return undefined;
  }

  /** A range derived from this one at sync time; `nullable` ones become null objects instead of failing. */
  private _derive(location: string, f: (m: RangeRef) => CellRange | null, nullable = false): SimRange {
    return new SimRange(
      this.context,
      () => {
        const m = this._resolve();
        if (!m) return nullable ? null : fail("ItemNotFound", location);
        const r = f(m);
        if (r === null) return nullable ? null : fail("InvalidArgument", location);
        if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLUMNS || r.top > r.bottom || r.left > r.right) {
          fail("InvalidArgument", location);
        }
        return { sheet: m.sheet, r };
      },
      nullable,
      true,
    );
  }

  getCell(row: number, column: number): SimRange {
    return this._derive("Range.getCell", (m) => moved({ ...m.r, bottom: m.r.top, right: m.r.left }, row, column));
  }
  getRow(row: number): SimRange {
    return this._derive("Range.getRow", (m) => (row < rowsOf(m.r) ? { ...m.r, top: m.r.top + row, bottom: m.r.top + row } : null));
  }
  getColumn(column: number): SimRange {
    return this._derive("Range.getColumn", (m) =>
      column < colsOf(m.r) ? { ...m.r, left: m.r.left + column, right: m.r.left + column } : null,
    );
  }
  getLastRow(): SimRange {
    return this._derive("Range.getLastRow", (m) => ({ ...m.r, top: m.r.bottom }));
  }
  getEntireRow(): SimRange {
    return this._derive("Range.getEntireRow", (m) => ({ ...m.r, left: 0, right: MAX_COLUMNS - 1 }));
  }
  getEntireColumn(): SimRange {
    return this._derive("Range.getEntireColumn", (m) => ({ ...m.r, top: 0, bottom: MAX_ROWS - 1 }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._derive("Range.getOffsetRange", (m) => moved(m.r, rowOffset, columnOffset));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._derive("Range.getResizedRange", (m) => ({
      ...m.r,
      bottom: m.r.bottom + deltaRows,
      right: m.r.right + deltaColumns,
    }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): SimRange {
    this._host.need("1.7", "Range.getAbsoluteResizedRange");
    return this._derive("Range.getAbsoluteResizedRange", (m) => ({
      top: m.r.top,
      left: m.r.left,
      bottom: m.r.top + numRows - 1,
      right: m.r.left + numColumns - 1,
    }));
  }
  getIntersectionOrNullObject(anotherRange: SimRange | string): SimRange {
    this._host.need("1.4", "Range.getIntersectionOrNullObject");
    return this._derive(
      "Range.getIntersectionOrNullObject",
      (m) => {
        let other: CellRange | null;
        if (typeof anotherRange === "string") {
          const { sheet, ref } = splitSheet(anotherRange);
          if (sheet !== null && sheet.toLowerCase() !== m.sheet.name.toLowerCase()) return null;
          other = parseRef(ref);
        } else {
          const o = anotherRange._resolve();
          other = o && o.sheet === m.sheet ? o.r : null;
        }
        return other ? intersect(m.r, other) : null;
      },
      true,
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return this._derive(
      "Range.getUsedRangeOrNullObject",
      (m) => {
        const used = this._host.usedRect(m.sheet, valuesOnly);
        return used ? intersect(m.r, used) : null;
      },
      true,
    );
  }
  getUsedRange(valuesOnly = false): SimRange {
    return this._derive("Range.getUsedRange", (m) => {
      const used = this._host.usedRect(m.sheet, valuesOnly);
      return (used && intersect(m.r, used)) ?? fail("ItemNotFound", "Range.getUsedRange");
    });
  }
  getMergedAreasOrNullObject(): SimRangeAreas {
    this._host.need("1.13", "Range.getMergedAreasOrNullObject");
    return new SimRangeAreas(
      this.context,
      () => {
        const m = this._resolve();
        if (!m) return null;
        // Only the areas whose top-left cell lies in this range (so row blocks never list one twice).
        const rects = m.sheet.merges.filter((x) => x.top >= m.r.top && x.top <= m.r.bottom && x.left >= m.r.left && x.left <= m.r.right);
        if (rects.length > MAX_MERGED_AREAS) fail("GeneralException", "Range.getMergedAreasOrNullObject", "Too many merged areas.");
        return rects.length ? { sheet: m.sheet, rects } : null;
      },
      true,
      true,
    );
  }
  select(): void {
    this._action("Range.select", null, () => {
      const m = this._need("Range.select");
      this._host.select(m.sheet, formatAddress(m.sheet.name, m.r).split("!")[1]);
    });
  }
}

class SimRangeFormat extends SimObject<RangeRef> {
  readonly _className = "RangeFormat";
  static {
    SimObject.describe(this, { loaded: ["columnWidth"] });
  }
  set columnWidth(width: number) {
    this._action("RangeFormat.columnWidth", width, () => {
      const m = this._need("RangeFormat.columnWidth");
      this._host.guardWrite(m.sheet, "RangeFormat.columnWidth");
      const widths = (m.sheet.columnWidths ??= {});
      for (let col = m.r.left; col <= m.r.right; col++) widths[col] = width;
    });
  }
  autofitColumns(): void {
    this._action("RangeFormat.autofitColumns", null, () => {
      const m = this._need("RangeFormat.autofitColumns");
      this._host.guardWrite(m.sheet, "RangeFormat.autofitColumns");
      const widths = (m.sheet.columnWidths ??= {});
      const used = this._host.usedRect(m.sheet, true);
      for (let col = m.r.left; col <= Math.min(m.r.right, used?.right ?? m.r.left); col++) {
        let chars = 0;
        for (let row = Math.max(m.r.top, used?.top ?? 0); row <= Math.min(m.r.bottom, used?.bottom ?? 0); row++) {
          let w = 0;
          for (const ch of String(this._host.cell(m.sheet, row, col))) w += ch.codePointAt(0)! > 0xff ? 2 : 1;
          chars = Math.max(chars, w);
        }
        // About 7 points per narrow character in the default font, plus padding.
        widths[col] = Math.max(DEFAULT_COLUMN_WIDTH, chars * 7 + 10);
      }
    });
  }
  protected _read(m: RangeRef): unknown {
    return m.sheet.columnWidths?.[m.r.left] ?? DEFAULT_COLUMN_WIDTH;
  }
}

class SimDataValidation extends SimObject<RangeRef> {
  readonly _className = "DataValidation";
  static {
    SimObject.describe(this, { loaded: ["rule", "type", "errorAlert", "prompt", "ignoreBlanks"] });
  }
  set rule(rule: SimValidationRule) {
    this._action("DataValidation.rule", rule, () => {
      // Like every argument, a malformed rule fails the sync that carries it, not the assignment.
      checkValidationRule(rule);
      const m = this._need("DataValidation.rule");
      this._host.guardWrite(m.sheet, "DataValidation.rule");
      validationAt(m, true).rule = rule;
    });
  }
  set errorAlert(alert: SimValidation["errorAlert"]) {
    this._action("DataValidation.errorAlert", alert, () => {
      const full = checkErrorAlert(alert);
      const m = this._need("DataValidation.errorAlert");
      this._host.guardWrite(m.sheet, "DataValidation.errorAlert");
      validationAt(m, false).errorAlert = full;
    });
  }
  set prompt(prompt: SimValidation["prompt"]) {
    const full = { showPrompt: prompt?.showPrompt ?? false, title: prompt?.title ?? "", message: prompt?.message ?? "" };
    this._action("DataValidation.prompt", prompt, () => {
      const m = this._need("DataValidation.prompt");
      this._host.guardWrite(m.sheet, "DataValidation.prompt");
      validationAt(m, false).prompt = full;
    });
  }
  set ignoreBlanks(value: boolean) {
    this._action("DataValidation.ignoreBlanks", value, () => {
      const m = this._need("DataValidation.ignoreBlanks");
      this._host.guardWrite(m.sheet, "DataValidation.ignoreBlanks");
      validationAt(m, false).ignoreBlanks = value;
    });
  }
  clear(): void {
    this._action("DataValidation.clear", null, () => {
      const m = this._need("DataValidation.clear");
      this._host.guardWrite(m.sheet, "DataValidation.clear");
      m.sheet.validations = (m.sheet.validations ?? []).filter((v) => !intersect(v.range, m.r));
    });
  }
  protected _read(m: RangeRef, name: string): unknown {
    const found = (m.sheet.validations ?? []).find((v) => intersect(v.range, m.r));
    switch (name) {
      case "type":
        return found ? validationType(found.rule) : "None";
      case "errorAlert":
        return found?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" };
      case "prompt":
        return found?.prompt ?? { showPrompt: false, title: "", message: "" };
      case "ignoreBlanks":
        return found?.ignoreBlanks ?? true;
    }
    return found ? found.rule : {};
  }
}

// ── Data validation (ExcelApi 1.8) as the API documents it: a rule holds exactly one criterion
// (list, wholeNumber, decimal, date, time, textLength or custom); the basic ones take an operator
// and formula1 (and formula2 for Between/NotBetween); the error alert's style is Stop, Warning or
// Information. A range's rule, alert, prompt and ignoreBlanks are one validation: setting one part
// keeps the others when the range is the one validated; a rule over other ranges replaces them.

const RULE_TYPES: Record<string, string> = {
  list: "List",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};
const VALIDATION_OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];
const ALERT_STYLES = ["Stop", "Warning", "Information"];

function validationType(rule: SimValidationRule): string {
  const key = Object.keys(rule)[0];
  return key === undefined ? "None" : (RULE_TYPES[key] ?? "Custom");
}

function checkValidationRule(rule: SimValidationRule): void {
  const where = "DataValidation.rule";
  const keys = Object.keys(rule ?? {}).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !(keys[0] in RULE_TYPES)) {
    fail("InvalidArgument", where, "The argument is invalid or missing or has an incorrect format.");
  }
  const criterion = (rule as Record<string, Record<string, unknown>>)[keys[0]];
  if (keys[0] === "list") {
    if (typeof criterion.source !== "string" || criterion.source === "") fail("InvalidArgument", where);
    return;
  }
  if (keys[0] === "custom") {
    if (typeof criterion.formula !== "string") fail("InvalidArgument", where);
    return;
  }
  const operator = String(criterion.operator ?? "");
  if (!VALIDATION_OPERATORS.includes(operator) || criterion.formula1 === undefined) fail("InvalidArgument", where);
  if ((operator === "Between" || operator === "NotBetween") && criterion.formula2 === undefined) fail("InvalidArgument", where);
}

function checkErrorAlert(alert: SimValidation["errorAlert"]): NonNullable<SimValidation["errorAlert"]> {
  const style = alert?.style ?? "Stop";
  if (!ALERT_STYLES.includes(style)) fail("InvalidArgument", "DataValidation.errorAlert");
  return { showAlert: alert?.showAlert ?? true, style, title: alert?.title ?? "", message: alert?.message ?? "" };
}

/** The validation of exactly this range, made when missing; a new rule replaces those it overlaps. */
function validationAt(m: RangeRef, forRule: boolean): SimValidation {
  const list = (m.sheet.validations ??= []);
  const same = list.find((v) => sameRect(v.range, m.r));
  if (same) return same;
  const made: SimValidation = { range: { ...m.r }, rule: {} };
  m.sheet.validations = forRule ? [...list.filter((v) => !intersect(v.range, m.r)), made] : [...list, made];
  return made;
}

function sameRect(a: CellRange, b: CellRange): boolean {
  return a.top === b.top && a.bottom === b.bottom && a.left === b.left && a.right === b.right;
}

class SimRangeAreas extends SimObject<AreasRef> {
  readonly _className = "RangeAreas";
  static {
    SimObject.describe(this, {
      loaded: ["address", "areaCount", "cellCount"],
      navigations: {
        areas: (a) =>
          new SimRangeCollection(a.context, () => {
            const m = a._resolve();
            return m ? m.rects.map((r) => ({ sheet: m.sheet, r })) : null;
          }),
      },
    });
  }
  protected _read(m: AreasRef, name: string): unknown {
    if (name === "address") return m.rects.map((r) => formatAddress(m.sheet.name, r)).join(", ");
    if (name === "areaCount") return m.rects.length;
    return m.rects.reduce((n, r) => n + rowsOf(r) * colsOf(r), 0);
  }
  select(): void {
    this._action("RangeAreas.select", null, () => {
      const m = this._need("RangeAreas.select");
      this._host.select(m.sheet, m.rects.map((r) => formatAddress(m.sheet.name, r).split("!")[1]).join(","));
    });
  }
}

class SimRangeCollection extends SimCollection<RangeRef, SimRange> {
  readonly _className = "RangeCollection";
  protected override readonly _itemClass = SimRange;
}

// ---------------------------------------------------------------------------------------------

export interface SimulatedExcel {
  /** Stands in for the global `Excel`: `run` and the error codes. */
  Excel: { run: typeof Excel.run; ErrorCodes: typeof SimErrorCodes };
  stats: SimStats;
  /** The live workbook: every write lands here. */
  workbook: SimWorkbook;
  /** Whether the simulated host supports a requirement set (what Office.context.requirements answers). */
  isSetSupported(name: string, version?: string): boolean;
  /** Clears the counters, e.g. between arranging a test and acting. */
  resetStats(): void;
  /** The clerk types into the grid: writes one value, raising onChanged as the add-in's writes do. */
  edit(sheet: string, address: string, value: RawCell): void;
  /** onChanged handlers registered now. */
  changeHandlerCount(): number;
}

export function createSimulatedExcel(workbook: SimWorkbook, opts: SimOptions = {}): SimulatedExcel {
  const host = new Host(workbook, opts);
  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function") fail("InvalidArgument", "Excel.run");
    // Excel.run(object.context, batch) continues in that object's context (how event handlers are removed).
    const context = args.length > 1 && args[0] instanceof SimRequestContext ? args[0] : new SimRequestContext(host);
    const result = (batch as (ctx: SimRequestContext) => unknown)(context);
    if (!result || typeof (result as Promise<T>).then !== "function") {
      fail("RunMustReturnPromise", "Excel.run", 'The batch function passed to the ".run" method didn\'t return a promise.');
    }
    const value = await (result as Promise<T>);
    // Like Office.js, whatever is still queued when the batch resolves is sent in a final sync.
    await context.sync();
    return value;
  }
  return {
    Excel: { run: run as unknown as typeof Excel.run, ErrorCodes: SimErrorCodes },
    stats: host.stats,
    workbook,
    isSetSupported: (name, version) => host.isSetSupported(name, version),
    edit(sheetName, address, value) {
      const sheet = host.sheet(sheetName) ?? fail("ItemNotFound", "edit");
      const r = parseRef(address) ?? fail("InvalidArgument", "edit");
      host.writer = "user";
      try {
        host.writeValues({ sheet, r }, [[value]], "edit");
      } finally {
        host.writer = "addin";
      }
    },
    changeHandlerCount: () => host.changeHandlers.size,
    resetStats() {
      Object.assign(host.stats, {
        syncs: 0,
        failedSyncs: 0,
        requestBytes: [],
        responseBytes: [],
        maxRequestBytes: 0,
        maxResponseBytes: 0,
        errors: [],
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// From the .xlsx reader's output, so the playground can open a real file in the simulated host.

/** The .xlsx reader's output as a simulated workbook, cells moved to sheet coordinates. */
export function simWorkbookFromXlsx(x: XlsxWorkbook): SimWorkbook {
  return {
    date1904: x.date1904,
    sheets: x.sheets.map((s) => {
      const cells: RawCell[][] = [];
      s.cells.forEach((line, i) => {
        const row: RawCell[] = new Array(s.left).fill(null);
        for (const v of line) row.push(v === undefined ? null : v);
        cells[s.top + i] = row;
      });
      for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = [];
      return {
        name: s.name,
        cells,
        merges: s.merges.map((m) => ({ ...m })),
        tables: s.tables.map((t) => {
          const table: SimTable = { name: t.name, range: { ...t.range } };
          if (t.totalsRows) table.showTotals = true;
          if (t.headerRows === 0) table.showHeaders = false;
          return table;
        }),
        visibility: s.hidden ? "Hidden" : "Visible",
      };
    }),
  };
}
