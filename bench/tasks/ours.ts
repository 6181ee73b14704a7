// Our side of the file path: the streaming .xlsx reader alone, and the whole Generate of the CLI
// (file → raw tables → ledgers, figures, report → .docx bytes), read as the CLI reads: Node's
// zlib as the inflater (sheets on its thread pool while the shared strings are read), only the
// sheets a ledger or the settings live on, and the report zipped with zlib's deflate.
import { readFileSync } from "node:fs";
import { readXlsxAsync } from "../../src/adapters/xlsx";
import { nodeZipCodec } from "../../src/adapters/xlsx/node-codec";
import { isSheetRead } from "../../src/core/ledger";
import { renderDocx } from "../../src/adapters/docx";
import { nodeDeflater } from "../../src/adapters/docx/node-deflater";
import { runEngine } from "../../src/core/engine";
import type { RawWorkbook } from "../../src/core/types";

/** Fixed, so two runs on one file give the same .docx. */
export const BENCH_GENERATED_AT = "2023-01-05T09:30:00.000Z";

const CLI_READ = { name: "bench.xlsx", wantSheet: isSheetRead, codec: nodeZipCodec };

export interface ReadFacts {
  /** Rows of the 电子保函 table, header included — every reader must report the same. */
  rows: number;
  cells: number;
}

function bytesOf(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function ledgerFacts(wb: RawWorkbook): ReadFacts {
  const t = wb.tables.find((x) => x.sheet === "电子保函");
  // Counted on the reader's columns: `values` would make 100,000 row arrays the CLI never makes.
  if (t?.columns) return { rows: t.columns.height, cells: t.columns.height * t.columns.width };
  const rows = t ? t.values.length : 0;
  return { rows, cells: t ? rows * (t.values[0]?.length ?? 0) : 0 };
}

export async function oursRead(path: string): Promise<ReadFacts> {
  return ledgerFacts(await readXlsxAsync(bytesOf(path), CLI_READ));
}

export interface EndToEndFacts extends ReadFacts {
  docxBytes: number;
  figures: Record<string, string>;
  issues: number;
  /** The issues as `figures --json` carries them: a flood of per-row warnings must stay small. */
  issuesJsonBytes: number;
}

export async function oursEndToEnd(path: string): Promise<EndToEndFacts> {
  const wb = await readXlsxAsync(bytesOf(path), CLI_READ);
  const result = runEngine(wb, { generatedAt: BENCH_GENERATED_AT });
  const docx = await renderDocx(result.report, result.link, { deflater: nodeDeflater });
  const figures: Record<string, string> = {};
  for (const f of result.figures) if (f.ledger === "电子保函") figures[f.id] = f.text;
  const issuesJsonBytes = Buffer.byteLength(JSON.stringify(result.issues));
  return { ...ledgerFacts(wb), docxBytes: docx.length, figures, issues: result.issues.length, issuesJsonBytes };
}
