// The one confirm dialog of both panes: a question, what it means, go on or cancel. 初始化工作簿,
// generating with unresolved figures and refreshing from another workbook all ask through it.
import type { ReactNode } from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { useI18n } from "../i18n";

/**
 * Fluent's surface is the whole viewport width below 480 px, so in a 320–360 px task pane it touched
 * the pane's edges; a 12 px margin each side and a slimmer padding keep it a dialog there.
 */
const NARROW_SURFACE = { maxWidth: "min(600px, calc(100vw - 24px))", padding: "clamp(16px, 5vw, 24px)" } as const;

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  /** The go-on button's words and test id. */
  confirm: { text: string; testId: string };
  cancelTestId?: string;
  testId?: string;
  /** Which button is the primary one: going on, or (when going on is the risky choice) cancelling. */
  primary?: "confirm" | "cancel";
  /** False where the dialog only informs: one button, since a 取消 beside it would do the same. */
  cancellable?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const cancelIsPrimary = props.primary === "cancel";
  return (
    <Dialog open={props.open} onOpenChange={(_, data) => !data.open && props.onCancel()}>
      <DialogSurface data-testid={props.testId} style={NARROW_SURFACE}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            <Button appearance={cancelIsPrimary ? "secondary" : "primary"} data-testid={props.confirm.testId} onClick={props.onConfirm}>
              {props.confirm.text}
            </Button>
            {props.cancellable !== false && (
              <Button appearance={cancelIsPrimary ? "primary" : "secondary"} data-testid={props.cancelTestId} onClick={props.onCancel}>
                {t("cancel")}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
