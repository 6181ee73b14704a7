// What every pane needs from the file formats and the platform, whatever its host: the heavy readers
// and writers load lazily, as their own chunks, when the clerk first needs them.
import type { LinkRecord, RawWorkbook, ReportDocument } from "../../core/types";
import type { ReportFileRefresh } from "../../adapters/docx/refresh";

import type { PanePlatform } from "../../adapters/office/requirements";
import type { EngineResult } from "../../core/engine";
import type { ActionSpec, Problem } from "./action";
import type { Translate } from "../i18n";
export type { PanePlatform };

/** The undo keys the clerk's keyboard has: ⌘Z on a Mac or an iPad, Ctrl+Z elsewhere (Office.context.platform). */
export function undoKeys(platform: PanePlatform | undefined): string {
  return platform === "Mac" || platform === "iOS" ? "⌘Z" : "Ctrl+Z";
}

/** The two stages of a pane's reading, each with its own progress line and its own failure words. */
export type ReadStage = "read" | "engine";

/**
 * A pane's reading as an action, the same over Office and over a file: the workbook from its source,
 * then the engine on it; `done` gets both and how long it took. A failure to compute is worded here,
 * a failure to read by the pane (it knows whether a workbook or a file was read).
 */
export function readAction(
  services: {
    source: { read(): Promise<{ workbook: RawWorkbook }> };
    runEngine: (workbook: RawWorkbook) => EngineResult | Promise<EngineResult>;
  },
  t: Translate,
  readProblem: (error: unknown) => Problem,
  done: (read: { workbook: RawWorkbook; result: EngineResult; ms: number }) => void,
): ActionSpec<ReadStage, void> {
  return {
    stage: "read",
    work: async (step) => {
      const started = Date.now();
      const { workbook } = await services.source.read();
      await step("engine");
      const result = await services.runEngine(workbook);
      done({ workbook, result, ms: Date.now() - started });
    },
    fail: (stage, error) => (stage === "read" ? readProblem(error) : { what: t("errorEngineWhat"), todo: t("errorEngineTodo") }),
  };
}

/** The OOXML writer and zip are the heaviest code in the pane: load them only when a report is made. */
export async function renderDocxLazily(doc: ReportDocument, link: LinkRecord): Promise<Uint8Array> {
  const docx = await import(/* webpackChunkName: "docx" */ "../../adapters/docx");
  return docx.renderDocx(doc, link);
}

/**
 * A workbook file the clerk picked, read in the page: the same sheets the command line reads
 * (列名对照 included), so the same file gives the same report everywhere. The reader loads then.
 */
export async function readWorkbookFileLazily(bytes: Uint8Array, fileName: string): Promise<RawWorkbook> {
  const xlsx = await import(/* webpackChunkName: "xlsx" */ "../../adapters/xlsx/workbook-file");
  return xlsx.readWorkbookFile(bytes, fileName);
}

/**
 * A report file (.docx) read once and recomputed from a workbook, for the review and then the save;
 * throws OtherWorkbookError (nothing written) when the report is another workbook's unless allowed.
 * The patcher and its zip code load only when the clerk updates a report.
 */
export async function refreshReportFileLazily(
  workbook: RawWorkbook,
  docx: Uint8Array,
  options: { allowOtherWorkbook?: boolean; nextYear?: boolean } = {},
): Promise<ReportFileRefresh> {
  const { prepareRefresh } = await import(/* webpackChunkName: "docx-refresh" */ "../../adapters/docx/refresh");
  return prepareRefresh(workbook, docx, { allowOtherWorkbook: options.allowOtherWorkbook, nextYear: options.nextYear });
}
