// `npm run bench [-- --quick]`: generates the ledgers, runs every measurement in its own child
// process, prints the tables and writes bench/RESULTS.md (a --quick run writes
// bench/data/RESULTS.quick.md instead, so it never replaces the committed numbers).
// Options: --quick (1k and 10k), --sizes=1000,10000, --runs=3, --lib-runs-300k=1,
// --webpack=build|existing|skip, --out=path, --flood=100000 (rows of the issue-flood ledger; 0 skips
// it; a full run measures 100k, --quick none), --only-flood (that case alone, written to
// bench/data/RESULTS.flood.md). Run through bench/run.mjs, which bundles this file
// and bench/child.ts and passes --child <bundled child>.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { RESULT_MARKER, type TaskName } from "./protocol";
import { ensureLedgerFile } from "./generate-ledger";
import {
  type BenchResults,
  type BundleFacts,
  type ChunkFacts,
  type CoreResult,
  type FloodResult,
  type Sample,
  type SizeResult,
  type Tool,
  TOOLS,
  TOOL_LABELS,
  checkTargets,
  coreTable,
  median,
  memoryTable,
  officeTable,
  renderResults,
  speedTable,
  bundleTable,
  floodTable,
  targetsTable,
} from "./report";
import type { OfficeFacts } from "./tasks/office";

interface Options {
  quick: boolean;
  sizes: number[];
  coreSizes: number[];
  runs: number;
  libRunsLarge: number;
  webpack: "build" | "existing" | "skip";
  out: string;
  child: string;
  /** Rows of the flood ledger (a bad credit code on every row); 0 = not measured. */
  flood: number;
  onlyFlood: boolean;
}

const ROOT = process.cwd();
const DATA = join(ROOT, "bench", "data");
const CHILD_TIMEOUT_MS = 240_000;
/** Sizes from which the libraries run fewer times: SheetJS alone takes tens of seconds there. */
const LARGE = 300_000;

function parseOptions(argv: string[]): Options {
  const flag = (name: string): string | undefined => {
    const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (!hit) return undefined;
    return hit.includes("=") ? hit.slice(hit.indexOf("=") + 1) : "";
  };
  const childAt = argv.indexOf("--child");
  const child = childAt >= 0 ? argv[childAt + 1] : undefined;
  if (!child) throw new Error("bench/main.ts runs through bench/run.mjs (needs --child <bundled child.js>)");
  const quick = flag("quick") !== undefined;
  const sizes = flag("sizes")?.split(",").map(Number) ?? (quick ? [1000, 10_000] : [1000, 10_000, 100_000, 300_000]);
  const onlyFlood = flag("only-flood") !== undefined;
  const webpack = (onlyFlood ? "skip" : (flag("webpack") ?? (quick ? "existing" : "build"))) as Options["webpack"];
  const flood = Number(flag("flood") ?? (quick && !onlyFlood ? 0 : 100_000));
  return {
    quick,
    flood,
    onlyFlood,
    sizes: onlyFlood ? [] : sizes,
    // Evaluation of a thousand rows measures only start-up; quick keeps the larger of its sizes.
    coreSizes: onlyFlood ? [] : quick ? sizes.slice(-1) : [...sizes.filter((s) => s >= 100_000), 1_000_000],
    runs: Number(flag("runs") ?? 3),
    libRunsLarge: Number(flag("lib-runs-300k") ?? 1),
    webpack,
    out: resolve(
      flag("out") ??
        (onlyFlood ? join(DATA, "RESULTS.flood.md") : quick ? join(DATA, "RESULTS.quick.md") : join(ROOT, "bench", "RESULTS.md")),
    ),
    child: resolve(child),
  };
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

interface ChildOutput<T> {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  result: T;
}

const CHILD_TASK: Record<Tool, TaskName> = { oursRead: "oursRead", oursEndToEnd: "oursEndToEnd", exceljs: "exceljs", sheetjs: "sheetjs" };

function runChild<T>(child: string, task: TaskName, arg: string): ChildOutput<T> {
  // Node's own heap settings, as `ledger-report` runs: the default limit here (4.3 GB) holds every
  // task, and a raised one changes how V8 sizes and collects the heap (ours ran ~7% slower with
  // --max-old-space-size=8192).
  const r = spawnSync(process.execPath, ["--expose-gc", child, task, arg], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") },
  });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith(RESULT_MARKER));
  if (r.status !== 0 || !line) {
    const why = r.error ? String(r.error.message) : (r.stderr || r.stdout || `exit ${r.status}`).trim().split("\n").slice(0, 3).join(" ");
    throw new Error(`${task} ${arg}: ${why}`);
  }
  return JSON.parse(line.slice(RESULT_MARKER.length)) as ChildOutput<T>;
}

function fileRows(size: number): string {
  return size >= 1000 ? `${size / 1000}k` : String(size);
}

function measureSize(opts: Options, rows: number, notes: string[]): SizeResult {
  const file = ensureLedgerFile(DATA, rows);
  const fileBytes = statSync(file.path).size;
  if (file.generatedMs !== null)
    log(`[${fileRows(rows)}] generated ${file.path} (${(fileBytes / 1048576).toFixed(1)} MB) in ${(file.generatedMs / 1000).toFixed(1)} s`);
  const size: SizeResult = { rows, fileBytes, tools: {} };
  const samples: Partial<Record<Tool, Sample[]>> = {};
  const seen: Partial<Record<Tool, number>> = {};
  const errors: Partial<Record<Tool, string>> = {};
  const runsOf = (tool: Tool) =>
    rows >= LARGE && (tool === "exceljs" || tool === "sheetjs") ? Math.min(opts.runs, opts.libRunsLarge) : opts.runs;
  // Runs interleave the tools, so a burst of load from other processes spreads over all of them.
  for (let run = 0; run < opts.runs; run++) {
    for (const tool of TOOLS) {
      if (run >= runsOf(tool) || errors[tool]) continue;
      try {
        const out = runChild<{ rows: number }>(opts.child, CHILD_TASK[tool], file.path);
        (samples[tool] ??= []).push({ ms: out.ms, cpuMs: out.cpuMs, peakRssMb: out.peakRssMb });
        seen[tool] = out.result.rows;
        log(
          `[${fileRows(rows)}] ${TOOL_LABELS[tool]} run ${run + 1}: ${out.ms.toFixed(0)} ms (CPU ${out.cpuMs.toFixed(0)} ms), ${out.peakRssMb.toFixed(0)} MB, ${out.result.rows} rows`,
        );
      } catch (e) {
        errors[tool] = (e as Error).message;
        log(`[${fileRows(rows)}] ${TOOL_LABELS[tool]} FAILED: ${errors[tool]}`);
      }
    }
  }
  for (const tool of TOOLS) {
    const list = samples[tool] ?? [];
    size.tools[tool] = {
      runs: list,
      ms: median(list.map((s) => s.ms)),
      peakRssMb: median(list.map((s) => s.peakRssMb)),
      rows: seen[tool] ?? 0,
      ...(errors[tool] ? { error: errors[tool] } : {}),
    };
  }
  cpuNote(notes, fileRows(rows), samples.oursEndToEnd ?? [], samples.exceljs ?? []);
  const counts = new Set(TOOLS.filter((t) => !errors[t]).map((t) => seen[t]));
  if (counts.size > 1)
    notes.push(`${fileRows(rows)}: the readers disagree on the number of ledger rows: ${TOOLS.map((t) => `${t} ${seen[t]}`).join(", ")}.`);
  try {
    const out = runChild<OfficeFacts>(opts.child, "office", file.path);
    size.office = out.result;
    const o = out.result;
    log(
      `[${fileRows(rows)}] office: Generate ${o.generate.excelSyncs} Excel syncs (largest response ${(o.generate.largestResponseBytes / 1048576).toFixed(2)} MB), Refresh ${o.refresh.wordSyncs} Word syncs, ${out.ms.toFixed(0)} ms`,
    );
  } catch (e) {
    size.officeError = (e as Error).message;
    log(`[${fileRows(rows)}] office FAILED: ${size.officeError}`);
  }
  return size;
}

/**
 * The issue flood (#10.9): our whole file → report path and exceljs's streaming read on a ledger
 * with a bad 统一社会信用代码 on every row, runs interleaved like the sizes'.
 */
/** Our end to end and exceljs's read in CPU time (medians), beside the wall-time table. */
function cpuNote(notes: string[], what: string, ours: Sample[], exceljs: Sample[]): void {
  const cpu = (list: Sample[]) => median(list.map((s) => s.cpuMs ?? NaN));
  const [a, b] = [cpu(ours), cpu(exceljs)];
  if (!Number.isFinite(a) || !Number.isFinite(b)) return;
  notes.push(
    `${what}: CPU time (all threads) of ours end to end ${a.toFixed(0)} ms vs exceljs's streaming read ${b.toFixed(0)} ms (${(a / b).toFixed(3)}×), medians of the same runs.`,
  );
}

function measureFlood(opts: Options, rows: number, notes: string[]): FloodResult {
  const file = ensureLedgerFile(DATA, rows, { flood: true });
  const fileBytes = statSync(file.path).size;
  if (file.generatedMs !== null) log(`[flood ${fileRows(rows)}] generated ${file.path} in ${(file.generatedMs / 1000).toFixed(1)} s`);
  const result: FloodResult = { rows, fileBytes, tools: {} };
  const samples: Record<"oursEndToEnd" | "exceljs", Sample[]> = { oursEndToEnd: [], exceljs: [] };
  const errors: Partial<Record<"oursEndToEnd" | "exceljs", string>> = {};
  for (let run = 0; run < opts.runs; run++) {
    for (const tool of ["oursEndToEnd", "exceljs"] as const) {
      if (errors[tool]) continue;
      try {
        const out = runChild<{ rows: number; issues?: number; issuesJsonBytes?: number }>(opts.child, tool, file.path);
        samples[tool].push({ ms: out.ms, cpuMs: out.cpuMs, peakRssMb: out.peakRssMb });
        if (tool === "oursEndToEnd") {
          result.issues = out.result.issues;
          result.issuesJsonBytes = out.result.issuesJsonBytes;
        }
        log(
          `[flood ${fileRows(rows)}] ${TOOL_LABELS[tool]} run ${run + 1}: ${out.ms.toFixed(0)} ms (CPU ${out.cpuMs.toFixed(0)} ms), ${out.peakRssMb.toFixed(0)} MB`,
        );
      } catch (e) {
        errors[tool] = (e as Error).message;
        log(`[flood ${fileRows(rows)}] ${TOOL_LABELS[tool]} FAILED: ${errors[tool]}`);
      }
    }
  }
  cpuNote(notes, `Issue flood ${fileRows(rows)}`, samples.oursEndToEnd, samples.exceljs);
  for (const tool of ["oursEndToEnd", "exceljs"] as const) {
    const list = samples[tool];
    result.tools[tool] = {
      runs: list,
      ms: median(list.map((s) => s.ms)),
      peakRssMb: median(list.map((s) => s.peakRssMb)),
      rows,
      ...(errors[tool] ? { error: errors[tool] } : {}),
    };
  }
  return result;
}

function measureCore(opts: Options, rows: number): CoreResult {
  const runs: number[] = [];
  const rss: number[] = [];
  try {
    for (let i = 0; i < opts.runs; i++) {
      const out = runChild<{ evaluateMs: number; buildMs: number }>(opts.child, "core", String(rows));
      runs.push(out.result.evaluateMs);
      rss.push(out.peakRssMb);
      log(
        `[core ${fileRows(rows)}] evaluateFigures ${out.result.evaluateMs.toFixed(0)} ms (rows built in ${out.result.buildMs.toFixed(0)} ms, not timed)`,
      );
    }
    return { rows, evaluateMs: median(runs), runs, peakRssMb: median(rss) };
  } catch (e) {
    log(`[core ${fileRows(rows)}] FAILED: ${(e as Error).message}`);
    return { rows, evaluateMs: NaN, runs, peakRssMb: NaN, error: (e as Error).message };
  }
}

function chunkFacts(dir: string, file: string): ChunkFacts {
  const bytes = readFileSync(join(dir, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** Initial JS = the scripts taskpane.html loads; every other .js in the folder is a lazy chunk. */
function readBundle(dir: string, source: string): BundleFacts {
  const html = join(dir, "taskpane.html");
  if (!existsSync(html)) return { measured: false, note: `${source} has no taskpane.html` };
  const page = readFileSync(html, "utf8");
  const initialFiles = [...page.matchAll(/<script\b[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^[a-z]+:\/\//i.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
  const js = readdirSync(dir).filter((f) => f.endsWith(".js"));
  return {
    measured: true,
    source,
    initial: initialFiles.filter((f) => js.includes(f)).map((f) => chunkFacts(dir, f)),
    lazy: js
      .filter((f) => !initialFiles.includes(f))
      .sort()
      .map((f) => chunkFacts(dir, f)),
  };
}

function measureBundle(opts: Options, notes: string[]): BundleFacts {
  if (opts.webpack === "skip") return { measured: false, note: "skipped (--webpack=skip)" };
  if (!existsSync(join(ROOT, "webpack.config.js"))) return { measured: false, note: "no webpack.config.js in the repository" };
  if (opts.webpack === "existing") {
    const dist = join(ROOT, "dist");
    if (!existsSync(join(dist, "taskpane.html")))
      return { measured: false, note: "no dist/taskpane.html; run without --quick or `npx webpack --mode production`" };
    notes.push(
      `Bundle sizes read from the existing dist/ (built ${statSync(join(dist, "taskpane.html")).mtime.toISOString()}), not rebuilt by this run.`,
    );
    return readBundle(dist, "dist/ (existing build)");
  }
  // A separate output folder: the config cleans its output path, and dist/ also holds the CLI build.
  const out = join(DATA, "webpack");
  mkdirSync(out, { recursive: true });
  log("[bundle] npx webpack --mode production …");
  const started = Date.now();
  const cli = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const r = spawnSync(process.execPath, [cli, "--mode", "production", "--output-path", out], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    const why = (r.stderr || r.stdout || String(r.error)).trim().split("\n").slice(-5).join(" ");
    log(`[bundle] webpack failed: ${why}`);
    return { measured: false, note: `webpack --mode production failed: ${why.slice(0, 300)}` };
  }
  log(`[bundle] built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return readBundle(out, "`webpack --mode production --output-path bench/data/webpack` (this run)");
}

/**
 * A section another script writes into the results (bench/compare.mjs: the "no slower" table of
 * #13, which builds an older commit and is not run by every bench), kept as it was.
 */
function keptSection(path: string, start: string, end: string): string {
  if (!existsSync(path)) return "";
  const text = readFileSync(path, "utf8");
  const s = text.indexOf(start);
  const e = text.indexOf(end);
  return s >= 0 && e > s ? `\n${text.slice(s, e + end.length)}\n` : "";
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const loadBefore = loadavg();
  const notes: string[] = [
    "Files: deterministic (seeded) 电子保函 ledgers, 9 columns with Chinese text, one Excel table, shared strings written before the sheet (the order that lets exceljs stream without a temporary file; Excel writes them after), plus a 报告设置 sheet. Generated by bench/generate-ledger.ts into bench/data/ (git-ignored).",
    "Timed: from the file path to the values (or to the .docx bytes), after the task's modules are loaded. exceljs: `new ExcelJS.stream.xlsx.WorkbookReader(path, {})`, every row's values; SheetJS (`@e965/xlsx`): `XLSX.readFile(path, { dense: true })` + `sheet_to_json(header: 1)`; ours: `readXlsx` (+ `runEngine` + `renderDocx`).",
    `Libraries at ${LARGE / 1000}k rows and above ran ${opts.libRunsLarge}× (not ${opts.runs}×) to keep \`npm run bench\` under 10 minutes; the run counts per cell are in the last column (ours read / ours end to end / exceljs / SheetJS).`,
    "Core evaluation: guarantee rows built in memory the way the ledger reader leaves them (cell addresses left out: evaluation never reads them), then `evaluateFigures(DEFAULT_DEFINITIONS, …)` for 2022 over every department; only that call is timed.",
    `Office path: the bench workbook loaded into the simulated Excel host; Generate = \`createExcelWorkbookSource(sim.Excel.run).read()\` (the allowed round trips are ≤ 2 up to 4 MB of ledger data, 2 + ⌈bytes / 4 MB⌉ above), then runEngine + renderDocx without the last 10 rows (entered after Generate) and insertReport into the simulated Word host; Refresh = \`refreshInWord\` on the full file + \`apply()\`. The simulated Word host counts round trips but not bytes, so the Word payloads shown are computed from what is sent (the base64 .docx; the new control texts and link record). The Excel "largest request" counts written values only, so a read shows 0.`,
  ];
  const sizes: SizeResult[] = [];
  for (const rows of opts.sizes) sizes.push(measureSize(opts, rows, notes));
  const flood = opts.flood > 0 ? measureFlood(opts, opts.flood, notes) : undefined;
  if (flood)
    notes.push(
      `Issue flood: the ${fileRows(flood.rows)} ledger again with every 统一社会信用代码 given a wrong check character (bench/generate-ledger.ts, \`flood\`), so the reader warns on every row; ours end to end against exceljs's streaming read, runs interleaved. The issues' JSON size is measured in the same run (\`JSON.stringify(result.issues)\`).`,
    );
  const core: CoreResult[] = [];
  for (const rows of opts.coreSizes) core.push(measureCore(opts, rows));
  const bundle = measureBundle(opts, notes);

  const cpuList = cpus();
  if (Math.max(loadBefore[0], loadavg()[0]) > cpuList.length) {
    notes.push(
      `The machine was busy (load average above its ${cpuList.length} cores): absolute times are inflated. The ratios, from runs interleaved across the tools, hold better only while the load is light: ours keeps a core busy from start to end, while exceljs's stream waits on I/O and the event loop between chunks, so contention slows ours several times more than it slows exceljs. Under heavy load compare the CPU times in the notes above.`,
    );
  }
  const results: BenchResults = {
    quick: opts.quick,
    machine: {
      cpu: cpuList[0]?.model?.trim() ?? "unknown",
      cores: cpuList.length,
      memoryGb: totalmem() / 1024 ** 3,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      date: new Date().toISOString(),
      loadBefore,
      loadAfter: loadavg(),
    },
    sizes,
    ...(flood ? { flood } : {}),
    core,
    bundle,
    notes,
    seconds: (Date.now() - started) / 1000,
  };
  const text = renderResults(results) + keptSection(opts.out, "<!-- compare:start -->", "<!-- compare:end -->");
  mkdirSync(join(opts.out, ".."), { recursive: true });
  writeFileSync(opts.out, text);
  const checks = checkTargets(results);
  process.stdout.write(
    [
      "",
      "## Speed",
      speedTable(sizes),
      "",
      "## Peak RSS (MB)",
      memoryTable(sizes),
      "",
      "## Core evaluation",
      coreTable(core),
      "",
      "## Office path (simulated hosts)",
      officeTable(sizes),
      "",
      "## Task-pane bundle",
      bundleTable(bundle),
      "",
      "## Issue flood",
      floodTable(flood),
      "",
      "## Targets",
      targetsTable(checks),
      "",
      `Wrote ${opts.out} (${results.seconds.toFixed(0)} s; load average ${loadBefore.map((x) => x.toFixed(2)).join(" ")} → ${results.machine.loadAfter.map((x) => x.toFixed(2)).join(" ")}).`,
      "",
    ].join("\n"),
  );
}

main().catch((e) => {
  process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
