#!/usr/bin/env node
// The command is bundled by `npm run build:cli` (run by `npm ci` through `prepare`) into dist-cli/,
// apart from the pane's dist/, which `npm run build` empties.
const path = require("path");
const bundle = path.join(__dirname, "..", "dist-cli", "ledger-report.js");
try {
  require.resolve(bundle);
} catch {
  process.stderr.write("ledger-report: 命令尚未构建，请先运行 npm run build:cli（the command is not built yet: run npm run build:cli）\n");
  process.exit(2);
}
require(bundle).run();
