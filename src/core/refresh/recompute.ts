// Recomputing a report's figures from a workbook: the same period, scope and template the report
// was generated with (unless the clerk chooses another year), plus a warning when the workbook is
// not the one the report came from. Shared by the file patcher and the Word adapter.
import { runEngine, type EngineResult } from "../engine";
import type { Issue, LinkRecord, RawWorkbook, ReportSettings } from "../types";

export function overridesFromRecord(record: LinkRecord, given?: Partial<ReportSettings>): Partial<ReportSettings> {
  const year = Number(record.period.end.slice(0, 4));
  const overrides: Partial<ReportSettings> = {
    periodStart: record.period.start,
    periodEnd: record.period.end,
    year: Number.isFinite(year) ? year : undefined,
    scope: record.scope,
    template: record.templateId,
    ...given,
  };
  // A year given without a period moves the period with it.
  if (given?.year !== undefined && !given.periodStart) {
    delete overrides.periodStart;
    delete overrides.periodEnd;
  }
  for (const k of Object.keys(overrides) as (keyof ReportSettings)[]) if (overrides[k] === undefined) delete overrides[k];
  return overrides;
}

export function recomputeForReport(
  workbook: RawWorkbook,
  record: LinkRecord,
  options: { overrides?: Partial<ReportSettings>; generatedAt?: string } = {},
): { fresh: EngineResult; issues: Issue[] } {
  const fresh = runEngine(workbook, { overrides: overridesFromRecord(record, options.overrides), generatedAt: options.generatedAt });
  return { fresh, issues: [...otherWorkbook(record.workbookId, fresh.link.workbookId), ...fresh.issues] };
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
