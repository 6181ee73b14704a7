// The engine's Web Worker: a webpack entry of its own (engine-worker.<hash>.js beside the pane's
// scripts, so it loads from the add-in's own origin, as workers must). Everything it does is in
// server.ts; here it is only wired to the worker's global scope.
import { createEngineServer } from "./server";
import type { EngineRequest, EngineResponse } from "./protocol";

/** The worker's global scope, typed by hand: the project compiles against the DOM library, not WebWorker. */
const scope = globalThis as unknown as {
  postMessage(message: EngineResponse, transfer: ArrayBuffer[]): void;
  addEventListener(type: "message", listener: (event: { data: EngineRequest }) => void): void;
};

const serve = createEngineServer((message, transfer = []) => scope.postMessage(message, transfer));
scope.addEventListener("message", (event) => void serve(event.data));
