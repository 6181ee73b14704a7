// Every path that reads a workbook takes the same sheets (issue #13): the command line and the web
// page (readWorkbookFile/-Async), the Word pane's file picker and the live Excel read over Office.js.
// One workbook with ledgers, the configuration sheets and tables, near-misses and unrelated sheets
// goes through each; the sheets each hands the engine must be the same.
import ExcelJS from "exceljs";
import { readWorkbookFile, readWorkbookFileAsync } from "../../src/adapters/xlsx/workbook-file";
import { readXlsxWorkbook } from "../../src/adapters/xlsx";
import { nodeZipCodec } from "../../src/adapters/xlsx/node-codec";
import { readWorkbookFileLazily } from "../../src/taskpane/shell/services";
import { createExcelWorkbookSource } from "../../src/adapters/excel";
import { createSimulatedExcel, simWorkbookFromXlsx } from "../../src/simulated-host";
import type { RawWorkbook } from "../../src/core/types";

/** Sheet → the tables on it (none: plain cells). */
const SHEETS: [string, string[]][] = [
  ["2022年电子保函台账（交易一科）", []],
  ["Sheet3", ["StudySessions"]],
  ["报告设置", []],
  ["指标定义", []],
  ["列名对照", []],
  ["Sheet5", ["FigureDefinitions"]],
  ["Sheet6", ["ColumnNames"]],
  // Read by none: unrelated, and names that only contain a configuration sheet's name.
  ["草稿", []],
  ["报告设置（旧）", []],
  ["Sheet1", ["Table7"]],
];
const READ = ["2022年电子保函台账（交易一科）", "Sheet3", "报告设置", "指标定义", "列名对照", "Sheet5", "Sheet6"];

async function workbookBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, tables] of SHEETS) {
    const sheet = wb.addWorksheet(name);
    if (tables.length === 0) {
      sheet.addRow(["项目", "值"]);
      sheet.addRow(["年度", "2022"]);
    }
    for (const table of tables)
      sheet.addTable({
        name: table,
        ref: "A1",
        headerRow: true,
        columns: [{ name: "名称" }, { name: "日期" }],
        rows: [["某单位", "2022-03-01"]],
      });
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function sheetsRead(wb: RawWorkbook): string[] {
  return [...new Set(wb.tables.map((t) => t.sheet))].sort();
}

describe("which sheets a read takes", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await workbookBytes();
  });

  it("is the same for the command line, the web page, the Word pane's file read and the live Excel read", async () => {
    const sim = createSimulatedExcel(simWorkbookFromXlsx(readXlsxWorkbook(bytes)));
    const live = await createExcelWorkbookSource(sim.Excel.run, { isSetSupported: sim.isSetSupported }).read();
    const paths = {
      "CLI (readWorkbookFileAsync)": sheetsRead(await readWorkbookFileAsync(bytes, "台账.xlsx", nodeZipCodec)),
      "web page (readWorkbookFile)": sheetsRead(readWorkbookFile(bytes, "台账.xlsx")),
      "Word pane (readWorkbookFileLazily)": sheetsRead(await readWorkbookFileLazily(bytes, "台账.xlsx")),
      "Excel pane (live read)": sheetsRead(live.workbook),
    };
    const expected = [...READ].sort();
    expect(paths).toEqual({
      "CLI (readWorkbookFileAsync)": expected,
      "web page (readWorkbookFile)": expected,
      "Word pane (readWorkbookFileLazily)": expected,
      "Excel pane (live read)": expected,
    });
  });
});
