// `npm run bench [-- --quick]`: bundles the harness (bench/main.ts) and the measuring child
// (bench/child.ts) with esbuild, then runs the harness, which starts one child per measurement.
// Libraries stay external (loaded from node_modules), so each child loads only what its task imports.
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// Inside the repository (bench/data is git-ignored), so the bundles find node_modules by walking up.
mkdirSync(join(root, "bench", "data"), { recursive: true });
const outdir = mkdtempSync(join(root, "bench", "data", ".build-"));
try {
  await build({
    entryPoints: { main: join(root, "bench/main.ts"), child: join(root, "bench/child.ts") },
    outdir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Linked, not inline: a child's peak RSS should not carry the source map text.
    sourcemap: "linked",
    packages: "external",
    logLevel: "warning",
    absWorkingDir: root,
  });
  const r = spawnSync(
    process.execPath,
    ["--enable-source-maps", join(outdir, "main.js"), "--child", join(outdir, "child.js"), ...process.argv.slice(2)],
    {
      stdio: "inherit",
      cwd: root,
      env: { ...process.env, NODE_PATH: join(root, "node_modules") },
    },
  );
  process.exitCode = r.status ?? 1;
  // The pane's main thread during Generate, in Chromium (bench/main-thread.mjs; issue #12 item 7).
  // --pane=skip leaves it out (e.g. while comparing the file path alone against an older commit).
  if (!process.argv.includes("--pane=skip")) {
    const pane = spawnSync(process.execPath, [join(root, "bench/main-thread.mjs"), ...process.argv.slice(2)], {
      stdio: "inherit",
      cwd: root,
    });
    if (pane.status !== 0) process.exitCode = pane.status ?? 1;
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
