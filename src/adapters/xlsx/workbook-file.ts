// A workbook file as every file path reads it — the command line, the web page and the Word pane's
// file picker: the sheets core's isSheetRead takes (ledgers and the configuration sheets), so the same
// file gives the same report wherever it is read, and the same as the live Excel read.
import type { RawWorkbook } from "../../core/types";
import { isSheetRead } from "../../core/ledger/sheets";
import { readXlsx, readXlsxAsync, type ReadOptions } from "./index";

export function readWorkbookFile(bytes: Uint8Array, name: string): RawWorkbook {
  return readXlsx(bytes, { name, wantSheet: isSheetRead });
}

/** The same, inflating with a native codec where there is one (Node's zlib for the CLI). */
export function readWorkbookFileAsync(bytes: Uint8Array, name: string, codec?: ReadOptions["codec"]): Promise<RawWorkbook> {
  return readXlsxAsync(bytes, { name, wantSheet: isSheetRead, codec });
}
