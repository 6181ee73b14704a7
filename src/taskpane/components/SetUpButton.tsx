import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Spinner,
} from "@fluentui/react-components";
import { useState } from "react";
import { useI18n, type MessageKey } from "../i18n";

/** 初始化工作簿 asks first: it adds sheets to a shared workbook, and the clerk should know nothing is overwritten. */
export function SetUpButton(props: { label: MessageKey; primary?: boolean; busy: boolean; onConfirm: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button
          appearance={props.primary ? "primary" : "secondary"}
          disabled={props.busy}
          icon={props.busy ? <Spinner size="tiny" /> : undefined}
          data-testid="set-up"
        >
          {props.busy ? t("setUpRunning") : t(props.label)}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("setUpConfirmTitle")}</DialogTitle>
          <DialogContent>{t("setUpConfirmBody")}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              data-testid="set-up-confirm"
              onClick={() => {
                setOpen(false);
                props.onConfirm();
              }}
            >
              {t("setUpConfirm")}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t("cancel")}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
