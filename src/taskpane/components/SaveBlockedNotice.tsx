// Where the pane cannot save a file (Mac, or the download failed), the clerk is told so and what to
// do instead; a failed download also carries the technical detail for whoever helps them.
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  text: { display: "block", overflowWrap: "anywhere" },
});

export function SaveBlockedNotice(props: { text: string; detail?: string; testId: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid={props.testId}>
      <MessageBarBody>
        <MessageBarTitle>{t("saveBlockedTitle")}</MessageBarTitle>
        <span className={styles.text}>{props.text}</span>
        {props.detail && (
          <details>
            <summary>{t("errorDetails")}</summary>
            <pre className={styles.text}>{props.detail}</pre>
          </details>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
