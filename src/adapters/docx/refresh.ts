// Refreshing a report file from a workbook: the one implementation behind `ledger-report refresh`
// and the Excel pane's 更新已有报告. The document's own period and scope are kept unless overridden.
import { recomputeForReport } from "../../core/refresh/recompute";
import { planRefresh, type RefreshOptions, type RefreshPlan } from "../../core/refresh/plan";
import type { FigureResult, Issue, RawWorkbook, ReportSettings } from "../../core/types";
import { patchDocx, readLinkedDocx } from "./patch";

export interface FileRefreshResult {
  plan: RefreshPlan;
  /** The patched package (the link part always carries the new generation time). */
  bytes: Uint8Array;
  issues: Issue[];
  /** The figures as recomputed (an unresolved one is written as its placeholder). */
  figures: FigureResult[];
}

export function refreshDocx(
  workbook: RawWorkbook,
  docxBytes: Uint8Array,
  options: RefreshOptions & {
    overrides?: Partial<ReportSettings>;
    generatedAt?: string;
    /** Refresh even from a workbook whose 工作簿ID is not the report's (else OtherWorkbookError, nothing written). */
    allowOtherWorkbook?: boolean;
  } = {},
): FileRefreshResult {
  const docx = readLinkedDocx(docxBytes);
  const { fresh, issues } = recomputeForReport(workbook, docx.record, options);
  const plan = planRefresh(docx.record, docx.controls, fresh.link, options);
  return { plan, bytes: patchDocx(docx, plan), issues, figures: fresh.figures };
}
