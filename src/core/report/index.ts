// Template + settings + figures → the report as a document model, and the link record that lets
// a later refresh find every bound value again.
import type { Block, FigureResult, FigureTable, LinkRecord, LinkedFigure, ReportDocument, ReportSettings, Run } from "../types";
import { parseTemplate, type TemplateBlock } from "./template";
import { isSettingSlot, settingSlots } from "./slots";
import { stableHash } from "../hash";
import type { Template } from "./templates";

export { DEFAULT_TEMPLATE_ID, TEMPLATES, templateById, type Template } from "./templates";
export { parseTemplate, TemplateError, type TemplateBlock, type TemplatePiece } from "./template";
export { settingSlots, SETTING_SLOT_NAMES, isSettingSlot } from "./slots";
export { stableHash } from "../hash";
export { titleBreaks, titleBreakCandidates, chooseTitleBreaks, titleWidth, titleText } from "./title";

/** What a slot shows when its figure was not computed: the seed's own blank mark. */
export const MISSING_FIGURE_TEXT = "*";

function sameStyle(a: Run, b: Run): boolean {
  return a.kind === "text" && b.kind === "text" && a.style === b.style;
}

/** Adjacent literal runs of one style become one run, so a renderer writes fewer w:r elements. */
function mergeText(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.kind === "text" && run.text === "") continue;
    const last = out[out.length - 1];
    if (last && last.kind === "text" && sameStyle(last, run))
      out[out.length - 1] = { ...last, text: last.text + (run as { text: string }).text };
    else out.push(run);
  }
  return out;
}

export function buildReport(t: Template, s: ReportSettings, figures: FigureResult[]): ReportDocument {
  const figureById = new Map(figures.map((f) => [f.id, f]));
  const settingById = new Map(settingSlots(s).map((slot) => [slot.id, slot]));

  const runsOf = (tb: TemplateBlock): Run[] =>
    tb.pieces.map((p): Run => {
      // A break mark is no text; it leaves an empty run that mergeText drops (marksOf keeps its place).
      if (p.kind === "wbr") return { kind: "text", text: "" };
      if (p.kind === "text") return p.style ? { kind: "text", text: p.text, style: p.style } : { kind: "text", text: p.text };
      let name: string;
      let text: string;
      let unresolved = false;
      if (isSettingSlot(p.id)) {
        const slot = settingById.get(p.id)!;
        name = slot.name;
        text = slot.text;
        unresolved = slot.unresolved;
      } else {
        const fig = figureById.get(p.id);
        name = fig?.name ?? p.id;
        text = fig?.text ?? MISSING_FIGURE_TEXT;
        // The engine gives every slot a figure; one built by hand without it is as unresolved.
        unresolved = fig === undefined || fig.unresolved !== undefined;
      }
      const run: Extract<Run, { kind: "slot" }> = { kind: "slot", id: p.id, name, text };
      if (p.style) run.style = p.style;
      if (unresolved) run.unresolved = true;
      return run;
    });

  /** Offsets in the title's text of the template's `[wbr]` marks. */
  const marksOf = (tb: TemplateBlock): number[] => {
    const marks: number[] = [];
    let at = 0;
    for (const p of tb.pieces) {
      if (p.kind === "wbr") marks.push(at);
      else at += runsOf({ ...tb, pieces: [p] })[0].text.length;
    }
    return marks.filter((m, i) => m > 0 && marks.indexOf(m) === i);
  };

  const blocks: Block[] = [];
  for (const tb of parseTemplate(t.text)) {
    const runs = runsOf(tb);
    // An optional block (落款, 统计范围) whose settings are all blank is left out, not shown as 待补.
    const blank = (r: Run) => r.kind === "text" || r.text.trim() === "" || (r.unresolved === true && isSettingSlot(r.id));
    if (tb.optional && runs.every(blank)) continue;
    const merged = mergeText(runs);
    // A paragraph that is one table figure's slot and nothing else becomes the table itself.
    const only = merged.length === 1 && merged[0].kind === "slot" ? merged[0] : null;
    const tableFigure = only && tb.kind === "paragraph" ? figureById.get(only.id) : undefined;
    if (only && tableFigure && tableFigure.table !== undefined) {
      blocks.push({ kind: "tableFigure", slot: only, table: tableFigure.table });
      continue;
    }
    if (tb.kind === "title") {
      const breaks = marksOf(tb);
      blocks.push(breaks.length ? { kind: "title", runs: merged, breaks } : { kind: "title", runs: merged });
    } else if (tb.kind === "heading") blocks.push({ kind: "heading", level: tb.level ?? 1, runs: merged });
    else blocks.push({ kind: "paragraph", runs: merged, align: tb.align ?? "both", indent: tb.indent ?? true });
  }
  return { blocks, settings: s, figures };
}

function* slotRuns(blocks: Block[]): Generator<Extract<Run, { kind: "slot" }>> {
  for (const b of blocks) {
    const lines = b.kind === "table" ? b.rows.flat() : b.kind === "tableFigure" ? [[b.slot]] : [b.runs];
    for (const runs of lines) for (const r of runs) if (r.kind === "slot") yield r;
  }
}

/** A year slot remembers its number so a refresh can compare values, not only texts. */
function settingValue(id: string, s: ReportSettings): number | null {
  if (id === "setting.year") return s.year;
  if (id === "setting.next_year") return s.year + 1;
  return null;
}

export function buildLinkRecord(doc: ReportDocument, workbookName: string, generatedAt: string): LinkRecord {
  const s = doc.settings;
  const figureById = new Map(doc.figures.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const linked: LinkedFigure[] = [];
  const tables = new Map<string, FigureTable | null>();
  for (const b of doc.blocks) if (b.kind === "tableFigure") tables.set(b.slot.id, b.table);
  for (const run of slotRuns(doc.blocks)) {
    if (seen.has(run.id)) continue;
    seen.add(run.id);
    const fig = isSettingSlot(run.id) ? undefined : figureById.get(run.id);
    linked.push(
      fig
        ? {
            id: run.id,
            name: fig.name,
            value: fig.value,
            text: run.text,
            fingerprint: fig.fingerprint,
            ledger: fig.ledger,
            conditions: fig.conditions,
            rows: fig.rows,
            ...tableOf(tables, run.id),
          }
        : {
            id: run.id,
            name: run.name,
            value: isSettingSlot(run.id) ? settingValue(run.id, s) : null,
            text: run.text,
            fingerprint: stableHash(run.text),
            ledger: null,
            conditions: "",
            rows: 0,
          },
    );
  }
  return {
    version: 1,
    workbookId: s.workbookId,
    workbookName,
    templateId: s.template,
    period: { start: s.periodStart, end: s.periodEnd },
    scope: s.scope,
    generatedAt,
    figures: linked,
  };
}

/** A table figure's link entry says it is one (and, fresh, carries the table to write). */
function tableOf(tables: Map<string, FigureTable | null>, id: string): Pick<LinkedFigure, "kind" | "table"> {
  if (!tables.has(id)) return {};
  const table = tables.get(id);
  return table ? { kind: "table", table } : { kind: "table" };
}
