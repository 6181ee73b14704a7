// The whole pipeline on plain data: raw tables in, checked ledgers, figures and the report out.
// Every path (CLI, Excel pane, Word pane) calls this one function.
import type { FigureDefinition, FigureResult, Issue, LedgerSet, LinkRecord, RawWorkbook, ReportDocument, ReportSettings } from "./types";
import { readLedgers } from "./ledger";
import { readDefinitions, evaluateFigures } from "./figures";
import { readSettings } from "./settings";
import { buildReport, buildLinkRecord, DEFAULT_TEMPLATE_ID, templateById } from "./report";

export interface EngineOptions {
  /** Settings chosen for this run (CLI flags, pane fields) over those of 报告设置. */
  overrides?: Partial<ReportSettings>;
  /** Generation time written into the link record (ISO); defaults to now. */
  generatedAt?: string;
}

export interface EngineResult {
  ledgers: LedgerSet;
  settings: ReportSettings;
  definitions: FigureDefinition[];
  figures: FigureResult[];
  /** Every issue: ledgers, settings, definitions, figures — in that order. */
  issues: Issue[];
  report: ReportDocument;
  link: LinkRecord;
}

export function runEngine(workbook: RawWorkbook, options: EngineOptions = {}): EngineResult {
  const settingsRead = readSettings(workbook, options.overrides);
  const settings = settingsRead.settings;
  const ledgers = readLedgers(workbook, { periodEnd: settings.periodEnd });
  const defs = readDefinitions(workbook);
  const evaluated = evaluateFigures(defs.definitions, ledgers, {
    periodStart: settings.periodStart,
    periodEnd: settings.periodEnd,
    scope: settings.scope,
  });
  const template = templateById(settings.template) ?? templateById(DEFAULT_TEMPLATE_ID)!;
  const report = buildReport(template, settings, evaluated.figures);
  const link = buildLinkRecord(report, workbook.name ?? "", options.generatedAt ?? new Date().toISOString());
  return {
    ledgers,
    settings,
    definitions: defs.definitions,
    figures: evaluated.figures,
    issues: [...ledgers.issues, ...settingsRead.issues, ...defs.issues, ...evaluated.issues],
    report,
    link,
  };
}
