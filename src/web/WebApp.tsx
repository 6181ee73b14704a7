// The workspace, loaded when a workbook is chosen: the Excel pane's views (台账, 指标, 生成 with
// 更新已有报告) over a FileWorkbookSource. Places are told in words, changes are kept for the
// session and said to be so; 重新读取 and 换一个工作簿 are the page's (see index.tsx).
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Body1,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwise16Regular, Dismiss16Regular, FolderOpen16Regular } from "@fluentui/react-icons";
import type { EngineResult } from "../core/engine";
import { useI18n } from "../taskpane/i18n";
import type { PaneServices } from "../taskpane/services";
import { readWorkbookFileLazily, refreshReportFileLazily, renderDocxLazily } from "../taskpane/shell/services";
import { createEngineClient, type EngineClient } from "../worker/client";
import { startEngineWorker } from "../worker/start";
import { hasLedgers, saveManualValue } from "../taskpane/model";
import { ErrorNotice } from "../taskpane/components/ErrorNotice";
import { clerkMessage } from "../taskpane/components/review";
import { useAction } from "../taskpane/shell/useAction";
import { Workspace, firstTab, type TabId } from "../taskpane/views/Workspace";
import { FileWorkbookSource, type OpenedFile, type Place, type SessionChanges } from "./file-source";
import type { Reread } from "./files";
import { useWebI18n } from "./context";
import { formatModified, type WebTranslate } from "./i18n";
import { cellPlace, rowPlaces } from "./places";

/** The workbook as last read; a failed read is the reading action's error. */
type Load = { kind: "loading" } | { kind: "ready"; result: EngineResult };

const MAX_RUNS = 6;

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    minWidth: 0,
  },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  file: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  text: { display: "block", overflowWrap: "anywhere" },
  place: { position: "sticky", bottom: tokens.spacingVerticalM, zIndex: 1, boxShadow: tokens.shadow16 },
  empty: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalXXL,
  },
});

function placeLines(place: Place, w: WebTranslate): string[] {
  if (place.kind === "cell") {
    const at = cellPlace(place.address);
    return [at ? w("placeCell", at as unknown as Record<string, string | number>) : place.address];
  }
  return rowPlaces(place.refs).map(({ sheet, runs, count }) => {
    const shown = runs
      .slice(0, MAX_RUNS)
      .map(([from, to]) => (from === to ? w("placeRowOne", { row: from }) : w("placeRowRun", { from, to })));
    if (runs.length > MAX_RUNS) shown.push(w("placeMoreRuns", { count: runs.length - MAX_RUNS }));
    return w("placeRows", { sheet, runs: shown.join(w("placeRunSeparator")), count });
  });
}

function sessionItems(changes: SessionChanges, result: EngineResult | null, w: WebTranslate): string[] {
  const names = new Map(result?.figures.map((f) => [f.id, f.name]) ?? []);
  return [
    ...changes.settings.map(([label, value]) => w("sessionSetting", { label, value })),
    ...changes.manual.map(([id, value]) =>
      value === null
        ? w("sessionManualBlank", { name: names.get(id) ?? id })
        : w("sessionManual", { name: names.get(id) ?? id, value: String(value) }),
    ),
  ];
}

let engineClient: EngineClient | null = null;

/**
 * The engine and the .docx writer in a Web Worker, as in the pane (the main thread where none can
 * start: the one-file copy opened from disk), so a large workbook never holds the page. One worker
 * for the page, whichever file it shows.
 */
function pageEngine(): EngineClient {
  return (engineClient ??= createEngineClient({ startWorker: startEngineWorker, renderOnMainThread: renderDocxLazily }));
}

export default function WebApp(props: {
  file: OpenedFile;
  reread: Reread | null;
  /** The page's own notice (a file that could not be opened), shown under the header. */
  notice: ReactNode;
  onReadAgain: () => void;
  onChooseOther: () => void;
}) {
  const { t } = useI18n();
  const { w, lang } = useWebI18n();
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const [tab, setTab] = useState<TabId | null>(null);
  const [place, setPlace] = useState<Place | null>(null);
  const [changes, setChanges] = useState<SessionChanges>({ settings: [], manual: [] });
  const [setUpNote, setSetUpNote] = useState(false);

  const engine = pageEngine();
  // One source per workbook (the page remounts this for another file); a re-read file replaces its bytes.
  const source = useMemo(
    () => new FileWorkbookSource(props.file, readWorkbookFileLazily, setPlace, (workbook, options) => engine.runEngine(workbook, options)),
    [], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const services: PaneServices = useMemo(
    () => ({
      source,
      runEngine: source.runEngine,
      renderDocx: (doc, link) => engine.renderDocx(doc, link),
      refreshReportFile: refreshReportFileLazily,
      platform: "unknown",
    }),
    [source, engine],
  );

  const reading = useAction();
  const runRead = reading.run;
  const read = useCallback(
    async (quiet = false) => {
      if (!quiet) setLoad({ kind: "loading" });
      await runRead({
        stage: "read" as "read" | "engine",
        work: async (step) => {
          const { workbook } = await source.read();
          await step("engine");
          const result = await services.runEngine(workbook);
          setLoad({ kind: "ready", result });
          setTab((current) => current ?? firstTab(result));
        },
        fail: (stage, err) => {
          if (stage === "engine") return { what: t("errorEngineWhat"), todo: t("errorEngineTodo") };
          return { what: w("openFailedWhat", { file: source.current.name }), todo: clerkMessage(err, lang) ?? w("openFailedTodo") };
        },
      });
    },
    [source, services, t, w, lang, runRead],
  );

  // The first reading, and each time 重新读取 brings new bytes.
  useEffect(() => {
    source.replaceFile(props.file);
    setPlace(null);
    void read();
  }, [props.file, source, read]);

  // Anything changed on the page recomputes at once (year, scope, template, manual values).
  useEffect(
    () =>
      source.subscribe((what) => {
        setChanges(source.changes());
        if (what === "settings") void read(true);
      }),
    [source, read],
  );

  const result = load.kind === "ready" ? load.result : null;
  const items = sessionItems(changes, result, w);
  const modified = formatModified(props.file.lastModified, lang);

  const header = (
    <header className={styles.header}>
      <div className={styles.titles}>
        <Text as="h1" weight="semibold" size={500}>
          {t("appTitle")}
        </Text>
        <Caption1 className={styles.file} data-testid="web-file">
          {props.file.name} · {w("fileModified", { time: modified })}
        </Caption1>
      </div>
      <div className={styles.actions}>
        <Button
          icon={<ArrowClockwise16Regular />}
          title={w(props.file.handle ? "reloadTitle" : "reloadChooseAgain", { file: props.file.name })}
          disabled={load.kind === "loading"}
          data-testid="reload"
          onClick={props.onReadAgain}
        >
          {t("reload")}
        </Button>
        <Button icon={<FolderOpen16Regular />} title={w("chooseOtherLabel")} data-testid="choose-other" onClick={props.onChooseOther}>
          {w("chooseOther")}
        </Button>
      </div>
    </header>
  );

  const reread = props.reread && (
    <MessageBar intent={props.reread.kind === "unchanged" ? "info" : "success"} layout="multiline" data-testid="reread">
      <MessageBarBody>
        {w(props.reread.kind === "unchanged" ? "rereadUnchanged" : props.reread.kind === "changed" ? "rereadChanged" : "rereadOther", {
          file: props.reread.file.name,
          time: formatModified(props.reread.file.lastModified, lang),
        })}
      </MessageBarBody>
    </MessageBar>
  );

  const session = items.length > 0 && (
    <MessageBar intent="info" layout="multiline" data-testid="session-changes">
      <MessageBarBody>
        <MessageBarTitle>{w("sessionTitle")}</MessageBarTitle>
        <span className={styles.text}>{w("sessionBody", { items: items.join(t("listSeparator")) })}</span>
      </MessageBarBody>
    </MessageBar>
  );

  let body: ReactNode;
  if (reading.error) body = <ErrorNotice error={reading.error} onRetry={() => void read()} />;
  else if (load.kind === "loading") body = <Spinner label={w("openingFile", { file: props.file.name })} labelPosition="below" />;
  else if (!hasLedgers(load.result)) {
    body = (
      <section className={styles.empty} data-testid="empty-state">
        <Subtitle1 as="h2">{w("emptyWebTitle", { file: props.file.name })}</Subtitle1>
        <Body1>{w("emptyWebBody")}</Body1>
        <Button appearance="primary" icon={<FolderOpen16Regular />} onClick={props.onChooseOther}>
          {w("chooseOther")}
        </Button>
      </section>
    );
  } else {
    body = (
      <Workspace
        result={load.result}
        services={services}
        tab={tab ?? "ledgers"}
        onTab={(next) => {
          // A place belongs to the view it was asked from.
          setPlace(null);
          setTab(next);
        }}
        ledgers={{
          settingUp: false,
          setUpInformOnly: true,
          onSetUp: () => setSetUpNote(true),
          onSelectCell: (cell) => void source.selectCell(cell),
        }}
        figures={{
          onSelectRows: (refs) => source.selectRows(refs),
          onSaveManual: async (figureId, value) => {
            const saved = await saveManualValue(services, figureId, value);
            setLoad({ kind: "ready", result: saved.result });
            return saved;
          },
        }}
        generate={{ onResult: (next) => setLoad({ kind: "ready", result: next }) }}
      />
    );
  }

  return (
    <main className={styles.root}>
      {header}
      {props.notice}
      {reread}
      {session}
      {setUpNote && (
        <MessageBar intent="info" layout="multiline" data-testid="set-up-web">
          <MessageBarBody>{w("setUpWeb")}</MessageBarBody>
        </MessageBar>
      )}
      {body}
      {place && (
        // Announced (polite), but focus stays where the clerk is, so the next issue is one Tab away.
        <MessageBar politeness="polite" intent="info" layout="multiline" className={styles.place} data-testid="place">
          <MessageBarBody>
            <MessageBarTitle>{w("placeTitle")}</MessageBarTitle>
            {placeLines(place, w).map((line) => (
              <span key={line} className={styles.text} data-testid="place-line">
                {line}
              </span>
            ))}
            <span className={styles.text}>{w("placeHowTo", { file: props.file.name })}</span>
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                icon={<Dismiss16Regular />}
                aria-label={w("placeClose")}
                data-testid="place-close"
                onClick={() => setPlace(null)}
              />
            }
          />
        </MessageBar>
      )}
    </main>
  );
}
