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
import { useEffect, useRef, useState } from "react";
import { useI18n, type MessageKey } from "../i18n";

/** 初始化工作簿 asks first: it adds sheets to a shared workbook, and the clerk should know nothing is overwritten. */
export function SetUpButton(props: { label: MessageKey; primary?: boolean; busy: boolean; onConfirm: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // Set-up replaces the view this button lives in. Started while the dialog was still closing, it
  // unmounted the dialog mid-motion and the pane kept aria-hidden="true" for good: so the work
  // starts once the dialog has closed (its exit motion finished, or a short fallback if none runs).
  const pending = useRef(false);
  const fallback = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { onConfirm } = props;
  const start = () => {
    if (!pending.current) return;
    pending.current = false;
    if (fallback.current) clearTimeout(fallback.current);
    fallback.current = null;
    onConfirm();
  };
  useEffect(
    () => () => {
      if (fallback.current) clearTimeout(fallback.current);
    },
    [],
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => setOpen(data.open)}
      surfaceMotion={{
        onMotionFinish: (_, data) => {
          if (data.direction === "exit") start();
        },
      }}
    >
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
                pending.current = true;
                setOpen(false);
                fallback.current = setTimeout(start, 1000);
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
