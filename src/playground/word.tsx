// Word mode of the playground: the real pane over the SIMULATED Word host, holding a report made in
// the page from the sample workbook with the same engine and renderer as 生成报告. The side panel
// makes the clerk's edits a refresh must respect, and `window.__playground.word` exposes the
// document to the browser tests.
import { useSyncExternalStore, type ReactNode } from "react";
import type { Root } from "react-dom/client";
import {
  createSimulatedWord,
  installSimulatedWordOffice,
  type SimulatedWord,
  type SimWordControlState,
  type SimWordPartState,
} from "../simulated-host/word";
import { runEngine } from "../core/engine";
import { LINK_NAMESPACE } from "../core/link";
import type { WordEnvironment, WordRun } from "../adapters/word";
import { startPane } from "../taskpane/start";
import { createWordServices } from "../taskpane/word/services";
import { readWorkbookFileLazily, renderDocxLazily } from "../taskpane/shell/services";

/** The clerk's edits the demo buttons make: one narrative sentence, one figure retyped, one deleted. */
export const CLERK_EDITS = {
  narrative: { find: "三是明确重点工作。", replace: "三是明确重点工作（经办人已核实）。" },
  handEdit: { tag: "lr:partners.count", text: "十一" },
  delete: { tag: "lr:donations.count" },
} as const;

interface WordState {
  file: string;
  controls: SimWordControlState[];
  linkParts: number;
  roundTrips: number;
  edits: string[];
  error: string;
}

let state: WordState = { file: "", controls: [], linkParts: 0, roundTrips: 0, edits: [], error: "" };
const listeners = new Set<() => void>();
let sim: SimulatedWord | null = null;

function update(patch: Partial<WordState>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

function snapshot() {
  if (!sim) return;
  update({
    controls: sim.document.controls(),
    linkParts: sim.document.customXmlParts().filter((p) => p.namespaceUri === LINK_NAMESPACE).length,
    roundTrips: sim.stats.syncs,
  });
}

/** What the browser tests read: the live document, not what the pane says about it. */
export interface PlaygroundWordHook {
  controls(): SimWordControlState[];
  paragraphs(): string[];
  parts(): SimWordPartState[];
  syncs(): number;
  /** The selected content control (ContentControl.select), or null. */
  selection(): { id: number; tag: string; text: string } | null;
  /** The clerk clicks just after `text` in the narrative (Document.getSelection is there). */
  placeCursorAfter(text: string): void;
  /** The clerk retypes the n-th control tagged `tag` (a copy of a figure that then says something else). */
  typeInControl(tag: string, text: string, occurrence?: number): void;
}

/** Where the side panel's click puts the cursor in the clerk's own example document (fill-template.docx). */
const CURSOR_AFTER = "为企业减少资金占用";

/**
 * Text the open document really has to click after: the example's words where they are there, else
 * the end of the first sentence of narrative (a generated report says other things), else nothing.
 */
function cursorTarget(word: SimulatedWord | null): string | null {
  const narrative = word?.document.narrative() ?? [];
  if (narrative.some((t) => t.includes(CURSOR_AFTER))) return CURSOR_AFTER;
  for (const text of narrative) {
    const end = text.indexOf("。");
    if (end >= 6) return text.slice(Math.max(0, end - 10), end + 1);
  }
  return null;
}

function installHook() {
  const hook: PlaygroundWordHook = {
    controls: () => sim?.document.controls() ?? [],
    paragraphs: () => sim?.document.paragraphs() ?? [],
    parts: () => sim?.document.customXmlParts() ?? [],
    syncs: () => sim?.stats.syncs ?? 0,
    selection: () => sim?.document.selection() ?? null,
    placeCursorAfter: (text: string) => sim?.document.placeCursorAfter(text),
    typeInControl: (tag: string, text: string, occurrence?: number) => sim?.document.typeInControl(tag, text, occurrence),
  };
  const w = window as unknown as { __playground?: Record<string, unknown> };
  w.__playground = { ...(w.__playground ?? {}), mode: "word", word: hook };
}

function clerkEdit(label: string, edit: (s: SimulatedWord) => void) {
  if (!sim) return;
  try {
    edit(sim);
    update({ edits: [...state.edits, label], error: "" });
  } catch (error) {
    update({ error: `${label}: ${error instanceof Error ? error.message : String(error)}` });
  }
  snapshot();
}

export async function openWord(options: {
  container: HTMLElement;
  workbookUrl: string;
  empty: boolean;
  /** A clerk's own .docx to open instead of a generated report (?doc=examples/fill-template.docx). */
  docUrl?: string | null;
  language: "zh-CN" | "en-US";
  platform: "PC" | "Mac" | "OfficeOnline";
  latencyMs: number;
}): Promise<Root | null> {
  installHook();
  let report: Uint8Array | undefined;
  const file = options.workbookUrl.split("/").pop() ?? options.workbookUrl;
  if (options.docUrl) {
    try {
      const response = await fetch(options.docUrl);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      report = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      update({ error: `${options.docUrl}: ${error instanceof Error ? error.message : String(error)}` });
      return null;
    }
  } else if (!options.empty) {
    try {
      const response = await fetch(options.workbookUrl);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // The pane's own file read, so the playground's report takes the sheets the pane would.
      const workbook = await readWorkbookFileLazily(new Uint8Array(await response.arrayBuffer()), file);
      const result = runEngine(workbook);
      report = await renderDocxLazily(result.report, result.link);
    } catch (error) {
      update({ error: `${options.workbookUrl}: ${error instanceof Error ? error.message : String(error)}` });
      return null;
    }
  }
  sim = createSimulatedWord(report, { latencyMs: options.latencyMs });
  installSimulatedWordOffice(globalThis as unknown as Record<string, unknown>, sim, {
    language: options.language,
    platform: options.platform,
  });
  const current = sim;
  const env: WordEnvironment = {
    isSetSupported: (name, version) => current.isSetSupported(name, version),
    commonCustomXmlParts: () => current.commonCustomXmlParts as unknown as Office.CustomXmlParts | undefined,
  };
  // Every batch the pane runs refreshes the side panel, so the document shown is the document.
  const run: WordRun = async (batch) => {
    try {
      return await current.Word.run(batch);
    } finally {
      snapshot();
    }
  };
  const services = createWordServices(run, env, options.platform);
  update({ file: options.docUrl ? options.docUrl : options.empty ? "(empty document)" : `report from ${file}`, edits: [] });
  snapshot();
  return startPane({ container: options.container, wordServices: () => services, search: window.location.search });
}

const button = { display: "block", margin: "4px 0", padding: "4px 8px", textAlign: "left" as const, width: "100%" };

export function WordSidePanel(props: { toggle: ReactNode }) {
  const s = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => state,
  );
  const figures = s.controls.filter((c) => c.tag.startsWith("lr:"));
  return (
    <div>
      {props.toggle}
      <h2 style={{ fontSize: 15, margin: "0 0 8px" }}>Simulated Word</h2>
      <p style={{ margin: "4px 0" }}>
        Document: <b data-testid="sim-file">{s.file || "—"}</b>
      </p>
      <p style={{ margin: "4px 0" }}>
        Figure controls: <b data-testid="sim-controls-count">{figures.length}</b> · link parts{" "}
        <b data-testid="sim-link-parts">{s.linkParts}</b> · round trips <b data-testid="sim-round-trips">{s.roundTrips}</b>
      </p>
      {s.error && (
        <p role="alert" style={{ color: "#b10e1c" }} data-testid="sim-load-error">
          {s.error}
        </p>
      )}
      <fieldset style={{ margin: "8px 0", border: "1px solid #c8c6c4", borderRadius: 4 }}>
        <legend>Clerk edits (then 重新读取 in the pane)</legend>
        <button
          type="button"
          style={button}
          data-testid="sim-edit-narrative"
          onClick={() => clerkEdit("narrative", (w) => w.document.editNarrative(CLERK_EDITS.narrative.find, CLERK_EDITS.narrative.replace))}
        >
          Edit narrative: “{CLERK_EDITS.narrative.find}”
        </button>
        <button
          type="button"
          style={button}
          data-testid="sim-edit-figure"
          onClick={() => clerkEdit("hand edit", (w) => w.document.typeInControl(CLERK_EDITS.handEdit.tag, CLERK_EDITS.handEdit.text))}
        >
          Hand-edit {CLERK_EDITS.handEdit.tag.slice(3)} → {CLERK_EDITS.handEdit.text}
        </button>
        <button
          type="button"
          style={button}
          data-testid="sim-delete-figure"
          onClick={() => clerkEdit("delete", (w) => w.document.deleteControl(CLERK_EDITS.delete.tag))}
        >
          Delete {CLERK_EDITS.delete.tag.slice(3)}
        </button>
        <button
          type="button"
          style={button}
          data-testid="sim-place-cursor"
          disabled={cursorTarget(sim) === null}
          onClick={() => {
            const target = cursorTarget(sim);
            if (target !== null) clerkEdit("cursor", (w) => w.document.placeCursorAfter(target));
          }}
        >
          Click after “{cursorTarget(sim) ?? "—"}” (the cursor for 插入)
        </button>
        <p style={{ margin: "4px 0", color: "#605e5c" }} data-testid="sim-edits">
          Done: {s.edits.length ? s.edits.join(", ") : "none"}
        </p>
      </fieldset>
      <p style={{ margin: "4px 0" }}>
        Workbook for 刷新数据:{" "}
        <a href="examples/sample-ledgers.xlsx" download data-testid="sim-workbook-link">
          sample-ledgers.xlsx
        </a>{" "}
        (edit a copy, then pick it in the pane)
      </p>
      <table style={{ borderCollapse: "collapse", width: "100%" }} data-testid="sim-controls">
        <thead>
          <tr style={{ textAlign: "left" }}>
            <th>control</th>
            <th>text</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((c) => (
            <tr key={c.id} style={{ borderTop: "1px solid #e1dfdd" }}>
              <td style={{ overflowWrap: "anywhere" }}>{c.tag.slice(3)}</td>
              <td style={{ overflowWrap: "anywhere" }}>{c.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
