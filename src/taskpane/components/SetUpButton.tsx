import { Button, Spinner, useRestoreFocusTarget } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useI18n, type MessageKey } from "../i18n";
import { ConfirmDialog } from "./ConfirmDialog";

/** 初始化工作簿 asks first: it adds sheets to a shared workbook, and the clerk should know nothing is overwritten. */
export function SetUpButton(props: {
  label: MessageKey;
  primary?: boolean;
  busy: boolean;
  onConfirm: () => void;
  /** Where sheets cannot be added (the web page): the dialog only explains, with one button. */
  informOnly?: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // Without a DialogTrigger the button marks itself as where focus returns when the dialog closes.
  const restoreFocus = useRestoreFocusTarget();
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
    <>
      <Button
        appearance={props.primary ? "primary" : "secondary"}
        disabled={props.busy}
        icon={props.busy ? <Spinner size="tiny" /> : undefined}
        data-testid="set-up"
        {...restoreFocus}
        onClick={() => setOpen(true)}
      >
        {props.busy ? t("setUpRunning") : t(props.label)}
      </Button>
      <ConfirmDialog
        open={open}
        title={t("setUpConfirmTitle")}
        confirm={{ text: t("setUpConfirm"), testId: "set-up-confirm" }}
        cancellable={!props.informOnly}
        onConfirm={() => {
          pending.current = true;
          setOpen(false);
          fallback.current = setTimeout(start, 1000);
        }}
        onCancel={() => setOpen(false)}
        onClosed={start}
      >
        {t("setUpConfirmBody")}
      </ConfirmDialog>
    </>
  );
}
