// A clerk types 七 as a 手工值: the command line reads it as 7, says so at the cell, and the report
// prints 7 — never the text, never a figure left out without a word.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../helpers/cli";

const root = resolve(__dirname, "../..");
const sample = join(root, "examples/sample-ledgers.xlsx");
const withSample = existsSync(sample) ? describe : describe.skip;
const dir = mkdtempSync(join(tmpdir(), "lr-manual-chinese-"));

/** The sample with goals.count's 手工值 typed as text; returns the file and the cell written. */
async function sampleWithHandValue(typed: string): Promise<{ file: string; cell: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(sample) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("指标定义")!;
  let header = 0;
  let column = 0;
  sheet.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (cell.value === "手工值") [header, column] = [r, c];
    });
  });
  let cell = "";
  sheet.eachRow((row, r) => {
    if (r > header && row.getCell(1).value === "goals.count") {
      row.getCell(column).value = typed;
      cell = `指标定义!${row.getCell(column).address}`;
    }
  });
  if (!cell) throw new Error("the sample's 指标定义 has no goals.count row");
  const file = join(dir, `手工值-${typed}.xlsx`);
  writeFileSync(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return { file, cell };
}

withSample("a 手工值 in Chinese numerals on the command line", () => {
  test("七 is figure value 7 with an info at its cell, in Chinese and English", async () => {
    const { file, cell } = await sampleWithHandValue("七");
    const r = await runCli(["figures", file, "--json"]);
    const json = JSON.parse(r.out);
    expect(json.figures.find((f: { id: string }) => f.id === "goals.count")).toMatchObject({ value: 7, text: "7", unresolved: null });
    const info = json.issues.find((i: { code: string }) => i.code === "definition.manual_chinese_numeral");
    expect(info).toMatchObject({ severity: "info", cell });
    expect(info.messageEn).toContain('"七" is read as the number 7');
  });

  test("七余 is an error at its cell: the figure is a placeholder and the command exits 1", async () => {
    const { file, cell } = await sampleWithHandValue("七余");
    const r = await runCli(["figures", file, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.issues).toContainEqual(expect.objectContaining({ severity: "error", code: "definition.bad_manual_value", cell }));
    expect(json.figures.find((f: { id: string }) => f.id === "goals.count")).toMatchObject({ value: null });
  });
});
