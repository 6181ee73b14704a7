// The Office path on the simulated hosts, which count round trips and payloads as Excel on the web
// would: Generate reads the open workbook (createExcelWorkbookSource().read()), computes, renders
// and inserts the report into Word; Refresh, in Word, reads the report and writes its new figures.
import { readFileSync } from "node:fs";
import { renderDocx } from "../../src/adapters/docx";
import { createExcelWorkbookSource } from "../../src/adapters/excel";
import { insertReport, refreshInWord, bytesToBase64, type WordEnvironment } from "../../src/adapters/word";
import { readXlsx, readXlsxWorkbook } from "../../src/adapters/xlsx";
import { runEngine } from "../../src/core/engine";
import { linkRecordToXml } from "../../src/core/link";
import type { RawWorkbook } from "../../src/core/types";
import { createSimulatedExcel, simWorkbookFromXlsx } from "../../src/simulated-host/excel";
import { createSimulatedWord, type SimulatedWord } from "../../src/simulated-host/word";
import { BENCH_GENERATED_AT } from "./ours";

/** Rows entered after Generate, so Refresh has figures to move. */
export const LATE_ROWS = 10;

export interface OfficeFacts {
  rows: number;
  /** Ledger data as the reads returned it: the sum of the responses' JSON bytes. */
  ledgerBytes: number;
  generate: {
    excelSyncs: number;
    largestRequestBytes: number;
    largestResponseBytes: number;
    failedSyncs: number;
    /** Word.run syncs of inserting the report (its own host, counted apart). */
    wordSyncs: number;
    /** The insertFileFromBase64 payload: the simulated Word host does not measure requests. */
    insertPayloadBytes: number;
  };
  refresh: {
    /** Word.run syncs of reading the report and writing the plan. */
    wordSyncs: number;
    commonApiCalls: number;
    written: number;
    /** New control texts and the link record: what the apply sync sends. */
    applyPayloadBytes: number;
  };
}

function wordEnv(sim: SimulatedWord): WordEnvironment {
  return {
    isSetSupported: (name, version) => sim.isSetSupported(name, version),
    commonCustomXmlParts: () => sim.commonCustomXmlParts as unknown as Office.CustomXmlParts | undefined,
  };
}

function withoutLateRows(wb: RawWorkbook): RawWorkbook {
  return {
    ...wb,
    tables: wb.tables.map((t) =>
      t.sheet === "电子保函" ? { ...t, values: t.values.slice(0, Math.max(2, t.values.length - LATE_ROWS)) } : t,
    ),
  };
}

export async function officePath(path: string): Promise<OfficeFacts> {
  const file = readFileSync(path);
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  const excel = createSimulatedExcel(simWorkbookFromXlsx(readXlsxWorkbook(bytes)));
  const source = createExcelWorkbookSource(excel.Excel.run, {
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
    workbookName: "bench.xlsx",
  });
  const { workbook } = await source.read();
  const ledger = workbook.tables.find((t) => t.sheet === "电子保函");
  const excelStats = { ...excel.stats };
  const ledgerBytes = excel.stats.responseBytes.reduce((a, b) => a + b, 0);

  const generated = runEngine(withoutLateRows(workbook), { generatedAt: BENCH_GENERATED_AT });
  const docx = await renderDocx(generated.report, generated.link);
  const word = createSimulatedWord();
  await insertReport(docx, generated.link, word.Word.run, wordEnv(word));
  const insertSyncs = word.stats.syncs;

  word.resetStats();
  // In Word the clerk picks the workbook file: the refresh reads it with the file reader.
  const refresh = await refreshInWord(readXlsx(bytes, { name: "bench.xlsx" }), {
    run: word.Word.run,
    env: wordEnv(word),
    generatedAt: BENCH_GENERATED_AT,
  });
  const applied = await refresh.apply();
  const applyPayloadBytes =
    new TextEncoder().encode(linkRecordToXml(refresh.plan.record)).length +
    refresh.plan.updated.reduce((n, u) => n + new TextEncoder().encode(u.new).length, 0);

  return {
    rows: ledger ? ledger.values.length : 0,
    ledgerBytes,
    generate: {
      excelSyncs: excelStats.syncs,
      largestRequestBytes: excelStats.maxRequestBytes,
      largestResponseBytes: excelStats.maxResponseBytes,
      failedSyncs: excelStats.failedSyncs,
      wordSyncs: insertSyncs,
      insertPayloadBytes: bytesToBase64(docx).length,
    },
    refresh: {
      wordSyncs: word.stats.syncs,
      commonApiCalls: word.stats.commonApiCalls,
      written: applied.written,
      applyPayloadBytes,
    },
  };
}
