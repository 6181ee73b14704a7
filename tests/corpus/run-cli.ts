// Runs the real `ledger-report` binary in child processes, the way a clerk's shell or a script does.
// The bundle is built into a private temporary folder next to a copy of bin/ledger-report.js, so
// a parallel `npm run build:cli` or a cleaned dist/ never changes what a running suite executes.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");

/** A stack frame as Node prints it: `at fn (/path/file.js:12:34)` or `at /path/file.js:12:34`. */
export const STACK_FRAME = /^\s*at .*:\d+:\d+\)?\s*$/m;

/** The progress bar the CLI draws on stderr when a step takes over a second (progress.ts). */
const PROGRESS_LINE = /^\[[#-]{20}\] \S+$/;

export interface CliRun {
  args: string[];
  /** Exit code, or null when the process was killed. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

let built: { dir: string; bin: string } | null = null;

/** Bundles src/cli/main.ts the way scripts/build-cli.mjs does; returns the launcher to run. Built once per test file. */
export function buildCli(): string {
  if (built) return built.bin;
  const dir = mkdtempSync(join(tmpdir(), "lr-bin-"));
  mkdirSync(join(dir, "bin"));
  const outfile = join(dir, "dist-cli/ledger-report.js");
  // In a child process: esbuild's JS API inside Jest's module sandbox trips over realm checks.
  const script = `require("esbuild").buildSync({ entryPoints: ["src/cli/main.ts"], outfile: ${JSON.stringify(outfile)}, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "error" })`;
  const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stderr}`);
  copyFileSync(join(ROOT, "bin/ledger-report.js"), join(dir, "bin/ledger-report.js"));
  built = { dir, bin: join(dir, "bin/ledger-report.js") };
  return built.bin;
}

/** Removes the private build; call from afterAll (Jest workers are stopped without an exit event). */
export function removeCli(): void {
  if (built) rmSync(built.dir, { recursive: true, force: true });
  built = null;
}

export interface RunOptions {
  timeoutMs?: number;
  cwd?: string;
  /** V8 heap ceiling, like a clerk's small laptop. */
  maxOldSpaceMb?: number;
  env?: Record<string, string>;
}

/** One run of the binary; killed (SIGKILL) when it outlives the timeout. Never rejects. */
export function runCli(bin: string, args: string[], opts: RunOptions = {}): Promise<CliRun> {
  const { timeoutMs = 10000, cwd = ROOT, maxOldSpaceMb = 512 } = opts;
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${maxOldSpaceMb}`, bin, ...args], {
      cwd,
      env: { ...process.env, LEDGER_REPORT_DEBUG: "", ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      done({
        args,
        code,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        timedOut,
        ms: Date.now() - started,
      });
    };
    child.on("error", () => finish(null, null));
    child.on("close", finish);
  });
}

/** Runs `work` over `items`, at most `width` at a time, results in input order. */
export async function runPool<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}

/**
 * The lines of stderr a person reads, without progress-bar redraws: on a busy machine a run can
 * pass the one-second mark and draw the bar before it fails.
 */
export function messageLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .map((l) => l.replace(/\r$/, ""))
    .filter((l) => l.trim().length > 0 && !PROGRESS_LINE.test(l));
}
