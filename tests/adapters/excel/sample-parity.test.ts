// The pane and the command line must agree: the sample workbook read live through Office.js (on the
// simulated host) gives exactly the figures the CLI computes from the .xlsx file, in two round trips.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createExcelWorkbookSource } from "../../../src/adapters/excel";
import { readXlsx, readXlsxWorkbook } from "../../../src/adapters/xlsx";
import { runEngine } from "../../../src/core/engine";
import { createSimulatedExcel, simWorkbookFromXlsx } from "../../../src/simulated-host";

const bytes = new Uint8Array(readFileSync(resolve(__dirname, "../../../examples/sample-ledgers.xlsx")));

describe("the sample workbook read through the Excel adapter", () => {
  it("gives the CLI's figures and issues, in at most two round trips and no response over 5 MB", async () => {
    const sim = createSimulatedExcel({ ...simWorkbookFromXlsx(readXlsxWorkbook(bytes)), name: "sample-ledgers.xlsx" });
    const source = createExcelWorkbookSource(sim.Excel.run, { isSetSupported: sim.isSetSupported });
    const { workbook, stats } = await source.read();
    expect(stats.roundTrips).toBeLessThanOrEqual(2);
    expect(sim.stats.syncs).toBe(stats.roundTrips);
    expect(sim.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);

    const generatedAt = "2023-01-05T00:00:00.000Z";
    const live = runEngine(workbook, { generatedAt });
    const file = runEngine(readXlsx(bytes, { name: "sample-ledgers.xlsx" }), { generatedAt });
    const figure = (f: { id: string; value: number | null; text: string; rows: number; fingerprint: string }) => ({
      id: f.id,
      value: f.value,
      text: f.text,
      rows: f.rows,
      fingerprint: f.fingerprint,
    });
    expect(live.figures.map(figure)).toEqual(file.figures.map(figure));
    const issue = (i: { code: string; cell?: string }) => `${i.code} ${i.cell ?? ""}`;
    expect(live.issues.map(issue)).toEqual(file.issues.map(issue));
  });
});
