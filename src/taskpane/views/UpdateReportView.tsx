// 更新已有报告 in Excel: the clerk picks the .docx they have been editing, the pane patches its
// figures from this workbook's ledgers (same rules as Word's 刷新数据 and the CLI), shows the review
// and saves `<name>.refreshed.docx` next to nothing: the original file is never touched.
import { useEffect, useRef, useState } from "react";
import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUp16Regular } from "@fluentui/react-icons";
import type { ConflictChoice } from "../../core/refresh/plan";
import type { LinkRecord, RawWorkbook } from "../../core/types";
import type { FileRefreshResult } from "../../adapters/docx/refresh";
import { useI18n } from "../i18n";
import type { PaneServices } from "../services";
import { downloadsBlocked as downloadsBlockedOn, saveBytes, type SaveOutcome } from "../download";
import { yieldToPaint } from "../paint";
import { LiveRegion } from "../components/LiveRegion";
import { ProgressLine } from "../components/ProgressLine";
import { SaveBlockedNotice } from "../components/SaveBlockedNotice";
import { ErrorNotice, technicalDetail, workbookReadError, type PaneError } from "../components/ErrorNotice";
import { FilePicker, fileBytes } from "../word/FilePicker";
import { ReviewList } from "../word/ReviewList";
import { IssuesLine } from "../word/IssuesLine";
import { clerkMessage, figureNames, refreshedFileName, reviewModel } from "../word/model";

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

type Refresh = (
  workbook: RawWorkbook,
  docx: Uint8Array,
  choices: Record<string, ConflictChoice>,
) => Promise<{ result: FileRefreshResult; previous: LinkRecord }>;

/** The patcher and its zip code load only when the clerk updates a report. */
const refreshReportFile: Refresh = async (workbook, docx, choices) => {
  const [{ refreshDocx }, { readLinkedDocx }] = await Promise.all([
    import(/* webpackChunkName: "docx-refresh" */ "../../adapters/docx/refresh"),
    import(/* webpackChunkName: "docx-refresh" */ "../../adapters/docx/patch"),
  ]);
  const previous = readLinkedDocx(docx).record;
  return { result: refreshDocx(workbook, docx, { choices }), previous };
};

interface Pending {
  fileName: string;
  workbook: RawWorkbook;
  docx: Uint8Array;
  result: FileRefreshResult;
  previous: LinkRecord;
  choices: Record<string, ConflictChoice>;
}

export function UpdateReportView(props: { services: PaneServices; refresh?: Refresh }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { services } = props;
  const refresh = props.refresh ?? refreshReportFile;
  const [busy, setBusy] = useState<string | null>(null);
  const [live, setLive] = useState("");
  const [error, setError] = useState<PaneError | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [saved, setSaved] = useState<SaveOutcome | null>(null);
  const reviewRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const downloadsBlocked = downloadsBlockedOn(services.platform);

  useEffect(() => {
    if (pending) reviewRef.current?.focus();
  }, [pending?.result]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  function progress(message: string) {
    setBusy(message);
    setLive(message);
  }

  async function pick(file: File) {
    setError(null);
    setPending(null);
    setSaved(null);
    progress(t("progressReadWorkbook"));
    let stage: "read" | "report" = "read";
    try {
      // Read afresh: the ledgers may have changed since the pane last looked.
      const { workbook } = await services.source.read();
      stage = "report";
      progress(t("progressReadFile", { file: file.name }));
      const docx = await fileBytes(file);
      await yieldToPaint();
      const { result, previous } = await refresh(workbook, docx, {});
      setPending({ fileName: file.name, workbook, docx, result, previous, choices: {} });
      setLive(t("progressReviewReady", { file: file.name }));
    } catch (err) {
      setLive("");
      setError(
        stage === "read"
          ? workbookReadError(t, err)
          : {
              what: t("errorReportFileWhat", { file: file.name }),
              todo: clerkMessage(err, lang) ?? t("errorReportFileTodo"),
              detail: technicalDetail(err),
            },
      );
    } finally {
      setBusy(null);
    }
  }

  async function save() {
    if (!pending) return;
    setError(null);
    try {
      // The review showed the clerk's choices; the file must carry the same ones.
      const bytes = Object.keys(pending.choices).length
        ? (await refresh(pending.workbook, pending.docx, pending.choices)).result.bytes
        : pending.result.bytes;
      const outcome = saveBytes(bytes, refreshedFileName(pending.fileName), services.platform);
      setSaved(outcome);
      setLive(outcome.kind === "started" ? t("saveStarted", { file: outcome.fileName }) : t("saveBlockedTitle"));
    } catch (err) {
      setError({ what: t("errorRenderWhat"), todo: t("errorRenderTodo"), detail: technicalDetail(err) });
    }
  }

  return (
    <section className={styles.root} aria-labelledby="update-title" data-testid="update-report">
      <Subtitle2 as="h2" id="update-title" className={styles.title}>
        {t("updateTitle")}
      </Subtitle2>
      <Caption1 className={styles.muted}>{t("updateBody")}</Caption1>
      <div className={styles.actions}>
        <FilePicker
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          label={t("updatePickLabel")}
          text={t("updatePick")}
          icon={<DocumentArrowUp16Regular />}
          disabled={busy !== null}
          testId="update-pick"
          onFile={(file) => void pick(file)}
        />
      </div>
      {busy && <ProgressLine text={busy} />}
      <LiveRegion text={live} />
      {error && <ErrorNotice ref={errorRef} error={error} onRetry={undefined} />}
      {pending && (
        <div ref={reviewRef} tabIndex={-1} className={styles.review} data-testid="update-review">
          <IssuesLine issues={pending.result.issues} />
          <ReviewList
            review={reviewModel(pending.result.plan, figureNames(pending.previous, pending.result.plan.record), pending.choices)}
            choices={pending.choices}
            onChoose={(choices) => {
              setSaved(null);
              setPending({ ...pending, choices });
            }}
            disabled={busy !== null}
          />
          {!downloadsBlocked && (
            <div className={styles.actions}>
              <Button appearance="primary" data-testid="update-save" onClick={() => void save()}>
                {t("updateSave")}
              </Button>
            </div>
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
    </section>
  );
}
