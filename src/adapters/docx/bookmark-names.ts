// The second anchor of a figure: a bookmark around its content control. Shared by the writer and the
// patcher (which must not load the docx writer).
import { shortHash } from "../../core/hash";

/**
 * The name of the bookmark around a figure's control, `lr_<id>` (second and later uses `lr_<id>__2`…).
 * LibreOffice and WPS re-saving a .docx empty a control's tag, alias and id but keep bookmarks, so
 * this finds the figure again. Bookmark names take letters, digits and `_` only, up to 40 characters.
 */
export function figureBookmarkName(figureId: string, occurrence = 1): string {
  let base = "lr_" + figureId.replace(/[^A-Za-z0-9_]/g, "_");
  if (base.length > 30) base = base.slice(0, 21) + "_" + shortHash(figureId);
  return occurrence > 1 ? `${base}__${occurrence}` : base;
}

/** The figure a bookmark name stands for, among the record's figure ids; null when none. */
export function figureOfBookmark(name: string, figureIds: readonly string[]): string | null {
  const byBase = new Map(figureIds.map((id) => [figureBookmarkName(id), id]));
  return byBase.get(name) ?? byBase.get(name.replace(/__\d+$/, "")) ?? null;
}
