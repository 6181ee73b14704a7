// The clerk's words for what the engine knows: places as `2022年学习记录台账 · C23` (not formula
// syntax), conditions as sentences (`主题包含“二十大”`, not `主题~二十大`), figures by name, values
// with their unit (`393,044,000 元（3.93 亿元）`). One place for the pane, the CLI and the Word review.
import type { Condition, FormatKind, Issue, Severity } from "./types";
import { parseAddress } from "./address";
import { parseConditions } from "./figures/syntax";
import { formatValue } from "./format";

export type Lang = "zh-CN" | "en-US";

/** `'2022年学习记录台账'!C23` → `2022年学习记录台账 · C23`; text that is not an address is returned as given. */
export function describePlace(cell: string): string {
  // A range (a grouped issue down a column): `电子保函 · D5–D9`.
  const range = /^(.*!)\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell);
  if (range) {
    const first = describePlace(`${range[1]}${range[2]}${range[3]}`);
    return first === `${range[1]}${range[2]}${range[3]}` ? cell : `${first}–${range[4].toUpperCase()}${range[5]}`;
  }
  const at = parseAddress(cell);
  if (!at) return cell;
  const letters = /!\$?([A-Za-z]{1,3})\$?\d+$/.exec(cell)?.[1]?.toUpperCase() ?? "";
  return `${at.sheet} · ${letters}${at.row + 1}`;
}

/** Every cell address inside a message (`与'电子保函-交易一科'!B1500 重复`) said as a place. */
export function describePlacesIn(text: string): string {
  return text.replace(/(?:'(?:[^']|'')+'|[\p{L}\p{N}_]+)!\$?[A-Za-z]{1,3}\$?\d+/gu, (address) => describePlace(address));
}

/** A value as each language quotes it: “专题学习” in Chinese, "专题学习" in English. */
function quoted(text: string, lang: Lang): string {
  return lang === "zh-CN" ? `“${text}”` : `"${text}"`;
}

function alternatives(values: string[], lang: Lang): string {
  return values.map((v) => quoted(v, lang)).join(lang === "zh-CN" ? "或" : " or ");
}

/** One condition in words: `形式为“专题学习”`, `状态不是“撤销”`, `主题包含“二十大”`, `包联社区不为空`. */
export function describeCondition(c: Condition, lang: Lang): string {
  const zh = lang === "zh-CN";
  switch (c.kind) {
    case "eq":
      return zh ? `${c.column}为${alternatives(c.values, lang)}` : `${c.column} is ${alternatives(c.values, lang)}`;
    case "ne":
      return zh ? `${c.column}不是${alternatives(c.values, lang)}` : `${c.column} is not ${alternatives(c.values, lang)}`;
    case "contains":
      return zh ? `${c.column}包含${quoted(c.text, lang)}` : `${c.column} contains ${quoted(c.text, lang)}`;
    case "blank":
      return zh ? `${c.column}为空` : `${c.column} is blank`;
    case "notBlank":
      return zh ? `${c.column}不为空` : `${c.column} is not blank`;
  }
}

/** All conditions of a figure in words, joined (`形式为“专题学习”，主题包含“二十大”`); empty when none. */
export function describeConditions(conditions: Condition[], lang: Lang): string {
  return conditions.map((c) => describeCondition(c, lang)).join(lang === "zh-CN" ? "，" : ", ");
}

/**
 * Conditions as written in 指标定义 (`状态≠撤销; 主题~二十大`) in words; text that does not parse
 * is shown as written rather than hidden.
 */
export function describeConditionText(text: string, lang: Lang): string {
  const parsed = parseConditions(text);
  return Array.isArray(parsed) ? describeConditions(parsed, lang) : text;
}

/** A figure as a message names it: `“电子保函笔数”` (the id goes to a details line or JSON). */
export function figureLabel(name: string): string {
  return `“${name}”`;
}

function grouped(value: number, lang: Lang, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(lang === "zh-CN" ? "zh-CN" : "en-US", { maximumFractionDigits }).format(value);
}

/**
 * A figure's value with its unit, as the clerk checks it against the report: money (亿元/万元
 * figures hold yuan) as `393,044,000 元（3.93 亿元）`, a share as `12.5%`, a count grouped (`3,372`).
 */
export function describeValue(value: number | null, format: FormatKind, lang: Lang): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const yuan = lang === "zh-CN" ? "元" : "yuan";
  switch (format) {
    case "yi":
    case "wan": {
      const scaled = `${formatValue(value, format)} ${format === "yi" ? "亿元" : "万元"}`;
      return lang === "zh-CN" ? `${grouped(value, lang)} ${yuan}（${scaled}）` : `${grouped(value, lang)} ${yuan} (${scaled})`;
    }
    case "percent":
      return `${formatValue(value, "percent")}%`;
    default:
      return grouped(value, lang);
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Column letters as a number (A=1 … Z=26, AA=27), so C9 sorts before C10 and Z before AA. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * How many problems the issues stand for, of one severity: a flood (one issue for the same problem in
 * 1,000 cells of a column) is 1,000 problems — "错误 1 个" beside "排除 1,000 行" would read as one.
 */
export function problemCount(issues: readonly Issue[], severity: Severity): number {
  let n = 0;
  for (const issue of issues) if (issue.severity === severity) n += issue.count ?? 1;
  return n;
}

/** Where an issue sits, for sorting: sheet, then row, then column; issues without a cell come last. */
function placeKey(issue: Issue): [number, string, number, number] {
  const at = issue.cell ? parseAddress(issue.cell) : null;
  if (!at) return [1, "", 0, 0];
  const letters = /!\$?([A-Za-z]{1,3})\$?\d+$/.exec(issue.cell!)?.[1] ?? "A";
  return [0, at.sheet, at.row, columnNumber(letters)];
}

/** Issues as the clerk works through them: errors first, then warnings, then notes; within each, by place. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return issues
    .map((issue, index) => ({ issue, index, key: placeKey(issue) }))
    .sort((a, b) => {
      const bySeverity = SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity];
      if (bySeverity) return bySeverity;
      const [ca, sa, ra, la] = a.key;
      const [cb, sb, rb, lb] = b.key;
      if (ca !== cb) return ca - cb;
      if (sa !== sb) return sa < sb ? -1 : 1;
      if (ra !== rb) return ra - rb;
      if (la !== lb) return la - lb;
      return a.index - b.index;
    })
    .map((x) => x.issue);
}

/**
 * A figure's name as a list shows it: with its department when it was counted for one
 * (`电子保函笔数（交易一科）`), so a department's number never reads as the agency's.
 */
export function scopedName(figure: { name: string; scope?: string }): string {
  return figure.scope ? `${figure.name}（${figure.scope}）` : figure.name;
}
