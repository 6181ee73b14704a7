// Reading a live report: its figure controls and its link record, in one round trip where the
// host allows. On WordApi 1.3 (no custom XML part API) the link part comes through the Common API.
import { LocalizedError } from "../../core/errors";
import { LINK_NAMESPACE, parseLinkRecord } from "../../core/link";
import { figureOfTag, textOfWordControl } from "../docx/content-control";
import type { LinkRecord } from "../../core/types";
import { asyncCall, defaultRun, currentTextOfOoxml, environment, hasTrackedChanges, isOfficeError, itemsOf } from "./host";
import type { LinkPartRef, WordEnvironment, WordFoundControl, WordMessage, WordRun } from "./host";

export type WordLinkProblemCode = "not_linked" | "newer_version" | "link_missing" | "link_damaged" | "link_unreadable";

export interface WordLinkProblem extends WordMessage {
  code: WordLinkProblemCode;
}

export interface LinkedReportRead {
  /** The stored link record; null whenever there is a problem. */
  record: LinkRecord | null;
  /** The `lr:` controls, in document order. */
  controls: WordFoundControl[];
  problem?: WordLinkProblem;
  /** The link part the record came from (also set when it could not be parsed), for the write. */
  linkPart: LinkPartRef | null;
  /** Further parts in the link namespace; the next write removes them so only one record remains. */
  extraLinkParts: string[];
  /**
   * Whether the document tracks changes or holds tracked changes in a figure: true when seen
   * (Document.changeTrackingMode on WordApi 1.4, or w:ins/w:del in a figure's OOXML), else false.
   */
  changeTracking: boolean;
}

/** Thrown by refreshInWord when the document cannot be refreshed. */
export class WordLinkError extends LocalizedError {
  declare readonly code: WordLinkProblemCode;
  constructor(code: WordLinkProblemCode, message: string, messageEn: string) {
    super(code, message, messageEn);
  }
}

interface PartText {
  id: string;
  xml: string;
}

function figureControls(items: { id: number; tag: string; text: string }[]): WordFoundControl[] {
  const out: WordFoundControl[] = [];
  for (const c of items) {
    const id = figureOfTag(c.tag ?? "");
    if (!id) continue;
    // Word spells breaks its own way (\v, \r); the text compared and shown is the file reader's.
    const text = textOfWordControl(c.text);
    out.push(text === c.text ? { id, text, wordId: c.id, tag: c.tag } : { id, text, rawText: c.text, wordId: c.id, tag: c.tag });
  }
  return out;
}

/**
 * One sync: the controls, and the link part's XML through getOnlyItemOrNullObject().getXml() —
 * the only way to get a part's XML without first learning its id. When there is more than one
 * part in the namespace (a report inserted twice), one more sync fetches each.
 */
interface WordPartsRead {
  controls: WordFoundControl[];
  parts: PartText[];
  tracking: boolean;
  /** The body's `lr_` figure bookmarks (first copies): what is left of a report whose link went through .odt. */
  figureBookmarks: number;
}

/** A figure's `lr_<id>` bookmark, not a further copy's (`lr_<id>__2`): counted as the file reader counts them. */
function figureBookmarkCount(names: readonly string[]): number {
  return names.filter((n) => n.startsWith("lr_") && !n.includes("__")).length;
}

/**
 * Queues the first read of both paths: tracking mode, the figure controls, the link namespace's parts.
 * The controls are the Document's (WordApi 1.1), not the Body's: Body.contentControls leaves out the
 * headers and footers, whose figures would then read as deleted. getHeader/getFooter per section
 * would cost a sync more and miss nothing Document.contentControls has.
 */
function queueFirstRead(context: Word.RequestContext) {
  context.document.load("changeTrackingMode");
  const all = context.document.contentControls.load("items/id,items/tag,items/text");
  const scoped = context.document.customXmlParts.getByNamespace(LINK_NAMESPACE);
  scoped.load("items/id");
  // The `lr_` bookmarks survive where the link part and the controls do not (an .odt round trip):
  // read in the same sync (Range.getBookmarks, WordApi 1.4, like the rest of this read), so a lost
  // link is said as lost rather than as "never a report".
  const bookmarks = context.document.body.getRange("Whole").getBookmarks(false, false);
  return { all, scoped, bookmarks };
}

async function readWithWordParts(run: WordRun): Promise<WordPartsRead> {
  return run(async (context) => {
    const { all, scoped, bookmarks } = queueFirstRead(context);
    const only = scoped.getOnlyItemOrNullObject();
    only.load("id");
    const onlyXml = only.getXml();
    await context.sync();
    const controls = figureControls(all.items);
    const items = itemsOf(scoped);
    const tracking = context.document.changeTrackingMode !== "Off";
    const figureBookmarks = figureBookmarkCount(bookmarks.value);
    /* eslint-disable office-addins/load-object-before-read -- scoped.load("items/id") and only.getXml() were synced above */
    if (items.length === 0) return { controls, parts: [], tracking, figureBookmarks };
    if (items.length === 1 && !only.isNullObject)
      return { controls, parts: [{ id: only.id, xml: onlyXml.value }], tracking, figureBookmarks };
    /* eslint-enable office-addins/load-object-before-read */
    const xmls = items.map((p) => ({ id: p.id, xml: p.getXml() }));
    await context.sync();
    return { controls, parts: xmls.map((p) => ({ id: p.id, xml: p.xml.value })), tracking, figureBookmarks };
  });
}

/** Two syncs, for a host that rejects a method called on a null object. */
async function readWithWordPartsStepwise(run: WordRun): Promise<WordPartsRead> {
  return run(async (context) => {
    const { all, scoped, bookmarks } = queueFirstRead(context);
    await context.sync();
    const xmls = itemsOf(scoped).map((p) => ({ id: p.id, xml: p.getXml() }));
    if (xmls.length) await context.sync();
    return {
      controls: figureControls(all.items),
      parts: xmls.map((p) => ({ id: p.id, xml: p.xml.value })),
      tracking: context.document.changeTrackingMode !== "Off",
      figureBookmarks: figureBookmarkCount(bookmarks.value),
    };
  });
}

/**
 * With Track Changes, ContentControl.text still holds the deleted old value, so a figure we wrote
 * under tracking would read as a hand edit. Every control whose text is not what we last wrote is
 * read again as the clerk sees it: getReviewedText("Current") on WordApi 1.4, else its OOXML without
 * the tracked deletions (getOoxml, WordApi 1.1). One more sync, only when there is such a control.
 */
async function readAsReviewed(run: WordRun, host: WordEnvironment, controls: WordFoundControl[], record: LinkRecord): Promise<boolean> {
  const written = new Map(record.figures.map((f) => [f.id, f.text]));
  const candidates = controls.filter((c) => c.text !== written.get(c.id));
  if (candidates.length === 0) return false;
  const reviewed = host.isSetSupported("WordApi", "1.4");
  const nullObjects = host.isSetSupported("WordApi", "1.3");
  let tracked = false;
  try {
    await run(async (context) => {
      const all = context.document.contentControls;
      const results = candidates.map((c) => {
        const control = nullObjects ? all.getByIdOrNullObject(c.wordId) : all.getById(c.wordId);
        return reviewed ? { current: control.getReviewedText("Current"), ooxml: null } : { current: null, ooxml: control.getOoxml() };
      });
      await context.sync();
      candidates.forEach((c, i) => {
        const { current, ooxml } = results[i];
        const text = current ? current.value : currentTextOfOoxml(ooxml!.value);
        if (ooxml && hasTrackedChanges(ooxml.value)) tracked = true;
        if (typeof text !== "string") return;
        const reviewed = textOfWordControl(text);
        if (reviewed !== c.text) {
          // rawText stays ContentControl.text as Word gave it: the write compares against that.
          c.rawText ??= c.text;
          c.text = reviewed;
        }
      });
    });
  } catch (e) {
    // A control deleted since the first read: the raw texts stand (a conflict is kept, never overwritten).
    if (!isOfficeError(e)) throw e;
  }
  return tracked;
}

/**
 * A table figure's control is read by its table's cells (Table.values, WordApi 1.3): every cell, row by
 * row, one per line, then each paragraph of the control outside the table that shows text (its
 * rounding note; Paragraph.tableNestingLevel, WordApi 1.3) — the text the file patcher reads and the
 * record keeps, so an untouched table with its note is no edit and a changed note is one.
 * ContentControl.text runs the cells together, and Word may leave an empty paragraph after an inserted
 * table (office-js#116, #2655) — an empty paragraph is not read — so neither can tell a hand edit from
 * our own table. A control without a table (its placeholder, or the clerk deleted the table) keeps its
 * text. Before WordApi 1.3 nothing more is read: the text then differs from the record and the figure
 * is kept as a conflict — never overwritten.
 */
async function readTables(run: WordRun, host: WordEnvironment, controls: WordFoundControl[], record: LinkRecord): Promise<void> {
  const tableIds = new Set(record.figures.filter((f) => f.kind === "table").map((f) => f.id));
  const candidates = controls.filter((c) => tableIds.has(c.id));
  if (candidates.length === 0 || !host.isSetSupported("WordApi", "1.3")) return;
  try {
    await run(async (context) => {
      const all = context.document.contentControls;
      const texts = candidates.map((c) => queueTableFigureText(all.getByIdOrNullObject(c.wordId)));
      await context.sync();
      candidates.forEach((c, i) => {
        const text = texts[i]();
        if (text === null) return;
        c.rawText ??= c.text;
        c.text = text;
      });
    });
  } catch (e) {
    // A control deleted since the first read: its text stands (a conflict is kept, never overwritten).
    if (!isOfficeError(e)) throw e;
  }
}

/**
 * Queues the read of a table figure's text in its control (see readTables: the table's cells by
 * Table.values, then the paragraphs outside the table that show text); after the sync the returned
 * function gives it, or null when the control holds no table. Read and write-back use this one rule.
 */
export function queueTableFigureText(control: Word.ContentControl): () => string | null {
  const table = control.tables.getFirstOrNullObject();
  table.load("values");
  const paragraphs = control.paragraphs.load("items/text,items/tableNestingLevel");
  return () => {
    // eslint-disable-next-line office-addins/call-sync-before-read -- the caller syncs before calling this
    if (table.isNullObject) return null;
    const outside = itemsOf(paragraphs)
      .filter((p) => p.tableNestingLevel === 0 && p.text !== "")
      .map((p) => textOfWordControl(p.text));
    return [...table.values.map((row) => row.join("\n")), ...outside].join("\n");
  };
}

async function readControls(run: WordRun): Promise<WordFoundControl[]> {
  return run(async (context) => {
    const all = context.document.contentControls.load("items/id,items/tag,items/text");
    await context.sync();
    return figureControls(all.items);
  });
}

async function readCommonParts(parts: Office.CustomXmlParts): Promise<PartText[]> {
  const found = await asyncCall<Office.CustomXmlPart[]>((cb) => parts.getByNamespaceAsync(LINK_NAMESPACE, cb));
  return Promise.all(found.map(async (p) => ({ id: p.id, xml: await asyncCall<string>((cb) => p.getXmlAsync(cb)) })));
}

function problemFor(code: WordLinkProblemCode, controls: number, detail?: WordMessage): WordLinkProblem {
  switch (code) {
    case "not_linked":
      return {
        code,
        message: "当前文档不是由台账成文生成的报告（没有链接信息和数字控件），无法刷新数字。",
        messageEn: "This document is not a Ledger Report report (no link data, no figure controls); its figures cannot be refreshed.",
      };
    case "link_missing":
      return {
        code,
        message: `文档中有 ${controls} 个数字控件，但链接信息已丢失（可能被其他软件另存过），无法判断哪些数字被手工修改过。请重新生成报告。`,
        messageEn: `The document has ${controls} figure controls but its link data is gone (re-saved by another program?); hand edits cannot be told apart. Generate the report again.`,
      };
    case "link_unreadable":
      return {
        code,
        message: "此版本的 Word 无法读取文档中的链接信息（不支持自定义 XML 部件），无法刷新数字。请在 Excel 中用“更新已有报告”刷新该文件。",
        messageEn:
          "This version of Word cannot read the document's link data (no custom XML part support). Refresh the file from Excel with “Update an existing report” instead.",
      };
    default:
      return { code, message: detail?.message ?? "", messageEn: detail?.messageEn ?? "" };
  }
}

/** The link record and figure controls of the open document, and what stands in the way of a refresh. */
export async function readLinkedReport(run: WordRun = defaultRun, env?: Partial<WordEnvironment>): Promise<LinkedReportRead> {
  const host = environment(env);
  let controls: WordFoundControl[];
  let parts: PartText[] | null;
  let via: LinkPartRef["via"] = "word";
  let tracking = false;
  /** Below WordApi 1.4 bookmarks cannot be read: a lost link is then told from no link only by the file path. */
  let figureBookmarks = 0;
  if (host.isSetSupported("WordApi", "1.4")) {
    try {
      ({ controls, parts, tracking, figureBookmarks } = await readWithWordParts(run));
    } catch (e) {
      // Whether a method on a null object answers null or fails — and with which code — is not
      // documented; any Office error only costs one more round trip.
      if (!isOfficeError(e)) throw e;
      ({ controls, parts, tracking, figureBookmarks } = await readWithWordPartsStepwise(run));
    }
  } else {
    controls = await readControls(run);
    const common = host.isSetSupported("CustomXmlParts", "1.1") ? host.commonCustomXmlParts() : undefined;
    parts = common ? await readCommonParts(common) : null;
    via = "common";
  }

  const result: LinkedReportRead = { record: null, controls, linkPart: null, extraLinkParts: [], changeTracking: tracking };
  if (parts === null) {
    result.problem = problemFor(controls.length ? "link_unreadable" : "not_linked", controls.length);
    return result;
  }
  if (parts.length === 0 && controls.length === 0 && figureBookmarks > 0) {
    // Through .odt and back, LibreOffice drops the link part and the controls but keeps the `lr_` bookmarks.
    result.problem = {
      code: "link_missing",
      message: `文档中有 ${figureBookmarks} 个指标书签，但链接信息和数字控件都已丢失（另存为 .odt 等其他格式再转回 .docx 时会这样），无法判断哪些数字被手工修改过，不能在这里刷新。请打开另存之前的 .docx 报告刷新，或在 Excel 中重新生成报告。`,
      messageEn: `The document has ${figureBookmarks} figure bookmarks but its link data and figure controls are gone (as after a round trip through .odt or another format); hand edits cannot be told apart, so it cannot be refreshed here. Open the .docx from before that save and refresh it, or generate the report again in Excel.`,
    };
    return result;
  }
  if (parts.length === 0) {
    result.problem = problemFor(controls.length ? "link_missing" : "not_linked", controls.length);
    return result;
  }
  // With duplicates, the first part that reads wins; the others are dropped at the next write.
  const parsed = parts.map((p) => ({ part: p, parsed: parseLinkRecord(p.xml ?? "") }));
  const chosen = parsed.find((p) => p.parsed.ok) ?? parsed.find((p) => !p.parsed.ok && p.parsed.reason === "newer_version") ?? parsed[0];
  result.linkPart = { id: chosen.part.id, via };
  result.extraLinkParts = parts.filter((p) => p !== chosen.part).map((p) => p.id);
  if (chosen.parsed.ok && controls.length === 0 && chosen.parsed.record.figures.length > 0) {
    // LibreOffice and WPS keep the controls but empty their tags: planned as is, every figure would
    // read as deleted and drop out of the record. The file path finds them again by their bookmarks.
    const n = chosen.parsed.record.figures.length;
    result.problem = {
      code: "link_missing",
      message: `链接信息还在，但文档中找不到任何数字控件（共 ${n} 个）：控件标记可能在用其他软件（如 WPS、LibreOffice）另存时丢失了。请保存并关闭本文档，在 Excel 中用“更新已有报告”选择该文件刷新（可按书签找回这些数字并恢复标记），或用命令行 ledger-report refresh。`,
      messageEn: `The link data lists ${n} figures but the document has no figure controls left: their tags were probably lost when another program (WPS, LibreOffice) re-saved it. Save and close this document, then refresh the file from Excel with “Update an existing report” (it finds the figures again by their bookmarks and restores the tags), or with ledger-report refresh.`,
    };
  } else if (chosen.parsed.ok) {
    result.record = chosen.parsed.record;
    if (await readAsReviewed(run, host, controls, result.record)) result.changeTracking = true;
    await readTables(run, host, controls, result.record);
  } else
    result.problem = problemFor(
      chosen.parsed.reason === "newer_version" ? "newer_version" : "link_damaged",
      controls.length,
      chosen.parsed,
    );
  return result;
}
