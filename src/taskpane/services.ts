// Everything the pane needs from its host, behind one interface, so the same views run in Excel,
// in the playground (simulated Excel) and on the web page (a workbook file).
import type { WorkbookSource } from "../adapters/excel/types";
import type { LinkRecord, RawWorkbook, ReportDocument } from "../core/types";
import type { EngineResult } from "../core/engine";
import { createExcelWorkbookSource } from "../adapters/excel";
import { refreshReportFileLazily, renderDocxLazily, type PanePlatform } from "./shell/services";
import { createEngineClient, type EngineClient, type RunOptions } from "../worker/client";
import { startEngineWorker } from "../worker/start";
import { readWordTemplates, storeWordTemplate } from "../adapters/excel/stored-templates";
import type { StoredTemplate } from "../core/fill/stored";

/**
 * Runs the engine on a workbook already read. In the Excel pane it runs in a Web Worker (desktop
 * Office asks to restart a pane that stops answering), reporting progress on the way; a source
 * that computes in place (the web page's) may answer at once.
 */
export type EngineRunner = (workbook: RawWorkbook, options?: RunOptions) => EngineResult | Promise<EngineResult>;

export interface PaneServices {
  source: WorkbookSource;
  runEngine: EngineRunner;
  renderDocx: (doc: ReportDocument, link: LinkRecord) => Promise<Uint8Array>;
  /** 更新已有报告: a report file read once and recomputed from the ledgers (see refreshReportFileLazily). */
  refreshReportFile: typeof refreshReportFileLazily;
  /** Where the pane runs; decides whether a Blob download can work (not on Mac or iPad). */
  platform?: PanePlatform;
  /** The clerk's Word templates stored in the workbook (hidden sheet 报告模板库); absent where there is no workbook to store in. */
  templates?: { list(): Promise<StoredTemplate[]>; store(template: StoredTemplate): Promise<StoredTemplate[]> };
  /**
   * A read that took at most this long is redone by itself after an edit in the sheets (default 1 s);
   * the playground sets it so a test of that behaviour does not depend on how loaded the machine is.
   */
  cheapReadMs?: number;
}

/** The engine and the .docx writer in a Web Worker, on the main thread where none can start. */
export function createEngineWorkerClient(): EngineClient {
  return createEngineClient({ startWorker: startEngineWorker, renderOnMainThread: renderDocxLazily });
}

export function createExcelServices(
  run?: typeof Excel.run,
  platform: PanePlatform = "unknown",
  engine: EngineClient = createEngineWorkerClient(),
): PaneServices {
  return {
    source: createExcelWorkbookSource(run, { platform }),
    runEngine: (workbook, options) => engine.runEngine(workbook, options),
    renderDocx: (doc, link) => engine.renderDocx(doc, link),
    refreshReportFile: refreshReportFileLazily,
    platform,
    templates: { list: () => readWordTemplates(run), store: (t) => storeWordTemplate(t, run) },
  };
}
