// The line shown while a file is read or a report patched: the spinner is decoration, the text is
// what the clerk (and the live region) gets.
import { Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  progress: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export function ProgressLine(props: { text: string; testId?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.progress} data-testid={props.testId}>
      <Spinner size="extra-tiny" aria-hidden />
      <Caption1>{props.text}</Caption1>
    </div>
  );
}
