// Refreshing a report from a workbook that is not the one it came from: nothing has been written;
// the clerk sees both workbooks and decides. Used by Word's 刷新数据 and Excel's 更新已有报告.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookMismatch } from "../../core/refresh/recompute";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export function OtherWorkbookDialog(props: { mismatch: WorkbookMismatch | null; onProceed: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const m = props.mismatch;
  return (
    <Dialog open={m !== null} onOpenChange={(_, data) => !data.open && props.onCancel()}>
      <DialogSurface data-testid="other-workbook-dialog">
        <DialogBody>
          <DialogTitle>{t("otherWorkbookTitle")}</DialogTitle>
          <DialogContent>
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
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" data-testid="other-workbook-proceed" onClick={props.onProceed}>
              {t("otherWorkbookProceed")}
            </Button>
            <Button appearance="primary" data-testid="other-workbook-cancel" onClick={props.onCancel}>
              {t("cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
