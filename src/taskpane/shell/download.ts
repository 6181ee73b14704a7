// Saving the report from a task pane. A Blob download works in Excel on the web, is unreliable in
// the Windows WebView2 pane and does nothing on Mac (OFFICEJS-FACTS.md), so the outcome says which
// case applies and the view tells the clerk what to do instead.
import type { PanePlatform } from "./services";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export type SaveOutcome =
  | { kind: "started"; fileName: string; /** the host may silently drop it: show the alternative too */ uncertain: boolean }
  | { kind: "blocked"; reason: "platform" | "error"; detail?: string };

/** Hosts where an `<a download>` from the pane is known to do nothing. */
const NO_DOWNLOADS: PanePlatform[] = ["Mac", "iOS", "Android"];

/** The pane says so up front on these hosts rather than offering a save that cannot work. */
export function downloadsBlocked(platform: PanePlatform | undefined): boolean {
  return platform !== undefined && NO_DOWNLOADS.includes(platform);
}

/**
 * Where the report is best made in Word (插入报告 in the Word pane) rather than saved from here:
 * wherever downloads cannot work, and in the Windows desktop pane, where they may silently not.
 */
export function reportMadeInWord(platform: PanePlatform | undefined): "only" | "best" | null {
  if (downloadsBlocked(platform)) return "only";
  if (platform === "PC" || platform === "Universal") return "best";
  return null;
}

export function saveBytes(bytes: Uint8Array, fileName: string, platform: PanePlatform = "unknown", doc: Document = document): SaveOutcome {
  if (downloadsBlocked(platform)) return { kind: "blocked", reason: "platform" };
  try {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: DOCX_MIME }));
    const link = doc.createElement("a");
    link.href = url;
    link.download = fileName;
    link.rel = "noopener";
    link.style.display = "none";
    doc.body.appendChild(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some engines; a minute is plenty to start it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { kind: "started", fileName, uncertain: platform === "PC" || platform === "Universal" };
  } catch (error) {
    return { kind: "blocked", reason: "error", detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
