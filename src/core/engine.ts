// The whole pipeline on plain data: raw tables in, checked ledgers, figures and the report out.
// Every path (CLI, Excel pane, Word pane) calls this one function.
import type { FigureDefinition, FigureResult, Issue, LedgerSet, LinkRecord, RawWorkbook, ReportDocument, ReportSettings } from "./types";
import { readLedgers } from "./ledger";
import { columnarOf } from "./ledger/columnar";
import { readDefinitions, evaluateFigures, figureColumns, ledgerDepartments, DEFAULT_DEFINITIONS } from "./figures";
import { markRowsLeftOut } from "./figures/left-out";
import { markRowsCountedTwice } from "./figures/counted-twice";
import { readSettings, ALL_DEPARTMENTS } from "./settings";
import { buildReport, buildLinkRecord, DEFAULT_TEMPLATE_ID, templateById, parseTemplate, isSettingSlot, type Template } from "./report";
import { placeholderText } from "./format";
import { problemCount } from "./describe";
import { catalogueIssue, issueText, unresolvedText } from "./messages";

export interface EngineOptions {
  /** Settings chosen for this run (CLI flags, pane fields) over those of 报告设置. */
  overrides?: Partial<ReportSettings>;
  /** Generation time written into the link record (ISO); defaults to now. */
  generatedAt?: string;
  /** A template to use instead of the one 报告设置 names (a clerk's own, a test's). */
  template?: Template;
}

export interface EngineResult {
  ledgers: LedgerSet;
  settings: ReportSettings;
  definitions: FigureDefinition[];
  figures: FigureResult[];
  /** Departments the ledgers name (rows' 部门, sheet and table names), sorted: what a scope may be. */
  departments: string[];
  /** Every issue: ledgers, settings, definitions, figures — in that order. */
  issues: Issue[];
  report: ReportDocument;
  link: LinkRecord;
}

/**
 * Where a run of the engine stands, between its stages: what the pane shows while the worker (or
 * the main thread, in slices) computes. Counts are of what the finished stage produced.
 */
export type EngineProgress =
  | { stage: "check"; rows: number; errors: number; warnings: number }
  | { stage: "figures"; figures: number }
  | { stage: "report"; blocks: number };

export function runEngine(workbook: RawWorkbook, options: EngineOptions = {}): EngineResult {
  const steps = engineStages(workbook, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The engine as stages: each `yield` ends one (ledgers checked, figures computed, report laid out)
 * and says how far it got. `runEngine` drains it in one go; the Web Worker posts each step to the
 * pane; where no worker can start, the pane gives the main thread back between steps.
 */
export function* engineStages(workbook: RawWorkbook, options: EngineOptions = {}): Generator<EngineProgress, EngineResult, void> {
  const settingsRead = readSettings(workbook, options.overrides);
  const settings = settingsRead.settings;
  const defs = readDefinitions(workbook);
  const ledgers = readLedgers(workbook, { periodEnd: settings.periodEnd, digest: figureColumns(defs.definitions) });
  const checked = [...ledgers.issues, ...settingsRead.issues, ...defs.issues];
  yield {
    stage: "check",
    // Counted on the columns: reading `rows` would build every row object the reader left unbuilt.
    rows: Object.values(ledgers.ledgers).reduce((sum, ledger) => sum + (ledger ? columnarOf(ledger).length : 0), 0),
    errors: problemCount(checked, "error"),
    warnings: problemCount(checked, "warning"),
  };
  // Only a scope needs the departments now; the list itself is made when first read (withDepartments).
  const departments = scoped(settings.scope) ? ledgerDepartments(ledgers) : null;
  // A scope given on the command line or in the pane has no cell; one from 报告设置 has.
  const scopeCell = options.overrides?.scope !== undefined ? undefined : settingsRead.cells.scope;
  const scopeIssues = departments === null ? [] : unknownScope(settings.scope, departments, scopeCell);
  const evaluated = evaluateFigures(defs.definitions, ledgers, {
    periodStart: settings.periodStart,
    periodEnd: settings.periodEnd,
    scope: settings.scope,
    scopeCell,
  });
  const template = options.template ?? templateById(settings.template) ?? templateById(DEFAULT_TEMPLATE_ID)!;
  const undefinedSlots = undefinedFigures(template, evaluated.figures, settings, defs.issues);
  const figures = markRowsCountedTwice(
    markRowsLeftOut([...evaluated.figures, ...undefinedSlots.figures], ledgers, ledgers.issues, defs.definitions),
    ledgers,
    defs.definitions,
  );
  yield { stage: "figures", figures: figures.length };
  const report = buildReport(template, settings, figures);
  const link = buildLinkRecord(report, workbook.name ?? "", options.generatedAt ?? new Date().toISOString());
  yield { stage: "report", blocks: report.blocks.length };
  return withDepartments(departments, {
    ledgers,
    settings,
    definitions: defs.definitions,
    figures,
    departments: [],
    issues: [...ledgers.issues, ...settingsRead.issues, ...scopeIssues, ...defs.issues, ...evaluated.issues, ...undefinedSlots.issues],
    report,
    link,
  });
}

/** Departments in the order a Chinese reader looks for them (pinyin): the pane's list, the messages. */
function inChineseOrder(departments: string[]): string[] {
  return departments.sort((a, b) => a.localeCompare(b, "zh-CN"));
}

/** Whether the scope names one department (not blank, not 全部门). */
function scoped(scope: string): boolean {
  const wanted = scope.trim();
  return wanted !== "" && wanted !== ALL_DEPARTMENTS;
}

/**
 * The result with its `departments` found (unless `found` has them) and sorted when first read:
 * walking 100,000 rows' departments (~5 ms) and the first zh-CN comparison, which loads ICU's
 * collation data (8–18 ms in a fresh process), are for the pane's list and a scope's message — the
 * command line's Generate never reads them. JSON, spreading and structured clones read the list
 * like any property.
 */
function withDepartments(found: string[] | null, result: EngineResult): EngineResult {
  const settle = (target: object, value: string[]) =>
    Object.defineProperty(target, "departments", { value, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(result, "departments", {
    enumerable: true,
    configurable: true,
    get(this: object) {
      const value = inChineseOrder(found ?? ledgerDepartments(result.ledgers));
      settle(this, value);
      return value;
    },
    set(this: object, value: string[]) {
      settle(this, value);
    },
  });
  return result;
}

/** A scope that is no department of any ledger: an error listing the departments there are. */
function unknownScope(scope: string, found: string[], cell: string | undefined): Issue[] {
  const wanted = scope.trim();
  if (!scoped(wanted) || found.includes(wanted)) return [];
  const departments = inChineseOrder([...found]);
  const params = {
    at: cell ? `${cell}：` : "",
    atEn: cell ? `${cell}: ` : "",
    scope: wanted,
    all: ALL_DEPARTMENTS,
    departments: departments.join("、"),
    departmentsEn: departments.join(", "),
  };
  const key = departments.length ? "settings.scope_unknown" : "settings.scope_unknown#no_departments";
  return [catalogueIssue("error", key, params, cell ? { cell } : {})];
}

/**
 * Figures the template shows that 指标定义 no longer defines (a row deleted): unresolved, so the
 * report shows the placeholder and the clerk is told, instead of a bare blank.
 */
function undefinedFigures(
  template: Template,
  figures: FigureResult[],
  settings: ReportSettings,
  definitionIssues: readonly Issue[],
): { figures: FigureResult[]; issues: Issue[] } {
  const known = new Set(figures.map((f) => f.id));
  const out: FigureResult[] = [];
  const issues: Issue[] = [];
  for (const block of parseTemplate(template.text)) {
    for (const piece of block.pieces) {
      if (piece.kind !== "slot" || isSettingSlot(piece.id) || known.has(piece.id)) continue;
      known.add(piece.id);
      const name = DEFAULT_DEFINITIONS.find((d) => d.id === piece.id)?.name ?? piece.id;
      const missing = undefinedFigure(piece.id, name, settings, definitionIssues);
      out.push(missing.figure);
      // A row that is there but broken was already told at its cell; "no such row" would be untrue.
      if (missing.figure.unresolved?.code === "not_defined")
        issues.push({
          ...missing.issue,
          ...issueText("figure.not_defined#template", { name, id: piece.id, placeholder: placeholderText(name) }),
        });
    }
  }
  return { figures: out, issues };
}

/**
 * Every 指标定义 row that was refused (区间 blank or `本年`, an unknown operator …) and whose figure is
 * not among `figures`, as an unresolved figure with the row's error as the reason, at its cell: the
 * `figures` listing judges every definition, so a refused row is shown there, not left out. (Kept out
 * of the engine's own list: a placeholder naming such a row is left as typed by fill, with the error.)
 */
export function withRefusedDefinitions(
  figures: readonly FigureResult[],
  settings: ReportSettings,
  definitionIssues: readonly Issue[],
): FigureResult[] {
  const known = new Set(figures.map((f) => f.id));
  const refused: FigureResult[] = [];
  for (const issue of definitionIssues) {
    const id = issue.figure;
    if (!id || known.has(id) || issue.severity !== "error" || !issue.code.startsWith("definition.") || !issue.cell) continue;
    known.add(id);
    refused.push(undefinedFigure(id, issue.figureName || id, settings, definitionIssues).figure);
  }
  return refused.length ? [...figures, ...refused] : [...figures];
}

/**
 * A figure the report shows (by its template or its link record) that 指标定义 does not define: no
 * number the ledgers support, so it is unresolved — never the text it had before the row was deleted.
 * When its row is there but was refused (`手工值应为数字：“7条”`, among `definitionIssues`), that
 * error is the reason and its cell the place; the returned issue is then only for a caller that
 * has not told the error already.
 */
export function undefinedFigure(
  id: string,
  name: string,
  settings: ReportSettings,
  definitionIssues: readonly Issue[] = [],
): { figure: FigureResult; issue: Issue } {
  const broken = definitionIssues.find((i) => i.severity === "error" && i.code.startsWith("definition.") && i.figure === id && i.cell);
  if (broken) {
    // The error's own words, without the address it starts with: the cell is given apart.
    const own = (text: string) => (text.startsWith(broken.cell!) ? text.slice(broken.cell!.length).replace(/^[\s:：]+/, "") : text);
    const figure: FigureResult = {
      ...undefinedFigure(id, name, settings).figure,
      unresolved: {
        ...unresolvedText("definition_error", { error: own(broken.message), errorEn: own(broken.messageEn) }),
        cell: broken.cell,
      },
      fingerprint: `broken:${id}`,
    };
    return { figure, issue: broken };
  }
  return {
    figure: {
      id,
      name,
      value: null,
      text: placeholderText(name),
      unresolved: unresolvedText("not_defined", { id }),
      rows: 0,
      ledger: null,
      conditions: "",
      period: { kind: "all", label: "全部", start: null, end: settings.periodEnd },
      rowRefs: [],
      fingerprint: `undefined:${id}`,
      manual: true,
    },
    issue: catalogueIssue("warning", "figure.not_defined", { name, id, placeholder: placeholderText(name) }),
  };
}
