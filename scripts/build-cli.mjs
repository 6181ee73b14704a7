// Bundles the command-line tool into one CommonJS file so `npx ledger-report` starts fast
// and needs no TypeScript at run time. The file also runs alone (`node ledger-report.js …`): an IT
// administrator copies it with a Node.js installer onto a clerk's PC that has no internet.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist-cli/ledger-report.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  // Run when started directly; bin/ledger-report.js requires it and calls run() itself.
  footer: { js: "if (require.main === module) module.exports.run();" },
  logLevel: "warning",
});
