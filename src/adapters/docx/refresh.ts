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
  return { plan, bytes: patchDocx(docx, plan), issues: fresh.issues };
}
