// `ledger-report figures` lists one line per figure: a table figure is said in one line (how many rows,
// 合计 with its unit), its rows indented below it only with --verbose; --json keeps the whole text.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";
import { ROUNDING_NOTE } from "../../src/core/figures/grouped";

const sample = resolve(__dirname, "../../examples/sample-ledgers.xlsx");
const withSample = existsSync(sample) ? describe : describe.skip;

/** The sample workbook with 指标定义's last row made the table figure eg.by_issuer. */
async function withTableFigure(statistic: string, format: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(sample) as unknown as ArrayBuffer);
  const defs = workbook.getWorksheet("指标定义")!;
  ["eg.by_issuer", "电子保函按出函机构", "电子保函", statistic, "", "本期", format, ""].forEach(
    (v, c) => (defs.getRow(defs.rowCount).getCell(c + 1).value = v),
  );
  const file = join(mkdtempSync(join(tmpdir(), "lr-cli-table-")), "台账.xlsx");
  writeFileSync(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

withSample("ledger-report figures with a table figure", () => {
  let file: string;
  beforeAll(async () => {
    file = await withTableFigure("分组求和:保证金金额:出函机构:前5", "亿元");
  });

  it("lists every figure on one line: the table as its row count and 合计 with the unit", async () => {
    const r = await cli("figures", file);
    const json = JSON.parse((await cli("figures", file, "--json")).out);
    const lines = r.out.trimEnd().split("\n");
    // Header, one line per figure, one per ledger and set of rows left out its figures could have counted,
    // one per ledger and set of rows repeating a key its figures counted twice, the blank line, the summary line.
    type Listed = { ledger: string; rowsLeftOut: unknown; rowsCountedTwice: unknown };
    const leftOut = new Set(
      json.figures.filter((f: Listed) => f.rowsLeftOut).map((f: Listed) => JSON.stringify([f.ledger, f.rowsLeftOut])),
    );
    const countedTwice = new Set(
      json.figures.filter((f: Listed) => f.rowsCountedTwice).map((f: Listed) => JSON.stringify([f.ledger, f.rowsCountedTwice])),
    );
    expect(lines).toHaveLength(1 + json.figures.length + leftOut.size + countedTwice.size + 2);
    const line = lines.find((l) => l.startsWith("eg.by_issuer"))!;
    expect(line).toMatch(/电子保函按出函机构\s+表格 6 行 · 合计 \d+\.\d\d 亿元 · 附四舍五入注\s+\d+\s+电子保函/);
    expect(r.out).not.toContain("中国建设银行");
  });

  it("with --verbose lists the table's rows, aligned and indented, and its note under its line", async () => {
    const r = await cli("figures", file, "--verbose");
    const lines = r.out.split("\n");
    const at = lines.findIndex((l) => l.startsWith("eg.by_issuer"));
    const below = lines.slice(at + 1, at + 10);
    expect(below.every((l) => l.startsWith("    "))).toBe(true);
    expect(below[0].trim().split(/\s+/)).toEqual(["出函机构", "金额（亿元）", "占比"]);
    expect(below[7].trim()).toMatch(/^合计\s+\d+\.\d\d\s+100\.0%$/);
    expect(below[8].trim()).toBe(ROUNDING_NOTE);
    expect(lines[at + 10].startsWith("    ")).toBe(false);
  });

  it("--json is unchanged: the table figure's text is every cell, one per line", async () => {
    const json = JSON.parse((await cli("figures", file, "--json")).out);
    const figure = json.figures.find((f: { id: string }) => f.id === "eg.by_issuer");
    expect(figure.text.split("\n").slice(0, 3)).toEqual(["出函机构", "金额（亿元）", "占比"]);
  });

  it("--help says how to see a table figure's rows", async () => {
    expect((await cli("figures", "--help")).out).toContain("--verbose");
  });
});
