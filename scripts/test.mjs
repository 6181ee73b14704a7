// `npm test`: every offline check, in order, with a one-line summary per suite and a closing
// "N passed, N failed" line. Suites that need a tool this machine lacks say so and skip.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bin = (name) => join("node_modules", ".bin", name);
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const results = [];

function run(name, cmd, args, opts = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" }, ...opts });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: r.status === 0, seconds };
}

// 1. Types across the whole repository.
{
  const r = run("typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
  results.push({ suite: "typecheck", passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, note: `${r.seconds}s` });
}

// 1b. The core on its own, with no DOM, Node or Office types: it stays pure by construction.
{
  const r = run("typecheck core", bin("tsc"), ["--noEmit", "-p", "src/core/tsconfig.json"]);
  results.push({ suite: "core pure", passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, note: `${r.seconds}s` });
}

// 2. The command-line bundle the tests spawn.
{
  const r = run("build:cli", process.execPath, ["scripts/build-cli.mjs"]);
  results.push({ suite: "build:cli", passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, note: `${r.seconds}s` });
}

// 3. Jest: core, adapters, CLI, documents, corpus.
{
  const out = join(mkdtempSync(join(tmpdir(), "lr-jest-")), "results.json");
  const r = run("jest", bin("jest"), ["--ci", "--json", `--outputFile=${out}`, ...process.argv.slice(2)]);
  let passed = 0,
    failed = r.ok ? 0 : 1,
    skipped = 0;
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, "utf8"));
    passed = j.numPassedTests;
    failed = j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0) + (r.ok ? 0 : j.numFailedTests === 0 ? 1 : 0);
    skipped = j.numPendingTests;
  }
  results.push({ suite: "jest", passed, failed, skipped, note: `${r.seconds}s` });
}

// 4. Browser tests of the task pane against the playground.
{
  const e2e = existsSync("tests/e2e")
    ? readdirSync("tests/e2e")
        .filter((f) => f.endsWith(".e2e.mjs"))
        .sort()
    : [];
  if (e2e.length === 0) {
    results.push({ suite: "e2e", passed: 0, failed: 0, note: "no browser tests yet" });
  } else if (!has("chromium")) {
    results.push({
      suite: "e2e",
      passed: 0,
      failed: 0,
      skipped: e2e.length,
      note: "skipped: chromium not installed (apt-get install -y chromium)",
    });
  } else {
    const playground = run("playground build", bin("webpack"), ["--mode", "production", "--env", "playground"]);
    // The offline web page (tests/e2e/web.e2e.mjs) is built too, so its test runs on this tree.
    const web = run("web build", bin("webpack"), ["--mode", "production", "--env", "web"]);
    const build = { ok: playground.ok && web.ok };
    let passed = 0,
      failed = build.ok ? 0 : 1;
    if (build.ok) {
      for (const f of e2e) {
        const r = run(f, process.execPath, [join("tests/e2e", f)]);
        if (r.ok) passed++;
        else failed++;
      }
    }
    results.push({ suite: "e2e", passed, failed, note: `${e2e.length} scripts` });
  }
}

console.log("\n── summary ──");
for (const r of results) {
  console.log(
    `${r.suite.padEnd(10)} ${r.failed ? "FAIL" : "ok  "} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}  ${r.note ?? ""}`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + (r.skipped ?? 0), 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed ? 1 : 0);
