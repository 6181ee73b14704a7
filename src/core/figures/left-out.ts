// Figures a row with an error may have been kept out of. LEDGERS.md: a row with an error-severity issue
// is excluded from every figure (its other cells cannot be trusted to count). The figure is still a
// number the ledgers support, but one that may be short by those rows: it says so, with the cells to
// fix, so a clerk reading "3 个错误" is not left to guess that the report's 2 should be 3.
import type { FigureResult, Issue, LedgerSet } from "../types";

/** How many of its ledger's rows were left out, and the first cells whose errors did it. */
export interface RowsLeftOut {
  count: number;
  cells: string[];
}

const CELLS_SHOWN = 3;

/** Each counted figure of a ledger with excluded rows, marked with `rowsLeftOut`; others unchanged. */
export function markRowsLeftOut(figures: FigureResult[], ledgers: LedgerSet, issues: Issue[]): FigureResult[] {
  const byLedger = new Map<string, RowsLeftOut>();
  for (const [name, ledger] of Object.entries(ledgers.ledgers)) {
    if (!ledger || ledger.excluded === 0) continue;
    const cells: string[] = [];
    for (const issue of issues) {
      if (issue.severity !== "error" || issue.ledger !== name) continue;
      for (const cell of issue.cells ?? (issue.cell ? [issue.cell] : [])) {
        if (cells.length < CELLS_SHOWN && !cells.includes(cell)) cells.push(cell);
      }
    }
    byLedger.set(name, { count: ledger.excluded, cells });
  }
  if (byLedger.size === 0) return figures;
  return figures.map((f) => {
    const leftOut = f.ledger !== null && !f.unresolved ? byLedger.get(f.ledger) : undefined;
    return leftOut ? { ...f, rowsLeftOut: leftOut } : f;
  });
}
