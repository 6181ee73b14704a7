// Bundles the command-line tool into one CommonJS file so `npx ledger-report` starts fast
// and needs no TypeScript at run time.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist-cli/ledger-report.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
});
