// The pane in Word: a linked report shows where it came from and the state of each figure, and is
// refreshed from the workbook file the clerk picks (review first, then 应用); an unlinked document
// gets 插入报告; a document whose link is damaged or newer only gets the adapter's explanation.
import { forwardRef, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import {
  Badge,
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import { ArrowClockwise16Regular, CalendarArrowRight16Regular } from "@fluentui/react-icons";
import type { ConflictChoice, RefreshPlan } from "../../core/refresh/plan";
import type { LinkRecord, RawWorkbook } from "../../core/types";
import type { WorkbookMismatch } from "../../core/refresh/recompute";
import { OtherWorkbookDialog } from "../components/OtherWorkbookDialog";
import { PaneHeader } from "../components/PaneHeader";
import type { EngineResult } from "../../core/engine";
import type { InsertResult, LinkedReportRead, WordMessage, WordRefresh, WordRefreshPlan } from "../../adapters/word";
import { scopeLabel, useI18n, type Translate } from "../i18n";
import { ErrorNotice } from "../components/ErrorNotice";
import { useAction } from "../shell/useAction";
import type { ActionSpec } from "../shell/action";
import type { NextYearFile, WordPaneServices } from "./services";
import { saveBytes, type SaveOutcome } from "../shell/download";
import { undoKeys, type PanePlatform } from "../shell/services";
import { FilePicker, fileBytes } from "../components/FilePicker";
import { ReviewDecision } from "../components/ReviewList";
import { IssuesLine } from "../components/IssuesLine";
import { PlaceFigures } from "./PlaceFigures";
import { cellsOfTableText } from "../../core/figures/grouped";
import { LiveRegion } from "../components/LiveRegion";
import { ProgressLine } from "../components/ProgressLine";
import { clerkMessage, figureNames, issuesOfReport, otherWorkbookOf, reviewModel } from "../components/review";
import {
  formatDay,
  formatGeneratedAt,
  refreshCounts,
  statusFromDocument,
  statusFromPlan,
  zeroGroups,
  type FigureStatusKind,
  type FigureStatusRow,
  type RefreshCounts,
} from "./model";
import { FIGURE_ROW, MUTED, PANE_ROOT, PLAIN_LIST, ROW_NAME, SECTION, SECTION_TITLE } from "../components/styles";
import { PaneSection } from "../components/PaneSection";
import { describePlace } from "../../core/describe";

/** The document as last read; a failed read is the reading action's error. */
type Load = { kind: "loading" } | { kind: "ready"; read: LinkedReportRead };

interface Review {
  fileName: string;
  /** When the picked file was last saved (File.lastModified): what the refresh read is that version. */
  savedAt: number;
  refresh: WordRefresh;
  choices: Record<string, ConflictChoice>;
  plan: WordRefreshPlan;
  /** 生成下一年度: the report's year and the year it becomes. */
  nextYear: { from: number; to: number } | null;
}

type Outcome =
  | { kind: "applied"; counts: RefreshCounts; warnings: WordMessage[] }
  | { kind: "inserted"; result: InsertResult }
  /** 生成下一年度 as a new file: offered for saving; the open document is unchanged. */
  | { kind: "savedFile"; fileName: string; save: SaveOutcome };

/** 生成下一年度 as a new file, under review before it is saved. */
interface FileReview {
  file: NextYearFile;
  choices: Record<string, ConflictChoice>;
  plan: RefreshPlan;
}

const useStyles = makeStyles({
  // The Word pane spaces its sections wider than the Excel pane.
  root: { ...PANE_ROOT, gap: tokens.spacingVerticalL },
  section: SECTION,
  title: SECTION_TITLE,
  info: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  group: { display: "contents" },
  term: { color: tokens.colorNeutralForeground3 },
  definition: { margin: 0, overflowWrap: "anywhere", minWidth: 0 },
  text: { display: "block", overflowWrap: "anywhere" },
  muted: MUTED,
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: PLAIN_LIST,
  figure: FIGURE_ROW,
  figureHead: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  name: ROW_NAME,
  figureText: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
  badge: { flexShrink: 0 },
  // The figure's name is the way to it in the document: a click selects its content control.
  nameButton: {
    padding: 0,
    border: "none",
    background: "none",
    textAlign: "start",
    cursor: "pointer",
    color: tokens.colorBrandForegroundLink,
    fontFamily: tokens.fontFamilyBase,
    ":hover": { textDecorationLine: "underline" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
});

const BADGE: Record<
  FigureStatusKind,
  { color: BadgeProps["color"]; label: "statusCurrent" | "statusChanged" | "statusEdited" | "statusDeleted" | "statusZero" }
> = {
  current: { color: "success", label: "statusCurrent" },
  changed: { color: "brand", label: "statusChanged" },
  edited: { color: "warning", label: "statusEdited" },
  deleted: { color: "informative", label: "statusDeleted" },
  zero: { color: "danger", label: "statusZero" },
};

function statusDetail(full: FigureStatusRow, t: Translate): string {
  // A table figure's text is every cell: the row says its size and 合计; the review says which cells changed.
  const short = (text: string) => {
    const rows = cellsOfTableText(text);
    return rows ? t("statusTableText", { groups: rows.length - 2, total: rows[rows.length - 1][1] }) : text;
  };
  const row = {
    ...full,
    current: short(full.current),
    written: short(full.written),
    ...(full.next !== undefined ? { next: short(full.next) } : {}),
  };
  switch (row.status) {
    case "current":
      return row.current;
    case "changed":
      return t("statusChangedText", { old: row.current, new: row.next ?? "" });
    case "edited":
      if (row.keptAsWritten)
        return [
          t("statusDocText", { text: row.current }),
          ...(row.next !== undefined ? [t("statusLedgerText", { text: row.next })] : []),
          t("statusKeptAsWritten"),
        ].join(" · ");
      return [
        t("statusDocText", { text: row.current }),
        row.next !== undefined ? t("statusLedgerText", { text: row.next }) : t("statusWasText", { text: row.written }),
      ].join(" · ");
    case "deleted":
      return t("statusWasText", { text: row.written });
    case "zero":
      return row.current === row.next
        ? t("reviewZeroSame", { text: row.next ?? "" })
        : t("statusChangedText", { old: row.current, new: row.next ?? "" });
  }
}

function localized(message: WordMessage, lang: "zh-CN" | "en-US"): string {
  return lang === "zh-CN" ? message.message : message.messageEn;
}

/** The year a report was made for: the year its period ends in. */
function reportYearOf(record: LinkRecord): number {
  return Number(record.period.end.slice(0, 4));
}

export function WordApp({ services }: { services: WordPaneServices }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const [review, setReview] = useState<Review | null>(null);
  const [fileReview, setFileReview] = useState<FileReview | null>(null);
  const reading = useAction();
  /** Every action on the document (refresh, apply, insert) shares one progress line and one error. */
  const action = useAction();
  const busy = action.busy;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [asking, setAsking] = useState<{ mismatch: WorkbookMismatch; file: File; workbook: RawWorkbook; nextYear: number | null } | null>(
    null,
  );
  const outcomeRef = useRef<HTMLDivElement>(null);
  const reviewRef = useRef<HTMLDivElement>(null);

  const runRead = reading.run;
  const read = useCallback(async () => {
    setLoad({ kind: "loading" });
    await runRead({
      stage: "document",
      work: async () => setLoad({ kind: "ready", read: await services.read() }),
      fail: () => ({
        what: t("errorWordReadWhat"),
        where: t("errorReadWhere", { where: t("errorWhereDocument") }),
        todo: t("errorWordReadTodo"),
      }),
    });
  }, [services, t, runRead]);

  useEffect(() => {
    void read();
  }, [read]);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (review) reviewRef.current?.focus();
    // Only when a new review arrives, not on every choice.
  }, [review?.refresh]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Every action on the document starts with the last outcome gone. */
  function run<S extends string, R>(spec: ActionSpec<S, R>) {
    setOutcome(null);
    return action.run(spec);
  }

  async function pickWorkbook(file: File, confirmed?: RawWorkbook, nextYear: number | null = null) {
    setReview(null);
    setFileReview(null);
    setAsking(null);
    let workbook: RawWorkbook | null = confirmed ?? null;
    await run({
      stage: "file" as "file" | "refresh",
      message: t("progressReadFile", { file: file.name }),
      work: async (step) => {
        if (!workbook) workbook = await services.readWorkbookFile(await fileBytes(file), file.name);
        await step("refresh", t("progressCompare"));
        // Next year as a new file where Word can hand over the open document's bytes; else in place.
        const asFile =
          nextYear !== null && services.nextYearFile
            ? await services.nextYearFile(workbook, { allowOtherWorkbook: confirmed !== undefined })
            : null;
        if (asFile) {
          setFileReview({ file: asFile, choices: {}, plan: asFile.refresh.plan });
          return;
        }
        const refresh = await services.refresh(workbook, {
          allowOtherWorkbook: confirmed !== undefined,
          ...(nextYear !== null ? { year: nextYear } : {}),
        });
        const years = nextYear !== null ? { from: nextYear - 1, to: nextYear } : null;
        setReview({ fileName: file.name, savedAt: file.lastModified, refresh, choices: {}, plan: refresh.plan, nextYear: years });
      },
      done: () => t("progressReviewReady", { file: file.name }),
      fail: (stage, err) => {
        const mismatch = otherWorkbookOf(err);
        if (mismatch && workbook) {
          // Nothing was written: show both workbooks and let the clerk decide.
          setAsking({ mismatch, file, workbook, nextYear });
          return null;
        }
        return stage === "file"
          ? { what: t("errorFileWhat", { file: file.name }), todo: clerkMessage(err, lang) ?? t("errorFileTodo") }
          : {
              what: t("errorRefreshWhat"),
              where: t("errorReadWhere", { where: t("errorWhereDocument") }),
              todo: clerkMessage(err, lang) ?? t("errorRefreshTodo"),
            };
      },
    });
  }

  async function saveNextYearFile() {
    if (!fileReview) return;
    const { file, plan } = fileReview;
    await run({
      stage: "apply",
      message: t("progressApply"),
      work: async () => {
        const save = saveBytes(file.refresh.patch(plan), file.fileName, services.platform);
        setOutcome({ kind: "savedFile", fileName: file.fileName, save });
        if (save.kind === "started") setFileReview(null);
      },
      done: () => t("saveStarted", { file: file.fileName }),
      fail: () => ({ what: t("errorRenderWhat"), todo: t("errorRenderTodo") }),
    });
  }

  function choose(choices: Record<string, ConflictChoice>) {
    if (!review) return;
    setReview({ ...review, choices, plan: review.refresh.replan({ choices }) });
  }

  async function apply() {
    if (!review) return;
    await run({
      stage: "apply",
      message: t("progressApply"),
      work: async () => {
        const result = await review.refresh.apply(review.plan);
        setReview(null);
        await read();
        setOutcome({ kind: "applied", counts: refreshCounts(review.plan), warnings: result.warnings });
      },
      done: () => t("applyResultTitle"),
      fail: () => ({
        what: t("errorApplyWhat"),
        where: t("errorReadWhere", { where: t("errorWhereDocument") }),
        todo: t("errorApplyTodo"),
      }),
    });
  }

  const header = (
    <PaneHeader
      reloadDisabled={load.kind === "loading" || busy !== null}
      onReload={() => {
        setReview(null);
        action.clearError();
        void read();
      }}
    />
  );

  let body: ReactNode;
  if (reading.error) {
    body = <ErrorNotice error={reading.error} onRetry={() => void read()} />;
  } else if (load.kind === "loading") {
    body = <Spinner label={t("wordLoading")} labelPosition="below" />;
  } else if (load.read.problem?.code === "not_linked") {
    body = (
      <InsertView
        services={services}
        busy={busy}
        run={run}
        onInserted={async (result) => {
          await read();
          setOutcome({ kind: "inserted", result });
          action.announce(t("insertDoneTitle"));
        }}
      />
    );
  } else if (load.read.problem || !load.read.record) {
    body = (
      <MessageBar intent="warning" layout="multiline" data-testid="link-problem">
        <MessageBarBody>
          <MessageBarTitle>{t("wordProblemTitle")}</MessageBarTitle>
          <span className={styles.text}>{load.read.problem ? localized(load.read.problem, lang) : ""}</span>
        </MessageBarBody>
      </MessageBar>
    );
  } else {
    const record = load.read.record;
    const rows = review ? statusFromPlan(record, review.plan, review.refresh.figures) : statusFromDocument(record, load.read.controls);
    body = (
      <>
        <ReportInfo record={record} />
        <section className={styles.section} aria-labelledby="refresh-title">
          <Subtitle2 as="h2" id="refresh-title" className={styles.title}>
            {t("refreshTitle")}
          </Subtitle2>
          <Caption1 className={styles.muted}>{t("refreshBody")}</Caption1>
          {/* The pane reads the file on disk, not the workbook open in Excel: unsaved edits are not in it. */}
          <Caption1 className={styles.muted} data-testid="refresh-save-first">
            {t("refreshSaveFirst")}
          </Caption1>
          <div className={styles.actions}>
            <FilePicker
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              label={t("refreshPickLabel")}
              text={review ? t("refreshPickAgain") : t("refreshPick")}
              appearance={review ? "secondary" : "primary"}
              icon={<ArrowClockwise16Regular />}
              disabled={busy !== null}
              testId="refresh-pick"
              onFile={(file) => void pickWorkbook(file)}
            />
            <FilePicker
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              label={t("wordNextYearLabel", { year: String(reportYearOf(record) + 1) })}
              text={t("wordNextYear")}
              icon={<CalendarArrowRight16Regular />}
              disabled={busy !== null}
              testId="next-year-pick"
              onFile={(file) => void pickWorkbook(file, undefined, reportYearOf(record) + 1)}
            />
          </div>
          <OtherWorkbookDialog
            mismatch={asking?.mismatch ?? null}
            onProceed={() => asking && void pickWorkbook(asking.file, asking.workbook, asking.nextYear)}
            onCancel={() => setAsking(null)}
          />
          {busy && <ProgressLine text={busy} testId="progress" />}
          {fileReview && (
            <div className={styles.section} data-testid="next-year-file-review">
              <MessageBar intent="info" layout="multiline" data-testid="next-year-file-note">
                <MessageBarBody>
                  {t("wordNextYearFileNote", {
                    from: String(fileReview.file.from),
                    to: String(fileReview.file.to),
                    file: fileReview.file.fileName,
                  })}
                </MessageBarBody>
              </MessageBar>
              <IssuesLine issues={issuesOfReport(fileReview.file.refresh, fileReview.plan)} />
              <ReviewDecision
                review={reviewModel(
                  fileReview.plan,
                  figureNames(fileReview.file.refresh.previous, fileReview.plan.record),
                  fileReview.choices,
                  fileReview.file.refresh,
                )}
                choices={fileReview.choices}
                onChoose={(choices) => setFileReview({ ...fileReview, choices, plan: fileReview.file.refresh.replan(choices) })}
                disabled={busy !== null}
                confirm={{ text: t("wordNextYearSave"), testId: "next-year-save", onClick: () => void saveNextYearFile() }}
                cancelTestId="next-year-cancel"
                onCancel={() => setFileReview(null)}
              />
            </div>
          )}
          {review && (
            <div ref={reviewRef} tabIndex={-1} className={styles.section} data-testid="word-review">
              <Caption1 className={styles.muted} data-testid="review-file-saved">
                {t("refreshFileSavedAt", {
                  file: review.fileName,
                  time: formatGeneratedAt(new Date(review.savedAt).toISOString(), lang),
                })}
              </Caption1>
              {review.nextYear && (
                <MessageBar intent="warning" layout="multiline" data-testid="next-year-note">
                  <MessageBarBody>
                    {t("wordNextYearNote", { from: String(review.nextYear.from), to: String(review.nextYear.to) })}
                  </MessageBarBody>
                </MessageBar>
              )}
              <IssuesLine issues={issuesOfReport(review.refresh, review.plan)} />
              {review.refresh.notices.map((n) => (
                <MessageBar key={n.messageEn} intent="info" layout="multiline" data-testid="review-notice">
                  <MessageBarBody>{localized(n, lang)}</MessageBarBody>
                </MessageBar>
              ))}
              <ReviewDecision
                review={reviewModel(review.plan, figureNames(record, review.plan.record), review.choices, review.refresh)}
                choices={review.choices}
                onChoose={choose}
                disabled={busy !== null}
                confirm={{ text: t("apply"), testId: "apply", onClick: () => void apply() }}
                cancelTestId="review-cancel"
                onCancel={() => setReview(null)}
              />
            </div>
          )}
        </section>
        <FigureStatusList
          rows={rows}
          source={review?.fileName}
          // Showing a figure is a convenience: a failure (the control just deleted) changes nothing.
          onSelect={services.selectFigure ? (id) => void services.selectFigure!(id).catch(() => false) : undefined}
        />
      </>
    );
  }

  return (
    <main className={styles.root} data-testid="word-pane">
      {header}
      {outcome && <OutcomeNotice ref={outcomeRef} outcome={outcome} platform={services.platform} />}
      {action.error && <ErrorNotice ref={action.errorRef} error={action.error} />}
      {body}
      {/* Placing figures works on a plain document and on a linked report alike; not on one whose link is damaged or newer. */}
      {!reading.error && !(load.kind === "ready" && load.read.problem && load.read.problem.code !== "not_linked") && (
        <PlaceFigures services={services} onChanged={read} onRefreshFirst={(file, confirmed) => void pickWorkbook(file, confirmed)} />
      )}
      <LiveRegion text={action.live} testId="live" />
    </main>
  );
}

function ReportInfo({ record }: { record: LinkRecord }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const items: [string, string, string][] = [
    [t("wordSourceWorkbook"), record.workbookName || t("workbookUnnamed"), "info-workbook"],
    [t("wordGeneratedAt"), formatGeneratedAt(record.generatedAt, lang), "info-generated"],
    [
      t("wordPeriod"),
      t("wordPeriodRange", { start: formatDay(record.period.start, lang), end: formatDay(record.period.end, lang) }),
      "info-period",
    ],
    [t("wordScope"), scopeLabel(record.scope, t), "info-scope"],
  ];
  return (
    <section className={styles.section} aria-label={t("wordReportInfo")} data-testid="report-info">
      <dl className={styles.info}>
        {items.map(([term, value, id]) => (
          <div key={id} className={styles.group}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.definition} data-testid={id}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function FigureStatusList({ rows, source, onSelect }: { rows: FigureStatusRow[]; source?: string; onSelect?: (id: string) => void }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  // The 0s no record supports are set apart, their ledger's reason said once, as the review does.
  const { rows: ordinary, zeros } = zeroGroups(rows);
  return (
    <section className={styles.section} aria-labelledby="figures-title" data-testid="word-figures">
      <Subtitle2 as="h2" id="figures-title" className={styles.title}>
        {t("wordFiguresTitle", { count: rows.length })}
      </Subtitle2>
      <Caption1 className={styles.muted} data-testid="status-source">
        {source ? t("wordStatusFromWorkbook", { file: source }) : t("wordStatusFromDocument")}
      </Caption1>
      {zeros.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="status-zeros">
          <MessageBarBody>
            <MessageBarTitle>{t("reviewZeros", { count: zeros.reduce((n, z) => n + z.rows.length, 0) })}</MessageBarTitle>
            <ul className={styles.list}>
              {zeros.map((z) => (
                <li key={z.ledger} className={styles.figure} data-testid="status-zero-ledger">
                  <Text className={styles.text} weight="semibold">
                    {lang === "zh-CN" ? z.reason : z.reasonEn}
                    {z.cell && (lang === "zh-CN" ? `（见 ${describePlace(z.cell)}）` : ` (see ${describePlace(z.cell)})`)}
                  </Text>
                  <ul className={styles.list}>
                    {z.rows.map((row) => (
                      <StatusRow key={row.id} row={row} onSelect={onSelect} />
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list}>
        {ordinary.map((row) => (
          <StatusRow key={row.id} row={row} onSelect={onSelect} />
        ))}
      </ul>
    </section>
  );
}

function StatusRow({ row, onSelect }: { row: FigureStatusRow; onSelect?: (id: string) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <li className={styles.figure} data-testid="word-figure" data-figure={row.id} data-status={row.status}>
      <div className={styles.figureHead}>
        <Body1Strong className={styles.name}>
          {onSelect && row.status !== "deleted" ? (
            <button
              type="button"
              className={styles.nameButton}
              title={t("wordSelectFigureHint", { name: row.name })}
              data-testid="word-figure-select"
              onClick={() => onSelect(row.id)}
            >
              {row.name}
            </button>
          ) : (
            row.name
          )}
        </Body1Strong>
        <Badge className={styles.badge} appearance="tint" color={BADGE[row.status].color} data-testid="status-badge">
          {t(BADGE[row.status].label)}
        </Badge>
      </div>
      <Caption1 className={styles.figureText}>{statusDetail(row, t)}</Caption1>
    </li>
  );
}

function InsertView(props: {
  services: WordPaneServices;
  busy: string | null;
  /** The Word pane's action: one progress line and one error for the whole pane. */
  run: <S extends string, R>(spec: ActionSpec<S, R>) => Promise<R | undefined>;
  onInserted: (result: InsertResult) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [prepared, setPrepared] = useState<{ fileName: string; engine: EngineResult } | null>(null);
  const { services } = props;

  async function pick(file: File) {
    setPrepared(null);
    await props.run({
      stage: "file" as "file" | "engine",
      message: t("progressReadFile", { file: file.name }),
      work: async (step) => {
        const workbook = await services.readWorkbookFile(await fileBytes(file), file.name);
        await step("engine", t("progressFigures"));
        setPrepared({ fileName: file.name, engine: services.runEngine(workbook) });
      },
      fail: (stage, err) =>
        stage === "file"
          ? { what: t("errorFileWhat", { file: file.name }), todo: clerkMessage(err, lang) ?? t("errorFileTodo") }
          : { what: t("errorEngineWhat"), todo: t("errorEngineTodo") },
    });
  }

  async function insert() {
    if (!prepared) return;
    await props.run({
      stage: "render" as "render" | "insert",
      message: t("progressRender"),
      work: async (step) => {
        const bytes = await services.renderDocx(prepared.engine.report, prepared.engine.link);
        await step("insert", t("progressInsert"));
        const result = await services.insert(bytes, prepared.engine.link);
        setPrepared(null);
        await props.onInserted(result);
      },
      fail: () => ({
        what: t("errorInsertWhat"),
        where: t("errorReadWhere", { where: t("errorWhereDocument") }),
        todo: t("errorInsertTodo"),
      }),
    });
  }

  return (
    <PaneSection id="insert" title={t("insertTitle")} intro={t("insertBody")} introLook="body" testId="insert-view">
      <div className={styles.actions}>
        <FilePicker
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          label={t("insertPickLabel")}
          text={t("insertPick")}
          appearance={prepared ? "secondary" : "primary"}
          disabled={props.busy !== null}
          testId="insert-pick"
          onFile={(file) => void pick(file)}
        />
      </div>
      {props.busy && <ProgressLine text={props.busy} testId="progress" />}
      {prepared && (
        <div className={styles.section} data-testid="insert-ready">
          <Text className={styles.text}>
            {t("insertReady", {
              file: prepared.fileName,
              year: String(prepared.engine.settings.year),
              scope: scopeLabel(prepared.engine.settings.scope, t),
              figures: prepared.engine.figures.length,
            })}
          </Text>
          <IssuesLine issues={prepared.engine.issues} />
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <span className={styles.text}>{t("insertReplaceNote")}</span>
            </MessageBarBody>
          </MessageBar>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={props.busy !== null} data-testid="insert" onClick={() => void insert()}>
              {t("insertButton")}
            </Button>
          </div>
        </div>
      )}
    </PaneSection>
  );
}

const OutcomeNotice = forwardRef<HTMLDivElement, { outcome: Outcome; platform?: PanePlatform }>(function OutcomeNotice(
  { outcome, platform },
  ref,
) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  if (outcome.kind === "savedFile") {
    const started = outcome.save.kind === "started";
    return (
      <MessageBar ref={ref} tabIndex={-1} intent={started ? "success" : "warning"} layout="multiline" data-testid="outcome">
        <MessageBarBody>
          <MessageBarTitle>{started ? t("saveStarted", { file: outcome.fileName }) : t("saveBlockedTitle")}</MessageBarTitle>
          <span className={styles.text} data-testid="next-year-saved">
            {t(started ? "wordNextYearSaved" : "wordNextYearBlocked", { file: outcome.fileName })}
          </span>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const warnings = outcome.kind === "applied" ? outcome.warnings : outcome.result.warnings;
  const lines =
    outcome.kind === "applied"
      ? [t("applyResult", { ...outcome.counts }), t("applyUndo", { keys: undoKeys(platform) })]
      : outcome.result.path === "document"
        ? [t("insertDocumentPath")]
        : [];
  return (
    <MessageBar ref={ref} tabIndex={-1} intent={warnings.length ? "warning" : "success"} layout="multiline" data-testid="outcome">
      <MessageBarBody>
        <MessageBarTitle>{t(outcome.kind === "applied" ? "applyResultTitle" : "insertDoneTitle")}</MessageBarTitle>
        {[...lines, ...warnings.map((w) => localized(w, lang))].map((line) => (
          <span key={line} className={styles.text}>
            {line}
          </span>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
});
