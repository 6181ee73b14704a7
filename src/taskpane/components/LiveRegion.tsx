// Screen readers hear progress and outcomes through one polite live region per view; sighted clerks
// already see them, so the region itself takes no room.
import type { ReactNode } from "react";
import { makeStyles } from "@fluentui/react-components";

/** Hidden from sight but still read aloud; spread into a view's makeStyles for inline labels. */
export const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

const useStyles = makeStyles({ visuallyHidden });

export function LiveRegion(props: { text: string; testId?: string }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.visuallyHidden} data-testid={props.testId}>
      {props.text}
    </div>
  );
}

/**
 * Where a view's visible outcome (a MessageBar) appears: a polite status region that is always in the
 * page, so the outcome is read aloud when it appears — and is then the only place it is said. The
 * action's own live region is left empty at the end (its `done` says ""), or the clerk would hear and
 * find the outcome twice, or the last progress line ("正在…") would stay behind after the work is done.
 */
export function OutcomeRegion(props: { children: ReactNode; testId?: string }) {
  return (
    <div role="status" aria-live="polite" data-testid={props.testId}>
      {props.children}
    </div>
  );
}
