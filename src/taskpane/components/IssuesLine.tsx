import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Issue } from "../../core/types";
import { useI18n } from "../i18n";
import { issueSummary } from "./review";

/** Long lists belong in Excel's 台账 tab; the pane only says enough to decide whether to go on. */
const SHOWN = 50;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  line: { display: "block", overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, maxHeight: "12em", overflowY: "auto" },
  item: { overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
});

/** 台账中有 N 个错误… with the messages, each naming sheet and cell, behind 详细信息. */
export function IssuesLine(props: { issues: readonly Issue[] }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const summary = issueSummary(props.issues, lang);
  if (summary.errors === 0 && summary.warnings === 0) return null;
  return (
    <div className={styles.root} data-testid="issues-line">
      <Caption1 className={mergeClasses(styles.line, summary.errors > 0 && styles.error)}>
        {t("issuesLine", { errors: summary.errors, warnings: summary.warnings })}
      </Caption1>
      <details>
        <summary>{t("errorDetails")}</summary>
        <ul className={styles.list}>
          {summary.lines.slice(0, SHOWN).map((line, i) => (
            <li key={i} className={styles.item}>
              {line}
            </li>
          ))}
        </ul>
        {summary.lines.length > SHOWN && (
          <Caption1 className={styles.line}>{t("issuesMore", { count: summary.lines.length - SHOWN })}</Caption1>
        )}
      </details>
    </div>
  );
}
