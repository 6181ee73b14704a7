// The style rules both panes share, so a figure row or a section looks the same in Excel, Word and
// the web page. Each view spreads these into its own makeStyles and adds what is its own.
import { tokens, type GriffelStyle } from "@fluentui/react-components";

/** A pane's outer column; the Word pane spaces its sections wider. */
export const PANE_ROOT: GriffelStyle = {
  boxSizing: "border-box",
  width: "100%",
  minWidth: 0,
  padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalM,
};

/** A titled part of a pane (放置指标, 报告模板, a review group). */
export const SECTION: GriffelStyle = { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 };
export const SECTION_TITLE: GriffelStyle = { margin: 0, overflowWrap: "anywhere" };

/** A bulleted list of figures under a note (待补, may be short, may be too large): tight, long names wrap. */
export const BULLET_LIST: GriffelStyle = {
  margin: `${tokens.spacingVerticalXS} 0 0`,
  paddingLeft: tokens.spacingHorizontalL,
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalXXS,
  overflowWrap: "anywhere",
};

/** A list without bullets, one row per figure, template or change. */
export const PLAIN_LIST: GriffelStyle = { listStyleType: "none", margin: 0, padding: 0 };
/** A figure's row: name over value and note, ruled off from the next. */
export const FIGURE_ROW: GriffelStyle = {
  display: "flex",
  flexDirection: "column",
  gap: "2px",
  paddingBlock: tokens.spacingVerticalS,
  borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  minWidth: 0,
};

/** Secondary words: a hint, a source, a date. Long sheet names wrap anywhere rather than widen the pane. */
export const MUTED: GriffelStyle = { display: "block", color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" };
/** A name that may be long; it takes the row's free width and wraps. */
export const ROW_NAME: GriffelStyle = { overflowWrap: "anywhere", minWidth: 0, flex: "1 1 8em" };
