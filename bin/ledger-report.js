#!/usr/bin/env node
// The command is bundled by `npm run build:cli` (run by `npm ci` through `prepare`).
require("../dist/cli/ledger-report.js").run();
