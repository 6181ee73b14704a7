import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx";
import { FileWorkbookSource, type OpenedFile, type Place } from "../../src/web/file-source";
import { saveManualValue } from "../../src/taskpane/model";
import { runEngine } from "../../src/core/engine";
import type { RawWorkbook } from "../../src/core/types";
import type { RunOptions } from "../../src/worker/client";

const bytes = new Uint8Array(readFileSync(join(__dirname, "../../examples/sample-ledgers.xlsx")));
const opened = (): OpenedFile => ({ name: "sample-ledgers.xlsx", lastModified: 0, size: bytes.length, bytes });

function source(places: Place[] = []) {
  let reads = 0;
  const s = new FileWorkbookSource(
    opened(),
    async (b, name) => {
      reads++;
      return readXlsx(b, { name });
    },
    (p) => places.push(p),
  );
  return { s, reads: () => reads };
}

describe("the web page's workbook source", () => {
  it("reads the file once per reading and says how many cells it read", async () => {
    const { s, reads } = source();
    const first = await s.read();
    await s.read();
    expect(reads()).toBe(1);
    expect(first.stats.cells).toBeGreaterThan(1000);
    expect(first.workbook.name).toBe("sample-ledgers.xlsx");
    s.replaceFile({ ...opened(), bytes: bytes.slice() });
    await s.read();
    expect(reads()).toBe(2);
  });

  it("tells a cell or a figure's rows as a place instead of selecting them", async () => {
    const places: Place[] = [];
    const { s } = source(places);
    await s.selectCell("'电子保函-交易一科'!G1660");
    await s.selectRows([{ sheet: "队伍", row: 3 }]);
    await s.selectRows([]);
    expect(places).toEqual([
      { kind: "cell", address: "'电子保函-交易一科'!G1660" },
      { kind: "rows", refs: [{ sheet: "队伍", row: 3 }] },
    ]);
  });

  it("keeps a changed year for the session: the next figures are that year's, the file is untouched", async () => {
    const { s } = source();
    const heard: string[] = [];
    s.subscribe((what) => heard.push(what));
    await s.writeSettings([
      ["年度", "2023"],
      ["期间开始", "2023-01-01"],
      ["期间结束", "2023-12-31"],
    ]);
    const result = await s.runEngine((await s.read()).workbook);
    expect(result.settings.year).toBe(2023);
    expect(result.settings.periodEnd).toBe("2023-12-31");
    expect(heard).toEqual(["settings"]);
    expect(s.changes().settings).toEqual([
      ["年度", "2023"],
      ["期间开始", "2023-01-01"],
      ["期间结束", "2023-12-31"],
    ]);
    // A year chosen for one run still wins over the session's.
    expect((await s.runEngine((await s.read()).workbook, { overrides: { year: 2022 } })).settings.year).toBe(2022);
  });

  it("runs the engine where the page says (its worker), with the session's settings under the run's own", async () => {
    const runs: { workbook: RawWorkbook; options: RunOptions }[] = [];
    const s = new FileWorkbookSource(
      opened(),
      async (b, name) => readXlsx(b, { name }),
      () => undefined,
      async (workbook, options) => {
        runs.push({ workbook, options });
        return runEngine(workbook, options);
      },
    );
    await s.writeSettings([["年度", "2023"]]);
    const onProgress = () => undefined;
    const { workbook } = await s.read();
    const result = await s.runEngine(workbook, { overrides: { scope: "全部门" }, onProgress });
    expect(runs).toHaveLength(1);
    expect(runs[0].workbook).toBe(workbook);
    expect(runs[0].options.overrides).toEqual({ year: 2023, scope: "全部门" });
    // Progress reaches the runner, so the page shows the worker's stages as the pane does.
    expect(runs[0].options.onProgress).toBe(onProgress);
    expect(result.settings.year).toBe(2023);
  });

  it("saves a manual value the way the pane does, and the recomputed figure uses it", async () => {
    const { s } = source();
    const manual = (await s.runEngine((await s.read()).workbook)).figures.find((f) => f.manual && f.value !== null)!;
    const saved = await saveManualValue({ source: s, runEngine: s.runEngine }, manual.id, 1234);
    expect(saved.cell).toMatch(/^指标定义!/);
    expect(saved.result.figures.find((f) => f.id === manual.id)!.value).toBe(1234);
    expect(s.changes().manual).toEqual([[manual.id, 1234]]);
  });

  it("refuses a manual value for a figure 指标定义 has no row for, and keeps nothing", async () => {
    const { s } = source();
    await expect(s.writeManualValue("no.such.figure", 1)).rejects.toThrow(/指标定义/);
    expect(s.changes().manual).toEqual([]);
  });
});
