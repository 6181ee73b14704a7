// Writing the clerk's answer to "is 学习方式 our 形式?" as one row of sheet 列名对照 (台账 /
// 标准列名 / 工作簿列名), the sheet every reader honours (core/ledger/mapping.ts). The row goes below
// everything already on the sheet, so no cell the clerk wrote is touched; the sheet is created,
// with its header, when absent. Looked up again inside the same Excel.run: the clerk may be
// co-authoring, so nothing read before is trusted.
import { cellAddress } from "../../core/address";
import { locateColumnMapHeader, sameMappingRow } from "../../core/ledger/mapping";
import { COLUMN_MAP_HEADERS, COLUMN_MAP_SHEET } from "../../core/ledger/schema";
import type { LedgerName, RawCell } from "../../core/types";
import { WorkbookSourceError, errorCode, foldName } from "./shared";
import type { RequirementCheck } from "../office/requirements";

export interface ColumnMappingEntry {
  ledger: LedgerName;
  column: string;
  header: string;
}

export interface ColumnMappingWrite {
  /** The row's first cell (`列名对照!A5`). */
  cell: string;
  /** True when 列名对照 did not exist and was added. */
  created: boolean;
  /** True when the row was already there and nothing was written. */
  existed: boolean;
}

function protectedError(sheet: string, cause: unknown): WorkbookSourceError {
  return new WorkbookSourceError(
    "excel.sheet_protected",
    `工作表「${sheet}」受保护（或工作簿结构受保护），无法写入列名对照。请撤销保护后重试，或手工在“${COLUMN_MAP_SHEET}”中添加这一行。`,
    `Sheet "${sheet}" (or the workbook's structure) is protected, so the column mapping could not be written. Unprotect it and try again, or add the row to ${COLUMN_MAP_SHEET} by hand.`,
    { cause },
  );
}

function noHeaderError(cell: string): WorkbookSourceError {
  return new WorkbookSourceError(
    "excel.column_map_no_header",
    `“${COLUMN_MAP_SHEET}”工作表中没有“${COLUMN_MAP_HEADERS.join(" / ")}”表头行，未写入。请在第一行写上这三个列名后重试。`,
    `Sheet ${COLUMN_MAP_SHEET} has no ${COLUMN_MAP_HEADERS.join(" / ")} header row, so nothing was written. Put these three headers in its first row and try again.`,
    { cell },
  );
}

async function syncWrite(context: Excel.RequestContext, sheet: string): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    throw errorCode(e) === "AccessDenied" ? protectedError(sheet, e) : e;
  }
}

/**
 * Adds `entry` to 列名对照 (creating the sheet with its header when absent) and nothing else:
 * ≤ 3 round trips. A row saying the same already there is not written twice.
 */
export async function writeColumnMappingLive(
  run: typeof Excel.run,
  entry: ColumnMappingEntry,
  can: RequirementCheck = () => true,
): Promise<ColumnMappingWrite> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const existing = sheets.items.find((s) => foldName(s.name) === foldName(COLUMN_MAP_SHEET));
    const values = [entry.ledger, entry.column, entry.header];
    const writeFresh = async (sheet: Excel.Worksheet, name: string) => {
      const block = sheet.getRange("A1:C2");
      // Text, so a header that looks like a number or a formula stays the clerk's words.
      block.numberFormat = [
        ["@", "@", "@"],
        ["@", "@", "@"],
      ];
      block.values = [[...COLUMN_MAP_HEADERS], values];
      if (can("ExcelApi", "1.2")) block.format.autofitColumns();
      await syncWrite(context, name);
      return cellAddress(name, 1, 0);
    };

    if (!existing) {
      const cell = await writeFresh(context.workbook.worksheets.add(COLUMN_MAP_SHEET), COLUMN_MAP_SHEET);
      return { cell, created: true, existed: false };
    }

    const name = existing.name;
    const sheet = context.workbook.worksheets.getItem(name);
    // Before ExcelApi 1.4 there is no null-object form; an empty sheet's used range is then A1, blank.
    const used = (can("ExcelApi", "1.4") ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange(true)).load(
      "values,rowIndex,columnIndex",
    );
    await context.sync();
    const rows = used.isNullObject ? [] : (used.values as RawCell[][]);
    if (!rows.some((row) => row.some((c) => c !== null && c !== ""))) {
      return { cell: await writeFresh(sheet, name), created: false, existed: false };
    }

    const header = locateColumnMapHeader(rows);
    if (!header) throw noHeaderError(cellAddress(name, used.rowIndex, used.columnIndex));
    const { columns } = header;
    const first = used.columnIndex + Math.min(columns.ledger, columns.column, columns.header);
    for (let r = header.row + 1; r < rows.length; r++) {
      const row = rows[r];
      if (sameMappingRow({ ledger: row[columns.ledger], column: row[columns.column], header: row[columns.header] }, entry)) {
        return { cell: cellAddress(name, used.rowIndex + r, first), created: false, existed: true };
      }
    }
    // Below the used range every cell is blank: the new row overwrites nothing, and a table whose
    // last row is the used range's grows to take it (Excel extends a table written right below it).
    const target = used.rowIndex + rows.length;
    for (const [key, value] of [
      ["ledger", entry.ledger],
      ["column", entry.column],
      ["header", entry.header],
    ] as const) {
      const cell = sheet.getCell(target, used.columnIndex + columns[key]);
      cell.numberFormat = [["@"]];
      cell.values = [[value]];
    }
    await syncWrite(context, name);
    return { cell: cellAddress(name, target, first), created: false, existed: false };
  });
}
