// Writing a reviewed refresh plan into the live document: the new text of each figure control
// being updated, then the link record. Nothing outside those controls is touched.
//
// Real Word is not the happy path: a batch is not transactional (writes before a failed command
// stay), `getById` fails the whole batch for a control deleted since the review, and a control the
// clerk locked rejects insertText with AccessDenied. So the write looks first, then writes only what
// it may: sync 1 finds every control again (getByIdOrNullObject, WordApi 1.3) with its tag, text and
// lock; sync 2 writes the controls still as reviewed, reads each one back and stores the link record,
// reading that back too. A third sync happens only to correct the record when a write did not take.
import type { LinkRecord, LinkedFigure } from "../../core/types";
import { tableFigureContent } from "../docx/table-figure";
import { linkRecordToXml, parseLinkRecord } from "../../core/link";
import { contentLook, unchangedSinceReview } from "../docx/content-control";
import type { RefreshPlan } from "../../core/refresh/plan";
import { asyncCall, currentTextOfOoxml, defaultRun, environment, partPayload, sameRecord } from "./host";
import type { LinkPartRef, WordEnvironment, WordFoundControl, WordMessage, WordRun } from "./host";
import { queueTableFigureText } from "./read";

/** A refresh plan with what the write needs to find the controls and the link part again. */
export interface WordRefreshPlan extends RefreshPlan {
  /** The controls the plan's indexes refer to, as read. */
  controls: WordFoundControl[];
  linkPart: LinkPartRef | null;
  extraLinkParts: string[];
  /** The record the document held when read: a figure whose write does not happen keeps its entry. */
  previous: LinkRecord;
}

export interface ApplyResult {
  /** Controls written (and read back with the new text). */
  written: number;
  /** Figures the clerk changed between the review and the write: kept as the clerk left them. */
  changedSinceReview: string[];
  /** Figures whose control was deleted between the review and the write: skipped. */
  goneSinceReview: string[];
  /** Figures whose control was locked against editing after the review: skipped. */
  lockedSinceReview: string[];
  /** Figures whose control, read back after the write, does not show the new text. */
  notTaken: string[];
  linkPart: "replaced" | "added" | "unavailable" | "unverified";
  warnings: WordMessage[];
}

type Write = RefreshPlan["writes"][number];

/** The record to store when some planned writes did not happen: those figures keep their previous entry. */
export function recordAfterWrites(plan: WordRefreshPlan, missed: ReadonlySet<number>): LinkRecord {
  if (missed.size === 0) return plan.record;
  const written = new Set(plan.writes.filter((w) => !missed.has(w.index)).map((w) => w.id));
  const missedIds = new Set(plan.writes.filter((w) => missed.has(w.index) && !written.has(w.id)).map((w) => w.id));
  const previous = new Map(plan.previous.figures.map((f) => [f.id, f]));
  return { ...plan.record, figures: plan.record.figures.map((f) => (missedIds.has(f.id) && previous.get(f.id)) || f) };
}

export async function applyRefresh(plan: WordRefreshPlan, run: WordRun = defaultRun, env?: Partial<WordEnvironment>): Promise<ApplyResult> {
  const host = environment(env);
  const wordParts = host.isSetSupported("WordApi", "1.4");
  const nullObjects = host.isSetSupported("WordApi", "1.3");
  const result: ApplyResult = {
    written: 0,
    changedSinceReview: [],
    goneSinceReview: [],
    lockedSinceReview: [],
    notTaken: [],
    linkPart: "unavailable",
    warnings: [],
  };
  for (const w of plan.writes) {
    const found = plan.controls[w.index];
    if (!found || found.id !== w.id) throw new Error(`refresh plan write ${w.index} (${w.id}) does not match the controls read`);
  }
  let record = plan.record;

  await run(async (context) => {
    const controls = context.document.contentControls;
    // Sync 1: each control as it is now.
    let now: (Word.ContentControl | null)[];
    const tableIds = new Set(plan.record.figures.filter((f) => f.kind === "table").map((f) => f.id));
    /** The width in twips of the table cell a table figure's control stands in, by write (none in the body). */
    const cellWidths = new Map<Write, number>();
    if (nullObjects) {
      const cells: { w: Write; cell: Word.TableCell }[] = [];
      const proxies = plan.writes.map((w) => {
        const control = controls.getByIdOrNullObject(plan.controls[w.index].wordId);
        // eslint-disable-next-line office-addins/no-navigational-load -- plain properties of ContentControl
        control.load("tag,text,cannotEdit");
        // A table written into a table cell must fit it (TableCell.columnWidth, points; WordApi 1.3 like the table's read-back).
        if (tableIds.has(w.id)) {
          // eslint-disable-next-line office-addins/call-sync-before-read -- a navigation property (a proxy), loaded and read after the sync
          const cell = control.parentTableCellOrNullObject;
          cell.load("columnWidth");
          cells.push({ w, cell });
        }
        return control;
      });
      if (proxies.length) await context.sync();

      now = proxies.map((c) => (c.isNullObject ? null : c));
      for (const { w, cell } of cells) if (!cell.isNullObject && cell.columnWidth > 0) cellWidths.set(w, Math.round(cell.columnWidth * 20));
    } else {
      // WordApi 1.1/1.2 have no *OrNullObject: look the ids up in the loaded collection.
      controls.load("items/id,items/tag,items/text,items/cannotEdit");
      await context.sync();
      const byWordId = new Map(controls.items.map((c) => [c.id, c]));
      now = plan.writes.map((w) => byWordId.get(plan.controls[w.index].wordId) ?? null);
    }

    const missed = new Set<number>();
    const writing: { w: Write; control: Word.ContentControl }[] = [];
    plan.writes.forEach((w, i) => {
      const control = now[i];
      const found = plan.controls[w.index];
      if (!control) result.goneSinceReview.push(w.id);
      else if (!unchangedSinceReview(control, found)) result.changedSinceReview.push(w.id);
      else if (control.cannotEdit) result.lockedSinceReview.push(w.id);
      else {
        writing.push({ w, control });
        return;
      }
      missed.add(w.index);
    });

    // Sync 2: the writes, each read back in the same batch, and the link record.
    const tables = new Map(plan.record.figures.filter((f) => f.kind === "table").map((f) => [f.id, f]));
    // Before WordApi 1.3 a table cannot be read back (Table.values): it is not written, and said so.
    if (!nullObjects)
      for (const { w } of writing.filter(({ w }) => tables.has(w.id))) {
        result.notTaken.push(w.id);
        missed.add(w.index);
      }
    const notWritten = result.notTaken.length;
    const tableReadBack = writing
      .filter(({ w }) => nullObjects && tables.has(w.id))
      .map(({ w, control }) => ({ w, table: writeTable(control, tables.get(w.id)!, w.text, cellWidths.get(w)) }));
    const readBack = writing
      .filter(({ w }) => !tables.has(w.id))
      .map(({ w, control }) => {
        const written = control.insertText(w.text, "Replace");
        // Replaced text keeps the formatting of what it replaces: a number written over a placeholder
        // would stay yellow, and a placeholder over a number would not stand out.
        const { highlight } = contentLook(w.text);
        written.font.highlightColor = highlight === "yellow" ? "Yellow" : (null as unknown as string);

        control.load("text");
        return { w, control, current: wordParts ? control.getReviewedText("Current") : null };
      });
    record = recordAfterWrites(plan, missed);
    const stored = wordParts ? writeWordPart(context, plan, record) : null;
    await context.sync();

    // With Track Changes on, `text` still holds the deleted old value; the reviewed text does not.
    // Before WordApi 1.4, a control that reads back otherwise is looked at once more in its OOXML.
    tableReadBack.forEach(({ w, table }) => {
      const shown = table();
      if (shown === w.text || (shown === null && !tables.get(w.id)!.table)) return;
      result.notTaken.push(w.id);
      missed.add(w.index);
    });
    const unsure = readBack.filter(({ w, control, current }) => (current ? current.value : control.text) !== w.text);
    const ooxml = !wordParts ? unsure.map(({ control }) => control.getOoxml()) : [];
    if (ooxml.length) await context.sync();
    unsure.forEach(({ w }, i) => {
      if (ooxml[i] && currentTextOfOoxml(ooxml[i].value) === w.text) return;
      result.notTaken.push(w.id);
      missed.add(w.index);
    });
    result.written = readBack.length + tableReadBack.length - (result.notTaken.length - notWritten);
    if (!stored) return;
    const corrected = result.notTaken.length ? recordAfterWrites(plan, missed) : record;
    if (corrected === record && sameRecord(stored.check.value, record)) {
      result.linkPart = stored.how;
      return;
    }
    // Sync 3, only when needed: the record as written did not read back (or must say less).
    record = corrected;
    const payload = partPayload(linkRecordToXml(record));
    const fresh = context.document.customXmlParts.add(payload);
    const check = fresh.getXml();
    if (stored.id) context.document.customXmlParts.getItem(stored.id).delete();
    else stored.added?.delete();
    await context.sync();
    result.linkPart = sameRecord(check.value, record) ? stored.how : "unverified";
  });

  if (!wordParts) result.linkPart = await writeCommonLinkPart(host, plan, partPayload(linkRecordToXml(record)));
  result.warnings.push(...warningsFor(result));
  return result;
}

/** The package insertOoxml takes: a flat OPC document whose body is the given block content. */
export function ooxmlPackage(body: string): string {
  return (
    `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">` +
    `<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>` +
    `</pkg:xmlData></pkg:part>` +
    `<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>` +
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>` +
    `</pkg:xmlData></pkg:part></pkg:package>`
  );
}

/**
 * A table figure is written whole: insertText would flatten its table into one paragraph, so its
 * content is replaced by OOXML (insertOoxml "Replace", WordApi 1.1) — the same three-line table (and
 * rounding note) the generated report and the file patcher hold, as wide as the table cell the control
 * stands in (TableCell.columnWidth) or the text block — and read back by its cells and
 * note (queueTableFigureText: Table.values, Paragraph.tableNestingLevel, WordApi 1.3).
 */
function writeTable(control: Word.ContentControl, figure: LinkedFigure, text: string, cellWidth: number | undefined): () => string | null {
  control.insertOoxml(ooxmlPackage(tableFigureContent(figure.table, text, cellWidth)), "Replace");
  return queueTableFigureText(control);
}

/** Queues the record's write (replace, or add) and its read-back; extra link parts go. */
function writeWordPart(context: Word.RequestContext, plan: WordRefreshPlan, record: LinkRecord) {
  const parts = context.document.customXmlParts;
  const payload = partPayload(linkRecordToXml(record));
  for (const id of plan.extraLinkParts) parts.getItem(id).delete();
  if (plan.linkPart) {
    const part = parts.getItem(plan.linkPart.id);
    part.setXml(payload);
    return { how: "replaced" as const, id: plan.linkPart.id, added: null, check: part.getXml() };
  }
  const added = parts.add(payload);
  return { how: "added" as const, id: null, added, check: added.getXml() };
}

function warningsFor(result: ApplyResult): WordMessage[] {
  const out: WordMessage[] = [];
  const list = (ids: string[], sep: string) => ids.join(sep);
  if (result.linkPart === "unavailable")
    out.push({
      message: "数字已更新，但此版本的 Word 无法保存链接信息，下次刷新将无法区分手工修改。",
      messageEn:
        "The figures were updated, but this version of Word cannot store the link data; the next refresh cannot tell hand edits apart.",
    });
  if (result.linkPart === "unverified")
    out.push({
      message: "数字已更新，但读回的链接信息与写入的不一致，下次刷新可能无法区分手工修改。请保存文档后再刷新一次。",
      messageEn:
        "The figures were updated, but the link data read back differs from what was written; the next refresh may not tell hand edits apart. Save the document and refresh again.",
    });
  if (result.changedSinceReview.length)
    out.push({
      message: `以下数字在核对后又被修改过，已保留修改、未更新：${list(result.changedSinceReview, "、")}。如需更新，请再刷新一次。`,
      messageEn: `These figures were changed after the review and were kept as changed, not updated: ${list(result.changedSinceReview, ", ")}. Refresh again to update them.`,
    });
  if (result.goneSinceReview.length)
    out.push({
      message: `以下数字的控件在核对后被删除，未更新，也不会重新插入：${list(result.goneSinceReview, "、")}。`,
      messageEn: `These figures' controls were deleted after the review; they were not updated and will not be re-inserted: ${list(result.goneSinceReview, ", ")}.`,
    });
  if (result.lockedSinceReview.length)
    out.push({
      message: `以下数字的控件被设为“无法编辑内容”，未更新：${list(result.lockedSinceReview, "、")}。如需更新，请在控件属性中取消该选项后再刷新。`,
      messageEn: `These figures' controls are set to "Contents cannot be edited" and were not updated: ${list(result.lockedSinceReview, ", ")}. Clear that option in the control's properties and refresh again.`,
    });
  if (result.notTaken.length)
    out.push({
      message: `以下数字写入后读回的文字与应写入的不一致，请逐个核对：${list(result.notTaken, "、")}。链接信息中仍记为原来的数字。`,
      messageEn: `These figures did not read back as written; check each one: ${list(result.notTaken, ", ")}. The link data still records their earlier text.`,
    });
  return out;
}

/** WordApi 1.3: the Common API has no setXml, so add the new record, then drop the old parts. */
async function writeCommonLinkPart(host: WordEnvironment, plan: WordRefreshPlan, xml: string): Promise<ApplyResult["linkPart"]> {
  const parts = host.isSetSupported("CustomXmlParts", "1.1") ? host.commonCustomXmlParts() : undefined;
  if (!parts) return "unavailable";
  const added = await asyncCall<Office.CustomXmlPart>((cb) => parts.addAsync(xml, cb));
  const old = [plan.linkPart?.id, ...plan.extraLinkParts].filter((id): id is string => Boolean(id));
  for (const id of old) {
    const part = await asyncCall<Office.CustomXmlPart | null>((cb) => parts.getByIdAsync(id, cb));
    if (part) await asyncCall<void>((cb) => part.deleteAsync(cb));
  }
  const back = await asyncCall<string>((cb) => added.getXmlAsync(cb));
  if (!sameRecord(back, parseRecordOrNull(xml))) return "unverified";
  return plan.linkPart ? "replaced" : "added";
}

function parseRecordOrNull(xml: string): LinkRecord {
  const parsed = parseLinkRecord(xml);
  if (!parsed.ok) throw new Error("the link record written does not parse");
  return parsed.record;
}
