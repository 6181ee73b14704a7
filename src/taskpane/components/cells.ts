// Cells as the panes list them beside a figure (the 指标 list, the reviews): one small module, so the
// Word pane's review says them the same way without loading the 指标 view.
import { describePlace } from "../../core/describe";

/**
 * Cells as a short list, each sheet said once before its first cell (`电子保函-交易二科 · G5`, `G9`), as
 * the clerk reads places elsewhere (describePlace). Always with the sheet: a ledger kept on several
 * sheets (one per department, a copied sheet) has a G5 on each, and a lone `G5` says not which.
 */
export function shortCells(cells: readonly string[]): string[] {
  let sheet: string | null = null;
  return cells.map((cell) => {
    const place = describePlace(cell);
    const at = place.lastIndexOf(" · ");
    // Not an address (a "…", a note): as given.
    if (place === cell || at < 0) return cell;
    const here = place.slice(0, at);
    if (here === sheet) return place.slice(at + 3);
    sheet = here;
    return place;
  });
}
