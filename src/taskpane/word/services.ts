// Everything the Word pane needs from its host and from the file readers, behind one interface, so
// the same views run in Word, in the playground (simulated Word) and in the tests.
import type { LinkRecord, RawWorkbook, ReportDocument } from "../../core/types";
import { runEngine } from "../../core/engine";
import {
  insertReport,
  readLinkedReport,
  selectFigure,
  refreshInWord,
  type InsertResult,
  type LinkedReportRead,
  type WordEnvironment,
  type WordRefresh,
  type WordRun,
} from "../../adapters/word";
import { readWorkbookFileLazily, renderDocxLazily, type PanePlatform } from "../shell/services";
import {
  convertPlaceholdersInWord,
  insertFigureAtCursor,
  type PlaceOptions,
  type PlaceResult,
  type PlaceSource,
} from "../../adapters/word/place";
import { canReadOpenFile, readOpenDocumentFile } from "../../adapters/word/file";
import { prepareRefresh, type ReportFileRefresh } from "../../adapters/docx/refresh";
import { downloadsBlocked } from "../shell/download";
import { nextYearFileName } from "../shell/file-names";

/** 生成下一年度 as a new file: the open report's bytes refreshed for next year; the open document is not changed. */
export interface NextYearFile {
  refresh: ReportFileRefresh;
  from: number;
  to: number;
  /** Next year's name, from the open document's (its year changed, or added). */
  fileName: string;
}

export interface WordPaneServices {
  /** The open document's link record and figure controls (one round trip). */
  read(): Promise<LinkedReportRead>;
  /**
   * Plans the refresh of the open document from a workbook; throws WordLinkError when it cannot be
   * refreshed, and OtherWorkbookError (nothing written) when the workbook is not the report's unless
   * the clerk confirmed it with `allowOtherWorkbook`.
   */
  refresh(workbook: RawWorkbook, options?: { allowOtherWorkbook?: boolean; year?: number }): Promise<WordRefresh>;
  /** Selects the figure's first content control in the document; false when it has none. */
  selectFigure?(figureId: string): Promise<boolean>;
  /** Replaces the document's content with a rendered report and stores its link. */
  insert(bytes: Uint8Array, link: LinkRecord): Promise<InsertResult>;
  /** The workbook file the clerk picked, read in the pane; throws XlsxReadError with the clerk's message. */
  readWorkbookFile(bytes: Uint8Array, fileName: string): Promise<RawWorkbook>;
  /**
   * Puts a figure (or setting) at the cursor as a linked control (adapters/word/place); throws,
   * placing nothing, OtherWorkbookError for another workbook than the report's and FigureDiffersError
   * for a figure the document holds with another value, unless `options` carries the clerk's answer.
   */
  insertFigure?(id: string, source: PlaceSource, options?: PlaceOptions): Promise<PlaceResult>;
  /** Turns the document's {{…}} placeholders into linked figures (the same questions as insertFigure). */
  convertPlaceholders?(source: PlaceSource, options?: PlaceOptions): Promise<PlaceResult>;
  /**
   * 生成下一年度 as a new file (getFileAsync, then the file refresh the CLI's `refresh --year` uses);
   * null where the open document cannot be read as a file or a file cannot be saved from the pane —
   * then the pane changes the open document instead, with its warning.
   */
  nextYearFile?(workbook: RawWorkbook, options?: { allowOtherWorkbook?: boolean }): Promise<NextYearFile | null>;
  runEngine: typeof runEngine;
  renderDocx: (doc: ReportDocument, link: LinkRecord) => Promise<Uint8Array>;
  platform?: PanePlatform;
}

export function createWordServices(run?: WordRun, env?: Partial<WordEnvironment>, platform: PanePlatform = "unknown"): WordPaneServices {
  return {
    read: () => readLinkedReport(run, env),
    refresh: (workbook, options) =>
      refreshInWord(workbook, {
        run,
        env,
        allowOtherWorkbook: options?.allowOtherWorkbook,
        // 生成下一年度: the year after the report's, with its period (the document's own otherwise).
        ...(options?.year !== undefined ? { overrides: { year: options.year } } : {}),
      }),
    insert: (bytes, link) => insertReport(bytes, link, run, env),
    selectFigure: (figureId) => selectFigure(figureId, run),
    insertFigure: (id, source, options) => insertFigureAtCursor(id, source, { ...options, run, env }),
    convertPlaceholders: (source, options) => convertPlaceholdersInWord(source, { ...options, run, env }),
    nextYearFile: async (workbook, options) => {
      if (!canReadOpenFile(env) || downloadsBlocked(platform)) return null;
      const bytes = await readOpenDocumentFile(env);
      if (!bytes) return null;
      const refresh = prepareRefresh(workbook, bytes, { nextYear: true, allowOtherWorkbook: options?.allowOtherWorkbook });
      const from = Number(refresh.previous.period.end.slice(0, 4));
      const to = Number(refresh.plan.record.period.end.slice(0, 4));
      return { refresh, from, to, fileName: nextYearFileName(openDocumentName() ?? `报告-${from}.docx`, to) };
    },
    readWorkbookFile: readWorkbookFileLazily,
    runEngine,
    renderDocx: renderDocxLazily,
    platform,
  };
}

/** The open document's file name (Office.context.document.url's last part), where Word gives one. */
function openDocumentName(): string | null {
  const url = (globalThis as unknown as { Office?: { context?: { document?: { url?: string } } } }).Office?.context?.document?.url;
  const name = url ? decodeURIComponent(url.split(/[\\/]/).pop() ?? "") : "";
  return /\.docx$/i.test(name) ? name : null;
}
