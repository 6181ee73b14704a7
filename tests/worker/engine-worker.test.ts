// The engine worker's message protocol, with the worker's side (server.ts) run in-process behind a
// port that copies every message as postMessage does (structuredClone, transfers honoured).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runEngine } from "../../src/core/engine";
import type { RawWorkbook } from "../../src/core/types";
import { readXlsx } from "../../src/adapters/xlsx";
import { readWorkbookFile } from "../../src/adapters/xlsx/workbook-file";
import { createEngineClient, EngineWorkerError, type RunProgress, type WorkerPort } from "../../src/worker/client";
import { createEngineServer } from "../../src/worker/server";
import { LocalizedError } from "../../src/core/errors";
import {
  ROWS_PER_SLICE,
  beginGathering,
  gather,
  packRowRefs,
  unpackRowRefs,
  workbookMessages,
  type EngineRequest,
  type EngineResponse,
} from "../../src/worker/protocol";

const SAMPLE = join(__dirname, "../../examples/sample-ledgers.xlsx");
const FIXED = { generatedAt: "2023-01-05T00:00:00.000Z" };

function sampleWorkbook(): RawWorkbook {
  return readXlsx(new Uint8Array(readFileSync(SAMPLE)), { name: "sample-ledgers.xlsx" });
}

/** The sample's largest table grown to `rows` data rows by repeating its records. */
function grownWorkbook(rows: number): RawWorkbook {
  const wb = sampleWorkbook();
  const table = wb.tables.reduce((a, b) => (b.values.length > a.values.length ? b : a));
  const records = table.values.slice(1).filter((r) => r.some((v) => v !== null && v !== ""));
  const values = [table.values[0]];
  for (let i = 0; values.length <= rows; i++) values.push(records[i % records.length]);
  const grown = { ...table, values, around: undefined };
  return { ...wb, tables: wb.tables.map((t) => (t === table ? grown : t)) };
}

/** A worker in-process: messages are copied both ways and delivered on a later turn, as in a browser. */
function inProcessWorker(log: EngineRequest[] = [], options: { breakOn?: EngineRequest["type"] } = {}): WorkerPort {
  const listeners: { message: ((e: { data: EngineResponse }) => void)[]; error: ((e: unknown) => void)[] } = { message: [], error: [] };
  let alive = true;
  const serve = createEngineServer((message, transfer = []) => {
    const copy = structuredClone(message, { transfer });
    setImmediate(() => alive && listeners.message.forEach((l) => l({ data: copy })));
  });
  return {
    postMessage(message: EngineRequest) {
      log.push(message);
      const copy = structuredClone(message);
      setImmediate(() => {
        if (!alive) return;
        if (options.breakOn === copy.type) return listeners.error.forEach((l) => l(new Error("worker crashed")));
        void serve(copy);
      });
    },
    addEventListener(type: "message" | "error", listener: (e: never) => void) {
      listeners[type].push(listener as never);
    },
    terminate() {
      alive = false;
    },
  } as WorkerPort;
}

/** JSON with every object's keys sorted: the same data reads the same whatever order its keys were set in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/**
 * Deep equality by canonical JSON: Jest's toEqual takes minutes on a whole EngineResult (thousands
 * of rows sharing one columns object); the text compares the same data in milliseconds.
 */
function expectSame(actual: unknown, expected: unknown) {
  expect(canonical(actual) === canonical(expected)).toBe(true);
}

const renderOnMainThread = jest.fn(async () => new Uint8Array([0x50, 0x4b, 3, 4]));

describe("the engine worker's protocol", () => {
  beforeEach(() => renderOnMainThread.mockClear());

  it("sends the workbook in slices, reports each stage, and returns what the engine returns on the main thread", async () => {
    const workbook = grownWorkbook(12_000);
    const log: EngineRequest[] = [];
    const client = createEngineClient({ startWorker: () => inProcessWorker(log), renderOnMainThread });
    const progress: RunProgress[] = [];
    const result = await client.runEngine(workbook, { ...FIXED, onProgress: (p) => progress.push(p) });
    const expected = runEngine(workbook, FIXED);

    expect(client.where()).toBe("worker");
    // No message carries more rows than a slice: each copy stays short on the main thread.
    const slices = log.filter((m): m is Extract<EngineRequest, { type: "rows" }> => m.type === "rows");
    expect(Math.max(...slices.map((m) => m.rows.length))).toBeLessThanOrEqual(ROWS_PER_SLICE);
    expect(slices.reduce((n, m) => n + m.rows.length, 0)).toBe(workbook.tables.reduce((n, t) => n + t.values.length, 0));
    // Progress: rows handed over (rising to the total), then the engine's stages in order.
    const sends = progress.filter((p) => p.stage === "send");
    expect(sends.length).toBeGreaterThan(2);
    expect(sends.at(-1)).toEqual({ stage: "send", rows: sends.at(-1)!.total, total: sends.at(-1)!.total });
    expect(progress.filter((p) => p.stage !== "send").map((p) => p.stage)).toEqual(["check", "figures", "report"]);
    expect(progress.find((p) => p.stage === "figures")).toEqual({ stage: "figures", figures: expected.figures.length });

    // Everything the pane shows is the engine's; only the ledgers' row objects stay in the worker.
    expectSame(result.figures, expected.figures);
    expectSame(result.issues, expected.issues);
    expectSame(result.report, expected.report);
    expectSame(result.link, expected.link);
    expectSame(result.departments, expected.departments);
    expectSame(result.settings, expected.settings);
    expect(result.report.figures[0]).toBe(result.figures.find((f) => f.id === result.report.figures[0].id));
    for (const ledger of Object.values(result.ledgers.ledgers)) expect(ledger?.rows).toEqual([]);
  });

  it("leaves each figure's row references packed until someone reads them, then gives the engine's", async () => {
    const workbook = grownWorkbook(3_000);
    const client = createEngineClient({ startWorker: () => inProcessWorker(), renderOnMainThread });
    const result = await client.runEngine(workbook, FIXED);
    const expected = runEngine(workbook, FIXED);
    const counted = result.figures.filter((f) => f.rows > 0);
    expect(counted.length).toBeGreaterThan(0);
    // Arriving costs no object per row: the references are still a getter over the packed arrays.
    for (const f of counted) expect(Object.getOwnPropertyDescriptor(f, "rowRefs")?.get).toBeInstanceOf(Function);
    for (const f of counted) {
      expect(f.rowRefs).toEqual(expected.figures.find((e) => e.id === f.id)!.rowRefs);
      // Read once, then an ordinary property: the same array every time.
      expect(Object.getOwnPropertyDescriptor(f, "rowRefs")?.value).toBe(f.rowRefs);
    }
  });

  it("dates the report by the page's clock, not the worker's", async () => {
    const log: EngineRequest[] = [];
    const client = createEngineClient({ startWorker: () => inProcessWorker(log), renderOnMainThread });
    const before = new Date().toISOString();
    const result = await client.runEngine(sampleWorkbook());
    const compute = log.find((m): m is Extract<EngineRequest, { type: "compute" }> => m.type === "compute")!;
    expect(compute.options.generatedAt! >= before).toBe(true);
    expect(result.link.generatedAt).toBe(compute.options.generatedAt);
  });

  it("reads a workbook file in the worker and hands it back in slices, the same workbook as read here", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const arrived: EngineResponse[] = [];
    const port = inProcessWorker();
    port.addEventListener("message", (e) => arrived.push(e.data));
    const client = createEngineClient({ startWorker: () => port, renderOnMainThread });
    const workbook = await client.readWorkbookFile(bytes, "sample-ledgers.xlsx");
    expect(client.where()).toBe("worker");
    expectSame(workbook, readWorkbookFile(bytes, "sample-ledgers.xlsx"));
    const parts = arrived.filter((m): m is Extract<EngineResponse, { type: "workbook" }> => m.type === "workbook");
    expect(parts.length).toBeGreaterThan(1);
    for (const { part } of parts) if (part.type === "rows") expect(part.rows.length).toBeLessThanOrEqual(ROWS_PER_SLICE);
  });

  it("gives the reader's own words when the worker cannot read the file", async () => {
    const client = createEngineClient({ startWorker: () => inProcessWorker(), renderOnMainThread });
    const error = await client.readWorkbookFile(new Uint8Array([1, 2, 3, 4]), "not-a-workbook.xlsx").catch((e: unknown) => e);
    let expected: unknown;
    try {
      readWorkbookFile(new Uint8Array([1, 2, 3, 4]), "not-a-workbook.xlsx");
    } catch (e) {
      expected = e;
    }
    expect(error).toBeInstanceOf(EngineWorkerError);
    expect(error).toMatchObject({
      stage: "read",
      code: (expected as EngineWorkerError).code,
      message: (expected as Error).message,
      messageEn: (expected as EngineWorkerError).messageEn,
    });
  });

  it("reads the file on the main thread where no worker can start", async () => {
    const readOnMainThread = jest.fn(async (b: Uint8Array, name: string) => readWorkbookFile(b, name));
    const client = createEngineClient({ startWorker: () => null, renderOnMainThread, readOnMainThread });
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const workbook = await client.readWorkbookFile(bytes, "sample-ledgers.xlsx");
    expect(readOnMainThread).toHaveBeenCalledTimes(1);
    expect(workbook.tables.length).toBeGreaterThan(0);
  });

  it("lays out the report the worker already holds without sending it back", async () => {
    const log: EngineRequest[] = [];
    const client = createEngineClient({ startWorker: () => inProcessWorker(log), renderOnMainThread });
    const result = await client.runEngine(sampleWorkbook(), FIXED);
    const bytes = await client.renderDocx(result.report, result.link);

    expect(Array.from(bytes.slice(0, 2))).toEqual([0x50, 0x4b]); // a zip: the .docx
    expect(log.at(-1)).toMatchObject({ type: "render" });
    expect(log.some((m) => m.type === "render-document")).toBe(false);
    expect(renderOnMainThread).not.toHaveBeenCalled();
  });

  it("lays out a report the worker does not hold by sending it", async () => {
    const log: EngineRequest[] = [];
    const client = createEngineClient({ startWorker: () => inProcessWorker(log), renderOnMainThread });
    const elsewhere = runEngine(sampleWorkbook(), FIXED);
    const bytes = await client.renderDocx(elsewhere.report, elsewhere.link);
    expect(Array.from(bytes.slice(0, 2))).toEqual([0x50, 0x4b]);
    expect(log.at(-1)).toMatchObject({ type: "render-document" });
  });

  it("rejects with the stage and the engine's message when the engine fails in the worker", async () => {
    const client = createEngineClient({ startWorker: () => inProcessWorker(), renderOnMainThread });
    // A table whose head names no sheet: the ledger reader fails on it inside the worker.
    const broken = { name: "x.xlsx", date1904: false, tables: [{ top: 0, left: 0, values: [[1]] }] } as unknown as RawWorkbook;
    const error = await client.runEngine(broken, FIXED).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineWorkerError);
    expect((error as EngineWorkerError).stage).toBe("check");
    expect((error as EngineWorkerError).message).toMatch(/\S/);
    expect(client.where()).toBe("worker"); // an engine error is the engine's, not a reason to leave the worker
  });

  it("words a failure in the worker for the clerk in both languages, naming the stage", async () => {
    const client = createEngineClient({ startWorker: () => inProcessWorker(), renderOnMainThread });
    const broken = { name: "x.xlsx", date1904: false, tables: [{ top: 0, left: 0, values: [[1]] }] } as unknown as RawWorkbook;
    const error = (await client.runEngine(broken, FIXED).catch((e: unknown) => e)) as EngineWorkerError;
    expect(error).toBeInstanceOf(LocalizedError);
    expect(error.code).toBe("engine.check");
    expect(error.text("zh")).toMatch(/^计算引擎在“读取台账”一步出错：\S/);
    expect(error.text("en")).toMatch(/^The engine failed while reading the ledgers: \S/);
  });

  it("keeps the code and both texts of an error the engine words itself", async () => {
    const client = createEngineClient({ startWorker: () => inProcessWorker(), renderOnMainThread });
    const template = { id: "own", name: "own", text: "年度 {{eg.count" };
    const error = (await client.runEngine(sampleWorkbook(), { ...FIXED, template }).catch((e: unknown) => e)) as EngineWorkerError;
    expect(error).toBeInstanceOf(EngineWorkerError);
    expect(error.code).toBe("template.markup");
    expect(error.message).toBe("模板第 1 行：插槽缺少结尾的 }}");
    expect(error.messageEn).toBe("template line 1: a slot has no closing }}");
  });

  it("drops a cancelled run: the promise rejects as aborted and the worker computes nothing for it", async () => {
    const log: EngineRequest[] = [];
    const client = createEngineClient({ startWorker: () => inProcessWorker(log), renderOnMainThread });
    const controller = new AbortController();
    const run = client.runEngine(grownWorkbook(20_000), {
      ...FIXED,
      signal: controller.signal,
      onProgress: (p) => p.stage === "send" && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(log.some((m) => m.type === "cancel")).toBe(true);
    expect(log.some((m) => m.type === "compute")).toBe(false);
  });
});

describe("where no worker can run", () => {
  it("computes on the main thread in stages, giving the thread back between them, when no worker can start", async () => {
    const yields = jest.fn(async () => undefined);
    const client = createEngineClient({
      startWorker: () => {
        throw new DOMException("Script cannot be accessed from origin 'null'", "SecurityError");
      },
      renderOnMainThread,
      yieldToHost: yields,
    });
    const progress: RunProgress[] = [];
    const workbook = sampleWorkbook();
    const result = await client.runEngine(workbook, { ...FIXED, onProgress: (p) => progress.push(p) });

    expect(client.where()).toBe("main thread");
    expectSame(result, runEngine(workbook, FIXED));
    expect(progress.map((p) => p.stage)).toEqual(["check", "figures", "report"]);
    expect(yields).toHaveBeenCalledTimes(3);
    await client.renderDocx(result.report, result.link);
    expect(renderOnMainThread).toHaveBeenCalledWith(result.report, result.link);
  });

  it("finishes a run on the main thread when the worker fails in the middle of it", async () => {
    const client = createEngineClient({ startWorker: () => inProcessWorker([], { breakOn: "compute" }), renderOnMainThread });
    const workbook = sampleWorkbook();
    const result = await client.runEngine(workbook, FIXED);
    expect(client.where()).toBe("main thread");
    expectSame(result, runEngine(workbook, FIXED));
  });
});

describe("row references between threads", () => {
  it("pack into typed arrays and unpack to the same references in the same order", () => {
    const refs = [
      { sheet: "电子保函", row: 3 },
      { sheet: "2022年电子保函", row: 70000 },
      { sheet: "电子保函", row: 4 },
    ];
    const packed = packRowRefs(refs);
    expect(packed.sheets).toEqual(["电子保函", "2022年电子保函"]);
    expect(packed.row).toBeInstanceOf(Uint32Array);
    expect(unpackRowRefs(packed)).toEqual(refs);
  });
});

/**
 * A sheet as the Excel adapter reads it: a title row, the ledger as an Excel table one column
 * narrower than the used range on one side and as wide on the other, and the used range around
 * the tables holding the very row arrays of the wide table (no second copy).
 */
function readThroughUsedRange(rows: number): RawWorkbook {
  const used: RawWorkbook["tables"][number]["values"] = [["2022年电子保函台账", null, null]];
  used.push(["编号", "项目名称", "金额"]);
  for (let i = 0; i < rows; i++) used.push([`BH${i}`, `项目${i % 7}`, i * 1.5]);
  used.push(["合计", null, rows]);
  const around = { tables: [{ top: 1, left: 0, bottom: rows + 1, right: 2 }], regions: [{ top: 0, left: 0, values: used }] };
  const wide = {
    sheet: "电子保函台账",
    table: "保函",
    top: 1,
    left: 0,
    values: used.slice(1, rows + 2),
    headerRows: 1,
    totalsRows: 0,
    around,
  };
  const narrow = { ...wide, table: "保函2", values: wide.values.map((r) => r.slice(0, 2)) };
  return { name: "台账.xlsx", date1904: false, tables: [wide, narrow] };
}

/** Every cell row one message copies: a table's rows, a region's rows (its shared ones are null), the head's regions. */
function rowsCopied(message: EngineRequest): number {
  if (message.type === "rows") return message.rows.length;
  if (message.type === "around") return message.rows.filter((r) => r !== null).length;
  if (message.type === "table") return (message.head.around?.regions ?? []).reduce((n, r) => n + r.values.length, 0);
  return 0;
}

describe("handing a workbook to the worker", () => {
  it("copies no more than a slice of rows in any message, the rows around a table included", () => {
    const messages = [...workbookMessages(1, readThroughUsedRange(5 * ROWS_PER_SLICE))];
    expect(Math.max(...messages.map(rowsCopied))).toBeLessThanOrEqual(ROWS_PER_SLICE);
  });

  it("rebuilds in the worker exactly the workbook the pane read, sending a row the table already sent only once", () => {
    const workbook = readThroughUsedRange(2 * ROWS_PER_SLICE + 17);
    const gathering = beginGathering({ type: "begin", run: 1, date1904: false, tables: 2 });
    let copied = 0;
    for (const message of workbookMessages(1, workbook)) {
      copied += rowsCopied(message);
      const arrived = structuredClone(message);
      if (arrived.type === "begin") Object.assign(gathering, beginGathering(arrived));
      else if (arrived.type === "table" || arrived.type === "rows" || arrived.type === "around") gather(gathering, arrived);
    }
    expect(gathering.workbook).toEqual(workbook);
    expect(gathering.workbook.tables[1].around).toBe(gathering.workbook.tables[0].around);
    // The wide table's rows cross once; the narrow table's and the title and totals rows are their own.
    const [wide, narrow] = workbook.tables;
    expect(copied).toBe(wide.values.length + narrow.values.length + 2);
  });
});

describe("the hidden sheets of a workbook handed to the worker", () => {
  it("arrive with it, so the engine there says a ledger read from one as the main thread does", () => {
    const workbook = { ...readThroughUsedRange(3), hiddenSheets: ["电子保函 (2)"] };
    let gathering = beginGathering({ type: "begin", run: 1, date1904: false, tables: 0 });
    for (const message of workbookMessages(1, workbook)) {
      const arrived = structuredClone(message);
      if (arrived.type === "begin") gathering = beginGathering(arrived);
      else if (arrived.type === "table" || arrived.type === "rows" || arrived.type === "around") gather(gathering, arrived);
    }
    expect(gathering.workbook.hiddenSheets).toEqual(["电子保函 (2)"]);
    expect(gathering.workbook).toEqual(workbook);
  });
});
