// The libraries people reach for, used the way their documentation shows for reading every value.
import type { ReadFacts } from "./ours";

const LEDGER_SHEET = "电子保函";

/** exceljs streaming: WorkbookReader over the file, every row's values touched. */
export async function exceljsRead(path: string): Promise<ReadFacts> {
  // require, not import(): the CommonJS builds, as a Node project loads them.
  const ExcelJS = require("exceljs") as typeof import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {});
  let rows = 0;
  let cells = 0;
  for await (const sheet of reader) {
    let sheetRows = 0;
    let sheetCells = 0;
    for await (const row of sheet) {
      const values = row.values as unknown[];
      sheetRows++;
      // values is 1-based with a hole at 0.
      sheetCells += Math.max(0, values.length - 1);
    }
    // The streaming reader names sheets Sheet1, Sheet2…; the ledger is the large one.
    if (sheetRows > rows) {
      rows = sheetRows;
      cells = sheetCells;
    }
  }
  return { rows, cells };
}

/** SheetJS: the whole workbook into memory (dense), then the sheet as arrays of values. */
export async function sheetjsRead(path: string): Promise<ReadFacts> {
  // The CommonJS build brings its own fs; the ES module build would need XLSX.set_fs first.
  const XLSX = require("@e965/xlsx") as typeof import("@e965/xlsx");
  const wb = XLSX.readFile(path, { dense: true });
  const sheet = wb.Sheets[LEDGER_SHEET];
  const aoa = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
  let cells = 0;
  for (const row of aoa) cells += row.length;
  return { rows: aoa.length, cells };
}
