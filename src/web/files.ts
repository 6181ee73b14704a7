// Getting the workbook's bytes in a browser: a chosen or dropped file, read here and never sent
// anywhere. Where the browser has the File System Access API (Chromium-based ones, on http(s)
// origins), the page keeps a handle and 重新读取 reads the same file again without asking;
// elsewhere (Firefox, file://) the clerk chooses it again.
import type { FileHandleLike, OpenedFile } from "./file-source";

export const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface PickerWindow {
  showOpenFilePicker?: (options: {
    multiple?: boolean;
    excludeAcceptAllOption?: boolean;
    types?: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<FileHandleLike[]>;
}

/** True when the browser can hand out a file handle the page may read again. */
export function canReadAgain(win: object = window): boolean {
  return typeof (win as PickerWindow).showOpenFilePicker === "function";
}

export async function openedFile(file: File, handle?: FileHandleLike): Promise<OpenedFile> {
  return { name: file.name, lastModified: file.lastModified, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()), handle };
}

/** A workbook by name: the page reads .xlsx (Excel, WPS and LibreOffice all save it). */
export function looksLikeWorkbook(name: string): boolean {
  return /\.xlsx$/i.test(name.trim());
}

/**
 * The browser's own file dialog with a handle kept for 重新读取. Resolves null when the clerk
 * cancels; throws when the browser has no such dialog (use an <input type=file> then).
 */
export async function pickWithHandle(description: string, win: object = window): Promise<OpenedFile | null> {
  const picker = (win as PickerWindow).showOpenFilePicker;
  if (!picker) throw new Error("showOpenFilePicker is not available");
  let handles: FileHandleLike[];
  try {
    handles = await picker.call(win, {
      multiple: false,
      types: [{ description, accept: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"] } }],
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") return null;
    throw error;
  }
  const handle = handles[0];
  return handle ? openedFile(await handle.getFile(), handle) : null;
}

/**
 * The dropped file, with its handle where the browser gives one. Must be called in the drop event
 * itself: the browser empties the DataTransfer when the handler returns.
 */
export function droppedFile(data: DataTransfer | null): { file: File | null; handle: Promise<FileHandleLike | null> } {
  const item = data?.items ? Array.from({ length: data.items.length }, (_, i) => data.items[i]).find((i) => i.kind === "file") : undefined;
  const file = item?.getAsFile() ?? data?.files?.[0] ?? null;
  const getHandle = (item as (DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileHandleLike | null> }) | undefined)
    ?.getAsFileSystemHandle;
  const handle = getHandle ? getHandle.call(item).catch(() => null) : Promise.resolve(null);
  return { file, handle: handle.then((h) => (h && h.kind === "file" ? h : null)) };
}

export type Reread =
  | { kind: "unchanged"; file: OpenedFile }
  | { kind: "changed"; file: OpenedFile }
  /** The clerk chose a different file when asked to choose the same one again. */
  | { kind: "other"; file: OpenedFile };

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Compares a new reading with the last: the same file unchanged, changed (and when), or another file. */
export function compareReading(previous: OpenedFile, next: OpenedFile): Reread {
  if (next.name !== previous.name && !next.handle) return { kind: "other", file: next };
  const same = next.lastModified === previous.lastModified && sameBytes(next.bytes, previous.bytes);
  return { kind: same ? "unchanged" : "changed", file: next };
}
