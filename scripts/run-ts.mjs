// Runs a TypeScript script (examples, benchmarks) by bundling it with esbuild first.
import { build } from "esbuild";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";

const [entry, ...args] = process.argv.slice(2);
const out = join(mkdtempSync(join(tmpdir(), "lr-run-")), "script.cjs");
await build({
  entryPoints: [resolve(entry)],
  outfile: out,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: "inline",
  logLevel: "warning",
  packages: "external",
  absWorkingDir: process.cwd(),
  nodePaths: [resolve("node_modules")],
});
const r = spawnSync(process.execPath, ["--enable-source-maps", out, ...args], {
  stdio: "inherit",
  env: { ...process.env, NODE_PATH: resolve("node_modules") },
});
process.exit(r.status ?? 1);
