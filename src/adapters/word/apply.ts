// Writing a reviewed refresh plan into the live document in one round trip: the new text of each
// figure control being updated, then the link record. Nothing outside those controls is touched.
import { linkRecordToXml, slotTag } from "../../core/link";
import { isPlaceholderText } from "../../core/format";
import type { RefreshPlan } from "../../core/refresh/plan";
import {
  asyncCall,
  defaultRun,
  environment,
  type LinkPartRef,
  type WordEnvironment,
  type WordFoundControl,
  type WordMessage,
  type WordRun,
} from "./host";

/** A refresh plan with what the write needs to find the controls and the link part again. */
export interface WordRefreshPlan extends RefreshPlan {
  /** The controls the plan's indexes refer to, as read. */
  controls: WordFoundControl[];
  linkPart: LinkPartRef | null;
  extraLinkParts: string[];
}

export interface ApplyResult {
  /** Controls written. */
  written: number;
  /** Figures whose control the clerk changed between the review and the write (already overwritten). */
  changedSinceReview: string[];
  linkPart: "replaced" | "added" | "unavailable";
  warnings: WordMessage[];
}

/**
 * The write, as one sync: each control is addressed by the id it had when read, its tag and text
 * are loaded just before its new text goes in (commands run in order), so a control that changed
 * since the review is reported rather than silently missed. Controls are written before the link
 * record: if the record then failed, the next refresh still finds the new text equal to the new
 * value and leaves it alone.
 */
export async function applyRefresh(plan: WordRefreshPlan, run: WordRun = defaultRun, env?: Partial<WordEnvironment>): Promise<ApplyResult> {
  const host = environment(env);
  const wordParts = host.isSetSupported("WordApi", "1.4");
  const xml = linkRecordToXml(plan.record);
  const result: ApplyResult = { written: plan.writes.length, changedSinceReview: [], linkPart: "unavailable", warnings: [] };

  await run(async (context) => {
    const controls = context.document.body.contentControls;
    const checks = plan.writes.map((w) => {
      const found = plan.controls[w.index];
      if (!found || found.id !== w.id) throw new Error(`refresh plan write ${w.index} (${w.id}) does not match the controls read`);
      const control = controls.getById(found.wordId);
      // eslint-disable-next-line office-addins/no-navigational-load -- tag and text are plain properties of ContentControl, not navigation properties
      control.load("tag,text");
      const written = control.insertText(w.text, "Replace");
      // Replaced text keeps the formatting of what it replaces: a number written over a placeholder
      // would stay yellow, and a placeholder over a number would not stand out.
      written.font.highlightColor = isPlaceholderText(w.text) ? "Yellow" : (null as unknown as string);
      return { w, found, control };
    });
    if (wordParts) {
      const parts = context.document.customXmlParts;
      if (plan.linkPart) parts.getItem(plan.linkPart.id).setXml(xml);
      else parts.add(xml);
      for (const id of plan.extraLinkParts) parts.getItem(id).delete();
      result.linkPart = plan.linkPart ? "replaced" : "added";
    }
    await context.sync();
    for (const { w, found, control } of checks) {
      if (control.tag !== slotTag(w.id) || control.text !== found.text) result.changedSinceReview.push(w.id);
    }
  });

  if (!wordParts) result.linkPart = await writeCommonLinkPart(host, plan, xml);
  if (result.linkPart === "unavailable")
    result.warnings.push({
      message: "数字已更新，但此版本的 Word 无法保存链接信息，下次刷新将无法区分手工修改。",
      messageEn:
        "The figures were updated, but this version of Word cannot store the link data; the next refresh cannot tell hand edits apart.",
    });
  if (result.changedSinceReview.length)
    result.warnings.push({
      message: `以下数字在核对后又被修改过，已按核对结果覆盖：${result.changedSinceReview.join("、")}。如需恢复，请使用撤销。`,
      messageEn: `These figures were changed after the review and have been overwritten as reviewed: ${result.changedSinceReview.join(", ")}. Use Undo to get them back.`,
    });
  return result;
}

/** WordApi 1.3: the Common API has no setXml, so add the new record, then drop the old parts. */
async function writeCommonLinkPart(host: WordEnvironment, plan: WordRefreshPlan, xml: string): Promise<ApplyResult["linkPart"]> {
  const parts = host.isSetSupported("CustomXmlParts", "1.1") ? host.commonCustomXmlParts() : undefined;
  if (!parts) return "unavailable";
  await asyncCall<Office.CustomXmlPart>((cb) => parts.addAsync(xml, cb));
  const old = [plan.linkPart?.id, ...plan.extraLinkParts].filter((id): id is string => Boolean(id));
  for (const id of old) {
    const part = await asyncCall<Office.CustomXmlPart | null>((cb) => parts.getByIdAsync(id, cb));
    if (part) await asyncCall<void>((cb) => part.deleteAsync(cb));
  }
  return plan.linkPart ? "replaced" : "added";
}
