import { Button, Spinner, useRestoreFocusTarget } from "@fluentui/react-components";
import { useState } from "react";
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
          setOpen(false);
          props.onConfirm();
        }}
        onCancel={() => setOpen(false)}
      >
        {t("setUpConfirmBody")}
      </ConfirmDialog>
    </>
  );
}
