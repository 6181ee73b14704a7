// The bench harness on a 1k-row ledger, in process: what it measures must be the same work on every
// side, and its verdicts must follow the targets. Structure only — no timing is asserted.
import { guaranteeRows, ledgerXlsxBytes } from "../../bench/generate-ledger";
import { tempFolder } from "../helpers/temp-folder";
import { exceljsRead, sheetjsRead } from "../../bench/tasks/libs";
import { oursEndToEnd, oursRead } from "../../bench/tasks/ours";
import { coreEvaluate } from "../../bench/tasks/core";
import { officePath } from "../../bench/tasks/office";
import {
  allowedGenerateSyncs,
  checkTargets,
  median,
  speedTable,
  type BenchResults,
  type SizeResult,
  type ToolResult,
} from "../../bench/report";

const ROWS = 1000;
const folder = tempFolder("lr-bench-smoke-");
let file: string;

beforeAll(() => {
  file = folder.write("eg-1000.xlsx", ledgerXlsxBytes(ROWS));
});

function expectedGuaranteeTexts(rows: number): Record<string, string> {
  let count = 0;
  let amount = 0;
  const firms = new Set<string>();
  for (const g of guaranteeRows(rows)) {
    if (g.status === "撤销") continue;
    count++;
    amount += g.amount;
    firms.add(g.creditCode || g.firm);
  }
  const n = firms.size;
  const approx =
    n < 10 ? n : n < 100 ? Math.floor(n / 10) * 10 : Math.floor(n / 10 ** (String(n).length - 2)) * 10 ** (String(n).length - 2);
  return {
    "eg.count": String(count),
    "eg.firms": approx === n ? String(n) : `${approx}余`,
    "eg.amount": (Math.round(amount / 1e6) / 100).toFixed(2),
  };
}

describe("the bench ledger", () => {
  test("is the same file for the same row count and a different one for another count", () => {
    const a = ledgerXlsxBytes(200);
    expect(Buffer.from(ledgerXlsxBytes(200)).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(ledgerXlsxBytes(201)).equals(Buffer.from(a))).toBe(false);
  });

  test("is read as 1000 rows under one header by our reader, exceljs and SheetJS alike", async () => {
    expect(await oursRead(file)).toEqual({ rows: ROWS + 1, cells: (ROWS + 1) * 9 });
    expect((await exceljsRead(file)).rows).toBe(ROWS + 1);
    expect(await sheetjsRead(file)).toMatchObject({ rows: ROWS + 1 });
  });
});

describe("the measured work", () => {
  test("file → figures → .docx counts every guarantee letter that was not revoked", async () => {
    const facts = await oursEndToEnd(file);
    expect(facts.rows).toBe(ROWS + 1);
    expect(facts.docxBytes).toBeGreaterThan(10_000);
    expect(facts.figures).toEqual(expectedGuaranteeTexts(ROWS));
  });

  test("core evaluation over rows built in memory gives the figures the file path gives", () => {
    expect(coreEvaluate(ROWS).figures).toEqual(expectedGuaranteeTexts(ROWS));
  });

  test("the Office path reads 1000 rows in at most two round trips and refreshes the late rows in three", async () => {
    const facts = await officePath(file);
    expect(facts.rows).toBe(ROWS + 1);
    expect(facts.generate.excelSyncs).toBeGreaterThan(0);
    expect(facts.generate.excelSyncs).toBeLessThanOrEqual(2);
    expect(facts.generate.failedSyncs).toBe(0);
    expect(facts.generate.largestResponseBytes).toBeLessThanOrEqual(facts.ledgerBytes);
    // Read 1; apply 2: the controls are found again first (a control deleted since the review must not
    // fail the whole batch, and batches are not transactional), then written and read back.
    expect(facts.refresh.wordSyncs).toBe(3);
    // The late rows move the count and the amount at least.
    expect(facts.refresh.written).toBeGreaterThanOrEqual(2);
  });
});

function tool(ms: number, peakRssMb = 100): ToolResult {
  return { runs: [{ ms, peakRssMb }], ms, peakRssMb, rows: 1 };
}

function results(sizes: SizeResult[]): BenchResults {
  return {
    quick: false,
    machine: {
      cpu: "test",
      cores: 2,
      memoryGb: 8,
      node: "v20",
      platform: "linux x64",
      date: "2023-01-05",
      loadBefore: [0, 0, 0],
      loadAfter: [0, 0, 0],
    },
    sizes,
    core: [],
    bundle: { measured: false, note: "test" },
    notes: [],
    seconds: 1,
  };
}

describe("the verdicts", () => {
  test("median takes the middle run, and the mean of the middle two for an even count", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
  });

  test("Generate may take two round trips up to 4 MB of ledger data and one more per started 4 MB above", () => {
    expect(allowedGenerateSyncs(4 * 1024 * 1024)).toBe(2);
    expect(allowedGenerateSyncs(4 * 1024 * 1024 + 1)).toBe(4);
    expect(allowedGenerateSyncs(12 * 1024 * 1024)).toBe(5);
  });

  test("a 100k end-to-end time above a quarter of the exceljs read misses the target, at or below meets it", () => {
    const verdict = (e2e: number) =>
      checkTargets(results([{ rows: 100_000, fileBytes: 1, tools: { oursEndToEnd: tool(e2e), exceljs: tool(4000) } }]))[0].ok;
    expect(verdict(1001)).toBe(false);
    expect(verdict(1000)).toBe(true);
  });

  test("300k rows are linear within 1.3 × 3 × the 100k time", () => {
    const verdict = (t300: number) =>
      checkTargets(
        results([
          { rows: 100_000, fileBytes: 1, tools: { oursEndToEnd: tool(1000) } },
          { rows: 300_000, fileBytes: 1, tools: { oursEndToEnd: tool(t300) } },
        ]),
      ).find((c) => c.target.startsWith("300k"))?.ok;
    expect(verdict(3900)).toBe(true);
    expect(verdict(3901)).toBe(false);
  });

  test("the speed table gives each size one line with its ratio to the fastest library", () => {
    const table = speedTable([
      { rows: 1000, fileBytes: 1048576, tools: { oursRead: tool(50), oursEndToEnd: tool(200), exceljs: tool(400), sheetjs: tool(100) } },
    ]);
    expect(table.split("\n")[2]).toBe("| 1k | 1.00 | 50.0 | 200 | 400 | 100 | 0.50× | 2.00× | 1/1/1/1 |");
  });
});
