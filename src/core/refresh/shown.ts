// Issues about figures, as the reader of one document sees them. The engine words its issues for
// every figure 指标定义 defines; a report (or a clerk's filled document) shows some of them. A warning
// naming a figure the document does not show would send the clerk looking for it there: it names a
// figure the document shows instead where the warning is about its ledger (`figure.period_empty`:
// "its figures, such as …, are 0"), and otherwise says plainly that the figure is not in it.
import type { FigureResult, Issue } from "../types";
import { issueText } from "../messages";

type Shown = Pick<FigureResult, "id" | "name" | "ledger" | "zeroToSee">;

/**
 * `issues` for a document showing the figures `shown` (ids). `figures` gives the names of the others.
 * Issues about no figure, or about a shown one, are returned as they are.
 */
export function issuesForDocument(issues: readonly Issue[], figures: readonly Shown[], shown: ReadonlySet<string>): Issue[] {
  const inDocument = figures.filter((f) => shown.has(f.id));
  return issues.map((issue) => {
    if (issue.figure === undefined || shown.has(issue.figure)) return issue;
    if (issue.code === "figure.period_empty" && issue.words) {
      // The ledger's 0 in the period is what is said; any figure of it the document shows as that 0 is the example.
      const example = inDocument.find((f) => f.ledger === issue.ledger && f.zeroToSee?.code === "period_empty");
      if (example) {
        const words = { ...issue.words, name: example.name };
        return { ...issue, ...issueText("figure.period_empty", words), figure: example.id, words };
      }
    }
    const name = figures.find((f) => f.id === issue.figure)?.name ?? issue.figureName ?? issue.figure;
    const note = issueText("figure.not_shown#note", { name });
    return { ...issue, message: issue.message + note.message, messageEn: issue.messageEn + note.messageEn };
  });
}
