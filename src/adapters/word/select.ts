// A click on a figure in the Word pane shows it in the document: its first content control is
// selected (ContentControl.select, WordApi 1.1), which also scrolls it into view.
import { slotTag } from "../../core/link";
import { defaultRun, type WordRun } from "./host";

/** Selects the first control of the figure; false when the document has none (the clerk deleted it). */
export async function selectFigure(figureId: string, run: WordRun = defaultRun): Promise<boolean> {
  return run(async (context) => {
    const controls = context.document.contentControls.getByTag(slotTag(figureId)).load("items/id");
    await context.sync();
    const first = controls.items[0];
    if (!first) return false;
    first.select("Select");
    await context.sync();
    return true;
  });
}
