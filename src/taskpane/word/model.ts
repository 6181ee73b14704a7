// What the refresh views show, derived from a link record, the figure controls found and a refresh
// plan. Pure, so the Word pane and the Excel pane's 更新已有报告 read one plan the same way.
import type { Issue, LinkRecord } from "../../core/types";
import type { ConflictChoice, FoundControl, RefreshPlan } from "../../core/refresh/plan";
import { issueText } from "../model";
import type { WorkbookMismatch } from "../../core/refresh/recompute";

/**
 * The two workbooks when a refresh stopped because the workbook is not the report's (the error the
 * file patcher and the Word adapter throw before writing anything); null for any other error.
 * Read by shape, not class, so it survives the lazy chunk the patcher loads in.
 */
export function otherWorkbookOf(error: unknown): WorkbookMismatch | null {
  const e = error as { name?: unknown; mismatch?: WorkbookMismatch } | null;
  if (!e || e.name !== "OtherWorkbookError" || !e.mismatch) return null;
  const { report, workbook } = e.mismatch;
  if (typeof report?.id !== "string" || typeof workbook?.id !== "string") return null;
  return e.mismatch;
}

/** 最新 / 台账已变化 / 手工修改 / 已删除. */
export type FigureStatusKind = "current" | "changed" | "edited" | "deleted";

export interface FigureStatusRow {
  id: string;
  name: string;
  status: FigureStatusKind;
  /** The text the report last wrote. */
  written: string;
  /** What the document shows now; "" when the figure was deleted. */
  current: string;
  /** What the ledger says now, once a workbook was read (changed and edited figures). */
  next?: string;
  /** Edited by hand over a figure the ledgers did not move: kept as written, not a conflict. */
  keptAsWritten?: boolean;
}

/**
 * Before a workbook is picked, the document alone tells hand edits and deletions; everything else
 * is 最新 as far as the document knows. A figure written in several places counts as edited when
 * any of its controls was retyped.
 */
export function statusFromDocument(record: LinkRecord, controls: readonly FoundControl[]): FigureStatusRow[] {
  return record.figures.map((figure) => {
    const texts = controls.filter((c) => c.id === figure.id).map((c) => c.text);
    const base = { id: figure.id, name: figure.name, written: figure.text };
    if (texts.length === 0) return { ...base, status: "deleted", current: "" };
    const edited = texts.find((text) => text !== figure.text);
    return edited === undefined ? { ...base, status: "current", current: figure.text } : { ...base, status: "edited", current: edited };
  });
}

/** The same list once a workbook was read: the plan says which figures the ledgers moved. */
export function statusFromPlan(record: LinkRecord, plan: RefreshPlan): FigureStatusRow[] {
  const updated = new Map(plan.updated.map((u) => [u.id, u]));
  const conflicts = new Map<string, RefreshPlan["conflicts"][number]>();
  for (const c of plan.conflicts) if (!conflicts.has(c.id)) conflicts.set(c.id, c);
  const removed = new Set(plan.removed);
  const kept = new Map(plan.kept.map((k) => [k.id, k]));
  return record.figures.map((figure) => {
    const base = { id: figure.id, name: figure.name, written: figure.text };
    const conflict = conflicts.get(figure.id);
    if (conflict) return { ...base, status: "edited", current: conflict.current, next: conflict.new };
    const keptEdit = kept.get(figure.id);
    if (keptEdit) return { ...base, status: "edited", current: keptEdit.current, keptAsWritten: true };
    if (removed.has(figure.id)) return { ...base, status: "deleted", current: "" };
    const update = updated.get(figure.id);
    if (update) return { ...base, status: "changed", current: update.old, next: update.new };
    return { ...base, status: "current", current: figure.text };
  });
}

export interface ReviewUpdate {
  id: string;
  name: string;
  old: string;
  new: string;
}

export interface ReviewConflict {
  id: string;
  name: string;
  /** What the report last wrote. */
  written: string;
  /** The clerk's text. */
  current: string;
  new: string;
  resolution: ConflictChoice;
}

export interface ReviewModel {
  /** Figures the ledgers moved and the clerk left alone: replaced without asking. */
  updates: ReviewUpdate[];
  /** One entry per figure the clerk retyped and the ledgers disagree with. */
  conflicts: ReviewConflict[];
  removed: { id: string; name: string }[];
  /** Hand edits over figures the ledgers did not move: kept as written, nothing to decide. */
  kept: { id: string; name: string; current: string }[];
  /** Figures the workbook defines that the report has no place for. */
  notInDocument: { id: string; name: string }[];
  /** Controls the plan would write. */
  writes: number;
}

/** Figure names by id: the report's own names first, the workbook's for figures it adds. */
export function figureNames(...records: (LinkRecord | null | undefined)[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const record of records) for (const f of record?.figures ?? []) if (!names.has(f.id)) names.set(f.id, f.name);
  return names;
}

/**
 * `choices` override each conflict's planned resolution for display, so a view can show the clerk's
 * pick without planning again (the write must still be planned with the same choices).
 */
export function reviewModel(
  plan: RefreshPlan,
  names: ReadonlyMap<string, string>,
  choices: Record<string, ConflictChoice> = {},
): ReviewModel {
  const name = (id: string) => names.get(id) ?? id;
  // A conflict resolved as "take" is also listed as updated by the plan; the review shows it once, as the conflict.
  const conflicted = new Set(plan.conflicts.map((c) => c.id));
  const seen = new Set<string>();
  const conflicts: ReviewConflict[] = [];
  for (const c of plan.conflicts) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    conflicts.push({
      id: c.id,
      name: name(c.id),
      written: c.written,
      current: c.current,
      new: c.new,
      resolution: choices[c.id] ?? c.resolution,
    });
  }
  return {
    updates: plan.updated.filter((u) => !conflicted.has(u.id)).map((u) => ({ id: u.id, name: name(u.id), old: u.old, new: u.new })),
    conflicts,
    removed: plan.removed.map((id) => ({ id, name: name(id) })),
    kept: plan.kept.map((k) => ({ id: k.id, name: name(k.id), current: k.current })),
    notInDocument: plan.notInDocument.map((id) => ({ id, name: name(id) })),
    writes: plan.writes.length,
  };
}

/** The choice for every conflict at once (全部保留 / 全部采用新值). */
export function chooseAll(review: Pick<ReviewModel, "conflicts">, choice: ConflictChoice): Record<string, ConflictChoice> {
  return Object.fromEntries(review.conflicts.map((c) => [c.id, choice]));
}

export interface RefreshCounts {
  /** Figures whose text the write replaced (conflicts taken included). */
  updated: number;
  /** Hand edits left as the clerk typed them. */
  kept: number;
  /** Figures whose control is gone; a refresh never puts them back. */
  removed: number;
}

export function refreshCounts(plan: RefreshPlan): RefreshCounts {
  const kept = new Set([...plan.conflicts.filter((c) => c.resolution === "keep").map((c) => c.id), ...plan.kept.map((k) => k.id)]);
  return { updated: new Set(plan.updated.map((u) => u.id)).size, kept: kept.size, removed: plan.removed.length };
}

/** `2023年1月9日 16:30` in the clerk's local time; the stored text when it is not a date. */
export function formatGeneratedAt(iso: string, lang: "zh-CN" | "en-US", timeZone?: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: lang === "zh-CN" ? "long" : "medium", timeStyle: "short", timeZone }).format(date);
}

/** A calendar date of the record (`2022-12-31`) as the clerk writes it; read as UTC so no time zone shifts the day. */
export function formatDay(isoDay: string, lang: "zh-CN" | "en-US"): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay) || Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(lang, { dateStyle: lang === "zh-CN" ? "long" : "medium", timeZone: "UTC" }).format(date);
}

/** `述职报告-2022.docx` → `述职报告-2022.refreshed.docx`: the clerk's file is never overwritten. */
/**
 * Next year's report's name from last year's: its year changed (`述职报告-2022.docx` →
 * `述职报告-2023.docx`), or the year added (`报告-2023.docx`) — never last year's name.
 */
export function nextYearFileName(fileName: string, year: number): string {
  const base = fileName.replace(/\.docx$/i, "").trim() || "报告";
  const years = [...base.matchAll(/(?<!\d)(19|20)\d\d(?!\d)/g)];
  const last = years[years.length - 1];
  const renamed = last?.index !== undefined ? base.slice(0, last.index) + String(year) + base.slice(last.index + 4) : `${base}-${year}`;
  return `${renamed === base ? `${base}-${year}` : renamed}.docx`;
}

export function refreshedFileName(fileName: string): string {
  const base = fileName.replace(/\.docx$/i, "").trim() || "报告";
  return `${base}.refreshed.docx`;
}

export interface IssueSummary {
  errors: number;
  warnings: number;
  /** Errors and warnings as the clerk reads them, each naming its sheet and cell when it has one. */
  lines: string[];
}

export function issueSummary(issues: readonly Issue[], lang: "zh-CN" | "en-US"): IssueSummary {
  const shown = issues.filter((i) => i.severity !== "info");
  return {
    errors: shown.filter((i) => i.severity === "error").length,
    warnings: shown.filter((i) => i.severity === "warning").length,
    lines: shown.map((i) => (i.cell ? `${i.cell} ${issueText(i, lang)}` : lang === "zh-CN" ? i.message : i.messageEn)),
  };
}

/** Errors thrown by the file readers and the Word adapter carry the clerk's message in both languages. */
export function clerkMessage(error: unknown, lang: "zh-CN" | "en-US"): string | null {
  if (!(error instanceof Error)) return null;
  const en = (error as Error & { messageEn?: unknown }).messageEn;
  if (typeof en !== "string") return null;
  return lang === "zh-CN" ? error.message : en;
}
