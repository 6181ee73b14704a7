// Issue #10.9: a warning on every row of a 100,000-row ledger (a bad 统一社会信用代码 each) is one
// grouped issue — count, first cells, range — so `figures --json` stays small and readable.
import { ledgerXlsxBytes } from "../../bench/generate-ledger";
import { runCli } from "../helpers/cli";
import { tempFolder } from "../helpers/temp-folder";

const ROWS = 100_000;
const folder = tempFolder("lr-flood-");
let file: string;

beforeAll(() => {
  file = folder.write("eg-flood.xlsx", ledgerXlsxBytes(ROWS, { flood: true }));
});

const run = (args: string[]) => runCli(args);

describe("a 100,000-row ledger with a bad credit code on every row", () => {
  it("gives figures --json under 1 MB, the flood as one warning with its count, first cells and range", async () => {
    const { out } = await run(["figures", file, "--json"]);
    expect(Buffer.byteLength(out, "utf8")).toBeLessThan(1024 * 1024);
    const json = JSON.parse(out);
    // Only the guarantees are in this workbook, so other figures are unresolved; no row is an error.
    expect(json.mustLook.map((r: { code: string }) => r.code)).not.toContain("rows.excluded");
    const flood = json.issues.filter((i: { code: string }) => i.code === "creditcode.invalid");
    expect(flood).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: "电子保函!D2",
        count: ROWS,
        cells: ["电子保函!D2", "电子保函!D3", "电子保函!D4", "电子保函!D5", "电子保函!D6"],
        range: `电子保函!D2:D${ROWS + 1}`,
      }),
    ]);
    expect(flood[0].message).toMatch(/^同一列共 100,000 处同类问题/);
    // The warnings change no figure: every row is still counted.
    expect(json.figures.find((f: { id: string }) => f.id === "eg.count").rows).toBeGreaterThan(90_000);
  });

  it("prints the flood in check's text as one line at its range", async () => {
    const { out } = await run(["check", file]);
    const lines = out.split("\n").filter((l) => /统一社会信用代码“[^”]*”有误/.test(l));
    expect(lines).toHaveLength(1);
    // The generator types one placeholder code for every firm that gave none: one code under
    // hundreds of names, said once at its cells with the first few names — not counted silently as one firm.
    const shared = out.split("\n").filter((l) => l.includes("91410100000000000X 对应"));
    expect(shared).toHaveLength(1);
    expect(shared[0].length).toBeLessThan(600);
    expect(lines[0]).toContain(`电子保函!D2:D${ROWS + 1}`);
    expect(out).toContain("电子保函 · 电子保函：读取 100,000 行 · 跳过 1 行（表头 1）");
  });
});

describe("a ledger with the same error in many rows of a column", () => {
  const BAD = 30;
  let bad: string;
  beforeAll(async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const eg = wb.addWorksheet("电子保函");
    eg.addRow(["保函编号", "开立日期", "投标企业", "保证金金额（元）"]);
    eg.addRow(["BH-0", "2022-03-01", "甲公司", 100000]);
    // An amount typed as words in 30 rows: the same error in each, grouped into one issue of 30 cells.
    for (let i = 1; i <= BAD; i++) eg.addRow([`BH-${i}`, "2022-03-01", "甲公司", "约十万"]);
    const settings = wb.addWorksheet("报告设置");
    settings.addRow(["项目", "值"]);
    settings.addRow(["年度", "2022"]);
    bad = folder.write("eg-errors.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
  });

  it("counts each cell of the grouped error, in the summary and the reason to look, never '1 error' for 30 rows left out", async () => {
    const check = await run(["check", bad]);
    expect(check.out).toMatch(new RegExp(`错误 ${BAD} 个`));
    const figures = await run(["figures", bad, "--json"]);
    const json = JSON.parse(figures.out);
    expect(json.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([
      expect.objectContaining({ count: BAD, cell: "电子保函!D3" }),
    ]);
    const reason = json.mustLook.find((r: { code: string }) => r.code === "rows.excluded");
    expect(reason.count).toBe(BAD);
    expect(reason.message).toContain(`台账中有 ${BAD} 个错误`);
    const en = await run(["check", bad, "--lang", "en"]);
    expect(en.out).toContain(`${BAD} error`);
  });
});
