// What the command prints: aligned text for people, stable JSON for scripts.
import type { EngineResult } from "../core/engine";
import type { FigureResult, FigureTable, Issue, Severity } from "../core/types";
import type { TextParams } from "../core/messages";
import { tableCells } from "../core/figures/grouped";
import type { RefreshPlan } from "../core/refresh/plan";
import { describeRowAccount } from "../core/ledger/accounting";
import { scopeText } from "../core/report/slots";
import { ALL_DEPARTMENTS } from "../core/settings";
import { LEDGER_SPECS } from "../core/ledger/schema";
import { describeConditionText, problemCount, scopedName, sortIssues } from "../core/describe";
import { inLang, listParams, pieceParams, say, texts, type Lang } from "./messages";

export type { Lang } from "./messages";

/** A listing's header row: the catalogue's text, tab between columns. */
const headerRow = (key: "ledgers.header" | "figures.header", lang: Lang) => say(key, {}, lang).split("\t");

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ""))));
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i])))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}

export function formatLedgers(result: EngineResult, lang: Lang): string {
  const rows: string[][] = [headerRow("ledgers.header", lang)];
  for (const ledger of Object.values(result.ledgers.ledgers)) {
    if (!ledger) continue;
    rows.push([
      ledger.name,
      // The column store's length: asking rows for theirs would build 100,000 records to count them.
      String(ledger.columnar?.length ?? ledger.rows.length),
      String(ledger.excluded),
      ledger.sources.map((s) => (s.table ? s.sheet + say("aside", { text: s.table }, lang) : s.sheet)).join(" + "),
    ]);
  }
  if (rows.length === 1) return "";
  // Every non-blank row of every sheet, accounted for in words (issue #16).
  const accounts = (result.ledgers.rowAccounts ?? []).map((a) =>
    say("ledgers.account", { ledger: a.ledger, sheet: a.sheet, account: describeRowAccount(a, lang) }, lang),
  );
  return `${table(rows)}${accounts.length ? `${accounts.join("\n")}\n` : ""}\n`;
}

export function formatIssues(issues: Issue[], lang: Lang): string {
  if (issues.length === 0) return `${say("issues.none", {}, lang)}\n`;
  const sorted = sortIssues(issues);
  return (
    table(
      sorted.map((i) => {
        const message = inLang(i, lang);
        // Messages name their cell for the pane; in the aligned column it would be said twice.
        const text = i.cell && message.startsWith(i.cell) ? message.slice(i.cell.length).replace(/^[\s:：]+/, "") : message;
        // A flood of one problem down a column is at its first cell; its message gives the count, first cells and range.
        return [say(`severity.${i.severity}`, {}, lang), i.cell ?? "", text];
      }),
    ) + "\n"
  );
}

/**
 * The rows to add to sheet 列名对照 for every header the reader thinks is a missing column, tab
 * separated so they paste into Excel as three cells (台账 / 标准列名 / 工作簿列名).
 */
export function formatColumnMappingLines(issues: Issue[], lang: Lang): string {
  const rows = issues.filter((i) => i.columnMapping).map((i) => i.columnMapping!);
  if (rows.length === 0) return "";
  const intro = say("column_map.intro", {}, lang);
  return `${intro}\n${rows.map((r) => `${r.ledger}\t${r.column}\t${r.header}`).join("\n")}\n\n`;
}

/**
 * The figures, one line each. A table figure's line says what it is (`表格 5 行 · 合计 172.09 亿元`);
 * its cells, one row a line, are only listed indented below it with `verbose` (--verbose), so the
 * listing stays one line per figure.
 */
export function formatFigures(result: EngineResult, lang: Lang, verbose = false): string {
  const rows: string[][] = [headerRow("figures.header", lang)];
  for (const f of result.figures) {
    const source =
      f.manual || !f.ledger
        ? manualSource(f, lang)
        : [f.ledger, describeConditionText(f.conditions, lang === "en" ? "en-US" : "zh-CN"), f.period.label].filter(Boolean).join(" · ");
    rows.push([f.id, scopedName(f), f.table ? tableLine(f.table, lang) : f.text, String(f.rows), source]);
  }
  const lines = table(rows).split("\n");
  const leftOut = figureMarkLines(result.figures, lang);
  if (!verbose) return `${[...lines, ...leftOut].join("\n")}\n`;
  const out: string[] = [lines[0]];
  result.figures.forEach((f, k) => {
    out.push(lines[k + 1]);
    if (f.table) out.push(...tableRowsIndented(f.table));
  });
  return `${[...out, ...leftOut].join("\n")}\n\n`;
}

/** A manual figure's 来源: 手工值 when it has one; when it has none it is unresolved, and says why. */
function manualSource(f: FigureResult, lang: Lang): string {
  if (!f.unresolved) return say("figures.manual", {}, lang);
  // A refused 指标定义 row (withRefusedDefinitions): where to correct it.
  if (f.unresolved.code === "definition_error" && f.unresolved.cell)
    return say("figures.manual#definition_error", { cell: f.unresolved.cell }, lang);
  return f.ledger ? say("figures.manual#ledger_missing", { ledger: f.ledger }, lang) : say("figures.manual#blank", {}, lang);
}

/**
 * Which of `figures` may be short, by name, with the rows left out that they could have counted
 * (FigureResult.rowsLeftOut): one line per ledger and set of rows, naming every figure those rows
 * could belong in. `figures` lists every figure; `generate` and `fill` list those they placed.
 */
export function rowsLeftOutLines(figures: readonly FigureResult[], lang: Lang): string[] {
  const groups = new Map<string, { ledger: string; count: number; cells: string[]; names: string[] }>();
  // Rows counted as 其他 (rowsLeftOut.readAsOther) are counted, only not here: their own line says so.
  const asOther = new Map<string, { ledger: string; count: number; cells: string[]; columns: string[]; names: string[] }>();
  for (const f of figures) {
    if (!f.rowsLeftOut || !f.ledger) continue;
    const other = f.rowsLeftOut.readAsOther;
    const count = f.rowsLeftOut.count - (other?.count ?? 0);
    const cells = other ? f.rowsLeftOut.cells.filter((cell) => !other.cells.includes(cell)) : f.rowsLeftOut.cells;
    if (count > 0) {
      const key = [f.ledger, count, ...cells].join("\u0000");
      const group = groups.get(key);
      if (group) group.names.push(scopedName(f));
      else groups.set(key, { ledger: f.ledger, count, cells, names: [scopedName(f)] });
    }
    if (other) {
      const key = [f.ledger, other.count, ...other.cells, "", ...other.columns].join("\u0000");
      const group = asOther.get(key);
      if (group) group.names.push(scopedName(f));
      else asOther.set(key, { ledger: f.ledger, ...other, names: [scopedName(f)] });
    }
  }
  return [
    ...[...groups.values()].map(({ ledger, count, cells, names }) =>
      say("figures.rows_left_out", { ledger, count, ...listParams("cells", cells), ...quotedList("names", names) }, lang),
    ),
    ...[...asOther.values()].map(({ ledger, count, cells, columns, names }) => {
      const shown = count > cells.length ? [...cells, "…"] : cells;
      const params = { ledger, count, ...listParams("cells", shown), ...quotedList("columns", columns), ...quotedList("names", names) };
      return say("figures.rows_read_as_other", params, lang);
    }),
  ];
}

/**
 * Which of `figures` may be too large, by name, with the rows that repeat a key another counted row
 * has (FigureResult.rowsCountedTwice): one line per ledger and set of rows, as rowsLeftOutLines.
 */
export function rowsCountedTwiceLines(figures: readonly FigureResult[], lang: Lang): string[] {
  const groups = new Map<string, { ledger: string; count: number; cells: string[]; names: string[] }>();
  for (const f of figures) {
    if (!f.rowsCountedTwice || !f.ledger) continue;
    const { count, cells } = f.rowsCountedTwice;
    const key = [f.ledger, count, ...cells].join("\u0000");
    const group = groups.get(key);
    if (group) group.names.push(scopedName(f));
    else groups.set(key, { ledger: f.ledger, count, cells, names: [scopedName(f)] });
  }
  return [...groups.values()].map(({ ledger, count, cells, names }) => {
    const shown = count > cells.length ? [...cells, "…"] : cells;
    // A ledger with a key repeats it (编号); one without repeats whole rows (a copied 学习记录).
    const keyed = LEDGER_SPECS.find((s) => s.name === ledger)?.columns.some((c) => c.unique) !== false;
    const key = keyed ? "figures.rows_counted_twice" : "figures.rows_counted_twice#repeated";
    return say(key, { ledger, count, ...listParams("cells", shown), ...quotedList("names", names) }, lang);
  });
}

/** The figures' marks: those that may be short (rowsLeftOutLines), then those that may be too large (rowsCountedTwiceLines). */
export function figureMarkLines(figures: readonly FigureResult[], lang: Lang): string[] {
  return [...rowsLeftOutLines(figures, lang), ...rowsCountedTwiceLines(figures, lang)];
}

/** Names in the language's quotes, listed (`“甲”、“乙”`, `"甲", "乙"`). */
function quotedList(name: string, items: readonly string[]): TextParams {
  const zh = items.map((text) => say("quoted", { text }, "zh"));
  const en = items.map((text) => say("quoted", { text }, "en"));
  return { [name]: zh.join("、"), [`${name}En`]: en.join(", ") };
}

/** A table figure on one line: how many group rows, and 合计 with the unit its header names. */
export function tableLine(t: FigureTable, lang: Lang): string {
  const unit = /（(.+)）/.exec(t.header[1] ?? "")?.[1];
  const total = unit ? `${t.total.text} ${unit}` : t.total.text;
  const note = pieceParams("note", t.note ? texts("figures.table#rounding_note") : null);
  return say("figures.table", { rows: t.rows.length, total, ...note }, lang);
}

/** A table figure's cells, aligned, each row a line indented under its figure, then its note. */
function tableRowsIndented(t: FigureTable): string[] {
  const cells = table(tableCells(t)).trimEnd().split("\n");
  return [...cells, ...(t.note ? [t.note] : [])].map((line) => `    ${line}`);
}

export function summaryLine(result: EngineResult, lang: Lang): string {
  const count = (s: Severity) => problemCount(result.issues, s);
  const excluded = Object.values(result.ledgers.ledgers).reduce((n, l) => n + (l?.excluded ?? 0), 0);
  const { periodStart, periodEnd, scope } = result.settings;
  const counts = { errors: count("error"), warnings: count("warning"), infos: count("info") };
  return say(
    "summary.line",
    { figures: result.figures.length, start: periodStart, end: periodEnd, ...scopeParams(scope), excluded, ...counts },
    lang,
  );
}

/** A 统计范围 as the summary lines say it: the department, or 全部门 — "all departments" in English. */
function scopeParams(scope: string): { scope: string; scopeEn: string } {
  const department = scopeText(scope);
  return { scope: department || ALL_DEPARTMENTS, scopeEn: department || "all departments" };
}

/** For a report limited to one department: what it says under its title, so the clerk knows it is not the agency's. */
export function scopeNoteLine(result: EngineResult, lang: Lang): string {
  const scope = scopeText(result.settings.scope);
  if (!scope) return "";
  return `${say("summary.scope_note", { scope }, lang)}\n`;
}

function issueJson(i: Issue) {
  const json = {
    severity: i.severity,
    code: i.code,
    message: i.message,
    messageEn: i.messageEn,
    cell: i.cell ?? null,
    ledger: i.ledger ?? null,
    // Messages name figures; the id stays here, for scripts.
    figure: i.figure ?? null,
    ...(i.columnMapping ? { columnMapping: i.columnMapping } : {}),
  };
  // A grouped issue (the same problem in many cells of one column): how many, the first few, the range.
  return i.count === undefined ? json : { ...json, count: i.count, cells: i.cells ?? [], range: i.range ?? null };
}

/** The `figures --json` document (issue #2's contract). */
export function figuresJson(result: EngineResult) {
  return {
    figures: result.figures.map((f) => ({
      id: f.id,
      // Counted for one department: its name says so, and `scope` names it (null for the whole agency).
      name: scopedName(f),
      scope: f.scope ?? null,
      value: f.value,
      text: f.text,
      rows: f.rows,
      ledger: f.ledger,
      conditions: f.conditions,
      period: f.period.label,
      // Never 0 for what the ledgers cannot support: value null, and why.
      unresolved: f.unresolved
        ? { code: f.unresolved.code, reason: f.unresolved.reason, reasonEn: f.unresolved.reasonEn, cell: f.unresolved.cell ?? null }
        : null,
      // Its ledger's rows with errors counted in no figure: this one may be short by them.
      rowsLeftOut: f.rowsLeftOut ?? null,
      // Rows repeating a key (保函编号) that both count in it: it may be too large by them.
      rowsCountedTwice: f.rowsCountedTwice ?? null,
    })),
    issues: result.issues.map(issueJson),
    period: { start: result.settings.periodStart, end: result.settings.periodEnd },
    scope: result.settings.scope,
  };
}

export function checkJson(result: EngineResult) {
  return {
    ledgers: Object.values(result.ledgers.ledgers)
      .filter((l) => l !== undefined)
      .map((l) => ({ name: l!.name, rows: l!.columnar?.length ?? l!.rows.length, excluded: l!.excluded, sources: l!.sources })),
    // Per ledger and sheet: nonBlankRows = records + excluded + Σ skipped.
    rowAccounts: result.ledgers.rowAccounts ?? [],
    issues: result.issues.map(issueJson),
  };
}

/**
 * A refresh as the clerk reads it: each figure once, under what happened to it. With
 * --overwrite-conflicts a hand-edited figure is in the plan's `updated` and its `conflicts`; here it
 * is counted once, as overwritten.
 */
export function refreshSummary(plan: RefreshPlan) {
  // A report for one department: each figure's name says so, as the report's line under the title does.
  const scope = scopeText(plan.record.scope);
  const name = new Map(plan.record.figures.map((f) => [f.id, scopedName({ name: f.name, scope: f.ledger && scope ? scope : undefined })]));
  const taken = new Set(plan.conflicts.filter((c) => c.resolution === "take").map((c) => c.id));
  return {
    // A removed figure is no longer in the new record: the plan still knows its name.
    name: (id: string) => name.get(id) ?? plan.names?.[id] ?? id,
    updated: plan.updated.filter((u) => !taken.has(u.id)),
    overwritten: plan.conflicts.filter((c) => c.resolution === "take"),
    kept: plan.conflicts.filter((c) => c.resolution === "keep"),
  };
}

/**
 * The figures a refresh writes (or keeps) as a 0 no record supports (FigureResult.zeroToSee: next
 * year's report from this year's ledgers, a ledger without records), grouped by ledger in report
 * order, each group with its reason: never listed as an ordinary update.
 */
export function refreshZeros(plan: RefreshPlan, figures: readonly FigureResult[]) {
  const zero = new Map(figures.filter((f) => f.zeroToSee && f.value === 0 && !f.unresolved).map((f) => [f.id, f] as const));
  const { name, updated } = refreshSummary(plan);
  const texts = new Map(plan.record.figures.map((f) => [f.id, f.text]));
  const listed = [
    ...updated.filter((u) => zero.has(u.id)).map((u) => ({ id: u.id, old: u.old, new: u.new, changed: true })),
    // An unchanged 0 is listed too: last year's 0 is not this year's because it repeats.
    ...plan.unchanged
      .filter((id) => zero.has(id))
      .map((id) => ({ id, old: texts.get(id) ?? "", new: texts.get(id) ?? "", changed: false })),
  ];
  const order = new Map(plan.record.figures.map((f, i) => [f.id, i]));
  listed.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const named = listed.map((z) => ({ ...z, name: name(z.id) }));
  const groups = new Map<string, { ledger: string; reason: string; reasonEn: string; cell: string | null; figures: typeof named }>();
  for (const z of named) {
    const f = zero.get(z.id)!;
    const key = f.ledger ?? "";
    const group = groups.get(key);
    if (group) group.figures.push(z);
    else
      groups.set(key, {
        ledger: key,
        reason: f.zeroToSee!.reason,
        reasonEn: f.zeroToSee!.reasonEn,
        cell: f.zeroToSee!.cell ?? null,
        figures: [z],
      });
  }
  return [...groups.values()];
}

export function formatRefresh(plan: RefreshPlan, lang: Lang, figures: readonly FigureResult[] = []): string {
  const { name, updated, overwritten, kept } = refreshSummary(plan);
  const zeros = refreshZeros(plan, figures);
  const zeroIds = new Set(zeros.flatMap((g) => g.figures.map((z) => z.id)));
  const lines: string[] = [];
  // A table figure's text is its cells one per line: on one console line they read as ` / `-joined cells.
  const oneLine = (text: string) => text.replace(/\n/g, " / ");
  // The clerk's own text, quoted as the language quotes.
  const quote = (text: string) => say("quoted", { text: oneLine(text) }, lang);
  for (const u of updated) {
    if (zeroIds.has(u.id)) continue;
    lines.push(say("refresh.updated", { name: name(u.id), old: oneLine(u.old), new: oneLine(u.new) }, lang));
  }
  for (const group of zeros) {
    const see = pieceParams("see", group.cell ? texts("see", { cell: group.cell }) : null);
    lines.push(say("refresh.zeros", { reason: group.reason, reasonEn: group.reasonEn, ...see }, lang));
    for (const z of group.figures)
      lines.push(
        say(
          z.changed ? "refresh.zeros#line" : "refresh.zeros#line_unchanged",
          { name: z.name, old: oneLine(z.old), new: oneLine(z.new) },
          lang,
        ),
      );
  }
  for (const c of overwritten)
    lines.push(say("refresh.overwritten", { name: name(c.id), current: quote(c.current), new: oneLine(c.new) }, lang));
  for (const c of kept) lines.push(say("refresh.conflict", { name: name(c.id), current: quote(c.current), new: oneLine(c.new) }, lang));
  for (const k of plan.kept) lines.push(say("refresh.kept", { name: name(k.id), current: quote(k.current), new: oneLine(k.new) }, lang));
  for (const id of plan.removed) lines.push(say("refresh.removed", { name: name(id) }, lang));
  // The period and scope counted, as figures and generate say them: a refresh keeps the report's own.
  const { period, scope } = plan.record;
  lines.push(say("refresh.period", { start: period.start, end: period.end, ...scopeParams(scope) }, lang));
  const overwrote = pieceParams(
    "overwrote",
    overwritten.length ? texts("refresh.totals#overwritten", { count: overwritten.length }) : null,
  );
  const totals = { updated: updated.length, unchanged: plan.unchanged.length, conflicts: kept.length, kept: plan.kept.length };
  lines.push(say("refresh.totals", { ...totals, removed: plan.removed.length, ...overwrote }, lang));
  return `${lines.join("\n")}\n`;
}

/** `refresh --json`: each figure once (see refreshSummary), names beside ids. */
export function refreshJson(plan: RefreshPlan, issues: Issue[], figures: readonly FigureResult[] = []) {
  const { name, updated } = refreshSummary(plan);
  return {
    period: plan.record.period,
    scope: plan.record.scope,
    updated: updated.map((u) => ({ id: u.id, name: name(u.id), old: u.old, new: u.new })),
    /** Updated (or unchanged) figures written as a 0 no record supports, by ledger with the reason: to confirm. */
    zeros: refreshZeros(plan, figures).map((g) => ({
      ...g,
      figures: g.figures.map(({ id, name, old, new: now, changed }) => ({ id, name, old, new: now, changed })),
    })),
    unchanged: plan.unchanged,
    conflicts: plan.conflicts.map((c) => ({
      id: c.id,
      name: name(c.id),
      written: c.written,
      current: c.current,
      new: c.new,
      resolution: c.resolution,
    })),
    /** Hand edits over a value the ledgers did not move: kept as written, not conflicts. */
    kept: plan.kept.map((k) => ({ id: k.id, name: name(k.id), written: k.written, current: k.current, ledgers: k.new, agrees: k.agrees })),
    removed: plan.removed,
    issues: issues.map(issueJson),
  };
}

/** `台账问题：错误 3 个，警告 4 个，提示 10 个。` — the count that stands in for the list (`--verbose`). */
export function issueCountLine(issues: Issue[], lang: Lang, offerList: boolean): string {
  const count = (s: Severity) => problemCount(issues, s);
  if (issues.length === 0) return say("issues.count#none", {}, lang);
  const more = pieceParams("more", offerList ? texts("issues.count#more") : null);
  return say("issues.count", { errors: count("error"), warnings: count("warning"), infos: count("info"), ...more }, lang);
}
