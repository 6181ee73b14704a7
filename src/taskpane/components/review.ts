// What the shared widgets show of a refresh and of issues — the review list, the issue line, the
// clerk's words from a reader's error. Pure, so the Word pane and the Excel pane's 更新已有报告 read
// one plan the same way.
import type { Issue, LinkRecord } from "../../core/types";
import type { ConflictChoice, RefreshPlan } from "../../core/refresh/plan";
import type { WorkbookMismatch } from "../../core/refresh/recompute";
import { OTHER_WORKBOOK } from "../../core/errors";
import { describePlacesIn } from "../../core/describe";
import { shareAdjustments, tableChanges, type TableChange } from "../../core/figures/grouped";
import { ALL_DEPARTMENTS } from "../../core/figures/evaluate";

/**
 * The two workbooks when a refresh stopped because the workbook is not the report's (the error the
 * file patcher and the Word adapter throw before writing anything); null for any other error.
 * Read by its code and shape, not class or name: it survives the lazy chunk the patcher loads in and
 * the production build, whose minifier renames classes (so `name` is not "OtherWorkbookError" there).
 */
export function otherWorkbookOf(error: unknown): WorkbookMismatch | null {
  const e = error as { code?: unknown; mismatch?: WorkbookMismatch } | null;
  if (!e || e.code !== OTHER_WORKBOOK || !e.mismatch) return null;
  const { report, workbook } = e.mismatch;
  if (typeof report?.id !== "string" || typeof workbook?.id !== "string") return null;
  return e.mismatch;
}

export interface ReviewUpdate {
  id: string;
  name: string;
  old: string;
  new: string;
  /** A table figure's change by group and column (not its whole text twice), and the shares rounding moved. */
  table?: { changes: TableChange[]; adjustments: ReturnType<typeof shareAdjustments> };
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
  /**
   * Hand edits over figures the ledgers did not move, one per copy: kept as written. A copy whose
   * text does not mean the ledgers' number (`agrees` false) is listed with both, never passed over
   * as agreeing — one figure may have copies that say different things.
   */
  kept: { id: string; name: string; current: string; ledger: string; agrees: boolean }[];
  /** Figures the workbook defines that the report has no place for. */
  notInDocument: { id: string; name: string }[];
  /** Controls the plan would write. */
  writes: number;
  /** The department the refreshed report counts (its 统计范围), said once above the lists; absent for 全部门. */
  scope?: string;
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
  // The plan's own names hold the workbook's too: a figure the document has no place for is in no
  // record the panes pass, and was listed by its raw id.
  const name = (id: string) => names.get(id) ?? plan.names[id] ?? id;
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
    updates: plan.updated
      .filter((u) => !conflicted.has(u.id))
      .map((u) => withTable({ id: u.id, name: name(u.id), old: u.old, new: u.new }, plan)),
    conflicts,
    removed: plan.removed.map((id) => ({ id, name: name(id) })),
    kept: plan.kept.map((k) => ({ id: k.id, name: name(k.id), current: k.current, ledger: k.new, agrees: k.agrees })),
    notInDocument: plan.notInDocument.map((id) => ({ id, name: name(id) })),
    writes: plan.writes.length,
    ...scopeOf(plan),
  };
}

/** The report's 统计范围 from the record the plan writes, unless it is every department. */
function scopeOf(plan: RefreshPlan): { scope?: string } {
  const scope = (plan.record.scope ?? "").trim();
  return scope === "" || scope === ALL_DEPARTMENTS ? {} : { scope };
}

/** A table figure's update said by group and column, with the new table's rounded shares. */
function withTable(update: ReviewUpdate, plan: RefreshPlan): ReviewUpdate {
  const changes = tableChanges(update.old, update.new);
  if (!changes) return update;
  const table = plan.record.figures.find((f) => f.id === update.id)?.table;
  return { ...update, table: { changes, adjustments: table ? shareAdjustments(table) : [] } };
}

/** The choice for every conflict at once (全部保留 / 全部采用新值). */
export function chooseAll(review: Pick<ReviewModel, "conflicts">, choice: ConflictChoice): Record<string, ConflictChoice> {
  return Object.fromEntries(review.conflicts.map((c) => [c.id, choice]));
}

/** Issue text without a leading copy of its cell, since the view shows the cell as the link. */
export function issueText(issue: Issue, lang: "zh-CN" | "en-US"): string {
  const text = lang === "zh-CN" ? issue.message : issue.messageEn;
  const rest = issue.cell && text.startsWith(issue.cell) ? text.slice(issue.cell.length).replace(/^[\s:：,，]+/, "") : text;
  // Other cells the message names are said as places too, never in formula syntax.
  return describePlacesIn(rest);
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
