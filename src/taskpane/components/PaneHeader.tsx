// The top of a pane in Office: its name, what it is looking at, and 重新读取 — the same in Excel and Word.
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwise16Regular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, minWidth: 0 },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  subject: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export function PaneHeader(props: {
  /** What the pane reads (the workbook's name), when it has read it. */
  subject?: string;
  reloadDisabled: boolean;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        <Text as="h1" weight="semibold" size={400}>
          {t("appTitle")}
        </Text>
        {props.subject !== undefined && <Caption1 className={styles.subject}>{props.subject}</Caption1>}
      </div>
      <Button
        appearance="subtle"
        size="small"
        icon={<ArrowClockwise16Regular />}
        title={t("reloadHint")}
        disabled={props.reloadDisabled}
        data-testid="reload"
        onClick={props.onReload}
      >
        {t("reload")}
      </Button>
    </header>
  );
}
