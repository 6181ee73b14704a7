// What the command prints: aligned text for people, stable JSON for scripts.
import type { EngineResult } from "../core/engine";
import type { FigureTable, Issue, Severity } from "../core/types";
import { tableCells } from "../core/figures/grouped";
import type { RefreshPlan } from "../core/refresh/plan";
import { describeRowAccount } from "../core/ledger/accounting";
import { scopeText } from "../core/report/slots";
import { describeConditionText, scopedName, sortIssues } from "../core/describe";

export type Lang = "zh" | "en";

const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

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
  const rows: string[][] = [lang === "en" ? ["ledger", "rows", "excluded", "found in"] : ["台账", "行数", "排除", "位置"]];
  for (const ledger of Object.values(result.ledgers.ledgers)) {
    if (!ledger) continue;
    rows.push([
      ledger.name,
      // The column store's length: asking rows for theirs would build 100,000 records to count them.
      String(ledger.columnar?.length ?? ledger.rows.length),
      String(ledger.excluded),
      ledger.sources.map((s) => (s.table ? (lang === "en" ? `${s.sheet} (${s.table})` : `${s.sheet}（${s.table}）`) : s.sheet)).join(" + "),
    ]);
  }
  if (rows.length === 1) return "";
  // Every non-blank row of every sheet, accounted for in words (issue #16).
  const accounts = (result.ledgers.rowAccounts ?? []).map(
    (a) => `  ${a.ledger} · ${a.sheet}${lang === "en" ? ": " : "："}${describeRowAccount(a, lang)}`,
  );
  return `${table(rows)}${accounts.length ? `${accounts.join("\n")}\n` : ""}\n`;
}

export function formatIssues(issues: Issue[], lang: Lang): string {
  if (issues.length === 0) return lang === "en" ? "No issues.\n" : "没有发现问题。\n";
  const sorted = sortIssues(issues);
  return (
    table(
      sorted.map((i) => {
        const message = lang === "en" ? i.messageEn : i.message;
        // Messages name their cell for the pane; in the aligned column it would be said twice.
        const text = i.cell && message.startsWith(i.cell) ? message.slice(i.cell.length).replace(/^[\s:：]+/, "") : message;
        // A flood of one problem down a column is at its first cell; its message gives the count, first cells and range.
        return [SEVERITY_LABEL[lang][i.severity], i.cell ?? "", text];
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
  const intro =
    lang === "en"
      ? "If the guesses above are right, add these rows to sheet 列名对照 (create it if absent; columns 台账 / 标准列名 / 工作簿列名; they paste into Excel as cells):"
      : "若上面的猜测正确，请在“列名对照”工作表（没有就新建，列为 台账 / 标准列名 / 工作簿列名）添加以下行（可直接粘贴到 Excel）：";
  return `${intro}\n${rows.map((r) => `${r.ledger}\t${r.column}\t${r.header}`).join("\n")}\n\n`;
}

/**
 * The figures, one line each. A table figure's line says what it is (`表格 5 行 · 合计 172.09 亿元`);
 * its cells, one row a line, are only listed indented below it with `verbose` (--verbose), so the
 * listing stays one line per figure.
 */
export function formatFigures(result: EngineResult, lang: Lang, verbose = false): string {
  const rows: string[][] = [lang === "en" ? ["id", "name", "text", "rows", "source"] : ["指标ID", "名称", "报告文字", "行数", "来源"]];
  for (const f of result.figures) {
    const source =
      f.manual || !f.ledger
        ? lang === "en"
          ? "manual"
          : "手工值"
        : [f.ledger, describeConditionText(f.conditions, lang === "en" ? "en-US" : "zh-CN"), f.period.label].filter(Boolean).join(" · ");
    rows.push([f.id, scopedName(f), f.table ? tableLine(f.table, lang) : f.text, String(f.rows), source]);
  }
  const lines = table(rows).split("\n");
  if (!verbose) return `${lines.join("\n")}\n`;
  const out: string[] = [lines[0]];
  result.figures.forEach((f, k) => {
    out.push(lines[k + 1]);
    if (f.table) out.push(...tableRowsIndented(f.table));
  });
  return `${out.join("\n")}\n\n`;
}

/** A table figure on one line: how many group rows, and 合计 with the unit its header names. */
export function tableLine(t: FigureTable, lang: Lang): string {
  const unit = /（(.+)）/.exec(t.header[1] ?? "")?.[1];
  const total = unit ? `${t.total.text} ${unit}` : t.total.text;
  const note = t.note ? (lang === "en" ? " · rounding note" : " · 附四舍五入注") : "";
  return lang === "en" ? `table, ${t.rows.length} rows · total ${total}${note}` : `表格 ${t.rows.length} 行 · 合计 ${total}${note}`;
}

/** A table figure's cells, aligned, each row a line indented under its figure, then its note. */
function tableRowsIndented(t: FigureTable): string[] {
  const cells = table(tableCells(t)).trimEnd().split("\n");
  return [...cells, ...(t.note ? [t.note] : [])].map((line) => `    ${line}`);
}

export function summaryLine(result: EngineResult, lang: Lang): string {
  const count = (s: Severity) => result.issues.filter((i) => i.severity === s).length;
  const excluded = Object.values(result.ledgers.ledgers).reduce((n, l) => n + (l?.excluded ?? 0), 0);
  const { periodStart, periodEnd, scope } = result.settings;
  return lang === "en"
    ? `${result.figures.length} figures, ${periodStart}–${periodEnd}, scope ${scope}; ${excluded} row(s) excluded; ${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} note(s).`
    : `指标 ${result.figures.length} 项，期间 ${periodStart} 至 ${periodEnd}，范围 ${scope}；排除错误行 ${excluded} 行；错误 ${count("error")} 个，警告 ${count("warning")} 个，提示 ${count("info")} 个。`;
}

/** For a report limited to one department: what it says under its title, so the clerk knows it is not the agency's. */
export function scopeNoteLine(result: EngineResult, lang: Lang): string {
  const scope = scopeText(result.settings.scope);
  if (!scope) return "";
  return lang === "en"
    ? `The report counts ${scope} only and says so under its title: （统计范围：${scope}）\n`
    : `报告只统计“${scope}”，已在标题下注明：（统计范围：${scope}）\n`;
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

export function formatRefresh(plan: RefreshPlan, lang: Lang): string {
  const en = lang === "en";
  const { name, updated, overwritten, kept } = refreshSummary(plan);
  const lines: string[] = [];
  // A table figure's text is its cells one per line: on one console line they read as ` / `-joined cells.
  const oneLine = (text: string) => text.replace(/\n/g, " / ");
  // The clerk's own text, quoted as the language quotes.
  const quote = (text: string) => (en ? `"${oneLine(text)}"` : `“${oneLine(text)}”`);
  for (const u of updated) lines.push(`${en ? "updated " : "已更新"}  ${name(u.id)}  ${oneLine(u.old)} → ${oneLine(u.new)}`);
  for (const c of overwritten) lines.push(`${en ? "overwritten" : "已覆盖"}  ${name(c.id)}  ${quote(c.current)} → ${oneLine(c.new)}`);
  for (const c of kept)
    lines.push(
      en
        ? `conflict  ${name(c.id)}  kept your text ${quote(c.current)} (ledgers say ${oneLine(c.new)})`
        : `手工修改  ${name(c.id)}  保留您的文字${quote(c.current)}（台账为 ${oneLine(c.new)}）`,
    );
  for (const k of plan.kept)
    lines.push(
      `${en ? "kept    " : "保留写法"}  ${name(k.id)}  ${quote(k.current)}${en ? ` (ledgers: ${oneLine(k.new)})` : `（台账：${oneLine(k.new)}）`}`,
    );
  for (const id of plan.removed)
    lines.push(
      `${en ? "removed " : "已删除"}  ${name(id)}  ${en ? "(not in the document; not re-inserted)" : "（文档中已没有这个数字，未重新插入）"}`,
    );
  // The period and scope counted, as figures and generate say them: a refresh keeps the report's own.
  const { period, scope } = plan.record;
  lines.push(en ? `period ${period.start}–${period.end}, scope ${scope}` : `期间 ${period.start} 至 ${period.end}，范围 ${scope}`);
  const overwrote = overwritten.length ? (en ? `, ${overwritten.length} overwritten` : `，覆盖手工修改 ${overwritten.length} 项`) : "";
  lines.push(
    en
      ? `${updated.length} updated${overwrote}, ${plan.unchanged.length} unchanged, ${kept.length} hand edit(s) kept, ${plan.kept.length} kept as you wrote them (ledgers unchanged), ${plan.removed.length} removed.`
      : `更新 ${updated.length} 项${overwrote}，未变 ${plan.unchanged.length} 项，保留手工修改 ${kept.length} 项，保留写法 ${plan.kept.length} 项（台账未变化），已删除 ${plan.removed.length} 项。`,
  );
  return `${lines.join("\n")}\n`;
}

/** `refresh --json`: each figure once (see refreshSummary), names beside ids. */
export function refreshJson(plan: RefreshPlan, issues: Issue[]) {
  const { name, updated } = refreshSummary(plan);
  return {
    period: plan.record.period,
    scope: plan.record.scope,
    updated: updated.map((u) => ({ id: u.id, name: name(u.id), old: u.old, new: u.new })),
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
  const count = (s: Severity) => issues.filter((i) => i.severity === s).length;
  if (issues.length === 0) return lang === "en" ? "The ledgers have no issues." : "台账没有问题。";
  return lang === "en"
    ? `Ledger issues: ${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} note(s).${offerList ? " --verbose lists them." : ""}`
    : `台账问题：错误 ${count("error")} 个，警告 ${count("warning")} 个，提示 ${count("info")} 个。${offerList ? "加 --verbose 列出明细。" : ""}`;
}
