// 更新已有报告 in Excel: the clerk picks the .docx they have been editing, the pane patches its
// figures from this workbook's ledgers (same rules as Word's 刷新数据 and the CLI), shows the review
// and saves `<name>.refreshed.docx` next to nothing: the original file is never touched.
import { useEffect, useRef, useState } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { CalendarArrowRight16Regular, DocumentArrowUp16Regular } from "@fluentui/react-icons";
import type { ConflictChoice, RefreshPlan } from "../../core/refresh/plan";
import type { RawWorkbook } from "../../core/types";
import type { ReportFileRefresh } from "../../adapters/docx/refresh";
import { useI18n } from "../i18n";
import type { PaneServices } from "../services";
import { downloadsBlocked as downloadsBlockedOn, saveBytes, type SaveOutcome } from "../download";
import { LiveRegion } from "../components/LiveRegion";
import { ProgressLine } from "../components/ProgressLine";
import { SaveBlockedNotice } from "../components/SaveBlockedNotice";
import { ErrorNotice, workbookReadProblem } from "../components/ErrorNotice";
import { useAction } from "../shell/useAction";
import { FilePicker, fileBytes } from "../components/FilePicker";
import { ReviewList, ZerosAskDialog, asksBeforeSaving } from "../components/ReviewList";
import { IssuesLine } from "../components/IssuesLine";
import { clerkMessage, figureNames, issuesOfReport, otherWorkbookOf, reviewModel, type ReviewModel } from "../components/review";
import { nextYearFileName, refreshedFileName } from "../model";
import { OtherWorkbookDialog } from "../components/OtherWorkbookDialog";
import type { WorkbookMismatch } from "../../core/refresh/recompute";
import { PaneSection } from "../components/PaneSection";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, overflowWrap: "anywhere" },
  muted: { display: "block", color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  text: { display: "block", overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  review: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** A report file read and recomputed, waiting for the clerk's review and 保存. */
interface Pending {
  fileName: string;
  refresh: ReportFileRefresh;
  choices: Record<string, ConflictChoice>;
  /** The plan with the clerk's choices: what the review shows is what the saved file carries. */
  plan: RefreshPlan;
  /** 生成下一年度: last year's and this year's, and the new file's name. */
  nextYear: { from: number; to: number; fileName: string } | null;
}

/** A refresh stopped before writing: the report came from another workbook, and the clerk decides. */
interface Asking {
  mismatch: WorkbookMismatch;
  file: File;
  workbook: RawWorkbook;
  docx: Uint8Array;
  nextYear: boolean;
}

export function UpdateReportView(props: { services: PaneServices }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { services } = props;
  const action = useAction();
  const busy = action.busy;
  const [pending, setPending] = useState<Pending | null>(null);
  const [saved, setSaved] = useState<SaveOutcome | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const reviewRef = useRef<HTMLDivElement>(null);
  const downloadsBlocked = downloadsBlockedOn(services.platform);
  // Saving 0s no record supports, or figures that may be short, is asked about first, as 生成报告 asks.
  const [askingZeros, setAskingZeros] = useState(false);
  const review = pending
    ? reviewModel(pending.plan, figureNames(pending.refresh.previous, pending.plan.record), pending.choices, pending.refresh)
    : null;

  useEffect(() => {
    if (pending) reviewRef.current?.focus();
  }, [pending?.refresh]); // eslint-disable-line react-hooks/exhaustive-deps

  async function pick(file: File, nextYear: boolean, confirmed?: Omit<Asking, "mismatch" | "file" | "nextYear">) {
    setPending(null);
    setSaved(null);
    setAsking(null);
    let workbook: RawWorkbook | null = confirmed?.workbook ?? null;
    let docx: Uint8Array | null = confirmed?.docx ?? null;
    await action.run({
      stage: "read" as "read" | "report",
      message: t("progressReadWorkbook"),
      work: async (step) => {
        // Read afresh: the ledgers may have changed since the pane last looked.
        if (!workbook) workbook = (await services.source.read()).workbook;
        await step("report", t("progressReadFile", { file: file.name }));
        if (!docx) docx = await fileBytes(file);
        const refresh = await services.refreshReportFile(workbook, docx, { allowOtherWorkbook: confirmed !== undefined, nextYear });
        const year = (r: { period: { end: string } }) => Number(r.period.end.slice(0, 4));
        const years = nextYear
          ? {
              from: year(refresh.previous),
              to: year(refresh.plan.record),
              fileName: nextYearFileName(file.name, year(refresh.plan.record)),
            }
          : null;
        setPending({ fileName: file.name, refresh, choices: {}, plan: refresh.plan, nextYear: years });
      },
      done: () => t("progressReviewReady", { file: file.name }),
      fail: (stage, err) => {
        const mismatch = otherWorkbookOf(err);
        if (mismatch && workbook && docx) {
          // Nothing was written: show both workbooks and let the clerk decide.
          setAsking({ mismatch, file, workbook, docx, nextYear });
          return null;
        }
        return stage === "read"
          ? workbookReadProblem(t)
          : { what: t("errorReportFileWhat", { file: file.name }), todo: clerkMessage(err, lang) ?? t("errorReportFileTodo") };
      },
    });
  }

  async function save() {
    if (!pending) return;
    await action.run({
      stage: "render",
      work: async () => {
        // The review showed the clerk's choices; the file carries the same plan.
        const bytes = pending.refresh.patch(pending.plan);
        const name = pending.nextYear ? pending.nextYear.fileName : refreshedFileName(pending.fileName);
        const outcome = saveBytes(bytes, name, services.platform);
        setSaved(outcome);
        return outcome;
      },
      done: (outcome) => (outcome.kind === "started" ? t("saveStarted", { file: outcome.fileName }) : t("saveBlockedTitle")),
      fail: () => ({ what: t("errorRenderWhat"), todo: t("errorRenderTodo") }),
    });
  }

  return (
    <PaneSection id="update" title={t("updateTitle")} intro={t("updateBody")} testId="update-report" className={styles.root}>
      <div className={styles.actions}>
        {/* The same report either way: refreshed for its own year, or made next year's. */}
        {[
          {
            nextYear: false,
            label: t("updatePickLabel"),
            text: t("updatePick"),
            icon: <DocumentArrowUp16Regular />,
            testId: "update-pick",
          },
          {
            nextYear: true,
            label: t("updateNextYearLabel"),
            text: t("updateNextYear"),
            icon: <CalendarArrowRight16Regular />,
            testId: "update-next-year-pick",
          },
        ].map((choice) => (
          <FilePicker
            key={choice.testId}
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            label={choice.label}
            text={choice.text}
            icon={choice.icon}
            disabled={busy !== null}
            testId={choice.testId}
            onFile={(file) => void pick(file, choice.nextYear)}
          />
        ))}
      </div>
      <OtherWorkbookDialog
        mismatch={asking?.mismatch ?? null}
        onProceed={() => asking && void pick(asking.file, asking.nextYear, { workbook: asking.workbook, docx: asking.docx })}
        onCancel={() => setAsking(null)}
      />
      {busy && <ProgressLine text={busy} />}
      <LiveRegion text={action.live} />
      {action.error && <ErrorNotice ref={action.errorRef} error={action.error} />}
      {pending && (
        <div ref={reviewRef} tabIndex={-1} className={styles.review} data-testid="update-review">
          {pending.nextYear && (
            <Caption1 className={styles.text} data-testid="update-next-year-note">
              {t("updateNextYearReady", {
                from: String(pending.nextYear.from),
                to: String(pending.nextYear.to),
                file: pending.nextYear.fileName,
              })}
            </Caption1>
          )}
          <IssuesLine issues={issuesOfReport(pending.refresh, pending.plan)} />
          {saved?.kind === "started" ? (
            // Saved: the review's "将更新 N 项" is done; what the file got is said instead, and nothing is left pending.
            <MessageBar intent="success" layout="multiline" data-testid="update-saved">
              <MessageBarBody>{t("updateSaved", { file: saved.fileName, ...savedCounts(review!) })}</MessageBarBody>
            </MessageBar>
          ) : (
            <ReviewList
              review={review!}
              choices={pending.choices}
              onChoose={(choices) => {
                setSaved(null);
                setPending({ ...pending, choices, plan: pending.refresh.replan(choices) });
              }}
              disabled={busy !== null}
              inExcel
            />
          )}
          {!downloadsBlocked && saved?.kind !== "started" && (
            <div className={styles.actions}>
              <Button
                appearance="primary"
                data-testid="update-save"
                onClick={() => (review && asksBeforeSaving(review) ? setAskingZeros(true) : void save())}
              >
                {t("updateSave")}
              </Button>
            </div>
          )}
          {review && (
            <ZerosAskDialog
              review={review}
              open={askingZeros}
              onConfirm={() => {
                setAskingZeros(false);
                void save();
              }}
              onCancel={() => setAskingZeros(false)}
            />
          )}
          {saved?.kind === "started" && (
            <Caption1 className={styles.text} data-testid="update-save-note">
              {t("saveStarted", { file: saved.fileName })} {saved.uncertain ? t("updateSaveDesktopNote") : ""}
            </Caption1>
          )}
          {(downloadsBlocked || saved?.kind === "blocked") && (
            <SaveBlockedNotice
              text={t(downloadsBlocked ? "updateSaveBlockedMac" : "updateSaveBlockedGeneric")}
              detail={saved?.kind === "blocked" ? saved.detail : undefined}
              testId="update-save-blocked"
            />
          )}
        </div>
      )}
    </PaneSection>
  );
}

/** What a saved file got from its review: the figures written, and the hand edits left as typed. */
function savedCounts(review: ReviewModel): { updates: number; kept: number } {
  const keptConflicts = review.conflicts.filter((c) => c.resolution === "keep").length;
  return { updates: review.toWrite, kept: keptConflicts + review.kept.filter((k) => !k.agrees).length };
}
