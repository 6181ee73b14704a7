// What the shared widgets show of a refresh and of issues — the review list, the issue line, the
// clerk's words from a reader's error. Pure, so the Word pane and the Excel pane's 更新已有报告 read
// one plan the same way.
import { shortRowsKey, type ShortRows } from "./left-out";
import type { FigureResult, Issue, LinkRecord } from "../../core/types";
import { sameNumber } from "../../core/format/hand-number";
import { copyKey, type ConflictChoice, type RefreshPlan } from "../../core/refresh/plan";
import type { WorkbookMismatch } from "../../core/refresh/recompute";
import { OTHER_WORKBOOK } from "../../core/errors";
import { describePlace, describePlacesIn, problemCount } from "../../core/describe";
import { splitTableText, tableChanges, type TableChange } from "../../core/figures/grouped";
import { ALL_DEPARTMENTS } from "../../core/figures/evaluate";
import { isSettingSlot } from "../../core/report/slots";
import { issuesForDocument } from "../../core/refresh/shown";
import type { Translate } from "../i18n";

/**
 * The ledger value may be short: its ledger has rows left out for errors (FigureResult.rowsLeftOut),
 * said beside the value wherever a review shows it, as the 指标 list says it.
 */
export interface LeftOutMark {
  ledger: string;
  count: number;
  cells: string[];
  /** Of a may-be-short mark's rows, those counted as 其他 (FigureResult.rowsLeftOut.readAsOther): said apart. */
  readAsOther?: ShortRows["readAsOther"];
}

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
  /**
   * A table figure's change by group and column (not its whole text twice), and the rounding note the
   * new table carries under it (null when its shown parts add up).
   */
  table?: { changes: TableChange[]; note: string | null };
  /** The new value may be short: its ledger has rows left out. */
  leftOut?: LeftOutMark;
  /** The new value may be too large: rows repeating a key are both counted. */
  countedTwice?: LeftOutMark;
}

export interface ReviewConflict {
  id: string;
  /** Which copy of the figure (document order, from 1), and the key a choice for it goes under (copyKey). */
  copy: number;
  key: string;
  /** More than one copy of the figure is listed: the view says which (第 2 处). */
  oneOfSeveral: boolean;
  name: string;
  /**
   * The ledgers' value is not what the report last wrote. False for a hand edit over an unmoved
   * figure the clerk chose to change back (改为台账值): listed with the differing ones, never as
   * "the ledgers changed too".
   */
  ledgerMoved: boolean;
  /** What the report last wrote. */
  written: string;
  /** The clerk's text. */
  current: string;
  new: string;
  resolution: ConflictChoice;
  /** The ledgers' value may be short: its ledger has rows left out. */
  leftOut?: LeftOutMark;
  /** The ledgers' value may be too large: rows repeating a key are both counted. */
  countedTwice?: LeftOutMark;
}

/**
 * A ledger with rows left out and the report's figures counted from it: what a save writes (or keeps)
 * that may be too low. Said once per ledger, and asked about before saving as the 0s are.
 */
export interface ReviewLeftOut extends LeftOutMark {
  figures: SavedFigure[];
}

/**
 * A figure as the save leaves it in the report: the ledgers' value it writes (or leaves, unchanged),
 * or the clerk's own text it keeps (`source` "hand", with the ledgers' value beside it) — never the
 * value the report was first written with, which the document no longer holds.
 */
export interface SavedFigure {
  id: string;
  name: string;
  text: string;
  source: "ledger" | "hand";
  /** For a kept hand text: what the ledgers say. */
  ledger?: string;
}

/**
 * Figures a save writes as 0 (or keeps at 0) that no record supports: their ledger has no record in
 * the period, or none at all (FigureResult.zeroToSee). One group per ledger, its reason said once.
 */
export interface ReviewZeros {
  ledger: string;
  reason: string;
  reasonEn: string;
  /** The ledger's header (or date column's header) cell, where the clerk looks. */
  cell?: string;
  figures: ReviewUpdate[];
}

export interface ReviewModel {
  /** Figures the ledgers moved and the clerk left alone: replaced without asking (0s to see are in `zeros`). */
  updates: ReviewUpdate[];
  /**
   * The report's settings it writes anew (年度, 期末月份 moving to next year, a 单位名称 changed in
   * 报告设置): not ledger changes, listed under their own heading.
   */
  settings: ReviewUpdate[];
  /** Ledgers with rows left out, each with the report's figures from it: asked about before saving. */
  leftOut: ReviewLeftOut[];
  /**
   * Ledgers with rows repeating a key that both count, each with the report's figures from them
   * (written, kept or unchanged — an unchanged 4 is still doubled): asked about before saving.
   */
  countedTwice: ReviewLeftOut[];
  /** Hand-edited places the review lists (conflicts, ones differing from the ledgers, ones going back): what "手工修改 N 项" counts. */
  handEdits: number;
  /** Updated (or unchanged) figures that are 0 because their ledger has no record: shown apart, asked about before saving. */
  zeros: ReviewZeros[];
  /**
   * What next year's report takes over from last year's as it was (a 手工值, the 落款日期, the
   * workbook's 年度): warnings said in the review, never passed silently.
   */
  carried: Issue[];
  /** Hand edits the ledgers moved too (`ledgerMoved`): one entry per copy, each with keep / take. */
  conflicts: ReviewConflict[];
  /** Hand edits over unmoved figures the clerk chose to change to the ledgers' value (改为台账值). */
  retaken: ReviewConflict[];
  /** Figures (copies, for a hand edit) a save changes: what "将更新 N 项" counts. */
  toWrite: number;
  removed: { id: string; name: string }[];
  /**
   * Hand edits over figures the ledgers did not move, one per copy: kept as written. A copy whose
   * text does not mean the ledgers' number (`agrees` false) is listed with both, never passed over
   * as agreeing — one figure may have copies that say different things.
   */
  kept: {
    id: string;
    copy: number;
    key: string;
    oneOfSeveral: boolean;
    name: string;
    current: string;
    ledger: string;
    agrees: boolean;
    leftOut?: LeftOutMark;
    countedTwice?: LeftOutMark;
  }[];
  /** Figures the workbook defines that the report has no place for. */
  notInDocument: { id: string; name: string }[];
  /** Controls the plan would write. */
  writes: number;
  /** The department the refreshed report counts (its 统计范围), said once above the lists; absent for 全部门. */
  scope?: string;
}

/**
 * A review asks before saving what no record supports (0s), what may be short (rows left out) or what
 * may be too large (rows repeating a key, both counted).
 */
export function asksBeforeSaving(review: ReviewModel): boolean {
  return review.zeros.length > 0 || review.leftOut.length > 0 || review.countedTwice.length > 0;
}

/** The question's title: the one kind it asks about, or each kind with its count. */
export function askTitle(
  counts: { zeros: number; short: number; large: number },
  t: Translate,
  many: "reviewAskManyTitle" | "templatesMarksTitle" = "reviewAskManyTitle",
): string {
  const { zeros, short, large } = counts;
  const kinds = [zeros, short, large].filter((n) => n > 0).length;
  if (many === "reviewAskManyTitle" && kinds === 1) {
    if (zeros > 0) return t("reviewZerosAskTitle", { count: zeros });
    if (short > 0) return t("reviewLeftOutAskTitle", { count: short });
    return t("reviewTooLargeAskTitle", { count: large });
  }
  if (many === "reviewAskManyTitle" && large === 0) return t("reviewAskBothTitle", { zeros, short });
  const parts = [
    ...(zeros > 0 ? [t("reviewAskPartZeros", { count: zeros })] : []),
    ...(short > 0 ? [t("reviewAskPartShort", { count: short })] : []),
    ...(large > 0 ? [t("reviewAskPartLarge", { count: large })] : []),
  ];
  return t(many, { parts: parts.join(t("listSeparator")) });
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
  /** The recomputed figures and the refresh's issues: the 0s to see and what next year carries over. */
  fresh: { figures?: readonly FigureResult[]; issues?: readonly Issue[] } = {},
): ReviewModel {
  // The plan's own names hold the workbook's too: a figure the document has no place for is in no
  // record the panes pass, and was listed by its raw id.
  const name = (id: string) => names.get(id) ?? plan.names[id] ?? id;
  const marks = marksOf(fresh.figures ?? [], "rowsLeftOut");
  const twice = marksOf(fresh.figures ?? [], "rowsCountedTwice");
  const mark = (id: string) => ({
    ...(marks.has(id) ? { leftOut: marks.get(id)! } : {}),
    ...(twice.has(id) ? { countedTwice: twice.get(id)! } : {}),
  });
  // A conflict resolved as "take" is also listed as updated by the plan; the review shows it once, as the conflict.
  const conflicted = new Set(plan.conflicts.map((c) => c.id));
  // One entry per copy: a figure placed several times is decided copy by copy (copyKey).
  const seen = new Set<string>();
  const conflicts: ReviewConflict[] = [];
  const several = (list: { id: string }[], id: string) => list.filter((x) => x.id === id).length > 1;
  for (const c of plan.conflicts) {
    const key = copyKey(c.id, c.copy);
    if (seen.has(key)) continue;
    seen.add(key);
    conflicts.push({
      id: c.id,
      copy: c.copy,
      key,
      oneOfSeveral: several(plan.conflicts, c.id),
      name: name(c.id),
      ledgerMoved: !sameNumber(c.new, c.written),
      written: c.written,
      current: c.current,
      new: c.new,
      resolution: choices[key] ?? choices[c.id] ?? c.resolution,
      ...mark(c.id),
    });
  }
  const updates = plan.updated
    .filter((u) => !conflicted.has(u.id))
    .map((u) => withTable({ id: u.id, name: name(u.id), old: u.old, new: u.new, ...mark(u.id) }));
  const resolved = (c: ReviewConflict) => choices[c.key] ?? choices[c.id] ?? c.resolution;
  const retaken = conflicts.filter((c) => !c.ledgerMoved && resolved(c) === "take");
  const zeros = zerosToSee(plan, updates, fresh.figures ?? [], name);
  const zeroIds = new Set(zeros.flatMap((z) => z.figures.map((f) => f.id)));
  const changed = updates.filter((u) => !zeroIds.has(u.id));
  const kept = plan.kept.map((k) => ({
    id: k.id,
    copy: k.copy,
    key: copyKey(k.id, k.copy),
    oneOfSeveral: several(plan.kept, k.id),
    name: name(k.id),
    current: k.current,
    ledger: k.new,
    agrees: k.agrees,
    ...mark(k.id),
  }));
  const moved = conflicts.filter((c) => c.ledgerMoved);
  return {
    updates: changed.filter((u) => !isSettingSlot(u.id)),
    settings: changed.filter((u) => isSettingSlot(u.id)),
    leftOut: leftOutGroups(plan, marks, name, (id) => savedText(plan, id, conflicts, resolved)),
    countedTwice: leftOutGroups(plan, twice, name, (id) => savedText(plan, id, conflicts, resolved)),
    handEdits: moved.length + retaken.length + kept.filter((k) => !k.agrees).length,
    zeros,
    carried: (fresh.issues ?? []).filter((i) => CARRIED_CODES.includes(i.code)),
    conflicts: moved,
    retaken,
    toWrite: updates.length + conflicts.filter((c) => c.ledgerMoved && resolved(c) === "take").length + retaken.length,
    removed: plan.removed.map((id) => ({ id, name: name(id) })),
    kept,
    notInDocument: plan.notInDocument.map((id) => ({ id, name: name(id) })),
    writes: plan.writes.length,
    ...scopeOf(plan),
  };
}

/** Issues of a next-year refresh about what it takes over unchanged (core/refresh/recompute nextYearCarries). */
const CARRIED_CODES = ["refresh.manual_carried", "refresh.signature_date_early", "refresh.next_year_workbook_year"];

/**
 * The updated and unchanged figures whose new value is a 0 no record supports, grouped by ledger in
 * report order. An unchanged one is listed too: last year's 0 is not this year's because it repeats.
 */
function zerosToSee(
  plan: RefreshPlan,
  updates: readonly ReviewUpdate[],
  figures: readonly FigureResult[],
  name: (id: string) => string,
): ReviewZeros[] {
  const zeroFigure = new Map(
    figures.filter((f) => f.zeroToSee && f.value === 0 && f.unresolved === undefined).map((f) => [f.id, f] as const),
  );
  if (zeroFigure.size === 0) return [];
  const texts = new Map(plan.record.figures.map((f) => [f.id, f.text]));
  const listed: ReviewUpdate[] = [
    ...updates.filter((u) => zeroFigure.has(u.id)),
    ...plan.unchanged
      .filter((id) => zeroFigure.has(id))
      .map((id) => ({
        id,
        name: name(id),
        old: texts.get(id) ?? zeroFigure.get(id)!.text,
        new: texts.get(id) ?? zeroFigure.get(id)!.text,
      })),
  ];
  const order = new Map(plan.record.figures.map((f, i) => [f.id, i]));
  listed.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const groups = new Map<string, ReviewZeros>();
  for (const u of listed) {
    const f = zeroFigure.get(u.id)!;
    const key = f.ledger ?? "";
    const group = groups.get(key);
    if (group) group.figures.push(u);
    else
      groups.set(key, {
        ledger: key,
        reason: f.zeroToSee!.reason,
        reasonEn: f.zeroToSee!.reasonEn,
        ...(f.zeroToSee!.cell ? { cell: f.zeroToSee!.cell } : {}),
        figures: [u],
      });
  }
  return [...groups.values()];
}

/**
 * Each recomputed figure carrying the mark, by id, with what to say beside its value: `rowsLeftOut`
 * (its ledger has rows left out: may be short) or `rowsCountedTwice` (it counted rows repeating a key
 * or a whole row — a copied sheet, a row typed twice: may be too large), as the 指标 list says them.
 */
function marksOf(figures: readonly FigureResult[], mark: "rowsLeftOut" | "rowsCountedTwice"): Map<string, LeftOutMark> {
  const marks = new Map<string, LeftOutMark>();
  for (const f of figures) {
    const rows = f[mark];
    if (!rows || !f.ledger) continue;
    const other = "readAsOther" in rows ? rows.readAsOther : undefined;
    marks.set(f.id, { ledger: f.ledger, count: rows.count, cells: [...rows.cells], ...(other ? { readAsOther: other } : {}) });
  }
  return marks;
}

/**
 * The figures the saved report holds (written, kept or left unchanged) from a ledger with rows left
 * out — or, given the counted-twice marks, with rows counted twice — one group per ledger and set of
 * rows in report order: a figure is marked only by the rows it could have counted
 * (figures/left-out.ts, counted-twice.ts), so two figures of one ledger may be marked by different
 * rows. A figure the document has no place for is not in the report, so not here.
 */
function leftOutGroups(
  plan: RefreshPlan,
  marks: ReadonlyMap<string, LeftOutMark>,
  name: (id: string) => string,
  saved: (id: string) => Omit<SavedFigure, "id" | "name"> | null,
): ReviewLeftOut[] {
  if (marks.size === 0) return [];
  const absent = new Set([...plan.notInDocument, ...plan.removed]);
  const groups = new Map<string, ReviewLeftOut>();
  for (const f of plan.record.figures) {
    const m = marks.get(f.id);
    if (!m || absent.has(f.id)) continue;
    const key = leftOutKey(m);
    const group = groups.get(key) ?? { ...m, figures: [] };
    group.figures.push({ id: f.id, name: name(f.id), ...(saved(f.id) ?? { text: f.text, source: "ledger" }) });
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * What the save leaves in the report for a figure (its first copy, as the 指标 list names it once): the
 * clerk's text where a hand edit is kept, else the ledgers' value written or left. Null when the plan
 * neither writes nor keeps it (the record's text is then the ledgers' unchanged value).
 */
function savedText(
  plan: RefreshPlan,
  id: string,
  conflicts: readonly ReviewConflict[],
  resolved: (c: ReviewConflict) => ConflictChoice,
): Omit<SavedFigure, "id" | "name"> | null {
  const conflict = conflicts.find((c) => c.id === id);
  if (conflict)
    return resolved(conflict) === "take"
      ? { text: conflict.new, source: "ledger" }
      : { text: conflict.current, source: "hand", ledger: conflict.new };
  const kept = plan.kept.find((k) => k.id === id);
  if (kept) return { text: kept.current, source: "hand", ledger: kept.new };
  const updated = plan.updated.find((u) => u.id === id);
  if (updated) return { text: updated.new, source: "ledger" };
  return null;
}

/** One group's key: its ledger and the rows it is short by. */
export function leftOutKey(mark: LeftOutMark): string {
  return shortRowsKey(mark);
}

/** The report's 统计范围 from the record the plan writes, unless it is every department. */
function scopeOf(plan: RefreshPlan): { scope?: string } {
  const scope = (plan.record.scope ?? "").trim();
  return scope === "" || scope === ALL_DEPARTMENTS ? {} : { scope };
}

/** A table figure's update said by group and column, with the new table's rounding note. */
function withTable(update: ReviewUpdate): ReviewUpdate {
  const changes = tableChanges(update.old, update.new);
  if (!changes) return update;
  return { ...update, table: { changes, note: splitTableText(update.new)?.note ?? null } };
}

/**
 * A refresh's issues as the reader of this report sees them: a warning naming a figure the report does
 * not show names one it shows, or says the figure is not in it — as the CLI's refresh says them.
 */
export function issuesOfReport(refresh: { issues: readonly Issue[]; figures: readonly FigureResult[] }, plan: RefreshPlan): Issue[] {
  return issuesForDocument(refresh.issues, refresh.figures, new Set(plan.record.figures.map((f) => f.id)));
}

/** The choice for every conflict at once (全部保留 / 全部采用新值). */
export function chooseAll(review: Pick<ReviewModel, "conflicts">, choice: ConflictChoice): Record<string, ConflictChoice> {
  return Object.fromEntries(review.conflicts.map((c) => [c.key, choice]));
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
    errors: problemCount(shown, "error"),
    warnings: problemCount(shown, "warning"),
    // The cell as the clerk reads it (`2022年学习记录台账 · C23`), as every other list says it, never in formula syntax.
    lines: shown.map((i) => (i.cell ? `${describePlace(i.cell)} ${issueText(i, lang)}` : lang === "zh-CN" ? i.message : i.messageEn)),
  };
}

/** Errors thrown by the file readers and the Word adapter carry the clerk's message in both languages. */
export function clerkMessage(error: unknown, lang: "zh-CN" | "en-US"): string | null {
  if (!(error instanceof Error)) return null;
  const en = (error as Error & { messageEn?: unknown }).messageEn;
  if (typeof en !== "string") return null;
  return lang === "zh-CN" ? error.message : en;
}
