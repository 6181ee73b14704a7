// Recomputing a report's figures from a workbook: the same period, scope and template the report
// was generated with (unless the clerk chooses another year). A workbook that is not the one the
// report came from stops the refresh unless the clerk confirms it. Shared by the file patcher and
// the Word adapter.
import { LocalizedError, OTHER_WORKBOOK } from "../errors";
import { runEngine, undefinedFigure, type EngineResult } from "../engine";
import type { Issue, LinkRecord, RawWorkbook, ReportSettings } from "../types";
import { withSlots } from "../fill";
import { isSettingSlot } from "../report";
import { readSettings } from "../settings";
import { catalogueIssue, issueText } from "../messages";

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

/** The report's workbook and the one picked for a refresh, when they are not the same workbook. */
export interface WorkbookMismatch {
  report: { id: string; name: string };
  workbook: { id: string; name: string };
}

/**
 * Refreshing from another workbook would quietly replace every figure with its numbers (a fresh
 * workbook's are all 待补 or 0): nothing is written unless the clerk says this workbook is right.
 */
export class OtherWorkbookError extends LocalizedError {
  constructor(readonly mismatch: WorkbookMismatch) {
    const { report, workbook } = mismatch;
    const theirs = workbook.id ? `工作簿ID为 ${workbook.id}` : "没有工作簿ID（可能是新建的或别人的工作簿）";
    const theirsEn = workbook.id ? `has workbook ID ${workbook.id}` : "has no workbook ID (a new or someone else's workbook?)";
    super(
      OTHER_WORKBOOK,
      `这份报告由工作簿“${report.name || "（未记录名称）"}”（工作簿ID ${report.id}）生成，而所选工作簿“${workbook.name || "（未命名）"}”${theirs}。未写入任何内容。`,
      `This report was generated from workbook "${report.name || "(name not recorded)"}" (workbook ID ${report.id}), but the chosen workbook "${workbook.name || "(unnamed)"}" ${theirsEn}. Nothing was written.`,
    );
  }
}

/**
 * Whether the workbook is the one the report came from: different 工作簿ID values — or none in the
 * workbook while the report has one — mean another workbook. A report without an id (made from a
 * workbook without 报告设置) cannot tell, and is not held up.
 */
export function workbookMismatch(record: LinkRecord, workbookId: string, workbookName: string): WorkbookMismatch | null {
  const reportId = (record.workbookId ?? "").trim();
  const id = (workbookId ?? "").trim();
  if (!reportId || reportId === id) return null;
  return { report: { id: reportId, name: record.workbookName ?? "" }, workbook: { id, name: workbookName } };
}

export function recomputeForReport(
  workbook: RawWorkbook,
  record: LinkRecord,
  options: { overrides?: Partial<ReportSettings>; generatedAt?: string; allowOtherWorkbook?: boolean } = {},
): { fresh: EngineResult; issues: Issue[] } {
  const engine = runEngine(workbook, { overrides: overridesFromRecord(record, options.overrides), generatedAt: options.generatedAt });
  // Every slot the document has is recomputed, not only the template's: a filled document or a figure
  // inserted at the cursor refreshes like a generated one.
  const ids = record.figures.map((f) => f.id);
  // A figure the report links whose 指标定义 row was deleted has nothing to support its old number:
  // it becomes the placeholder and is named, as a template's undefined figure is.
  const defined = new Set(engine.figures.map((f) => f.id));
  const undefinedOnes = record.figures
    .filter((f) => !isSettingSlot(f.id) && !defined.has(f.id))
    .map((f) => undefinedFigure(f.id, f.name || f.id, engine.settings, engine.issues));
  const figures = [...engine.figures, ...undefinedOnes.map((u) => u.figure)];
  // A broken row's error is among engine.issues already.
  const issues = [...engine.issues, ...undefinedOnes.filter((u) => u.figure.unresolved?.code === "not_defined").map((u) => u.issue)];
  const fresh = { ...engine, figures, issues, link: withSlots(engine.link, ids, figures, engine.settings) };
  const mismatch = workbookMismatch(record, fresh.link.workbookId, workbook.name ?? "");
  if (mismatch && !options.allowOtherWorkbook) throw new OtherWorkbookError(mismatch);
  return {
    fresh,
    issues: [
      ...otherWorkbook(mismatch),
      ...otherYear(workbook, record, options.overrides),
      ...nextYearCarries(workbook, record, fresh, options.overrides),
      ...fresh.issues,
    ],
  };
}

/**
 * Next year's report from last year's (生成下一年度, --year): the ledgers are counted afresh, but the
 * 手工值, the 落款日期 and the workbook's own 年度 carry over as they were — each said as a warning,
 * so last year's value is never signed as this year's without a word.
 */
export function nextYearCarries(
  workbook: RawWorkbook,
  record: LinkRecord,
  fresh: Pick<EngineResult, "figures" | "definitions" | "settings" | "link">,
  given: Partial<ReportSettings> | undefined,
): Issue[] {
  const reportYear = Number(record.period.end.slice(0, 4));
  const newYear = given?.year;
  if (newYear === undefined || !Number.isFinite(reportYear) || newYear === reportYear) return [];
  const issues: Issue[] = [];
  const at = (cell: string | undefined) => (cell ? { at: `${cell}：`, atEn: `${cell}: ` } : { at: "", atEn: "" });
  const inReport = new Set(record.figures.map((f) => f.id));
  for (const f of fresh.figures) {
    if (!f.manual || f.unresolved || f.value === null || !inReport.has(f.id)) continue;
    const cell = fresh.definitions.find((d) => d.id === f.id)?.cells?.manual;
    issues.push(
      catalogueIssue(
        "warning",
        "refresh.manual_carried",
        { ...at(cell), name: f.name, text: f.text, year: reportYear },
        cell ? { cell } : {},
      ),
    );
  }
  const own = readSettings(workbook);
  const { start, end } = fresh.link.period;
  const date = fresh.settings.signatureDate;
  if (date && date < end) {
    const cell = own.cells.signatureDate;
    issues.push(
      catalogueIssue("warning", "refresh.signature_date_early", { ...at(cell), date, end, reportYear: newYear }, cell ? { cell } : {}),
    );
  }
  if (own.fromWorkbook && own.settings.year !== newYear) {
    const cell = own.cells.year;
    issues.push(
      catalogueIssue(
        "warning",
        "refresh.next_year_workbook_year",
        { ...at(cell), year: own.settings.year, reportYear: newYear, start, end },
        cell ? { cell } : {},
      ),
    );
  }
  return issues;
}

/**
 * Next year's workbook used on last year's report without --year: the refresh keeps the report's
 * period (as it should), but the clerk who meant the new year gets last year's numbers — so it is said.
 */
function otherYear(workbook: RawWorkbook, record: LinkRecord, given: Partial<ReportSettings> | undefined): Issue[] {
  if (given?.year !== undefined || given?.periodStart !== undefined) return [];
  const reportYear = Number(record.period.end.slice(0, 4));
  const own = readSettings(workbook);
  if (!own.fromWorkbook || !Number.isFinite(reportYear) || own.settings.year === reportYear) return [];
  const year = own.settings.year;
  const cell = own.cells.year;
  const issue: Issue = {
    severity: "warning",
    code: "refresh.workbook_year_differs",
    ...issueText("refresh.workbook_year_differs", {
      at: cell ? `${cell}：` : "",
      atEn: cell ? `${cell}: ` : "",
      year,
      reportYear,
      start: record.period.start,
      end: record.period.end,
    }),
  };
  if (cell) issue.cell = cell;
  return [issue];
}

/** Said again in the result when the clerk chose to refresh from another workbook anyway. */
function otherWorkbook(mismatch: WorkbookMismatch | null): Issue[] {
  if (!mismatch) return [];
  const { report, workbook } = mismatch;
  return [
    {
      severity: "warning",
      code: OTHER_WORKBOOK,
      ...issueText("refresh.other_workbook", {
        reportId: report.id,
        workbookId: workbook.id || "空",
        workbookIdEn: workbook.id || "nothing",
      }),
    },
  ];
}
