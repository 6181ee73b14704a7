// What the Word pane shows of a linked report: each figure's state from the document or a refresh
// plan, the counts after 应用, and dates. The review itself is the shared widgets' (../components/review).
import type { FigureResult, LinkRecord } from "../../core/types";
import type { FoundControl, RefreshPlan } from "../../core/refresh/plan";

/** 最新 / 台账已变化 / 手工修改 / 已删除 / 按 0 写入 (a 0 no ledger record supports). */
export type FigureStatusKind = "current" | "changed" | "edited" | "deleted" | "zero";

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
  /** Status "zero": its ledger and why no record supports the 0 (FigureResult.zeroToSee), said once per ledger. */
  zero?: { ledger: string; reason: string; reasonEn: string; cell?: string };
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

/**
 * The same list once a workbook was read: the plan says which figures the ledgers moved. Given the
 * recomputed figures, a figure written (or kept) as a 0 no record supports is "zero", with its
 * ledger's reason, never an ordinary update: the review sets those apart too.
 */
export function statusFromPlan(record: LinkRecord, plan: RefreshPlan, figures: readonly FigureResult[] = []): FigureStatusRow[] {
  const zeros = new Map(figures.filter((f) => f.zeroToSee && f.value === 0 && f.unresolved === undefined).map((f) => [f.id, f] as const));
  const updated = new Map(plan.updated.map((u) => [u.id, u]));
  const conflicts = new Map<string, RefreshPlan["conflicts"][number]>();
  for (const c of plan.conflicts) if (!conflicts.has(c.id)) conflicts.set(c.id, c);
  const removed = new Set(plan.removed);
  const kept = new Map(plan.kept.map((k) => [k.id, k]));
  return record.figures.map((figure) => {
    const base = { id: figure.id, name: figure.name, written: figure.text };
    const conflict = conflicts.get(figure.id);
    if (conflict) return { ...base, status: "edited", current: conflict.current, next: conflict.new };
    // A figure's copies are each judged on their own: one that disagrees with the ledgers is the one shown.
    const keptEdit = plan.kept.find((k) => k.id === figure.id && !k.agrees) ?? kept.get(figure.id);
    if (keptEdit)
      return {
        ...base,
        status: "edited",
        current: keptEdit.current,
        keptAsWritten: true,
        ...(keptEdit.agrees ? {} : { next: keptEdit.new }),
      };
    if (removed.has(figure.id)) return { ...base, status: "deleted", current: "" };
    const update = updated.get(figure.id);
    const zero = zeros.get(figure.id);
    if (zero) {
      const { reason, reasonEn, cell } = zero.zeroToSee!;
      return {
        ...base,
        status: "zero",
        current: update?.old ?? figure.text,
        next: update?.new ?? figure.text,
        zero: { ledger: zero.ledger ?? "", reason, reasonEn, ...(cell ? { cell } : {}) },
      };
    }
    if (update) return { ...base, status: "changed", current: update.old, next: update.new };
    return { ...base, status: "current", current: figure.text };
  });
}

/** The status rows with the 0s no record supports taken out and grouped by ledger, in list order, each reason once. */
export function zeroGroups(rows: readonly FigureStatusRow[]): {
  rows: FigureStatusRow[];
  zeros: { ledger: string; reason: string; reasonEn: string; cell?: string; rows: FigureStatusRow[] }[];
} {
  const groups = new Map<string, { ledger: string; reason: string; reasonEn: string; cell?: string; rows: FigureStatusRow[] }>();
  for (const row of rows) {
    if (row.status !== "zero" || !row.zero) continue;
    const group = groups.get(row.zero.ledger);
    if (group) group.rows.push(row);
    else groups.set(row.zero.ledger, { ...row.zero, rows: [row] });
  }
  return { rows: rows.filter((r) => r.status !== "zero"), zeros: [...groups.values()] };
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
