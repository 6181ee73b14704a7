// Which ledger a sheet or table belongs to. Clerks name sheets `2022年学习记录台账`,
// `电子保函台账（交易一科）` or `电子保函-交易二科`; the ledger's name (or alias) inside is what counts,
// and what follows it after a separator or in brackets names the department.
import type { LedgerName } from "../types";
import { LEDGER_SPECS } from "./schema";
import { foldText } from "./text";

interface Candidate {
  ledger: LedgerName;
  key: string;
}

// Longest spelling first, so `活动台账` wins over `共建` in `党建共建活动台账`.
const CANDIDATES: Candidate[] = LEDGER_SPECS.flatMap((spec) =>
  [spec.name, spec.english, ...spec.aliases].map((n) => ({ ledger: spec.name, key: foldText(n).toLowerCase() })),
).sort((a, b) => b.key.length - a.key.length);

// Words that follow the ledger name without naming anything (`电子保函台账`, `学习记录明细表`).
const FILLER_START = /^(?:台账|明细表?|登记表|统计表|汇总表|记录表?|清单|名单|表)+/;
const FILLER_END = /(?:台账|明细表?|登记表|统计表|汇总表|记录表?|清单|名单|表)+$/;
const SEPARATED = /^[-_—–~·]+(.*)$/;
const BRACKETED = /^[([【](.*?)[)\]】]/;
// `学习记录（2022年）` names a year, not a department.
const YEAR_ONLY = /^[\d\s年度第季]*$/;

/** A name Excel gives a copied sheet (移动或复制 → 建立副本): `电子保函-交易一科 (2)`. */
export const COPIED_SHEET = /\s\(\d+\)$/;

/** Which ledger a sheet or table name belongs to, and the department it names, or null. */
export function matchLedgerName(name: string): { ledger: LedgerName; department?: string } | null {
  if (typeof name !== "string") return null;
  // A copy's ` (2)` is Excel's, not the clerk's: `电子保函-交易一科 (2)` is still 交易一科's sheet.
  const folded = foldText(name).replace(COPIED_SHEET, "");
  if (folded.length === 0) return null;
  const lower = folded.toLowerCase();
  for (const c of CANDIDATES) {
    const at = lower.indexOf(c.key);
    if (at < 0) continue;
    const department = departmentFrom(folded.slice(at + c.key.length));
    return department ? { ledger: c.ledger, department } : { ledger: c.ledger };
  }
  return null;
}

function departmentFrom(rest: string): string | undefined {
  const tail = rest.trim().replace(FILLER_START, "").trim();
  const m = SEPARATED.exec(tail) ?? BRACKETED.exec(tail);
  if (!m) return undefined;
  const department = m[1].trim().replace(FILLER_END, "").trim();
  if (department.length === 0 || YEAR_ONLY.test(department)) return undefined;
  return department;
}
