// The pane's side of the engine worker: hands the workbook over in slices, reports progress, and
// gives back the EngineResult and the .docx bytes. Where no worker can start — a page opened from
// file:// (Chromium refuses workers there: origin 'null'), a CSP without 'self' for scripts (the
// one-file offline page), a browser without workers, a worker script that failed to load — the
// same engine runs on the main thread in its stages, giving the thread back between them, and the
// pane works as before, only less smoothly on very large workbooks.
import { engineStages, type EngineOptions, type EngineProgress, type EngineResult } from "../core/engine";
import type { LinkRecord, RawWorkbook, ReportDocument } from "../core/types";
import { LocalizedError } from "../core/errors";
import { unpackEngineResult, workbookMessages, workbookRows, type EngineRequest, type EngineResponse, type EngineStage } from "./protocol";

/** What the pane shows while it waits: the workbook handed over, then each stage of the engine. */
export type RunProgress = { stage: "send"; rows: number; total: number } | EngineProgress;

export interface RunOptions extends EngineOptions {
  onProgress?: (progress: RunProgress) => void;
  /** Aborting drops the run: the worker stops at its next stage and the promise rejects (AbortError). */
  signal?: AbortSignal;
}

/** The part of a Worker the client uses (a test passes an in-process one). */
export interface WorkerPort {
  postMessage(message: EngineRequest, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: { data: EngineResponse }) => void): void;
  addEventListener(type: "error", listener: (event: unknown) => void): void;
  terminate(): void;
}

export interface EngineClientOptions {
  /** Starts the worker; null or a throw means none can run here (then the main thread computes). */
  startWorker: () => WorkerPort | null;
  /** The .docx writer on the main thread (the lazily loaded chunk), for when there is no worker. */
  renderOnMainThread: (doc: ReportDocument, link: LinkRecord) => Promise<Uint8Array>;
  /** Gives the main thread back to the browser (paint, input) between slices and stages. */
  yieldToHost?: () => Promise<void>;
}

export interface EngineClient {
  runEngine(workbook: RawWorkbook, options?: RunOptions): Promise<EngineResult>;
  renderDocx(doc: ReportDocument, link: LinkRecord): Promise<Uint8Array>;
  /** Where the work runs now: in the worker, or on the main thread (none could start, or it failed). */
  where(): "worker" | "main thread" | "not started";
}

/**
 * The engine failed in the worker on a stage. An engine error that is worded for the clerk keeps its
 * code and both texts; any other failure is worded here, naming the stage, with its own message.
 */
export class EngineWorkerError extends LocalizedError {
  readonly stage: EngineStage;
  readonly workerStack?: string;
  constructor(failure: Extract<EngineResponse, { type: "error" }>) {
    const worded = failure.code !== undefined && failure.messageEn !== undefined;
    super(
      worded ? failure.code! : `engine.${failure.stage}`,
      worded ? failure.message : `计算引擎在“${STAGE_NAMES[failure.stage].zh}”一步出错：${failure.message}`,
      worded ? failure.messageEn! : `The engine failed while ${STAGE_NAMES[failure.stage].en}: ${failure.message}`,
    );
    this.stage = failure.stage;
    if (failure.stack !== undefined) this.workerStack = failure.stack;
  }
}

const STAGE_NAMES: Record<EngineStage, { zh: string; en: string }> = {
  check: { zh: "读取台账", en: "reading the ledgers" },
  figures: { zh: "计算指标", en: "computing the figures" },
  report: { zh: "组成报告", en: "composing the report" },
  layout: { zh: "排版文档", en: "laying out the document" },
};

/** The worker itself is gone (failed to load, crashed): the run goes to the main thread. */
class WorkerLost extends Error {}
const LOST: unique symbol = Symbol("worker lost");

function abortError(): Error {
  const error = new Error("The run was cancelled");
  error.name = "AbortError";
  return error;
}

export const yieldToMacrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Pending {
  onMessage(message: EngineResponse): void;
  onLost(error: Error): void;
}

export function createEngineClient(options: EngineClientOptions): EngineClient {
  const pause = options.yieldToHost ?? yieldToMacrotask;
  let worker: WorkerPort | null = null;
  let state: "not started" | "worker" | "main thread" = "not started";
  let nextRun = 1;
  const pending = new Map<number, Pending>();
  /** Reports whose results the worker holds, so laying one out sends a run number, not the report. */
  const heldBy = new WeakMap<ReportDocument, number>();

  function lose(error: Error) {
    state = "main thread";
    try {
      worker?.terminate();
    } catch {
      // Already gone.
    }
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.onLost(error);
  }

  function port(): WorkerPort | null {
    if (state === "main thread") return null;
    if (worker) return worker;
    try {
      worker = options.startWorker();
    } catch {
      worker = null;
    }
    if (!worker) {
      state = "main thread";
      return null;
    }
    state = "worker";
    worker.addEventListener("message", (event) => pending.get(event.data.run)?.onMessage(event.data));
    // A script that failed to load or threw at the top level: no run will ever answer.
    worker.addEventListener("error", () => lose(new WorkerLost("the engine worker failed")));
    return worker;
  }

  /** One request and its answers; resolves on the answer `done` accepts. */
  function exchange<T>(
    run: number,
    send: () => Promise<void> | void,
    onMessage: (message: EngineResponse, resolve: (value: T) => void, reject: (error: Error) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const finish =
        <A extends unknown[]>(fn: (...args: A) => void) =>
        (...args: A) => {
          pending.delete(run);
          fn(...args);
        };
      pending.set(run, { onMessage: (m) => onMessage(m, finish(resolve), finish(reject)), onLost: finish(reject) });
      Promise.resolve().then(send).catch(finish(reject));
    });
  }

  async function runOnMainThread(workbook: RawWorkbook, opts: RunOptions): Promise<EngineResult> {
    const steps = engineStages(workbook, opts);
    for (;;) {
      if (opts.signal?.aborted) throw abortError();
      const next = steps.next();
      if (next.done) return next.value;
      opts.onProgress?.(next.value);
      await pause();
    }
  }

  async function runInWorker(target: WorkerPort, workbook: RawWorkbook, opts: RunOptions): Promise<EngineResult> {
    const run = nextRun++;
    const { onProgress, signal, ...engineOptions } = opts;
    const total = workbookRows(workbook);
    const cancel = () => {
      target.postMessage({ type: "cancel", run });
      pending.get(run)?.onLost(abortError());
    };
    signal?.addEventListener("abort", cancel, { once: true });
    try {
      const packed = await exchange<Extract<EngineResponse, { type: "result" }>["result"]>(
        run,
        async () => {
          let sent = 0;
          for (const message of workbookMessages(run, workbook)) {
            if (!pending.has(run)) return; // cancelled or lost meanwhile
            target.postMessage(message);
            if (message.type === "rows") {
              sent += message.rows.length;
              onProgress?.({ stage: "send", rows: sent, total });
            }
            // Each slice is copied in its own task.
            if (message.type === "rows" || message.type === "around") await pause();
          }
          // The time of Generate is the page's (a worker's clock is its own: a page with a fixed
          // clock, as the browser tests have, would otherwise date its reports differently).
          const options = { ...engineOptions, generatedAt: engineOptions.generatedAt ?? new Date().toISOString() };
          if (pending.has(run)) target.postMessage({ type: "compute", run, options });
        },
        (message, resolve, reject) => {
          if (message.type === "progress") onProgress?.(message.progress);
          else if (message.type === "result") resolve(message.result);
          else if (message.type === "error") reject(new EngineWorkerError(message));
        },
      );
      const result = unpackEngineResult(packed);
      heldBy.set(result.report, run);
      return result;
    } finally {
      signal?.removeEventListener("abort", cancel);
    }
  }

  async function renderInWorker(target: WorkerPort, doc: ReportDocument, link: LinkRecord): Promise<Uint8Array> {
    const ask = (request: (run: number) => EngineRequest) => {
      const run = nextRun++;
      return exchange<Uint8Array | "missing">(
        run,
        () => target.postMessage(request(run)),
        (message, resolve, reject) => {
          if (message.type === "document") resolve(message.bytes);
          else if (message.type === "error" && message.missing) resolve("missing");
          else if (message.type === "error") reject(new EngineWorkerError(message));
        },
      );
    };
    const of = heldBy.get(doc);
    if (of !== undefined) {
      const bytes = await ask((run) => ({ type: "render", run, of }));
      if (bytes !== "missing") return bytes;
    }
    const bytes = await ask((run) => ({ type: "render-document", run, document: doc, link }));
    if (bytes === "missing") throw new Error("the engine worker lost the report");
    return bytes;
  }

  /** The work done in the worker, or LOST when there is none or it went away (the caller then works here). */
  async function inWorker<T>(work: (target: WorkerPort) => Promise<T>): Promise<T | typeof LOST> {
    const target = port();
    if (!target) return LOST;
    try {
      return await work(target);
    } catch (error) {
      if (error instanceof WorkerLost) return LOST;
      throw error;
    }
  }

  return {
    where: () => state,
    async runEngine(workbook, opts = {}) {
      if (opts.signal?.aborted) throw abortError();
      const done = await inWorker((target) => runInWorker(target, workbook, opts));
      return done !== LOST ? done : runOnMainThread(workbook, opts);
    },
    async renderDocx(doc, link) {
      const done = await inWorker((target) => renderInWorker(target, doc, link));
      if (done !== LOST) return done;
      await pause();
      return options.renderOnMainThread(doc, link);
    },
  };
}
