// What the command prints: aligned text for people, stable JSON for scripts.
import type { EngineResult } from "../core/engine";
import type { Issue, Severity } from "../core/types";
import type { RefreshPlan } from "../core/refresh/plan";
import { describeRowAccount } from "../core/ledger/accounting";

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
      String(ledger.rows.length),
      String(ledger.excluded),
      ledger.sources.map((s) => (s.table ? `${s.sheet}（${s.table}）` : s.sheet)).join(" + "),
    ]);
  }
  if (rows.length === 1) return "";
  // Every non-blank row of every sheet, accounted for in words (issue #16).
  const accounts = (result.ledgers.rowAccounts ?? []).map((a) => `  ${a.ledger} · ${a.sheet}：${describeRowAccount(a, lang)}`);
  return `${table(rows)}${accounts.length ? `${accounts.join("\n")}\n` : ""}\n`;
}

export function formatIssues(issues: Issue[], lang: Lang): string {
  if (issues.length === 0) return lang === "en" ? "No issues.\n" : "没有发现问题。\n";
  const order: Severity[] = ["error", "warning", "info"];
  const sorted = [...issues].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
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

export function formatFigures(result: EngineResult, lang: Lang): string {
  const rows: string[][] = [lang === "en" ? ["id", "name", "text", "rows", "source"] : ["指标ID", "名称", "报告文字", "行数", "来源"]];
  for (const f of result.figures) {
    const source =
      f.manual || !f.ledger ? (lang === "en" ? "manual" : "手工值") : [f.ledger, f.conditions, f.period.label].filter(Boolean).join(" · ");
    rows.push([f.id, f.name, f.text, String(f.rows), source]);
  }
  return `${table(rows)}\n`;
}

export function summaryLine(result: EngineResult, lang: Lang): string {
  const count = (s: Severity) => result.issues.filter((i) => i.severity === s).length;
  const excluded = Object.values(result.ledgers.ledgers).reduce((n, l) => n + (l?.excluded ?? 0), 0);
  const { periodStart, periodEnd, scope } = result.settings;
  return lang === "en"
    ? `${result.figures.length} figures, ${periodStart}–${periodEnd}, scope ${scope}; ${excluded} row(s) excluded; ${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} note(s).`
    : `指标 ${result.figures.length} 项，期间 ${periodStart} 至 ${periodEnd}，范围 ${scope}；排除错误行 ${excluded} 行；错误 ${count("error")} 个，警告 ${count("warning")} 个，提示 ${count("info")} 个。`;
}

function issueJson(i: Issue) {
  const json = {
    severity: i.severity,
    code: i.code,
    message: i.message,
    messageEn: i.messageEn,
    cell: i.cell ?? null,
    ledger: i.ledger ?? null,
  };
  // A grouped issue (the same problem in many cells of one column): how many, the first few, the range.
  return i.count === undefined ? json : { ...json, count: i.count, cells: i.cells ?? [], range: i.range ?? null };
}

/** The `figures --json` document (issue #2's contract). */
export function figuresJson(result: EngineResult) {
  return {
    figures: result.figures.map((f) => ({
      id: f.id,
      name: f.name,
      value: f.value,
      text: f.text,
      rows: f.rows,
      ledger: f.ledger,
      conditions: f.conditions,
      period: f.period.label,
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
      .map((l) => ({ name: l!.name, rows: l!.rows.length, excluded: l!.excluded, sources: l!.sources })),
    // Per ledger and sheet: nonBlankRows = records + excluded + Σ skipped.
    rowAccounts: result.ledgers.rowAccounts ?? [],
    issues: result.issues.map(issueJson),
  };
}

export function formatRefresh(plan: RefreshPlan, lang: Lang): string {
  const en = lang === "en";
  const lines: string[] = [];
  for (const u of plan.updated) lines.push(`${en ? "updated " : "已更新"}  ${u.id}  ${u.old} → ${u.new}`);
  for (const c of plan.conflicts)
    lines.push(
      c.resolution === "keep"
        ? `${en ? "conflict" : "手工修改"}  ${c.id}  ${en ? "kept your text" : "保留您的文字"}“${c.current}”（${en ? "ledgers say" : "台账为"} ${c.new}）`
        : `${en ? "overwritten" : "已覆盖"}  ${c.id}  “${c.current}” → ${c.new}`,
    );
  for (const id of plan.removed)
    lines.push(
      `${en ? "removed " : "已删除"}  ${id}  ${en ? "(not in the document; not re-inserted)" : "（文档中已没有这个数字，未重新插入）"}`,
    );
  lines.push(
    en
      ? `${plan.updated.length} updated, ${plan.unchanged.length} unchanged, ${plan.conflicts.length} conflict(s), ${plan.removed.length} removed.`
      : `更新 ${plan.updated.length} 项，未变 ${plan.unchanged.length} 项，手工修改 ${plan.conflicts.length} 项，已删除 ${plan.removed.length} 项。`,
  );
  return `${lines.join("\n")}\n`;
}
