// The rules of a refresh, shared by every target (the .docx patcher, Word.run, the CLI):
// a figure whose text is still what we last wrote is ours to replace; anything else the clerk
// touched is theirs. A hand edit is a conflict only when the ledgers moved too; when they did not,
// the clerk's text is simply kept as written. Numbers are compared by what they mean (`十一` is 11).
import type { LinkRecord, LinkedFigure } from "../types";
import { isPlaceholderText } from "../format";
import { sameNumber } from "../format/hand-number";

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
  /**
   * Choices from the pane's review list, by figure id (every copy of it) or by one copy
   * (`copyKey(id, copy)`, which wins); they win over overwriteConflicts.
   */
  choices?: Record<string, ConflictChoice>;
}

/**
 * The key of one copy of a figure (its `copy`-th control in document order, from 1): a figure placed
 * several times, one copy edited by hand, is decided copy by copy — taking the ledgers' value for one
 * never rewrites another.
 */
export function copyKey(id: string, copy: number): string {
  return `${id}#${copy}`;
}

export interface RefreshPlan {
  updated: { id: string; old: string; new: string }[];
  unchanged: string[];
  /** `copy`: which control of the figure, in document order from 1 (copyKey). */
  conflicts: { id: string; copy: number; written: string; current: string; new: string; resolution: ConflictChoice }[];
  /** Hand edits over a figure the ledgers did not move: kept as the clerk wrote them, not a conflict. */
  kept: {
    id: string;
    /** Which control of the figure, in document order from 1 (copyKey). */
    copy: number;
    written: string;
    current: string;
    /** What the ledgers say now (shown beside the clerk's text, so a kept figure is never silent). */
    new: string;
    /** The clerk's text means the ledgers' number (`七` for 7): kept, but nothing to check. */
    agrees: boolean;
  }[];
  removed: string[];
  /** Figures the workbook defines now that the document has no control for (never inserted silently). */
  notInDocument: string[];
  /** New text per control, by its index in the `controls` given; controls not listed stay as they are. */
  writes: { index: number; id: string; text: string }[];
  /** The link record to store after the writes. */
  record: LinkRecord;
  /** Figure names by id (the document's, then the workbook's), so every message can name the figure. */
  names: Record<string, string>;
}

export function planRefresh(previous: LinkRecord, controls: FoundControl[], fresh: LinkRecord, options: RefreshOptions = {}): RefreshPlan {
  const freshById = new Map(fresh.figures.map((f) => [f.id, f]));
  const controlsById = new Map<string, number[]>();
  controls.forEach((c, index) => {
    const list = controlsById.get(c.id) ?? [];
    list.push(index);
    controlsById.set(c.id, list);
  });

  const names: Record<string, string> = {};
  for (const f of [...fresh.figures, ...previous.figures]) names[f.id] = f.name;
  const plan: RefreshPlan = {
    updated: [],
    unchanged: [],
    conflicts: [],
    kept: [],
    removed: [],
    notInDocument: [],
    writes: [],
    record: previous,
    names,
  };
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
    for (const [k, index] of indexes.entries()) {
      const current = controls[index].text;
      const copy = k + 1;
      const choice =
        options.choices?.[copyKey(before.id, copy)] ?? options.choices?.[before.id] ?? (options.overwriteConflicts ? "take" : "keep");
      // A placeholder (［待补：…］) is ours even when it names the figure differently now: the clerk
      // did not write it, so filling it is no conflict.
      if (current === before.text || isPlaceholderText(current)) {
        if (newText !== current) {
          plan.writes.push({ index, id: before.id, text: newText });
          wroteNew = true;
        }
        continue;
      }
      // The ledgers did not move: the hand edit stands as written; the old record keeps recognising it.
      if (sameNumber(newText, before.text)) {
        // Unless the clerk asked for the ledgers' values everywhere: then it is overwritten, and said so.
        if (choice === "take") {
          plan.conflicts.push({ id: before.id, copy, written: before.text, current, new: newText, resolution: "take" });
          conflictIndex.set(plan.conflicts[plan.conflicts.length - 1], index);
          plan.writes.push({ index, id: before.id, text: newText });
          wroteNew = true;
          continue;
        }
        plan.kept.push({ id: before.id, copy, written: before.text, current, new: newText, agrees: sameNumber(current, newText) });
        keptConflict = true;
        continue;
      }
      // The clerk's text already says the new number (`十二` for 12): nothing to decide.
      if (sameNumber(current, newText)) continue;
      const resolution = choice;
      plan.conflicts.push({ id: before.id, copy, written: before.text, current, new: newText, resolution });
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
