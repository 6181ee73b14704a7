// Reads the ledgers, 报告设置 and 指标定义 of the open workbook in as few round trips as the 5 MB
// payload limit of Excel on the web allows:
//   sync 1 — names: sheets, tables and their sheets (and the workbook's date system);
//   sync 2 — for every range that matters: its address, its merged areas, and its first rows'
//            values (a small workbook is then read completely);
//   sync 3… — the rest of large ranges in row blocks sized from the bytes per cell measured so
//            far, several blocks per sync while they fit; a block the host still refuses is
//            retried at half the size, so a large ledger never makes the read fail.
import type { CellRange, RawCell, RawTable, RawWorkbook } from "../../core/types";
import { columnLetters } from "../../core/address";
import type { ReadStats } from "./types";
import {
  type RequirementCheck,
  WorkbookSourceError,
  areaAddresses,
  errorCode,
  isPayloadLimitError,
  isRelevantName,
  jsonBytes,
  ledgerOfName,
  rectOfAddress,
} from "./shared";

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

interface Target {
  sheet: string;
  table?: string;
}

interface Plan extends Target {
  top: number;
  left: number;
  rows: number;
  cols: number;
  values: RawCell[][];
  merges?: CellRange[];
  /** Bytes and cells read from this range so far. */
  bytes: number;
  cells: number;
}

function isLedgerTarget(t: Target): boolean {
  return ledgerOfName(t.table ?? "") !== null || ledgerOfName(t.sheet) !== null;
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
    const tables = workbook.tables.load("items/name,items/worksheet/name");
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
    const sheetsWithTables = new Set(tables.items.map((t) => t.worksheet.name));
    for (const sheet of sheets.items) {
      for (const t of tables.items) {
        if (t.worksheet.name === sheet.name && (isRelevantName(t.name) || isRelevantName(sheet.name))) {
          targets.push({ sheet: sheet.name, table: t.name });
        }
      }
      if (!sheetsWithTables.has(sheet.name) && isRelevantName(sheet.name)) targets.push({ sheet: sheet.name });
    }

    let bytesRead = 0;
    let cellsRead = 0;
    const account = (got: { plan: Plan | null; values: RawCell[][] }[]) => {
      let bytes = 0;
      for (const { plan, values } of got) {
        const b = jsonBytes(values);
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
        const range = t.table ? workbook.tables.getItem(t.table).getRange() : workbook.worksheets.getItem(t.sheet).getUsedRange(true);
        range.load("address,rowIndex,columnIndex,rowCount,columnCount");
        // Intersecting with the sheet's first rows bounds the read without knowing the range yet.
        const rows = isLedgerTarget(t) ? ledgerFirstRows : configFirstRows;
        const prefix = rows > 0 ? range.getIntersectionOrNullObject(`1:${rows}`) : null;
        prefix?.load("values,rowIndex");
        const merged = mergesInProbe ? range.getMergedAreasOrNullObject() : null;
        merged?.load("address");
        return { t, range, prefix, merged };
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
      plans = probes.map(({ t, range, prefix, merged }) => {
        const plan: Plan = {
          ...t,
          top: range.rowIndex,
          left: range.columnIndex,
          rows: range.rowCount,
          cols: range.columnCount,
          values: [],
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
          plan.merges!.push(...areaAddresses(areas.address).map(rectOfAddress).filter((r): r is CellRange => r !== null));
        }
        break;
      }
    }
    stats.mergesUnknown = plans.some((p) => !p.merges);

    const out: RawTable[] = plans.map((p) => {
      const table: RawTable = { sheet: p.sheet, top: p.top, left: p.left, values: p.values };
      if (p.table) table.table = p.table;
      if (p.merges) table.merges = p.merges;
      else table.mergesUnknown = true;
      return table;
    });
    const result: RawWorkbook = {
      date1904: epoch ? epoch.value === 0 : false,
      tables: out,
    };
    const name = knowsName ? workbook.name : opts.workbookName;
    if (name) result.name = name;
    return { workbook: result, stats };
  });
}
