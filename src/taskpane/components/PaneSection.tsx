// A titled part of a pane — 报告模板, 更新已有报告, 放置指标, 插入报告 — as one landmark: the heading
// names the section for screen readers (aria-labelledby), the intro says what it is for.
import type { ReactNode } from "react";
import { Body1, Caption1, Subtitle2, makeStyles, mergeClasses } from "@fluentui/react-components";
import { MUTED, SECTION, SECTION_TITLE } from "./styles";

const useStyles = makeStyles({
  section: SECTION,
  title: SECTION_TITLE,
  muted: MUTED,
  text: { display: "block", overflowWrap: "anywhere" },
});

export function PaneSection(props: {
  /** Prefix of the heading's id: `${id}-title`. */
  id: string;
  title: string;
  intro: string;
  /** The intro as secondary words (default) or as the section's body text. */
  introLook?: "muted" | "body";
  testId: string;
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const titleId = `${props.id}-title`;
  return (
    <section className={mergeClasses(styles.section, props.className)} aria-labelledby={titleId} data-testid={props.testId}>
      <Subtitle2 as="h2" id={titleId} className={styles.title}>
        {props.title}
      </Subtitle2>
      {props.introLook === "body" ? (
        <Body1 className={styles.text}>{props.intro}</Body1>
      ) : (
        <Caption1 className={styles.muted}>{props.intro}</Caption1>
      )}
      {props.children}
    </section>
  );
}
