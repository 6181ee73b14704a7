// `node scripts/run-ts.mjs bench/ledger-file.ts <rows> [dir] [--flood]`: writes (or finds) the bench's
// deterministic 电子保函 ledger of that many rows (--flood: a bad credit code on every row) and prints
// its path — for the browser-side measurements (bench/main-thread.mjs, tests/e2e) and
// bench/compare.mjs, which are plain .mjs and cannot import TypeScript.
import { resolve } from "node:path";
import { ensureLedgerFile } from "./generate-ledger";

const args = process.argv.slice(2).filter((a) => a !== "--flood");
const rows = Number(args[0]);
if (!Number.isInteger(rows) || rows < 1) {
  console.error("usage: bench/ledger-file.ts <rows> [dir] [--flood]");
  process.exit(2);
}
console.log(ensureLedgerFile(resolve(args[1] ?? "bench/data"), rows, { flood: process.argv.includes("--flood") }).path);
