// `node bench/compare.mjs --before=<worktree> --after=<worktree> [--runs=3] [--out=path]`: the
// "no slower" check of issue #13. Bundles each worktree's bench child (bench/child.ts, with its own
// src/) and runs the same measurements from both on the same ledger files, interleaved run by run
// (before, after, before, after …) so a burst of load from other processes falls on both sides
// alike. Prints a Markdown table and, with --out, writes it there; with --into=bench/RESULTS.md it
// replaces that file's section between the COMPARE markers (kept by `npm run bench`).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const flag = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const sides = { before: resolve(flag("before", "")), after: resolve(flag("after", root)) };
const runs = Number(flag("runs", "3"));
const officeRuns = Number(flag("office-runs", "1"));
const out = flag("out", "");
const into = flag("into", "");
export const MARK_START = "<!-- compare:start -->";
export const MARK_END = "<!-- compare:end -->";

for (const [side, dir] of Object.entries(sides)) {
  if (!existsSync(join(dir, "bench", "child.ts"))) throw new Error(`--${side}=${dir}: no bench/child.ts there`);
}
const describe = (dir) => {
  const r = spawnSync("git", ["log", "-1", "--format=%h %s"], { cwd: dir, encoding: "utf8" });
  return r.stdout.trim().slice(0, 90);
};

// The ledgers: this worktree's generator (deterministic; the files are the same for both sides).
const data = join(root, "bench", "data");
const ledger = (args) => {
  const r = spawnSync(process.execPath, [join(root, "scripts/run-ts.mjs"), ...args], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim().split("\n").pop();
};
const clean = ledger(["bench/ledger-file.ts", "100000"]);
const flood = ledger(["bench/ledger-file.ts", "100000", "--flood"]);

const children = {};
mkdirSync(data, { recursive: true });
for (const [side, dir] of Object.entries(sides)) {
  const outdir = join(dir, "bench", "data", ".compare");
  await build({
    entryPoints: { child: join(dir, "bench/child.ts") },
    outdir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    logLevel: "warning",
    absWorkingDir: dir,
  });
  children[side] = { js: join(outdir, "child.js"), dir };
}

function runChild(side, task, arg) {
  const { js, dir } = children[side];
  const r = spawnSync(process.execPath, ["--expose-gc", js, task, arg], {
    cwd: dir,
    encoding: "utf8",
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_PATH: join(dir, "node_modules") },
  });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("@@bench-result "));
  if (r.status !== 0 || !line) throw new Error(`${side} ${task}: ${(r.stderr || r.stdout).split("\n").slice(0, 3).join(" ")}`);
  return JSON.parse(line.slice("@@bench-result ".length));
}

const cases = [
  { label: "100k: file → figures + .docx", task: "oursEndToEnd", arg: clean, runs },
  { label: "100k, a warning on every row: file → figures + .docx", task: "oursEndToEnd", arg: flood, runs },
  { label: "100k: .xlsx read alone", task: "oursRead", arg: clean, runs },
  { label: "core: evaluateFigures over 1M rows", task: "core", arg: "1000000", runs, value: (o) => o.result.evaluateMs },
  { label: "100k: Office path on the simulated hosts (whole task)", task: "office", arg: clean, runs: officeRuns },
];
const load = [loadavg()];
const samples = new Map();
const maxRuns = Math.max(...cases.map((c) => c.runs));
for (let run = 0; run < maxRuns; run++) {
  for (const c of cases) {
    if (run >= c.runs) continue;
    // Alternate which side goes first, so neither always runs on the warmer disk cache.
    const order = run % 2 === 0 ? ["before", "after"] : ["after", "before"];
    for (const side of order) {
      const o = runChild(side, c.task, c.arg);
      const ms = c.value ? c.value(o) : o.ms;
      const key = `${c.label}|${side}`;
      if (!samples.has(key)) samples.set(key, []);
      samples.get(key).push({ ms, cpuMs: c.value ? NaN : o.cpuMs, rss: o.peakRssMb, result: o.result });
      process.stderr.write(
        `${c.label} · ${side} run ${run + 1}: ${ms.toFixed(0)} ms (CPU ${o.cpuMs?.toFixed(0) ?? "?"} ms), ${o.peakRssMb.toFixed(0)} MB\n`,
      );
    }
  }
  load.push(loadavg());
}
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(0) : "—");
const rows = cases.map((c) => {
  const b = samples.get(`${c.label}|before`) ?? [];
  const a = samples.get(`${c.label}|after`) ?? [];
  const [bm, am] = [median(b.map((s) => s.ms)), median(a.map((s) => s.ms))];
  const [bc, ac] = [median(b.map((s) => s.cpuMs)), median(a.map((s) => s.cpuMs))];
  const [br, ar] = [median(b.map((s) => s.rss)), median(a.map((s) => s.rss))];
  const ratio = am / bm;
  return `| ${c.label} | ${fmt(bm)} | ${fmt(am)} | ${ratio.toFixed(2)}× | ${fmt(bc)} | ${fmt(ac)} | ${fmt(br)} | ${fmt(ar)} | ${a.length}/${b.length} |`;
});
const officeFacts = (side) => samples.get(`${cases[4].label}|${side}`)?.[0]?.result;
const [ob, oa] = [officeFacts("before"), officeFacts("after")];
const roundTrips = (o) => (o ? `Generate ${o.generate.excelSyncs} Excel syncs, Refresh ${o.refresh.wordSyncs} Word syncs` : "—");
const table = [
  MARK_START,
  "## No slower than before #13 (issue #13's table)",
  "",
  `Written by \`node bench/compare.mjs\` on ${new Date().toISOString()}: the same bench children of two commits, run interleaved on the same files in one run of the machine. Times in ms (medians), peak RSS in MB; the CPU columns count every thread of the child.`,
  "",
  `- before: \`${describe(sides.before)}\` (the last merge before the #13 consolidation)`,
  `- after: \`${describe(sides.after)}\``,
  `- load average (1 min) at the start and after each round: ${load.map((l) => l[0].toFixed(2)).join(" → ")} (2 cores)`,
  "",
  "| measurement | before ms | after ms | after / before | before CPU ms | after CPU ms | before MB | after MB | runs |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---|",
  ...rows,
  "",
  `Round trips (simulated hosts): before ${roundTrips(ob)}; after ${roundTrips(oa)}.`,
  MARK_END,
].join("\n");
process.stdout.write(`${table}\n`);
if (out) writeFileSync(out, `${table}\n`);
if (into) {
  const text = readFileSync(into, "utf8");
  const s = text.indexOf(MARK_START);
  const e = text.indexOf(MARK_END);
  writeFileSync(into, s >= 0 && e > s ? text.slice(0, s) + table + text.slice(e + MARK_END.length) : `${text.trimEnd()}\n\n${table}\n`);
}
for (const { dir } of Object.values(children)) rmSync(join(dir, "bench", "data", ".compare"), { recursive: true, force: true });
