import { forwardRef, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwise16Regular } from "@fluentui/react-icons";
import type { EngineResult } from "../core/engine";
import type { SetUpResult } from "../adapters/excel/types";
import type { ColumnMappingEntry } from "../adapters/excel/column-map";
import { WorkbookSourceError } from "../adapters/excel/shared";
import { useI18n } from "./i18n";
import type { PaneServices } from "./services";
import { hasLedgers, saveManualValue } from "./model";
import { ErrorNotice, technicalDetail, workbookReadError, type PaneError } from "./components/ErrorNotice";
import { EmptyState } from "./views/EmptyState";
import { LedgersView } from "./views/LedgersView";
import { FiguresView } from "./views/FiguresView";
import { GenerateView } from "./views/GenerateView";

type TabId = "ledgers" | "figures" | "generate";

type Load = { kind: "loading" } | { kind: "failed"; error: PaneError } | { kind: "ready"; result: EngineResult; workbookName: string };

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    width: "100%",
    minWidth: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, minWidth: 0 },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  workbook: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalM})` },
  text: { display: "block", overflowWrap: "anywhere" },
});

/** Excel pane: reads the open workbook, shows ledgers, figures and the generate view. */
export function App({ services }: { services: PaneServices }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const [tab, setTab] = useState<TabId | null>(null);
  const [settingUp, setSettingUp] = useState(false);
  const [setUpOutcome, setSetUpOutcome] = useState<SetUpResult | null>(null);
  const [actionError, setActionError] = useState<PaneError | null>(null);
  const [mapping, setMapping] = useState<{ busy: boolean; saved: string | null }>({ busy: false, saved: null });
  const outcomeRef = useRef<HTMLDivElement>(null);
  const actionErrorRef = useRef<HTMLDivElement>(null);

  const read = useCallback(async () => {
    setLoad({ kind: "loading" });
    let stage: "read" | "engine" = "read";
    try {
      const { workbook } = await services.source.read();
      stage = "engine";
      const result = services.runEngine(workbook);
      setLoad({ kind: "ready", result, workbookName: workbook.name ?? "" });
      // The clerk first sees what needs fixing; with nothing to fix, the way to the report.
      setTab((current) => current ?? (result.issues.some((i) => i.severity !== "info") ? "ledgers" : "generate"));
    } catch (err) {
      setLoad({
        kind: "failed",
        error:
          stage === "read"
            ? workbookReadError(t, err)
            : { what: t("errorEngineWhat"), todo: t("errorEngineTodo"), detail: technicalDetail(err) },
      });
    }
  }, [services, t]);

  useEffect(() => {
    void read();
  }, [read]);
  useEffect(() => {
    if (setUpOutcome) outcomeRef.current?.focus();
  }, [setUpOutcome]);
  useEffect(() => {
    if (actionError) actionErrorRef.current?.focus();
  }, [actionError]);

  async function select(where: string, action: () => Promise<void>) {
    setActionError(null);
    try {
      await action();
    } catch (err) {
      setActionError({ what: t("errorSelectWhat", { where }), todo: t("errorSelectTodo"), detail: technicalDetail(err) });
    }
  }

  async function setUp() {
    setSettingUp(true);
    setSetUpOutcome(null);
    setActionError(null);
    try {
      const outcome = await services.source.setUp();
      setSetUpOutcome(outcome);
      await read();
    } catch (err) {
      setActionError({
        what: t("errorSetUpWhat"),
        where: t("errorReadWhere", { where: t("errorWhereWorkbook") }),
        todo: t("errorSetUpTodo"),
        detail: technicalDetail(err),
      });
    } finally {
      setSettingUp(false);
    }
  }

  /** The one click on a missing column's suggestion: one 列名对照 row, then everything read again. */
  async function addColumnMapping(entry: ColumnMappingEntry) {
    setMapping({ busy: true, saved: null });
    setActionError(null);
    try {
      const written = await services.source.writeColumnMapping(entry);
      await read();
      const params = { cell: written.cell, ledger: entry.ledger, column: entry.column, header: entry.header };
      setMapping({ busy: false, saved: t(written.existed ? "columnMapExisted" : "columnMapSaved", params) });
    } catch (err) {
      const known = err instanceof WorkbookSourceError;
      setMapping({ busy: false, saved: null });
      setActionError({
        what: t("errorColumnMapWhat"),
        where: t("errorReadWhere", { where: known && err.cell ? err.cell : "列名对照" }),
        todo: known ? (lang === "en-US" ? err.messageEn : err.message) : t("errorColumnMapTodo"),
        detail: technicalDetail(err),
      });
    }
  }

  const header = (
    <header className={styles.header}>
      <div className={styles.titles}>
        <Text as="h1" weight="semibold" size={400}>
          {t("appTitle")}
        </Text>
        {load.kind === "ready" && <Caption1 className={styles.workbook}>{load.workbookName || t("workbookUnnamed")}</Caption1>}
      </div>
      <Button
        appearance="subtle"
        size="small"
        icon={<ArrowClockwise16Regular />}
        title={t("reloadHint")}
        disabled={load.kind === "loading" || settingUp}
        data-testid="reload"
        onClick={() => void read()}
      >
        {t("reload")}
      </Button>
    </header>
  );

  const notices = (
    <>
      {setUpOutcome && <SetUpNotice ref={outcomeRef} outcome={setUpOutcome} />}
      {actionError && <ErrorNotice ref={actionErrorRef} error={actionError} />}
      {mapping.saved && (
        <MessageBar intent="success" layout="multiline" data-testid="column-map-saved">
          <MessageBarBody>{mapping.saved}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );

  let body: ReactNode;
  if (load.kind === "loading") {
    body = <Spinner label={t("loading")} labelPosition="below" />;
  } else if (load.kind === "failed") {
    body = <ErrorNotice error={load.error} onRetry={() => void read()} />;
  } else if (!hasLedgers(load.result)) {
    body = <EmptyState busy={settingUp} onSetUp={() => void setUp()} />;
  } else {
    const result = load.result;
    const current = tab ?? "ledgers";
    body = (
      <>
        <TabList
          className={styles.tabs}
          selectedValue={current}
          onTabSelect={(_, data) => setTab(data.value as TabId)}
          aria-label={t("tabsLabel")}
        >
          <Tab value="ledgers" data-testid="tab-ledgers">
            {t("tabLedgers")}
          </Tab>
          <Tab value="figures" data-testid="tab-figures">
            {t("tabFigures")}
          </Tab>
          <Tab value="generate" data-testid="tab-generate">
            {t("tabGenerate")}
          </Tab>
        </TabList>
        <div role="tabpanel" aria-label={t(current === "ledgers" ? "tabLedgers" : current === "figures" ? "tabFigures" : "tabGenerate")}>
          {current === "ledgers" && (
            <LedgersView
              result={result}
              settingUp={settingUp}
              onSetUp={() => void setUp()}
              onSelectCell={(cell) => void select(cell, () => services.source.selectCell(cell))}
              columnMapping={{ onAdd: addColumnMapping, busy: mapping.busy }}
            />
          )}
          {current === "figures" && (
            <FiguresView
              result={result}
              onSelectRows={(refs) => void select(refs[0] ? `${refs[0].sheet}!${refs[0].row}` : "", () => services.source.selectRows(refs))}
              onSaveManual={async (figureId, value) => {
                // A quiet re-read (no spinner): the figures stay on screen and focus stays in the value.
                const saved = await saveManualValue(services, figureId, value);
                setLoad({ kind: "ready", result: saved.result, workbookName: saved.workbookName });
                return saved;
              }}
            />
          )}
          {/* Stays mounted so a generated report survives a look at the other tabs. */}
          <div hidden={current !== "generate"}>
            <GenerateView
              services={services}
              result={result}
              onResult={(next) => setLoad({ kind: "ready", result: next, workbookName: load.workbookName })}
            />
          </div>
        </div>
      </>
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
