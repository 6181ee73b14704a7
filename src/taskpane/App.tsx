import { forwardRef, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { EngineResult } from "../core/engine";
import type { RowSelection, SetUpResult } from "../adapters/excel/types";
import type { ColumnMappingEntry } from "../adapters/excel/column-map";
import { clerkMessage } from "./components/review";
import { useI18n } from "./i18n";
import type { PaneServices } from "./services";
import { readAction } from "./shell/services";
import { hasLedgers, saveManualValue } from "./model";
import { ErrorNotice, workbookReadProblem } from "./components/ErrorNotice";
import { PaneHeader } from "./components/PaneHeader";
import { useAction } from "./shell/useAction";
import { EmptyState } from "./views/EmptyState";
import { Workspace, firstTab, type TabId } from "./views/Workspace";
import { PANE_ROOT } from "./components/styles";

/** The workbook as last read; a failed read is the reading action's error. */
type Load = { kind: "loading" } | { kind: "ready"; result: EngineResult; workbookName: string };

/** Edits in the sheets are gathered this long before the pane reacts (a clerk types cell after cell). */
const CHANGE_DEBOUNCE_MS = 800;
/** A read this quick is redone by itself after an edit in the sheets; a slower one waits for a click. */
const CHEAP_READ_MS = 1000;
/** Change events this soon after the pane's own write are its own (hosts before ExcelApi 1.14 cannot say). */
const OWN_WRITE_MS = 2000;

const useStyles = makeStyles({
  root: PANE_ROOT,
  text: { display: "block", overflowWrap: "anywhere" },
});

/** Excel pane: reads the open workbook, shows ledgers, figures and the generate view. */
export function App({ services: given }: { services: PaneServices }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  /** The sheets changed since the figures were computed (and the pane did not re-read by itself). */
  const [stale, setStale] = useState(false);
  const lastWrite = useRef(0);
  const lastReadMs = useRef(Infinity);
  // The pane's own writes are remembered, so the change events they raise are not taken for the clerk's.
  const services = useMemo<PaneServices>(() => {
    const source = given.source;
    const own =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        lastWrite.current = Date.now();
        try {
          return await fn(...args);
        } finally {
          lastWrite.current = Date.now();
        }
      };
    const mine: Partial<PaneServices["source"]> = {
      writeSettings: own((pairs: [string, string][]) => source.writeSettings(pairs)),
      writeManualValue: own((id: string, value: number | null) => source.writeManualValue(id, value)),
      writeColumnMapping: own((entry: Parameters<PaneServices["source"]["writeColumnMapping"]>[0]) => source.writeColumnMapping(entry)),
      setUp: own(() => source.setUp()),
    };
    // A proxy, not a spread: a source may be a class instance (the web page's file source), whose
    // methods live on its prototype and need it as `this`.
    const wrapped = new Proxy(source, {
      get(target, prop, receiver) {
        if (typeof prop === "string" && prop in mine) return mine[prop as keyof typeof mine];
        const value: unknown = Reflect.get(target, prop, receiver === wrapped ? target : receiver);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    return { ...given, source: wrapped };
  }, [given]);
  const [tab, setTab] = useState<TabId | null>(null);
  const [settingUp, setSettingUp] = useState(false);
  const [setUpOutcome, setSetUpOutcome] = useState<SetUpResult | null>(null);
  const reading = useAction();
  /** Set up, selections and 列名对照: one error line under the header. */
  const action = useAction();
  const [mapping, setMapping] = useState<{ busy: boolean; saved: string | null }>({ busy: false, saved: null });
  const outcomeRef = useRef<HTMLDivElement>(null);

  /** Reads the workbook and recomputes; `quiet` keeps the figures on screen meanwhile (no spinner). */
  const runRead = reading.run;
  const read = useCallback(
    async (quiet = false) => {
      if (!quiet) setLoad({ kind: "loading" });
      await runRead(
        readAction(
          services,
          t,
          () => workbookReadProblem(t),
          ({ workbook, result, ms }) => {
            lastReadMs.current = ms;
            setStale(false);
            setLoad({ kind: "ready", result, workbookName: workbook.name ?? "" });
            setTab((current) => current ?? firstTab(result));
          },
        ),
      );
    },
    [services, t, runRead],
  );

  useEffect(() => {
    void read();
  }, [read]);

  // Edits in the sheets: gathered, then re-read by itself when reading is cheap, else marked stale.
  useEffect(() => {
    if (!services.source.watchChanges) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | null = null;
    let gone = false;
    const changed = () => {
      if (Date.now() - lastWrite.current < OWN_WRITE_MS) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (lastReadMs.current <= (services.cheapReadMs ?? CHEAP_READ_MS)) void read(true);
        else setStale(true);
      }, CHANGE_DEBOUNCE_MS);
    };
    services.source
      .watchChanges(changed)
      .then((s) => {
        if (gone) void s?.().catch(() => undefined);
        else stop = s;
      })
      // Not watching is not an error the clerk can act on: 重新读取 still works.
      .catch(() => undefined);
    return () => {
      gone = true;
      clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }, [services, read]);
  useEffect(() => {
    if (setUpOutcome) outcomeRef.current?.focus();
  }, [setUpOutcome]);
  /** Runs a selection in Excel; resolves false (with the error shown) when it failed. */
  async function select(where: string, selection: () => Promise<void>): Promise<boolean> {
    const done = await action.run({
      stage: "select",
      work: async () => {
        await selection();
        return true;
      },
      fail: () => ({ what: t("errorSelectWhat", { where }), todo: t("errorSelectTodo") }),
    });
    return done ?? false;
  }

  async function setUp() {
    setSettingUp(true);
    setSetUpOutcome(null);
    await action.run({
      stage: "setUp",
      work: async () => {
        setSetUpOutcome(await services.source.setUp());
        await read();
      },
      fail: () => ({
        what: t("errorSetUpWhat"),
        where: t("errorReadWhere", { where: t("errorWhereWorkbook") }),
        todo: t("errorSetUpTodo"),
      }),
    });
    setSettingUp(false);
  }

  /** The one click on a missing column's suggestion: one 列名对照 row, then everything read again. */
  async function addColumnMapping(entry: ColumnMappingEntry) {
    setMapping({ busy: true, saved: null });
    const saved = await action.run({
      stage: "write",
      work: async () => {
        const written = await services.source.writeColumnMapping(entry);
        await read();
        const params = { cell: written.cell, ledger: entry.ledger, column: entry.column, header: entry.header };
        return t(written.existed ? "columnMapExisted" : "columnMapSaved", params);
      },
      fail: (_, err) => {
        const cell = (err as { cell?: unknown } | null)?.cell;
        return {
          what: t("errorColumnMapWhat"),
          where: t("errorReadWhere", { where: typeof cell === "string" && cell ? cell : "列名对照" }),
          todo: clerkMessage(err, lang) ?? t("errorColumnMapTodo"),
        };
      },
    });
    setMapping({ busy: false, saved: saved ?? null });
  }

  const header = (
    <PaneHeader
      subject={load.kind === "ready" ? load.workbookName || t("workbookUnnamed") : undefined}
      reloadDisabled={load.kind === "loading" || settingUp}
      onReload={() => void read()}
    />
  );

  const notices = (
    <>
      {stale && load.kind === "ready" && (
        <MessageBar intent="info" layout="multiline" data-testid="stale">
          <MessageBarBody>{t("staleBody")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" data-testid="stale-reread" onClick={() => void read(true)}>
              {t("reload")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {setUpOutcome && <SetUpNotice ref={outcomeRef} outcome={setUpOutcome} />}
      {action.error && <ErrorNotice ref={action.errorRef} error={action.error} />}
      {mapping.saved && (
        <MessageBar intent="success" layout="multiline" data-testid="column-map-saved">
          <MessageBarBody>{mapping.saved}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );

  let body: ReactNode;
  if (reading.error) {
    body = <ErrorNotice error={reading.error} onRetry={() => void read()} />;
  } else if (load.kind === "loading") {
    body = <Spinner label={t("loading")} labelPosition="below" />;
  } else if (!hasLedgers(load.result)) {
    body = <EmptyState busy={settingUp} onSetUp={() => void setUp()} />;
  } else {
    body = (
      <Workspace
        result={load.result}
        services={services}
        tab={tab ?? "ledgers"}
        onTab={setTab}
        ledgers={{
          settingUp,
          onSetUp: () => void setUp(),
          onSelectCell: (cell) => void select(cell, () => services.source.selectCell(cell)),
          columnMapping: { onAdd: addColumnMapping, busy: mapping.busy },
        }}
        figures={{
          onSelectRows: async (refs) => {
            let selected: RowSelection | null = null;
            const done = await select(refs[0] ? `${refs[0].sheet}!${refs[0].row}` : "", async () => {
              selected = await services.source.selectRows(refs);
            });
            return done ? selected : false;
          },
          onSaveManual: async (figureId, value) => {
            // A quiet re-read (no spinner): the figures stay on screen and focus stays in the value.
            const saved = await saveManualValue(services, figureId, value);
            setLoad({ kind: "ready", result: saved.result, workbookName: saved.workbookName });
            return saved;
          },
        }}
        generate={{
          onResult: (next) => setLoad({ kind: "ready", result: next, workbookName: load.workbookName }),
          onSettingsWritten: () => read(true),
        }}
      />
    );
  }

  return (
    <main className={styles.root}>
      {header}
      {notices}
      {body}
    </main>
  );
}

function setUpLines(outcome: SetUpResult, t: ReturnType<typeof useI18n>["t"]): string[] {
  const lines = [
    outcome.added.length
      ? t("setUpDone", { count: outcome.added.length, sheets: outcome.added.join(t("listSeparator")) })
      : t("setUpNothing"),
  ];
  if (outcome.kept.length) lines.push(t("setUpKept", { count: outcome.kept.length, sheets: outcome.kept.join(t("listSeparator")) }));
  for (const failure of outcome.failed) lines.push(t("setUpFailed", { sheet: failure.sheet, reason: failure.reason }));
  if (outcome.failed.length) lines.push(t("setUpFailedTodo"));
  return lines;
}

const SetUpNotice = forwardRef<HTMLDivElement, { outcome: SetUpResult }>(function SetUpNotice({ outcome }, ref) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <MessageBar
      ref={ref}
      tabIndex={-1}
      intent={outcome.failed.length ? "warning" : "success"}
      layout="multiline"
      data-testid="set-up-outcome"
    >
      <MessageBarBody>
        <MessageBarTitle>{t("setUp")}</MessageBarTitle>
        {setUpLines(outcome, t).map((line) => (
          <span key={line} className={styles.text}>
            {line}
          </span>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
});
