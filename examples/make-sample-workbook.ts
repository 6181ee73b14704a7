// Writes examples/sample-ledgers.xlsx: `npm run sample` (or `node scripts/run-ts.mjs
// examples/make-sample-workbook.ts [out.xlsx]`). Re-running gives the same ledgers.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSampleWorkbook, type SampleConfig } from "./sample-data";
import { defaultSettings, settingsToRows } from "../src/core/settings";
import { DEFAULT_DEFINITIONS, DEFINITION_HEADERS, definitionToRow, withSeedManualValues } from "../src/core/figures";

// The sample carries its configuration like a real shared workbook: 报告设置 with a fixed
// workbook id (so the sample report is reproducible) and the default 指标定义 with the seed report's
// hand values — the sample is the one workbook that ships answers.
const config: SampleConfig = {
  settingsRows: settingsToRows({
    ...defaultSettings(2022),
    workbookId: "5d1c2b7e-0a4f-4e8b-9c1d-2022a0b1c2d3",
    signature: "",
    signatureDate: "",
  }),
  definitionHeaders: [...DEFINITION_HEADERS],
  definitionRows: withSeedManualValues(DEFAULT_DEFINITIONS).map(definitionToRow),
};

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
