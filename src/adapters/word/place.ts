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
import type { FigureResult, FigureTable, LinkRecord, ReportSettings } from "../../core/types";
import { LocalizedError } from "../../core/errors";
import { OtherWorkbookError, workbookMismatch } from "../../core/refresh/recompute";
import { contentLook, figureSeparators } from "../docx/content-control";
import { tableFigureContent } from "../docx/table-figure";
import { tableOfText } from "../../core/figures/grouped";
import { ooxmlPackage } from "./apply";
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
  /** The workbook's 工作簿ID (EngineResult.link.workbookId): placing from another workbook than the report's is asked first. */
  workbookId?: string;
}

/** Where a placing runs (the open document by default) and how it goes on after the clerk was asked. */
export interface PlaceOptions {
  run?: WordRun;
  env?: Partial<WordEnvironment>;
  /** The clerk confirmed the workbook is right although its 工作簿ID is not the report's. */
  allowOtherWorkbook?: boolean;
  /**
   * A figure the document already holds with another value than the picked workbook's: `recorded`
   * places the document's recorded value (so its copies agree); without it nothing is placed and
   * FigureDiffersError says so.
   */
  differing?: "recorded";
}

/** A figure already in the document whose recorded value is not the picked workbook's. */
export interface DifferingFigure {
  id: string;
  name: string;
  /** The value the document's link record holds (what its copies were written with). */
  recorded: string;
  /** The picked workbook's value. */
  picked: string;
}

/** The code of a placing stopped because a figure would get a second, different copy. */
export const FIGURE_DIFFERS = "place.figure_differs";

/**
 * Placing a figure the document already holds with a different value would leave two copies of it
 * silently different (the new one then reads as a hand edit): nothing is placed; the pane offers to
 * refresh first or to place the recorded value.
 */
export class FigureDiffersError extends LocalizedError {
  constructor(readonly differing: DifferingFigure[]) {
    const zh = differing.map((d) => `“${d.name}”文档中为 ${d.recorded}，所选工作簿为 ${d.picked}`).join("；");
    const en = differing.map((d) => `"${d.name}" is ${d.recorded} in the document but ${d.picked} in the chosen workbook`).join("; ");
    super(
      FIGURE_DIFFERS,
      `${zh}。同一个指标在文档中不能有两个不同的数字：请先用所选工作簿刷新数据，或插入文档中记录的值。未插入任何内容。`,
      `${en}. One figure cannot show two different numbers in a document: refresh from the chosen workbook first, or insert the document's recorded value. Nothing was inserted.`,
    );
  }
}

/** The figures a placing would stop at (FigureDiffersError), read by code and shape so it survives the production build. */
export function differingFiguresOf(error: unknown): DifferingFigure[] | null {
  const e = error as { code?: unknown; differing?: unknown } | null;
  return e && e.code === FIGURE_DIFFERS && Array.isArray(e.differing) ? (e.differing as DifferingFigure[]) : null;
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

/**
 * What every placing starts from: the link record the document had (null for a document without
 * one; a damaged or newer one stops the placing) and whether figures get bookmarks (WordApi 1.4).
 */
async function beginPlacing(source: PlaceSource, options: PlaceOptions) {
  const { run = defaultRun, env } = options;
  const read = await readLinkedReport(run, env);
  if (read.problem && read.problem.code !== "not_linked")
    throw new WordLinkError(read.problem.code, read.problem.message, read.problem.messageEn);
  // A report's figures come from its own workbook: another one is asked about, as 刷新数据 does.
  const mismatch =
    read.record && source.workbookId !== undefined ? workbookMismatch(read.record, source.workbookId, source.workbookName) : null;
  if (mismatch && !options.allowOtherWorkbook) throw new OtherWorkbookError(mismatch);
  return { read, bookmarks: environment(env).isSetSupported("WordApi", "1.4"), run, env };
}

/**
 * The text a placed copy of `id` gets: the picked workbook's, unless the document already records
 * the figure with another value — then the recorded one when the clerk chose it, else it is listed
 * (and nothing is placed).
 */
function placedText(id: string, picked: string, record: LinkRecord | null, options: PlaceOptions, differing: DifferingFigure[]): string {
  const recorded = record?.figures.find((f) => f.id === id);
  if (!recorded || recorded.text === picked) return picked;
  if (options.differing === "recorded") return recorded.text;
  if (!differing.some((d) => d.id === id)) differing.push({ id, name: recorded.name, recorded: recorded.text, picked });
  return picked;
}

/** Puts one figure (or setting) where the clerk's cursor is, as a linked control showing its current text. */
export async function insertFigureAtCursor(id: string, source: PlaceSource, options: PlaceOptions = {}): Promise<PlaceResult> {
  const { read, bookmarks, run, env } = await beginPlacing(source, options);
  const name = resolvePlaceholder(id, source.figures)?.name ?? id;
  const differing: DifferingFigure[] = [];
  const value = slotValue(id, source.figures, source.settings);
  const shown = placedText(id, value.text, read.record, options, differing);
  if (differing.length) throw new FigureDiffersError(differing);
  if (value.table !== undefined) {
    // The recorded value, when the clerk chose it, is the table the document already shows.
    const table = shown === value.text ? value.table : tableOfText(shown);
    await placeTableFigure(id, name, table, shown, run, env);
  } else
    await run(async (context) => {
      const touching = await figuresTouchingCursor(context, read.controls, env);
      const { before, after } = figureSeparators(touching);
      // Each piece goes in at the cursor, which Word moves past what it inserts: the separators stay outside the control.
      if (before) context.document.getSelection().insertText(before, "Replace");
      const text = context.document.getSelection().insertText(shown, "Replace");
      dressAsFigure(text, id, name, shown, bookmarks ? figureBookmarkName(id, occurrence(read.controls, id)) : null);
      if (after) context.document.getSelection().insertText(after, "Replace");
      await context.sync();
    });
  const record = nextRecord(read.record, [id], source);
  const linkPart = await storeRecord(record, read, run, env);
  return finish({ placed: [{ id, name, text: shown }], unknown: [], linkPart, bookmarks, warnings: [] });
}

/** Turns every `{{…}}` the document's body, headers and footers hold into a linked figure; unknown ones are listed and left as typed. */
export async function convertPlaceholdersInWord(source: PlaceSource, options: PlaceOptions = {}): Promise<PlaceResult> {
  const { read, bookmarks, run, env } = await beginPlacing(source, options);
  const result: PlaceResult = { placed: [], unknown: [], linkPart: "unavailable", bookmarks, warnings: [] };
  const seen = new Map<string, number>();
  for (const c of read.controls) seen.set(c.id, (seen.get(c.id) ?? 0) + 1);
  const differing: DifferingFigure[] = [];
  const tables: string[] = [];
  const textOf = (id: string) => placedText(id, slotValue(id, source.figures, source.settings).text, read.record, options, differing);
  await run(async (context) => {
    /** The placeholders of one story (the body, a header, a footer), each with the figure it names (null: unknown). */
    const placeholdersIn = async (story: Word.Body) => {
      const found = story.search(PLACEHOLDER_SEARCH, { matchWildcards: true });
      found.load("items/text");
      await context.sync();
      // `*` stops at the first `}}`; a match that is not one whole placeholder (a brace typed alone) is passed over.
      return itemsOf(found)
        .map((range) => ({ range, whole: new RegExp(`^${PLACEHOLDER.source}$`).exec(range.text) }))
        .filter((m) => m.whole !== null)
        .map(({ range, whole }) => ({ range, target: resolvePlaceholder(whole![1], source.figures) }));
    };
    // Headers and footers are stories of their own that Body.search does not reach: each section's
    // three of each (Section.getHeader/getFooter, WordApi 1.1), one after the other — should Word
    // hand back the same story for two types, the second search no longer finds what the first converted.
    const stories = async (): Promise<Word.Body[]> => {
      const sections = context.document.sections;
      sections.load("items");
      await context.sync();
      const all: Word.Body[] = [context.document.body];
      for (const section of itemsOf(sections))
        for (const type of HEADER_FOOTER_TYPES) all.push(section.getHeader(type), section.getFooter(type));
      return all;
    };
    // First only read: a figure the document holds with another value stops the whole conversion
    // before anything is written (never two copies silently different).
    // A table figure's placeholder is left as typed: its table cannot go where the text is (the
    // placeholder may sit mid-sentence); the insert list places it as a block (said in the result).
    const isTable = (id: string) => slotValue(id, source.figures, source.settings).table !== undefined;
    for (const story of await stories())
      for (const { target } of await placeholdersIn(story)) if (target && !isTable(target.id)) textOf(target.id);
    if (differing.length) throw new FigureDiffersError(differing);
    for (const story of await stories()) {
      let placed = 0;
      for (const { range, target } of await placeholdersIn(story)) {
        if (!target) {
          result.unknown.push(range.text);
          continue;
        }
        if (isTable(target.id)) {
          if (!tables.includes(range.text)) tables.push(range.text);
          continue;
        }
        const shown = textOf(target.id);
        const n = (seen.get(target.id) ?? 0) + 1;
        seen.set(target.id, n);
        // The placeholder's text becomes the value, in the look of its first character (Word's Replace).
        const text = range.insertText(shown, "Replace");
        dressAsFigure(text, target.id, target.name, shown, bookmarks ? figureBookmarkName(target.id, n) : null);
        result.placed.push({ id: target.id, name: target.name, text: shown });
        placed++;
      }
      if (placed) await context.sync();
    }
  });
  if (tables.length)
    result.warnings.push({
      message: `${tables.join(" ")} 是表格指标，已原样保留：表格不能放在一行文字中。请把光标放在要放表格的段落，在列表中点“插入”（表格放在该段之后）。`,
      messageEn: `${tables.join(" ")} ${tables.length > 1 ? "are table figures" : "is a table figure"}, left as typed: a table cannot go inside a line of text. Put the cursor in the paragraph the table should follow and use Insert in the list.`,
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

/** The code of a table figure refused because the cursor is in a table cell. */
export const TABLE_IN_CELL = "place.table_in_cell";
/** The code of a table figure refused because this Word lacks WordApi 1.3. */
export const TABLE_NEEDS_1_3 = "place.table_needs_wordapi_1_3";

/**
 * A table figure is a block of its own: a new paragraph after the one the cursor is in becomes a
 * block-level control (tagged and locked like every figure) and gets the three-line table by
 * insertOoxml — the same table the generated report and the refresh write. The cursor inside a
 * table cell places nothing (Word would nest the table in the cell, wider than it): the clerk is told
 * which cell and what to do. Needs WordApi 1.3 (Range.parentTableCellOrNullObject, ParagraphCollection.getLast).
 */
async function placeTableFigure(
  id: string,
  name: string,
  table: FigureTable | null,
  shown: string,
  run: WordRun,
  env?: Partial<WordEnvironment>,
): Promise<void> {
  if (!environment(env).isSetSupported("WordApi", "1.3"))
    throw new LocalizedError(
      TABLE_NEEDS_1_3,
      `“${name}”是表格指标，在光标处插入表格需要 Word 2016 以后的版本（WordApi 1.3）。未插入任何内容。可在文档中输入 {{${name}}}，再在 Excel 的“报告模板”中用此文档生成报告。`,
      `"${name}" is a table figure; inserting a table at the cursor needs a newer Word (WordApi 1.3). Nothing was inserted. Type {{${name}}} in the document instead and generate the report from it in Excel's report templates.`,
    );
  await run(async (context) => {
    const selection = context.document.getSelection();
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- a navigation to another proxy, loaded on the next line
    const cell = selection.parentTableCellOrNullObject;
    cell.load("rowIndex,cellIndex");
    await context.sync();
    if (!cell.isNullObject)
      throw new LocalizedError(
        TABLE_IN_CELL,
        `光标在表格的第 ${cell.rowIndex + 1} 行第 ${cell.cellIndex + 1} 列：“${name}”是表格指标，不能放进另一个表格的单元格。未插入任何内容。请把光标放在表格外的段落中（表格指标插在该段之后）。`,
        `The cursor is in a table, row ${cell.rowIndex + 1}, column ${cell.cellIndex + 1}: "${name}" is a table figure and cannot go inside another table's cell. Nothing was inserted. Put the cursor in a paragraph outside the table (the table goes after that paragraph).`,
      );
    const control = selection.paragraphs.getLast().insertParagraph("", "After").insertContentControl();
    control.tag = slotTag(id);
    control.title = name;
    control.cannotDelete = true;
    control.insertOoxml(ooxmlPackage(tableFigureContent(table, shown)), "Replace");
    await context.sync();
  });
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

/**
 * Whether a figure control ends right at the cursor (before) or starts right there (after), with
 * nothing between: Range.compareLocationWith (WordApi 1.3) of each figure's whole range with the
 * selection, one sync. Before WordApi 1.3 nothing is known and no separator is put in.
 */
async function figuresTouchingCursor(
  context: Word.RequestContext,
  controls: { wordId: number }[],
  env?: Partial<WordEnvironment>,
): Promise<{ before: boolean; after: boolean }> {
  if (controls.length === 0 || !environment(env).isSetSupported("WordApi", "1.3")) return { before: false, after: false };
  const selection = context.document.getSelection();
  const all = context.document.contentControls;
  const relations = controls.map((c) => all.getByIdOrNullObject(c.wordId).getRange("Whole").compareLocationWith(selection));
  await context.sync();
  return {
    before: relations.some((r) => r.value === "AdjacentBefore"),
    after: relations.some((r) => r.value === "AdjacentAfter"),
  };
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
