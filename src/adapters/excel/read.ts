// Reads the ledgers, 报告设置 and 指标定义 of the open workbook in as few round trips as the 5 MB
// payload limit of Excel on the web allows:
//   sync 1 — names: sheets, tables and their sheets (and the workbook's date system);
//   sync 2 — for every sheet that matters: its used range, its tables' ranges, its merged areas,
//            and its first rows' values (a small workbook is then read completely);
//   sync 3… — the rest of large ranges in row blocks sized from the bytes per cell measured so
//            far, several blocks per sync while they fit; a block the host still refuses is
//            retried at half the size, so a large ledger never makes the read fail.
import type { CellRange, RawCell, RawSurroundings, RawTable, RawWorkbook } from "../../core/types";
import { columnLetters } from "../../core/address";
import { isTableRead } from "../../core/ledger/sheets";
import type { ReadStats } from "./types";
import type { RequirementCheck } from "../office/requirements";
import { WorkbookSourceError, areaAddresses, blockJsonBytes, errorCode, isPayloadLimitError, ledgerOfName, rectOfAddress } from "./shared";

export interface ReadOptions {
  isSetSupported: RequirementCheck;
  /** What one sync is planned to return at most; the host's limit is 5 MB, so 4 MB leaves room for misestimates. */
  blockBytes: number;
  /** Bytes per cell assumed until values have been seen. */
  initialBytesPerCell: number;
  /** Workbook name when the host cannot tell (ExcelApi < 1.7). */
  workbookName?: string;
}

export const DEFAULT_BLOCK_BYTES = 4 * 1024 * 1024;
export const DEFAULT_BYTES_PER_CELL = 20;
/** Columns assumed for a range whose width is not yet known, when sizing the first rows read with it. */
const ASSUMED_COLUMNS = 12;
/** First rows read with the addresses from 报告设置 and 指标定义, which are short. */
const CONFIG_FIRST_ROWS = 1000;
/** Excel refuses reads of more than 5 million cells; stay below. */
const MAX_CELLS_PER_BLOCK = 4_000_000;

/** An Excel table on a sheet that is read, as sync 1 describes it. */
interface TableInfo {
  name: string;
  showHeaders: boolean;
  showTotals: boolean;
  /** Whether the engine gets it as a raw table (a ledger or configuration table, or any table on such a sheet). */
  wanted: boolean;
}

/**
 * A sheet read through its used range. Its tables are cut out of it, as the file reader cuts them
 * out of the sheet's cells: the rows around a table are then read too (typed below it, a title
 * above it), and no cell is read twice.
 */
interface Target {
  sheet: string;
  tables: TableInfo[];
}

interface Plan extends Target {
  top: number;
  left: number;
  rows: number;
  cols: number;
  values: RawCell[][];
  merges?: CellRange[];
  /** The tables' ranges (header and totals rows included), by table name. */
  rects: Map<string, CellRange>;
  /** Bytes and cells read from this range so far. */
  bytes: number;
  cells: number;
}

function isLedgerTarget(t: Target): boolean {
  return t.tables.some((table) => table.wanted && ledgerOfName(table.name) !== null) || ledgerOfName(t.sheet) !== null;
}

function tooLarge(e: unknown): boolean {
  return isPayloadLimitError(e) || errorCode(e) === "RangeExceedsLimit";
}

/**
 * A failure that may mean "too much at once": the documented payload and cell-count errors, and the
 * GeneralException (HTTP 500, "An internal error has occurred") Excel on the web has also answered
 * oversized batches with (OfficeDev/office-js#1314). Treated as a size error, with bounded retries.
 */
function maybeTooLarge(e: unknown): boolean {
  return tooLarge(e) || errorCode(e) === "GeneralException";
}

/** Halvings in a row before a read that keeps failing is given up: 4 MB → 1 KB. */
const MAX_SIZE_RETRIES = 12;
/** Merged-area requests in one sync before merges are given up as unknown. */
const MAX_MERGE_REQUESTS = 2000;

/** Thrown inside the read when a response came back `values: null` (reads over 5 million cells can). */
class NullValues extends Error {}

function readFailed(e: unknown): WorkbookSourceError {
  if (e instanceof WorkbookSourceError) return e;
  const detail = String((e as Error)?.message ?? e);
  return new WorkbookSourceError("excel.read_failed", `读取工作簿失败：${detail}`, `Could not read the workbook: ${detail}`, { cause: e });
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * The raw tables of one sheet read through its used range: each wanted Excel table cut out of it
 * (rows past the used range are blank and dropped, as in the file reader), with its header and
 * totals rows and the used range around it; a sheet without tables is its used range.
 */
function rawTables(p: Plan): RawTable[] {
  const used: CellRange = { top: p.top, left: p.left, bottom: p.top + p.values.length - 1, right: p.left + p.cols - 1 };
  const withMerges = (table: RawTable, area: CellRange | null): RawTable => {
    if (p.merges) table.merges = area ? p.merges.filter((m) => intersects(m, area)).map((m) => ({ ...m })) : p.merges;
    else table.mergesUnknown = true;
    return table;
  };
  if (p.tables.length === 0) return [withMerges({ sheet: p.sheet, top: p.top, left: p.left, values: p.values }, null)];
  const around: RawSurroundings = {
    tables: [...p.rects.values()].map((r) => ({ ...r })),
    regions: p.values.length ? [{ top: p.top, left: p.left, values: p.values }] : [],
  };
  const out: RawTable[] = [];
  for (const t of p.tables) {
    const rect = p.rects.get(t.name);
    if (!t.wanted || !rect) continue;
    const bottom = Math.max(rect.top, Math.min(rect.bottom, used.bottom));
    const width = rect.right - rect.left + 1;
    const values: RawCell[][] = [];
    for (let r = rect.top; r <= bottom; r++) {
      const src = p.values[r - p.top];
      // A table as wide as the used range takes its rows as they are: no second copy of a large ledger.
      if (src && rect.left === p.left && src.length === width) {
        values.push(src);
        continue;
      }
      const line: RawCell[] = new Array(width);
      for (let c = rect.left; c <= rect.right; c++) {
        const v = src ? src[c - p.left] : undefined;
        line[c - rect.left] = v === undefined || v === null ? "" : v;
      }
      values.push(line);
    }
    const table: RawTable = {
      sheet: p.sheet,
      table: t.name,
      top: rect.top,
      left: rect.left,
      values,
      headerRows: t.showHeaders ? 1 : 0,
      // A blank totals row past the used range was dropped with the other blank rows.
      totalsRows: t.showTotals && rect.bottom <= used.bottom ? 1 : 0,
      around,
    };
    out.push(withMerges(table, rect));
  }
  return out;
}

export async function readLiveWorkbook(run: typeof Excel.run, opts: ReadOptions): Promise<{ workbook: RawWorkbook; stats: ReadStats }> {
  return run(async (context) => {
    const stats: ReadStats = {
      roundTrips: 0,
      largestResponseBytes: 0,
      cells: 0,
      mergesUnknown: false,
    };
    const sync = async () => {
      stats.roundTrips++;
      await context.sync();
    };
    const workbook = context.workbook;

    // Sync 1: what is there.
    const sheets = workbook.worksheets.load("items/name,items/visibility");
    // showHeaders and showTotals (ExcelApi 1.1) say which of a table's rows are Excel's own.
    const tables = workbook.tables.load("items/name,items/worksheet/name,items/showHeaders,items/showTotals");
    const knowsName = opts.isSetSupported("ExcelApi", "1.7");
    if (knowsName) workbook.load("name");
    // DATE(1904,1,1) is 0 in the 1904 date system and 1462 in the 1900 one; the API has no flag for it.
    const epoch = opts.isSetSupported("ExcelApi", "1.2") ? workbook.functions.date(1904, 1, 1) : null;
    epoch?.load("value");
    try {
      await sync();
    } catch (e) {
      throw readFailed(e);
    }

    const targets: Target[] = [];
    for (const sheet of sheets.items) {
      const here: TableInfo[] = tables.items
        .filter((t) => t.worksheet.name === sheet.name)
        .map((t) => ({
          name: t.name,
          showHeaders: t.showHeaders !== false,
          showTotals: t.showTotals === true,
          wanted: isTableRead(sheet.name, t.name),
        }));
      // The same rule as a file read (core's isSheetRead), so the pane reads what the CLI reads.
      if (here.some((t) => t.wanted) || (here.length === 0 && isTableRead(sheet.name))) targets.push({ sheet: sheet.name, tables: here });
    }

    let bytesRead = 0;
    let cellsRead = 0;
    const account = (got: { plan: Plan | null; values: RawCell[][] }[]) => {
      let bytes = 0;
      for (const { plan, values } of got) {
        const b = blockJsonBytes(values);
        let cells = 0;
        for (const line of values) cells += line.length;
        bytes += b;
        cellsRead += cells;
        stats.cells += cells;
        if (plan) {
          plan.bytes += b;
          plan.cells += cells;
        }
      }
      bytesRead += bytes;
      stats.largestResponseBytes = Math.max(stats.largestResponseBytes, bytes);
    };
    // Each range's own bytes per cell once it has been sampled: ledgers differ (long project names vs dates).
    const bytesPerCell = (plan: Plan) =>
      Math.max(2, plan.cells >= 1000 ? plan.bytes / plan.cells : cellsRead > 0 ? bytesRead / cellsRead : opts.initialBytesPerCell);

    // Sync 2: where each range is, its merged areas, and as many first rows as one response should hold.
    // The configuration sheets are short; the ledgers share the rest of the budget.
    const withMerges = opts.isSetSupported("ExcelApi", "1.13");
    // Merged areas come with the first rows when the host answers; otherwise (over 512 areas, or a
    // GeneralException that might be that) they are asked per row block after the values.
    let mergesInProbe = withMerges;
    let sizeRetries = 0;
    const ledgerCount = targets.filter((t) => isLedgerTarget(t)).length;
    let ledgerFirstRows = Math.max(
      1,
      Math.floor((opts.blockBytes * 0.9) / (Math.max(1, ledgerCount) * ASSUMED_COLUMNS * opts.initialBytesPerCell)),
    );
    let configFirstRows = CONFIG_FIRST_ROWS;
    let plans: Plan[] = [];
    for (;;) {
      const probes = targets.map((t) => {
        const range = workbook.worksheets.getItem(t.sheet).getUsedRange(true);
        range.load("address,rowIndex,columnIndex,rowCount,columnCount");
        const rects = t.tables.map((table) =>
          workbook.tables.getItem(table.name).getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
        );
        // Intersecting with the sheet's first rows bounds the read without knowing the range yet.
        const rows = isLedgerTarget(t) ? ledgerFirstRows : configFirstRows;
        const prefix = rows > 0 ? range.getIntersectionOrNullObject(`1:${rows}`) : null;
        prefix?.load("values,rowIndex");
        const merged = mergesInProbe ? range.getMergedAreasOrNullObject() : null;
        merged?.load("address");
        return { t, range, prefix, merged, rects };
      });
      if (!probes.length) break;
      const halveFirstRows = () => {
        if (ledgerFirstRows + configFirstRows === 0 || sizeRetries++ >= MAX_SIZE_RETRIES) return false;
        ledgerFirstRows = Math.floor(ledgerFirstRows / 2);
        configFirstRows = Math.floor(configFirstRows / 2);
        return true;
      };
      try {
        await sync();
      } catch (e) {
        // Ranges with more than 512 merged areas make the merged-areas call fail (GeneralException),
        // which is also how an oversized batch may fail: first without the merges, then smaller.
        if (mergesInProbe && !tooLarge(e)) {
          mergesInProbe = false;
          continue;
        }
        if (maybeTooLarge(e) && halveFirstRows()) continue;
        throw readFailed(e);
      }
      // Reads over 5 million cells can come back `values: null` instead of failing.
      if (probes.some(({ prefix }) => prefix && !prefix.isNullObject && !Array.isArray(prefix.values))) {
        if (halveFirstRows()) continue;
        throw readFailed(new NullValues("Excel returned no values for the first rows"));
      }
      const firstRows: { plan: Plan; values: RawCell[][] }[] = [];
      plans = probes.map(({ t, range, prefix, merged, rects }) => {
        const plan: Plan = {
          ...t,
          top: range.rowIndex,
          left: range.columnIndex,
          rows: range.rowCount,
          cols: range.columnCount,
          values: [],
          rects: new Map(
            t.tables.map((table, i) => {
              const r = rects[i];
              return [
                table.name,
                { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 },
              ];
            }),
          ),
          bytes: 0,
          cells: 0,
        };
        if (prefix && !prefix.isNullObject && prefix.rowIndex === range.rowIndex) {
          plan.values = prefix.values;
          firstRows.push({ plan, values: prefix.values });
        }
        if (merged) {
          plan.merges = merged.isNullObject
            ? []
            : areaAddresses(merged.address)
                .map(rectOfAddress)
                .filter((r): r is CellRange => r !== null);
        }
        return plan;
      });
      account(firstRows);
      break;
    }

    // Sync 3…: the rest, block by block. A refused sync teaches a ceiling below what it was
    // estimated at; it is retried at half that, and later syncs stay under the ceiling.
    const byIndexes = opts.isSetSupported("ExcelApi", "1.7");
    let ceiling = Infinity;
    let retryBudget: number | null = null;
    for (;;) {
      const budget = retryBudget ?? Math.min(opts.blockBytes, ceiling * 0.8);
      const blocks: { plan: Plan; count: number }[] = [];
      let planned = 0;
      for (const plan of plans) {
        let next = plan.values.length;
        const rowBytes = plan.cols * bytesPerCell(plan);
        while (next < plan.rows) {
          let count = Math.min(plan.rows - next, Math.floor((budget - planned) / rowBytes), Math.floor(MAX_CELLS_PER_BLOCK / plan.cols));
          if (count < 1) {
            if (blocks.length) break;
            count = 1;
          }
          blocks.push({ plan, count });
          planned += count * rowBytes;
          next += count;
        }
        if (planned >= budget) break;
      }
      if (!blocks.length) break;
      const starts = new Map<Plan, number>();
      const loads = blocks.map(({ plan, count }) => {
        const start = starts.get(plan) ?? plan.values.length;
        starts.set(plan, start + count);
        const sheet = workbook.worksheets.getItem(plan.sheet);
        const range = byIndexes
          ? sheet.getRangeByIndexes(plan.top + start, plan.left, count, plan.cols)
          : sheet.getRange(
              `${columnLetters(plan.left)}${plan.top + start + 1}:${columnLetters(plan.left + plan.cols - 1)}${plan.top + start + count}`,
            );
        return range.load("values");
      });
      const smallest = blocks.length === 1 && blocks[0].count === 1;
      const shrink = () => {
        if (smallest || sizeRetries++ >= MAX_SIZE_RETRIES) return false;
        ceiling = Math.min(ceiling, planned);
        retryBudget = Math.max(1, Math.floor(planned / 2));
        return true;
      };
      try {
        await sync();
      } catch (e) {
        if (maybeTooLarge(e) && shrink()) continue;
        throw readFailed(e);
      }
      if (loads.some((l) => !Array.isArray(l.values))) {
        if (shrink()) continue;
        throw readFailed(new NullValues("Excel returned no values for a block of rows"));
      }
      retryBudget = null;
      sizeRetries = 0;
      const got = blocks.map(({ plan }, i) => ({ plan, values: loads[i].values }));
      for (const { plan, values } of got) for (const line of values) plan.values.push(line);
      account(got);
    }

    // Merged areas per row block, where the whole range's could not be had: a block lists the areas
    // whose top-left cell it holds, so the blocks together list each once. Blocks halve while the
    // host refuses (over 512 areas in one); past the bounds the merges are unknown, never guessed.
    if (withMerges && !mergesInProbe && plans.length) {
      let rowsPer = Math.max(1, ...plans.map((p) => p.rows));
      for (let attempt = 0; attempt <= MAX_SIZE_RETRIES; attempt++) {
        const requests = plans.flatMap((plan) => {
          const out: { plan: Plan; areas: Excel.RangeAreas }[] = [];
          for (let start = 0; start < plan.rows; start += rowsPer) {
            const range = workbook.worksheets
              .getItem(plan.sheet)
              .getRangeByIndexes(plan.top + start, plan.left, Math.min(rowsPer, plan.rows - start), Math.max(1, plan.cols));
            out.push({ plan, areas: range.getMergedAreasOrNullObject().load("address") });
          }
          return out;
        });
        if (requests.length > MAX_MERGE_REQUESTS) break;
        try {
          await sync();
        } catch (e) {
          if (!errorCode(e)) throw readFailed(e);
          rowsPer = Math.floor(rowsPer / 2);
          if (rowsPer < 1) break;
          continue;
        }
        for (const plan of plans) plan.merges = [];
        for (const { plan, areas } of requests) {
          if (areas.isNullObject) continue;
          plan.merges!.push(
            ...areaAddresses(areas.address)
              .map(rectOfAddress)
              .filter((r): r is CellRange => r !== null),
          );
        }
        break;
      }
    }
    stats.mergesUnknown = plans.some((p) => !p.merges);

    const out: RawTable[] = plans.flatMap((p) => rawTables(p));
    const result: RawWorkbook = {
      date1904: epoch ? epoch.value === 0 : false,
      tables: out,
    };
    // Worksheet.visibility (ExcelApi 1.1): Hidden or VeryHidden sheets are read, and core says so.
    const hidden = sheets.items.filter((s) => s.visibility !== undefined && s.visibility !== "Visible").map((s) => s.name);
    if (hidden.length > 0) result.hiddenSheets = hidden;
    const name = knowsName ? workbook.name : opts.workbookName;
    if (name) result.name = name;
    return { workbook: result, stats };
  });
}
