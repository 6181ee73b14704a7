// The open document as a file: Office.context.document.getFileAsync(Office.FileType.Compressed),
// read slice by slice. Requirement set CompressedFile (Word 2013 and later, Word on the web, Mac,
// iPad); each slice is at most 4 MB and its data an array of bytes; no more than two files may be
// open at once, so the file is always closed, also after a failure. 生成下一年度 reads the report
// this way and runs the file refresh on it (the CLI's `refresh --year` path), so the clerk gets a
// new file for next year and the open report stays as it is.
import { asyncCall, environment, type WordEnvironment } from "./host";
import { concatBytes } from "../../core/bytes";

/** The slice size asked for: the largest Office allows, so a report is one or two round trips. */
export const SLICE_SIZE = 4 * 1024 * 1024;

/** Whether the open document can be read as a file here (else 生成下一年度 changes the open document). */
export function canReadOpenFile(env?: Partial<WordEnvironment>): boolean {
  const host = environment(env);
  return host.isSetSupported("CompressedFile", "1.1") && typeof host.commonDocument?.()?.getFileAsync === "function";
}

/** The open document's .docx bytes, or null where the host cannot give them. */
export async function readOpenDocumentFile(env?: Partial<WordEnvironment>): Promise<Uint8Array | null> {
  const host = environment(env);
  const document = host.commonDocument?.();
  if (!canReadOpenFile(env) || !document) return null;
  // Office.FileType.Compressed is the string "compressed"; named through the global where there is one.
  const office = (globalThis as unknown as { Office?: { FileType?: { Compressed?: unknown } } }).Office;
  const compressed = (office?.FileType?.Compressed ?? "compressed") as unknown as Office.FileType;
  const file = await asyncCall<Office.File>((cb) => document.getFileAsync(compressed, { sliceSize: SLICE_SIZE }, cb));
  try {
    const slices: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await asyncCall<Office.Slice>((cb) => file.getSliceAsync(i, cb));
      slices.push(Uint8Array.from(slice.data as ArrayLike<number>));
    }
    return concatBytes(...slices);
  } finally {
    await asyncCall<void>((cb) => file.closeAsync(cb)).catch(() => undefined);
  }
}
