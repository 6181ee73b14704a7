import { forwardRef } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n, type Translate } from "../i18n";

/** An error as the clerk reads it: what happened, where, what to do; the raw error for IT. */
export interface PaneError {
  what: string;
  where?: string;
  todo: string;
  detail: string;
}

/**
 * Office errors carry a code and debugInfo (the failing statement); keep all of it for IT. An error
 * that wraps another (Error.cause) shows the wrapped one's detail after its own.
 */
export function technicalDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const own = errorLines(error);
  return cause === undefined || cause === error ? own : `${own}\ncause: ${technicalDetail(cause)}`;
}

function errorLines(error: Error): string {
  const office = error as Error & { code?: unknown; debugInfo?: unknown };
  const lines = [`${error.name}: ${error.message}`];
  if (office.code !== undefined) lines.push(`code: ${String(office.code)}`);
  if (office.debugInfo !== undefined) lines.push(`debugInfo: ${JSON.stringify(office.debugInfo)}`);
  if (error.stack)
    lines.push(
      ...error.stack
        .split("\n")
        .slice(1, 6)
        .map((l) => l.trim()),
    );
  return lines.join("\n");
}

/** The open workbook could not be read: the same words wherever the pane reads it. */
export function workbookReadProblem(t: Translate): Omit<PaneError, "detail"> {
  return { what: t("errorReadWhat"), where: t("errorReadWhere", { where: t("errorWhereWorkbook") }), todo: t("errorReadTodo") };
}

const useStyles = makeStyles({
  text: { display: "block", overflowWrap: "anywhere" },
  details: { marginTop: tokens.spacingVerticalXS },
  detail: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    maxHeight: "12em",
    overflowY: "auto",
  },
});

export const ErrorNotice = forwardRef<HTMLDivElement, { error: PaneError; onRetry?: () => void }>(function ErrorNotice(
  { error, onRetry },
  ref,
) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <MessageBar ref={ref} intent="error" layout="multiline" tabIndex={-1} data-testid="error">
      <MessageBarBody>
        <MessageBarTitle>{error.what}</MessageBarTitle>
        {error.where && <span className={styles.text}>{error.where}</span>}
        <span className={styles.text}>{error.todo}</span>
        <details className={styles.details}>
          <summary>{t("errorDetails")}</summary>
          <pre className={styles.detail}>{error.detail}</pre>
        </details>
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {t("retry")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
});
