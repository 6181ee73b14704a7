// The messages between the pane (main thread) and the engine's Web Worker. Desktop Office asks to
// restart an add-in whose pane stops answering (Resource limits and performance optimization for
// Office Add-ins), so the engine and the .docx writer run in a worker; Office.js stays on the main
// thread (only it has `Office`/`Excel`), and the worker gets plain data: the cell values already read.
//
// A postMessage copies its data on the sending thread and the receiving thread, in one task each:
// 100k rows in one message cost ~140 ms to send and ~370 ms to receive in Chromium. So the workbook
// goes over in slices of rows, and the result comes back without what the pane never shows (the
// ledgers' row objects stay in the worker) and with each figure's row references packed into typed
// arrays that are moved, not copied.
import type { EngineOptions, EngineProgress, EngineResult } from "../core/engine";
import { withLazyRowRefs } from "../core/figures/evaluate";
import type { FigureResult, Ledger, LinkRecord, RawSurroundings, RawTable, RawWorkbook, ReportDocument } from "../core/types";

/** Rows per message: a slice of the 100k bench ledger costs the main thread ~15 ms to copy (Chromium, loaded machine). */
export const ROWS_PER_SLICE = 1000;

/** A table as first sent: everything but its values, which follow in slices. */
export type TableHead = Omit<RawTable, "values">;

export type EngineRequest =
  /** A new run: the workbook's name and date system; its tables follow. */
  | { type: "begin"; run: number; name?: string; date1904: boolean; tables: number; hiddenSheets?: string[] }
  /** `aroundOf`: the table's surroundings are those of that earlier table of the run (one sheet's tables share them). */
  | { type: "table"; run: number; head: TableHead; aroundOf?: number }
  /** The next rows of the last table begun. */
  | { type: "rows"; run: number; rows: RawTable["values"] }
  /**
   * The next rows of one region around the last table begun (its `around.regions[region]`, sent
   * empty with the head). A row the table already sent as the same array is `null`: the worker
   * takes the table's row at that sheet row, so a ledger read through its used range crosses once.
   */
  | { type: "around"; run: number; region: number; rows: (RawTable["values"][number] | null)[] }
  /** Every table sent: compute. */
  | { type: "compute"; run: number; options: EngineOptions }
  /** Lays out the report of a run the worker still holds. */
  | { type: "render"; run: number; of: number }
  /** Lays out a report the pane sends (one the worker no longer holds). */
  | { type: "render-document"; run: number; document: ReportDocument; link: LinkRecord }
  /** The pane no longer wants this run (a newer one started): stop and forget it. */
  | { type: "cancel"; run: number }
  /**
   * Reads a workbook file (the web page's, the clerk's choice) in the worker: reading 100k rows
   * held the page's main thread for seconds. The workbook comes back in the slices it goes out in.
   */
  | { type: "read-workbook"; run: number; bytes: Uint8Array; name: string };

/** The messages that carry a workbook, either way (workbookMessages). */
export type WorkbookPart = Extract<EngineRequest, { type: "begin" | "table" | "rows" | "around" }>;

export type EngineStage = "read" | EngineProgress["stage"] | "layout";

export type EngineResponse =
  | { type: "progress"; run: number; progress: EngineProgress }
  | { type: "result"; run: number; result: PackedEngineResult }
  | { type: "document"; run: number; bytes: Uint8Array }
  /** A slice of the workbook a read-workbook asked for; `workbook-read` follows the last one. */
  | { type: "workbook"; run: number; part: WorkbookPart }
  | { type: "workbook-read"; run: number }
  /** `missing`: a render asked for a result the worker no longer holds (the pane then sends the report). */
  | {
      type: "error";
      run: number;
      stage: EngineStage;
      message: string;
      /** Set when the engine threw a LocalizedError: its code and English text cross the thread too. */
      code?: string;
      messageEn?: string;
      stack?: string;
      missing?: boolean;
    };

/** A figure's row references as three arrays that move between threads without copying. */
export interface PackedRowRefs {
  sheets: string[];
  /** Index into `sheets`, one per reference. */
  sheet: Uint16Array;
  row: Uint32Array;
}

export type PackedFigure = Omit<FigureResult, "rowRefs"> & { packedRows: PackedRowRefs };

/** An EngineResult as the worker sends it: ledger rows left behind, row references packed. */
export interface PackedEngineResult {
  result: Omit<EngineResult, "figures" | "report"> & {
    figures: PackedFigure[];
    report: Omit<ReportDocument, "figures"> & { figures: number[] };
  };
}

export function packRowRefs(refs: readonly { sheet: string; row: number }[]): PackedRowRefs {
  const sheets: string[] = [];
  const index = new Map<string, number>();
  const sheet = new Uint16Array(refs.length);
  const row = new Uint32Array(refs.length);
  refs.forEach((ref, i) => {
    let at = index.get(ref.sheet);
    if (at === undefined) {
      at = sheets.push(ref.sheet) - 1;
      index.set(ref.sheet, at);
    }
    sheet[i] = at;
    row[i] = ref.row;
  });
  return { sheets, sheet, row };
}

export function unpackRowRefs(packed: PackedRowRefs): { sheet: string; row: number }[] {
  const out = new Array<{ sheet: string; row: number }>(packed.row.length);
  for (let i = 0; i < out.length; i++) out[i] = { sheet: packed.sheets[packed.sheet[i]], row: packed.row[i] };
  return out;
}

/**
 * A ledger's fields but its rows, copied without reading `rows`: a columnar ledger builds its row
 * objects when `rows` is first read (core/ledger/columnar.ts), which is what staying behind saves.
 */
function withoutRows(ledger: Ledger): Ledger {
  const slim = {} as Record<string, unknown>;
  for (const key of Object.keys(ledger)) if (key !== "rows") slim[key] = (ledger as unknown as Record<string, unknown>)[key];
  slim.rows = [];
  return slim as unknown as Ledger;
}

/**
 * The result without the ledgers' rows (the pane shows counts, sources and issues, and takes its
 * scopes from `departments`) and with row references packed; `transfer` lists the buffers to move.
 */
export function packEngineResult(result: EngineResult): { packed: PackedEngineResult; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const figures: PackedFigure[] = result.figures.map(({ rowRefs, ...figure }) => {
    const packedRows = packRowRefs(rowRefs);
    transfer.push(packedRows.sheet.buffer as ArrayBuffer, packedRows.row.buffer as ArrayBuffer);
    return { ...figure, packedRows };
  });
  const position = new Map(result.figures.map((f, i) => [f, i]));
  const reportFigures = result.report.figures.map((f) => {
    const at = position.get(f);
    if (at === undefined) throw new Error(`report figure ${f.id} is not among the result's figures`);
    return at;
  });
  const ledgers = Object.fromEntries(
    Object.entries(result.ledgers.ledgers).map(([name, ledger]) => [name, ledger && withoutRows(ledger)]),
  ) as EngineResult["ledgers"]["ledgers"];
  return {
    packed: {
      result: {
        ...result,
        ledgers: { ...result.ledgers, ledgers },
        figures,
        report: { ...result.report, figures: reportFigures },
      },
    },
    transfer,
  };
}

/** Back to an EngineResult; each figure's row references are unpacked only when read. */
export function unpackEngineResult(packed: PackedEngineResult): EngineResult {
  // Unpacked when first read (查看来源, the figures tab), then a plain property. Generate never reads
  // them: unpacking the bench ledger's three figures of 97,000 rows on the main thread built 291,000
  // objects (~60 ms, then the collector's work) at the moment the result arrives.
  const figures = packed.result.figures.map(({ packedRows, ...figure }) => withLazyRowRefs(figure, () => unpackRowRefs(packedRows)));
  return {
    ...packed.result,
    figures,
    report: { ...packed.result.report, figures: packed.result.report.figures.map((i) => figures[i]) },
  };
}

/** The workbook as the messages that carry it: its tables' values in slices of `ROWS_PER_SLICE`. */
export function* workbookMessages(run: number, workbook: RawWorkbook, rowsPerSlice = ROWS_PER_SLICE): Generator<WorkbookPart> {
  yield {
    type: "begin",
    run,
    name: workbook.name,
    date1904: workbook.date1904,
    tables: workbook.tables.length,
    // The engine says where a ledger is read from a hidden sheet: they travel with the workbook.
    ...(workbook.hiddenSheets ? { hiddenSheets: workbook.hiddenSheets } : {}),
  };
  const sent = new Map<RawSurroundings, number>();
  for (const [index, { values, around, ...rest }] of workbook.tables.entries()) {
    const aroundOf = around && sent.get(around);
    if (aroundOf !== undefined) {
      yield { type: "table", run, head: rest, aroundOf };
      for (let at = 0; at < values.length; at += rowsPerSlice) yield { type: "rows", run, rows: values.slice(at, at + rowsPerSlice) };
      continue;
    }
    // The regions around a table (the Excel adapter's: the sheet's whole used range) follow in
    // slices too: in the head they made one message of the whole ledger (~660 ms on the 100k bench).
    const head: TableHead = around
      ? { ...rest, around: { tables: around.tables, regions: around.regions.map(({ top, left }) => ({ top, left, values: [] })) } }
      : rest;
    yield { type: "table", run, head };
    for (let at = 0; at < values.length; at += rowsPerSlice) yield { type: "rows", run, rows: values.slice(at, at + rowsPerSlice) };
    if (!around) continue;
    sent.set(around, index);
    for (let region = 0; region < around.regions.length; region++) {
      const { top, values: cells } = around.regions[region];
      for (let at = 0; at < cells.length; at += rowsPerSlice) {
        const rows = cells.slice(at, at + rowsPerSlice).map((row, k) => (row === values[top + at + k - rest.top] ? null : row));
        yield { type: "around", run, region, rows };
      }
    }
  }
}

export function workbookRows(workbook: RawWorkbook): number {
  return workbook.tables.reduce((sum, t) => sum + t.values.length, 0);
}

/** A run's workbook as its messages arrive in the worker: the tables so far, the last one begun. */
export interface Gathering {
  workbook: RawWorkbook;
  table: RawTable | null;
}

export function beginGathering(request: Extract<EngineRequest, { type: "begin" }>): Gathering {
  const workbook: RawWorkbook = { name: request.name, date1904: request.date1904, tables: [] };
  if (request.hiddenSheets) workbook.hiddenSheets = request.hiddenSheets;
  return { workbook, table: null };
}

/** The worker's side of workbookMessages: adds one table, slice of rows or slice of a region. */
export function gather(into: Gathering, request: Extract<EngineRequest, { type: "table" | "rows" | "around" }>): void {
  if (request.type === "table") {
    into.table = { ...request.head, values: [] };
    if (request.aroundOf !== undefined) into.table.around = into.workbook.tables[request.aroundOf]?.around;
    into.workbook.tables.push(into.table);
    return;
  }
  const table = into.table;
  if (!table) return;
  if (request.type === "rows") {
    for (const row of request.rows) table.values.push(row);
    return;
  }
  const region = table.around?.regions[request.region];
  if (!region) return;
  for (const row of request.rows) region.values.push(row ?? table.values[region.top + region.values.length - table.top]);
}
