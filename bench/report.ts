// The bench's numbers as markdown, and the issue's targets checked against them. Plain data in,
// text out: the smoke test renders a hand-made result.
import type { OfficeFacts } from "./tasks/office";

export type Tool = "oursRead" | "oursEndToEnd" | "exceljs" | "sheetjs";
export const TOOLS: Tool[] = ["oursRead", "oursEndToEnd", "exceljs", "sheetjs"];
export const LIBRARIES: Tool[] = ["exceljs", "sheetjs"];

export const TOOL_LABELS: Record<Tool, string> = {
  oursRead: "ours: read",
  oursEndToEnd: "ours: read + figures + .docx",
  exceljs: "exceljs stream read",
  sheetjs: "SheetJS read",
};

export interface Sample {
  ms: number;
  /** CPU time of the child's process over the timed step (all threads). */
  cpuMs?: number;
  peakRssMb: number;
}

export interface ToolResult {
  runs: Sample[];
  /** Medians over the runs. */
  ms: number;
  peakRssMb: number;
  /** Ledger rows the tool saw (header included), to show every reader read the same file. */
  rows: number;
  error?: string;
}

export interface SizeResult {
  rows: number;
  fileBytes: number;
  tools: Partial<Record<Tool, ToolResult>>;
  office?: OfficeFacts;
  officeError?: string;
}

export interface CoreResult {
  rows: number;
  /** Median of the timed evaluateFigures calls. */
  evaluateMs: number;
  runs: number[];
  peakRssMb: number;
  error?: string;
}

export interface ChunkFacts {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export type BundleFacts = { measured: true; source: string; initial: ChunkFacts[]; lazy: ChunkFacts[] } | { measured: false; note: string };

export interface MachineFacts {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  date: string;
  loadBefore: number[];
  loadAfter: number[];
}

/** The issue-flood case (#10.9): a ledger with a bad 统一社会信用代码 on every row. */
export interface FloodResult {
  rows: number;
  fileBytes: number;
  tools: Partial<Record<"oursEndToEnd" | "exceljs", ToolResult>>;
  /** JSON size of the issues our end-to-end run produced, and how many issues. */
  issuesJsonBytes?: number;
  issues?: number;
}

export interface BenchResults {
  quick: boolean;
  machine: MachineFacts;
  sizes: SizeResult[];
  flood?: FloodResult;
  core: CoreResult[];
  bundle: BundleFacts;
  notes: string[];
  seconds: number;
}

export interface TargetCheck {
  target: string;
  measured: string;
  /** null when the run did not measure it (--quick, or a failed child). */
  ok: boolean | null;
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const MB = 1024 * 1024;
/** Excel on the web rejects a request or response above this. */
export const PAYLOAD_LIMIT = 5 * MB;
/** What one Generate sync may carry before another round trip is allowed. */
export const GENERATE_BLOCK = 4 * MB;

/** ≤ 2 round trips up to 4 MB of ledger data, ≤ 2 + ⌈bytes / 4 MB⌉ above. */
export function allowedGenerateSyncs(ledgerBytes: number): number {
  return ledgerBytes <= GENERATE_BLOCK ? 2 : 2 + Math.ceil(ledgerBytes / GENERATE_BLOCK);
}

function sizeLabel(rows: number): string {
  return rows >= 1_000_000 && rows % 1_000_000 === 0
    ? `${rows / 1_000_000}M`
    : rows >= 1000 && rows % 1000 === 0
      ? `${rows / 1000}k`
      : String(rows);
}

function ms(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return "—";
  return v >= 100 ? String(Math.round(v)) : v.toFixed(1);
}

function mb(bytes: number): string {
  return (bytes / MB).toFixed(2);
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !(b > 0) || !Number.isFinite(a)) return "—";
  return `${(a / b).toFixed(2)}×`;
}

function fastestLibrary(size: SizeResult): { tool: Tool; ms: number } | undefined {
  let best: { tool: Tool; ms: number } | undefined;
  for (const tool of LIBRARIES) {
    const r = size.tools[tool];
    if (r && !r.error && Number.isFinite(r.ms) && (!best || r.ms < best.ms)) best = { tool, ms: r.ms };
  }
  return best;
}

function cellOf(size: SizeResult, tool: Tool, pick: (r: ToolResult) => number): string {
  const r = size.tools[tool];
  if (!r) return "—";
  if (r.error) return "failed";
  return ms(pick(r));
}

/**
 * A markdown table: the header row, its alignment row (`r` a right-aligned column, `l` a left one,
 * `c` centred), then one line per row of cells; an empty cell is written `| |`.
 */
function markdownTable(header: string[], align: string, rows: string[][]): string {
  const line = (cells: string[]) => `|${cells.map((c) => (c === "" ? " " : ` ${c} `)).join("|")}|`;
  const rule = `|${[...align].map((a) => ({ r: "---:", l: "---", c: ":---:" })[a]).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export function speedTable(sizes: SizeResult[]): string {
  const header = [
    "rows",
    "file MB",
    ...TOOLS.map((t) => `${TOOL_LABELS[t]} ms`),
    "ours read / fastest lib",
    "ours end to end / fastest lib",
    "runs",
  ];
  return markdownTable(
    header,
    "rrrrrrrrl",
    sizes.map((s) => {
      const fastest = fastestLibrary(s);
      return [
        sizeLabel(s.rows),
        mb(s.fileBytes),
        ...TOOLS.map((t) => cellOf(s, t, (r) => r.ms)),
        ratio(s.tools.oursRead?.ms, fastest?.ms),
        ratio(s.tools.oursEndToEnd?.ms, fastest?.ms),
        TOOLS.map((t) => s.tools[t]?.runs.length ?? 0).join("/"),
      ];
    }),
  );
}

export function memoryTable(sizes: SizeResult[]): string {
  const rss = (s: SizeResult) => TOOLS.map((t) => cellOf(s, t, (r) => r.peakRssMb));
  return markdownTable(
    ["rows", ...TOOLS.map((t) => `${TOOL_LABELS[t]} MB`)],
    "rrrrr",
    sizes.map((s) => [sizeLabel(s.rows), ...rss(s)]),
  );
}

export function officeTable(sizes: SizeResult[]): string {
  const header = [
    "rows",
    "ledger data MB",
    "Generate: Excel syncs (allowed)",
    "largest request KB",
    "largest response MB",
    "Generate: Word insert syncs",
    "insert payload KB",
    "Refresh in Word: syncs",
    "Refresh: figures written",
    "Refresh payload KB",
  ];
  const row = (s: SizeResult, o: OfficeFacts | undefined) =>
    o
      ? [
          mb(o.ledgerBytes),
          `${o.generate.excelSyncs} (${allowedGenerateSyncs(o.ledgerBytes)})`,
          kb(o.generate.largestRequestBytes),
          mb(o.generate.largestResponseBytes),
          String(o.generate.wordSyncs),
          kb(o.generate.insertPayloadBytes),
          String(o.refresh.wordSyncs),
          String(o.refresh.written),
          kb(o.refresh.applyPayloadBytes),
        ]
      : [s.officeError ? `failed: ${s.officeError.split("\n")[0].slice(0, 80)}` : "—", ...Array<string>(8).fill("")];
  return markdownTable(
    header,
    "rrrrrrrrrr",
    sizes.map((s) => [sizeLabel(s.rows), ...row(s, s.office)]),
  );
}

export function coreTable(core: CoreResult[]): string {
  return markdownTable(
    ["guarantee rows", "evaluateFigures ms", "ns per row", "peak RSS MB"],
    "rrrr",
    core.map((c) =>
      c.error
        ? [sizeLabel(c.rows), "failed", "", ""]
        : [sizeLabel(c.rows), ms(c.evaluateMs), ((c.evaluateMs * 1e6) / c.rows).toFixed(0), ms(c.peakRssMb)],
    ),
  );
}

export function bundleTable(bundle: BundleFacts): string {
  if (!bundle.measured) return `Not measured: ${bundle.note}`;
  const chunks = [...bundle.initial.map((c) => ({ ...c, loaded: "initial" })), ...bundle.lazy.map((c) => ({ ...c, loaded: "lazy" }))];
  const initialGzip = bundle.initial.reduce((n, c) => n + c.gzipBytes, 0);
  const total = ["**initial total**", "", kb(bundle.initial.reduce((n, c) => n + c.bytes, 0)), `**${kb(initialGzip)}**`];
  const rows = [...chunks.map((c) => [c.file, c.loaded, kb(c.bytes), kb(c.gzipBytes)]), total];
  return [`Source: ${bundle.source}`, "", markdownTable(["chunk", "loaded", "KB", "KB gzip"], "llrr", rows)].join("\n");
}

function find(sizes: SizeResult[], rows: number): SizeResult | undefined {
  return sizes.find((s) => s.rows === rows);
}

function good(r: ToolResult | undefined): r is ToolResult {
  return !!r && !r.error && Number.isFinite(r.ms);
}

export function checkTargets(r: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const s100 = find(r.sizes, 100_000);
  const s300 = find(r.sizes, 300_000);
  const e2e100 = s100?.tools.oursEndToEnd;
  const exceljs100 = s100?.tools.exceljs;
  checks.push(
    good(e2e100) && good(exceljs100)
      ? {
          target: "100k rows, file → figures + .docx ≤ ¼ of the exceljs streaming read",
          // Three decimals and the limit itself: at two, 0.254× prints as 0.25× beside a "no".
          measured: `${ms(e2e100.ms)} ms vs ${ms(exceljs100.ms)} ms (${(e2e100.ms / exceljs100.ms).toFixed(3)}×; a quarter is ${ms(exceljs100.ms / 4)} ms)`,
          ok: e2e100.ms <= exceljs100.ms / 4,
        }
      : { target: "100k rows, file → figures + .docx ≤ ¼ of the exceljs streaming read", measured: "not measured", ok: null },
  );
  checks.push(
    good(e2e100)
      ? {
          target: "100k rows, file → figures + .docx: peak RSS < 200 MB",
          measured: `${ms(e2e100.peakRssMb)} MB`,
          ok: e2e100.peakRssMb < 200,
        }
      : { target: "100k rows, file → figures + .docx: peak RSS < 200 MB", measured: "not measured", ok: null },
  );
  const e2e300 = s300?.tools.oursEndToEnd;
  checks.push(
    good(e2e100) && good(e2e300)
      ? {
          target: "300k rows linear: file → .docx ≤ 1.3 × 3 × the 100k time",
          measured: `${ms(e2e300.ms)} ms vs limit ${ms(1.3 * 3 * e2e100.ms)} ms`,
          ok: e2e300.ms <= 1.3 * 3 * e2e100.ms,
        }
      : { target: "300k rows linear: file → .docx ≤ 1.3 × 3 × the 100k time", measured: "not measured", ok: null },
  );
  const core1m = r.core.find((c) => c.rows === 1_000_000 && !c.error);
  checks.push(
    core1m
      ? { target: "core: 1M guarantee rows evaluated < 1 s", measured: `${ms(core1m.evaluateMs)} ms`, ok: core1m.evaluateMs < 1000 }
      : { target: "core: 1M guarantee rows evaluated < 1 s", measured: "not measured", ok: null },
  );
  const smaller = r.core.filter((c) => !c.error && c.rows >= 100_000 && c.rows < 1_000_000).sort((a, b) => b.rows - a.rows)[0];
  checks.push(
    core1m && smaller
      ? {
          target: `core linear: time per row at 1M ≤ 1.3 × that at ${sizeLabel(smaller.rows)}`,
          measured: `${((core1m.evaluateMs * 1e6) / core1m.rows).toFixed(0)} vs ${((smaller.evaluateMs * 1e6) / smaller.rows).toFixed(0)} ns/row`,
          ok: core1m.evaluateMs / core1m.rows <= (1.3 * smaller.evaluateMs) / smaller.rows,
        }
      : { target: "core linear: time per row at 1M ≤ 1.3 × that at 100k–300k", measured: "not measured", ok: null },
  );
  for (const s of r.sizes) {
    const o = s.office;
    const label = sizeLabel(s.rows);
    if (!o) {
      checks.push({
        target: `${label}: Office path`,
        measured: s.officeError ? "failed" : "not measured",
        ok: s.officeError ? false : null,
      });
      continue;
    }
    const allowed = allowedGenerateSyncs(o.ledgerBytes);
    checks.push({
      target: `${label}: Generate ≤ ${allowed} round trips (${mb(o.ledgerBytes)} MB of ledger data)`,
      measured: `${o.generate.excelSyncs}`,
      ok: o.generate.excelSyncs <= allowed,
    });
    // Read 1, apply 2 (find the controls again, then write and read back): see adapters/word/apply.ts.
    checks.push({ target: `${label}: Refresh in Word ≤ 3 round trips`, measured: `${o.refresh.wordSyncs}`, ok: o.refresh.wordSyncs <= 3 });
    const largest = Math.max(
      o.generate.largestRequestBytes,
      o.generate.largestResponseBytes,
      o.generate.insertPayloadBytes,
      o.refresh.applyPayloadBytes,
    );
    checks.push({
      target: `${label}: no request or response over 5 MB`,
      measured: `largest ${mb(largest)} MB${o.generate.failedSyncs ? `, ${o.generate.failedSyncs} refused and retried` : ""}`,
      ok: largest <= PAYLOAD_LIMIT,
    });
  }
  if (r.flood) checks.push(...floodChecks(r.flood));
  if (r.bundle.measured) {
    const gz = r.bundle.initial.reduce((n, c) => n + c.gzipBytes, 0);
    checks.push({ target: "task pane initial JS < 300 KB gzip", measured: `${kb(gz)} KB`, ok: gz < 300 * 1024 });
  } else {
    checks.push({ target: "task pane initial JS < 300 KB gzip", measured: "not measured", ok: null });
  }
  return checks;
}

export function floodTable(f: FloodResult | undefined): string {
  if (!f) return "not measured";
  const e2e = f.tools.oursEndToEnd;
  const lib = f.tools.exceljs;
  const header = [
    "rows",
    "file MB",
    "ours: read + figures + .docx ms",
    "exceljs stream read ms",
    "ours / exceljs",
    "ours peak RSS MB",
    "issues",
    "issues JSON KB",
    "runs",
  ];
  return markdownTable(header, "rrrrrrrrl", [
    [
      sizeLabel(f.rows),
      mb(f.fileBytes),
      ms(e2e?.ms),
      ms(lib?.ms),
      ratio(e2e?.ms, lib?.ms),
      ms(e2e?.peakRssMb),
      String(f.issues ?? "—"),
      f.issuesJsonBytes === undefined ? "—" : kb(f.issuesJsonBytes),
      `${e2e?.runs.length ?? 0}/${lib?.runs.length ?? 0}`,
    ],
  ]);
}

/** The flood's targets: those of #5 for 100k rows, on a ledger with a warning on every row. */
export function floodChecks(f: FloodResult | undefined): TargetCheck[] {
  const label = f ? sizeLabel(f.rows) : "100k";
  const e2e = f?.tools.oursEndToEnd;
  const lib = f?.tools.exceljs;
  const ratioTarget = `${label} rows, a warning on every row: file → figures + .docx ≤ ¼ of the exceljs streaming read`;
  const rssTarget = `${label} rows, a warning on every row: peak RSS ≤ 200 MB`;
  const jsonTarget = `${label} rows, a warning on every row: the issues as JSON < 1 MB`;
  return [
    good(e2e) && good(lib)
      ? {
          target: ratioTarget,
          measured: `${ms(e2e.ms)} ms vs ${ms(lib.ms)} ms (${(e2e.ms / lib.ms).toFixed(3)}×; a quarter is ${ms(lib.ms / 4)} ms)`,
          ok: e2e.ms <= lib.ms / 4,
        }
      : { target: ratioTarget, measured: "not measured", ok: null },
    good(e2e)
      ? { target: rssTarget, measured: `${ms(e2e.peakRssMb)} MB`, ok: e2e.peakRssMb <= 200 }
      : { target: rssTarget, measured: "not measured", ok: null },
    f?.issuesJsonBytes !== undefined
      ? { target: jsonTarget, measured: `${kb(f.issuesJsonBytes)} KB (${f.issues} issues)`, ok: f.issuesJsonBytes < MB }
      : { target: jsonTarget, measured: "not measured", ok: null },
  ];
}

export function targetsTable(checks: TargetCheck[]): string {
  const met = (ok: boolean | null) => (ok === null ? "—" : ok ? "yes" : "**no**");
  return markdownTable(
    ["target", "measured", "met"],
    "llc",
    checks.map((c) => [c.target, c.measured, met(c.ok)]),
  );
}

export function renderResults(r: BenchResults): string {
  const m = r.machine;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  return [
    `# Ledger Report benchmark${r.quick ? " (--quick)" : ""}`,
    "",
    "Written by `npm run bench` (bench/main.ts). Every number comes from one run on one machine; every",
    "measurement ran in its own `node --expose-gc` child. Times are medians of the runs shown, peak RSS",
    "the median of the runs' high-water marks (module loading included).",
    "",
    "## Machine",
    "",
    `- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGb.toFixed(1)} GB; ${m.platform}`,
    `- Node ${m.node}; ${m.date}`,
    `- Load average (1/5/15 min) before: ${load(m.loadBefore)}, after: ${load(m.loadAfter)}`,
    `- Whole run: ${r.seconds.toFixed(0)} s`,
    "",
    "## Speed: .xlsx of the 电子保函 ledger (9 columns) → values",
    "",
    speedTable(r.sizes),
    "",
    "## Peak RSS",
    "",
    memoryTable(r.sizes),
    "",
    "## Figure evaluation in core (rows built in memory; only evaluateFigures timed)",
    "",
    coreTable(r.core),
    "",
    "## Office path on the simulated hosts",
    "",
    officeTable(r.sizes),
    "",
    "## Task-pane bundle",
    "",
    bundleTable(r.bundle),
    "",
    ...(r.flood ? ["## Issue flood: a bad 统一社会信用代码 on every row (issue #10)", "", floodTable(r.flood), ""] : []),
    "## Targets (issue #5)",
    "",
    targetsTable(checkTargets(r)),
    "",
    "## Notes",
    "",
    ...r.notes.map((n) => `- ${n}`),
    "",
  ].join("\n");
}
