// The small language of the 指标定义 sheet: 统计 (aggregate), 条件 (conditions), 区间 (period).
// Clerks type on Chinese keyboards, so full-width ＝ ～ ： ｜ ； are read like their ASCII twins.
import type { Aggregate, Condition, PeriodKind } from "../types";

/**
 * Full-width operators and separators → ASCII. Only these: values keep their full-width
 * brackets and digits, because they are compared with the ledger's text as typed.
 */
function halfWidth(text: string): string {
  return text
    .replace(/[\uff01\uff1a\uff1b\uff1d\uff5c\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

/**
 * `计数` · `去重计数:<列>[|<fallback列>]` · `求和:<列>` · the table figures `分组计数:<分组列>[:前N]` and
 * `分组求和:<求和列>:<分组列>[:前N]`; null when not one of these.
 */
export function parseAggregate(text: string): Aggregate | null {
  const t = halfWidth(text).trim();
  if (t === "计数") return { kind: "count" };
  const grouped = /^(分组计数|分组求和)\s*:(.*)$/.exec(t);
  if (grouped) {
    const parts = grouped[2].split(":").map((p) => p.trim());
    let top: number | undefined;
    // `前2`, or a bare `2` past the columns (clerks type `分组计数:投标企业:2`): no column is named by a number alone.
    const wantedColumns = grouped[1] === "分组计数" ? 1 : 2;
    const last =
      /^前\s*(\d+)$/.exec(parts[parts.length - 1] ?? "") ??
      (parts.length === wantedColumns + 1 ? /^(\d+)$/.exec(parts[parts.length - 1]) : null);
    if (last) {
      top = Number(last[1]);
      if (top < 1) return null;
      parts.pop();
    }
    const wanted = grouped[1] === "分组计数" ? 1 : 2;
    if (parts.length !== wanted || parts.some((p) => p === "" || p.includes("|"))) return null;
    const group = top === undefined ? { column: parts[wanted - 1] } : { column: parts[wanted - 1], top };
    return grouped[1] === "分组计数" ? { kind: "count", group } : { kind: "sum", column: parts[0], group };
  }
  const m = /^(去重计数|求和)\s*:\s*(.*)$/.exec(t);
  if (!m) return null;
  const columns = m[2].split("|").map((c) => c.trim());
  if (m[1] === "求和") {
    if (columns.length !== 1 || columns[0] === "") return null;
    return { kind: "sum", column: columns[0] };
  }
  if (columns.length > 2 || columns.some((c) => c === "")) return null;
  return columns.length === 2 ? { kind: "distinct", column: columns[0], fallback: columns[1] } : { kind: "distinct", column: columns[0] };
}

export function aggregateToText(a: Aggregate): string {
  if (a.kind !== "distinct" && a.group) {
    const top = a.group.top === undefined ? "" : `:前${a.group.top}`;
    return a.kind === "count" ? `分组计数:${a.group.column}${top}` : `分组求和:${a.column}:${a.group.column}${top}`;
  }
  switch (a.kind) {
    case "count":
      return "计数";
    case "distinct":
      return a.fallback ? `去重计数:${a.column}|${a.fallback}` : `去重计数:${a.column}`;
    case "sum":
      return `求和:${a.column}`;
  }
}

const CONDITION_FORMS = "列=值、列≠值、列~包含、列 为空、列 非空 或 列=值1|值2";
const CONDITION_FORMS_EN = "column=value, column≠value, column~text, column 为空 (blank), column 非空 (not blank) or column=value1|value2";

/** Where the clause's operator starts and what it is; the first operator wins. */
function findOperator(clause: string): { at: number; length: number; op: "eq" | "ne" | "contains" } | null {
  for (let i = 0; i < clause.length; i++) {
    const ch = clause[i];
    if (ch === "!" && clause[i + 1] === "=") return { at: i, length: 2, op: "ne" };
    if (ch === "≠") return { at: i, length: 1, op: "ne" };
    if (ch === "=") return { at: i, length: 1, op: "eq" };
    if (ch === "~") return { at: i, length: 1, op: "contains" };
  }
  return null;
}

function clauseError(clause: string, why?: { zh: string; en: string }): { error: string; errorEn: string } {
  const zh = why ? `条件“${clause}”${why.zh}` : `条件无法识别：“${clause}”`;
  const en = why ? `condition "${clause}" ${why.en}` : `condition not recognised: "${clause}"`;
  return {
    error: `${zh}，应为 ${CONDITION_FORMS}`,
    errorEn: `${en}; expected ${CONDITION_FORMS_EN}`,
  };
}

/**
 * The clause a clerk adds to 条件 to say that a value no record has yet is right, and its figure's 0
 * with it (`形式=专题学习会; 允许为零`). Without it such a value is taken for a typo: the figure is unresolved.
 */
export const ALLOW_ZERO_CLAUSE = "允许为零";

/** 条件 text without its 允许为零 clause (also `允许为0`), and whether it had one. */
export function splitAllowZero(text: string): { text: string; allowZero: boolean } {
  const clauses = halfWidth(text).split(";");
  const kept = clauses.filter((c) => !/^\s*允许为(零|0)\s*$/.test(c));
  return kept.length === clauses.length ? { text, allowZero: false } : { text: kept.join(";"), allowZero: true };
}

/** `;`/`；`-separated clauses; an empty text means no conditions. */
export function parseConditions(text: string): Condition[] | { error: string; errorEn: string } {
  const conditions: Condition[] = [];
  for (const raw of halfWidth(text).split(";")) {
    const clause = raw.trim();
    if (clause === "") continue;
    const op = findOperator(clause);
    if (op) {
      const column = clause.slice(0, op.at).trim();
      const rest = clause.slice(op.at + op.length).trim();
      if (column === "") return clauseError(clause, { zh: "缺少列名", en: "has no column name" });
      if (op.op === "contains") {
        if (rest === "") return clauseError(clause, { zh: "缺少要包含的文字", en: "has no text to look for" });
        conditions.push({ kind: "contains", column, text: rest });
        continue;
      }
      const values = rest.split("|").map((v) => v.trim());
      if (values.some((v) => v === "")) {
        return clauseError(clause, {
          zh: "缺少值（判断空白请用 为空 / 非空）",
          en: "has an empty value (use 为空 / 非空 for blanks)",
        });
      }
      conditions.push({ kind: op.op, column, values });
      continue;
    }
    const blank = /^(.*?)\s*(为空|非空)$/.exec(clause);
    if (blank) {
      const column = blank[1].trim();
      if (column === "") return clauseError(clause, { zh: "缺少列名", en: "has no column name" });
      conditions.push(blank[2] === "为空" ? { kind: "blank", column } : { kind: "notBlank", column });
      continue;
    }
    return clauseError(clause);
  }
  return conditions;
}

/** Canonical text of conditions, e.g. `形式=专题学习; 主题~二十大`; parses back to the same conditions. */
export function conditionsToText(c: Condition[]): string {
  return c
    .map((cond) => {
      switch (cond.kind) {
        case "eq":
          return `${cond.column}=${cond.values.join("|")}`;
        case "ne":
          return `${cond.column}≠${cond.values.join("|")}`;
        case "contains":
          return `${cond.column}~${cond.text}`;
        case "blank":
          return `${cond.column} 为空`;
        case "notBlank":
          return `${cond.column} 非空`;
      }
    })
    .join("; ");
}

const PERIOD_LABELS: Record<PeriodKind, string> = {
  current: "本期",
  toEnd: "截至期末",
  all: "全部",
};

export function periodLabel(kind: PeriodKind): string {
  return PERIOD_LABELS[kind];
}

/** `本期` `截至期末` `全部` (also the English kind names); null otherwise. */
export function periodKindFromLabel(label: string): PeriodKind | null {
  const text = halfWidth(label).replace(/\s+/g, "");
  for (const kind of Object.keys(PERIOD_LABELS) as PeriodKind[]) {
    if (text === PERIOD_LABELS[kind] || text.toLowerCase() === kind.toLowerCase()) return kind;
  }
  return null;
}
