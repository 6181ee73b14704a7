// An in-memory Word document behind the Word JavaScript API subset the add-in uses, with the habits
// of the real one that matter to it: proxies queue work and `context.sync()` runs the queue as one
// round trip (counted); reading a property or a ClientResult before load+sync throws
// PropertyNotLoaded; methods newer than the configured requirement sets throw ApiNotFound when
// called; `insertFileFromBase64` replaces the body with the file's content and, like Word, leaves
// the document's custom XML parts alone (it never imports the file's). The older Common API
// (`Office.context.document.customXmlParts`) is answered from the same parts, for WordApi < 1.4.
// Runs in Node (tests) and in the browser (playground, end-to-end tests); no Node or DOM APIs.
import { strFromU8, unzipSync, zipSync, type Unzipped } from "fflate";
import { SaxesParser } from "saxes";
import { childElements, descendant, firstChild, namespaceOf, ownText, parseXml, type XmlElement } from "./xml";
import {
  installGlobals,
  officeGlobal,
  SIM_ERROR_CODES,
  newSyncStats,
  notLoadedMessage,
  RequirementSets,
  SimCollectionCore,
  SimContextCore,
  SimObjectCore,
  SimOfficeError,
  type SimClientResult,
  type SimHostCore,
  type SimSyncStats,
} from "./common";

// ---------------------------------------------------------------------------------------------
// Errors, shaped like OfficeExtension.Error.

export const SimWordErrorCodes = SIM_ERROR_CODES;

/** Word's OfficeExtension.Error, with Word's default messages. */
export class SimWordError extends SimOfficeError {
  constructor(code: string, message?: string, errorLocation?: string) {
    super(code, message ?? DEFAULT_MESSAGES[code] ?? code, errorLocation);
  }
}

function fail(code: string, location?: string, message?: string): never {
  throw new SimWordError(code, message ?? DEFAULT_MESSAGES[code] ?? code, location);
}

const DEFAULT_MESSAGES: Record<string, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ItemNotFound: "The requested resource doesn't exist.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
};

function notLoaded(location: string, name: string): never {
  fail("PropertyNotLoaded", location, notLoadedMessage(name));
}

// ---------------------------------------------------------------------------------------------
// The document model.

/** A stretch of body text, or the end of a paragraph, with the controls it lies in (outermost first). */
type Item =
  /** `highlight` is the run's highlight colour as Word names it (`yellow`), absent when none. */
  (
    | { kind: "text"; text: string; controls: number[]; revision?: "inserted" | "deleted"; highlight?: string }
    /** The end of a paragraph, with the paragraph's style id (none: the default paragraph style). */
    | { kind: "break"; controls: number[]; style?: string }
  ) & {
    /** The table cell the item lies in (outermost table only): what Table.values reads. */
    cell?: CellRef;
  };

/** A cell of a table: the table (unique in the document), its row and its column, zero-based. */
interface CellRef {
  table: number;
  row: number;
  col: number;
  /** TableCell.columnWidth in points: the cell's w:tcW (dxa), else its grid column's; absent when neither gives one. */
  width?: number;
}

/** Tables get ids unique across every body parsed, so an inserted table never merges with another. */
let nextTableId = 1;

// ---------------------------------------------------------------------------------------------
// Styles and settings: what decides how inserted paragraphs look. Parsed with a general XML parser.

/** What a style (or the document defaults) sets; unset fields come from further up. */
interface Formatting {
  font?: string;
  /** Points. */
  size?: number;
  /** Line spacing in points, as Paragraph.lineSpacing gives it. */
  lineSpacing?: number;
}

interface StyleModel extends Formatting {
  id: string;
  name: string;
  type: string;
  basedOn?: string;
  isDefault: boolean;
}

export interface SimStyleSheet {
  docDefaults: Formatting;
  styles: Map<string, StyleModel>;
}

/** A new blank document in Word (zh-CN): 等线 五号 (10.5 pt), single spacing, on Normal. */
export function blankStyleSheet(): SimStyleSheet {
  return {
    docDefaults: { font: "等线", size: 10.5, lineSpacing: 12 },
    styles: new Map([["Normal", { id: "Normal", name: "Normal", type: "paragraph", isDefault: true }]]),
  };
}

function eachElement(xml: string, onOpen: (name: string, attrs: Record<string, string>) => void, onClose?: (name: string) => void): void {
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => onOpen(tag.name, tag.attributes as Record<string, string>));
  if (onClose) parser.on("closetag", (tag) => onClose(tag.name));
  parser.write(xml).close();
}

function parseStyleSheet(xml: string): SimStyleSheet {
  const sheet: SimStyleSheet = { docDefaults: {}, styles: new Map() };
  let current: Formatting | null = null;
  let style: StyleModel | null = null;
  eachElement(
    xml,
    (name, a) => {
      switch (name) {
        case "w:docDefaults":
          current = sheet.docDefaults;
          break;
        case "w:style":
          style = { id: a["w:styleId"] ?? "", name: "", type: a["w:type"] ?? "paragraph", isDefault: a["w:default"] === "1" };
          current = style;
          break;
        case "w:name":
          if (style) style.name = a["w:val"] ?? "";
          break;
        case "w:basedOn":
          if (style) style.basedOn = a["w:val"];
          break;
        case "w:rFonts":
          if (current) current.font = a["w:eastAsia"] ?? a["w:ascii"] ?? current.font;
          break;
        case "w:sz":
          if (current) current.size = Number(a["w:val"]) / 2;
          break;
        case "w:spacing":
          if (current && a["w:line"] !== undefined && a["w:lineRule"] !== undefined)
            current.lineSpacing = a["w:lineRule"] === "auto" ? (12 * Number(a["w:line"])) / 240 : Number(a["w:line"]) / 20;
          break;
      }
    },
    (name) => {
      if (name === "w:style" && style) {
        sheet.styles.set(style.id, style);
        style = null;
        current = null;
      } else if (name === "w:docDefaults") current = null;
    },
  );
  return sheet;
}

function parseEvenAndOddHeaders(xml: string | undefined): boolean {
  let on = false;
  if (xml)
    eachElement(xml, (name, a) => {
      if (name === "w:evenAndOddHeaders") on = a["w:val"] === undefined || a["w:val"] === "1" || a["w:val"] === "true";
    });
  return on;
}

/** A stretch of the document: its own text items (a caret is a range of none). */
interface SimRangeModel {
  items: Item[];
  readonly text: string;
}

function rangeOf(items: Item[]): SimRangeModel {
  return {
    items,
    get text() {
      return items.map((it) => (it.kind === "text" && it.revision !== "deleted" ? it.text : "")).join("");
    },
  };
}

interface ControlModel {
  key: number;
  /** ContentControl.id: what Word hands out, stable while the control lives. */
  wordId: number;
  tag: string;
  title: string;
  cannotDelete: boolean;
  cannotEdit: boolean;
  /** Word shows the control's placeholder text (w:showingPlcHdr) until something is typed in. */
  showingPlaceholder: boolean;
  /** The table cell the control stands in (ContentControl.parentTableCellOrNullObject), outermost table only. */
  cell?: CellRef;
}

interface PartModel {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface SimWordControlState {
  id: number;
  tag: string;
  title: string;
  /** As ContentControl.text gives it: with Track Changes, deleted text included. */
  text: string;
  /** As a reader sees it with the changes accepted (getReviewedText("Current")). */
  current: string;
  cannotDelete: boolean;
  /** Whether the text shown is the control's placeholder (w:showingPlcHdr), not content. */
  showingPlaceholder: boolean;
}

export interface SimWordPartState {
  id: string;
  namespaceUri: string;
  xml: string;
}

interface ParsedBody {
  items: Item[];
  /** The file's bookmarks (w:bookmarkStart … w:bookmarkEnd): each name with the items it spans, [from, to). */
  bookmarks?: { name: string; from: number; to: number }[];
  controls: Omit<ControlModel, "key" | "wordId">[];
  styles: SimStyleSheet;
  evenAndOddHeaders: boolean;
  footers: string[];
  /** The header and footer parts (headers first), each read as its own story with its controls. */
  stories: ParsedStory[];
  pageSize: { width: number; height: number } | null;
  parts: PartModel[];
}

/** A header or footer part: its text and controls, kept apart from the body as Word keeps them. */
export interface ParsedStory {
  kind: "header" | "footer";
  /** The header/footer types the section's w:headerReference/w:footerReference give this part (Primary, FirstPage, EvenPages). */
  types: string[];
  items: Item[];
  controls: Omit<ControlModel, "key" | "wordId">[];
}

/** The namespace of an XML document's root element, or null when the document is not well-formed. */
export function rootNamespace(xml: string): string | null {
  try {
    return namespaceOf(parseXml(xml));
  } catch {
    return null;
  }
}

function decode(bytes: Uint8Array): string {
  const s = strFromU8(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function newPartId(n: number): string {
  const hex = n.toString(16).toUpperCase().padStart(12, "0");
  return `{5A1D0C3E-0000-4000-8000-${hex}}`;
}

/** Reads what the simulated document needs from a .docx: body text and controls, footers, page size, custom XML parts. */
function parseDocx(bytes: Uint8Array, partIds: () => string): ParsedBody {
  let files: Unzipped;
  try {
    files = unzipSync(bytes);
  } catch {
    fail("InvalidArgument", "insertFileFromBase64", "The file is not a valid Word document.");
  }
  const doc = files["word/document.xml"];
  if (!doc) fail("InvalidArgument", "insertFileFromBase64", "The file is not a valid Word document.");
  const { items, controls, pageSize, bookmarks } = parseBody(decode(doc));
  const footers = Object.keys(files)
    .filter((n) => /^word\/footer\d*\.xml$/.test(n))
    .sort()
    .map((n) => textOf(decode(files[n])));
  // Which part is which header/footer: the sections' references through the document's relationships.
  // One section is modelled: a type's first reference wins (later sections' parts are read, unreachable by type).
  const rels = files["word/_rels/document.xml.rels"] ? decode(files["word/_rels/document.xml.rels"]) : "";
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? "";
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], "Id"), `word/${attr(m[0], "Target")}`]));
  const typesOf = new Map<string, string[]>();
  const seenTypes = new Set<string>();
  for (const m of decode(doc).matchAll(/<w:(header|footer)Reference\b[^>]*>/g)) {
    const type = HEADER_FOOTER_TYPES[attr(m[0], "w:type") || "default"] ?? "Primary";
    const target = targets.get(attr(m[0], "r:id"));
    if (!target || seenTypes.has(`${m[1]}:${type}`)) continue;
    seenTypes.add(`${m[1]}:${type}`);
    typesOf.set(target, [...(typesOf.get(target) ?? []), type]);
  }
  const stories: ParsedStory[] = (["header", "footer"] as const).flatMap((kind) =>
    Object.keys(files)
      .filter((n) => new RegExp(`^word/${kind}\\d*\\.xml$`).test(n))
      .sort(byNumber)
      .map((n) => {
        const { items, controls } = parseBody(decode(files[n]));
        return { kind, types: typesOf.get(n) ?? [], items, controls };
      }),
  );
  const parts: PartModel[] = [];
  for (const name of Object.keys(files).sort(byNumber)) {
    const m = /^customXml\/item(\d*)\.xml$/i.exec(name);
    if (!m) continue;
    const xml = decode(files[name]);
    const props = files[`customXml/itemProps${m[1]}.xml`];
    const id = (props && itemIdOf(decode(props))) || partIds();
    parts.push({ id, namespaceUri: rootNamespace(xml) ?? "", xml });
  }
  const styleXml = files["word/styles.xml"];
  const styles = styleXml ? parseStyleSheet(decode(styleXml)) : blankStyleSheet();
  const evenAndOddHeaders = parseEvenAndOddHeaders(files["word/settings.xml"] ? decode(files["word/settings.xml"]) : undefined);
  return { items, controls, bookmarks, styles, evenAndOddHeaders, footers, stories, pageSize, parts };
}

/** w:headerReference/@w:type → Word.HeaderFooterType. */
const HEADER_FOOTER_TYPES: Record<string, string> = { default: "Primary", first: "FirstPage", even: "EvenPages" };

/** A datastore item's id (customXml/itemPropsN.xml), or null. */
function itemIdOf(xml: string): string | null {
  try {
    return parseXml(xml).attrs["ds:itemID"] ?? null;
  } catch {
    return null;
  }
}

function byNumber(a: string, b: string): number {
  const na = Number(/(\d+)\.xml$/.exec(a)?.[1] ?? 0);
  const nb = Number(/(\d+)\.xml$/.exec(b)?.[1] ?? 0);
  return na - nb || a.localeCompare(b);
}

/** A part's text (a footer's): its w:t elements in document order. */
function textOf(xml: string): string {
  let out = "";
  const walk = (e: XmlElement) => {
    for (const c of childElements(e)) {
      if (c.name === "w:t") out += ownText(c);
      else walk(c);
    }
  };
  walk(parseXml(xml));
  return out;
}

type Revision = "inserted" | "deleted" | undefined;

/** A CT_OnOff element: on when present, unless its w:val says otherwise. */
function onOff(element: XmlElement | undefined): boolean {
  return element !== undefined && !["0", "false", "off"].includes((element.attrs["w:val"] ?? "").toLowerCase());
}

/** The body as items, read as Word reads it (its own reader: text, tabs, breaks, symbols, revisions). */
function parseBody(xml: string): {
  items: Item[];
  controls: Omit<ControlModel, "key" | "wordId">[];
  pageSize: ParsedBody["pageSize"];
  bookmarks: NonNullable<ParsedBody["bookmarks"]>;
} {
  const items: Item[] = [];
  // Word keeps a file's bookmarks (a report's `lr_` anchors survive an .odt round trip that drops its controls).
  const bookmarks: NonNullable<ParsedBody["bookmarks"]> = [];
  const openBookmarks = new Map<string, { name: string; from: number }>();
  const controls: Omit<ControlModel, "key" | "wordId">[] = [];
  /** The controls the element being read lies in, outermost first. */
  const active: number[] = [];
  let pageSize: ParsedBody["pageSize"] = null;
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch {
    fail("InvalidArgument", "insertFileFromBase64", "The file is not a valid Word document.");
  }
  // A header or footer part (w:hdr, w:ftr) is read like a body.
  const body = root.name === "w:hdr" || root.name === "w:ftr" ? root : descendant(root, "w:body");
  /** The cell of the outermost table being read, if any. */
  let cell: CellRef | null = null;
  const pushItem = (item: Item) => {
    if (cell) item.cell = { ...cell };
    items.push(item);
  };

  const text = (value: string, revision: Revision, highlight: string) => {
    const item: Item = { kind: "text", text: value, controls: [...active] };
    if (revision) item.revision = revision;
    if (highlight) item.highlight = highlight;
    pushItem(item);
  };

  const run = (r: XmlElement, revision: Revision) => {
    // The run's highlight as Word names it (w:rPr/w:highlight), "" for none.
    const mark = (firstChild(firstChild(r, "w:rPr"), "w:highlight")?.attrs["w:val"] ?? "").toLowerCase();
    const highlight = mark === "none" ? "" : mark;
    for (const c of childElements(r))
      switch (c.name) {
        case "w:t":
          text(ownText(c), revision, highlight);
          break;
        case "w:delText":
          // Text deleted under Track Changes: still in ContentControl.text, not in the reviewed text.
          text(ownText(c), "deleted", highlight);
          break;
        case "w:tab":
          text("\t", revision, highlight);
          break;
        // Word's text spells a line break (Shift+Enter) \v and a page or column break \f.
        case "w:br":
          text(c.attrs["w:type"] === "page" || c.attrs["w:type"] === "column" ? "\f" : "\v", revision, highlight);
          break;
        case "w:cr":
          text("\v", revision, highlight);
          break;
        case "w:sym": {
          const code = parseInt(c.attrs["w:char"] ?? "", 16);
          if (Number.isFinite(code) && code > 0) text(String.fromCodePoint(code), revision, highlight);
          break;
        }
      }
  };

  /** A control (any level): listed, its content read inside it by `inner`. */
  const withControl = (c: XmlElement, inner: (content: XmlElement) => void) => {
    const props = firstChild(c, "w:sdtPr");
    const content = firstChild(c, "w:sdtContent");
    if (!content) return;
    const lock = firstChild(props, "w:lock")?.attrs["w:val"] ?? "";
    active.push(controls.length);
    controls.push({
      tag: firstChild(props, "w:tag")?.attrs["w:val"] ?? "",
      title: firstChild(props, "w:alias")?.attrs["w:val"] ?? "",
      cannotDelete: lock === "sdtLocked" || lock === "sdtContentLocked",
      cannotEdit: lock === "contentLocked" || lock === "sdtContentLocked",
      showingPlaceholder: onOff(firstChild(props, "w:showingPlcHdr")),
      ...(cell ? { cell: { ...cell } } : {}),
    });
    // An empty control still has a place in the text.
    pushItem({ kind: "text", text: "", controls: [...active] });
    inner(content);
    active.pop();
  };

  const walk = (element: XmlElement, revision: Revision) => {
    for (const c of childElements(element))
      switch (c.name) {
        case "w:sdt":
          withControl(c, (content) => walk(content, revision));
          break;
        case "w:tbl": {
          if (cell) {
            walk(c, revision);
            break;
          }
          const table = nextTableId++;
          let row = -1;
          let col = -1;
          const grid = childElements(firstChild(c, "w:tblGrid") ?? c)
            .filter((g) => g.name === "w:gridCol")
            .map((g) => Number(g.attrs["w:w"]) / 20);
          /** A cell's width in points as Word reports it: its own w:tcW in twips, else its grid column's. */
          const widthOf = (tc: XmlElement, at: number): number | undefined => {
            const w = firstChild(firstChild(tc, "w:tcPr"), "w:tcW");
            const own = w && (w.attrs["w:type"] ?? "dxa") === "dxa" ? Number(w.attrs["w:w"]) / 20 : NaN;
            return own > 0 ? own : grid[at] > 0 ? grid[at] : undefined;
          };
          // Rows and cells may stand inside row- and cell-level controls (CT_SdtRow, CT_SdtCell) or
          // custom XML: Word lists those controls and reads the cells inside them as the table's.
          const cells = (e: XmlElement): void => {
            for (const x of childElements(e))
              if (x.name === "w:tc") {
                cell = { table, row, col: ++col };
                const width = widthOf(x, col);
                if (width !== undefined) cell.width = width;
                walk(x, revision);
              } else if (x.name === "w:sdt") withControl(x, cells);
              else if (x.name === "w:customXml") cells(x);
          };
          const rows = (e: XmlElement): void => {
            for (const x of childElements(e))
              if (x.name === "w:tr") {
                row++;
                col = -1;
                cells(x);
              } else if (x.name === "w:sdt") withControl(x, rows);
              else if (x.name === "w:customXml") rows(x);
          };
          rows(c);
          cell = null;
          break;
        }
        case "w:p": {
          walk(c, revision);
          const style = firstChild(firstChild(c, "w:pPr"), "w:pStyle")?.attrs["w:val"];
          pushItem(style === undefined ? { kind: "break", controls: [...active] } : { kind: "break", controls: [...active], style });
          break;
        }
        case "w:r":
          run(c, revision);
          break;
        case "w:ins":
        case "w:moveTo":
          walk(c, "inserted");
          break;
        case "w:del":
        case "w:moveFrom":
          walk(c, "deleted");
          break;
        case "mc:AlternateContent":
          // Word reads the first choice it understands; the fallback is for older readers.
          walk(firstChild(c, "mc:Choice") ?? c, revision);
          break;
        case "w:pgSz":
          pageSize = { width: Number(c.attrs["w:w"] ?? 0), height: Number(c.attrs["w:h"] ?? 0) };
          break;
        case "w:bookmarkStart":
          if (c.attrs["w:name"]) openBookmarks.set(c.attrs["w:id"] ?? "", { name: c.attrs["w:name"], from: items.length });
          break;
        case "w:bookmarkEnd": {
          const start = openBookmarks.get(c.attrs["w:id"] ?? "");
          if (start) bookmarks.push({ name: start.name, from: start.from, to: items.length });
          openBookmarks.delete(c.attrs["w:id"] ?? "");
          break;
        }
        // Properties hold no text of the body.
        case "w:pPr":
        case "w:rPr":
        case "w:sdtPr":
          if (c.name === "w:pPr") {
            const sz = descendant(c, "w:pgSz");
            if (sz) pageSize = { width: Number(sz.attrs["w:w"] ?? 0), height: Number(sz.attrs["w:h"] ?? 0) };
          }
          break;
        default:
          walk(c, revision);
      }
  };
  if (body) walk(body, undefined);
  return { items, controls, pageSize, bookmarks };
}

/** The live document: every API write and every simulated clerk's edit lands here. */
export class SimWordDocument {
  private items: Item[] = [];
  private readonly controlsByKey = new Map<number, ControlModel>();
  /** The document's custom XML parts, in the order Word lists them. */
  readonly parts: PartModel[] = [];
  footers: string[] = [];
  pageSize: { width: number; height: number } | null = null;
  /** Track Changes (Review › Track Changes): edits are kept as tracked insertions and deletions. */
  trackChanges = false;
  /** The document's style sheet and document defaults. */
  styles: SimStyleSheet = blankStyleSheet();
  /** Settings › Different Odd & Even Pages (w:evenAndOddHeaders in settings.xml). */
  evenAndOddHeaders = false;
  private nextKey = 1;
  private nextWordId = 100;
  private nextPart = 1;
  /**
   * The headers and footers, each its own story as in Word: Body.contentControls does not reach
   * their controls; Document.contentControls does (with the body's), as does the section's
   * getHeader/getFooter(...).contentControls.
   */
  stories: { kind: "header" | "footer"; types: string[]; doc: SimWordDocument }[] = [];
  /** Headers/footers asked for by a type the file has none of: empty, and the same one each time. */
  private readonly emptyStories = new Map<string, SimWordDocument>();

  /** Section.getHeader/getFooter(type): the story of that type (one section is modelled). */
  storyFor(kind: "header" | "footer", type: string): SimWordDocument {
    const found = this.stories.find((st) => st.kind === kind && st.types.includes(type));
    if (found) return found.doc;
    const key = `${kind}:${type}`;
    if (!this.emptyStories.has(key))
      this.emptyStories.set(
        key,
        SimWordDocument.story({ kind, types: [type], items: [], controls: [] }, 900000 + 10000 * this.emptyStories.size),
      );
    return this.emptyStories.get(key)!;
  }

  /** The story whose text these items are: where a range's edits land. */
  docOfItems(items: readonly Item[]): SimWordDocument {
    const first = items[0];
    if (!first || this.items.includes(first)) return this;
    return [...this.stories.map((st) => st.doc), ...this.emptyStories.values()].find((d) => d.items.includes(first)) ?? this;
  }

  /** A header or footer story; its keys and ids start at `base`, so they never meet the body's. */
  private static story(parsed: ParsedStory, base: number): SimWordDocument {
    const doc = new SimWordDocument();
    doc.nextKey = base;
    doc.nextWordId = base;
    doc.replaceBody(
      { ...parsed, styles: blankStyleSheet(), evenAndOddHeaders: false, footers: [], stories: [], pageSize: null, parts: [] },
      "body",
    );
    doc.fileControlKeys = doc.controlKeys();
    return doc;
  }

  /** The story (body, header or footer) holding a control: what the control's methods act on. */
  docOf(key: number): SimWordDocument {
    if (this.controlsByKey.has(key)) return this;
    return [...this.stories.map((st) => st.doc), ...this.emptyStories.values()].find((d) => d.controlsByKey.has(key)) ?? this;
  }

  /** Every control of the document, body first, then headers and footers: Document.contentControls. */
  allControls(): ControlModel[] {
    return [this, ...this.stories.map((st) => st.doc), ...this.emptyStories.values()].flatMap((d) =>
      d.controlKeys().map((k) => d.control(k)!),
    );
  }

  /** The controls of the headers (or footers) as Word shows them, for assertions. */
  storyControls(kind: "header" | "footer"): SimWordControlState[] {
    return this.stories.filter((st) => st.kind === kind).flatMap((st) => st.doc.controls());
  }

  /** The clerk types over the n-th control with this tag in a header or footer. */
  typeInStoryControl(kind: "header" | "footer", tag: string, text: string): void {
    const story = this.stories.find((st) => st.kind === kind && st.doc.controls().some((c) => c.tag === tag));
    if (!story) throw new Error(`no ${kind} control tagged ${tag}`);
    story.doc.typeInControl(tag, text);
  }

  /** The file the document was opened from: what getFileAsync writes the current state into. */
  readonly openedFrom: Uint8Array | undefined;
  /** The keys of the file's controls, in the order their `w:sdt` start in it: how getFileAsync finds each again. */
  fileControlKeys: number[] = [];
  /** Controls removed with their content kept (ContentControl.delete(true)): the file keeps their words. */
  readonly unwrapped = new Set<number>();

  constructor(initialDocx?: Uint8Array) {
    this.openedFrom = initialDocx;
    if (!initialDocx) {
      this.items = [{ kind: "break", controls: [] }];
      return;
    }
    const parsed = parseDocx(initialDocx, () => this.newPartId());
    this.replaceBody(parsed, "document");
    this.fileControlKeys = this.controlKeys();
    this.parts.push(...parsed.parts);
    // Opening a file (not inserting one): its own styles and settings.
    this.styles = parsed.styles;
    this.evenAndOddHeaders = parsed.evenAndOddHeaders;
  }

  /**
   * Styles an inserted file brings: those this document lacks are added; a style it already has
   * keeps this document's definition, and the document defaults stay this document's.
   */
  importStyles(sheet: SimStyleSheet): void {
    for (const [id, st] of sheet.styles) if (!this.styles.styles.has(id)) this.styles.styles.set(id, st);
  }

  /** The style a paragraph ends up on: its own, or the default paragraph style when it has none or an unknown one. */
  private paragraphStyle(id: string | undefined): StyleModel | undefined {
    const all = this.styles.styles;
    return (id !== undefined ? all.get(id) : undefined) ?? [...all.values()].find((st) => st.type === "paragraph" && st.isDefault);
  }

  /** A paragraph's font, size and line spacing: its style, what that style is based on, then the document defaults. */
  formatOf(styleId: string | undefined): Required<Formatting> & { style: string } {
    const out: Formatting = {};
    const start = this.paragraphStyle(styleId);
    const seen = new Set<string>();
    for (let st = start; st && !seen.has(st.id); st = st.basedOn ? this.styles.styles.get(st.basedOn) : undefined) {
      seen.add(st.id);
      out.font ??= st.font;
      out.size ??= st.size;
      out.lineSpacing ??= st.lineSpacing;
    }
    const d = this.styles.docDefaults;
    return {
      style: start?.name ?? "Normal",
      font: out.font ?? d.font ?? "等线",
      size: out.size ?? d.size ?? 10.5,
      lineSpacing: out.lineSpacing ?? d.lineSpacing ?? 12,
    };
  }

  /** Each paragraph's text and style id, in document order (table cells included). */
  paragraphInfos(): { text: string; styleId: string | undefined }[] {
    const texts = this.paragraphs();
    const styles = this.items.filter((it): it is Extract<Item, { kind: "break" }> => it.kind === "break").map((it) => it.style);
    return texts.map((text, i) => ({ text, styleId: styles[i] }));
  }

  newPartId(): string {
    return newPartId(this.nextPart++);
  }

  // --- state, for assertions -------------------------------------------------------------

  /** Every content control in document order, with the text it shows. */
  controls(): SimWordControlState[] {
    return this.controlKeys().map((key) => {
      const c = this.controlsByKey.get(key)!;
      return {
        id: c.wordId,
        tag: c.tag,
        title: c.title,
        text: this.controlText(key),
        current: this.controlText(key, "Current"),
        cannotDelete: c.cannotDelete,
        showingPlaceholder: c.showingPlaceholder,
      };
    });
  }

  /** The text of each paragraph, in document order (table cells included). */
  paragraphs(): string[] {
    const out: string[] = [];
    let current = "";
    let open = false;
    for (const it of this.items) {
      if (it.kind === "text") {
        // As read with tracked changes accepted.
        if (it.revision !== "deleted") current += it.text;
        open = true;
      } else {
        out.push(current);
        current = "";
        open = false;
      }
    }
    if (open) out.push(current);
    return out;
  }

  /** The whole body as Word's Body.text gives it: paragraphs separated by \r. */
  text(): string {
    return this.paragraphs().join("\r");
  }

  customXmlParts(): SimWordPartState[] {
    return this.parts.map((p) => ({ ...p }));
  }

  // --- a clerk's edits -------------------------------------------------------------------

  /** The clerk retypes part of the narrative: `find` must lie in text outside every control. */
  editNarrative(find: string, replacement: string): void {
    const it = this.items.find((i) => i.kind === "text" && i.controls.length === 0 && i.text.includes(find));
    if (!it || it.kind !== "text") throw new Error(`no narrative text contains ${JSON.stringify(find)}`);
    it.text = it.text.replace(find, replacement);
  }

  /** The clerk turns Track Changes on or off. */
  setChangeTracking(on: boolean): void {
    this.trackChanges = on;
  }

  /** The clerk accepts every tracked change. */
  acceptAllChanges(): void {
    this.items = this.items.filter((it) => !(it.kind === "text" && it.revision === "deleted"));
    for (const it of this.items) if (it.kind === "text") delete it.revision;
  }

  /** The clerk types over the n-th control with this tag. */
  typeInControl(tag: string, text: string, occurrence = 0): void {
    this.replaceControlText(this.keyByTag(tag, occurrence), text);
  }

  /** The clerk ticks "Contents cannot be edited" on the n-th control with this tag. */
  lockControl(tag: string, occurrence = 0): void {
    this.controlsByKey.get(this.keyByTag(tag, occurrence))!.cannotEdit = true;
  }

  /** The clerk deletes the n-th control with this tag (with its text unless keepContent). */
  deleteControl(tag: string, occurrence = 0, keepContent = false): void {
    this.removeControl(this.keyByTag(tag, occurrence), keepContent);
  }

  /** Drops every custom XML part in a namespace, as another program re-saving the file might. */
  removeCustomXmlParts(namespaceUri: string): void {
    for (let i = this.parts.length - 1; i >= 0; i--) if (this.parts[i].namespaceUri === namespaceUri) this.parts.splice(i, 1);
  }

  addCustomXmlPart(xml: string): SimWordPartState {
    const ns = rootNamespace(xml);
    if (ns === null) fail("InvalidArgument", "CustomXmlPartCollection.add", "The XML is not well formed.");
    const part = { id: this.newPartId(), namespaceUri: ns, xml };
    this.parts.push(part);
    return { ...part };
  }

  // --- what the API does -----------------------------------------------------------------

  controlKeys(): number[] {
    const seen = new Set<number>();
    const out: number[] = [];
    for (const it of this.items)
      for (const k of it.controls)
        if (!seen.has(k)) {
          seen.add(k);
          out.push(k);
        }
    return out;
  }

  control(key: number): ControlModel | null {
    return this.controlsByKey.get(key) ?? null;
  }

  /**
   * The caret, as the clerk left it by clicking: just after `offset` characters of a text item.
   * Document.getSelection() is this point (an empty range); null until the clerk clicks somewhere.
   */
  private caret: { item: Item; offset: number } | null = null;

  /** The clerk clicks just after the first `after` in the narrative (text outside every control). */
  /** The narrative pieces outside any control (where placeCursorAfter can put the caret), in order. */
  narrative(): string[] {
    return this.items.flatMap((i) => (i.kind === "text" && i.controls.length === 0 && i.revision !== "deleted" ? [i.text] : []));
  }

  placeCursorAfter(after: string): void {
    const it = this.items.find((i) => i.kind === "text" && i.controls.length === 0 && i.text.includes(after));
    if (!it || it.kind !== "text") throw new Error(`narrative text not found: ${after}`);
    this.caret = { item: it, offset: it.text.indexOf(after) + after.length };
  }

  /**
   * Range.insertText(text, "Replace") at the caret: the text goes in where the caret is, inside the
   * same controls and with the same look as the text around it; the caret moves after it.
   */
  insertAtCaret(text: string): SimRangeModel {
    const caret = this.caret;
    const at = caret ? this.items.indexOf(caret.item) : -1;
    const added: Extract<Item, { kind: "text" }> = { kind: "text", text, controls: [] };
    if (!caret || at < 0 || caret.item.kind !== "text") {
      // No click yet: Word's selection starts at the beginning of the document.
      this.items.splice(0, 0, added);
    } else {
      const item = caret.item;
      const before: Item = { ...item, text: item.text.slice(0, caret.offset) };
      const after: Item = { ...item, text: item.text.slice(caret.offset) };
      Object.assign(added, { controls: [...item.controls] }, item.highlight ? { highlight: item.highlight } : {});
      // The piece after the caret stays even when empty: the caret is there now.
      this.items.splice(at, 1, ...[before, added, after].filter((x) => x.kind !== "text" || x.text !== "" || x === added || x === after));
      this.caret = { item: after, offset: 0 };
    }
    return rangeOf([added]);
  }

  /**
   * The clerk clicks just after the control tagged `tag` (the End key after a figure): the caret is
   * outside the control, at the start of what follows it in its paragraph.
   */
  placeCursorAfterControl(tag: string): void {
    const key = this.controlKeys().find((k) => this.controlsByKey.get(k)!.tag === tag);
    if (key === undefined) throw new Error(`no control tagged ${tag}`);
    let last = -1;
    this.items.forEach((it, i) => {
      if (it.controls.includes(key)) last = i;
    });
    const outer = this.items[last].controls.slice(0, this.items[last].controls.indexOf(key));
    const next = this.items[last + 1];
    if (next?.kind === "text" && next.controls.length === outer.length && outer.every((k, i) => next.controls[i] === k)) {
      this.caret = { item: next, offset: 0 };
      return;
    }
    const empty: Item = { kind: "text", text: "", controls: outer };
    this.items.splice(last + 1, 0, empty);
    this.caret = { item: empty, offset: 0 };
  }

  /**
   * Range.compareLocationWith(selection) for a range of items against the caret: AdjacentBefore when
   * the range ends right where the caret is, AdjacentAfter when it starts there, else Before or After
   * (Unrelated without a caret).
   */
  compareWithCaret(items: Item[]): string {
    const caret = this.caret;
    const at = caret ? this.items.indexOf(caret.item) : -1;
    if (!caret || at < 0 || items.length === 0) return "Unrelated";
    const first = this.items.indexOf(items[0]);
    const last = this.items.indexOf(items[items.length - 1]);
    const text = caret.item.kind === "text" ? caret.item.text : "";
    if (last < at) return last === at - 1 && caret.offset === 0 ? "AdjacentBefore" : "Before";
    if (first > at) return first === at + 1 && caret.offset === text.length ? "AdjacentAfter" : "After";
    return "Unrelated";
  }

  /** The table cell the caret is in (Range.parentTableCellOrNullObject), null outside tables or before a click. */
  caretCell(): CellRef | null {
    return this.caret?.item.cell ?? null;
  }

  /**
   * Paragraph.insertParagraph("", "After") on the paragraph the caret is in (the first paragraph
   * before any click): a new empty paragraph after it, inside the same block controls. The caret
   * stays where it was, as Word leaves the selection.
   */
  insertParagraphAfterCaret(): Item {
    const at = this.caret ? this.items.indexOf(this.caret.item) : 0;
    let end = Math.max(at, 0);
    while (end < this.items.length - 1 && this.items[end].kind !== "break") end++;
    const ending = this.items[end];
    const added: Item = { kind: "break", controls: [...(ending?.controls ?? [])] };
    if (ending?.cell) added.cell = { ...ending.cell };
    this.items.splice(end + 1, 0, added);
    return added;
  }

  /** Paragraph.insertContentControl(): a block-level rich-text control around the whole paragraph ending at `ending`. */
  wrapParagraphInControl(ending: Item): number {
    const end = this.items.indexOf(ending);
    if (end < 0) fail("ItemNotFound", "Paragraph.insertContentControl");
    let start = end;
    while (start > 0 && this.items[start - 1].kind !== "break") start--;
    return this.wrapInControl(rangeOf(this.items.slice(start, end + 1)));
  }

  /** Range.insertContentControl(): a rich-text control around exactly the range's text. */
  wrapInControl(range: SimRangeModel): number {
    if (range.items.length === 0) fail("InvalidArgument", "Range.insertContentControl", "The range is empty.");
    const key = this.nextKey++;
    this.controlsByKey.set(key, {
      key,
      wordId: this.nextWordId++,
      tag: "",
      title: "",
      cannotDelete: false,
      cannotEdit: false,
      showingPlaceholder: false,
    });
    for (const it of range.items) it.controls = [...it.controls, key];
    return key;
  }

  /** Bookmarks added through Range.insertBookmark (WordApi 1.4), by name, with the text they hold. */
  readonly bookmarks = new Map<string, SimRangeModel>();

  /** Range.insertBookmark: Word's rule — a letter first, then letters, digits and _, at most 40. */
  addBookmark(name: string, range: SimRangeModel): void {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(name))
      fail("InvalidArgument", "Range.insertBookmark", `The bookmark name '${name}' is not valid.`);
    this.bookmarks.set(name, range);
  }

  /** The whole story's range (Body.getRange("Whole")). */
  wholeRange(): SimRangeModel {
    return rangeOf(this.items);
  }

  /**
   * Range.getBookmarks: the names of the bookmarks in or overlapping the range, in document order;
   * hidden ones (a name starting with _) only when asked. An empty bookmark counts when it lies inside.
   */
  bookmarksIn(items: readonly Item[], includeHidden: boolean): string[] {
    const inRange = new Set(items);
    const at = (it: Item | undefined) => (it ? this.items.indexOf(it) : -1);
    return [...this.bookmarks.entries()]
      .filter(([name, r]) => (includeHidden || !name.startsWith("_")) && r.items.some((it) => inRange.has(it)))
      .sort(([, a], [, b]) => at(a.items[0]) - at(b.items[0]))
      .map(([name]) => name);
  }

  /** The range of a control's whole content (ContentControl.getRange("Whole")). */
  controlRange(key: number): SimRangeModel {
    return rangeOf(this.items.filter((it) => it.controls.includes(key)));
  }

  /** Range.font.highlightColor on a range's own text. */
  setRangeHighlight(range: SimRangeModel, color: string | null): void {
    const named = color === null ? "" : (HIGHLIGHT_NAMES.get(color.toLowerCase()) ?? color.toLowerCase());
    for (const it of range.items) {
      if (it.kind !== "text") continue;
      if (named) it.highlight = named;
      else delete it.highlight;
    }
  }

  /**
   * Body.search: every match of `pattern` within one paragraph, as ranges of their own text items
   * (items are split at the match's ends; what the document shows does not change). With wildcards,
   * Word's syntax: `\x` a literal x, `*` any run of characters, `?` one character; the other
   * wildcard operators (`{n}`, `[…]`, `<`, `>`, `(`, `)`, `@`, `!`) are not modelled and refused, as
   * Word refuses a malformed expression. Word refuses search strings over 255 characters.
   */
  search(pattern: string, wildcards: boolean): SimRangeModel[] {
    if (pattern.length === 0 || pattern.length > 255)
      fail("SearchStringInvalidOrTooLong", "Body.search", "The search string is invalid or longer than 255 characters.");
    let source = "";
    if (!wildcards) source = pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === "\\" && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        else if (c === "*") source += "[^\\r]*?";
        else if (c === "?") source += "[^\\r]";
        else if ("{}[]<>()@!".includes(c))
          fail("SearchStringInvalidOrTooLong", "Body.search", `The wildcard expression is not valid ('${c}' needs a backslash).`);
        else source += c.replace(/[.+^$|]/g, "\\$&");
      }
    const re = new RegExp(source, "g");
    const out: SimRangeModel[] = [];
    // Paragraph by paragraph: the visible text items between breaks, deleted revisions left out.
    let paragraph: Extract<Item, { kind: "text" }>[] = [];
    const flush = () => {
      const text = paragraph.map((it) => it.text).join("");
      for (const m of text.matchAll(re))
        if (m[0].length) out.push({ start: m.index!, end: m.index! + m[0].length, items: paragraph } as never);
      paragraph = [];
    };
    for (const it of this.items) {
      if (it.kind === "break") flush();
      else if (it.revision !== "deleted") paragraph.push(it);
    }
    flush();
    // Split items so each match is whole items of its own.
    return (out as unknown as { start: number; end: number; items: Extract<Item, { kind: "text" }>[] }[]).map((m) => {
      const mine: Item[] = [];
      let acc = 0;
      for (const it of [...m.items]) {
        const from = acc;
        const to = acc + it.text.length;
        acc = to;
        if (to <= m.start || from >= m.end) continue;
        const a = Math.max(m.start, from) - from;
        const b = Math.min(m.end, to) - from;
        const at = this.items.indexOf(it);
        const pieces = [
          { ...it, text: it.text.slice(0, a) },
          { ...it, text: it.text.slice(a, b) },
          { ...it, text: it.text.slice(b) },
        ];
        const middle = pieces[1];
        this.items.splice(at, 1, ...pieces.filter((p) => p === middle || p.text !== ""));
        // Later matches in this paragraph refer to the pieces now in its place.
        const k = m.items.indexOf(it);
        m.items.splice(k, 1, ...pieces.filter((p) => p === middle || p.text !== ""));
        mine.push(middle);
      }
      return rangeOf(mine);
    });
  }

  /** The content control the selection covers (ContentControl.select), or null. */
  private selectedKey: number | null = null;

  selectControl(key: number): void {
    this.selectedKey = key;
  }

  /** What is selected, as a test reads it: the selected control's id, tag and text; null when none. */
  selection(): { id: number; tag: string; text: string } | null {
    const c = this.selectedKey === null ? null : this.controlsByKey.get(this.selectedKey);
    return c ? { id: c.wordId, tag: c.tag, text: this.controlText(c.key) } : null;
  }

  /**
   * A control's text. Without a version, as ContentControl.text gives it: tracked deletions
   * included. `Current` leaves out tracked deletions, `Original` tracked insertions. Breaks are
   * Word's characters: \t tab, \v line break, \f page break, \r between paragraphs.
   */
  controlText(key: number, version?: "Current" | "Original"): string {
    let s = "";
    // Each paragraph end inside the control is a \r (as in Body.text), but for the last one: the
    // control's range ends before its last paragraph mark.
    let ends = 0;
    for (const it of this.items) {
      if (!it.controls.includes(key)) continue;
      if (it.kind === "break") {
        ends++;
        continue;
      }
      if (version === "Current" && it.revision === "deleted") continue;
      if (version === "Original" && it.revision === "inserted") continue;
      s += "\r".repeat(ends) + it.text;
      ends = 0;
    }
    return s + "\r".repeat(Math.max(0, ends - 1));
  }

  /** The highlight of each stretch of text the control shows (`yellow`, or null for none), for assertions. */
  controlHighlights(key: number): (string | null)[] {
    const out: (string | null)[] = [];
    for (const it of this.items) if (it.kind === "text" && it.text !== "" && it.controls.includes(key)) out.push(it.highlight ?? null);
    return out;
  }

  /** controlHighlights for the control tagged `tag` (its n-th occurrence in document order). */
  highlightsByTag(tag: string, occurrence = 0): (string | null)[] {
    return this.controlHighlights(this.keyByTag(tag, occurrence));
  }

  /** Range.font.highlightColor on a control's content: a colour name or #RRGGBB, null to remove. */
  setControlHighlight(key: number, color: string | null): void {
    const named = color === null ? "" : (HIGHLIGHT_NAMES.get(color.toLowerCase()) ?? color.toLowerCase());
    for (const it of this.items) {
      if (it.kind !== "text" || !it.controls.includes(key)) continue;
      if (named) it.highlight = named;
      else delete it.highlight;
    }
  }

  private keyByTag(tag: string, occurrence: number): number {
    const key = this.controlKeys().filter((k) => this.controlsByKey.get(k)!.tag === tag)[occurrence];
    if (key === undefined) throw new Error(`no control tagged ${tag} (occurrence ${occurrence})`);
    return key;
  }

  private span(key: number): [number, number] {
    let first = -1;
    let last = -1;
    this.items.forEach((it, i) => {
      if (it.controls.includes(key)) {
        if (first < 0) first = i;
        last = i;
      }
    });
    return [first, last];
  }

  /**
   * insertText(text, "Replace"): the control keeps its place and properties; what was inside (nested
   * controls too) goes. The new text takes the formatting of the first character it replaces, as
   * Word does — a highlight included.
   */
  replaceControlText(key: number, text: string): void {
    const [first, last] = this.span(key);
    if (first < 0) fail("ItemNotFound", "ContentControl.insertText");
    // Content typed or written replaces the placeholder.
    this.controlsByKey.get(key)!.showingPlaceholder = false;
    const outer = this.items[first].controls;
    const stack = outer.slice(0, outer.indexOf(key) + 1);
    const inside = this.items.slice(first, last + 1);
    if (this.trackChanges) {
      // Tracked: the old text stays as a deletion (still in ContentControl.text), the new one is an
      // insertion; retyping one's own insertion just replaces it.
      const kept = inside.filter((it) => !(it.kind === "text" && it.revision === "inserted"));
      for (const it of kept) if (it.kind === "text" && it.text) it.revision = "deleted";
      const at = kept.length && kept[kept.length - 1].kind === "break" ? kept.length - 1 : kept.length;
      kept.splice(at, 0, { kind: "text", text, controls: stack, revision: "inserted" });
      this.items.splice(first, last - first + 1, ...kept);
      return;
    }
    // A control holding whole paragraphs keeps one paragraph.
    const heldParagraphs = inside.some((it) => it.kind === "break" && it.controls.includes(key));
    const formatted = inside.find((it): it is Extract<Item, { kind: "text" }> => it.kind === "text" && it.text !== "");
    const replacement: Item[] = [
      formatted?.highlight
        ? { kind: "text", text, controls: stack, highlight: formatted.highlight }
        : { kind: "text", text, controls: stack },
    ];
    if (heldParagraphs) replacement.push({ kind: "break", controls: stack });
    this.items.splice(first, last - first + 1, ...replacement);
    this.prune();
  }

  /**
   * The tables a control holds, in document order, each as Table.values gives it: rows of cell
   * texts, the paragraphs of a cell separated by \n.
   */
  controlTables(key: number): string[][][] {
    const tables = new Map<number, string[][]>();
    const open = new Map<string, string>();
    for (const it of this.items) {
      if (!it.cell || !it.controls.includes(key)) continue;
      if (it.kind === "text" && it.revision === "deleted") continue;
      let rows = tables.get(it.cell.table);
      if (!rows) tables.set(it.cell.table, (rows = []));
      const row = (rows[it.cell.row] ??= []);
      row[it.cell.col] ??= "";
      const where = `${it.cell.table}/${it.cell.row}/${it.cell.col}`;
      if (it.kind === "text") open.set(where, (open.get(where) ?? "") + it.text);
      else {
        // A paragraph ends: the cell gets its text, after a line if it already had a paragraph.
        const seen = `${where}#`;
        row[it.cell.col] += (open.has(seen) ? "\n" : "") + (open.get(where) ?? "");
        open.set(seen, "");
        open.delete(where);
      }
    }
    return [...tables.values()].map((rows) => Array.from(rows, (r) => Array.from(r ?? [], (c) => c ?? "")));
  }

  /**
   * The paragraphs a control holds (ContentControl.paragraphs, WordApi 1.1), each with its text as
   * read with tracked changes accepted and Paragraph.tableNestingLevel (WordApi 1.3: 0 outside any
   * table, 1 in a cell — the model keeps the outermost table only).
   */
  controlParagraphs(key: number): { text: string; tableNestingLevel: number }[] {
    const out: { text: string; tableNestingLevel: number }[] = [];
    let current = "";
    let open = false;
    for (const it of this.items) {
      if (!it.controls.includes(key)) continue;
      if (it.kind === "text") {
        if (it.revision !== "deleted") current += it.text;
        open = true;
      } else {
        out.push({ text: current, tableNestingLevel: it.cell ? 1 : 0 });
        current = "";
        open = false;
      }
    }
    if (open) out.push({ text: current, tableNestingLevel: 0 });
    return out;
  }

  /**
   * insertOoxml(ooxml, "Replace") on a control: what was inside goes, the package's body comes in
   * (its controls as new controls nested in this one). Word leaves an empty paragraph after a table
   * it inserts into a control (OfficeDev/office-js#116, #2655: content with tables inserted with
   * insertOoxml gets an extra paragraph), so a table figure's control ends with one here too.
   */
  /**
   * The width (w:tblW, twips) of the table insertOoxml last put into a control, as given: Word lays a
   * fixed-layout table out at that width even where it stands in a narrower table cell (the items
   * model keeps no widths, so this is where a test sees it); null when none was written.
   */
  controlTableWidth(key: number): number | null {
    return this.tableWidths.get(key) ?? null;
  }
  private readonly tableWidths = new Map<number, number>();

  replaceControlOoxml(key: number, ooxml: string): void {
    const [first, last] = this.span(key);
    if (first < 0) fail("ItemNotFound", "ContentControl.insertOoxml");
    const body = /<w:body\b[^>]*>([\s\S]*)<\/w:body>/.exec(ooxml)?.[1];
    if (body === undefined) fail("InvalidArgument", "ContentControl.insertOoxml", "The OOXML has no w:document body.");
    const parsed = parseBody(
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    );
    this.controlsByKey.get(key)!.showingPlaceholder = false;
    const tblW = /<w:tblW\b[^>]*w:w="(\d+)"[^>]*w:type="dxa"/.exec(body);
    if (tblW) this.tableWidths.set(key, Number(tblW[1]));
    else this.tableWidths.delete(key);
    const outer = this.items[first].controls;
    const stack = outer.slice(0, outer.indexOf(key) + 1);
    const keyOf = parsed.controls.map((c) => {
      const k = this.nextKey++;
      this.controlsByKey.set(k, { ...c, key: k, wordId: this.nextWordId++ });
      return k;
    });
    const inserted: Item[] = parsed.items.map((it) => ({ ...it, controls: [...stack, ...it.controls.map((i) => keyOf[i])] }));
    if (inserted.length && inserted[inserted.length - 1].cell) inserted.push({ kind: "break", controls: stack });
    // A control holding paragraphs keeps ending with one.
    if (inserted.length === 0 || inserted[inserted.length - 1].kind !== "break") inserted.push({ kind: "break", controls: stack });
    this.items.splice(first, last - first + 1, ...inserted);
    this.prune();
  }

  insertIntoControl(key: number, text: string, where: "Start" | "End"): void {
    const [first, last] = this.span(key);
    if (first < 0) fail("ItemNotFound", "ContentControl.insertText");
    this.controlsByKey.get(key)!.showingPlaceholder = false;
    const outer = this.items[first].controls;
    const stack = outer.slice(0, outer.indexOf(key) + 1);
    const at = where === "Start" ? first : this.items[last].kind === "break" ? last : last + 1;
    this.items.splice(at, 0, { kind: "text", text, controls: stack });
  }

  removeControl(key: number, keepContent: boolean): void {
    if (keepContent) {
      this.unwrapped.add(key);
      for (const it of this.items) if (it.controls.includes(key)) it.controls = it.controls.filter((k) => k !== key);
    } else {
      this.items = this.items.filter((it) => !it.controls.includes(key));
      // A body never ends up without a paragraph.
      if (this.items.length === 0) this.items.push({ kind: "break", controls: [] });
    }
    this.prune();
  }

  private prune(): void {
    const live = new Set(this.controlKeys());
    for (const key of [...this.controlsByKey.keys()]) if (!live.has(key)) this.controlsByKey.delete(key);
  }

  /** Puts a parsed file's body in place of (or around) the current one. */
  replaceBody(parsed: ParsedBody, how: "document" | "body", where: "Replace" | "Start" | "End" = "Replace"): void {
    const keyOf = new Map<number, number>();
    parsed.controls.forEach((c, index) => {
      const key = this.nextKey++;
      keyOf.set(index, key);
      this.controlsByKey.set(key, { ...c, key, wordId: this.nextWordId++ });
    });
    const items: Item[] = parsed.items.map((it) => ({
      ...it,
      controls: it.controls.map((i) => keyOf.get(i)!),
    }));
    // The bookmarks of the replaced body go with it; the file's come with its text.
    if (where === "Replace") this.bookmarks.clear();
    for (const b of parsed.bookmarks ?? []) this.bookmarks.set(b.name, rangeOf(items.slice(b.from, b.to)));
    if (where === "Replace") this.items = items.length ? items : [{ kind: "break", controls: [] }];
    else if (where === "Start") this.items = [...items, ...this.items];
    else this.items = [...this.items, ...items];
    this.prune();
    // Body.insertFileFromBase64 takes the text only; Document.insertFileFromBase64 also brings the
    // section: page setup and footers.
    if (how === "document" && where === "Replace") {
      this.footers = parsed.footers;
      this.stories = parsed.stories.map((st, i) => ({ kind: st.kind, types: st.types, doc: SimWordDocument.story(st, 100000 * (i + 1)) }));
      this.pageSize = parsed.pageSize;
    }
  }

  /** A control's range as Word's getOoxml gives it (a flat OPC package), tracked changes as w:ins/w:del. */
  controlOoxml(key: number): string {
    const c = this.controlsByKey.get(key);
    const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    let runs = "";
    let n = 1;
    for (const it of this.items) {
      if (it.kind !== "text" || !it.controls.includes(key) || !it.text) continue;
      const mark = ` w:id="${n++}" w:author="Clerk" w:date="2023-01-10T00:00:00Z"`;
      if (it.revision === "deleted") runs += `<w:del${mark}><w:r><w:delText xml:space="preserve">${esc(it.text)}</w:delText></w:r></w:del>`;
      else if (it.revision === "inserted") runs += `<w:ins${mark}><w:r><w:t xml:space="preserve">${esc(it.text)}</w:t></w:r></w:ins>`;
      else runs += `<w:r><w:t xml:space="preserve">${esc(it.text)}</w:t></w:r>`;
    }
    const tag = c ? `<w:sdtPr><w:alias w:val="${esc(c.title)}"/><w:tag w:val="${esc(c.tag)}"/></w:sdtPr>` : "";
    return (
      `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">` +
      `<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>` +
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:sdt>${tag}<w:sdtContent>${runs}</w:sdtContent></w:sdt></w:p></w:body></w:document>` +
      `</pkg:xmlData></pkg:part></pkg:package>`
    );
  }

  parseFile(bytes: Uint8Array): ParsedBody {
    return parseDocx(bytes, () => this.newPartId());
  }
}

// ---------------------------------------------------------------------------------------------
// The host: requirement sets, counters, the request context and its proxies.

export interface SimWordStats extends SimSyncStats {
  /** Calls to the Common API (`Office.context.document.customXmlParts…Async`), each its own round trip. */
  commonApiCalls: number;
}

export interface SimWordOptions {
  /** Highest supported version per requirement set; default WordApi 1.9 and the Common API CustomXmlParts 1.1. */
  supportedSets?: Record<string, string>;
  /** Delay added to every round trip. */
  latencyMs?: number;
  /**
   * What a method called on a null object (`getOnlyItemOrNullObject().getXml()` when there is none)
   * does: answer null (default) or reject the sync with ItemNotFound — to test code that must not
   * rely on either.
   */
  nullObjectMethods?: "null" | "throw";
  /**
   * The error code of a method called on a null object when `nullObjectMethods` is `throw`. Office
   * documents no code for this; hosts have answered ItemNotFound, GeneralException and others.
   */
  nullObjectErrorCode?: string;
  /**
   * `customXmlParts.getByNamespace(ns)` with no part in the namespace: `items` is `[]` (default) or
   * `undefined`, as Word on the web answered (OfficeDev/office-js#6673).
   */
  emptyScopedItems?: "array" | "undefined";
  /**
   * `CustomXmlPart.setXml` with a payload that starts with `<?xml …?>`: silently ignored (default,
   * as Word desktop did in OfficeDev/office-js#1643) or applied.
   */
  xmlDeclarationUpdates?: "ignored" | "applied";
  /** Track Changes on from the start. */
  changeTracking?: boolean;
  /**
   * An InsertFileOptions member newer than the host's WordApi: ignored (default) or rejected with
   * InvalidArgument, for code that must pass each option only where its set is supported.
   */
  insertOptionsBeyondSets?: "ignored" | "rejected";
}

/** The requirement set of each InsertFileOptions member beyond the 1.5 of the method itself. */
const INSERT_OPTION_SETS: Record<string, string> = { importCustomXmlParts: "1.6", importDifferentOddEvenPages: "1.7" };
/** insertFileFromBase64 takes files up to 4 MB. */
export const INSERT_FILE_LIMIT = 4 * 1024 * 1024;

const XML_DECLARATION = /^\uFEFF?\s*<\?xml[\s?]/;

export const DEFAULT_WORD_SETS: Record<string, string> = { WordApi: "1.9", CustomXmlParts: "1.1", CompressedFile: "1.1" };

/** getFileAsync's default and largest slice: 4 MB. */
export const FILE_SLICE_LIMIT = 4 * 1024 * 1024;

class Host implements SimHostCore {
  readonly stats: SimWordStats = { ...newSyncStats(), commonApiCalls: 0 };
  readonly sets: Record<string, string>;
  readonly latencyMs: number;
  /** Word's payload limits are not modelled per sync (insertFileFromBase64 checks its own 4 MB). */
  readonly payloadLimit = Infinity;
  readonly oversize = "payloadError" as const;
  readonly nullObjectMethods: "null" | "throw";
  readonly nullObjectErrorCode: string;
  readonly emptyScopedItems: "array" | "undefined";
  readonly xmlDeclarationUpdates: "ignored" | "applied";
  readonly insertOptionsBeyondSets: "ignored" | "rejected";
  /** The options of the last Document.insertFileFromBase64, for assertions. */
  lastInsertOptions: Record<string, unknown> | undefined;
  private readonly requirements: RequirementSets;
  constructor(
    readonly doc: SimWordDocument,
    opts: SimWordOptions,
  ) {
    this.sets = opts.supportedSets ?? DEFAULT_WORD_SETS;
    this.requirements = new RequirementSets(this.sets);
    this.latencyMs = opts.latencyMs ?? 0;
    this.nullObjectMethods = opts.nullObjectMethods ?? "null";
    this.nullObjectErrorCode = opts.nullObjectErrorCode ?? "ItemNotFound";
    this.emptyScopedItems = opts.emptyScopedItems ?? "array";
    this.xmlDeclarationUpdates = opts.xmlDeclarationUpdates ?? "ignored";
    this.insertOptionsBeyondSets = opts.insertOptionsBeyondSets ?? "ignored";
  }
  isSetSupported(name: string, version = "1.1"): boolean {
    return this.requirements.isSetSupported(name, version);
  }
  need(version: string, what: string): void {
    if (!this.isSetSupported("WordApi", version))
      fail(
        "ApiNotFound",
        what,
        `The API you are trying to use could not be found. It may be available in a newer version of Word. ${what} needs WordApi ${version}.`,
      );
  }
  error(code: string, message?: string, location?: string): SimOfficeError {
    return new SimWordError(code, message, location);
  }
  /** The delay of one round trip (the Common API's calls are each one). */
  async roundTrip(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }
}

class SimWordContext extends SimContextCore<Host> {
  readonly document: SimDocumentProxy;
  constructor(host: Host) {
    super(host);
    this.document = new SimDocumentProxy(this);
  }
}

/** A Word proxy: a load of an object that is gone fails with ItemNotFound (a null object's loads answer null). */
abstract class SimProxy<M> extends SimObjectCore<M, SimWordContext> {
  protected readonly _scalars = SimObjectCore.loadedOf(this);
  protected override _loadTarget(): M | null {
    return this._target(`${this._className}.load`);
  }
}

/** A Word collection: no `count` property (getCount() instead); loads of a gone collection fail. */
abstract class SimCollectionProxy<M, P extends SimProxy<M>> extends SimCollectionCore<M, P, SimWordContext> {
  protected override readonly _scalars: readonly string[] = [];
  protected override _hasCount = false;
  protected override _loadTarget(): M[] | null {
    return this._target(`${this._className}.load`);
  }
}

// --- Document and Body ------------------------------------------------------------------------

class SimDocumentProxy extends SimProxy<SimWordDocument> {
  readonly _className = "Document";
  static {
    SimProxy.describe(this, { loaded: ["changeTrackingMode"] });
  }
  /** WordApi 1.4. */
  private _body: SimBodyProxy | undefined;
  constructor(context: SimWordContext) {
    super(context, () => context._host.doc);
  }
  get body(): SimBodyProxy {
    return (this._body ??= new SimBodyProxy(this.context));
  }
  /** WordApi 1.1: every control of the document, the headers' and footers' included (Body.contentControls has the body's only). */
  get contentControls(): SimContentControlCollection {
    return new SimContentControlCollection(this.context, () => this._host.doc.allControls());
  }
  /** WordApi 1.1: the selection; here the caret the clerk placed (placeCursorAfter), an empty range. */
  getSelection(): SimRangeProxy {
    const caret = rangeOf([]);
    return new SimRangeProxy(this.context, () => Object.assign(caret, { caret: true }));
  }
  /** WordApi 1.1: the sections (one modelled). */
  get sections(): SimSectionCollection {
    return new SimSectionCollection(this.context, () => [this._host.doc]);
  }
  get customXmlParts(): SimCustomXmlPartCollection {
    this._host.need("1.4", "Document.customXmlParts");
    return new SimCustomXmlPartCollection(this.context, () => this._host.doc.parts);
  }
  insertFileFromBase64(base64File: string, insertLocation: string, insertFileOptions?: Record<string, unknown>): SimSectionCollection {
    const location = "Document.insertFileFromBase64";
    this._host.need("1.5", location);
    const where = insertLocationOf(insertLocation, location);
    const options = insertFileOptions ?? {};
    for (const [name, set] of Object.entries(INSERT_OPTION_SETS))
      if (name in options && !this._host.isSetSupported("WordApi", set) && this._host.insertOptionsBeyondSets === "rejected")
        fail("InvalidArgument", location, `The option ${name} needs WordApi ${set}.`);
    this._queue(() => {
      const doc = this._host.doc;
      const bytes = base64ToBytes(base64File);
      if (bytes.length > INSERT_FILE_LIMIT)
        fail("RequestPayloadSizeLimitExceeded", location, "The request payload size has exceeded the limit.");
      const parsed = doc.parseFile(bytes);
      doc.replaceBody(parsed, "document", where);
      if (options.importStyles !== false) doc.importStyles(parsed.styles);
      // Document settings are not imported; Different Odd & Even Pages only with its option (WordApi 1.7).
      if (options.importDifferentOddEvenPages === true && this._host.isSetSupported("WordApi", "1.7"))
        doc.evenAndOddHeaders = parsed.evenAndOddHeaders;
      this._host.lastInsertOptions = insertFileOptions ? { ...insertFileOptions } : undefined;
    });
    return new SimSectionCollection(this.context, () => []);
  }
  protected _read(m: SimWordDocument, name: string): unknown {
    if (name !== "changeTrackingMode") return undefined;
    this._host.need("1.4", "Document.changeTrackingMode");
    return m.trackChanges ? "TrackAll" : "Off";
  }
}

function insertLocationOf(loc: string, where: string): "Replace" | "Start" | "End" {
  if (loc === "Replace" || loc === "Start" || loc === "End") return loc;
  return fail("InvalidArgument", where, `The insert location '${loc}' is not valid here.`);
}

class SimSectionCollection extends SimCollectionProxy<SimWordDocument, SimSectionProxy> {
  readonly _className = "SectionCollection";
  protected override readonly _itemClass = SimSectionProxy;
}

/** WordApi 1.1: a section; one is modelled, its headers and footers by type. */
class SimSectionProxy extends SimProxy<SimWordDocument> {
  readonly _className = "Section";
  getHeader(type: string): SimBodyProxy {
    return new SimBodyProxy(this.context, () => this._host.doc.storyFor("header", headerFooterType(type, "Section.getHeader")));
  }
  getFooter(type: string): SimBodyProxy {
    return new SimBodyProxy(this.context, () => this._host.doc.storyFor("footer", headerFooterType(type, "Section.getFooter")));
  }
  protected _read(): unknown {
    return undefined;
  }
}

function headerFooterType(type: string, where: string): string {
  if (type === "Primary" || type === "FirstPage" || type === "EvenPages") return type;
  return fail("InvalidArgument", where, `The header/footer type '${type}' is not valid.`);
}

class SimBodyProxy extends SimProxy<SimWordDocument> {
  readonly _className = "Body";
  static {
    SimProxy.describe(this, { loaded: ["text"] });
  }
  /** The document's body, or a header's or footer's (Section.getHeader/getFooter). */
  constructor(
    context: SimWordContext,
    private readonly _story: () => SimWordDocument = () => context._host.doc,
  ) {
    super(context, _story);
  }
  get contentControls(): SimContentControlCollection {
    return new SimContentControlCollection(this.context, () => {
      const doc = this._story();
      return doc.controlKeys().map((k) => doc.control(k)!);
    });
  }
  get paragraphs(): SimParagraphCollection {
    return new SimParagraphCollection(this.context, () =>
      this._story()
        .paragraphInfos()
        .map((p, index) => ({ index, text: p.text, ...this._host.doc.formatOf(p.styleId) })),
    );
  }
  /** WordApi 1.3: the story's range; only "Whole" is modelled. */
  getRange(rangeLocation = "Whole"): SimRangeProxy {
    const location = "Body.getRange";
    this._host.need("1.3", location);
    if (rangeLocation !== "Whole") fail("NotImplemented", location, `The simulated host models Body.getRange("Whole") only.`);
    return new SimRangeProxy(this.context, () => this._story().wholeRange());
  }
  /** WordApi 1.1: the matches, found at the sync (see SimWordDocument.search for the wildcard subset). */
  search(searchText: string, options?: { matchWildcards?: boolean }): SimRangeCollection {
    const found: { ranges: SimRangeModel[] | null } = { ranges: null };
    this._queue(() => {
      found.ranges = this._story().search(searchText, options?.matchWildcards === true);
    });
    return new SimRangeCollection(this.context, () => found.ranges ?? []);
  }
  insertFileFromBase64(base64File: string, insertLocation: string): SimRangeProxy {
    this._host.need("1.1", "Body.insertFileFromBase64");
    const where = insertLocationOf(insertLocation, "Body.insertFileFromBase64");
    this._queue(() => {
      const doc = this._host.doc;
      const bytes = base64ToBytes(base64File);
      if (bytes.length > INSERT_FILE_LIMIT)
        fail("RequestPayloadSizeLimitExceeded", "Body.insertFileFromBase64", "The request payload size has exceeded the limit.");
      const parsed = doc.parseFile(bytes);
      doc.replaceBody(parsed, "body", where);
      doc.importStyles(parsed.styles);
    });
    return new SimRangeProxy(this.context, () => ({ text: this._host.doc.text() }));
  }
  protected _read(m: SimWordDocument, name: string): unknown {
    return name === "text" ? m.text() : undefined;
  }
}

/** Word's named highlight colours for the #RRGGBB values the API also accepts. */
const HIGHLIGHT_NAMES = new Map([
  ["#ffff00", "yellow"],
  ["#00ff00", "green"],
  ["#00ffff", "cyan"],
]);

class SimRangeCollection extends SimCollectionProxy<RangeLike, SimRangeProxy> {
  readonly _className = "RangeCollection";
  protected override readonly _itemClass = SimRangeProxy;
}

/** What a Range proxy stands for: its text, and where known its items (a caret has none). */
type RangeLike = { text: string; items?: Item[]; caret?: boolean };

class SimRangeProxy extends SimProxy<RangeLike> {
  readonly _className = "Range";
  static {
    SimProxy.describe(this, { loaded: ["text"] });
  }
  constructor(
    context: SimWordContext,
    resolver: () => RangeLike | null,
    /** The control whose whole content this range is, when it is one (ContentControl.insertText "Replace"). */
    private readonly _controlKey: () => number = () => -1,
  ) {
    super(context, resolver);
  }
  /** Only highlightColor is modelled: the one font property the add-in sets. */
  get font(): { highlightColor: string | null } {
    const range = this;
    return {
      get highlightColor(): string | null {
        return notLoaded("Range.font.highlightColor", "highlightColor");
      },
      set highlightColor(color: string | null) {
        range._queue(() => {
          const key = range._controlKey();
          if (key >= 0) range._host.doc.docOf(key).setControlHighlight(key, color);
          else {
            const m = range._target("Range.font");
            if (m?.items) range._host.doc.docOfItems(m.items).setRangeHighlight(m as SimRangeModel, color);
          }
        });
      },
    };
  }

  /**
   * WordApi 1.1. At the caret, "Replace" puts the text in where the caret is; over a range of text,
   * the text takes the range's place and the look of its first character. The range returned is the new text.
   */
  insertText(text: string, insertLocation: string): SimRangeProxy {
    const location = "Range.insertText";
    const where = insertLocationOf(insertLocation, location);
    const made: { range: SimRangeModel | null } = { range: null };
    this._queue(() => {
      const m = this._target(location);
      if (!m) return;
      const doc = this._host.doc;
      if (m.caret || !m.items || m.items.length === 0) made.range = doc.insertAtCaret(text);
      else {
        if (where !== "Replace") fail("InvalidArgument", location, "Only Replace is modelled on a range of text.");
        const [first, ...rest] = m.items.filter((it): it is Extract<Item, { kind: "text" }> => it.kind === "text");
        first.text = text;
        for (const it of rest) it.text = "";
        made.range = rangeOf([first]);
      }
    });
    return new SimRangeProxy(this.context, () => made.range);
  }

  /**
   * WordApi 1.3: where this range lies relative to `range`. Modelled for a range of text (a control's
   * Whole range) against the selection (the caret): "AdjacentBefore" when it ends right at the caret
   * (nothing between, not even an invisible character), "AdjacentAfter" when it starts there.
   */
  compareLocationWith(range: SimRangeProxy): SimClientResult<string> {
    const location = "Range.compareLocationWith";
    this._host.need("1.3", location);
    const result = this._result<string>(location);
    this._queue(() => {
      const m = this._target(location);
      const other = range._target(location);
      if (!other?.caret) fail("NotImplemented", location, "The simulated host compares a range with the selection only.");
      const relation = m?.items ? this._host.doc.compareWithCaret(m.items) : "Unrelated";
      return () => result._set(relation);
    });
    return result;
  }

  /** WordApi 1.4: the names of the bookmarks in or overlapping the range (see SimWordDocument.bookmarksIn). */
  getBookmarks(includeHidden = false, includeAdjacent = false): SimClientResult<string[]> {
    const location = "Range.getBookmarks";
    this._host.need("1.4", location);
    if (includeAdjacent) fail("NotImplemented", location, "The simulated host does not model adjacent bookmarks.");
    const result = this._result<string[]>(location);
    this._queue(() => {
      const m = this._target(location);
      const names = m?.items ? this._host.doc.docOfItems(m.items).bookmarksIn(m.items, includeHidden) : [];
      return () => result._set(names);
    });
    return result;
  }

  /** WordApi 1.4: a bookmark around the range. */
  insertBookmark(name: string): void {
    const location = "Range.insertBookmark";
    this._host.need("1.4", location);
    this._queue(() => {
      const m = this._target(location);
      if (m) this._host.doc.docOfItems(m.items ?? []).addBookmark(name, rangeOf(m.items ?? []));
    });
  }

  /** WordApi 1.3: the table cell this range (the caret) is in, or a null object outside tables. */
  get parentTableCellOrNullObject(): SimTableCellProxy {
    this._host.need("1.3", "Range.parentTableCellOrNullObject");
    return new SimTableCellProxy(
      this.context,
      () => {
        const m = this._target("Range.parentTableCellOrNullObject");
        if (!m) return null;
        return m.caret ? this._host.doc.caretCell() : (m.items?.find((it) => it.cell)?.cell ?? null);
      },
      true,
    );
  }

  /**
   * WordApi 1.1: the paragraphs of the range. Only what placing a block at the caret needs is
   * modelled: the caret's paragraph (getFirst/getLast, WordApi 1.3) and inserting after it.
   */
  get paragraphs(): SimCaretParagraphCollection {
    return new SimCaretParagraphCollection(this.context, () => this._target("Range.paragraphs"));
  }

  /** WordApi 1.1: a rich-text content control around exactly this range's text. */
  insertContentControl(): SimContentControlProxy {
    const location = "Range.insertContentControl";
    let key = -1;
    this._queue(() => {
      const m = this._target(location);
      if (m) key = this._host.doc.docOfItems(m.items ?? []).wrapInControl({ items: m.items ?? [], text: m.text });
    });
    return new SimContentControlProxy(this.context, () => (key < 0 ? null : this._host.doc.docOf(key).control(key)));
  }
  protected _read(m: { text: string }, name: string): unknown {
    return name === "text" ? m.text : undefined;
  }
}

/** Range.parentTableCellOrNullObject: the cell, by its row and column in its (outermost) table. */
class SimTableCellProxy extends SimProxy<CellRef> {
  readonly _className = "TableCell";
  static {
    // columnWidth: WordApi 1.3, the width of the cell's column in points.
    SimProxy.describe(this, { loaded: ["rowIndex", "cellIndex", "columnWidth"] });
  }
  protected _read(m: CellRef, name: string): unknown {
    return name === "rowIndex" ? m.row : name === "cellIndex" ? m.col : name === "columnWidth" ? m.width : undefined;
  }
}

/** The caret's paragraphs (Range.paragraphs on the selection): one, the paragraph the caret is in. */
class SimCaretParagraphCollection extends SimProxy<RangeLike> {
  readonly _className = "ParagraphCollection";
  getFirst(): SimCaretParagraphProxy {
    this._host.need("1.3", "ParagraphCollection.getFirst");
    return this.caretParagraph("ParagraphCollection.getFirst");
  }
  getLast(): SimCaretParagraphProxy {
    this._host.need("1.3", "ParagraphCollection.getLast");
    return this.caretParagraph("ParagraphCollection.getLast");
  }
  private caretParagraph(location: string): SimCaretParagraphProxy {
    return new SimCaretParagraphProxy(this.context, () => {
      const m = this._target(location);
      if (m && !m.caret) fail("InvalidArgument", location, "Only the caret's paragraph is modelled by the simulated host.");
      return m ? { ending: null } : null;
    });
  }
  protected _read(): unknown {
    return undefined;
  }
}

/** A paragraph placing works on: the caret's (ending null), or one just inserted (ending: its end-of-paragraph item). */
class SimCaretParagraphProxy extends SimProxy<{ ending: Item | null }> {
  readonly _className = "Paragraph";
  /** WordApi 1.1: only an empty paragraph after the caret's is modelled. */
  insertParagraph(paragraphText: string, insertLocation: string): SimCaretParagraphProxy {
    const location = "Paragraph.insertParagraph";
    // Paragraph.insertParagraph takes Before or After (Word.InsertLocation); anything else is Word's InvalidArgument.
    if (insertLocation !== "Before" && insertLocation !== "After")
      fail("InvalidArgument", location, `The insert location '${insertLocation}' is not valid here.`);
    if (paragraphText !== "" || insertLocation !== "After")
      fail("InvalidArgument", location, "Only an empty paragraph After the caret's is modelled by the simulated host.");
    const made: { ending: Item | null } = { ending: null };
    this._queue(() => {
      if (this._target(location)) made.ending = this._host.doc.insertParagraphAfterCaret();
    });
    return new SimCaretParagraphProxy(this.context, () => made);
  }
  /** WordApi 1.1: a block-level control around the whole paragraph. */
  insertContentControl(): SimContentControlProxy {
    const location = "Paragraph.insertContentControl";
    let key = -1;
    this._queue(() => {
      const m = this._target(location);
      if (!m?.ending) fail("InvalidArgument", location, "Only a paragraph just inserted is modelled by the simulated host.");
      key = this._host.doc.wrapParagraphInControl(m.ending);
    });
    return new SimContentControlProxy(this.context, () => (key < 0 ? null : this._host.doc.control(key)));
  }
  protected _read(): unknown {
    return undefined;
  }
}

interface ParagraphModel {
  index: number;
  text: string;
  /** WordApi 1.3: 0 outside tables, 1 in a table cell (only modelled for a control's paragraphs). */
  tableNestingLevel?: number;
  /** The style's name, as Paragraph.style gives it. */
  style: string;
  font: string;
  size: number;
  lineSpacing: number;
}

class SimParagraphProxy extends SimProxy<ParagraphModel> {
  readonly _className = "Paragraph";
  static {
    SimProxy.describe(this, { loaded: ["text", "style", "lineSpacing", "font/name", "font/size", "tableNestingLevel"] });
  }
  /** Paragraph.font: only `name` and `size`, loaded as `font/name`, `font/size`. */
  get font(): { name: string; size: number } {
    return { name: this._get("font/name"), size: this._get("font/size") };
  }
  protected _read(m: ParagraphModel, name: string): unknown {
    switch (name) {
      case "text":
        return m.text;
      case "style":
        return m.style;
      case "lineSpacing":
        return m.lineSpacing;
      case "font/name":
        return m.font;
      case "font/size":
        return m.size;
      case "tableNestingLevel":
        return m.tableNestingLevel ?? 0;
      default:
        return undefined;
    }
  }
}

class SimParagraphCollection extends SimCollectionProxy<ParagraphModel, SimParagraphProxy> {
  readonly _className = "ParagraphCollection";
  protected override readonly _itemClass = SimParagraphProxy;
}

// --- Content controls -------------------------------------------------------------------------

class SimContentControlProxy extends SimProxy<ControlModel> {
  readonly _className = "ContentControl";
  static {
    SimProxy.describe(this, { loaded: ["id", "tag", "title", "text", "cannotDelete", "cannotEdit", "type", "appearance"] });
  }
  set tag(v: string) {
    this._set("tag", v);
  }
  set title(v: string) {
    this._set("title", v);
  }
  set cannotDelete(v: boolean) {
    this._set("cannotDelete", v);
  }
  set cannotEdit(v: boolean) {
    this._set("cannotEdit", v);
  }

  private _set(name: "tag" | "title" | "cannotDelete" | "cannotEdit", value: string | boolean): void {
    const location = `ContentControl.${name}`;
    this._queue(() => {
      const c = this._forMethod(location);
      if (c) (c as unknown as Record<string, unknown>)[name] = value;
      return () => this._loaded.set(name, value);
    });
  }

  insertText(text: string, insertLocation: string): SimRangeProxy {
    const location = "ContentControl.insertText";
    const where = insertLocationOf(insertLocation, location);
    let key = -1;
    this._queue(() => {
      const c = this._forMethod(location);
      if (!c) return;
      if (c.cannotEdit) fail("AccessDenied", location, "The content control cannot be edited.");
      key = c.key;
      if (where === "Replace") this._host.doc.docOf(c.key).replaceControlText(c.key, text);
      else this._host.doc.docOf(c.key).insertIntoControl(c.key, text, where);
    });
    return new SimRangeProxy(
      this.context,
      () => (key < 0 ? null : { text: this._host.doc.docOf(key).controlText(key) }),
      () => (where === "Replace" ? key : -1),
    );
  }

  /** WordApi 1.3: the table cell the control stands in, or a null object outside tables. */
  get parentTableCellOrNullObject(): SimTableCellProxy {
    this._host.need("1.3", "ContentControl.parentTableCellOrNullObject");
    return new SimTableCellProxy(this.context, () => this._target("ContentControl.parentTableCellOrNullObject")?.cell ?? null, true);
  }

  /** WordApi 1.1: only "Replace" is modelled (a table figure's whole content written again). */
  insertOoxml(ooxml: string, insertLocation: string): void {
    const location = "ContentControl.insertOoxml";
    const where = insertLocationOf(insertLocation, location);
    if (where !== "Replace") fail("InvalidArgument", location, `insertOoxml "${where}" is not modelled by the simulated host.`);
    this._queue(() => {
      const c = this._forMethod(location);
      if (!c) return;
      if (c.cannotEdit) fail("AccessDenied", location, "The content control cannot be edited.");
      this._host.doc.docOf(c.key).replaceControlOoxml(c.key, ooxml);
    });
  }

  /** WordApi 1.1: the paragraphs in the control, table cells' included (text and tableNestingLevel modelled). */
  get paragraphs(): SimParagraphCollection {
    return new SimParagraphCollection(this.context, () => {
      const c = this._target("ContentControl.paragraphs");
      return c
        ? this._host.doc
            .docOf(c.key)
            .controlParagraphs(c.key)
            .map((p, index) => ({ index, ...p, style: "", font: "", size: 0, lineSpacing: 0 }))
        : [];
    });
  }

  /** WordApi 1.3: the tables in the control. */
  get tables(): SimTableCollection {
    this._host.need("1.3", "ContentControl.tables");
    return new SimTableCollection(this.context, () => {
      const c = this._target("ContentControl.tables");
      return c
        ? this._host.doc
            .docOf(c.key)
            .controlTables(c.key)
            .map((values) => ({ values }))
        : [];
    });
  }

  /** WordApi 1.1: the control's range (only "Whole" is modelled). */
  getRange(rangeLocation = "Whole"): SimRangeProxy {
    if (rangeLocation !== "Whole") fail("InvalidArgument", "ContentControl.getRange", "Only Whole is modelled.");
    let key = -1;
    this._queue(() => {
      key = this._forMethod("ContentControl.getRange")?.key ?? -1;
    });
    return new SimRangeProxy(this.context, () => (key < 0 ? null : this._host.doc.docOf(key).controlRange(key)));
  }

  /** WordApi 1.1: the control's OOXML, tracked changes included. */
  getOoxml(): SimClientResult<string> {
    const location = "ContentControl.getOoxml";
    const result = this._result<string>(location);
    this._queue(() => {
      const c = this._forMethod(location);
      const xml = c ? this._host.doc.docOf(c.key).controlOoxml(c.key) : null;
      return () => result._set(xml as string);
    });
    return result;
  }

  /** WordApi 1.4: the text as it reads with tracked changes accepted (`Current`) or rejected (`Original`). */
  getReviewedText(version: string = "Current"): SimClientResult<string> {
    const location = "ContentControl.getReviewedText";
    this._host.need("1.4", location);
    if (version !== "Current" && version !== "Original") fail("InvalidArgument", location);
    const result = this._result<string>(location);
    this._queue(() => {
      const c = this._forMethod(location);
      const text = c ? this._host.doc.docOf(c.key).controlText(c.key, version) : null;
      return () => result._set(text as string);
    });
    return result;
  }

  /** WordApi 1.1: selects the control and scrolls it into view (the clerk sees where the figure is). */
  select(selectionMode?: string): void {
    const location = "ContentControl.select";
    if (selectionMode !== undefined && !["Select", "Start", "End"].includes(selectionMode)) {
      fail("InvalidArgument", location, `Unknown selection mode ${selectionMode}.`);
    }
    this._queue(() => {
      const c = this._forMethod(location);
      if (c) this._host.doc.docOf(c.key).selectControl(c.key);
    });
  }

  delete(keepContent: boolean): void {
    const location = "ContentControl.delete";
    this._queue(() => {
      const c = this._forMethod(location);
      if (!c) return;
      if (c.cannotDelete) fail("AccessDenied", location, "The content control cannot be deleted.");
      this._host.doc.docOf(c.key).removeControl(c.key, keepContent);
    });
  }

  protected _read(m: ControlModel, name: string): unknown {
    switch (name) {
      case "id":
        return m.wordId;
      case "text":
        return this._host.doc.docOf(m.key).controlText(m.key);
      case "type":
        return "RichText";
      case "appearance":
        return "BoundingBox";
      default:
        return (m as unknown as Record<string, unknown>)[name];
    }
  }
}

class SimContentControlCollection extends SimCollectionProxy<ControlModel, SimContentControlProxy> {
  readonly _className = "ContentControlCollection";
  protected override _item(m: ControlModel): SimContentControlProxy {
    // Bound to that control: it stays addressable while it lives, wherever it moves.
    return new SimContentControlProxy(this.context, () => this._host.doc.docOf(m.key).control(m.key));
  }
  private _filtered(keep: (c: ControlModel) => boolean): SimContentControlCollection {
    return new SimContentControlCollection(this.context, () => (this._target(this._className) ?? []).filter(keep));
  }
  getByTag(tag: string): SimContentControlCollection {
    return this._filtered((c) => c.tag === tag);
  }
  getByTitle(title: string): SimContentControlCollection {
    return this._filtered((c) => c.title === title);
  }
  getById(id: number): SimContentControlProxy {
    return new SimContentControlProxy(
      this.context,
      () => (this._target("ContentControlCollection.getById") ?? []).find((c) => c.wordId === id) ?? null,
    );
  }
  getByIdOrNullObject(id: number): SimContentControlProxy {
    this._host.need("1.3", "ContentControlCollection.getByIdOrNullObject");
    return new SimContentControlProxy(this.context, () => (this._target(this._className) ?? []).find((c) => c.wordId === id) ?? null, true);
  }
  getFirst(): SimContentControlProxy {
    this._host.need("1.3", "ContentControlCollection.getFirst");
    return new SimContentControlProxy(this.context, () => (this._target(this._className) ?? [])[0] ?? null);
  }
  getFirstOrNullObject(): SimContentControlProxy {
    this._host.need("1.3", "ContentControlCollection.getFirstOrNullObject");
    return new SimContentControlProxy(this.context, () => (this._target(this._className) ?? [])[0] ?? null, true);
  }
}

// --- Tables (WordApi 1.3) ---------------------------------------------------------------------

interface TableModel {
  values: string[][];
}

class SimTableProxy extends SimProxy<TableModel> {
  readonly _className = "Table";
  static {
    SimProxy.describe(this, { loaded: ["values", "rowCount"] });
  }
  protected _read(m: TableModel, name: string): unknown {
    return name === "values" ? m.values.map((r) => [...r]) : m.values.length;
  }
}

class SimTableCollection extends SimCollectionProxy<TableModel, SimTableProxy> {
  readonly _className = "TableCollection";
  protected override readonly _itemClass = SimTableProxy;
  getFirst(): SimTableProxy {
    return new SimTableProxy(this.context, () => (this._target("TableCollection.getFirst") ?? [])[0] ?? null);
  }
  getFirstOrNullObject(): SimTableProxy {
    return new SimTableProxy(this.context, () => (this._target(this._className) ?? [])[0] ?? null, true);
  }
}

// --- Custom XML parts (WordApi 1.4) -----------------------------------------------------------

class SimCustomXmlPartProxy extends SimProxy<PartModel> {
  readonly _className = "CustomXmlPart";
  static {
    SimProxy.describe(this, { loaded: ["id", "namespaceUri"] });
  }
  getXml(): SimClientResult<string> {
    const location = "CustomXmlPart.getXml";
    const result = this._result<string>(location);
    this._queue(() => {
      const p = this._forMethod(location);
      const xml = p ? p.xml : null;
      return () => result._set(xml as string);
    });
    return result;
  }
  setXml(xml: string): void {
    const location = "CustomXmlPart.setXml";
    this._queue(() => {
      const p = this._forMethod(location);
      if (!p) return;
      // Word has silently kept the old XML when the new one came with an XML declaration
      // (OfficeDev/office-js#1643): no error, no change.
      if (this._host.xmlDeclarationUpdates === "ignored" && XML_DECLARATION.test(xml)) return;
      const ns = rootNamespace(xml);
      if (ns === null) fail("InvalidArgument", location, "The XML is not well formed.");
      p.xml = xml;
      p.namespaceUri = ns;
    });
  }
  delete(): void {
    const location = "CustomXmlPart.delete";
    this._queue(() => {
      const p = this._forMethod(location);
      if (!p) return;
      const parts = this._host.doc.parts;
      const i = parts.indexOf(p);
      if (i >= 0) parts.splice(i, 1);
    });
  }
  protected _read(m: PartModel, name: string): unknown {
    return name === "id" ? m.id : name === "namespaceUri" ? m.namespaceUri : undefined;
  }
}

class SimCustomXmlPartScopedCollection extends SimCollectionProxy<PartModel, SimCustomXmlPartProxy> {
  readonly _className: string = "CustomXmlPartScopedCollection";
  protected override _item(m: PartModel): SimCustomXmlPartProxy {
    return new SimCustomXmlPartProxy(this.context, () => (this._host.doc.parts.includes(m) ? m : null));
  }
  getCount(): SimClientResult<number> {
    return this._count(`${this._className}.getCount`);
  }
  _markUndefinedWhenEmpty(on: boolean): void {
    this._undefinedWhenEmpty = on;
  }
  getItem(id: string): SimCustomXmlPartProxy {
    return new SimCustomXmlPartProxy(this.context, () => (this._target(this._className) ?? []).find((p) => p.id === id) ?? null);
  }
  getItemOrNullObject(id: string): SimCustomXmlPartProxy {
    return new SimCustomXmlPartProxy(this.context, () => (this._target(this._className) ?? []).find((p) => p.id === id) ?? null, true);
  }
  getOnlyItem(): SimCustomXmlPartProxy {
    return new SimCustomXmlPartProxy(this.context, () => {
      const list = this._target(this._className) ?? [];
      if (list.length !== 1)
        fail("InvalidOperation", "CustomXmlPartScopedCollection.getOnlyItem", "The collection does not contain exactly one item.");
      return list[0];
    });
  }
  getOnlyItemOrNullObject(): SimCustomXmlPartProxy {
    return new SimCustomXmlPartProxy(
      this.context,
      () => {
        const list = this._target(this._className) ?? [];
        return list.length === 1 ? list[0] : null;
      },
      true,
    );
  }
}

class SimCustomXmlPartCollection extends SimCustomXmlPartScopedCollection {
  override readonly _className = "CustomXmlPartCollection";
  getByNamespace(namespaceUri: string): SimCustomXmlPartScopedCollection {
    const scoped = new SimCustomXmlPartScopedCollection(this.context, () =>
      this._host.doc.parts.filter((p) => p.namespaceUri === namespaceUri),
    );
    scoped._markUndefinedWhenEmpty(this._host.emptyScopedItems === "undefined");
    return scoped;
  }
  add(xml: string): SimCustomXmlPartProxy {
    let added: PartModel | null = null;
    this._queue(() => {
      const state = this._host.doc.addCustomXmlPart(xml);
      added = this._host.doc.parts.find((p) => p.id === state.id) ?? null;
    });
    return new SimCustomXmlPartProxy(this.context, () => added);
  }
}

// ---------------------------------------------------------------------------------------------
// base64, without Node's Buffer or the DOM's atob.

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64ToBytes(s: string): Uint8Array {
  const clean = s.replace(/[\s=]/g, "");
  if (/[^A-Za-z0-9+/]/.test(clean)) fail("InvalidArgument", "insertFileFromBase64", "The file is not valid base64.");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    value = (value << 6) | B64.indexOf(clean[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

// ---------------------------------------------------------------------------------------------
// The Common API's custom XML parts (Office.context.document.customXmlParts), callback style.

interface SimAsyncResult<T> {
  status: "succeeded" | "failed";
  value: T;
  error?: { name: string; message: string; code: number };
}
type Callback<T> = (result: SimAsyncResult<T>) => void;

function lastCallback<T>(args: unknown[]): Callback<T> | undefined {
  const f = args[args.length - 1];
  return typeof f === "function" ? (f as Callback<T>) : undefined;
}

export interface SimCommonCustomXmlPart {
  id: string;
  namespaceManager: null;
  getXmlAsync(...args: unknown[]): void;
  deleteAsync(...args: unknown[]): void;
}

export interface SimCommonCustomXmlParts {
  addAsync(xml: string, ...args: unknown[]): void;
  getByIdAsync(id: string, ...args: unknown[]): void;
  getByNamespaceAsync(ns: string, ...args: unknown[]): void;
}

function commonCustomXmlParts(host: Host): SimCommonCustomXmlParts {
  const answer = <T>(args: unknown[], work: () => T) => {
    host.stats.commonApiCalls++;
    const cb = lastCallback<T>(args);
    void host.roundTrip().then(() => {
      let result: SimAsyncResult<T>;
      try {
        result = { status: "succeeded", value: work() };
      } catch (e) {
        result = {
          status: "failed",
          value: undefined as T,
          error: { name: "Error", message: String((e as Error)?.message ?? e), code: 5001 },
        };
      }
      cb?.(result);
    });
  };
  const wrap = (p: PartModel): SimCommonCustomXmlPart => ({
    id: p.id,
    namespaceManager: null,
    getXmlAsync: (...args: unknown[]) =>
      answer(args, () => {
        if (!host.doc.parts.includes(p)) throw new Error("The custom XML part no longer exists.");
        return p.xml;
      }),
    deleteAsync: (...args: unknown[]) =>
      answer(args, () => {
        const i = host.doc.parts.indexOf(p);
        if (i >= 0) host.doc.parts.splice(i, 1);
        return undefined;
      }),
  });
  return {
    addAsync: (xml, ...args) =>
      answer(args, () => {
        const state = host.doc.addCustomXmlPart(xml);
        return wrap(host.doc.parts.find((p) => p.id === state.id)!);
      }),
    getByIdAsync: (id, ...args) =>
      answer(args, () => {
        const p = host.doc.parts.find((x) => x.id === id);
        return p ? wrap(p) : null;
      }),
    getByNamespaceAsync: (ns, ...args) => answer(args, () => host.doc.parts.filter((p) => p.namespaceUri === ns).map(wrap)),
  };
}

/**
 * The document as getFileAsync(Compressed) gives it: the .docx as it is now. Modelled on the file the
 * document was opened from, with what the add-in changes written in: each control's current text
 * (inline controls, one run in the look of the control's first run; a control holding paragraphs or
 * a table keeps the file's content) and each custom XML part's current XML. Narrative edits made in
 * the simulated document are not serialised — a limit of the model, not of Word.
 */
export function serializeDocument(doc: SimWordDocument): Uint8Array {
  if (!doc.openedFrom) throw new Error("The simulated document was not opened from a file.");
  const files = unzipSync(doc.openedFrom);
  const stories: { name: string; doc: SimWordDocument }[] = [{ name: "word/document.xml", doc }];
  const storyFiles = (["header", "footer"] as const).flatMap((kind) =>
    Object.keys(files)
      .filter((n) => new RegExp(`^word/${kind}\\d*\\.xml$`).test(n))
      .sort(byNumber),
  );
  storyFiles.forEach((name, i) => {
    const story = doc.stories[i];
    if (story) stories.push({ name, doc: story.doc });
  });
  for (const { name, doc: story } of stories) files[name] = new TextEncoder().encode(writeControls(decode(files[name]), story));
  for (const name of Object.keys(files)) {
    const m = /^customXml\/item(\d*)\.xml$/i.exec(name);
    const props = m && files[`customXml/itemProps${m[1]}.xml`];
    const id = props && itemIdOf(decode(props));
    const part = id ? doc.parts.find((p) => p.id === id) : undefined;
    if (part) files[name] = new TextEncoder().encode(part.xml);
  }
  return zipSync(files);
}

/**
 * A story's XML with each of the file's controls as the document holds it now, found by the order
 * its `w:sdt` starts in the file (the order the controls were read in), never by its place among the
 * live controls: a control deleted in Word is gone from the file (with its words, or its words left
 * when deleted with them kept), and the controls after it keep their own texts. An inline control
 * is written as one run in the look of its first run; one holding paragraphs or a table keeps the
 * file's content, its nested controls written the same way.
 */
function writeControls(xml: string, story: SimWordDocument): string {
  const states = story.controls();
  const live = new Map(story.controlKeys().map((key, i) => [key, states[i]]));
  let next = 0;
  const rewrite = (text: string): string => {
    let out = "";
    let pos = 0;
    for (let start = text.indexOf("<w:sdt>", pos); start >= 0; start = text.indexOf("<w:sdt>", pos)) {
      const end = sdtEnd(text, start);
      const key = story.fileControlKeys[next++];
      const whole = text.slice(start, end);
      const open = whole.indexOf("<w:sdtContent>") + "<w:sdtContent>".length;
      const close = whole.lastIndexOf("</w:sdtContent>");
      const inner = whole.slice(open, close);
      const state = key === undefined ? undefined : live.get(key);
      let written: string;
      if (state === undefined) written = key !== undefined && story.unwrapped.has(key) ? rewrite(inner) : "";
      else if (/<w:(p|tbl|sdt)\b/.test(inner)) written = whole.slice(0, open) + rewrite(inner) + whole.slice(close);
      else {
        const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(inner)?.[0] ?? "";
        const words = state.current.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        written = `${whole.slice(0, open)}<w:r>${rPr}<w:t xml:space="preserve">${words}</w:t></w:r>${whole.slice(close)}`;
      }
      out += text.slice(pos, start) + written;
      pos = end;
    }
    return out + text.slice(pos);
  };
  return rewrite(xml);
}

/** The index just past the `</w:sdt>` that closes the `<w:sdt>` at `start` (controls nest). */
function sdtEnd(xml: string, start: number): number {
  let depth = 0;
  const tags = /<w:sdt>|<\/w:sdt>/g;
  tags.lastIndex = start;
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    depth += m[0] === "<w:sdt>" ? 1 : -1;
    if (depth === 0) return m.index + m[0].length;
  }
  return xml.length;
}

interface SimFileState {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, ...args: unknown[]): void;
  closeAsync(...args: unknown[]): void;
}

/**
 * Office.context.document.getFileAsync (requirement set CompressedFile for Office.FileType.Compressed):
 * the file in slices of at most 4 MB (sliceSize, default 4 MB), each slice's data an array of bytes;
 * no more than two files may be open at once — a third getFileAsync fails until one is closed.
 */
function getFileAsync(host: Host, open: { count: number }) {
  return (fileType: string, ...args: unknown[]) => {
    const options = (typeof args[0] === "object" && args[0] !== null ? args[0] : {}) as { sliceSize?: number };
    const cb = lastCallback<SimFileState>(args);
    host.stats.commonApiCalls++;
    void host.roundTrip().then(() => {
      const failed = (message: string, code: number) =>
        cb?.({ status: "failed", value: undefined as unknown as SimFileState, error: { name: "Error", message, code } });
      if (fileType !== "compressed" || !host.isSetSupported("CompressedFile", "1.1"))
        return failed("The file type is not supported by this host.", 5001);
      const sliceSize = options.sliceSize ?? FILE_SLICE_LIMIT;
      if (!(sliceSize > 0 && sliceSize <= FILE_SLICE_LIMIT)) return failed("The slice size is not valid.", 5001);
      if (open.count >= 2) return failed("There are already two files open; close one first.", 5001);
      const bytes = serializeDocument(host.doc);
      open.count++;
      let closed = false;
      const file: SimFileState = {
        size: bytes.length,
        sliceCount: Math.max(1, Math.ceil(bytes.length / sliceSize)),
        getSliceAsync: (index, ...rest) => {
          const done = lastCallback<{ data: number[]; index: number; size: number }>(rest);
          void host.roundTrip().then(() => {
            if (closed || index < 0 || index >= file.sliceCount)
              return done?.({
                status: "failed",
                value: undefined as never,
                error: { name: "Error", message: "The slice does not exist.", code: 5001 },
              });
            const data = Array.from(bytes.subarray(index * sliceSize, (index + 1) * sliceSize));
            done?.({ status: "succeeded", value: { data, index, size: data.length } });
          });
        },
        closeAsync: (...rest) => {
          if (!closed) open.count--;
          closed = true;
          lastCallback<void>(rest)?.({ status: "succeeded", value: undefined });
        },
      };
      cb?.({ status: "succeeded", value: file });
    });
  };
}

// ---------------------------------------------------------------------------------------------

export interface SimulatedWord {
  /** Stands in for the global `Word`: `run`, the insert locations and the error codes. */
  Word: {
    run: typeof Word.run;
    InsertLocation: Record<string, string>;
    ErrorCodes: typeof SimWordErrorCodes;
  };
  stats: SimWordStats;
  /** The live document: current state for assertions, and a clerk's edits. */
  document: SimWordDocument;
  isSetSupported(name: string, version?: string): boolean;
  /** The Common API's `Office.context.document.customXmlParts`, or undefined where the set is missing. */
  commonCustomXmlParts: SimCommonCustomXmlParts | undefined;
  /** The Common API's `Office.context.document.getFileAsync`. */
  getFileAsync: (fileType: string, ...args: unknown[]) => void;
  /** The options given to the last Document.insertFileFromBase64. */
  readonly lastInsertOptions: Record<string, unknown> | undefined;
  resetStats(): void;
}

export function createSimulatedWord(initialDocx?: Uint8Array, opts: SimWordOptions = {}): SimulatedWord {
  const document = new SimWordDocument(initialDocx);
  document.trackChanges = opts.changeTracking ?? false;
  const host = new Host(document, opts);
  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function") fail("InvalidArgument", "Word.run");
    const context = new SimWordContext(host);
    const result = (batch as (ctx: SimWordContext) => unknown)(context);
    if (!result || typeof (result as Promise<T>).then !== "function")
      fail("RunMustReturnPromise", "Word.run", 'The batch function passed to the ".run" method didn\'t return a promise.');
    const value = await (result as Promise<T>);
    // Like Office.js, whatever is still queued when the batch resolves goes in a final sync.
    await context.sync();
    return value;
  }
  return {
    Word: {
      run: run as unknown as typeof Word.run,
      InsertLocation: {
        replace: "Replace",
        start: "Start",
        end: "End",
        before: "Before",
        after: "After",
      },
      ErrorCodes: SimWordErrorCodes,
    },
    stats: host.stats,
    document,
    isSetSupported: (name, version) => host.isSetSupported(name, version),
    commonCustomXmlParts: host.isSetSupported("CustomXmlParts", "1.1") ? commonCustomXmlParts(host) : undefined,
    getFileAsync: getFileAsync(host, { count: 0 }),
    get lastInsertOptions() {
      return host.lastInsertOptions;
    },
    resetStats() {
      Object.assign(host.stats, { ...newSyncStats(), commonApiCalls: 0 });
    },
  };
}

export interface SimulatedWordOfficeOptions {
  /** Office.context.displayLanguage, e.g. `zh-CN`. */
  language: string;
  platform?: "OfficeOnline" | "PC" | "Mac";
}

/** Puts `Office` (host Word), `Word` and `OfficeExtension` on `globalObj`; returns a function that restores what was there. */
export function installSimulatedWordOffice(
  globalObj: Record<string, unknown>,
  sim: SimulatedWord,
  options: SimulatedWordOfficeOptions = { language: "zh-CN" },
): () => void {
  const office = officeGlobal({
    host: "Word",
    language: options.language,
    platform: options.platform,
    isSetSupported: (name, version) => sim.isSetSupported(name, version),
    document: { customXmlParts: sim.commonCustomXmlParts, getFileAsync: sim.getFileAsync },
  });
  return installGlobals(globalObj, {
    Office: office,
    Word: sim.Word,
    OfficeExtension: { Error: SimWordError, ErrorCodes: SimWordErrorCodes },
  });
}
