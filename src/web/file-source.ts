// The pane's WorkbookSource over a file the clerk chose: what the Excel pane asks of Office.js, the
// web page answers from the file's bytes (read in this browser, never uploaded). What a file cannot
// do — select a cell, take a written value — it does the web page's way: a place is told in words
// (through `onPlace`), and settings and manual values are kept for this session's reports.
import type { RawWorkbook } from "../core/types";
import type { ReadStats, SetUpResult, WorkbookSource } from "../adapters/excel/types";
import type { ColumnMappingEntry, ColumnMappingWrite } from "../adapters/excel/column-map";
import { COLUMN_MAP_HEADERS, COLUMN_MAP_SHEET } from "../core/ledger/schema";
import { runEngine, type EngineResult } from "../core/engine";
import type { RunOptions } from "../worker/client";
import { manualCell, settingsOverrides, withManualValues } from "./session";

/** A workbook file as the page holds it: the bytes of one reading, and how to read it again. */
export interface OpenedFile {
  name: string;
  /** The file's modified time (ms since 1970) when it was read. */
  lastModified: number;
  size: number;
  bytes: Uint8Array;
  /** With the File System Access API the same file can be read again without asking. */
  handle?: FileHandleLike;
}

/** The part of FileSystemFileHandle the page uses (TypeScript's DOM library does not have it yet). */
export interface FileHandleLike {
  kind: "file";
  name: string;
  getFile(): Promise<File>;
}

export type Place = { kind: "cell"; address: string } | { kind: "rows"; refs: { sheet: string; row: number }[] };

/** What the clerk changed on the page this session. */
export interface SessionChanges {
  settings: [string, string][];
  manual: [string, number | null][];
}

/** Zero-based row where this session's 列名对照 rows are read (the page names them as its own). */
const SESSION_MAP_TOP = 0;

export class FileWorkbookSource implements WorkbookSource {
  private readonly settings = new Map<string, string>();
  private readonly manual = new Map<string, number | null>();
  /** 列名对照 rows the clerk confirmed this session: read as if the file had them. */
  private readonly mappings: ColumnMappingEntry[] = [];
  private parsed: { bytes: Uint8Array; workbook: RawWorkbook; cells: number } | null = null;
  private readonly listeners = new Set<(what: "settings" | "manual") => void>();

  constructor(
    private file: OpenedFile,
    private readonly readWorkbook: (bytes: Uint8Array, name: string) => Promise<RawWorkbook>,
    private readonly onPlace: (place: Place) => void,
    /** Where the engine runs: the page's engine worker (as the pane's), or here, in place (tests). */
    private readonly engine: (workbook: RawWorkbook, options: RunOptions) => EngineResult | Promise<EngineResult> = runEngine,
  ) {}

  get current(): OpenedFile {
    return this.file;
  }

  /** A new reading of the file (重新读取): the session's changes stay, the next read uses the new bytes. */
  replaceFile(file: OpenedFile): void {
    this.file = file;
  }

  /** Settings and manual values changed this session, for the page to say they are not in the file. */
  changes(): SessionChanges {
    return { settings: [...this.settings], manual: [...this.manual] };
  }

  /** Called when the session's changes change, so the page recomputes at once. */
  subscribe(listener: (what: "settings" | "manual") => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(what: "settings" | "manual"): void {
    this.listeners.forEach((l) => l(what));
  }

  /** The file as read, before the session's changes: parsed once per reading of the file. */
  private async fileWorkbook(): Promise<{ workbook: RawWorkbook; cells: number }> {
    if (this.parsed?.bytes !== this.file.bytes) {
      const workbook = await this.readWorkbook(this.file.bytes, this.file.name);
      // Counted on the columns where the reader has them: reading `values` would make every row.
      const cells = workbook.tables.reduce(
        (sum, t) => sum + (t.columns ? t.columns.height * t.columns.width : t.values.reduce((n, row) => n + row.length, 0)),
        0,
      );
      this.parsed = { bytes: this.file.bytes, workbook, cells };
    }
    return this.parsed;
  }

  async read(): Promise<{ workbook: RawWorkbook; stats: ReadStats }> {
    const { workbook, cells } = await this.fileWorkbook();
    const withManual = withManualValues(workbook, this.manual);
    return {
      workbook: this.mappings.length === 0 ? withManual : { ...withManual, tables: [...withManual.tables, this.mappingTable()] },
      stats: { roundTrips: 0, largestResponseBytes: 0, cells, mergesUnknown: false },
    };
  }

  /** The engine with this session's settings under whatever the caller chose for this run. */
  readonly runEngine = (workbook: RawWorkbook, options: RunOptions = {}): EngineResult | Promise<EngineResult> =>
    this.engine(workbook, { ...options, overrides: { ...settingsOverrides(this.settings), ...options.overrides } });

  async selectCell(address: string): Promise<void> {
    this.onPlace({ kind: "cell", address });
  }

  /** Nothing is selected (a page cannot): the rows' places are said in words, and null says so to the view. */
  async selectRows(refs: { sheet: string; row: number }[]): Promise<null> {
    if (refs.length) this.onPlace({ kind: "rows", refs });
    return null;
  }

  async writeSettings(pairs: [string, string][]): Promise<void> {
    for (const [label, value] of pairs) this.settings.set(label, value);
    this.changed("settings");
  }

  async writeManualValue(figureId: string, value: number | null): Promise<{ cell: string }> {
    if (value !== null && !Number.isFinite(value)) throw new RangeError(`not a number: ${value}`);
    // Throws the clerk's words when 指标定义 has no place for it, as the Excel pane would.
    const cell = manualCell((await this.fileWorkbook()).workbook, figureId);
    this.manual.set(figureId, value);
    this.changed("manual");
    return { cell };
  }

  /**
   * The page cannot write into the clerk's file: the row is kept for this session (read as a sheet
   * 列名对照 of its own, beside any the file has)
   * and the page says to add it in Excel or WPS.
   */
  async writeColumnMapping(entry: ColumnMappingEntry): Promise<ColumnMappingWrite> {
    const same = (m: ColumnMappingEntry) => m.ledger === entry.ledger && m.column === entry.column && m.header === entry.header;
    const existed = this.mappings.some(same);
    if (!existed) this.mappings.push({ ...entry });
    this.changed("manual");
    const at = this.mappings.findIndex(same);
    return { cell: `${COLUMN_MAP_SHEET}!A${SESSION_MAP_TOP + at + 2}`, created: false, existed };
  }

  private mappingTable(): RawWorkbook["tables"][number] {
    return {
      sheet: COLUMN_MAP_SHEET,
      top: SESSION_MAP_TOP,
      left: 0,
      values: [[...COLUMN_MAP_HEADERS], ...this.mappings.map((m) => [m.ledger, m.column, m.header])],
    };
  }

  /** The page cannot add sheets to the clerk's file; the page explains instead (see WebApp). */
  async setUp(): Promise<SetUpResult> {
    return { added: [], kept: [], failed: [] };
  }
}
