// Placing figures in the open document: a figure inserted at the cursor, and the document's own
// {{…}} placeholders turned into figures (将占位符转为指标). Each becomes the same linked control a
// generated report has (tag `lr:<id>`, title the figure's name, cannot be deleted), and the link
// record gains the figure — a document without one gets one — so 刷新 works on it.
//
// WordApi 1.1 does all the placing: Document.getSelection, Range.insertText, Range.insertContentControl,
// Body.search with wildcards. The text goes in first and the control is put around exactly that
// text: a control inserted on an empty selection can take the whole line in Word on the web
// (office-js#1996). The `lr_<id>` bookmark the file path adds needs Range.insertBookmark (WordApi 1.4)
// and is added where it is available; the link part needs WordApi 1.4 or the Common API's custom XML
// parts (CustomXmlParts 1.1), as every other write of the record.
import { LINK_NAMESPACE, linkRecordToXml, slotTag } from "../../core/link";
import { PLACEHOLDER, filledTemplateId, linkRecordForSlots, resolvePlaceholder, slotValue, withSlots } from "../../core/fill";
import type { FigureResult, LinkRecord, ReportSettings } from "../../core/types";
import { contentLook } from "../docx/content-control";
import { figureBookmarkName } from "../docx/bookmark-names";
import {
  asyncCall,
  defaultRun,
  environment,
  itemsOf,
  partPayload,
  sameRecord,
  type WordEnvironment,
  type WordMessage,
  type WordRun,
} from "./host";
import { readLinkedReport, WordLinkError } from "./read";

/** The figures and settings of the workbook the pane read: what a placeholder may name. */
export interface PlaceSource {
  figures: FigureResult[];
  settings: ReportSettings;
  workbookName: string;
}

export interface PlaceResult {
  /** The slots placed, in the order placed. */
  placed: { id: string; name: string; text: string }[];
  /** Placeholders naming no figure or setting, left as typed. */
  unknown: string[];
  linkPart: "replaced" | "added" | "unavailable" | "unverified";
  /** Whether the `lr_` bookmarks (the second anchor, WordApi 1.4) were added. */
  bookmarks: boolean;
  warnings: WordMessage[];
}

/** Word.HeaderFooterType: a section's headers and footers. */
const HEADER_FOOTER_TYPES = ["Primary", "FirstPage", "EvenPages"] as const;

/** Word's wildcard expression for `{{…}}`: braces are wildcard operators and take a backslash. */
export const PLACEHOLDER_SEARCH = "\\{\\{*\\}\\}";

const NO_LINK: WordMessage = {
  message: "数字已放入文档，但此版本的 Word 无法保存链接信息：刷新时将无法区分手工修改。",
  messageEn:
    "The figures are in the document, but this version of Word cannot store the link data: a refresh will not tell hand edits apart.",
};
const UNVERIFIED: WordMessage = {
  message: "数字已放入文档，但读回的链接信息与写入的不一致。请保存文档后用“刷新”核对一次。",
  messageEn:
    "The figures are in the document, but the link data read back differs from what was written. Save the document and refresh once to check.",
};

/** The link record the document had, or null for a document without one; a damaged or newer one stops the placing. */
async function currentRecord(run: WordRun, env?: Partial<WordEnvironment>) {
  const read = await readLinkedReport(run, env);
  if (read.problem && read.problem.code !== "not_linked")
    throw new WordLinkError(read.problem.code, read.problem.message, read.problem.messageEn);
  return read;
}

/** Puts one figure (or setting) where the clerk's cursor is, as a linked control showing its current text. */
export async function insertFigureAtCursor(
  id: string,
  source: PlaceSource,
  run: WordRun = defaultRun,
  env?: Partial<WordEnvironment>,
): Promise<PlaceResult> {
  const host = environment(env);
  const read = await currentRecord(run, env);
  const name = resolvePlaceholder(id, source.figures)?.name ?? id;
  const value = slotValue(id, source.figures, source.settings);
  const bookmarks = host.isSetSupported("WordApi", "1.4");
  await run(async (context) => {
    const text = context.document.getSelection().insertText(value.text, "Replace");
    dressAsFigure(text, id, name, value.text, bookmarks ? figureBookmarkName(id, occurrence(read.controls, id)) : null);
    await context.sync();
  });
  const record = nextRecord(read.record, [id], source);
  const linkPart = await storeRecord(record, read, run, env);
  return finish({ placed: [{ id, name, text: value.text }], unknown: [], linkPart, bookmarks, warnings: [] });
}

/** Turns every `{{…}}` the document's body, headers and footers hold into a linked figure; unknown ones are listed and left as typed. */
export async function convertPlaceholdersInWord(
  source: PlaceSource,
  run: WordRun = defaultRun,
  env?: Partial<WordEnvironment>,
): Promise<PlaceResult> {
  const host = environment(env);
  const read = await currentRecord(run, env);
  const bookmarks = host.isSetSupported("WordApi", "1.4");
  const result: PlaceResult = { placed: [], unknown: [], linkPart: "unavailable", bookmarks, warnings: [] };
  const seen = new Map<string, number>();
  for (const c of read.controls) seen.set(c.id, (seen.get(c.id) ?? 0) + 1);
  await run(async (context) => {
    /** Converts the placeholders of one story (the body, a header, a footer): search, then replace. */
    const convertIn = async (story: Word.Body) => {
      const found = story.search(PLACEHOLDER_SEARCH, { matchWildcards: true });
      found.load("items/text");
      await context.sync();
      let placed = 0;
      for (const range of itemsOf(found)) {
        // `*` stops at the first `}}`; a match that is not one whole placeholder (a brace typed alone) is passed over.
        const whole = new RegExp(`^${PLACEHOLDER.source}$`).exec(range.text);
        if (!whole) continue;
        const target = resolvePlaceholder(whole[1], source.figures);
        if (!target) {
          result.unknown.push(range.text);
          continue;
        }
        const value = slotValue(target.id, source.figures, source.settings);
        const n = (seen.get(target.id) ?? 0) + 1;
        seen.set(target.id, n);
        // The placeholder's text becomes the value, in the look of its first character (Word's Replace).
        const text = range.insertText(value.text, "Replace");
        dressAsFigure(text, target.id, target.name, value.text, bookmarks ? figureBookmarkName(target.id, n) : null);
        result.placed.push({ id: target.id, name: target.name, text: value.text });
        placed++;
      }
      if (placed) await context.sync();
    };
    await convertIn(context.document.body);
    // Headers and footers are stories of their own that Body.search does not reach: each section's
    // three of each (Section.getHeader/getFooter, WordApi 1.1), one after the other — should Word
    // hand back the same story for two types, the second search no longer finds what the first converted.
    const sections = context.document.sections;
    sections.load("items");
    await context.sync();
    for (const section of itemsOf(sections))
      for (const type of HEADER_FOOTER_TYPES) {
        await convertIn(section.getHeader(type));
        await convertIn(section.getFooter(type));
      }
  });
  if (result.placed.length === 0) return finish(result);
  const record = nextRecord(
    read.record,
    result.placed.map((p) => p.id),
    source,
  );
  result.linkPart = await storeRecord(record, read, run, env);
  return finish(result);
}

/** The text just written becomes a figure control: tagged, titled, not deletable by accident, yellow when unresolved. */
function dressAsFigure(text: Word.Range, id: string, name: string, shown: string, bookmark: string | null): void {
  if (contentLook(shown).highlight === "yellow") text.font.highlightColor = "Yellow";
  const control = text.insertContentControl();
  control.tag = slotTag(id);
  control.title = name;
  control.cannotDelete = true;
  if (bookmark) (control.getRange("Whole") as Word.Range).insertBookmark(bookmark);
}

function occurrence(controls: { id: string }[], id: string): number {
  return controls.filter((c) => c.id === id).length + 1;
}

function nextRecord(previous: LinkRecord | null, ids: string[], source: PlaceSource): LinkRecord {
  if (previous) return withSlots(previous, ids, source.figures, source.settings);
  return linkRecordForSlots(ids, source.figures, source.settings, source.workbookName, new Date().toISOString(), filledTemplateId("Word"));
}

/** Stores the record: the link part replaced (WordApi 1.4) or a new one in place of the old (Common API). */
async function storeRecord(
  record: LinkRecord,
  read: { linkPart: { id: string } | null; extraLinkParts: string[] },
  run: WordRun,
  env?: Partial<WordEnvironment>,
): Promise<PlaceResult["linkPart"]> {
  const host = environment(env);
  const payload = partPayload(linkRecordToXml(record));
  if (host.isSetSupported("WordApi", "1.4")) {
    return run(async (context) => {
      const parts = context.document.customXmlParts;
      for (const id of read.extraLinkParts) parts.getItem(id).delete();
      const part = read.linkPart ? parts.getItem(read.linkPart.id) : parts.add(payload);
      if (read.linkPart) part.setXml(payload);
      const check = part.getXml();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- getXml() returns a ClientResult, known after the sync above
      if (sameRecord(check.value, record)) return read.linkPart ? "replaced" : "added";
      // An update that did not take (office-js#1643): a new part in place of the old one.
      const fresh = parts.add(payload);
      part.delete();
      const again = fresh.getXml();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult, known after the sync above
      return sameRecord(again.value, record) ? (read.linkPart ? "replaced" : "added") : "unverified";
    });
  }
  const parts = host.isSetSupported("CustomXmlParts", "1.1") ? host.commonCustomXmlParts() : undefined;
  if (!parts) return "unavailable";
  const old = (await asyncCall<Office.CustomXmlPart[] | undefined>((cb) => parts.getByNamespaceAsync(LINK_NAMESPACE, cb))) ?? [];
  const added = await asyncCall<Office.CustomXmlPart>((cb) => parts.addAsync(payload, cb));
  for (const p of old) await asyncCall<void>((cb) => p.deleteAsync(cb));
  const back = await asyncCall<string>((cb) => added.getXmlAsync(cb));
  return sameRecord(back, record) ? (old.length ? "replaced" : "added") : "unverified";
}

function finish(result: PlaceResult): PlaceResult {
  if (result.linkPart === "unavailable" && result.placed.length) result.warnings.push(NO_LINK);
  if (result.linkPart === "unverified") result.warnings.push(UNVERIFIED);
  return result;
}
