// The Word templates a workbook stores on its hidden 报告模板库 sheet (core/fill/stored.ts), read from a file.
import { rowsToTemplates, TEMPLATE_SHEET, type StoredTemplate } from "../../core/fill/stored";
import { readXlsxAsync } from "./index";
import { nodeZipCodec } from "./node-codec";

export async function readStoredTemplates(bytes: Uint8Array): Promise<StoredTemplate[]> {
  const wb = await readXlsxAsync(bytes, { wantSheet: (name) => name.trim() === TEMPLATE_SHEET, codec: nodeZipCodec });
  const table = wb.tables.find((t) => t.sheet.trim() === TEMPLATE_SHEET);
  return table ? rowsToTemplates(table.values).templates : [];
}
