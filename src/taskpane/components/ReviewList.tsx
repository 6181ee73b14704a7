// The review of a refresh before anything is written, the same in Word (刷新数据) and in Excel
// (更新已有报告): what the ledgers changed, which hand edits disagree and how to settle each, what
// the clerk deleted.
import { useId, useState, type ReactNode } from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ConflictChoice } from "../../core/refresh/plan";
import { useI18n } from "../i18n";
import {
  askTitle,
  asksBeforeSaving,
  chooseAll,
  issueText,
  leftOutKey,
  type LeftOutMark,
  type ReviewModel,
  type ReviewUpdate,
} from "./review";
import { ConfirmDialog } from "./ConfirmDialog";
import { ListNote } from "./ListNote";
// Cells said as the 指标 list says them, so the mark reads the same in both places.
import { shortCells } from "./cells";
import { shortRowsBody, shortRowsWords } from "./left-out";
import { describePlace } from "../../core/describe";
import { FIGURE_ROW, MUTED, PLAIN_LIST, SECTION_TITLE } from "./styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  title: SECTION_TITLE,
  list: PLAIN_LIST,
  item: FIGURE_ROW,
  text: { display: "block", overflowWrap: "anywhere", minWidth: 0 },
  /** One name of a list kept whole on its line (unless it is longer than the line). */
  wholeName: { display: "inline-block", maxWidth: "100%", overflowWrap: "anywhere" },
  muted: MUTED,
  change: { display: "block", overflowWrap: "anywhere", color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  allButtons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  radios: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  /** Warnings one under another, each with its bullet, so one item's end never reads as the next's start. */
  bullets: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  bullet: { display: "list-item", overflowWrap: "anywhere" },
  leftOut: { display: "block", overflowWrap: "anywhere", color: tokens.colorPaletteDarkOrangeForeground1 },
});

// Pure, in review.ts: the Excel pane's 更新已有报告 and the tests read them without the widgets.
export { askTitle, asksBeforeSaving };

/**
 * Beside a ledger value whose ledger has rows left out (may be short), or whose rows repeating a key
 * were both counted (may be too large): the same words as the 指标 list.
 */
function FigureMarks({ item }: { item: { leftOut?: LeftOutMark; countedTwice?: LeftOutMark } }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const separator = lang === "zh-CN" ? "、" : ", ";
  const short = item.leftOut;
  const twice = item.countedTwice;
  return (
    <>
      {short && (
        <Caption1 className={styles.leftOut} data-testid="review-left-out-mark">
          {t("figureRowsLeftOut", { rows: shortRowsWords(short, t) })}
        </Caption1>
      )}
      {twice && (
        // Each cell with its sheet, as the 指标 list has it: the repeat is often on a copied sheet.
        <Caption1 className={styles.leftOut} data-testid="review-counted-twice-mark">
          {t("figureRowsCountedTwice", {
            count: twice.count,
            ledger: twice.ledger,
            cells: [...shortCells(twice.cells), ...(twice.count > twice.cells.length ? ["…"] : [])].join(separator),
          })}
        </Caption1>
      )}
    </>
  );
}

type ReviewListProps = {
  review: ReviewModel;
  choices: Record<string, ConflictChoice>;
  onChoose: (choices: Record<string, ConflictChoice>) => void;
  disabled?: boolean;
  /** Shown in the Excel pane (or the web page), whose own 台账 tab lists the rows (in Word it is the Excel pane's). */
  inExcel?: boolean;
};

/**
 * The review with the clerk's decision under it: the action that writes (apply, save) and 取消.
 * Both are off while something runs, like the review's own choices.
 */
export function ReviewDecision(
  props: ReviewListProps & { confirm: { text: string; testId: string; onClick: () => void }; cancelTestId: string; onCancel: () => void },
) {
  const { t } = useI18n();
  const styles = useStyles();
  const { confirm, cancelTestId, onCancel, ...review } = props;
  const [asking, setAsking] = useState(false);
  return (
    <>
      <ReviewList {...review} />
      <div className={styles.allButtons}>
        <Button
          appearance="primary"
          disabled={props.disabled}
          data-testid={confirm.testId}
          onClick={() => (asksBeforeSaving(props.review) ? setAsking(true) : confirm.onClick())}
        >
          {confirm.text}
        </Button>
        <Button disabled={props.disabled} data-testid={cancelTestId} onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
      <ZerosAskDialog
        review={props.review}
        open={asking}
        onConfirm={() => {
          setAsking(false);
          confirm.onClick();
        }}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}

/**
 * Asked before a save that writes 0s no record supports, as 生成报告 asks before writing them, or
 * figures whose ledger has rows left out (they may be short): the figures by ledger, with the reason
 * once each. Cancelling leaves the review as it was.
 */
export function ZerosAskDialog(props: { review: ReviewModel; open: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const zeros = props.review.zeros.reduce((n, z) => n + z.figures.length, 0);
  const short = props.review.leftOut.reduce((n, g) => n + g.figures.length, 0);
  const large = props.review.countedTwice.reduce((n, g) => n + g.figures.length, 0);
  const title = askTitle({ zeros, short, large }, t);
  return (
    <ConfirmDialog
      open={props.open}
      testId="review-zeros-dialog"
      title={title}
      confirm={{ text: t("reviewZerosAskConfirm"), testId: "review-zeros-confirm" }}
      cancelTestId="review-zeros-cancel"
      primary="cancel"
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      {zeros > 0 && t("reviewZerosAskBody")}
      {zeros > 0 && <ZerosGroups review={props.review} />}
      {short > 0 && shortRowsBody(props.review.leftOut, t)}
      {short > 0 && <LeftOutGroups groups={props.review.leftOut} />}
      {large > 0 && t("reviewTooLargeAskBody")}
      {large > 0 && <LeftOutGroups groups={props.review.countedTwice} large />}
    </ConfirmDialog>
  );
}

/**
 * The figures that may be short (or, `large`, too large), one group per ledger: how many rows are left
 * out (or counted twice) and where, then its figures as the save leaves them.
 */
function LeftOutGroups({ groups, large }: { groups: ReviewModel["leftOut"]; large?: boolean }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const kind = large ? "review-too-large" : "review-left-out";
  return (
    <ul className={styles.list}>
      {groups.map((g) => (
        <li key={leftOutKey(g)} className={styles.item} data-testid={`${kind}-ledger`}>
          <Text className={styles.text} weight="semibold">
            {large
              ? t("reviewTooLargeLedger", {
                  ledger: g.ledger,
                  count: g.count,
                  cells: [...shortCells(g.cells), ...(g.count > g.cells.length ? ["…"] : [])].join(lang === "zh-CN" ? "、" : ", "),
                })
              : t("reviewLeftOutLedger", { rows: shortRowsWords(g, t) })}
          </Text>
          <span className={styles.text}>
            {g.figures.map((f, i) => (
              <span key={f.id} data-testid={kind} data-figure={f.id}>
                {i > 0 && t("listSeparator")}
                {f.name}
                {lang === "zh-CN" ? "：" : ": "}
                {f.source === "hand"
                  ? t("reviewSavedHand", { text: f.text, ledger: f.ledger ?? "" })
                  : t("reviewSavedLedger", { text: f.text })}
              </span>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The 0s to see, one group per ledger: its reason (and cell) once, then its figures. */
function ZerosGroups({ review }: { review: ReviewModel }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {review.zeros.map((z) => (
        <li key={z.ledger} className={styles.item} data-testid="review-zero-ledger">
          <Text className={styles.text} weight="semibold">
            {lang === "zh-CN" ? z.reason : z.reasonEn}
            {z.cell && (lang === "zh-CN" ? `（见 ${describePlace(z.cell)}）` : ` (see ${describePlace(z.cell)})`)}
          </Text>
          <ul className={styles.list}>
            {z.figures.map((f) => (
              <li key={f.id} className={styles.text} data-testid="review-zero" data-figure={f.id}>
                {f.name}
                {lang === "zh-CN" ? "：" : ": "}
                {f.old === f.new ? t("reviewZeroSame", { text: f.new }) : t("statusChangedText", { old: f.old, new: f.new })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function ReviewList(props: ReviewListProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { review } = props;
  const resolution = (key: string, id: string, planned: ConflictChoice) => props.choices[key] ?? props.choices[id] ?? planned;
  const titleId = useId();
  // A copy that differs from the ledgers is never "everything agrees", even when nothing is to be written.
  const differing = review.kept.filter((k) => !k.agrees);
  const agreeing = review.kept.filter((k) => k.agrees);
  // "Nothing to update" only when saving writes nothing and nothing waits for a decision.
  const nothing = review.toWrite === 0 && review.conflicts.length === 0 && review.removed.length === 0 && review.zeros.length === 0;
  const shortCount = review.leftOut.reduce((n, g) => n + g.figures.length, 0);
  const largeCount = review.countedTwice.reduce((n, g) => n + g.figures.length, 0);
  const zeroCount = review.zeros.reduce((n, z) => n + z.figures.length, 0);
  return (
    <section className={styles.root} aria-labelledby={titleId} data-testid="review">
      <Subtitle2 as="h2" id={titleId} className={styles.title}>
        {t("reviewTitle")}
      </Subtitle2>
      {review.scope && (
        <Text className={styles.text} weight="semibold" data-testid="list-scope">
          {t("listScope", { scope: review.scope })}
        </Text>
      )}
      <Text className={styles.text} data-testid="review-summary">
        {nothing && differing.length > 0
          ? t("reviewOnlyDiffering", { count: differing.length })
          : nothing
            ? t("reviewNothing")
            : t("reviewSummary", { updates: review.toWrite, conflicts: review.handEdits, removed: review.removed.length })}
      </Text>

      {review.zeros.length > 0 && (
        <ListNote testId="review-zeros" title={t("reviewZeros", { count: zeroCount })} body={t("reviewZerosHint")}>
          <ZerosGroups review={review} />
        </ListNote>
      )}
      {review.leftOut.length > 0 && (
        <ListNote
          testId="review-may-be-short"
          title={t("reviewLeftOut", { count: shortCount })}
          body={t(
            review.leftOut.some((g) => g.readAsOther)
              ? props.inExcel
                ? "reviewLeftOutHintExcelOther"
                : "reviewLeftOutHintOther"
              : props.inExcel
                ? "reviewLeftOutHintExcel"
                : "reviewLeftOutHint",
          )}
        >
          <LeftOutGroups groups={review.leftOut} />
        </ListNote>
      )}
      {review.countedTwice.length > 0 && (
        <ListNote
          testId="review-may-be-too-large"
          title={t("reviewTooLarge", { count: largeCount })}
          body={t(props.inExcel ? "reviewTooLargeHintExcel" : "reviewTooLargeHint")}
        >
          <LeftOutGroups groups={review.countedTwice} large />
        </ListNote>
      )}
      {review.carried.length > 0 && (
        <ListNote testId="review-carried" title={t("reviewCarried", { count: review.carried.length })} body={t("reviewCarriedHint")}>
          <ul className={styles.bullets}>
            {review.carried.map((i, n) => (
              <li key={n} className={styles.bullet} data-testid="review-carried-item" data-code={i.code}>
                {i.cell
                  ? `${describePlace(i.cell)}${lang === "zh-CN" ? "：" : ": "}${issueText(i, lang)}`
                  : lang === "zh-CN"
                    ? i.message
                    : i.messageEn}
              </li>
            ))}
          </ul>
        </ListNote>
      )}

      <ReviewSection
        title={t("reviewUpdates", { count: review.updates.length })}
        items={review.updates}
        testId="review-update"
        render={(u) => (
          <>
            <Text className={styles.text}>{u.name}</Text>
            {u.table ? (
              <TableUpdate table={u.table} />
            ) : (
              <span className={styles.change}>{t("statusChangedText", { old: u.old, new: u.new })}</span>
            )}
            <FigureMarks item={u} />
          </>
        )}
      />
      <ReviewSection
        title={t("reviewSettings", { count: review.settings.length })}
        hint={t("reviewSettingsHint")}
        items={review.settings}
        testId="review-setting"
        render={(u) => (
          <>
            <Text className={styles.text}>{u.name}</Text>
            <span className={styles.change}>{t("statusChangedText", { old: u.old, new: u.new })}</span>
          </>
        )}
      />
      <ReviewSection
        title={t("reviewConflicts", { count: review.conflicts.length })}
        hint={t("reviewConflictsHint")}
        items={review.conflicts}
        testId="review-conflict"
        render={(c) => (
          <>
            <Text className={styles.text} weight="semibold">
              {c.oneOfSeveral ? t("reviewCopyOf", { name: c.name, n: c.copy }) : c.name}
            </Text>
            <span className={styles.text}>{t("reviewYours", { text: c.current })}</span>
            <span className={styles.text}>{t("reviewNew", { text: c.new })}</span>
            <FigureMarks item={c} />
            <Caption1 className={styles.muted}>{t("reviewWritten", { text: c.written })}</Caption1>
            <RadioGroup
              className={styles.radios}
              layout="horizontal"
              aria-label={t("reviewChoiceLabel", { name: c.name })}
              value={resolution(c.key, c.id, c.resolution)}
              disabled={props.disabled}
              onChange={(_, data) => props.onChoose({ ...props.choices, [c.key]: data.value as ConflictChoice })}
            >
              <Radio value="keep" label={t("reviewKeep")} data-testid="choice-keep" />
              <Radio value="take" label={t("reviewTake")} data-testid="choice-take" />
            </RadioGroup>
          </>
        )}
      >
        <div className={styles.allButtons}>
          {(["keep", "take"] as const).map((choice) => (
            <Button
              key={choice}
              size="small"
              disabled={props.disabled}
              data-testid={`review-${choice}-all`}
              onClick={() => props.onChoose({ ...props.choices, ...chooseAll(review, choice) })}
            >
              {t(choice === "keep" ? "reviewKeepAll" : "reviewTakeAll")}
            </Button>
          ))}
        </div>
      </ReviewSection>
      <ReviewSection
        title={t("reviewRemoved", { count: review.removed.length })}
        hint={t("reviewRemovedHint")}
        items={review.removed}
        testId="review-removed"
        render={(r) => <Text className={styles.text}>{r.name}</Text>}
      />

      {differing.length + review.retaken.length > 0 && (
        <div className={styles.section}>
          <Body1Strong as="h3" className={styles.title}>
            {t("reviewDiffering", { count: differing.length + review.retaken.length })}
          </Body1Strong>
          {/* Said of what is listed: kept as written for now, or (only 改为台账值 ones) going back on saving. */}
          <Caption1 className={styles.muted}>{t(differing.length > 0 ? "reviewDifferingHint" : "reviewRetakenHint")}</Caption1>
          <ul className={styles.list}>
            {differing.map((k, n) => (
              <li key={`${k.key}-${n}`} className={styles.item} data-testid="review-differing" data-figure={k.id} data-copy={k.copy}>
                <Text className={styles.text} weight="semibold">
                  {k.oneOfSeveral ? t("reviewCopyOf", { name: k.name, n: k.copy }) : k.name}
                </Text>
                <span className={styles.text}>{t("reviewYours", { text: k.current })}</span>
                <span className={styles.text}>{t("reviewLedger", { text: k.ledger })}</span>
                <FigureMarks item={k} />
                <Button
                  size="small"
                  disabled={props.disabled}
                  data-testid="review-differing-take"
                  onClick={() => props.onChoose({ ...props.choices, [k.key]: "take" })}
                >
                  {t("reviewTakeLedger")}
                </Button>
              </li>
            ))}
            {/* 改为台账值 chosen: still a place that differs, now going back to the ledgers' value on saving. */}
            {review.retaken.map((c, n) => (
              <li key={`${c.key}-r${n}`} className={styles.item} data-testid="review-retaken" data-figure={c.id} data-copy={c.copy}>
                <Text className={styles.text} weight="semibold">
                  {c.oneOfSeveral ? t("reviewCopyOf", { name: c.name, n: c.copy }) : c.name}
                </Text>
                <span className={styles.text}>{t("reviewYours", { text: c.current })}</span>
                <span className={styles.change}>{t("reviewRetaken", { text: c.new })}</span>
                <FigureMarks item={c} />
                <Button
                  size="small"
                  disabled={props.disabled}
                  data-testid="review-retaken-keep"
                  onClick={() => props.onChoose({ ...props.choices, [c.key]: "keep" })}
                >
                  {t("reviewKeepMine")}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {agreeing.length > 0 && (
        <Caption1 className={styles.muted} data-testid="review-kept">
          {t("reviewKept", { count: agreeing.length, names: agreeing.map((k) => k.name).join(t("listSeparator")) })}
        </Caption1>
      )}
      {review.notInDocument.length > 0 && (
        <Caption1 className={styles.muted} data-testid="review-not-in-document">
          {t("reviewNotInDocument", { count: review.notInDocument.length, names: "" })}
          {review.notInDocument.map((f, i) => (
            <span key={f.id}>
              {i > 0 && t("listSeparator")}
              <span className={styles.wholeName}>{f.name}</span>
            </span>
          ))}
        </Caption1>
      )}
    </section>
  );
}

/** One kind of figure in the review (updated, hand-edited, deleted): a heading, a hint, then a row each; nothing when none. */
function ReviewSection<T extends { id: string }>(props: {
  title: string;
  hint?: string;
  items: readonly T[];
  testId: string;
  render: (item: T) => ReactNode;
  /** Controls for the whole section, between the hint and the rows. */
  children?: ReactNode;
}) {
  const styles = useStyles();
  if (props.items.length === 0) return null;
  return (
    <div className={styles.section}>
      <Body1Strong as="h3" className={styles.title}>
        {props.title}
      </Body1Strong>
      {props.hint && <Caption1 className={styles.muted}>{props.hint}</Caption1>}
      {props.children}
      <ul className={styles.list}>
        {props.items.map((item) => (
          <li key={item.id} className={styles.item} data-testid={props.testId} data-figure={item.id}>
            {props.render(item)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A table figure's update: each changed cell by group and column, the groups that came and went, then the rounding note. */
function TableUpdate({ table }: { table: NonNullable<ReviewUpdate["table"]> }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      <ul className={styles.list} data-testid="review-table-changes">
        {table.changes.map((c, k) => (
          <li key={k} className={styles.change} data-testid="review-table-change">
            {c.kind === "changed"
              ? t("reviewTableChanged", { group: c.group, column: c.column, old: c.old, new: c.new })
              : t(c.kind === "added" ? "reviewTableAdded" : "reviewTableRemoved", { group: c.group, cells: c.cells.join(" · ") })}
          </li>
        ))}
      </ul>
      {table.note && (
        <Caption1 className={styles.muted} data-testid="review-table-rounding">
          {t("reviewTableRounding", { note: table.note })}
        </Caption1>
      )}
    </>
  );
}
