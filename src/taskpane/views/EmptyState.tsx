import { Subtitle1, Body1, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { SetUpButton } from "../components/SetUpButton";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalXXL,
  },
  body: { color: tokens.colorNeutralForeground2 },
});

/** A new workbook is a starting point, not an error: one explanation and one action. */
export function EmptyState(props: { busy: boolean; onSetUp: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <section className={styles.root} data-testid="empty-state" aria-labelledby="empty-title">
      <Subtitle1 as="h2" id="empty-title">
        {t("emptyTitle")}
      </Subtitle1>
      <Body1 className={styles.body}>{t("emptyBody")}</Body1>
      <SetUpButton label="setUp" primary busy={props.busy} onConfirm={props.onSetUp} />
    </section>
  );
}
