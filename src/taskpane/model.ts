// What the views show, derived from one EngineResult. Pure functions so the views stay thin and
// nothing here is cached across actions (the workbook may change under a co-authoring clerk).
import { shortRowsKey, type ShortRows } from "./components/left-out";
import { withRefusedDefinitions, type EngineResult } from "../core/engine";
import type {
  Block,
  FigureDefinition,
  FigureResult,
  Issue,
  LedgerName,
  RawWorkbook,
  ReportSettings,
  RowAccount,
  Severity,
} from "../core/types";
import type { WorkbookSource } from "../adapters/excel/types";
import { DEFINITIONS_SHEET, LEDGER_SPECS } from "../core/ledger/schema";
import { parseAddress } from "../core/address";
import { ledgerDepartments } from "../core/figures/evaluate";
import { describeConditionText, problemCount, sortIssues } from "../core/describe";
import { LocalizedError } from "../core/errors";
import { isSettingSlot } from "../core/report/slots";
import { isPlaceholderText } from "../core/format";

export type SeverityCounts = Record<Severity, number>;

export interface LedgerCardModel {
  name: LedgerName;
  /** Sheet names the ledger was read from, in reading order, without repeats. */
  sources: string[];
  rowsRead: number;
  excluded: number;
  /** Every non-blank row of each of its sheets, accounted for (issue #16); empty when the reader gave none. */
  accounts: RowAccount[];
  issues: Issue[];
  counts: SeverityCounts;
}

export interface MissingLedger {
  ledger: LedgerName;
  /** Figure definitions that name this ledger (they fall back to their manual values). */
  figures: number;
}

export interface LedgerOverview {
  cards: LedgerCardModel[];
  /** Issues that belong to no ledger found: 报告设置, 指标定义, figures. */
  otherIssues: Issue[];
  missing: MissingLedger[];
}

export function countBySeverity(issues: readonly Issue[]): SeverityCounts {
  // A flood (one issue for the same problem in many cells) counts each cell, as the CLI does.
  return { error: problemCount(issues, "error"), warning: problemCount(issues, "warning"), info: problemCount(issues, "info") };
}

export function ledgerOverview(result: EngineResult): LedgerOverview {
  const found = result.ledgers.ledgers;
  const cards: LedgerCardModel[] = [];
  const missing: MissingLedger[] = [];
  for (const spec of LEDGER_SPECS) {
    const ledger = found[spec.name];
    if (!ledger) {
      missing.push({ ledger: spec.name, figures: result.definitions.filter((d) => d.ledger === spec.name).length });
      continue;
    }
    // Errors first, then warnings, then notes; within each by place, as the clerk works through them.
    const issues = sortIssues(result.issues.filter((i) => i.ledger === spec.name));
    cards.push({
      name: spec.name,
      sources: [...new Set(ledger.sources.map((s) => s.sheet))],
      rowsRead: ledger.sources.reduce((sum, s) => sum + s.rowsRead, 0),
      excluded: ledger.excluded,
      accounts: (result.ledgers.rowAccounts ?? []).filter((a) => a.ledger === spec.name),
      issues,
      counts: countBySeverity(issues),
    });
  }
  const shown = new Set<string>(cards.map((c) => c.name));
  const otherIssues = sortIssues(result.issues.filter((i) => !i.ledger || !shown.has(i.ledger)));
  return { cards, otherIssues, missing };
}

export function hasLedgers(result: EngineResult): boolean {
  return Object.values(result.ledgers.ledgers).some(Boolean);
}

export function excludedRows(result: EngineResult): number {
  return Object.values(result.ledgers.ledgers).reduce((sum, ledger) => sum + (ledger?.excluded ?? 0), 0);
}

/** Repeated keys (保函编号, 单位名称 …), with the first few cells where one repeats. */
export interface DuplicateKeys {
  count: number;
  cells: string[];
}

/**
 * Repeated keys: the engine cannot know which of two rows is right, so it counts both and a figure
 * may be too high. Said with the report, not only under 台账, as the command line says it.
 */
export function duplicateKeys(result: EngineResult, code: "key.duplicate" | "row.repeated" = "key.duplicate"): DuplicateKeys {
  // row.repeated: the same on a ledger without a key, a row repeating another in full (a copied 学习记录 sheet).
  const found = result.issues.filter((i) => i.code === code);
  const cells = found.flatMap((i) => i.cells ?? (i.cell ? [i.cell] : []));
  return { count: found.reduce((sum, i) => sum + (i.count ?? 1), 0), cells: [...new Set(cells)].slice(0, 3) };
}

/**
 * Departments a report can be scoped to: only those named by rows or by sheet names. A scope no
 * ledger has (a typo in 报告设置) is not offered; the view shows it as an error instead.
 */
export function scopeChoices(result: EngineResult, allDepartments: string): string[] {
  // The engine's list as well as the rows: a result from the engine worker comes without its rows.
  const departments = new Set<string>([...result.departments, ...ledgerDepartments(result.ledgers)]);
  departments.delete(allDepartments);
  return [allDepartments, ...[...departments].sort((a, b) => a.localeCompare(b, "zh-CN"))];
}

/** True when the scope is 全部门 or a department the ledgers name. */
export function scopeIsKnown(result: EngineResult, scope: string, allDepartments: string): boolean {
  const wanted = scope.trim();
  return wanted === "" || wanted === allDepartments || scopeChoices(result, allDepartments).includes(wanted);
}

/**
 * Figures written as 0 that no record supports: their ledger has a header and no records (a fresh
 * set-up, a sheet added empty), or records but none in the period (a year not yet kept). In report
 * order: listed with the 待补 ones before 生成报告, and asked about, as the CLI exits 1.
 */
export function figuresZeroToSee(result: EngineResult): FigureResult[] {
  return result.figures.filter((f) => f.zeroToSee !== undefined && f.unresolved === undefined);
}

/** Figures of one ledger marked by the same rows (left out, or counted twice): said once per ledger and set of rows. */
export interface MayBeShort {
  ledger: string;
  count: number;
  cells: string[];
  figures: FigureResult[];
  /** Of a may-be-short group's rows, those counted as 其他 (rowsLeftOut.readAsOther): said apart. */
  readAsOther?: ShortRows["readAsOther"];
}

/** Figures of one ledger that may be too large by the same rows repeating a key (both counted). */
export type MayBeTooLarge = MayBeShort;

/**
 * The figures among `figures` carrying a mark (rowsLeftOut or rowsCountedTwice), grouped by ledger and
 * rows in the order given. A 待补 figure is listed as 待补 already, so not here.
 */
export function markGroups(figures: readonly FigureResult[], mark: "rowsLeftOut" | "rowsCountedTwice"): MayBeShort[] {
  const groups = new Map<string, MayBeShort>();
  for (const f of figures) {
    const rows = f[mark];
    if (!rows || f.unresolved !== undefined || f.value === null) continue;
    const ledger = f.ledger ?? "";
    const other = "readAsOther" in rows ? rows.readAsOther : undefined;
    const rowsOf: ShortRows = { ledger, count: rows.count, cells: [...rows.cells], ...(other ? { readAsOther: other } : {}) };
    const key = shortRowsKey(rowsOf);
    const group = groups.get(key) ?? { ...rowsOf, figures: [] };
    group.figures.push(f);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The figures of a result the report shows (its link names them); all of them when it has no link. */
function placedFigures(result: EngineResult): FigureResult[] {
  const placed = result.link?.figures ? new Set(result.link.figures.map((f) => f.id)) : null;
  return placed ? result.figures.filter((f) => placed.has(f.id)) : result.figures;
}

/**
 * Figures the report shows whose ledger has rows left out (FigureResult.rowsLeftOut): the number may
 * be short by them. Grouped by ledger and rows, in report order, and asked about before 生成报告 as
 * 更新已有报告 and Word's 应用 ask before saving. One the report has no place for is not written.
 */
export function figuresMayBeShort(result: EngineResult): MayBeShort[] {
  return markGroups(placedFigures(result), "rowsLeftOut");
}

/**
 * Figures the report shows that counted rows repeating a key (FigureResult.rowsCountedTwice: a copied
 * sheet, a row typed twice): the number may be too large. Listed and asked about as the short ones are.
 */
export function figuresMayBeTooLarge(result: EngineResult): MayBeTooLarge[] {
  return markGroups(placedFigures(result), "rowsCountedTwice");
}

/** How many figures a list of groups names. */
export function groupedCount(groups: readonly { figures: readonly unknown[] }[]): number {
  return groups.reduce((n, g) => n + g.figures.length, 0);
}

/**
 * What 报告模板 → 填写并下载 asks about before the download: the filled document's figures (by the ids
 * it placed) that may be short or too large, as `ledger-report fill` names them.
 */
export function filledMarks(
  figures: readonly FigureResult[],
  placedIds: readonly string[],
): { short: MayBeShort[]; large: MayBeTooLarge[] } {
  const placed = new Set(placedIds);
  const shown = figures.filter((f) => placed.has(f.id));
  return { short: markGroups(shown, "rowsLeftOut"), large: markGroups(shown, "rowsCountedTwice") };
}

/**
 * The filled document's 截至期末 and 全部 figures (电子保函笔数 counts every guarantee up to the period
 * end): the clerk's own sentence may call them this year's, so they are named, as the CLI's fill does.
 */
export function carriedOverFigures(figures: readonly FigureResult[], placedIds: readonly string[]): FigureResult[] {
  const placed = new Set(placedIds);
  return figures.filter((f) => placed.has(f.id) && f.ledger !== null && f.period.kind !== "current" && f.unresolved === undefined);
}

/** The department a report counts, or null for 全部门: said once above a list of figures by name. */
export function listScope(scope: string | undefined, allDepartments: string): string | null {
  const wanted = (scope ?? "").trim();
  return wanted === "" || wanted === allDepartments ? null : wanted;
}

/**
 * The department the figures of a result count, or null for the whole agency: said at the top of the
 * 指标 tab, so a department's 3 never reads as the agency's (the CLI names it after each figure).
 */
export function figuresScope(result: EngineResult, allDepartments: string): string | null {
  return listScope(result.settings.scope, allDepartments) ?? listScope(result.figures.find((f) => f.scope)?.scope, allDepartments);
}

/**
 * The 报告设置 answers the report shows as ［待补：名称］ (a blank 联合发文单位 in its sentence), each
 * with the cell to fill: listed with the 待补 figures and asked about before generating.
 */
export function blankSettings(result: EngineResult): { name: string; cell?: string }[] {
  return result.link.figures
    .filter((slot) => isSettingSlot(slot.id) && isPlaceholderText(slot.text))
    .map((slot) => {
      const cell = result.issues.find((i) => i.code === "settings.blank" && i.setting === slot.name)?.cell;
      return cell ? { name: slot.name, cell } : { name: slot.name };
    });
}

/**
 * Figures the ledgers cannot support that the report shows, in report order: listed (as 待补) before
 * 生成报告. One under 未在报告中使用 is not written, so not asked about (as the CLI's generate ignores it).
 */
export function unresolvedFigures(result: EngineResult): FigureResult[] {
  return placedFigures(result).filter((f) => f.unresolved !== undefined || f.value === null);
}

export interface FigureSection {
  title: string;
  figures: FigureResult[];
}

function blockText(runs: { text: string }[]): string {
  return runs.map((r) => r.text).join("");
}

/** A section title short enough for a 320 px pane: the heading up to its first clause break. */
function shortTitle(text: string): string {
  return text.trim().replace(/[，。；：,.;:].*$/, "");
}

/**
 * Figures in the order the report uses them, under the heading they appear beneath: a run-in
 * heading (（一）… in 楷体) when the paragraph has one, else the last heading, else the title.
 * Figures the report does not use come last, under `unusedTitle`.
 */
export function figureSections(result: EngineResult, unusedTitle: string): FigureSection[] {
  // A 指标定义 row that was refused is listed too, unresolved with its row's error, as the command
  // line's `figures` lists it: a figure the clerk defined never just vanishes from the 指标 tab.
  const figures = withRefusedDefinitions(result.figures, result.settings, result.issues);
  const byId = new Map(figures.map((f) => [f.id, f]));
  const sections: FigureSection[] = [];
  const placed = new Set<string>();
  let heading = "";
  let runIn = "";
  const place = (title: string, id: string) => {
    const figure = byId.get(id);
    if (!figure || placed.has(id)) return;
    placed.add(id);
    let section = sections.find((s) => s.title === title);
    if (!section) sections.push((section = { title, figures: [] }));
    section.figures.push(figure);
  };
  const visit = (block: Block) => {
    if (block.kind === "title" || block.kind === "heading") {
      heading = shortTitle(blockText(block.runs));
      runIn = "";
      for (const run of block.runs) if (run.kind === "slot") place(heading, run.id);
      return;
    }
    const rows = block.kind === "table" ? block.rows.flat() : block.kind === "tableFigure" ? [[block.slot]] : [block.runs];
    for (const runs of rows) {
      const first = runs[0];
      if (block.kind === "paragraph" && first?.kind === "text" && first.style === "kai") runIn = shortTitle(first.text);
      for (const run of runs) if (run.kind === "slot") place(runIn || heading, run.id);
    }
  };
  result.report.blocks.forEach(visit);
  const unused = figures.filter((f) => !placed.has(f.id));
  if (unused.length) sections.push({ title: unusedTitle, figures: unused });
  return sections;
}

/**
 * `电子保函 · 状态不是“撤销” · 截至2022年12月31日`: conditions in words, not in 指标定义 syntax; the
 * row count is added by the view (it is localised).
 */
export function figureSourceParts(figure: FigureResult, lang: "zh-CN" | "en-US" = "zh-CN"): string[] {
  const period = lang === "zh-CN" ? figure.period.label : periodInEnglish(figure.period);
  return [figure.ledger ?? "", describeConditionText(figure.conditions, lang), period].filter((part) => part.trim() !== "");
}

/** The 区间 said in English by its kind and dates (its label, 本期 · 截至期末 · 全部, is the Chinese). */
function periodInEnglish(period: FigureResult["period"]): string {
  switch (period.kind) {
    case "current":
      return period.start ? `${period.start} to ${period.end}` : `up to ${period.end}`;
    case "toEnd":
      return `up to ${period.end}`;
    case "all":
      return "all records";
  }
}

export function reportFileName(settings: Pick<ReportSettings, "year">): string {
  return `述职报告-${settings.year}.docx`;
}

export function uncomputedFigures(result: EngineResult): number {
  return result.figures.filter((f) => f.value === null).length;
}

/** What the clerk typed as a manual value: a number ≥ 0, or empty to clear it. */
export type ManualInput = { ok: true; value: number | null } | { ok: false; reason: "notNumber" | "negative" };

/** Accepts numbers as clerks type them: full-width digits, thousands separators, a leading ¥. */
export function parseManualInput(text: string): ManualInput {
  const plain = text
    .normalize("NFKC")
    .trim()
    .replace(/^[¥￥]/, "")
    .replace(/,/g, "");
  if (plain === "") return { ok: true, value: null };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return { ok: false, reason: "notNumber" };
  const value = Number(plain);
  if (value < 0) return { ok: false, reason: "negative" };
  // `-0` would be written as a negative zero; the clerk meant 0.
  return { ok: true, value: value === 0 ? 0 : value };
}

/** The manual value as the input shows it: plain digits, no grouping (what the cell holds). */
export function manualInputText(value: number | null): string {
  return value === null ? "" : String(value);
}

/** A manual figure can be edited in the pane when its definition came from the workbook's 指标定义. */
export function canEditManual(figure: FigureResult, definition: FigureDefinition | undefined): boolean {
  return figure.manual && definition?.sourceRow !== undefined;
}

/**
 * The 指标定义 row (sheet row, from 1) a figure's definition is on: its definition's, or, for a row
 * that was refused (no definition, unresolved at the row's cell), that cell's row.
 */
export function definitionRow(figure: FigureResult, definition: FigureDefinition | undefined): number | undefined {
  if (definition?.sourceRow !== undefined) return definition.sourceRow;
  if (figure.unresolved?.code !== "definition_error" || !figure.unresolved.cell) return undefined;
  const at = parseAddress(figure.unresolved.cell);
  return at && at.sheet === DEFINITIONS_SHEET ? at.row + 1 : undefined;
}

/**
 * What to tell the clerk about a manual figure the pane cannot edit. "notDefined": 指标定义 is there
 * but has no row for it (a row deleted, a template naming a new figure) — 初始化工作簿 and 补齐 leave
 * an existing 指标定义 alone, so the advice is the row to add. "builtIn": no 指标定义 at all, the
 * built-in definitions are in use and set-up adds the sheet.
 */
export function manualAdvice(figure: FigureResult, definition: FigureDefinition | undefined): "notDefined" | "builtIn" | null {
  // A refused row: its reason names the row's cell and the error; 在指标定义中修改 selects it.
  if (!figure.manual || canEditManual(figure, definition) || figure.unresolved?.code === "definition_error") return null;
  return figure.unresolved?.code === "not_defined" ? "notDefined" : "builtIn";
}

/** Where saving a manual value failed: writing the cell, or reading the workbook again afterwards. */
export class ManualSaveError extends LocalizedError {
  constructor(
    readonly stage: "write" | "refresh",
    readonly cause: unknown,
    /** The cell written, when the write got through (LocalizedError's `cell`). */
    cell?: string,
  ) {
    // The words are the cause's own (Office's or the reader's), in both languages where it has them.
    const message = cause instanceof Error ? cause.message : String(cause);
    super(`manual.${stage}`, message, cause instanceof LocalizedError ? cause.messageEn : message, { cell });
  }
}

/**
 * Writes the manual value, then reads the workbook afresh and runs the engine, so the figure the
 * pane shows is what the workbook now says (another clerk may have changed it meanwhile).
 */
export async function saveManualValue(
  services: {
    source: Pick<WorkbookSource, "writeManualValue" | "read">;
    runEngine: (workbook: RawWorkbook) => EngineResult | Promise<EngineResult>;
  },
  figureId: string,
  value: number | null,
): Promise<{ cell: string; result: EngineResult; workbookName: string }> {
  let cell: string;
  try {
    ({ cell } = await services.source.writeManualValue(figureId, value));
  } catch (error) {
    throw new ManualSaveError("write", error);
  }
  try {
    const { workbook } = await services.source.read();
    return { cell, result: await services.runEngine(workbook), workbookName: workbook.name ?? "" };
  } catch (error) {
    throw new ManualSaveError("refresh", error, cell);
  }
}

// Next year's and a refreshed report's names are the shell's: the Word pane names files too.
export { nextYearFileName, refreshedFileName } from "./shell/file-names";

/**
 * Per figure, the places its distinct count met a firm's name and credit code disagreeing
 * (figure.identity_* warnings, figures/identity.ts): one name under two codes counted as two firms,
 * two names under one code as one — the number may be off, so the 指标 list says so under it.
 */
export function identityConflictsByFigure(issues: readonly Issue[]): Map<string, { count: number; cells: string[] }> {
  const out = new Map<string, { count: number; cells: string[] }>();
  for (const i of issues) {
    if (!i.code.startsWith("figure.identity_") || i.figure === undefined) continue;
    const mark = out.get(i.figure) ?? { count: 0, cells: [] };
    mark.count += i.count ?? 1;
    for (const cell of i.cells ?? (i.cell ? [i.cell] : [])) if (!mark.cells.includes(cell)) mark.cells.push(cell);
    out.set(i.figure, mark);
  }
  return out;
}

/** A figure the report shows whose distinct count met firms' names and codes disagreeing: it may be off. */
export interface MayBeOff {
  figure: FigureResult;
  count: number;
  cells: string[];
}

/** The figures the report shows that may be off (identityConflictsByFigure), in report order: 生成报告 asks about them. */
export function figuresMayBeOff(result: EngineResult): MayBeOff[] {
  const marks = identityConflictsByFigure(result.issues);
  return placedFigures(result)
    .filter((f) => marks.has(f.id) && !f.unresolved && f.value !== null)
    .map((figure) => ({ figure, ...marks.get(figure.id)! }));
}
