// The worker's side of the protocol, as a plain function of messages so it is tested without a
// worker: gathers a run's workbook, runs the one engine (core's engineStages), lays out reports
// with the one .docx writer. `engine.worker.ts` only wires it to `self`.
import { engineStages, type EngineResult } from "../core/engine";
import { renderDocx } from "../adapters/docx";
import { LocalizedError } from "../core/errors";
import {
  beginGathering,
  gather,
  packEngineResult,
  type EngineRequest,
  type EngineResponse,
  type EngineStage,
  type Gathering,
} from "./protocol";

export type Post = (message: EngineResponse, transfer?: ArrayBuffer[]) => void;

/** Results kept for a later render: the one on screen and the one before it. */
const KEEP_RESULTS = 2;

export function createEngineServer(post: Post): (request: EngineRequest) => Promise<void> {
  /** Workbooks still arriving, by run: the pane may start a run (a re-read) while another is sent. */
  const gathering = new Map<number, Gathering>();
  const kept = new Map<number, EngineResult>();
  const cancelled = new Set<number>();

  const fail = (run: number, stage: EngineStage, error: unknown) =>
    post({
      type: "error",
      run,
      stage,
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof LocalizedError ? { code: error.code, messageEn: error.messageEn } : {}),
      stack: error instanceof Error ? error.stack : undefined,
    });

  async function render(run: number, make: () => Promise<Uint8Array>) {
    try {
      const bytes = await make();
      // A fresh buffer of exactly the document, so moving it moves nothing else.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      post({ type: "document", run, bytes: own }, [own.buffer as ArrayBuffer]);
    } catch (error) {
      fail(run, "layout", error);
    }
  }

  return async (request) => {
    switch (request.type) {
      case "begin":
        gathering.set(request.run, beginGathering(request));
        return;
      case "table":
      case "rows":
      case "around": {
        const into = gathering.get(request.run);
        if (into) gather(into, request);
        return;
      }
      case "cancel":
        cancelled.add(request.run);
        gathering.delete(request.run);
        return;
      case "compute": {
        const gathered = gathering.get(request.run);
        if (!gathered) return fail(request.run, "check", new Error(`run ${request.run} has no workbook`));
        const { workbook } = gathered;
        gathering.delete(request.run);
        let stage: EngineStage = "check";
        try {
          const steps = engineStages(workbook, request.options);
          for (;;) {
            const next = steps.next();
            if (next.done) {
              kept.set(request.run, next.value);
              for (const old of kept.keys()) if (kept.size > KEEP_RESULTS) kept.delete(old);
              const { packed, transfer } = packEngineResult(next.value);
              post({ type: "result", run: request.run, result: packed }, transfer);
              return;
            }
            if (cancelled.has(request.run)) return;
            post({ type: "progress", run: request.run, progress: next.value });
            stage = next.value.stage === "check" ? "figures" : "report";
          }
        } catch (error) {
          fail(request.run, stage, error);
        }
        return;
      }
      case "render": {
        const result = kept.get(request.of);
        if (!result)
          return post({
            type: "error",
            run: request.run,
            stage: "layout",
            message: `no result of run ${request.of} is kept`,
            missing: true,
          });
        return render(request.run, () => renderDocx(result.report, result.link));
      }
      case "render-document":
        return render(request.run, () => renderDocx(request.document, request.link));
    }
  };
}
