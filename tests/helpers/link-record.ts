// A link record (the report's memory of which figure is where, from which workbook) around given
// figures, for tests of refresh planning, patching and the Word pane's model.
import type { LinkedFigure, LinkRecord } from "../../src/core/types";

/** A 2022 report of 台账.xlsx on the default template; `overrides` change any other field. */
export function linkRecordOf(figures: LinkedFigure[], overrides: Partial<LinkRecord> = {}): LinkRecord {
  return {
    version: 1,
    workbookId: "wb",
    workbookName: "台账.xlsx",
    templateId: "default",
    period: { start: "2022-01-01", end: "2022-12-31" },
    scope: "全部门",
    generatedAt: "2023-01-05T00:00:00Z",
    figures,
    ...overrides,
  };
}
