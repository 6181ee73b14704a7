// Tiny builders for hand-made workbooks: a sheet is a 2-D array, as Range.values gives it.
import type { CellRange, LedgerSet, RawCell, RawTable, RawWorkbook } from "../../../src/core/types";
import { readLedgers } from "../../../src/core/ledger";

export function sheet(
  name: string,
  values: RawCell[][],
  extra: { table?: string; top?: number; left?: number; merges?: CellRange[]; mergesUnknown?: boolean } = {},
): RawTable {
  return { sheet: name, top: extra.top ?? 0, left: extra.left ?? 0, values, ...omitPlacement(extra) };
}

function omitPlacement(extra: { table?: string; merges?: CellRange[]; mergesUnknown?: boolean }) {
  const out: Partial<RawTable> = {};
  if (extra.table !== undefined) out.table = extra.table;
  if (extra.merges !== undefined) out.merges = extra.merges;
  if (extra.mergesUnknown !== undefined) out.mergesUnknown = extra.mergesUnknown;
  return out;
}

export function workbook(...tables: RawTable[]): RawWorkbook {
  return { name: "台账.xlsx", date1904: false, tables };
}

/** The three required ledgers with one valid row each, so tests only see the issues they cause. */
export const STUDY_HEADER: RawCell[] = ["日期", "形式", "主题"];
export const PARTNER_HEADER: RawCell[] = ["单位名称", "协议签订日期"];
export const EG_HEADER: RawCell[] = ["保函编号", "开立日期", "投标企业", "统一社会信用代码", "保证金金额（元）", "状态"];

export function studySheet(name = "学习记录"): RawTable {
  return sheet(name, [STUDY_HEADER, ["2022-03-01", "专题学习", "学习贯彻党的二十大精神"]]);
}
export function partnerSheet(name = "共建单位"): RawTable {
  return sheet(name, [PARTNER_HEADER, ["某社区党委", "2022-01-05"]]);
}

/** Issues without the ones every partial workbook raises about optional ledgers it lacks. */
export function codes(issues: { code: string; severity: string; cell?: string }[]) {
  return issues.filter((i) => i.code !== "ledger.missing").map((i) => `${i.severity} ${i.code} ${i.cell ?? ""}`.trim());
}

/** The ledgers read from a workbook of these tables: what most ledger tests start from. */
export function readSheets(...tables: RawTable[]): LedgerSet {
  return readLedgers(workbook(...tables));
}

/**
 * The ledgers read from these tables beside a valid 学习记录 and 共建单位 (the required ledgers), so the
 * test sees only what its own tables cause.
 */
export function readBesideRequired(...tables: RawTable[]): LedgerSet {
  return readSheets(studySheet(), partnerSheet(), ...tables);
}
