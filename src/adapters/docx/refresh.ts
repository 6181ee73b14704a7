// Refreshing a report file from a workbook: the one implementation behind `ledger-report refresh`
// and the Excel pane's 更新已有报告. The document's own period and scope are kept unless overridden.
import { runEngine } from "../../core/engine";
import { planRefresh, type RefreshOptions, type RefreshPlan } from "../../core/refresh/plan";
import type { Issue, RawWorkbook, ReportSettings } from "../../core/types";
import { patchDocx, readLinkedDocx } from "./patch";

export interface FileRefreshResult {
  plan: RefreshPlan;
  /** The patched package (the link part always carries the new generation time). */
  bytes: Uint8Array;
  issues: Issue[];
}

export function refreshDocx(
  workbook: RawWorkbook,
  docxBytes: Uint8Array,
  options: RefreshOptions & { overrides?: Partial<ReportSettings>; generatedAt?: string } = {},
): FileRefreshResult {
  const docx = readLinkedDocx(docxBytes);
  const { record } = docx;
  const year = Number(record.period.end.slice(0, 4));
  const overrides: Partial<ReportSettings> = {
    periodStart: record.period.start,
    periodEnd: record.period.end,
    year: Number.isFinite(year) ? year : undefined,
    scope: record.scope,
    template: record.templateId,
    ...options.overrides,
  };
  // A year given without a period moves the period with it.
  if (options.overrides?.year !== undefined && !options.overrides.periodStart) {
    delete overrides.periodStart;
    delete overrides.periodEnd;
  }
  for (const k of Object.keys(overrides) as (keyof ReportSettings)[]) if (overrides[k] === undefined) delete overrides[k];
  const fresh = runEngine(workbook, { overrides, generatedAt: options.generatedAt });
  const plan = planRefresh(record, docx.controls, fresh.link, options);
  return { plan, bytes: patchDocx(docx, plan), issues: [...otherWorkbook(record.workbookId, fresh.link.workbookId), ...fresh.issues] };
}

/**
 * Picking last year's or another office's workbook would quietly replace every figure. Both ids are
 * written by 初始化工作簿 and survive copying the file, so different ids mean a different workbook;
 * it stays a warning because a clerk may rebuild the workbook on purpose.
 */
function otherWorkbook(reportId: string, workbookId: string): Issue[] {
  if (!reportId || !workbookId || reportId === workbookId) return [];
  return [
    {
      severity: "warning",
      code: "refresh.other_workbook",
      message: `这份报告是由另一个工作簿生成的（报告记录的工作簿ID为 ${reportId}，当前工作簿“报告设置”中为 ${workbookId}）。请确认选对了台账工作簿。`,
      messageEn: `this report was generated from another workbook (the report records workbook ID ${reportId}; 报告设置 of this workbook says ${workbookId}). Check that this is the right workbook.`,
    },
  ];
}
