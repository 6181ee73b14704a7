// The small pieces every hand-written XML scanner here shares (shared strings, the document scanner):
// the character codes of markup and where a tag ends. Hand-written scanners exist because they were
// measured as the bottleneck (see the sheet scanner's note); they should not also each keep their own
// copy of what a tag is.

export const LT = 60; // <
export const GT = 62; // >
export const SLASH = 47; // /
export const BANG = 33; // !
export const QUESTION = 63; // ?
export const COLON = 58; // :
export const EQUALS = 61; // =
export const DQUOTE = 34; // "
export const SQUOTE = 39; // '
export const CR = 13;
export const RBRACKET = 93; // ]

/**
 * The index of the `>` closing the tag whose content starts at `from` (just after its `<`), skipping a
 * `>` inside a quoted attribute value, as XML allows; -1 when the text ends first (an unfinished tag).
 */
export function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from, n = xml.length; i < n; i++) {
    const ch = xml.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === GT) return i;
    else if (ch === DQUOTE || ch === SQUOTE) quote = ch;
  }
  return -1;
}
