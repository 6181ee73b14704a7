// Word templates stored in the open workbook through Excel.run (simulated Excel, ExcelApi 1.1 calls
// only): a hidden 报告模板库 sheet, read back the same, replaced by name, and read by the file reader.
import { readWordTemplates, storeWordTemplate } from "../../../src/adapters/excel/stored-templates";
import { rowsToTemplates, TEMPLATE_SHEET } from "../../../src/core/fill/stored";
import { createSimulatedExcel, type SimWorkbook } from "../../../src/simulated-host";
import { wordMadePackage } from "../docx/word-made";

function workbook(): SimWorkbook {
  return { sheets: [{ name: "电子保函", cells: [["保函编号"]], merges: [], tables: [] }] } as unknown as SimWorkbook;
}

const template = (name: string, bytes: Uint8Array) => ({ name, fileName: `${name}.docx`, savedAt: "2023-01-05", bytes });

describe("templates stored in the workbook", () => {
  it("stores a template on a hidden 报告模板库 sheet and reads it back byte for byte", async () => {
    const wb = workbook();
    const sim = createSimulatedExcel(wb);
    const bytes = wordMadePackage();
    await storeWordTemplate(template("工作总结", bytes), sim.Excel.run);
    const sheet = wb.sheets.find((s) => s.name === TEMPLATE_SHEET)!;
    expect(sheet.visibility).toBe("Hidden");
    const back = await readWordTemplates(sim.Excel.run);
    expect(back.map((t) => t.name)).toEqual(["工作总结"]);
    expect(Buffer.from(back[0].bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("keeps every cell under Excel's 32 767 characters and no piece that could read as a formula", async () => {
    const wb = workbook();
    const sim = createSimulatedExcel(wb);
    const big = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    await storeWordTemplate(template("大模板", big), sim.Excel.run);
    const cells = wb.sheets
      .find((s) => s.name === TEMPLATE_SHEET)!
      .cells.flat()
      .map(String);
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(32767);
    expect(cells.some((c) => /^[=+\-@]/.test(c))).toBe(false);
    expect(
      Buffer.from(rowsToTemplates(wb.sheets.find((s) => s.name === TEMPLATE_SHEET)!.cells).templates[0].bytes).equals(Buffer.from(big)),
    ).toBe(true);
  });

  it("replaces a template stored again under the same name and keeps the others, leaving no stale rows", async () => {
    const wb = workbook();
    const sim = createSimulatedExcel(wb);
    await storeWordTemplate(template("月报", new Uint8Array(70_000).fill(1)), sim.Excel.run);
    await storeWordTemplate(template("工作总结", wordMadePackage()), sim.Excel.run);
    await storeWordTemplate(template("月报", new Uint8Array([1, 2, 3])), sim.Excel.run);
    const back = await readWordTemplates(sim.Excel.run);
    expect(back.map((t) => [t.name, t.bytes.length])).toEqual([
      ["工作总结", wordMadePackage().length],
      ["月报", 3],
    ]);
  });

  it("reads none from a workbook that has no template sheet", async () => {
    expect(await readWordTemplates(createSimulatedExcel(workbook()).Excel.run)).toEqual([]);
  });
});
