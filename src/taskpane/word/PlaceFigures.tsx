// 放置指标 in the Word pane: the figures and settings of a workbook file the clerk picks, grouped by
// ledger and searchable by name; 插入 puts one at the cursor as a linked control, 将占位符转为指标 turns
// the document's own {{…}} into linked figures. Either gives a document without a link record one.
import { useMemo, useState } from "react";
import { Body1Strong, Button, Caption1, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { settingSlots } from "../../core/report";
import { differingFiguresOf, type DifferingFigure, type PlaceOptions, type PlaceResult, type PlaceSource } from "../../adapters/word/place";
import type { WorkbookMismatch } from "../../core/refresh/recompute";
import { clerkMessage, otherWorkbookOf } from "../components/review";
import { cellsOfTableText } from "../../core/figures/grouped";
import { OtherWorkbookDialog } from "../components/OtherWorkbookDialog";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { useI18n, type Lang, type MessageKey, type Translate } from "../i18n";
import { placeholderSuggestion } from "../../core/fill";
import type { FigureResult, RawWorkbook } from "../../core/types";
import { MUTED, PLAIN_LIST, ROW_NAME, SECTION, SECTION_TITLE } from "../components/styles";
import { ErrorNotice } from "../components/ErrorNotice";
import { LiveRegion, OutcomeRegion } from "../components/LiveRegion";
import { ProgressLine } from "../components/ProgressLine";
import { useAction } from "../shell/useAction";
import { FilePicker, fileBytes } from "../components/FilePicker";
import type { WordPaneServices } from "./services";
import { PaneSection } from "../components/PaneSection";

const useStyles = makeStyles({
  section: SECTION,
  title: SECTION_TITLE,
  muted: MUTED,
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  differing: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  group: { margin: 0, padding: 0, listStyleType: "none" },
  groupName: { marginBlockStart: tokens.spacingVerticalS },
  row: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    paddingBlock: "2px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  name: { overflowWrap: "anywhere", minWidth: "4em", flex: "1 1 8em" },
  // A long setting (述职人) is cut with an ellipsis rather than squeezing the name into a column of single characters.
  value: {
    color: tokens.colorNeutralForeground2,
    flex: "0 1 auto",
    maxWidth: "45%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
});

interface Entry {
  id: string;
  name: string;
  text: string;
  group: string;
}

/** Every figure and setting the source offers, grouped: each ledger in turn, then typed-in figures, then settings. */
function entries(source: PlaceSource, t: Translate): Entry[] {
  // A table figure shows its size and 合计, not every cell run together.
  const shown = (text: string) => {
    const rows = cellsOfTableText(text);
    return rows ? t("statusTableText", { groups: rows.length - 2, total: rows[rows.length - 1][1] }) : text;
  };
  const figures = source.figures.map((f) => ({
    id: f.id,
    name: f.name,
    text: f.table !== undefined ? shown(f.text) : f.text,
    group: f.ledger ?? t("placeManual"),
  }));
  const settings = settingSlots(source.settings)
    .filter((s) => !s.unresolved && s.text.trim() !== "")
    .map((s) => ({ id: s.id, name: s.name, text: s.text, group: t("placeSettings") }));
  return [...figures, ...settings];
}

/**
 * How a placing's outcome is marked: a warning for placeholders left as typed, information (never a
 * success mark) when the document had nothing to convert, success when figures were placed.
 */
export function outcomeIntent(r: Pick<PlaceResult, "placed" | "unknown" | "warnings">): "warning" | "info" | "success" {
  if (r.unknown.length || r.warnings.length) return "warning";
  return r.placed.length ? "success" : "info";
}

/**
 * What a placing says: the figures placed, or that the document had no placeholder (and what to do);
 * each placeholder left as typed, with the name it most likely meant (the same question `fill` asks).
 */
export function placeSummary(
  r: Pick<PlaceResult, "placed" | "unknown" | "warnings">,
  figures: readonly Pick<FigureResult, "id" | "name">[],
  t: Translate,
  lang: Lang,
): string {
  const lines: string[] = [];
  if (r.placed.length)
    lines.push(
      t("placePlaced", { n: r.placed.length, names: [...new Set(r.placed.map((p) => p.name))].join(lang === "zh-CN" ? "、" : ", ") }),
    );
  else if (r.unknown.length === 0) lines.push(t("placeNoneFound"));
  if (r.unknown.length) {
    const said = r.unknown.map((typed) => {
      const near = placeholderSuggestion(typed.replace(/^\{\{|\}\}$/g, ""), figures);
      const question = lang === "zh-CN" ? near.zh : near.en;
      return question ? (lang === "zh-CN" ? `${typed}（${question}）` : `${typed} (${question})`) : typed;
    });
    lines.push(t("placeUnknown", { list: said.join(" ") }));
  }
  for (const w of r.warnings) lines.push(lang === "zh-CN" ? w.message : w.messageEn);
  return lines.join(" ");
}

/** Which placing asked: the dialogs' words and buttons say that one (inserting or converting), never a refresh. */
export type Placing = "insert" | "convert";

/** The figure-differs dialog's words for a placing: its body and each choice say what they do to this placing. */
export function differsWords(placing: Placing): {
  body: MessageKey;
  recorded: MessageKey;
  recordedMeans: MessageKey;
  refresh: MessageKey;
  refreshMeans: MessageKey;
} {
  return placing === "convert"
    ? {
        body: "placeDiffersConvertBody",
        recorded: "placeDiffersConvertRecorded",
        recordedMeans: "placeDiffersConvertRecordedMeans",
        refresh: "placeDiffersConvertRefresh",
        refreshMeans: "placeDiffersConvertRefreshMeans",
      }
    : {
        body: "placeDiffersBody",
        recorded: "placeDiffersRecorded",
        recordedMeans: "placeDiffersRecordedMeans",
        refresh: "placeDiffersRefresh",
        refreshMeans: "placeDiffersRefreshMeans",
      };
}

/** A placing that stopped to ask: the same placing runs again with the clerk's answer added to `options`. */
interface Asking {
  work: (options: PlaceOptions) => Promise<PlaceResult>;
  message: MessageKey;
  options: PlaceOptions;
  mismatch?: WorkbookMismatch;
  differing?: DifferingFigure[];
}

export function PlaceFigures(props: {
  services: WordPaneServices;
  onChanged: () => Promise<void> | void;
  /**
   * 改为刷新: the report refreshed from the picked workbook (its review), so the figure can then be
   * placed with the same value everywhere. `confirmed` is the workbook when the clerk already chose to
   * place from it although it is another one: the refresh then does not ask that again (no loop).
   */
  onRefreshFirst?: (file: File, confirmed?: RawWorkbook) => void;
}) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const action = useAction();
  const [source, setSource] = useState<PlaceSource | null>(null);
  const [file, setFile] = useState<{ file: File; workbook: RawWorkbook } | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [query, setQuery] = useState("");
  const [outcome, setOutcome] = useState<PlaceResult | null>(null);
  const { services } = props;
  const all = useMemo(() => (source ? entries(source, t) : []), [source, t]);
  const q = query.replace(/\s+/g, "");
  const shown = q ? all.filter((e) => e.name.replace(/\s+/g, "").includes(q) || e.id.includes(q)) : all;
  const groups = [...new Set(shown.map((e) => e.group))];

  if (!services.insertFigure || !services.convertPlaceholders) return null;

  async function pick(file: File) {
    setOutcome(null);
    await action.run({
      stage: "read",
      message: t("placeReading"),
      work: async () => {
        const workbook = await services.readWorkbookFile(await fileBytes(file), file.name);
        const engine = services.runEngine(workbook);
        setSource({ figures: engine.figures, settings: engine.settings, workbookName: file.name, workbookId: engine.link.workbookId });
        setFile({ file, workbook });
      },
      fail: () => ({ what: t("placeReadFailed"), where: file.name, todo: t("placeReadTodo") }),
    });
  }

  async function place(message: MessageKey, work: (options: PlaceOptions) => Promise<PlaceResult>, options: PlaceOptions = {}) {
    setOutcome(null);
    setAsking(null);
    const result = await action.run({
      stage: "place",
      message: t(message),
      work: () => work(options),
      fail: (_, err) => {
        // Nothing was placed: the clerk is asked, and the same placing goes on with the answer.
        const mismatch = otherWorkbookOf(err);
        if (mismatch) {
          setAsking({ work, message, options, mismatch });
          return null;
        }
        const differing = differingFiguresOf(err);
        if (differing) {
          setAsking({ work, message, options, differing });
          return null;
        }
        // The adapter's own words where it has them (a table figure at a cell, a Word too old for it).
        return { what: t("placeFailed"), where: t("placeFailedWhere"), todo: clerkMessage(err, lang) ?? t("placeFailedTodo") };
      },
      // The outcome below says it (and is read aloud there): said here too it would be found twice.
      done: () => "",
    });
    if (result) {
      setOutcome(result);
      await props.onChanged();
    }
  }

  /** Goes on with the placing that asked, with the clerk's answer. */
  function answer(more: PlaceOptions) {
    if (asking) void place(asking.message, asking.work, { ...asking.options, ...more });
  }

  const summary = (r: PlaceResult) => placeSummary(r, source?.figures ?? [], t, lang);

  const busy = action.busy !== null;
  const placing: Placing = asking?.message === "placeConverting" ? "convert" : "insert";
  const words = differsWords(placing);
  return (
    <PaneSection id="place" title={t("placeTitle")} intro={t("placeIntro")} testId="place-figures">
      <div className={styles.actions}>
        <FilePicker
          accept=".xlsx"
          label={t("placePickLabel")}
          text={t("placePick")}
          disabled={busy}
          testId="place-workbook"
          onFile={(file) => void pick(file)}
        />
        {source && (
          <Button
            appearance="primary"
            disabled={busy}
            data-testid="convert-placeholders"
            onClick={() => void place("placeConverting", (options) => services.convertPlaceholders!(source, options))}
          >
            {t("placeConvert")}
          </Button>
        )}
      </div>
      <OtherWorkbookDialog
        mismatch={asking?.mismatch ?? null}
        purpose={placing}
        onProceed={() => answer({ allowOtherWorkbook: true })}
        onCancel={() => setAsking(null)}
      />
      <ConfirmDialog
        open={asking?.differing !== undefined}
        testId="place-differs-dialog"
        title={t("placeDiffersTitle")}
        confirm={{ text: t(words.recorded), testId: "place-differs-recorded" }}
        cancelTestId="place-differs-cancel"
        onConfirm={() => answer({ differing: "recorded" })}
        onCancel={() => setAsking(null)}
      >
        {t(words.body)}
        <ul className={styles.differing}>
          {(asking?.differing ?? []).map((d) => (
            <li key={d.id} data-testid="place-differs-figure">
              {t("placeDiffersFigure", { name: d.name, recorded: d.recorded, picked: d.picked })}
            </li>
          ))}
        </ul>
        {t("placeDiffersChoices")}
        <ul className={styles.differing}>
          <li data-testid="place-differs-recorded-means">{t(words.recordedMeans)}</li>
          {props.onRefreshFirst && file && (
            <li data-testid="place-differs-refresh-means">
              {t(words.refreshMeans, { file: file.file.name })}
              {asking?.options.allowOtherWorkbook && t("placeDiffersRefreshOther", { file: file.file.name })}
            </li>
          )}
        </ul>
        {props.onRefreshFirst && file && (
          <Button
            data-testid="place-differs-refresh"
            onClick={() => {
              const otherAllowed = asking?.options.allowOtherWorkbook === true;
              setAsking(null);
              props.onRefreshFirst!(file.file, otherAllowed ? file.workbook : undefined);
            }}
          >
            {t(words.refresh, { file: file.file.name })}
          </Button>
        )}
      </ConfirmDialog>
      {action.busy && <ProgressLine text={action.busy} />}
      {action.error && <ErrorNotice ref={action.errorRef} error={action.error} />}
      <OutcomeRegion testId="place-outcome-region">
        {outcome && (
          <MessageBar intent={outcomeIntent(outcome)} layout="multiline" data-testid="place-outcome" data-intent={outcomeIntent(outcome)}>
            <MessageBarBody>{summary(outcome)}</MessageBarBody>
          </MessageBar>
        )}
      </OutcomeRegion>
      {source && (
        <>
          <Caption1 className={styles.muted} data-testid="place-source">
            {t("placeFrom", { name: source.workbookName })}
          </Caption1>
          <Input
            type="search"
            value={query}
            placeholder={t("placeSearch")}
            aria-label={t("placeSearch")}
            data-testid="figure-search"
            onChange={(_, d) => setQuery(d.value)}
          />
          {shown.length === 0 && <Caption1 data-testid="figure-search-empty">{t("placeNone", { q: query.trim() })}</Caption1>}
          {groups.map((group) => (
            <div key={group}>
              <Body1Strong as="h3" className={styles.groupName}>
                {group}
              </Body1Strong>
              <ul className={styles.group} aria-label={group}>
                {shown
                  .filter((e) => e.group === group)
                  .map((e) => (
                    <li key={e.id} className={styles.row} data-testid={`place-${e.id}`}>
                      <span className={styles.name}>{e.name}</span>
                      <span className={styles.value} title={e.text}>
                        {e.text}
                      </span>
                      <Button
                        size="small"
                        disabled={busy}
                        aria-label={`${t("placeInsert")} ${e.name}`}
                        data-testid={`insert-figure-${e.id}`}
                        onClick={() => void place("placeInserting", (options) => services.insertFigure!(e.id, source, options))}
                      >
                        {t("placeInsert")}
                      </Button>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </>
      )}
      <LiveRegion text={action.live} testId="place-live" />
    </PaneSection>
  );
}
