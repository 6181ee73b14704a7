// One content-control module: which `w:sdt` is which figure, what text it shows, whether the
// clerk changed it, and how new text replaces its content keeping the run's formatting. The
// byte-exact patcher (patch.ts) realises it on document.xml; the Word adapter (adapters/word) realises
// the same decisions through Office.js. Pure: no DOM, Node or Office.
//
// API (for every caller that edits figures in a document):
// - locate   `locateControls(xml, untagged?)` → every `lr:`-tagged control with its text and spans;
//            with `untagged`, the controls whose tag another program emptied, to be placed again by
//            `placeUntagged(untagged, record, orderAllowed)` (bookmark anchor `lr_<id>`, then order).
//            `figureOfTag(tag)` / `figureTag(id)`: the tag ↔ figure mapping.
// - read     `LocatedControl.text`, by one set of rules: `w:t`; `w:tab` → \t; `w:br`, `w:cr` → \n;
//            `w:sym` → its character; \n between paragraphs; nothing deleted or moved away under
//            Track Changes; "" while Word shows its placeholder. `textOfWordControl(ContentControl.text)`
//            brings Word's own spelling (\v, \r) to the same text; `currentTextOfOoxml(getOoxml())`
//            reads a control's OOXML by the same rules.
// - decide   `unchangedSinceReview(now, reviewed)`: a control still as the review saw it;
//            `contentLook(text)`: how new text looks (a placeholder highlighted yellow, a number not).
// - replace  `replaceControlContents(xml, controls, writes)` → the new document.xml, every byte
//            outside the replaced spans untouched; `contentXml(control, text)`: one control's new
//            inside, in the formatting of its first run that shows text; `sdtPropertiesXml(…)` and
//            `contentControlXml(…)`: a control's `w:sdtPr` / a whole run-level control, children in
//            schema order (wml-order.ts).
import { escapeXmlAttribute, escapeXmlText, slotIdFromTag, slotTag } from "../../core/link";
import type { FoundControl } from "../../core/refresh/plan";
import type { LinkRecord } from "../../core/types";
import { isPlaceholderText } from "../../core/format";
import { attribute, characterData, scanTags, XmlScanError } from "./xml-scan";
import { figureOfBookmark } from "./bookmark-names";
import { inSchemaOrder, insertChild } from "./wml-order";

/** The figure a control's tag names (`lr:<id>`), or null for a control that is not ours. */
export const figureOfTag: (tag: string) => string | null = slotIdFromTag;
/** The tag of a figure's control. */
export const figureTag: (figureId: string) => string = slotTag;

/**
 * ContentControl.text in this module's text: Word spells a line break (Shift+Enter) `\v` and a
 * paragraph end `\r`; the file reader reads both as `\n`, so a hand edit reads the same on either path.
 */
export function textOfWordControl(text: string): string {
  return text.replace(/\r\n?|[\r\v\f]/g, "\n");
}

/** Whether a control, as found now, still shows what the review saw (same tag, same text): only then is it written. */
export function unchangedSinceReview(
  now: { tag: string; text: string },
  reviewed: { id: string; text: string; rawText?: string },
): boolean {
  return now.tag === figureTag(reviewed.id) && now.text === (reviewed.rawText ?? reviewed.text);
}

/**
 * What goes between a new figure control and the figure controls right beside it: a zero-width space
 * on each side where another figure control touches it with nothing between (`{{单位名称}}{{年度}}`, or
 * a figure inserted at the cursor just after one), nothing elsewhere. LibreOffice (7.4) re-saves two
 * adjacent inline controls nested one in the other, which a later refresh would read as the clerk's
 * edit; the space is invisible and outside both controls. The one rule for the file filler (fill.ts)
 * and Word's insert at the cursor (word/place.ts).
 */
export const FIGURE_SEPARATOR = "\u200B";
export function figureSeparators(touching: { before: boolean; after: boolean }): { before: string; after: string } {
  return { before: touching.before ? FIGURE_SEPARATOR : "", after: touching.after ? FIGURE_SEPARATOR : "" };
}

/** How a figure's new text looks: a placeholder (［待补：…］) is highlighted yellow so no one signs it unseen; a number is not. */
export function contentLook(text: string): { highlight: "yellow" | null } {
  return { highlight: isPlaceholderText(text) ? "yellow" : null };
}

/** A figure control located in document.xml. */
export interface LocatedControl extends FoundControl {
  /** The span replaced on a write: the inside of `w:sdtContent`, or the whole tag when it was written `<w:sdtContent/>`. */
  contentStart: number;
  contentEnd: number;
  /** True when the span is a self-closing `<w:sdtContent/>`, so a write must supply the element itself. */
  emptyContent?: boolean;
  /** Span of `<w:showingPlcHdr/>` in its properties: Word's placeholder flag, dropped when a real value is written. */
  placeholder?: { start: number; end: number };
  /** Raw `<w:rPr>…</w:rPr>` of its first run that shows text (else its first run), reused for the new text. */
  runProperties: string;
  /** Raw `<w:pPr>…</w:pPr>` of its first paragraph when the control holds paragraphs; null for a run-level control. */
  paragraphProperties: string | null;
  /** How it was found: its tag, or — its tag emptied by another word processor — its bookmark, or the record's order and text. */
  anchor?: "tag" | "bookmark" | "order";
  /** Bookmark elements lying directly in its content (LibreOffice moves the bookmark start there), kept on a write. */
  innerMarks?: string;
  /**
   * In a text box (w:txbxContent): a story of its own, outside Word's Body.contentControls. A text box
   * is written twice (DrawingML and its VML fallback), so its figure is found, and written, twice.
   */
  inTextBox?: true;
  /** For a control found again without its tag: the new `w:sdtPr` restoring tag, title and lock. */
  restore?: { start: number; end: number; xml: string };
  /**
   * A table figure whose block control another word processor dissolved (regainTableFigures): the
   * span is its bare table, always written again whole, inside these tags that make it a control again.
   */
  regained?: { open: string; close: string };
}

/** A `w:sdt` without an `lr:` tag, as another word processor leaves ours: placed again from the link record. */
export interface UntaggedControl extends Omit<LocatedControl, "id" | "anchor" | "restore"> {
  /** The `lr_` bookmark just before it or at the start of its content. */
  bookmark: string | null;
  /** Span of its whole `w:sdtPr`, replaced when its tag is restored. */
  propertiesStart: number;
  propertiesEnd: number;
  /** Its `w:sdtPr`'s `w:rPr`, kept when the properties are rebuilt. */
  controlRunProperties: string;
}

/**
 * Figures for controls whose tag another word processor emptied: by the `lr_` bookmark around each
 * first; then, only where no control kept its tag and none was placed by bookmark, by the record's
 * order (figures are recorded in the order they first appear) and their last written text. A control
 * that cannot be placed with certainty is left out — it is then reported, never written.
 */
export function placeUntagged(untagged: UntaggedControl[], record: LinkRecord, orderAllowed: boolean): LocatedControl[] {
  const ids = record.figures.map((f) => f.id);
  const names = new Map(record.figures.map((f) => [f.id, f.name]));
  let restoreId = 1_000_000;
  const place = (u: UntaggedControl, id: string, anchor: "bookmark" | "order"): LocatedControl => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the bookmark is dropped: a located control has none
    const { bookmark: _b, propertiesStart, propertiesEnd, controlRunProperties, ...located } = u;
    const xml = sdtPropertiesXml({ runProperties: controlRunProperties, alias: names.get(id) ?? id, tag: figureTag(id), id: restoreId++ });
    return { ...located, id, anchor, restore: { start: propertiesStart, end: propertiesEnd, xml } };
  };
  const byBookmark: LocatedControl[] = [];
  const rest: UntaggedControl[] = [];
  for (const u of untagged) {
    const id = u.bookmark ? figureOfBookmark(u.bookmark, ids) : null;
    if (id) byBookmark.push(place(u, id, "bookmark"));
    else rest.push(u);
  }
  if (byBookmark.length || !orderAllowed) return byBookmark;

  const figs = record.figures;
  const out: LocatedControl[] = [];
  let p = 0;
  rest.forEach((u, i) => {
    const next = figs[p];
    if (next && u.text === next.text) {
      out.push(place(u, next.id, "order"));
      p++;
      return;
    }
    // A figure used again further on (the year in the closing line): only when one figure fits.
    const repeats = figs.slice(0, p).filter((f) => f.text === u.text);
    if (repeats.length === 1) {
      out.push(place(u, repeats[0].id, "order"));
      return;
    }
    if (repeats.length > 1 || !next) return;
    // Hand-edited: placed by order only when the control after it lines up with the figure after.
    const after = rest[i + 1];
    if (after ? figs[p + 1] !== undefined && after.text === figs[p + 1].text : p === figs.length - 1) {
      out.push(place(u, next.id, "order"));
      p++;
    }
  });
  return out;
}

/** Containers whose children are paragraphs and tables: a control there is block-level. */
const BLOCK_PARENTS = new Set([
  "w:body",
  "w:tc",
  "w:txbxContent",
  "w:hdr",
  "w:ftr",
  "w:footnote",
  "w:endnote",
  "w:comment",
  "w:docPartBody",
]);

const OFF = new Set(["false", "0", "off"]);

interface Frame {
  id: string | null;
  block: boolean;
  inProperties: boolean;
  contentStart: number;
  contentEnd: number;
  emptyContent: boolean;
  text: string;
  placeholder: { start: number; end: number } | null;
  placeholderOpen: number;
  /** The w:rPr in w:sdtPr: what Word formats the content with once the placeholder is replaced. */
  controlRunProperties: string | null;
  /** Depth (index in the element stack) of the run being read, -1 outside one. */
  runDepth: number;
  runProperties: string;
  propertiesStart: number;
  firstRunProperties: string | null;
  textRunProperties: string | null;
  paragraphs: number;
  paragraphDepth: number;
  paragraphProperties: string | null;
  paragraphPropertiesStart: number;
  bookmark: string | null;
  sdtPrStart: number;
  sdtPrEnd: number;
  inTextBox: boolean;
  innerMarks: string;
}

function newFrame(block: boolean): Frame {
  return {
    id: null,
    block,
    inProperties: false,
    contentStart: -1,
    contentEnd: -1,
    emptyContent: false,
    text: "",
    placeholder: null,
    placeholderOpen: -1,
    controlRunProperties: null,
    runDepth: -1,
    runProperties: "",
    propertiesStart: -1,
    firstRunProperties: null,
    textRunProperties: null,
    paragraphs: 0,
    paragraphDepth: -1,
    paragraphProperties: null,
    paragraphPropertiesStart: -1,
    bookmark: null,
    sdtPrStart: -1,
    sdtPrEnd: -1,
    inTextBox: false,
    innerMarks: "",
  };
}

const inside = (f: Frame | undefined): f is Frame => f !== undefined && f.contentStart >= 0 && f.contentEnd < 0;

/**
 * Finds every `w:sdt` tagged `lr:<id>` with the text it shows and where its content lies, in one
 * pass. The text is what a reader sees: `w:t`, tabs and breaks (so a clerk's line break is an edit),
 * a line between paragraphs, nothing from deleted revisions, "" while Word shows its placeholder.
 */
export function locateControls(xml: string, untagged?: UntaggedControl[]): LocatedControl[] {
  const found: LocatedControl[] = [];
  const frames: Frame[] = [];
  const names: string[] = [];
  let textStart = -1;
  /** An `lr_` bookmark started outside any control, waiting for the control it stands before. */
  let pendingBookmark: string | null = null;

  /** Depth of w:del / w:moveFrom around the current element: what Track Changes shows as gone. */
  let away = 0;

  const addText = (s: string) => {
    if (away > 0) return;
    if (!frames.some(inside)) pendingBookmark = null;
    for (const f of frames) if (inside(f)) f.text += s;
    const f = frames[frames.length - 1];
    if (inside(f) && f.runDepth >= 0 && f.textRunProperties === null) f.textRunProperties = f.runProperties;
  };

  scanTags(xml, (tag) => {
    const frame = frames[frames.length - 1];
    const inContent = inside(frame);
    const depth = names.length;
    if (tag.kind === "open" || tag.kind === "empty") {
      const parent = names[depth - 1];
      switch (tag.name) {
        case "w:sdt":
          if (tag.kind === "open") {
            const f = newFrame(BLOCK_PARENTS.has(parent) || (parent === "w:sdtContent" && frame?.block === true));
            // An sdt may have no w:sdtPr at all: its properties, when restored, go right after the start tag.
            f.sdtPrStart = f.sdtPrEnd = tag.end;
            f.inTextBox = names.includes("w:txbxContent");
            f.bookmark = pendingBookmark;
            pendingBookmark = null;
            frames.push(f);
          }
          break;
        case "w:sdtPr":
          if (frame && parent === "w:sdt") {
            frame.sdtPrStart = tag.start;
            if (tag.kind === "open") frame.inProperties = true;
            else frame.sdtPrEnd = tag.end;
          }
          break;
        case "w:bookmarkStart":
        case "w:bookmarkEnd": {
          const name = tag.name === "w:bookmarkStart" ? (attribute(tag.attrs, "w:name") ?? "") : "";
          if (inContent && parent === "w:sdtContent") {
            frame.innerMarks += xml.slice(tag.start, tag.end);
            if (name.startsWith("lr_") && frame.text === "") frame.bookmark ??= name;
          } else if (name.startsWith("lr_") && !frames.some(inside)) pendingBookmark = name;
          break;
        }
        case "w:tag":
          if (frame?.inProperties && parent === "w:sdtPr") frame.id = slotIdFromTag(attribute(tag.attrs, "w:val") ?? "");
          break;
        case "w:showingPlcHdr":
          if (frame?.inProperties && parent === "w:sdtPr" && !OFF.has((attribute(tag.attrs, "w:val") ?? "").toLowerCase())) {
            if (tag.kind === "empty") frame.placeholder = { start: tag.start, end: tag.end };
            else frame.placeholderOpen = tag.start;
          }
          break;
        case "w:sdtContent":
          if (frame && parent === "w:sdt") {
            if (tag.kind === "open") frame.contentStart = tag.end;
            else [frame.contentStart, frame.contentEnd, frame.emptyContent] = [tag.start, tag.end, true];
          }
          break;
        case "w:t":
          if (tag.kind === "open") textStart = tag.end;
          break;
        case "w:tab":
          if (parent === "w:r") addText("\t");
          break;
        case "w:br":
        case "w:cr":
          if (parent === "w:r") addText("\n");
          break;
        case "w:sym":
          if (parent === "w:r") addText(symbolText(attribute(tag.attrs, "w:char")));
          break;
        case "w:del":
        case "w:moveFrom":
          if (tag.kind === "open") away++;
          break;
        case "w:r":
          if (inContent && frame.runDepth < 0 && tag.kind === "open") [frame.runDepth, frame.runProperties] = [depth, ""];
          break;
        case "w:rPr":
          if (inContent && frame.runDepth === depth - 1) {
            if (tag.kind === "empty") frame.runProperties = xml.slice(tag.start, tag.end);
            else frame.propertiesStart = tag.start;
          } else if (frame?.inProperties && parent === "w:sdtPr") {
            if (tag.kind === "empty") frame.controlRunProperties = xml.slice(tag.start, tag.end);
            else frame.propertiesStart = tag.start;
          }
          break;
        case "w:p":
          for (const f of frames) if (inside(f) && f.paragraphs++ > 0) f.text += "\n";
          if (inContent && frame.paragraphs === 1 && tag.kind === "open") frame.paragraphDepth = depth;
          break;
        case "w:pPr":
          if (inContent && frame.paragraphs === 1 && frame.paragraphDepth === depth - 1 && frame.paragraphProperties === null) {
            if (tag.kind === "empty") frame.paragraphProperties = xml.slice(tag.start, tag.end);
            else frame.paragraphPropertiesStart = tag.start;
          }
          break;
      }
      if (tag.kind === "open") names.push(tag.name);
      return;
    }
    // Closing tags; `depth` is now the closing element's own index.
    names.pop();
    const own = depth - 1;
    switch (tag.name) {
      case "w:del":
      case "w:moveFrom":
        away--;
        break;
      case "w:t":
        if (textStart >= 0) {
          const text = characterData(xml.slice(textStart, tag.start));
          if (text) addText(text);
          textStart = -1;
        }
        break;
      case "w:rPr":
        if (frame && frame.propertiesStart >= 0) {
          if (inContent && frame.runDepth === own - 1) frame.runProperties = xml.slice(frame.propertiesStart, tag.end);
          else if (frame.inProperties && names[own - 1] === "w:sdtPr")
            frame.controlRunProperties = xml.slice(frame.propertiesStart, tag.end);
          else break; // a w:rPr inside w:rPrChange: the outer one is still open
          frame.propertiesStart = -1;
        }
        break;
      case "w:r":
        if (inContent && frame.runDepth === own) {
          frame.firstRunProperties ??= frame.runProperties;
          frame.runDepth = -1;
        }
        break;
      case "w:pPr":
        if (inContent && frame.paragraphPropertiesStart >= 0 && frame.paragraphDepth === own - 1) {
          frame.paragraphProperties = xml.slice(frame.paragraphPropertiesStart, tag.end);
          frame.paragraphPropertiesStart = -1;
        }
        break;
      case "w:showingPlcHdr":
        if (frame && frame.placeholderOpen >= 0) {
          frame.placeholder = { start: frame.placeholderOpen, end: tag.end };
          frame.placeholderOpen = -1;
        }
        break;
      case "w:sdtPr":
        if (frame && names[own - 1] === "w:sdt") {
          frame.inProperties = false;
          frame.sdtPrEnd = tag.end;
        }
        break;
      case "w:p":
        if (!frames.some(inside)) pendingBookmark = null;
        break;
      case "w:sdtContent":
        if (frame && names[own - 1] === "w:sdt" && frame.contentStart >= 0) frame.contentEnd = tag.start;
        break;
      case "w:sdt": {
        const done = frames.pop();
        if (done && done.contentStart >= 0 && done.contentEnd >= 0 && (done.id || untagged)) {
          const control: Omit<LocatedControl, "id"> = {
            text: done.placeholder ? "" : done.text,
            contentStart: done.contentStart,
            contentEnd: done.contentEnd,
            runProperties: (done.placeholder ? done.controlRunProperties : (done.textRunProperties ?? done.firstRunProperties)) ?? "",
            paragraphProperties: done.block || done.paragraphs > 0 ? (done.paragraphProperties ?? "") : null,
          };
          if (done.emptyContent) control.emptyContent = true;
          if (done.placeholder) control.placeholder = done.placeholder;
          if (done.innerMarks) control.innerMarks = done.innerMarks;
          if (done.inTextBox) control.inTextBox = true;
          if (done.id) found.push({ id: done.id, ...control, anchor: "tag" });
          else if (untagged)
            untagged.push({
              ...control,
              bookmark: done.bookmark,
              propertiesStart: done.sdtPrStart,
              propertiesEnd: done.sdtPrEnd,
              controlRunProperties: done.controlRunProperties ?? "",
            });
        }
        break;
      }
    }
  });
  if (frames.length > 0 || names.length > 0) throw new XmlScanError("unclosed elements at the end of document.xml");
  // Document order: a control closes after any control nested in it, so sort by position.
  return found.sort((a, b) => a.contentStart - b.contentStart);
}

const HIGHLIGHT = /<w:highlight\b[^>]*?(?:\/>|>\s*<\/w:highlight>)/g;

/**
 * The run properties for a write, by contentLook: a placeholder is highlighted yellow (w:highlight in
 * its schema place among the run's properties), a number is not — a value written over a
 * placeholder must not inherit its highlight.
 */
export function runPropertiesFor(runProperties: string, placeholder: boolean): string {
  const plain = runProperties.replace(HIGHLIGHT, "");
  if (!placeholder) return plain.replace(/^<w:rPr>\s*<\/w:rPr>$/, "").replace(/^<w:rPr\s*\/>$/, "");
  return insertChild("w:rPr", plain, "w:highlight", '<w:highlight w:val="yellow"/>');
}

/** The new inside of a control: one run with the first run's formatting (in a paragraph if it held paragraphs). */
export function contentXml(control: LocatedControl, text: string): string {
  const properties = runPropertiesFor(control.runProperties, contentLook(text).highlight !== null);
  // A bookmark inside the content (where LibreOffice moves ours) stays: it is the figure's second anchor.
  const run = `${control.innerMarks ?? ""}<w:r>${properties}<w:t xml:space="preserve">${escapeXmlText(text)}</w:t></w:r>`;
  const inner = control.paragraphProperties === null ? run : `<w:p>${control.paragraphProperties}${run}</w:p>`;
  return control.emptyContent ? `<w:sdtContent>${inner}</w:sdtContent>` : inner;
}

/**
 * The new inside of a block-level control given as whole blocks (a table figure's table): only a
 * block-level control can hold them; an inline one keeps getting text, so callers check first.
 */
function blockContentXml(control: LocatedControl, blocks: string): string {
  const inner = `${control.innerMarks ?? ""}${blocks}`;
  return control.emptyContent ? `<w:sdtContent>${inner}</w:sdtContent>` : inner;
}

/**
 * document.xml with new text in the given controls (and the tags of controls placed again restored);
 * every byte outside the replaced spans stays as it was.
 */
export function replaceControlContents(
  xml: string,
  controls: readonly LocatedControl[],
  writes: readonly { index: number; text: string; block?: string }[],
): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const c of controls) if (c.restore) edits.push({ start: c.restore.start, end: c.restore.end, text: c.restore.xml });
  for (const w of writes) {
    const c = controls[w.index];
    if (c.placeholder) edits.push({ ...c.placeholder, text: "" });
    edits.push({
      start: c.contentStart,
      end: c.contentEnd,
      text: w.block !== undefined ? blockContentXml(c, w.block) : contentXml(c, w.text),
    });
  }
  if (edits.length === 0) return xml;
  edits.sort((a, b) => a.start - b.start);
  // One forward pass; an edit inside one already made (a control nested in a rewritten one) is gone with it.
  const pieces: string[] = [];
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue;
    pieces.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  pieces.push(xml.slice(at));
  return pieces.join("");
}

/** What a figure control's properties say: its title (the figure's name), tag, Word id, and the run formatting Word keeps there. */
export interface ControlProperties {
  alias: string;
  tag: string;
  id: number;
  /** Raw `<w:rPr>…</w:rPr>` of the control's own properties, or "". */
  runProperties?: string;
}

/**
 * A figure control's `w:sdtPr`, children in schema order. sdtLocked keeps the control from being
 * deleted while its text stays editable, so a clerk's change is seen as a conflict rather than lost.
 * The title loses tabs and line breaks (attribute normalisation would turn them into spaces anyway).
 */
export function sdtPropertiesXml(p: ControlProperties): string {
  const children: [string, string][] = [
    ["w:alias", `<w:alias w:val="${escapeXmlAttribute(p.alias.replace(/[\t\n\r]/g, " "))}"/>`],
    ["w:tag", `<w:tag w:val="${escapeXmlAttribute(p.tag)}"/>`],
    ["w:id", `<w:id w:val="${p.id}"/>`],
    ["w:lock", `<w:lock w:val="sdtLocked"/>`],
  ];
  if (p.runProperties) children.push(["w:rPr", p.runProperties]);
  const ordered = inSchemaOrder("w:sdtPr", children, ([name]) => name);
  return `<w:sdtPr>${ordered.map(([, xml]) => xml).join("")}</w:sdtPr>`;
}

/** A whole run-level figure control showing `text` in the given run formatting (raw `w:rPr` or ""), to stand inside a `w:p`. */
export function contentControlXml(p: ControlProperties & { text: string; textRunProperties?: string }): string {
  const properties = runPropertiesFor(p.textRunProperties ?? "", contentLook(p.text).highlight !== null);
  return `<w:sdt>${sdtPropertiesXml(p)}<w:sdtContent><w:r>${properties}<w:t xml:space="preserve">${escapeXmlText(p.text)}</w:t></w:r></w:sdtContent></w:sdt>`;
}

/** The character a `w:sym` shows: its `w:char` code (symbol fonts use the private-use area F000–F0FF). */
function symbolText(code: string | null): string {
  const n = code ? parseInt(code, 16) : NaN;
  return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
}

/**
 * The text of a control's OOXML (ContentControl.getOoxml, WordApi 1.1) as it reads with tracked
 * changes accepted: the outermost control's text, by the same rules as the file reader.
 */
export function currentTextOfOoxml(ooxml: string): string {
  const untagged: UntaggedControl[] = [];
  let found: { text: string; contentStart: number }[];
  try {
    found = [...locateControls(ooxml, untagged), ...untagged];
  } catch (e) {
    if (e instanceof XmlScanError) return "";
    throw e;
  }
  found.sort((a, b) => a.contentStart - b.contentStart);
  return found[0]?.text ?? "";
}

/** Text of every figure control, for tests and for the pane's status list. */
export function controlTexts(xml: string): { id: string; text: string }[] {
  return locateControls(xml).map(({ id, text }) => ({ id, text }));
}
