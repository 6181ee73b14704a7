// Screen readers hear progress and outcomes through one polite live region per view; sighted clerks
// already see them, so the region itself takes no room.
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
