// The row-accounting invariant (issue #16), checked against a count of the workbook's own cells
// that shares no code with the reader: for every ledger and sheet, every non-blank row is a
// record, an excluded row or a skipped one, and the records are the ledger's rows.
import type { LedgerSet, RawCell, RawWorkbook } from "../../src/core/types";

function blank(v: RawCell | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Sheet rows (0-based) with a non-blank cell in any raw table of the sheet or the regions around
 * them, leaving out the cells of the tables named in `apart` (tables that account for themselves).
 */
export function nonBlankSheetRows(wb: RawWorkbook, sheet: string, apart: string[] = []): Set<number> {
  const rows = new Set<number>();
  const rects = wb.tables
    .filter((t) => t && t.sheet === sheet && t.table !== undefined && apart.includes(t.table))
    .map((t) => ({
      top: t.top,
      left: t.left,
      bottom: t.top + t.values.length - 1,
      right: t.left + Math.max(0, ...t.values.map((l) => l.length)) - 1,
    }));
  const inApart = (r: number, c: number) => rects.some((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);
  const scan = (top: number, values: RawCell[][], left = 0) =>
    values.forEach((line, i) => {
      if (Array.isArray(line) && line.some((v, c) => !blank(v) && !inApart(top + i, left + c))) rows.add(top + i);
    });
  for (const t of wb.tables) {
    if (!t || String(t.sheet ?? "") !== sheet || !Array.isArray(t.values)) continue;
    if (t.table !== undefined && apart.includes(t.table)) continue;
    scan(Math.max(0, Math.floor(Number(t.top) || 0)), t.values, Math.max(0, Math.floor(Number(t.left) || 0)));
    for (const region of t.around?.regions ?? []) if (region && Array.isArray(region.values)) scan(region.top, region.values, region.left);
  }
  return rows;
}

/** The non-blank rows of one table's own values. */
function nonBlankTableRows(wb: RawWorkbook, sheet: string, table: string): number {
  const t = wb.tables.find((x) => x && x.sheet === sheet && x.table === table);
  return t ? t.values.filter((line) => Array.isArray(line) && line.some((v) => !blank(v))).length : 0;
}

/** Throws, naming the ledger and sheet, when the accounting does not add up. */
export function assertRowAccounting(wb: RawWorkbook, set: LedgerSet): void {
  const accounts = set.rowAccounts ?? [];
  const fail = (what: string) => {
    throw new Error(`row accounting: ${what}\n${JSON.stringify(accounts)}`);
  };
  for (const a of accounts) {
    const skipped = Object.values(a.skipped).reduce((n: number, k) => n + (k ?? 0), 0);
    if (a.nonBlankRows !== a.records + a.excluded + skipped)
      fail(`${a.ledger}/${a.sheet}: nonBlankRows ${a.nonBlankRows} ≠ records ${a.records} + excluded ${a.excluded} + skipped ${skipped}`);
    // A table beside another of its ledger accounts for its own rows; the sheet's account for the rest.
    const apart = accounts.filter((b) => b.ledger === a.ledger && b.sheet === a.sheet && b.table !== undefined).map((b) => b.table!);
    const counted = a.table !== undefined ? nonBlankTableRows(wb, a.sheet, a.table) : nonBlankSheetRows(wb, a.sheet, apart).size;
    if (a.nonBlankRows !== counted)
      fail(`${a.ledger}/${a.sheet}${a.table ? `/${a.table}` : ""}: nonBlankRows ${a.nonBlankRows}, but it has ${counted} non-blank rows`);
  }
  for (const ledger of Object.values(set.ledgers)) {
    if (!ledger) continue;
    const mine = accounts.filter((a) => a.ledger === ledger.name);
    const records = mine.reduce((n, a) => n + a.records, 0);
    const excluded = mine.reduce((n, a) => n + a.excluded, 0);
    if (records !== ledger.rows.length) fail(`${ledger.name}: ${records} records accounted, ${ledger.rows.length} rows read`);
    if (excluded !== ledger.excluded) fail(`${ledger.name}: ${excluded} excluded accounted, ${ledger.excluded} excluded`);
    for (const sheet of new Set(ledger.sources.map((s) => s.sheet)))
      if (!mine.some((a) => a.sheet === sheet)) fail(`${ledger.name}: no account for sheet ${sheet}`);
  }
}
