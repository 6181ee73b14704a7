// Refreshing a report from — or placing a figure from — a workbook that is not the one it came from:
// nothing has been written; the clerk sees both workbooks and decides. Used by Word's 刷新数据 and
// Excel's 更新已有报告 (refresh), and by Word's 放置指标 (insert, convert), whose words say what
// placing does — only the placed figures take the chosen workbook's numbers — not what a refresh does.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookMismatch } from "../../core/refresh/recompute";
import { useI18n, type MessageKey } from "../i18n";
import { ConfirmDialog } from "./ConfirmDialog";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/** What the clerk was doing when asked: the dialog's words and its go-on button say that, and nothing else. */
export type OtherWorkbookPurpose = "refresh" | "insert" | "convert";

const WORDS: Record<OtherWorkbookPurpose, { body: MessageKey; proceed: MessageKey }> = {
  refresh: { body: "otherWorkbookBody", proceed: "otherWorkbookProceed" },
  insert: { body: "otherWorkbookInsertBody", proceed: "otherWorkbookInsertProceed" },
  convert: { body: "otherWorkbookConvertBody", proceed: "otherWorkbookConvertProceed" },
};

export function OtherWorkbookDialog(props: {
  mismatch: WorkbookMismatch | null;
  /** Refreshing unless said otherwise. */
  purpose?: OtherWorkbookPurpose;
  onProceed: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const words = WORDS[props.purpose ?? "refresh"];
  const styles = useStyles();
  const m = props.mismatch;
  return (
    <ConfirmDialog
      open={m !== null}
      testId="other-workbook-dialog"
      title={t("otherWorkbookTitle")}
      confirm={{ text: t(words.proceed), testId: "other-workbook-proceed" }}
      cancelTestId="other-workbook-cancel"
      primary="cancel"
      onConfirm={props.onProceed}
      onCancel={props.onCancel}
    >
      <span data-testid="other-workbook-body">{t(words.body)}</span>
      {m && (
        <ul className={styles.list}>
          <li data-testid="other-workbook-report">{t("otherWorkbookReport", { name: m.report.name || "—", id: m.report.id })}</li>
          <li data-testid="other-workbook-chosen">
            {t("otherWorkbookChosen", {
              name: m.workbook.name || "—",
              id: m.workbook.id ? t("otherWorkbookIdLabel", { id: m.workbook.id }) : t("otherWorkbookNoId"),
            })}
          </li>
        </ul>
      )}
    </ConfirmDialog>
  );
}
