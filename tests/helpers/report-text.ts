// The report as a reader of the tests wants it: plain text, one line per block.
import { tableCells } from "../../src/core/figures/grouped";
import type { ReportDocument, Run } from "../../src/core/types";

function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join("");
}

/** The report as plain text, one line per block (table rows one line each, cells tab-separated). */
export function reportPlainText(doc: ReportDocument): string {
  return doc.blocks
    .map((b) =>
      b.kind === "table"
        ? b.rows.map((row) => row.map(runsText).join("\t")).join("\n")
        : b.kind === "tableFigure"
          ? b.table
            ? tableCells(b.table)
                .map((row) => row.join("\t"))
                .join("\n")
            : b.slot.text
          : runsText(b.runs),
    )
    .join("\n");
}
