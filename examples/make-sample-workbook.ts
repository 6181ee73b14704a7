// Writes examples/sample-ledgers.xlsx: `npm run sample` (or `node scripts/run-ts.mjs
// examples/make-sample-workbook.ts [out.xlsx]`). Re-running gives the same ledgers.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSampleWorkbook, type SampleConfig } from "./sample-data";

// The lead wires the default 报告设置 / 指标定义 rows here; until then the sample carries only
// ledgers and the product falls back to its built-in settings and definitions.
const config: SampleConfig = {};

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? "examples/sample-ledgers.xlsx");
  const bytes = await buildSampleWorkbook(config);
  writeFileSync(out, bytes);
  console.log(`wrote ${out} (${bytes.length} bytes)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
