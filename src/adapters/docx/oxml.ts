// Element builders for the WordprocessingML that the `docx` package cannot write: content controls,
// paragraph and run properties in the exact schema order, whole style definitions. Each builder
// returns a docx XmlComponent, so the result sits inside docx's own tree and is escaped by its writer.

import { XmlComponent } from "docx";
import type { IContext, IXmlableObject } from "docx";
import { sanitizeXmlText } from "../../core/link";
import { inSchemaOrder, type OrderedParent } from "./wml-order";

type Child = XmlComponent | string | null | undefined | false;

/** One element with `w:`-qualified attributes and children; undefined attributes are left out. */
export class OoxmlElement extends XmlComponent {
  /** The qualified element name, for placing it among its siblings. */
  readonly name: string;
  private readonly attributes: Record<string, string | number | undefined>;
  private readonly children: (XmlComponent | string)[];

  constructor(name: string, attributes: Record<string, string | number | undefined> = {}, children: Child[] = []) {
    super(name);
    this.name = name;
    this.attributes = attributes;
    this.children = children.filter((c): c is XmlComponent | string => c !== null && c !== undefined && c !== false);
  }

  override prepForXml(context: IContext): IXmlableObject {
    const content: unknown[] = [];
    const attrs: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(this.attributes)) {
      if (v !== undefined) attrs[k] = typeof v === "string" ? sanitizeXmlText(v) : v;
    }
    const hasAttributes = Object.keys(attrs).length > 0;
    if (hasAttributes) content.push({ _attr: attrs });
    for (const c of this.children) {
      if (typeof c === "string") content.push(sanitizeXmlText(c));
      else {
        const x = c.prepForXml(context);
        if (x !== undefined) content.push(x);
      }
    }
    // The writer closes an element given as an array with an end tag; an object gives <w:x …/>.
    if (content.length === 0) return { [this.rootKey]: {} } as IXmlableObject;
    if (hasAttributes && content.length === 1) return { [this.rootKey]: { _attr: attrs } } as IXmlableObject;
    return { [this.rootKey]: content } as IXmlableObject;
  }
}

export function el(name: string, attributes: Record<string, string | number | undefined> = {}, children: Child[] = []): OoxmlElement {
  return new OoxmlElement(name, attributes, children);
}

/**
 * An element whose children go in the schema order declared in wml-order.ts, whatever order the
 * builder lists them in; a child the parent cannot hold throws.
 */
export function orderedEl(
  name: OrderedParent,
  attributes: Record<string, string | number | undefined>,
  children: (OoxmlElement | null | undefined | false)[],
): OoxmlElement {
  const present = children.filter((c): c is OoxmlElement => c !== null && c !== undefined && c !== false);
  return el(
    name,
    attributes,
    inSchemaOrder(name, present, (c) => c.name),
  );
}

/** `<w:name w:val="…"/>` and its many siblings that carry a single value. */
export function val(name: string, value: string | number): OoxmlElement {
  return el(name, { "w:val": value });
}

export interface FontSet {
  eastAsia: string;
  /** Latin digits and letters; the same face as the Chinese unless a unit wants otherwise. */
  ascii?: string;
}

export function rFonts(f: FontSet): OoxmlElement {
  const latin = f.ascii ?? f.eastAsia;
  return el("w:rFonts", { "w:ascii": latin, "w:eastAsia": f.eastAsia, "w:hAnsi": latin, "w:cs": latin, "w:hint": "eastAsia" });
}

export interface RunProps {
  style?: string;
  fonts?: FontSet;
  bold?: boolean;
  /** Character spacing in twentieths of a point (negative condenses). */
  spacing?: number;
  /** Size in half-points. */
  size?: number;
  zhCN?: boolean;
}

/** `w:rPr`, children in CT_RPr order. */
export function rPr(p: RunProps): OoxmlElement {
  return orderedEl("w:rPr", {}, [
    p.style !== undefined && val("w:rStyle", p.style),
    p.fonts && rFonts(p.fonts),
    p.bold !== undefined && el("w:b", p.bold ? {} : { "w:val": "0" }),
    p.bold !== undefined && el("w:bCs", p.bold ? {} : { "w:val": "0" }),
    p.spacing !== undefined && val("w:spacing", p.spacing),
    p.size !== undefined && val("w:sz", p.size),
    p.size !== undefined && val("w:szCs", p.size),
    p.zhCN && el("w:lang", { "w:val": "en-US", "w:eastAsia": "zh-CN", "w:bidi": "ar-SA" }),
  ]);
}

export interface ParagraphProps {
  keepNext?: boolean;
  /** Keep every line of the paragraph on one page. */
  keepLines?: boolean;
  /** Widow and orphan control: at least two lines of the paragraph on either side of a page break. */
  widowControl?: boolean;
  /**
   * Punctuation may extend past the line's end (Word's own default for Chinese). Written explicitly for
   * LibreOffice, which reads its absence as "hang punctuation" and then drops a 。 that hangs at a line
   * end from the printed page; `1` makes it keep the stop inside the line.
   */
  overflowPunct?: boolean;
  snapToGrid?: boolean;
  /** Exact line height in twips; `auto` leaves the font's own height. */
  line?: number | "auto";
  before?: number;
  after?: number;
  /** First-line indent in hundredths of a character (200 = two characters); 0 removes it. */
  firstLineChars?: number;
  /** The same indent in twips, for readers that ignore character units (LibreOffice before 7.6). */
  firstLine?: number;
  /** Plain indents in twips, for the page number's one character in from the edge. */
  left?: number;
  right?: number;
  jc?: "both" | "center" | "right" | "left";
  outlineLevel?: number;
}

/** `w:pPr`, children in CT_PPrBase order. */
export function pPr(p: ParagraphProps): OoxmlElement {
  const spacing =
    p.line !== undefined || p.before !== undefined || p.after !== undefined
      ? el("w:spacing", {
          "w:before": p.before,
          "w:after": p.after,
          "w:line": p.line === "auto" ? 240 : p.line,
          "w:lineRule": p.line === undefined ? undefined : p.line === "auto" ? "auto" : "exact",
        })
      : null;
  const ind =
    p.firstLineChars !== undefined || p.firstLine !== undefined || p.left !== undefined || p.right !== undefined
      ? el("w:ind", {
          "w:left": p.left,
          "w:right": p.right,
          "w:firstLineChars": p.firstLineChars,
          "w:firstLine": p.firstLine ?? (p.firstLineChars === 0 ? 0 : undefined),
        })
      : null;
  return orderedEl("w:pPr", {}, [
    p.keepNext && el("w:keepNext"),
    p.keepLines && el("w:keepLines"),
    p.widowControl !== undefined && val("w:widowControl", p.widowControl ? "1" : "0"),
    p.overflowPunct !== undefined && val("w:overflowPunct", p.overflowPunct ? "1" : "0"),
    p.snapToGrid !== undefined && val("w:snapToGrid", p.snapToGrid ? "1" : "0"),
    spacing,
    ind,
    p.jc !== undefined && val("w:jc", p.jc),
    p.outlineLevel !== undefined && val("w:outlineLvl", p.outlineLevel),
  ]);
}

export interface StyleDefinition {
  type: "paragraph" | "character";
  id: string;
  name: string;
  aliases?: string;
  basedOn?: string;
  next?: string;
  isDefault?: boolean;
  uiPriority?: number;
  paragraph?: ParagraphProps;
  run?: RunProps;
}

/** A whole `w:style`, children in CT_Style order. */
export function style(s: StyleDefinition): OoxmlElement {
  return orderedEl("w:style", { "w:type": s.type, "w:default": s.isDefault ? "1" : undefined, "w:styleId": s.id }, [
    val("w:name", s.name),
    s.aliases !== undefined && val("w:aliases", s.aliases),
    s.basedOn !== undefined && val("w:basedOn", s.basedOn),
    s.next !== undefined && val("w:next", s.next),
    s.uiPriority !== undefined && val("w:uiPriority", s.uiPriority),
    el("w:qFormat"),
    s.paragraph && pPr(s.paragraph),
    s.run && rPr(s.run),
  ]);
}

export interface ContentControl {
  /** Shown by Word as the control's title: the figure's Chinese name. */
  alias: string;
  tag: string;
  /** Unique within the document, as Word expects of `w:id`. */
  id: number;
  /** The runs inside the control. */
  content: XmlComponent[];
}

/**
 * A run-level rich-text content control. Rich text is the absence of a type element; it is the only
 * kind every Word platform lists in `contentControls`. sdtLocked keeps it from being deleted while its
 * text stays editable, so a clerk's change is seen by Refresh as a conflict rather than lost.
 */
export function contentControl(c: ContentControl): OoxmlElement {
  return el("w:sdt", {}, [
    // Attribute values lose tabs and line breaks to attribute normalisation; the title is one line anyway.
    orderedEl("w:sdtPr", {}, [
      val("w:alias", c.alias.replace(/[\t\n\r]/g, " ")),
      val("w:tag", c.tag),
      val("w:id", c.id),
      val("w:lock", "sdtLocked"),
    ]),
    el("w:sdtContent", {}, c.content),
  ]);
}
