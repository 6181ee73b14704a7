// The words for the rows a figure may be short by (FigureResult.rowsLeftOut), one way for every pane
// list that says them: the 指标 list, 生成报告's and 填写并下载's questions, and the update reviews in
// Excel and Word. Rows counted in no figure (an error, outside the table, below a note) and rows
// counted as 其他 (a word the ledger does not know, rowsLeftOut.readAsOther) are said apart, as the
// command line says them: a row read as 其他 is counted — only not in the figures that ask for
// another word of that column — so "not counted" would be untrue of it.
import type { FigureResult } from "../../core/types";
import type { Translate } from "../i18n";
import { shortCells } from "./cells";

/** A ledger's rows a figure (or a group of figures) may be short by. */
export interface ShortRows {
  ledger: string;
  count: number;
  cells: string[];
  readAsOther?: NonNullable<FigureResult["rowsLeftOut"]>["readAsOther"];
}

/** The rows of `mark` said in the pane's language: the rows counted in no figure, then those counted as 其他. */
export function shortRowsWords(mark: ShortRows, t: Translate): string {
  const separator = t("listSeparator");
  const other = mark.readAsOther;
  const count = mark.count - (other?.count ?? 0);
  const cells = other ? mark.cells.filter((cell) => !other.cells.includes(cell)) : mark.cells;
  const parts: string[] = [];
  if (count > 0) parts.push(t("rowsNotCounted", { ledger: mark.ledger, count, cells: shortCells(cells).join(separator) }));
  if (other) {
    // Their cells are a few of them: the rest said as "…", never a list that looks complete.
    const shown = [...shortCells(other.cells), ...(other.count > other.cells.length ? ["…"] : [])];
    parts.push(
      t("rowsReadAsOther", {
        ledger: mark.ledger,
        count: other.count,
        columns: other.columns.map((c) => t("quoted", { text: c })).join(separator),
        cells: shown.join(separator),
      }),
    );
  }
  return parts.join(t("clauseSeparator"));
}

/** What a question about figures that may be short says above its list: why rows were not counted in them. */
export function shortRowsBody(groups: readonly ShortRows[], t: Translate): string {
  return t(groups.some((g) => g.readAsOther) ? "reviewLeftOutAskBodyOther" : "reviewLeftOutAskBody");
}

/** A group's key: its ledger, rows and, for rows read as 其他, their columns. */
export function shortRowsKey(mark: ShortRows): string {
  return [mark.ledger, mark.count, ...mark.cells, "", ...(mark.readAsOther?.columns ?? [])].join("\u0000");
}
