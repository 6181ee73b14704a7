// The open workbook as the task pane sees it (WorkbookSource), over Office.js. In the playground and
// the tests `run` is the simulated host's Excel.run; in Office it is the real one.
import { parseAddress } from "../../core/address";
import type { WorkbookSource } from "./types";
import { DEFAULT_BLOCK_BYTES, DEFAULT_BYTES_PER_CELL, readLiveWorkbook } from "./read";
import { WorkbookSourceError, errorCode } from "./shared";
import { officeRequirements, type RequirementCheck } from "../office/requirements";
import { locateSettings, protectedSettingsError, queueSettingsWrites } from "./settings";
import { type SetUpConfig, setUpLiveWorkbook } from "./setup";
import { addSettingsSheet } from "./sheets";
import { writeManualValueLive } from "./manual";
import { writeColumnMappingLive } from "./column-map";

export interface ExcelWorkbookSourceOptions {
  /** Requirement-set check; default Office.context.requirements.isSetSupported (nothing outside Office). */
  isSetSupported?: RequirementCheck;
  /** Bytes one sync is planned to return; default by platform (blockBytesFor). */
  blockBytes?: number;
  /** Office.context.platform: the 5 MB payload limit is Excel on the web's; desktop reads in larger blocks. */
  platform?: string;
  /** Bytes per cell assumed before any values are seen; default 20. */
  initialBytesPerCell?: number;
  /** Workbook name when the host cannot tell (ExcelApi < 1.7). */
  workbookName?: string;
  /** 报告设置 / 指标定义 content for setUp(); default: the built-in settings and definitions. */
  setUpConfig?: SetUpConfig | (() => SetUpConfig | Promise<SetUpConfig>);
  /** New workbook id for 工作簿ID; default crypto.randomUUID(). */
  newWorkbookId?: () => string;
}

/** Whole-row address for a set of 1-based rows: consecutive rows merge into runs (`5:9,12:12`). */
export function rowRuns(rows: number[]): [number, number][] {
  const sorted = [...new Set(rows)].filter((r) => r >= 1).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/** Above this many areas the selection becomes the rows' bounding block (long addresses are refused). */
const MAX_SELECTED_AREAS = 200;

function sheetMissing(sheet: string, e: unknown): WorkbookSourceError {
  return new WorkbookSourceError(
    "excel.sheet_missing",
    `找不到工作表「${sheet}」，它可能已被重命名或删除。`,
    `Sheet "${sheet}" was not found; it may have been renamed or deleted.`,
    { cause: e },
  );
}

async function loadDefaultConfig(): Promise<SetUpConfig> {
  const { defaultSetUpConfig } = await import("./setup-defaults");
  return defaultSetUpConfig();
}

/** Desktop Excel reads a block this large per sync; the 5 million cells per read still bound it. */
export const DESKTOP_BLOCK_BYTES = 16 * 1024 * 1024;

/**
 * Bytes per sync by platform: Excel on the web limits a request or response to 5 MB (4 MB leaves room
 * for misestimates); desktop Excel has no such limit, so fewer, larger blocks. An unknown platform
 * is treated as the web.
 */
export function blockBytesFor(platform: string | undefined): number {
  return platform === "PC" || platform === "Mac" ? DESKTOP_BLOCK_BYTES : DEFAULT_BLOCK_BYTES;
}

export function createExcelWorkbookSource(run: typeof Excel.run = Excel.run, opts: ExcelWorkbookSourceOptions = {}): WorkbookSource {
  const can = opts.isSetSupported ?? officeRequirements(false);
  const newWorkbookId = opts.newWorkbookId ?? (() => globalThis.crypto.randomUUID());

  return {
    read() {
      return readLiveWorkbook(run, {
        isSetSupported: can,
        blockBytes: opts.blockBytes ?? blockBytesFor(opts.platform),
        initialBytesPerCell: opts.initialBytesPerCell ?? DEFAULT_BYTES_PER_CELL,
        workbookName: opts.workbookName,
      });
    },

    async watchChanges(onChange) {
      if (!can("ExcelApi", "1.9")) return null;
      let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
      await run(async (context) => {
        registration = context.workbook.worksheets.onChanged.add(async (args) => {
          // The pane's own writes (settings, 手工值) recompute already; before 1.14 it cannot tell.
          if (args.triggerSource === "ThisLocalAddin") return;
          onChange();
        });
        await context.sync();
      });
      return async () => {
        const handler = registration;
        if (!handler) return;
        registration = undefined;
        // An event handler is removed in the request context that added it.
        await run(handler.context as Excel.RequestContext, async (context) => {
          handler.remove();
          await context.sync();
        });
      };
    },

    async selectCell(address) {
      const at = parseAddress(address);
      if (!at) {
        throw new WorkbookSourceError("excel.bad_address", `无法识别的单元格地址：${address}`, `Not a cell address: ${address}`, {
          cell: address,
        });
      }
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(at.sheet);
        sheet.activate();
        sheet.getCell(at.row, at.col).select();
        try {
          await context.sync();
        } catch (e) {
          throw errorCode(e) === "ItemNotFound" ? sheetMissing(at.sheet, e) : e;
        }
      });
    },

    async selectRows(refs) {
      if (!refs.length) return null;
      const sheetName = refs[0].sheet;
      const runs = rowRuns(refs.filter((r) => r.sheet === sheetName).map((r) => r.row));
      if (!runs.length) return null;
      const counted = runs.reduce((sum, [a, b]) => sum + b - a + 1, 0);
      const exact = runs.length === 1 || (runs.length <= MAX_SELECTED_AREAS && can("ExcelApi", "1.9"));
      const [first, last] = [runs[0][0], runs[runs.length - 1][1]];
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.activate();
        if (runs.length === 1) sheet.getRange(`${first}:${last}`).select();
        else if (exact) sheet.getRanges(runs.map(([a, b]) => `${a}:${b}`).join(",")).select();
        else sheet.getRange(`${first}:${last}`).select();
        try {
          await context.sync();
        } catch (e) {
          throw errorCode(e) === "ItemNotFound" ? sheetMissing(sheetName, e) : e;
        }
      });
      return exact
        ? { kind: "rows", sheet: sheetName, rows: counted }
        : { kind: "block", sheet: sheetName, address: `${first}:${last}`, rows: last - first + 1, counted };
    },

    async writeSettings(pairs) {
      await run(async (context) => {
        const sync = async (): Promise<void> => {
          await context.sync();
        };
        const at = await locateSettings(context, sync);
        if (!at) {
          addSettingsSheet(context, pairs, can);
          await sync();
          return;
        }
        if (at.protected) throw protectedSettingsError(at.sheet);
        if (queueSettingsWrites(context, at, pairs) === 0) return;
        try {
          await sync();
        } catch (e) {
          throw errorCode(e) === "AccessDenied" ? protectedSettingsError(at.sheet) : e;
        }
      });
    },

    writeManualValue(figureId, value) {
      return writeManualValueLive(run, figureId, value);
    },

    writeColumnMapping(entry) {
      return writeColumnMappingLive(run, entry, can);
    },

    /** `config` overrides the 报告设置/指标定义 content (tests; a chosen year). */
    async setUp(config?: SetUpConfig) {
      const given = config ?? opts.setUpConfig;
      const resolved = given === undefined ? await loadDefaultConfig() : typeof given === "function" ? await given() : given;
      return setUpLiveWorkbook(run, resolved, { isSetSupported: can, newWorkbookId });
    },
  };
}
