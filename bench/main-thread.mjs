// `node bench/main-thread.mjs [--rows 100000] [--no-build]` (run by `npm run bench` after the rest):
// the longest task the pane's main thread ran during Generate on the bench's ledger, in the
// playground (the real pane over the simulated Excel host) in Chromium. Desktop Office asks to
// restart a pane that stops answering; the engine and the .docx writer run in a Web Worker, and
// the goal is no main-thread task over 200 ms. Prints one line per run and writes
// bench/data/main-thread.json for bench/RESULTS.md.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM, launchBrowser, repo } from "../tests/e2e/harness.mjs";
import { ledgerFile, measureGenerate } from "../tests/e2e/main-thread.mjs";

const GOAL_MS = 200;
const args = process.argv.slice(2);
const rows = Number(args[args.indexOf("--rows") + 1]) || (args.includes("--quick") ? 10_000 : 100_000);
const runs = args.includes("--quick") ? 1 : 3;

if (!args.includes("--no-build")) {
  const built = spawnSync("npx", ["webpack", "--mode", "production", "--env", "playground"], { cwd: repo, stdio: "ignore" });
  if (built.status !== 0) {
    console.error("main-thread bench: the playground build failed (npx webpack --mode production --env playground)");
    process.exit(1);
  }
}

const file = ledgerFile(rows);
const browser = await launchBrowser();
const measured = [];
try {
  for (let i = 0; i < runs; i++) {
    const m = await measureGenerate(browser, { file });
    // Whether the engine ran in its worker: the worker script is among the page's resources.
    const where = await m.page.evaluate(() =>
      performance.getEntriesByType("resource").some((r) => r.name.includes("engine-worker.")) ? "worker" : "main thread",
    );
    await m.close();
    measured.push({
      longestMs: m.longestMs,
      longestAfterReadMs: m.longestAfterReadMs,
      readMs: m.readMs,
      longTasks: m.longTasks.length,
      generateMs: m.generateMs,
      where,
    });
    console.log(
      `Generate on the ${rows / 1000}k ledger, run ${i + 1}: longest main-thread task ${m.longestMs} ms, ` +
        `${m.longestAfterReadMs} ms after the read (${m.longTasks.length} tasks over 50 ms; read ${m.readMs} ms; ` +
        `Generate ${m.generateMs} ms; engine in the ${where})`,
    );
  }
} finally {
  await browser.close();
}
const medianOf = (key) => measured.map((m) => m[key]).sort((a, b) => a - b)[Math.floor(measured.length / 2)];
const median = medianOf("longestMs");
const afterRead = medianOf("longestAfterReadMs");
const facts = {
  rows,
  runs: measured,
  medianLongestMs: median,
  medianLongestAfterReadMs: afterRead,
  goalMs: GOAL_MS,
  met: median < GOAL_MS,
  loadAverage: (await import("node:os")).loadavg(),
  chromium: CHROMIUM,
  at: new Date().toISOString(),
};
writeFileSync(join(repo, "bench", "data", "main-thread.json"), JSON.stringify(facts, null, 2));
console.log(
  `Longest main-thread task during Generate on the ${rows / 1000}k ledger: ${median} ms (median of ${runs}; goal < ${GOAL_MS} ms) — ` +
    `${facts.met ? "met" : "NOT met"}; after the read (engine, hand-over, writer): ${afterRead} ms`,
);
