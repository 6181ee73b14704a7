// Everything the pane needs from its host, behind one interface, so the same views run in Excel,
// in the playground (simulated Excel) and on the web page (a workbook file).
import type { WorkbookSource } from "../adapters/excel/types";
import type { LinkRecord, ReportDocument } from "../core/types";
import { runEngine } from "../core/engine";
import { createExcelWorkbookSource } from "../adapters/excel";
import { refreshReportFileLazily, renderDocxLazily, type PanePlatform } from "./shell/services";

export interface PaneServices {
  source: WorkbookSource;
  runEngine: typeof runEngine;
  renderDocx: (doc: ReportDocument, link: LinkRecord) => Promise<Uint8Array>;
  /** 更新已有报告: a report file read once and recomputed from the ledgers (see refreshReportFileLazily). */
  refreshReportFile: typeof refreshReportFileLazily;
  /** Where the pane runs; decides whether a Blob download can work (not on Mac or iPad). */
  platform?: PanePlatform;
}

export function createExcelServices(run?: typeof Excel.run, platform: PanePlatform = "unknown"): PaneServices {
  return {
    source: createExcelWorkbookSource(run, { platform }),
    runEngine,
    renderDocx: renderDocxLazily,
    refreshReportFile: refreshReportFileLazily,
    platform,
  };
}
