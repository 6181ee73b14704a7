// The review of a refresh before anything is written, the same in Word (刷新数据) and in Excel
// (更新已有报告): what the ledgers changed, which hand edits disagree and how to settle each, what
// the clerk deleted.
import { useId, type ReactNode } from "react";
import { Body1Strong, Button, Caption1, Radio, RadioGroup, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ConflictChoice } from "../../core/refresh/plan";
import { useI18n } from "../i18n";
import { chooseAll, type ReviewModel, type ReviewUpdate } from "./review";
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
});

type ReviewListProps = {
  review: ReviewModel;
  choices: Record<string, ConflictChoice>;
  onChoose: (choices: Record<string, ConflictChoice>) => void;
  disabled?: boolean;
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
  return (
    <>
      <ReviewList {...review} />
      <div className={styles.allButtons}>
        <Button appearance="primary" disabled={props.disabled} data-testid={confirm.testId} onClick={confirm.onClick}>
          {confirm.text}
        </Button>
        <Button disabled={props.disabled} data-testid={cancelTestId} onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </>
  );
}

export function ReviewList(props: ReviewListProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const { review } = props;
  const resolution = (key: string, id: string, planned: ConflictChoice) => props.choices[key] ?? props.choices[id] ?? planned;
  const titleId = useId();
  // A copy that differs from the ledgers is never "everything agrees", even when nothing is to be written.
  const differing = review.kept.filter((k) => !k.agrees);
  const agreeing = review.kept.filter((k) => k.agrees);
  const nothing = review.updates.length === 0 && review.conflicts.length === 0 && review.removed.length === 0;
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
            : t("reviewSummary", { updates: review.updates.length, conflicts: review.conflicts.length, removed: review.removed.length })}
      </Text>

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
              onClick={() => props.onChoose(chooseAll(review, choice))}
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

      {differing.length > 0 && (
        <div className={styles.section}>
          <Body1Strong as="h3" className={styles.title}>
            {t("reviewDiffering", { count: differing.length })}
          </Body1Strong>
          <Caption1 className={styles.muted}>{t("reviewDifferingHint")}</Caption1>
          <ul className={styles.list}>
            {differing.map((k, n) => (
              <li key={`${k.key}-${n}`} className={styles.item} data-testid="review-differing" data-figure={k.id} data-copy={k.copy}>
                <Text className={styles.text} weight="semibold">
                  {k.oneOfSeveral ? t("reviewCopyOf", { name: k.name, n: k.copy }) : k.name}
                </Text>
                <span className={styles.text}>{t("reviewYours", { text: k.current })}</span>
                <span className={styles.text}>{t("reviewLedger", { text: k.ledger })}</span>
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
