// Workbooks as plain data (what an adapter hands the engine), written as their cells.
import type { RawCell, RawTable, RawWorkbook } from "../../src/core/types";

/** A sheet whose table starts at A1: a header row, then data rows. */
export function rawTable(sheet: string, values: RawCell[][]): RawTable {
  return { sheet, top: 0, left: 0, values };
}

/** A workbook of such sheets, saved in the 1900 date system as Excel does by default. */
export function rawWorkbook(name: string, ...tables: RawTable[]): RawWorkbook {
  return { name, date1904: false, tables };
}
