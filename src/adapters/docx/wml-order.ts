// Each WordprocessingML element's child order, declared once (python-docx's `_tag_seq`): Word
// refuses a document whose w:pPr lists w:ind before w:spacing, LibreOffice forgives it, so an order
// written by hand in each builder is a bug waiting for the one reader that checks. The builders in
// oxml.ts (docx components) and the patcher's string edits (content-control.ts) both place children
// by these lists; tests/adapters/docx/wml-order.test.ts checks each list against the XSD.
import { scanTags } from "./xml-scan";

/** The children each element may hold, in schema order (ISO/IEC 29500-4 transitional, wml.xsd). */
export const CHILD_ORDER = {
  /** CT_PPr: CT_PPrBase, then rPr, sectPr, pPrChange. */
  "w:pPr": [
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
  ],
  /** CT_RPr: EG_RPrBase in its listed order (Word writes it so, strict schema demands it), then rPrChange. */
  "w:rPr": [
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
  ],
  /** CT_SdtPr up to the control's type; a rich-text control has no type element. */
  "w:sdtPr": [
    "w:rPr",
    "w:alias",
    "w:tag",
    "w:id",
    "w:lock",
    "w:placeholder",
    "w:temporary",
    "w:showingPlcHdr",
    "w:dataBinding",
    "w:label",
    "w:tabIndex",
  ],
  /** CT_Style. */
  "w:style": [
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
  ],
} as const;

export type OrderedParent = keyof typeof CHILD_ORDER;

const INDEX = new Map<string, Map<string, number>>(
  Object.entries(CHILD_ORDER).map(([parent, children]) => [parent, new Map(children.map((c, i) => [c, i] as const))]),
);

/** Where a child stands among its parent's children; throws for a child the parent cannot hold. */
export function childRank(parent: OrderedParent, child: string): number {
  const rank = INDEX.get(parent)!.get(child);
  if (rank === undefined) throw new Error(`${child} is not a child of ${parent}`);
  return rank;
}

/** The children in schema order (stable: repeated elements keep theirs). */
export function inSchemaOrder<T>(parent: OrderedParent, children: readonly T[], nameOf: (child: T) => string): T[] {
  return children
    .map((child, i) => ({ child, i, rank: childRank(parent, nameOf(child)) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.child);
}

/**
 * Puts `childXml` (one element named `child`) into the raw XML of a `parent` element at its schema
 * place: before the first child that comes after it. `<w:rPr/>` and "" become a parent holding it alone.
 */
export function insertChild(parent: OrderedParent, parentXml: string, child: string, childXml: string): string {
  const rank = childRank(parent, child);
  if (parentXml === "" || new RegExp(`^<${parent}\\s*/>$`).test(parentXml)) return `<${parent}>${childXml}</${parent}>`;
  let depth = 0;
  let at = -1;
  let close = -1;
  scanTags(parentXml, (tag) => {
    if (tag.kind === "close") {
      depth--;
      if (depth === 0) close = tag.start;
      return;
    }
    // A direct child of the parent: the parent itself is depth 0 → 1.
    if (depth === 1 && at < 0 && (INDEX.get(parent)!.get(tag.name) ?? -1) > rank) at = tag.start;
    if (tag.kind === "open") depth++;
  });
  const where = at >= 0 ? at : close;
  if (where < 0) throw new Error(`not a ${parent} element: ${parentXml.slice(0, 40)}`);
  return parentXml.slice(0, where) + childXml + parentXml.slice(where);
}
