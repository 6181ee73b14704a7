import { createExcelWorkbookSource } from "../../../src/adapters/excel";
import { jsonBytes } from "../../../src/simulated-host/common";
import { createSimulatedExcel, type SimWorkbook } from "../../../src/simulated-host";
import { largeLedgerWorkbook, smallWorkbook, sourceOver } from "./fixtures";

const MB = 1024 * 1024;

describe("reading the live workbook", () => {
  it("returns every ledger, 报告设置 and nothing else as raw tables, in two round trips", async () => {
    const { sim, source } = sourceOver(smallWorkbook());
    const { workbook, stats } = await source.read();
    expect(workbook).toEqual({
      name: "台账2022.xlsx",
      date1904: false,
      tables: [
        {
          sheet: "学习记录",
          table: "StudySessions",
          top: 0,
          left: 0,
          values: [
            ["日期", "形式", "主题"],
            [44571, "专题学习", "学习贯彻党的二十大精神"],
            [44600, "专题研讨", "作风建设"],
          ],
          merges: [],
          headerRows: 1,
          totalsRows: 0,
          around: { tables: [{ top: 0, left: 0, bottom: 2, right: 2 }], regions: [{ top: 0, left: 0, values: expect.any(Array) }] },
        },
        {
          sheet: "电子保函-交易二科",
          top: 0,
          left: 0,
          values: [
            ["2022年电子保函台账", "", "", ""],
            ["保函编号", "开立日期", "投标企业", "保证金金额（元）"],
            ["EG-001", 44600, "某建设有限公司", 500000],
            ["EG-002", "#N/A", "某路桥有限公司", 120000.5],
          ],
          merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
        },
        {
          sheet: "报告设置",
          table: "ReportSettings",
          top: 0,
          left: 0,
          values: [
            ["项目", "值"],
            ["年度", "2022"],
            ["工作簿ID", "wb-1"],
          ],
          merges: [],
          headerRows: 1,
          totalsRows: 0,
          around: { tables: [{ top: 0, left: 0, bottom: 2, right: 1 }], regions: [{ top: 0, left: 0, values: expect.any(Array) }] },
        },
      ],
    });
    expect(stats).toEqual({
      roundTrips: 2,
      largestResponseBytes: expect.any(Number),
      cells: 31,
      mergesUnknown: false,
    });
    expect(sim.stats.syncs).toBe(2);
  });

  it("says merged cells are unknown where the host lacks ExcelApi 1.13, still in two round trips", async () => {
    const { sim, source } = sourceOver(smallWorkbook(), { apiSets: { ExcelApi: "1.12" } });
    const { workbook, stats } = await source.read();
    expect(stats.mergesUnknown).toBe(true);
    expect(workbook.tables.map((t) => [t.sheet, t.mergesUnknown, t.merges])).toEqual([
      ["学习记录", true, undefined],
      ["电子保函-交易二科", true, undefined],
      ["报告设置", true, undefined],
    ]);
    expect(sim.stats.syncs).toBe(2);
  });

  it("tells a 1904 date-system workbook apart", async () => {
    const wb = smallWorkbook();
    wb.date1904 = true;
    const { workbook } = await sourceOver(wb).source.read();
    expect(workbook.date1904).toBe(true);
  });

  it("reads a table whose header is not at A1 with its position", async () => {
    const wb: SimWorkbook = {
      date1904: false,
      sheets: [
        {
          name: "2022年学习记录台账",
          cells: [[], [], [null, null, "日期", "主题"], [null, null, 44571, "二十大"]],
          merges: [],
          tables: [{ name: "表1", range: { top: 2, left: 2, bottom: 3, right: 3 } }],
        },
      ],
    };
    const { workbook } = await sourceOver(wb).source.read();
    expect(workbook.tables).toEqual([
      {
        sheet: "2022年学习记录台账",
        table: "表1",
        top: 2,
        left: 2,
        values: [
          ["日期", "主题"],
          [44571, "二十大"],
        ],
        merges: [],
        headerRows: 1,
        totalsRows: 0,
        around: { tables: [{ top: 2, left: 2, bottom: 3, right: 3 }], regions: [{ top: 2, left: 2, values: expect.any(Array) }] },
      },
    ]);
  });

  it("reads a 200,000-row ledger in row blocks within 2 + ⌈bytes / 4 MB⌉ round trips, no response over 5 MB", async () => {
    const wb = largeLedgerWorkbook(200_000);
    const expected = wb.sheets[0].cells;
    const bytes = jsonBytes(expected);
    const { sim, source } = sourceOver(wb);
    const { workbook, stats } = await source.read();
    const ledger = workbook.tables.find((t) => t.table === "EGuarantees")!;
    expect(ledger.values.length).toBe(200_001);
    expect(JSON.stringify(ledger.values) === JSON.stringify(expected)).toBe(true);
    expect(sim.stats.failedSyncs).toBe(0);
    expect(sim.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(bytes / (4 * MB)));
    expect(sim.stats.maxResponseBytes).toBeLessThanOrEqual(5 * MB);
    expect(stats.roundTrips).toBe(sim.stats.syncs);
    expect(stats.cells).toBe(200_001 * 9 + 4);
  }, 120_000);

  it("retries a refused block at half the size when the host's limit is smaller, and still reads everything", async () => {
    const wb = largeLedgerWorkbook(30_000);
    const expected = wb.sheets[0].cells;
    const { sim, source } = sourceOver(wb, { payloadLimitBytes: 1 * MB });
    const { workbook } = await source.read();
    const ledger = workbook.tables.find((t) => t.table === "EGuarantees")!;
    expect(JSON.stringify(ledger.values) === JSON.stringify(expected)).toBe(true);
    expect(sim.stats.errors.length).toBeGreaterThan(0);
    expect(new Set(sim.stats.errors)).toEqual(new Set(["ResponsePayloadSizeLimitExceeded"]));
    expect(sim.stats.maxResponseBytes).toBeLessThanOrEqual(1 * MB);
  }, 60_000);

  it("reads nothing but names from a workbook without ledgers", async () => {
    const wb: SimWorkbook = {
      date1904: false,
      sheets: [{ name: "Sheet1", cells: [["x"]], merges: [], tables: [] }],
    };
    const { sim, source } = sourceOver(wb);
    const { workbook, stats } = await source.read();
    expect(workbook.tables).toEqual([]);
    expect(stats).toEqual({
      roundTrips: 1,
      largestResponseBytes: 0,
      cells: 0,
      mergesUnknown: false,
    });
    expect(sim.stats.syncs).toBe(1);
  });
});

describe("large reads as Excel on the web answers them", () => {
  function ledgerOf(workbook: { tables: { table?: string; values: unknown[][] }[] }) {
    return workbook.tables.find((t) => t.table === "EGuarantees")!;
  }

  it("treats a GeneralException (HTTP 500) from an oversized batch as a size error: halves and still reads everything", async () => {
    const wb = largeLedgerWorkbook(30_000);
    const expected = wb.sheets[0].cells;
    const { sim, source } = sourceOver(wb, { payloadLimitBytes: 1 * MB, oversize: "generalException" });
    const { workbook } = await source.read();
    expect(JSON.stringify(ledgerOf(workbook).values) === JSON.stringify(expected)).toBe(true);
    expect(new Set(sim.stats.errors)).toEqual(new Set(["GeneralException"]));
  }, 60_000);

  it("gives up with a clear error after a bounded number of retries when the host keeps failing", async () => {
    const { sim, source } = sourceOver(largeLedgerWorkbook(2_000), { payloadLimitBytes: 600, oversize: "generalException" });
    await expect(source.read()).rejects.toMatchObject({ code: "excel.read_failed" });
    expect(sim.stats.syncs).toBeLessThan(40);
  }, 60_000);

  it("reads a ledger whose large reads come back values: null (over the cell cap) in smaller blocks", async () => {
    const wb = largeLedgerWorkbook(30_000);
    const expected = wb.sheets[0].cells;
    const { source } = sourceOver(wb, { cellReadLimit: 50_000, overCellReadLimit: "null" });
    const { workbook } = await source.read();
    expect(JSON.stringify(ledgerOf(workbook).values) === JSON.stringify(expected)).toBe(true);
  }, 60_000);

  it("asks merged areas per row block when a ledger has more than 512, so they stay known", async () => {
    const wb = largeLedgerWorkbook(3_000);
    const merges = Array.from({ length: 600 }, (_, i) => ({ top: 1 + i * 4, left: 6, bottom: 2 + i * 4, right: 6 }));
    wb.sheets[0].merges = merges;
    const { source } = sourceOver(wb);
    const { workbook, stats } = await source.read();
    const ledger = workbook.tables.find((t) => t.table === "EGuarantees")!;
    expect(stats.mergesUnknown).toBe(false);
    expect(ledger.mergesUnknown).toBeUndefined();
    expect([...(ledger.merges ?? [])].sort((a, b) => a.top - b.top)).toEqual(merges);
  }, 60_000);
});

describe("block size by platform", () => {
  it("reads a large ledger in fewer round trips on desktop, where the 5 MB limit of the web does not apply", async () => {
    const read = async (platform: string, payloadLimitBytes: number) => {
      const sim = createSimulatedExcel(largeLedgerWorkbook(100_000), { payloadLimitBytes });
      const source = createExcelWorkbookSource(sim.Excel.run, { isSetSupported: sim.isSetSupported, platform });
      const { workbook } = await source.read();
      expect(workbook.tables.find((t) => t.table === "EGuarantees")!.values).toHaveLength(100_001);
      return sim.stats;
    };
    const web = await read("OfficeOnline", 5 * MB);
    const desktop = await read("PC", 1024 * MB);
    expect(web.maxResponseBytes).toBeLessThanOrEqual(5 * MB);
    expect(desktop.syncs).toBeLessThan(web.syncs);
    expect(desktop.failedSyncs).toBe(0);
  }, 120_000);
});

describe("hidden sheets in the live workbook", () => {
  it("are named in the raw workbook (Worksheet.visibility), read in the same first round trip, and said by the engine", async () => {
    const wb = smallWorkbook();
    const ledger = wb.sheets.find((s) => s.name === "电子保函-交易二科")!;
    wb.sheets.push({ ...ledger, name: "电子保函-交易二科 (2)", visibility: "Hidden" });
    wb.sheets.find((s) => s.name === "说明")!.visibility = "VeryHidden";
    const { source } = sourceOver(wb);
    const { workbook, stats } = await source.read();
    expect(workbook.hiddenSheets).toEqual(["说明", "电子保函-交易二科 (2)"]);
    expect(stats.roundTrips).toBe(2);
    const { runEngine } = await import("../../../src/core/engine");
    const hidden = runEngine(workbook).issues.filter((i) => i.code === "sheet.hidden");
    expect(hidden).toEqual([expect.objectContaining({ severity: "warning", ledger: "电子保函", cell: "'电子保函-交易二科 (2)'!A2" })]);
  });

  it("a workbook with every sheet visible names none", async () => {
    const { source } = sourceOver(smallWorkbook());
    const { workbook } = await source.read();
    expect(workbook.hiddenSheets).toBeUndefined();
  });
});
