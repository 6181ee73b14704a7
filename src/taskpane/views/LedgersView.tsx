import { useMemo, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Card,
  CardHeader,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { EngineResult } from "../../core/engine";
import type { Issue, Severity } from "../../core/types";
import type { ColumnMappingEntry } from "../../adapters/excel/column-map";
import { useI18n, type MessageKey } from "../i18n";
import { countBySeverity, ledgerOverview, type LedgerCardModel, type SeverityCounts } from "../model";
import { issueText } from "../components/review";
import { describeRowAccount } from "../../core/ledger/accounting";
import { describePlace } from "../../core/describe";
import { SetUpButton } from "../components/SetUpButton";

/** Long issue lists render in pages: a 4,000-row ledger with a bad column must not freeze the pane. */
const PAGE = 50;

export type Filter = Severity | "all";

/**
 * What the clerk opened and chose on the 台账 tab (each card's 查看问题, the severity filter): kept by
 * the tabs' owner, so a look at 指标 or 生成 does not collapse what the clerk was working through.
 */
export interface LedgersViewMemory {
  /** Titles of the cards whose issues are shown. */
  open: ReadonlySet<string>;
  filter: Filter;
}
/** The card of issues belonging to no ledger, remembered under a key no ledger is named. */
const OTHER_ISSUES_CARD = "\u0000other";
export const FRESH_LEDGERS_MEMORY: LedgersViewMemory = { open: new Set(), filter: "all" };
const FILTERS: { value: Filter; label: MessageKey }[] = [
  { value: "all", label: "filterAll" },
  { value: "error", label: "filterError" },
  { value: "warning", label: "filterWarning" },
  { value: "info", label: "filterInfo" },
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  card: { minWidth: 0 },
  toggle: { alignSelf: "flex-start" },
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  cardTitle: { margin: 0, overflowWrap: "anywhere", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  issue: {
    display: "block",
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderTopStyle: "none",
    borderRightStyle: "none",
    borderBottomStyle: "none",
    borderLeftWidth: "3px",
    borderLeftStyle: "solid",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground2Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorderActive },
  warning: { borderLeftColor: tokens.colorStatusWarningBorderActive },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  // The place as the clerk reads it (`2022年学习记录台账 · C23`), in the body font, not formula syntax.
  cell: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForegroundLink, marginRight: tokens.spacingHorizontalXS },
  // A count and its unit stay on one line at 320 px (never a lone 行).
  nowrap: { whiteSpace: "nowrap" },
  missing: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  fix: { marginTop: "2px", marginLeft: "3px", maxWidth: "100%", whiteSpace: "normal", textAlign: "start", height: "auto" },
});

/** What the ledgers view needs to offer a missing column's 列名对照 row as one click. */
export interface ColumnMappingAction {
  /** Writes the row and reads the workbook again; rejects with what went wrong. */
  onAdd: (entry: ColumnMappingEntry) => Promise<void>;
  /** True while a write or the re-read after it runs. */
  busy: boolean;
}

/** The one-click answer under an issue that names the header a missing column probably is. */
function ColumnMappingButton(props: { entry: ColumnMappingEntry; action: ColumnMappingAction }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { entry, action } = props;
  return (
    <Button
      size="small"
      appearance="secondary"
      className={styles.fix}
      disabled={action.busy}
      title={t("columnMapAddHint", { ledger: entry.ledger, column: entry.column, header: entry.header })}
      data-testid="add-column-mapping"
      data-column={entry.column}
      onClick={() => void action.onAdd(entry)}
    >
      {action.busy ? t("columnMapSaving") : t("columnMapAdd", { header: entry.header, column: entry.column })}
    </Button>
  );
}

function CountBadges({ counts }: { counts: SeverityCounts }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <span className={styles.badges}>
      {counts.error > 0 && <Badge color="danger">{t("countErrors", { count: counts.error })}</Badge>}
      {counts.warning > 0 && <Badge color="warning">{t("countWarnings", { count: counts.warning })}</Badge>}
      {counts.info > 0 && (
        <Badge color="informative" appearance="tint">
          {t("countInfos", { count: counts.info })}
        </Badge>
      )}
    </span>
  );
}

function IssueList(props: { issues: Issue[]; onSelectCell: (cell: string) => void; columnMapping?: ColumnMappingAction }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  if (props.issues.length === 0) return <Caption1 className={styles.muted}>{t("noIssues")}</Caption1>;
  const rest = props.issues.length - shown;
  return (
    <>
      <ul className={styles.list}>
        {props.issues.slice(0, shown).map((issue, index) => {
          const text = issueText(issue, lang);
          const severity = styles[issue.severity];
          return (
            <li key={`${issue.code}-${issue.cell ?? ""}-${index}`}>
              {issue.cell ? (
                <button
                  type="button"
                  className={mergeClasses(styles.issue, styles.clickable, severity)}
                  title={t("issueSelectHint", { cell: describePlace(issue.cell) })}
                  data-testid="issue"
                  data-severity={issue.severity}
                  data-cell={issue.cell}
                  onClick={() => props.onSelectCell(issue.cell!)}
                >
                  {/* A grouped issue (one problem down a column) is at its first cell; its text gives the count and range. */}
                  <span className={styles.cell} data-testid="issue-place">
                    {describePlace(issue.cell)}
                  </span>
                  {text}
                </button>
              ) : (
                <div className={mergeClasses(styles.issue, severity)} data-testid="issue" data-severity={issue.severity}>
                  {text}
                </div>
              )}
              {issue.columnMapping && props.columnMapping && (
                <ColumnMappingButton entry={issue.columnMapping} action={props.columnMapping} />
              )}
            </li>
          );
        })}
      </ul>
      {rest > 0 && (
        <Button appearance="subtle" size="small" onClick={() => setShown(shown + PAGE)}>
          {t("showMore", { count: Math.min(rest, PAGE) })}
        </Button>
      )}
    </>
  );
}

/**
 * The card's rows in words: `读取 1,866 行 · 跳过 4 行（标题 1、表头 1、合计 1、制表人 1）`, one line
 * per sheet when the ledger spans several.
 */
function rowsInWords(card: LedgerCardModel, lang: "zh-CN" | "en-US"): string | null {
  if (card.accounts.length === 0) return null;
  const words = (a: (typeof card.accounts)[number]) => describeRowAccount(a, lang === "zh-CN" ? "zh" : "en");
  if (card.accounts.length === 1) return words(card.accounts[0]);
  return card.accounts.map((a) => `${a.sheet}${lang === "zh-CN" ? "：" : ": "}${words(a)}`).join("\n");
}

function IssueCard(props: {
  title: string;
  description?: string;
  details?: string;
  issues: Issue[];
  filter: Filter;
  onSelectCell: (cell: string) => void;
  columnMapping?: ColumnMappingAction;
  open: boolean;
  onOpen: (open: boolean) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { open, onOpen: setOpen } = props;
  const counts = useMemo(() => countBySeverity(props.issues), [props.issues]);
  const visible = props.filter === "all" ? props.issues : props.issues.filter((i) => i.severity === props.filter);
  const listId = useId("issues");
  // A severity filter shows only the cards it has something to show on.
  if (props.filter !== "all" && visible.length === 0) return null;
  return (
    <Card className={styles.card} data-testid="ledger-card" aria-label={props.title}>
      <CardHeader
        header={
          <Text weight="semibold" as="h3" className={styles.cardTitle}>
            {props.title}
          </Text>
        }
        description={props.description ? <Caption1 className={styles.muted}>{props.description}</Caption1> : undefined}
      />
      {props.details && (
        <Caption1 className={styles.wrap} style={{ whiteSpace: "pre-line" }} data-testid="ledger-rows">
          {props.details.split("\n").map((line, l) => (
            <span key={l}>
              {l > 0 && "\n"}
              {line.split(" · ").map((part, i) => (
                <span key={i}>
                  {i > 0 && " · "}
                  {/* Short parts (`读取 1,866 行`) never break; a long list in brackets may, or it runs past 320 px. */}
                  <span className={part.length <= 14 ? styles.nowrap : undefined}>{part}</span>
                </span>
              ))}
            </span>
          ))}
        </Caption1>
      )}
      <CountBadges counts={counts} />
      {props.issues.length > 0 && (
        <Button
          appearance="subtle"
          size="small"
          aria-expanded={open}
          aria-controls={listId}
          data-testid="toggle-issues"
          onClick={() => setOpen(!open)}
          className={styles.toggle}
        >
          {open ? t("hideIssues") : t("showIssues", { count: visible.length })}
        </Button>
      )}
      {open && (
        <div id={listId}>
          <IssueList issues={visible} onSelectCell={props.onSelectCell} columnMapping={props.columnMapping} />
        </div>
      )}
    </Card>
  );
}

export function LedgersView(props: {
  result: EngineResult;
  settingUp: boolean;
  onSelectCell: (cell: string) => void;
  onSetUp: () => void;
  /** Where sheets cannot be added (the web page): 补齐 only explains why, in a one-button dialog. */
  setUpInformOnly?: boolean;
  /** Absent where the workbook cannot be written (the Word pane reads a file). */
  columnMapping?: ColumnMappingAction;
  /** Kept by the tabs' owner across tab switches; the view keeps its own when not given. */
  memory?: LedgersViewMemory;
  onMemory?: (memory: LedgersViewMemory) => void;
}) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [ownMemory, setOwnMemory] = useState<LedgersViewMemory>(FRESH_LEDGERS_MEMORY);
  const memory = props.memory ?? ownMemory;
  const remember = props.onMemory ?? setOwnMemory;
  const { filter } = memory;
  const setFilter = (value: Filter) => remember({ ...memory, filter: value });
  const cardOpen = (title: string) => ({
    open: memory.open.has(title),
    onOpen: (open: boolean) => {
      const next = new Set(memory.open);
      if (open) next.add(title);
      else next.delete(title);
      remember({ ...memory, open: next });
    },
  });
  const overview = useMemo(() => ledgerOverview(props.result), [props.result]);
  return (
    <div className={styles.root} data-testid="ledgers-view">
      <div className={styles.filters} role="group" aria-label={t("filterLabel")}>
        {FILTERS.map((f) => (
          <ToggleButton key={f.value} size="small" checked={filter === f.value} onClick={() => setFilter(f.value)}>
            {t(f.label)}
          </ToggleButton>
        ))}
      </div>
      {overview.cards.map((card) => (
        <IssueCard
          key={card.name}
          title={card.name}
          description={t("ledgerFoundIn", { sources: card.sources.join(" + ") })}
          details={
            rowsInWords(card, lang) ??
            [t("ledgerRows", { rows: card.rowsRead }), card.excluded ? t("ledgerExcluded", { rows: card.excluded }) : ""]
              .filter(Boolean)
              .join(" · ")
          }
          issues={card.issues}
          filter={filter}
          onSelectCell={props.onSelectCell}
          columnMapping={props.columnMapping}
          {...cardOpen(card.name)}
        />
      ))}
      {overview.otherIssues.length > 0 && (
        <IssueCard
          title={t("otherIssuesTitle")}
          issues={overview.otherIssues}
          filter={filter}
          onSelectCell={props.onSelectCell}
          {...cardOpen(OTHER_ISSUES_CARD)}
        />
      )}
      {overview.missing.length > 0 && (
        <ul className={styles.missing} data-testid="missing-ledgers">
          {overview.missing.map((m) => (
            <li key={m.ledger}>
              <Caption1 className={styles.muted}>
                {m.figures > 0
                  ? t("missingLedger", { ledger: m.ledger, count: m.figures })
                  : t("missingLedgerNoFigures", { ledger: m.ledger })}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <Caption1 className={styles.muted}>{t("ledgerHiddenRowsNote")}</Caption1>
      {overview.missing.length > 0 && (
        <div>
          <SetUpButton label="setUpMissing" busy={props.settingUp} onConfirm={props.onSetUp} informOnly={props.setUpInformOnly} />
        </div>
      )}
    </div>
  );
}
