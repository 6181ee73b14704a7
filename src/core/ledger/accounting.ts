// Row accounting in words, the same in the command line and the pane:
// `读取 1,866 行 · 排除 1 行 · 跳过 4 行（标题 1、表头 1、合计 1、制表人 1）`.
import type { RowAccount, SkipReason } from "../types";

export type AccountLang = "zh" | "en";

/** In the order a sheet is read, top to bottom. */
const REASONS: SkipReason[] = [
  "title",
  "header",
  "total",
  "note",
  "signature",
  "after_notes",
  "outside_table",
  "other_table",
  "row_number_only",
  "no_header",
];

export const SKIP_REASON_WORDS: Record<AccountLang, Record<SkipReason, string>> = {
  zh: {
    title: "标题",
    header: "表头",
    total: "合计",
    note: "注释",
    signature: "制表人",
    after_notes: "注释下方",
    outside_table: "表格外",
    other_table: "其他表格",
    row_number_only: "仅序号",
    no_header: "无表头",
  },
  en: {
    title: "title",
    header: "header",
    total: "total",
    note: "note",
    signature: "signature",
    after_notes: "after the notes",
    outside_table: "outside the table",
    other_table: "other table",
    row_number_only: "序号 only",
    no_header: "no header",
  },
};

function n(x: number): string {
  return x.toLocaleString("en-US");
}

/** One sheet's accounting as a line of words. */
export function describeRowAccount(account: RowAccount, lang: AccountLang): string {
  const skipped = REASONS.filter((r) => (account.skipped[r] ?? 0) > 0);
  const total = skipped.reduce((sum, r) => sum + (account.skipped[r] ?? 0), 0);
  const words = SKIP_REASON_WORDS[lang];
  if (lang === "en") {
    const parts = [`read ${n(account.records)} row${account.records === 1 ? "" : "s"}`];
    if (account.excluded) parts.push(`excluded ${n(account.excluded)}`);
    if (total) parts.push(`skipped ${n(total)} (${skipped.map((r) => `${words[r]} ${n(account.skipped[r] ?? 0)}`).join(", ")})`);
    return parts.join(" · ");
  }
  const parts = [`读取 ${n(account.records)} 行`];
  if (account.excluded) parts.push(`排除 ${n(account.excluded)} 行`);
  if (total) parts.push(`跳过 ${n(total)} 行（${skipped.map((r) => `${words[r]} ${n(account.skipped[r] ?? 0)}`).join("、")}）`);
  return parts.join(" · ");
}
