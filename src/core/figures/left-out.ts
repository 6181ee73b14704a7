// Figures a row may have been kept out of. LEDGERS.md: a row with an error-severity issue is excluded
// from every figure (its other cells cannot be trusted to count); a record-like row under a table or
// below a note line is not read as a record. The figure is still a
// number the ledgers support, but one that may be short by those rows: it says so, with the cells to
// fix, so a clerk reading "3 个错误" is not left to guess that the report's 2 should be 3.
import type { FigureResult, Issue, LedgerSet } from "../types";

/** How many of its ledger's rows were left out, and the first cells whose errors did it. */
export interface RowsLeftOut {
  count: number;
  cells: string[];
}

const CELLS_SHOWN = 3;
/**
 * Rows that look like records but are not read as records: typed under an Excel table (or beside it),
 * or below a 注：/制表人 line. The reader warns at each; they count in no figure either.
 */
const NOT_READ = ["row.outside_table", "row.after_notes"];

/** Each counted figure of a ledger with excluded rows, marked with `rowsLeftOut`; others unchanged. */
export function markRowsLeftOut(figures: FigureResult[], ledgers: LedgerSet, issues: Issue[]): FigureResult[] {
  const byLedger = new Map<string, RowsLeftOut>();
  for (const [name, ledger] of Object.entries(ledgers.ledgers)) {
    if (!ledger) continue;
    const cells: string[] = [];
    let count = ledger.excluded;
    for (const issue of issues) {
      if (issue.ledger !== name) continue;
      const notRead = NOT_READ.includes(issue.code);
      if (issue.severity !== "error" && !notRead) continue;
      if (notRead) count += issue.count ?? 1;
      for (const cell of issue.cells ?? (issue.cell ? [issue.cell] : [])) {
        if (cells.length < CELLS_SHOWN && !cells.includes(cell)) cells.push(cell);
      }
    }
    if (count > 0) byLedger.set(name, { count, cells });
  }
  if (byLedger.size === 0) return figures;
  return figures.map((f) => {
    const leftOut = f.ledger !== null && !f.unresolved ? byLedger.get(f.ledger) : undefined;
    return leftOut ? { ...f, rowsLeftOut: leftOut } : f;
  });
}
