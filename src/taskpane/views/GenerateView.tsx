import { startTransition, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircle16Filled, Circle16Regular } from "@fluentui/react-icons";
import type { EngineResult } from "../../core/engine";
import type { FigureResult, ReportSettings } from "../../core/types";
import { ALL_DEPARTMENTS, SETTINGS_ITEMS } from "../../core/settings";
import { shiftYears } from "../../core/settings/dates";
import { TEMPLATES } from "../../core/report";
import { scopeLabel, useI18n, type MessageKey, type Translate } from "../i18n";
import { templateLabel } from "../template-label";
import type { PaneServices } from "../services";
import {
  blankSettings,
  duplicateKeys,
  figuresZeroToSee,
  figuresMayBeShort,
  figuresMayBeOff,
  figuresMayBeTooLarge,
  groupedCount,
  excludedRows,
  listScope,
  reportFileName,
  scopeChoices,
  scopeIsKnown,
  uncomputedFigures,
  unresolvedFigures,
} from "../model";
import { unresolvedLine } from "./FiguresView";
import { describePlace, problemCount } from "../../core/describe";
import { downloadsBlocked as downloadsBlockedOn, reportMadeInWord, saveBytes, type SaveOutcome } from "../download";
import { LiveRegion, visuallyHidden } from "../components/LiveRegion";
import { SaveBlockedNotice } from "../components/SaveBlockedNotice";
import { ErrorNotice } from "../components/ErrorNotice";
import { ListNote } from "../components/ListNote";
import { BULLET_LIST } from "../components/styles";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { MarkGroups } from "../components/MarkGroups";
import { shortRowsBody } from "../components/left-out";
import { shortCells } from "../components/cells";
import { useAction } from "../shell/useAction";
import { UpdateReportView } from "./UpdateReportView";
import { TemplatesView } from "./TemplatesView";

import { initialSteps, markStep, stepText, stepsAfter, type Step, type StepState } from "../generate-progress";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dropdown: { minWidth: 0, width: "100%" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  steps: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  step: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, overflowWrap: "anywhere" },
  pending: { color: tokens.colorNeutralForeground3 },
  doneIcon: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  icon: { flexShrink: 0 },
  text: { display: "block", overflowWrap: "anywhere" },
  unresolvedList: BULLET_LIST,
  unresolvedName: { fontWeight: tokens.fontWeightSemibold },
  visuallyHidden,
});

function settingLabel(key: keyof ReportSettings): string {
  return SETTINGS_ITEMS.find((item) => item.key === key)?.label ?? key;
}

function validYear(text: string): number | null {
  const year = Number(text.trim());
  return /^\d{4}$/.test(text.trim()) && year >= 1900 && year <= 9999 ? year : null;
}

/** The period moves with the year, keeping its shape (a fiscal period stays a fiscal period). */
function periodFor(settings: ReportSettings, year: number): Pick<ReportSettings, "periodStart" | "periodEnd"> {
  const shift = year - settings.year;
  return { periodStart: shiftYears(settings.periodStart, shift), periodEnd: shiftYears(settings.periodEnd, shift) };
}

/** How many places the report will show as 待补: figures the ledgers cannot support and blank 报告设置 answers. */
function toFillIn(result: EngineResult): number {
  return unresolvedFigures(result).length + blankSettings(result).length;
}

/**
 * 待补 figures by name, each with why and where to look; then the blank 报告设置 answers. Under a
 * 统计范围 the department is said once above them, not after every name.
 */
function UnresolvedList(props: { result: EngineResult }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const scope = listScope(props.result.settings.scope, ALL_DEPARTMENTS);
  return (
    <>
      {scope && unresolvedFigures(props.result).length > 0 && (
        <span className={styles.text} data-testid="list-scope">
          {t("listScope", { scope })}
        </span>
      )}
      <ul className={styles.unresolvedList}>
        {unresolvedFigures(props.result).map((f) => (
          <li key={f.id} data-testid="unresolved-figure" data-figure={f.id}>
            <span className={styles.unresolvedName}>{f.name}</span>
            {f.unresolved ? `：${unresolvedLine(f.unresolved, t, lang)}` : ""}
          </li>
        ))}
        {blankSettings(props.result).map((s) => (
          <li key={s.name} data-testid="unresolved-setting">
            <span className={styles.unresolvedName}>{s.name}</span>
            {`：${t("blankSettingLine")}${s.cell ? t("unresolvedAt", { cell: describePlace(s.cell) }) : ""}`}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Figures written as 0 because their ledger has no records, one line per ledger (where to start
 * filling it, then its figures by name): a fresh workbook has 17 of them, and the reason is the
 * ledger's, not each figure's. The department is said once above them under a 统计范围.
 */
function ZerosList(props: { result: EngineResult; scopeSaid?: boolean }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const scope = props.scopeSaid ? null : listScope(props.result.settings.scope, ALL_DEPARTMENTS);
  const byLedger = new Map<string, FigureResult[]>();
  for (const f of figuresZeroToSee(props.result)) {
    const ledger = f.ledger ?? "";
    byLedger.set(ledger, [...(byLedger.get(ledger) ?? []), f]);
  }
  const separator = lang === "en-US" ? ", " : "、";
  return (
    <>
      {scope && (
        <span className={styles.text} data-testid="list-scope">
          {t("listScope", { scope })}
        </span>
      )}
      <ul className={styles.unresolvedList}>
        {[...byLedger].map(([ledger, figures]) => {
          const cell = figures[0].zeroToSee?.cell;
          return (
            <li key={ledger} data-testid="zero-ledger" data-ledger={ledger}>
              <span className={styles.unresolvedName}>{ledger}</span>
              {t(figures[0].zeroToSee?.code === "period_empty" ? "zerosPeriodLine" : "zerosLedgerLine", {
                at: cell ? t("unresolvedAt", { cell: describePlace(cell) }) : "",
              })}
              {figures.map((f, i) => (
                <span key={f.id} data-testid="zero-figure" data-figure={f.id}>
                  {i > 0 ? separator : ""}
                  {f.name}
                </span>
              ))}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** How many figures the report shows that may be short (their ledger has rows left out). */
function mayBeShort(result: EngineResult): number {
  return groupedCount(figuresMayBeShort(result));
}

/** How many figures the report shows that may be too large (rows repeating a key both counted). */
function mayBeTooLarge(result: EngineResult): number {
  return groupedCount(figuresMayBeTooLarge(result));
}

/** Figures that may be off (firms' names and codes disagree), each with its value and the cells. */
function OffList(props: { result: EngineResult }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <ul className={styles.unresolvedList}>
      {figuresMayBeOff(props.result).map((m) => (
        <li key={m.figure.id} data-testid="off-figure" data-figure={m.figure.id}>
          {t("offLine", { name: m.figure.name, text: m.figure.text, count: m.count, cells: shortCells(m.cells).join(t("listSeparator")) })}
        </li>
      ))}
    </ul>
  );
}

/** Figures that may be short (or too large) by ledger and rows: the shared list (MarkGroups). */
function ShortList(props: { result: EngineResult; large?: boolean }) {
  return <MarkGroups groups={props.large ? figuresMayBeTooLarge(props.result) : figuresMayBeShort(props.result)} large={props.large} />;
}

/**
 * Repeated keys, said where the report is made: the keys to check. The line claims no count itself; the
 * figures that did count both rows are listed (and asked about) as may be too large.
 */
export function duplicateKeysText(result: EngineResult, t: Translate, lang: string): string {
  const said = (["key.duplicate", "row.repeated"] as const).map((code) => {
    const { count, cells } = duplicateKeys(result, code);
    // The first cells only: more repeats than cells named end in "…", so three never read as all five.
    // Each sheet said once (shortCells), as every list of cells in the panes.
    const named = [...shortCells(cells), ...(count > cells.length ? ["…"] : [])];
    const params = { count, cells: named.join(lang === "en-US" ? ", " : "、") };
    return count === 0 ? "" : t(code === "key.duplicate" ? "duplicateKeys" : "repeatedRows", params);
  });
  // Chinese sentences follow each other; English ones are spaced.
  return said.filter(Boolean).join(lang === "en-US" ? " " : "");
}

/** Whether 生成报告 asks first: 待补 places, 0s no record supports, figures that may be short, too large or off. */
function asksBeforeGenerating(engine: EngineResult): boolean {
  return (
    toFillIn(engine) > 0 ||
    figuresZeroToSee(engine).length > 0 ||
    mayBeShort(engine) > 0 ||
    mayBeTooLarge(engine) > 0 ||
    figuresMayBeOff(engine).length > 0
  );
}

/**
 * The question's title: the one kind it asks about (待补, 0s, may be short, may be too large), or every
 * kind with its count — a 待补 never hides that 10 figures may be too large.
 */
export function askTitle(ask: EngineResult, t: Translate): string {
  const unresolved = toFillIn(ask);
  const zeros = figuresZeroToSee(ask).length;
  const short = mayBeShort(ask);
  const large = mayBeTooLarge(ask);
  const off = figuresMayBeOff(ask).length;
  const kinds = [unresolved, zeros, short, large, off].filter((n) => n > 0).length;
  if (kinds === 1) {
    if (unresolved > 0) return t("unresolvedAskTitle", { count: unresolved });
    if (zeros > 0) return t("zerosAskTitle", { count: zeros });
    if (off > 0) return t("offAskTitle", { count: off });
    return large > 0 ? t("largeAskTitle", { count: large }) : t("shortAskTitle", { count: short });
  }
  if (unresolved === 0 && zeros === 0 && off === 0) return t("shortLargeAskTitle", { short, large });
  const parts = [
    ...(unresolved > 0 ? [t("askPartUnresolved", { count: unresolved })] : []),
    ...(zeros > 0 ? [t("reviewAskPartZeros", { count: zeros })] : []),
    ...(short > 0 ? [t("reviewAskPartShort", { count: short })] : []),
    ...(large > 0 ? [t("reviewAskPartLarge", { count: large })] : []),
    ...(off > 0 ? [t("askPartOff", { count: off })] : []),
  ];
  return t("generateAskManyTitle", { parts: parts.join(t("listSeparator")) });
}

export function GenerateView(props: {
  services: PaneServices;
  result: EngineResult;
  onResult: (result: EngineResult) => void;
  /** After 报告设置 was written: recompute the figures from the workbook at once (no 重新读取 needed). */
  onSettingsWritten?: () => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { services, result } = props;
  const settings = result.settings;
  const [yearText, setYearText] = useState(String(settings.year));
  const [scope, setScope] = useState(settings.scope);
  const [template, setTemplate] = useState(settings.template);
  const [savedNote, setSavedNote] = useState("");
  /** Writing 报告设置 back: its error stays by the fields. */
  const settingsAction = useAction();
  const [steps, setSteps] = useState<Step[] | null>(null);
  const [running, setRunning] = useState(false);
  const action = useAction();
  const [output, setOutput] = useState<{ bytes: Uint8Array; result: EngineResult } | null>(null);
  const [saved, setSaved] = useState<SaveOutcome | null>(null);
  /** A run with 待补 figures, waiting for the clerk's answer before it is laid out. */
  const [ask, setAsk] = useState<EngineResult | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const year = validYear(yearText);
  const scopes = useMemo(() => scopeChoices(result, ALL_DEPARTMENTS), [result]);
  const templates = useMemo(() => {
    const known = TEMPLATES.map((tpl) => ({ id: tpl.id, name: templateLabel(tpl, t) }));
    return known.some((k) => k.id === template) ? known : [...known, { id: template, name: template }];
  }, [template, t]);
  const excluded = excludedRows(result);
  const unresolved = toFillIn(result);
  const zeros = figuresZeroToSee(result);
  const short = mayBeShort(result);
  const large = mayBeTooLarge(result);
  const duplicates = duplicateKeysText(result, t, lang);
  const scopeKnown = scopeIsKnown(result, scope, ALL_DEPARTMENTS);
  const downloadsBlocked = downloadsBlockedOn(services.platform);
  /** Said before anything else where saving from the pane cannot (or may not) work: the report is made in Word. */
  const wordPath = reportMadeInWord(services.platform);

  useEffect(() => {
    if (output) resultRef.current?.focus();
  }, [output]);
  // A report made before a change (年度, scope, template, a re-read of the ledgers) is not what the pane
  // now shows: it must not be saved as if it were. It goes, and the clerk is told to generate again.
  const [outdated, setOutdated] = useState(false);
  const made = output?.result;
  const stale =
    made !== undefined &&
    (made !== result || made.settings.year !== year || made.settings.scope !== scope || made.settings.template !== template);
  useEffect(() => {
    if (!stale) return;
    setOutput(null);
    setSaved(null);
    setSteps(null);
    setOutdated(true);
  }, [stale]);
  async function writeBack(pairs: [string, string][]) {
    setSavedNote("");
    await settingsAction.run({
      stage: "write",
      work: async () => {
        await services.source.writeSettings(pairs);
        setSavedNote(t("settingsSaved"));
        await props.onSettingsWritten?.();
      },
      fail: () => ({
        what: t("errorSettingsWhat"),
        where: t("errorReadWhere", { where: t("errorWhereSettings") }),
        todo: t("errorSettingsTodo"),
      }),
    });
  }

  function commitYear() {
    if (year === null || year === settings.year) return;
    const period = periodFor(settings, year);
    void writeBack([
      [settingLabel("year"), String(year)],
      [settingLabel("periodStart"), period.periodStart],
      [settingLabel("periodEnd"), period.periodEnd],
    ]);
  }

  function mark(index: number, state: StepState, done?: string) {
    setSteps((current) => current && markStep(current, index, state, done));
  }

  /** The clerk's words for a failed generate, by the stage it failed in. */
  function problem(stage: "read" | "engine" | "render") {
    const what: Record<typeof stage, MessageKey> = { read: "errorReadWhat", engine: "errorEngineWhat", render: "errorRenderWhat" };
    const todo: Record<typeof stage, MessageKey> = { read: "errorReadTodo", engine: "errorEngineTodo", render: "errorRenderTodo" };
    return {
      what: t(what[stage]),
      where: stage === "read" ? t("errorReadWhere", { where: t("errorWhereWorkbook") }) : undefined,
      todo: t(todo[stage]),
    };
  }

  async function generate() {
    if (year === null) return;
    setRunning(true);
    setOutput(null);
    setSaved(null);
    setAsk(null);
    setOutdated(false);
    setSteps(initialSteps());
    const engine = await action.run({
      stage: "read" as "read" | "engine",
      work: async (step) => {
        // Read afresh: a co-authored workbook may have changed since the pane last looked.
        const { workbook, stats } = await services.source.read();
        mark(0, "done", t("stepReadDone", { tables: workbook.tables.length, cells: stats.cells }));
        mark(1, "active");
        await step("engine");
        // In the engine worker: the pane stays responsive and shows each stage as it is reached.
        const engine = await services.runEngine(workbook, {
          overrides: { year, ...periodFor(settings, year), scope, template },
          onProgress: (progress) => setSteps((current) => current && stepsAfter(current, progress, t)),
        });
        const errors = problemCount(engine.issues, "error");
        const warnings = problemCount(engine.issues, "warning");
        mark(1, "done", t("stepCheckDone", { errors, warnings }));
        mark(2, "done", t("stepFiguresDone", { count: engine.figures.length }));
        return engine;
      },
      fail: problem,
    });
    if (engine && asksBeforeGenerating(engine)) {
      // A report with 待补 places, 0s no record supports or figures that may be short or too large is
      // made only when the clerk says so, having seen which (as 更新已有报告 and Word's 应用 ask before saving).
      showResult(engine);
      setAsk(engine);
    } else if (engine) {
      await layOut(engine);
    }
    setRunning(false);
  }

  /**
   * The whole pane re-renders over a new result: as a transition, React renders it in slices
   * between which the browser paints and answers input, instead of in one long task.
   */
  function showResult(engine: EngineResult, alongside?: () => void) {
    startTransition(() => {
      props.onResult(engine);
      alongside?.();
    });
  }

  async function layOut(engine: EngineResult) {
    setRunning(true);
    mark(3, "active");
    await action.run({
      stage: "render",
      work: async (step) => {
        await step("render");
        const bytes = await services.renderDocx(engine.report, engine.link);
        mark(3, "done", t("stepLayoutDone"));
        // One transition: the result notice and the pane's new result render together (a notice
        // over the old result would read as outdated and be taken away).
        showResult(engine, () => setOutput({ bytes, result: engine }));
      },
      fail: problem,
    });
    setRunning(false);
  }

  function cancelAsk() {
    setAsk(null);
    setSteps(null);
  }

  const current = steps?.find((s) => s.state === "active");
  const announcement = running ? `${t("generating")}: ${current ? stepText(current, t) : ""}` : output ? t("resultTitle") : "";

  return (
    <div className={styles.root} data-testid="generate-view">
      {wordPath && (
        <MessageBar intent="info" layout="multiline" data-testid="word-path">
          <MessageBarBody>
            <MessageBarTitle>{t("wordPathTitle")}</MessageBarTitle>
            <span className={styles.text}>{t(wordPath === "only" ? "wordPathOnly" : "wordPathBest")}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.fields}>
        <Field
          label={t("fieldYear")}
          hint={t("fieldYearHint")}
          validationState={year === null ? "error" : "none"}
          validationMessage={year === null ? t("fieldYearInvalid") : undefined}
        >
          <Input
            value={yearText}
            inputMode="numeric"
            data-testid="field-year"
            onChange={(_, data) => setYearText(data.value)}
            onBlur={commitYear}
            onKeyDown={(e) => e.key === "Enter" && commitYear()}
          />
        </Field>
        <Field
          label={t("fieldScope")}
          validationState={scopeKnown ? "none" : "error"}
          validationMessage={scopeKnown ? undefined : t("scopeUnknown", { scope })}
        >
          <Dropdown
            className={styles.dropdown}
            value={scopeLabel(scope, t)}
            selectedOptions={[scope]}
            data-testid="field-scope"
            // Fluent's own label for the (hidden) clear button is English: said in the pane's language.
            clearButton={{ "aria-label": t("clearSelection") }}
            onOptionSelect={(_, data) => {
              if (!data.optionValue || data.optionValue === scope) return;
              setScope(data.optionValue);
              void writeBack([[settingLabel("scope"), data.optionValue]]);
            }}
          >
            {/* The option's value stays 全部门 (what the workbook stores); its words are the pane's language. */}
            {scopes.map((s) => (
              <Option key={s} value={s} text={scopeLabel(s, t)}>
                {scopeLabel(s, t)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t("fieldTemplate")}>
          <Dropdown
            className={styles.dropdown}
            value={templates.find((tpl) => tpl.id === template)?.name ?? template}
            selectedOptions={[template]}
            clearButton={{ "aria-label": t("clearSelection") }}
            onOptionSelect={(_, data) => {
              if (!data.optionValue || data.optionValue === template) return;
              setTemplate(data.optionValue);
              void writeBack([[settingLabel("template"), data.optionValue]]);
            }}
          >
            {templates.map((tpl) => (
              <Option key={tpl.id} value={tpl.id} text={tpl.name}>
                {tpl.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Caption1 className={styles.muted} aria-live="polite">
          {/* Writing back and recomputing takes a moment: the figures and notices below change after it. */}
          {settingsAction.busy ? <Spinner size="extra-tiny" labelPosition="after" label={t("settingsSaving")} /> : savedNote}
        </Caption1>
        {settingsAction.error && <ErrorNotice error={settingsAction.error} />}
      </div>

      {excluded > 0 && <Caption1 className={styles.muted}>{t("excludedBeforeGenerate", { rows: excluded })}</Caption1>}
      {duplicates && (
        <MessageBar intent="warning" layout="multiline" data-testid="duplicate-keys">
          <MessageBarBody>{duplicates}</MessageBarBody>
        </MessageBar>
      )}

      {unresolved > 0 && (
        <ListNote testId="unresolved" title={t("unresolvedTitle", { count: unresolved })} body={t("unresolvedBody")}>
          <UnresolvedList result={result} />
        </ListNote>
      )}
      {zeros.length > 0 && (
        <ListNote testId="empty-ledger-zeros" title={t("zerosTitle", { count: zeros.length })} body={t("zerosBody")}>
          <ZerosList result={result} />
        </ListNote>
      )}
      {short > 0 && (
        <ListNote
          testId="may-be-short"
          title={t("reviewLeftOut", { count: short })}
          body={t(figuresMayBeShort(result).some((g) => g.readAsOther) ? "shortBodyOther" : "shortBody")}
        >
          <ShortList result={result} />
        </ListNote>
      )}
      {large > 0 && (
        <ListNote testId="may-be-too-large" title={t("reviewTooLarge", { count: large })} body={t("tooLargeBody")}>
          <ShortList result={result} large />
        </ListNote>
      )}

      <div>
        <Button
          appearance={output || wordPath === "only" ? "secondary" : "primary"}
          disabled={running || year === null}
          icon={running ? <Spinner size="tiny" /> : undefined}
          data-testid="generate"
          onClick={() => void generate()}
        >
          {t("generate")}
        </Button>
      </div>

      {steps && (
        <ol className={styles.steps} aria-label={t("generating")} data-testid="steps">
          {steps.map((step) => (
            <li key={step.label} className={mergeClasses(styles.step, step.state === "pending" && styles.pending)}>
              {step.state === "done" ? (
                <CheckmarkCircle16Filled className={styles.doneIcon} aria-hidden />
              ) : step.state === "active" ? (
                <Spinner size="extra-tiny" className={styles.icon} aria-hidden />
              ) : (
                <Circle16Regular className={styles.icon} aria-hidden />
              )}
              <span>{stepText(step, t)}</span>
              <span className={styles.visuallyHidden}>
                {t(step.state === "done" ? "stepDone" : step.state === "active" ? "stepActive" : "stepPending")}
              </span>
            </li>
          ))}
        </ol>
      )}
      <LiveRegion text={announcement} testId="live" />

      <ConfirmDialog
        open={ask !== null}
        testId="unresolved-dialog"
        title={ask ? askTitle(ask, t) : ""}
        confirm={{ text: t("unresolvedAskConfirm"), testId: "unresolved-confirm" }}
        cancelTestId="unresolved-cancel"
        onConfirm={() => {
          const engine = ask;
          setAsk(null);
          if (engine) void layOut(engine);
        }}
        onCancel={cancelAsk}
      >
        {ask && toFillIn(ask) > 0 && t("unresolvedAskBody")}
        {ask && toFillIn(ask) > 0 && <UnresolvedList result={ask} />}
        {ask && figuresZeroToSee(ask).length > 0 && <span className={styles.text}>{t("zerosBody")}</span>}
        {ask && figuresZeroToSee(ask).length > 0 && <ZerosList result={ask} scopeSaid={unresolvedFigures(ask).length > 0} />}
        {ask && mayBeShort(ask) > 0 && <span className={styles.text}>{shortRowsBody(figuresMayBeShort(ask), t)}</span>}
        {ask && mayBeShort(ask) > 0 && <ShortList result={ask} />}
        {ask && mayBeTooLarge(ask) > 0 && <span className={styles.text}>{t("reviewTooLargeAskBody")}</span>}
        {ask && mayBeTooLarge(ask) > 0 && <ShortList result={ask} large />}
        {/* Repeated keys no figure counted twice: the keys to check, said once with the question. */}
        {ask && figuresMayBeOff(ask).length > 0 && <span className={styles.text}>{t("offAskBody")}</span>}
        {ask && figuresMayBeOff(ask).length > 0 && <OffList result={ask} />}
        {ask && mayBeTooLarge(ask) === 0 && duplicateKeysText(ask, t, lang) && (
          <span className={styles.text}>{duplicateKeysText(ask, t, lang)}</span>
        )}
      </ConfirmDialog>

      {action.error && <ErrorNotice ref={action.errorRef} error={action.error} onRetry={() => void generate()} />}

      {outdated && !output && (
        <MessageBar intent="warning" layout="multiline" data-testid="result-outdated">
          <MessageBarBody>{t("resultOutdated")}</MessageBarBody>
        </MessageBar>
      )}

      {output && (
        <MessageBar ref={resultRef} tabIndex={-1} intent="success" layout="multiline" data-testid="result">
          <MessageBarBody>
            <MessageBarTitle>{t("resultTitle")}</MessageBarTitle>
            <span className={styles.text}>
              {t("resultSummary", { figures: output.result.figures.length, excluded: excludedRows(output.result) })}
            </span>
            {uncomputedFigures(output.result) > 0 && (
              <span className={styles.text}>{t("resultUncomputed", { count: uncomputedFigures(output.result) })}</span>
            )}
            {duplicateKeysText(output.result, t, lang) && (
              <span className={styles.text} data-testid="result-duplicates">
                {duplicateKeysText(output.result, t, lang)}
              </span>
            )}
            {saved?.kind === "started" && (
              <span className={styles.text} data-testid="save-note">
                {t("saveStarted", { file: saved.fileName })} {saved.uncertain ? t("saveDesktopNote") : ""}
              </span>
            )}
          </MessageBarBody>
          {!downloadsBlocked && (
            <MessageBarActions>
              <Button
                appearance={wordPath ? "secondary" : "primary"}
                data-testid="save"
                onClick={() => setSaved(saveBytes(output.bytes, reportFileName(output.result.settings), services.platform))}
              >
                {t("save")}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {/* Where downloads cannot work the Word path was said up front; here only a download that failed. */}
      {output && !downloadsBlocked && saved?.kind === "blocked" && (
        <SaveBlockedNotice
          text={t("saveBlockedGeneric")}
          detail={saved?.kind === "blocked" ? saved.detail : undefined}
          testId="save-blocked"
        />
      )}

      <UpdateReportView services={services} />
      <TemplatesView services={services} />
    </div>
  );
}
