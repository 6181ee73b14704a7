// `node scripts/run-ts.mjs bench/ledger-file.ts <rows> [dir]`: writes (or finds) the bench's
// deterministic 电子保函 ledger of that many rows and prints its path — for the browser-side
// measurements (bench/main-thread.mjs, tests/e2e), which are plain .mjs and cannot import TypeScript.
import { resolve } from "node:path";
import { ensureLedgerFile } from "./generate-ledger";

const rows = Number(process.argv[2]);
if (!Number.isInteger(rows) || rows < 1) {
  console.error("usage: bench/ledger-file.ts <rows> [dir]");
  process.exit(2);
}
console.log(ensureLedgerFile(resolve(process.argv[3] ?? "bench/data"), rows).path);
