// The clerk's own document: placeholders such as {{eg.count}}, {{电子保函笔数}}, {{年度}}, {{单位名称}}
// name a figure (by id or name) or a setting (by its slot id or its 报告设置 name). Resolving one gives
// a slot id — never a text — so how the value looks stays the one figure-rendering path (and a table
// figure can be placed by a placeholder later). Pure: plain data in, plain data out.
import type { Block, FigureResult, FigureTable, Issue, LinkRecord, LinkedFigure, ReportDocument, ReportSettings, Run } from "../types";
import { buildLinkRecord, MISSING_FIGURE_TEXT } from "../report";
import { SETTING_SLOT_NAMES, isSettingSlot, settingSlots } from "../report/slots";
import { headerDistance } from "../ledger/headers";
import { issueText } from "../messages";

/**
 * A placeholder as typed: two braces, a name of up to 60 characters without braces, tabs or line
 * breaks, two braces. Spaces just inside the braces are allowed (`{{ 年度 }}`).
 */
export const PLACEHOLDER = /\{\{([^{}\t\r\n]{1,60}?)\}\}/g;

/** Where a placeholder leads: a figure or a setting slot, by its id. */
export interface PlaceholderTarget {
  kind: "figure" | "setting";
  /** The slot id (`eg.count`, `setting.year`): what the control's tag and the link record carry. */
  id: string;
  /** The name the control shows as its title. */
  name: string;
}

/** 报告设置's own labels for the setting slots whose names differ from them. */
const SETTING_ALIASES: Readonly<Record<string, string>> = {
  报告年度: "setting.year",
  年份: "setting.year",
};

/** The slot a placeholder names: a figure id, a setting slot id, a figure's name, a setting's name; null when none. */
export function resolvePlaceholder(placeholder: string, figures: readonly Pick<FigureResult, "id" | "name">[]): PlaceholderTarget | null {
  const wanted = placeholder.trim();
  if (wanted === "") return null;
  const settingName = (id: string) => SETTING_SLOT_NAMES[id];
  const byId = figures.find((f) => f.id === wanted);
  if (byId) return { kind: "figure", id: byId.id, name: byId.name };
  if (isSettingSlot(wanted) && settingName(wanted)) return { kind: "setting", id: wanted, name: settingName(wanted) };
  // Names compare without spaces: Word users type 电子保函 笔数 as easily as 电子保函笔数.
  const fold = (s: string) => s.replace(/\s+/g, "");
  const byName = figures.find((f) => fold(f.name) === fold(wanted));
  if (byName) return { kind: "figure", id: byName.id, name: byName.name };
  const setting = Object.keys(SETTING_SLOT_NAMES).find((id) => settingName(id) === fold(wanted)) ?? SETTING_ALIASES[fold(wanted)];
  if (setting) return { kind: "setting", id: setting, name: settingName(setting) };
  return null;
}

/**
 * The figure or setting name a placeholder that names nothing most likely meant (`电子保函比数` →
 * `电子保函笔数`), by the same nearness the ledgers' headers are suggested with; null when none is
 * near enough or two are equally near (a guess between two would mislead). Only ever offered as a
 * question beside the placeholder, which stays as typed: never resolved to it.
 */
export function nearestPlaceholderName(placeholder: string, figures: readonly Pick<FigureResult, "id" | "name">[]): string | null {
  const wanted = placeholder.trim();
  if (wanted === "" || resolvePlaceholder(wanted, figures)) return null;
  const candidates = [
    ...figures.map((f) => ({ name: f.name, aliases: [f.id] })),
    ...Object.entries(SETTING_SLOT_NAMES).map(([id, name]) => ({ name, aliases: [id] })),
    ...Object.entries(SETTING_ALIASES).map(([alias, id]) => ({ name: SETTING_SLOT_NAMES[id], aliases: [alias] })),
  ];
  let best: { name: string; distance: number } | null = null;
  let tied = false;
  for (const candidate of candidates) {
    const distance = headerDistance(candidate, wanted);
    if (distance === null) continue;
    if (best === null || distance < best.distance) {
      best = { name: candidate.name, distance };
      tied = false;
    } else if (distance === best.distance && candidate.name !== best.name) tied = true;
  }
  return best && !tied ? best.name : null;
}

/** The question an unknown placeholder's message ends with, zh and en; empty when no name is near. */
export function placeholderSuggestion(
  placeholder: string,
  figures: readonly Pick<FigureResult, "id" | "name">[],
): { zh: string; en: string } {
  const near = nearestPlaceholderName(placeholder, figures);
  if (!near) return { zh: "", en: "" };
  const { message, messageEn } = issueText("fill.unknown_placeholder#near", { name: near });
  return { zh: message, en: messageEn };
}

/**
 * The error of the 指标定义 row a placeholder names (by the row's 编号 or 名称) when that row could not
 * be read — so the name resolves to no figure — or null. The placeholder then points at that row's
 * cell instead of being called the name of nothing. For every caller that resolves placeholders.
 */
export function brokenDefinitionOf(placeholder: string, issues: readonly Issue[]): Issue | null {
  const fold = (t: string) => t.replace(/\s+/g, "");
  const wanted = placeholder.trim();
  return (
    issues.find(
      (i) =>
        i.code.startsWith("definition.") &&
        Boolean(i.cell) &&
        (i.figure === wanted || (i.figureName !== undefined && fold(i.figureName) === fold(wanted))),
    ) ?? null
  );
}

/**
 * How a fill's placeholders came out: those that became linked figures, and how many of them show an
 * unresolved figure's ［待补］ (placed and refreshable, but no number yet — never to be called one).
 */
export function placedCounts(
  placeholders: readonly { target: { id: string } | null; refused?: string }[],
  figures: readonly Pick<FigureResult, "id" | "unresolved">[],
): { placed: number; pending: number } {
  const placed = placeholders.filter((p) => p.target !== null && !p.refused);
  const unresolved = new Set(figures.filter((f) => f.unresolved !== undefined).map((f) => f.id));
  return { placed: placed.length, pending: placed.filter((p) => unresolved.has(p.target!.id)).length };
}

/** What a slot shows now, and whether the clerk must look at it (an unresolved figure's 待补 placeholder). */
export interface SlotValue {
  text: string;
  unresolved: boolean;
  /** A table figure's table (null while the ledgers cannot support it); absent for any other slot. */
  table?: FigureTable | null;
}

export function slotValue(id: string, figures: readonly FigureResult[], settings: ReportSettings): SlotValue {
  if (isSettingSlot(id)) {
    const slot = settingSlots(settings).find((s) => s.id === id);
    return { text: slot?.text ?? "", unresolved: slot?.unresolved ?? false };
  }
  const fig = figures.find((f) => f.id === id);
  if (!fig) return { text: MISSING_FIGURE_TEXT, unresolved: true };
  const value: SlotValue = { text: fig.text, unresolved: fig.unresolved !== undefined };
  if (fig.table !== undefined) value.table = fig.table;
  return value;
}

/**
 * The link record of a document whose slots are `ids` (in the order they first appear): the same
 * record a generated report carries, so `refresh` treats both alike. `templateId` says where the
 * words came from (`docx:模板.docx`, or the built-in template's id).
 */
export function linkRecordForSlots(
  ids: readonly string[],
  figures: FigureResult[],
  settings: ReportSettings,
  workbookName: string,
  generatedAt: string,
  templateId: string = settings.template,
): LinkRecord {
  const names = new Map(figures.map((f) => [f.id, f.name]));
  const runs: Run[] = [...new Set(ids)].map((id) => {
    const value = slotValue(id, figures, settings);
    const run: Extract<Run, { kind: "slot" }> = { kind: "slot", id, name: SETTING_SLOT_NAMES[id] ?? names.get(id) ?? id, text: value.text };
    if (value.unresolved) run.unresolved = true;
    return run;
  });
  // A table figure is recorded as one (its control holds a table): a block of its own, the rest one paragraph.
  const byId = new Map(figures.map((f) => [f.id, f]));
  const blocks: Block[] = runs.map((run) => {
    const table = run.kind === "slot" ? byId.get(run.id)?.table : undefined;
    return run.kind === "slot" && table !== undefined ? { kind: "tableFigure", slot: run, table } : { kind: "paragraph", runs: [run] };
  });
  const doc: ReportDocument = { blocks, settings: { ...settings, template: templateId }, figures };
  return buildLinkRecord(doc, workbookName, generatedAt);
}

/** The linked figures of `ids` missing from `record`, recomputed: a figure inserted by hand refreshes like the template's. */
export function withSlots(record: LinkRecord, ids: readonly string[], figures: FigureResult[], settings: ReportSettings): LinkRecord {
  const known = new Set(record.figures.map((f) => f.id));
  // A figure the workbook no longer defines is left out: the refresh then keeps its text, as for a template's.
  const missing = ids.filter((id) => !known.has(id) && (isSettingSlot(id) ? SETTING_SLOT_NAMES[id] : figures.some((f) => f.id === id)));
  if (missing.length === 0) return record;
  const extra: LinkedFigure[] = linkRecordForSlots(missing, figures, settings, record.workbookName, record.generatedAt).figures;
  return { ...record, figures: [...record.figures, ...extra] };
}

/** The template id a filled document records: where its words came from. */
export function filledTemplateId(templateName: string): string {
  return `docx:${templateName}`;
}
