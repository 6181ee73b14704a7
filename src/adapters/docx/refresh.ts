// Refreshing a report file from a workbook: the one implementation behind `ledger-report refresh`
// and the Excel pane's 更新已有报告. The document's own period and scope are kept unless overridden.
import { recomputeForReport } from "../../core/refresh/recompute";
import { planRefresh, type ConflictChoice, type RefreshOptions, type RefreshPlan } from "../../core/refresh/plan";
import type { FigureResult, Issue, LinkRecord, RawWorkbook, ReportSettings } from "../../core/types";
import { patchDocx, readLinkedDocx } from "./patch";

export interface FileRefreshResult {
  plan: RefreshPlan;
  /** The patched package (the link part always carries the new generation time). */
  bytes: Uint8Array;
  issues: Issue[];
  /** The figures as recomputed (an unresolved one is written as its placeholder). */
  figures: FigureResult[];
}

type FileRefreshOptions = RefreshOptions & {
  overrides?: Partial<ReportSettings>;
  generatedAt?: string;
  /** Refresh even from a workbook whose 工作簿ID is not the report's (else OtherWorkbookError, nothing written). */
  allowOtherWorkbook?: boolean;
  /** 生成下一年度: the year after the report's own (with its period), whatever the overrides say of the year. */
  nextYear?: boolean;
};

/** A report file read once and recomputed: the pane's review replans it per choice and patches it on save. */
export interface ReportFileRefresh {
  /** The link record the file carried before the refresh (its figures' names and written texts). */
  previous: LinkRecord;
  plan: RefreshPlan;
  issues: Issue[];
  figures: FigureResult[];
  /** The plan again with the clerk's per-figure choices; the file is not read again. */
  replan(choices: Record<string, ConflictChoice>): RefreshPlan;
  /** The patched package for a plan of this refresh. */
  patch(plan: RefreshPlan): Uint8Array;
}

export function prepareRefresh(workbook: RawWorkbook, docxBytes: Uint8Array, options: FileRefreshOptions = {}): ReportFileRefresh {
  const docx = readLinkedDocx(docxBytes);
  if (options.nextYear) options = { ...options, overrides: { ...options.overrides, year: Number(docx.record.period.end.slice(0, 4)) + 1 } };
  const { fresh, issues } = recomputeForReport(workbook, docx.record, options);
  const replan = (choices: Record<string, ConflictChoice>) => planRefresh(docx.record, docx.controls, fresh.link, { ...options, choices });
  return {
    previous: docx.record,
    plan: planRefresh(docx.record, docx.controls, fresh.link, options),
    issues,
    figures: fresh.figures,
    replan,
    patch: (plan) => patchDocx(docx, plan),
  };
}

export function refreshDocx(workbook: RawWorkbook, docxBytes: Uint8Array, options: FileRefreshOptions = {}): FileRefreshResult {
  const refresh = prepareRefresh(workbook, docxBytes, options);
  return { plan: refresh.plan, bytes: refresh.patch(refresh.plan), issues: refresh.issues, figures: refresh.figures };
}
