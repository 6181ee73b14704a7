// Refreshing a report from a workbook that is not the one it came from: nothing has been written;
// the clerk sees both workbooks and decides. Used by Word's 刷新数据 and Excel's 更新已有报告.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookMismatch } from "../../core/refresh/recompute";
import { useI18n } from "../i18n";
import { ConfirmDialog } from "./ConfirmDialog";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export function OtherWorkbookDialog(props: { mismatch: WorkbookMismatch | null; onProceed: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const m = props.mismatch;
  return (
    <ConfirmDialog
      open={m !== null}
      testId="other-workbook-dialog"
      title={t("otherWorkbookTitle")}
      confirm={{ text: t("otherWorkbookProceed"), testId: "other-workbook-proceed" }}
      cancelTestId="other-workbook-cancel"
      primary="cancel"
      onConfirm={props.onProceed}
      onCancel={props.onCancel}
    >
      {t("otherWorkbookBody")}
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
