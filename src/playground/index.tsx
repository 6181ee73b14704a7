// The playground: the real task pane over the SIMULATED Excel or Word host, in a plain browser page.
// office.js is not loaded at all: the simulated host installs `Office` and `Excel`/`Word` globals
// itself, and the real office.js outside Office would replace alert/confirm, null history.pushState
// and wait for a host that never answers. The side panel shows what the pane did to the "workbook"
// or "document", and in Word mode makes the clerk's edits that a refresh must respect.
//
// Query: ?lang=en  ?width=450  ?platform=Mac|PC  ?latency=200  ?empty=1  ?file=examples/other.xlsx  ?cheapReadMs=10000
//        ?host=word (a report generated in the page from ?file; with ?empty=1 an unlinked document;
//        with ?doc=examples/fill-template.docx a clerk's own document with placeholders)
import { useSyncExternalStore } from "react";
import { createRoot, type Root } from "react-dom/client";
import {
  createSimulatedExcel,
  installSimulatedOffice,
  simWorkbookFromXlsx,
  type SimulatedExcel,
  type SimWorkbook,
} from "../simulated-host";
import { readXlsxWorkbook } from "../adapters/xlsx";
import { parseA1 } from "../core/address";
import type { WorkbookSource } from "../adapters/excel/types";
import type { ColumnMappingEntry } from "../adapters/excel/column-map";
import { startPane } from "../taskpane/start";
import { createExcelServices, type PaneServices } from "../taskpane/services";
import type { PanePlatform } from "../taskpane/shell/services";
import { openWord, WordSidePanel } from "./word";
import { SideTable } from "./side-table";

const params = new URLSearchParams(window.location.search);
const mode: "excel" | "word" = params.get("host") === "word" ? "word" : "excel";
const language = /^en/i.test(params.get("lang") ?? "") ? "en-US" : "zh-CN";
const platform = (["PC", "Mac", "OfficeOnline"].includes(params.get("platform") ?? "") ? params.get("platform") : "OfficeOnline") as
  "PC" | "Mac" | "OfficeOnline";
const latencyMs = Number(params.get("latency") ?? 0) || 0;
/** How quick a read must be to be redone by itself after an edit (the pane's default when absent). */
const cheapReadMs = Number(params.get("cheapReadMs")) || undefined;
const paneFrame = document.getElementById("pane")!;
paneFrame.style.setProperty("--pane-width", `${Number(params.get("width") ?? 320) || 320}px`);

interface CallRecord {
  call: string;
  roundTrips: number;
  ms: number;
  ok: boolean;
  note: string;
}

/** What the side panel shows; replaced (not mutated) so useSyncExternalStore sees each change. */
interface PlaygroundState {
  file: string;
  selection: string;
  totalRoundTrips: number;
  maxResponseBytes: number;
  calls: CallRecord[];
  loadError: string;
}

let state: PlaygroundState = { file: "", selection: "", totalRoundTrips: 0, maxResponseBytes: 0, calls: [], loadError: "" };
const listeners = new Set<() => void>();
function update(patch: Partial<PlaygroundState>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

function selectionOf(sim: SimulatedExcel): string {
  const s = sim.workbook.selection;
  return s ? `${s.sheet}!${s.address.replace(/^.*!/, "")}` : "";
}

/** Wraps each WorkbookSource call to count the simulated round trips it cost. */
function recordingSource(source: WorkbookSource, sim: SimulatedExcel): WorkbookSource {
  const record =
    <A extends unknown[], R>(name: keyof WorkbookSource, fn: (...args: A) => Promise<R>, note: (args: A, r?: R) => string) =>
    async (...args: A): Promise<R> => {
      const before = sim.stats.syncs;
      const started = performance.now();
      const finish = (ok: boolean, r?: R) =>
        update({
          selection: selectionOf(sim),
          totalRoundTrips: sim.stats.syncs,
          maxResponseBytes: sim.stats.maxResponseBytes,
          calls: [
            { call: name, roundTrips: sim.stats.syncs - before, ms: Math.round(performance.now() - started), ok, note: note(args, r) },
            ...state.calls,
          ].slice(0, 30),
        });
      try {
        const result = await fn(...args);
        finish(true, result);
        return result;
      } catch (error) {
        finish(false);
        throw error;
      }
    };
  return {
    read: record(
      "read",
      () => source.read(),
      (_, r) => (r ? `${r.stats.cells} cells` : ""),
    ),
    selectCell: record(
      "selectCell",
      (address: string) => source.selectCell(address),
      ([address]) => address,
    ),
    selectRows: record(
      "selectRows",
      (refs: { sheet: string; row: number }[]) => source.selectRows(refs),
      ([refs]) => `${refs.length} rows`,
    ),
    writeSettings: record(
      "writeSettings",
      (pairs: [string, string][]) => source.writeSettings(pairs),
      ([pairs]) => pairs.map(([k, v]) => `${k}=${v}`).join(", "),
    ),
    writeManualValue: record(
      "writeManualValue",
      (figureId: string, value: number | null) => source.writeManualValue(figureId, value),
      ([figureId, value], r) => `${figureId}=${value ?? "(blank)"}${r ? ` → ${r.cell}` : ""}`,
    ),
    writeColumnMapping: record(
      "writeColumnMapping",
      (entry: ColumnMappingEntry) => source.writeColumnMapping(entry),
      ([e], r) => `${e.ledger} | ${e.column} | ${e.header}${r ? ` → ${r.cell}` : ""}`,
    ),
    setUp: record(
      "setUp",
      () => source.setUp(),
      (_, r) => (r ? `added ${r.added.length}` : ""),
    ),
    watchChanges: source.watchChanges && ((onChange: () => void) => source.watchChanges!(onChange)),
  };
}

function emptyWorkbook(): SimWorkbook {
  return { date1904: false, sheets: [{ name: "Sheet1", cells: [], merges: [], tables: [] }] };
}

/**
 * Read-only look into the simulated workbook for the browser tests: a copy of one cell's value, so
 * a test can check what the pane wrote without being able to change the workbook behind its back.
 */
let currentSim: SimulatedExcel | null = null;
(window as unknown as { __playground: unknown }).__playground = {
  cell(sheet: string, address: string): unknown {
    const s = currentSim?.workbook.sheets.find((x) => x.name === sheet);
    const at = parseA1(address);
    if (!s || !at) return undefined;
    const value = s.cells[at.row]?.[at.col];
    return value === undefined ? null : value;
  },
  /** The clerk typing one value into the grid (not through the pane): Excel raises onChanged. */
  edit(sheet: string, address: string, value: string | number): void {
    currentSim?.edit(sheet, address, value);
  },
};

let paneRoot: Root | null = null;
let uninstall: (() => void) | null = null;

async function open(bytes: Uint8Array | null, file: string) {
  paneRoot?.unmount();
  uninstall?.();
  let workbook: SimWorkbook;
  try {
    // The file's own name, as Excel would show it in the pane's header.
    workbook = {
      ...(bytes ? simWorkbookFromXlsx(readXlsxWorkbook(bytes)) : emptyWorkbook()),
      name: bytes ? file.split("/").pop() || file : "Book1.xlsx",
    };
  } catch (error) {
    update({ loadError: `${file}: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  const sim = createSimulatedExcel(workbook, { latencyMs });
  currentSim = sim;
  uninstall = installSimulatedOffice(globalThis as unknown as Record<string, unknown>, sim, { host: "Excel", language, platform });
  update({ file, selection: selectionOf(sim), totalRoundTrips: 0, maxResponseBytes: 0, calls: [], loadError: "" });
  const base = createExcelServices(sim.Excel.run, platform as PanePlatform);
  const services: PaneServices = { ...base, source: recordingSource(base.source, sim), ...(cheapReadMs ? { cheapReadMs } : {}) };
  paneRoot = await startPane({ container: paneFrame, services: () => services, search: window.location.search });
}

async function openUrl(url: string) {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await open(new Uint8Array(await response.arrayBuffer()), url);
  } catch (error) {
    update({ loadError: `${url}: ${error instanceof Error ? error.message : String(error)}` });
  }
}

async function openFile(file: File) {
  await open(new Uint8Array(await file.arrayBuffer()), file.name);
}

/** Switches the page between the two hosts, keeping the other query parameters. */
export function HostToggle(props: { current: "excel" | "word" }) {
  const href = (host: "excel" | "word") => {
    const next = new URLSearchParams(window.location.search);
    if (host === "word") next.set("host", "word");
    else next.delete("host");
    const query = next.toString();
    return query ? `?${query}` : "?";
  };
  return (
    <nav aria-label="Host" style={{ display: "flex", gap: 8, margin: "0 0 8px" }} data-testid="sim-host-toggle">
      {(["excel", "word"] as const).map((host) =>
        host === props.current ? (
          <b key={host} aria-current="page">
            {host === "excel" ? "Excel" : "Word"}
          </b>
        ) : (
          <a key={host} href={href(host)} data-testid={`sim-host-${host}`}>
            {host === "excel" ? "Excel" : "Word"}
          </a>
        ),
      )}
    </nav>
  );
}

function SidePanel() {
  const s = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => state,
  );
  return (
    <div
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const file = e.dataTransfer.files[0];
        if (file) void openFile(file);
      }}
    >
      <HostToggle current="excel" />
      <h2 style={{ fontSize: 15, margin: "0 0 8px" }}>Simulated Excel</h2>
      <p style={{ margin: "4px 0" }}>
        Workbook: <b data-testid="sim-file">{s.file || "—"}</b>
      </p>
      <p style={{ margin: "4px 0" }}>
        Selection: <b data-testid="sim-selection">{s.selection || "—"}</b>
      </p>
      <p style={{ margin: "4px 0" }}>
        Round trips: <b data-testid="sim-round-trips">{s.totalRoundTrips}</b> · largest response {Math.round(s.maxResponseBytes / 1024)} KB
      </p>
      {s.loadError && (
        <p role="alert" style={{ color: "#b10e1c" }} data-testid="sim-load-error">
          {s.loadError}
        </p>
      )}
      <label style={{ display: "block", margin: "8px 0", padding: 8, border: "1px dashed #8a8886", borderRadius: 4 }}>
        Drop an .xlsx here or choose one:{" "}
        <input
          type="file"
          accept=".xlsx"
          data-testid="sim-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void openFile(file);
          }}
        />
      </label>
      <SideTable testId="sim-calls" columns={["call", "syncs", "ms", "detail"]}>
        {s.calls.map((c, i) => (
          <tr key={i} style={{ color: c.ok ? undefined : "#b10e1c", borderTop: "1px solid #e1dfdd" }}>
            <td>{c.call}</td>
            <td>{c.roundTrips}</td>
            <td>{c.ms}</td>
            <td style={{ overflowWrap: "anywhere" }}>{c.note}</td>
          </tr>
        ))}
      </SideTable>
    </div>
  );
}

if (mode === "word") {
  document.getElementById("side")!.setAttribute("aria-label", "Simulated Word");
  createRoot(document.getElementById("side")!).render(<WordSidePanel toggle={<HostToggle current="word" />} />);
  void openWord({
    container: paneFrame,
    workbookUrl: params.get("file") ?? "examples/sample-ledgers.xlsx",
    empty: Boolean(params.get("empty")),
    docUrl: params.get("doc"),
    language,
    platform,
    latencyMs,
  });
} else {
  createRoot(document.getElementById("side")!).render(<SidePanel />);
  if (params.get("empty")) void open(null, "(empty workbook)");
  else void openUrl(params.get("file") ?? "examples/sample-ledgers.xlsx");
}
