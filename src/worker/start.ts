// Starts the engine worker from the add-in's own origin: the script webpack writes beside the
// pane's (engine-worker.<build hash>.js, see webpack.config.js), found relative to the page, as the
// pane's own chunks are (publicPath ""). Workers must be same-origin; the intranet build serves
// this file with the rest, so nothing loads from outside.
import type { WorkerPort } from "./client";

/** The build's hash, given by webpack at run time; undefined outside a webpack bundle (tests). */
declare const __webpack_hash__: string | undefined;

/** The worker script's name in this build; the webpack entry writes the same name. */
export function engineWorkerFile(hash: string): string {
  return `engine-worker.${hash.slice(0, 8)}.js`;
}

/**
 * The engine worker, or null where none can start: outside a webpack bundle, in a browser without
 * workers, or on a page opened from file:// (Chromium refuses a worker there as cross-origin,
 * "cannot be accessed from origin 'null'"). A CSP that refuses it throws here or fails later with
 * an error event; the client then computes on the main thread.
 */
export function startEngineWorker(): WorkerPort | null {
  if (typeof Worker === "undefined" || typeof __webpack_hash__ !== "string") return null;
  if (typeof location !== "undefined" && location.protocol === "file:") return null;
  return new Worker(new URL(engineWorkerFile(__webpack_hash__), document.baseURI)) as unknown as WorkerPort;
}
