// An Excel table with its 汇总 row on, as a clerk makes one in Excel: the workbooks of the tests that
// read such tables (the Excel adapter over a saved file, the CLI on a new user's workbook) build it here.
import type ExcelJS from "exceljs";

/**
 * Adds table `name` at `ref`: a header row, the rows, and the totals row — its first cell says 汇总,
 * each column named in `totals` gets that SUBTOTAL (计数 `count`, 求和 `sum`). exceljs writes it the
 * way Excel saves it.
 */
export function addTotalsTable(
  sheet: ExcelJS.Worksheet,
  table: { name: string; ref: string; headers: string[]; rows: unknown[][]; totals?: Record<string, "count" | "sum"> },
): void {
  const columns = table.headers.map((name, i) =>
    i === 0 ? { name, totalsRowLabel: "汇总" } : { name, ...(table.totals?.[name] ? { totalsRowFunction: table.totals[name] } : {}) },
  );
  sheet.addTable({ name: table.name, ref: table.ref, headerRow: true, totalsRow: true, columns, rows: table.rows });
}
