// The rules of a refresh, shared by every target (the .docx patcher, Word.run, the CLI):
// a figure whose text is still what we last wrote is ours to replace; anything else the clerk
// touched is theirs, reported as a conflict and kept unless they say otherwise.
import type { LinkRecord, LinkedFigure } from "../types";
import { isPlaceholderText } from "../format";

/** A figure control as found in the document, in document order. */
export interface FoundControl {
  id: string;
  /** Its current text. */
  text: string;
}

export type ConflictChoice = "keep" | "take";

export interface RefreshOptions {
  /** Take the new value for every conflict (CLI --overwrite-conflicts, pane "all at once"). */
  overwriteConflicts?: boolean;
  /** Per-figure choices from the pane's review list; they win over overwriteConflicts. */
  choices?: Record<string, ConflictChoice>;
}

export interface RefreshPlan {
  updated: { id: string; old: string; new: string }[];
  unchanged: string[];
  conflicts: { id: string; written: string; current: string; new: string; resolution: ConflictChoice }[];
  removed: string[];
  /** Figures the workbook defines now that the document has no control for (never inserted silently). */
  notInDocument: string[];
  /** New text per control, by its index in the `controls` given; controls not listed stay as they are. */
  writes: { index: number; id: string; text: string }[];
  /** The link record to store after the writes. */
  record: LinkRecord;
}

export function planRefresh(previous: LinkRecord, controls: FoundControl[], fresh: LinkRecord, options: RefreshOptions = {}): RefreshPlan {
  const freshById = new Map(fresh.figures.map((f) => [f.id, f]));
  const controlsById = new Map<string, number[]>();
  controls.forEach((c, index) => {
    const list = controlsById.get(c.id) ?? [];
    list.push(index);
    controlsById.set(c.id, list);
  });

  const plan: RefreshPlan = { updated: [], unchanged: [], conflicts: [], removed: [], notInDocument: [], writes: [], record: previous };
  const nextFigures: LinkedFigure[] = [];
  const conflictIndex = new Map<RefreshPlan["conflicts"][number], number>();

  for (const before of previous.figures) {
    const after = freshById.get(before.id);
    const indexes = controlsById.get(before.id) ?? [];
    if (indexes.length === 0) {
      plan.removed.push(before.id);
      continue;
    }
    // A figure the workbook no longer defines keeps its text: nothing new to write.
    const newText = after ? after.text : before.text;
    let wroteNew = false;
    let keptConflict = false;
    for (const index of indexes) {
      const current = controls[index].text;
      // A placeholder (［待补：…］) is ours even when it names the figure differently now: the clerk
      // did not write it, so filling it is no conflict.
      if (current === before.text || isPlaceholderText(current)) {
        if (newText !== current) {
          plan.writes.push({ index, id: before.id, text: newText });
          wroteNew = true;
        }
        continue;
      }
      if (current === newText) continue; // the clerk typed exactly the new value: nothing to decide
      const resolution = options.choices?.[before.id] ?? (options.overwriteConflicts ? "take" : "keep");
      plan.conflicts.push({ id: before.id, written: before.text, current, new: newText, resolution });
      conflictIndex.set(plan.conflicts[plan.conflicts.length - 1], index);
      if (resolution === "take") {
        plan.writes.push({ index, id: before.id, text: newText });
        wroteNew = true;
      } else keptConflict = true;
    }
    if (wroteNew) plan.updated.push({ id: before.id, old: before.text, new: newText });
    if (!wroteNew && !keptConflict) plan.unchanged.push(before.id);
    // Where any control now shows the new text, remember that text as ours; a kept conflict keeps
    // the old record so the next refresh still recognises the clerk's edit.
    if (after && (wroteNew || !keptConflict)) nextFigures.push(after);
    else nextFigures.push(before);
  }

  const known = new Set(previous.figures.map((f) => f.id));
  for (const f of fresh.figures) if (!known.has(f.id)) plan.notInDocument.push(f.id);

  // The review list and the writes follow the document's order, as the clerk reads it.
  plan.writes.sort((a, b) => a.index - b.index);
  plan.conflicts.sort((a, b) => conflictIndex.get(a)! - conflictIndex.get(b)!);
  plan.record = { ...fresh, figures: nextFigures };
  return plan;
}
