// The report's style ids and the body style's name, apart from the style sheet so the Word adapter
// can name them without loading the docx writer.

/**
 * Every paragraph and run style of the report has its own id beginning `LR`, never Word's `Normal`
 * or a built-in heading: Word's insertFileFromBase64 gives a same-named style the destination's
 * definition and keeps the destination's document defaults, so a report on `Normal` would take the
 * look of whatever document it is inserted into. The body style is complete in itself (based on
 * nothing) for the same reason.
 */
export const STYLE = {
  body: "LRBody",
  title: "LRTitle",
  heading1: "LRHeading1",
  heading2: "LRHeading2",
  heading3: "LRHeading3",
  table: "LRTableText",
  /** A table figure's header row: bold in the style, not only on its runs (table-figure.ts says why). */
  tableHeader: "LRTableHeader",
  pageNumber: "LRPageNumber",
  runInKai: "LRRunInKai",
  runInHei: "LRRunInHei",
} as const;

/** The body style's name, as Word's Paragraph.style reports it. */
export const BODY_STYLE_NAME = "公文正文";
