// A warning over a list of figures the clerk is to look at before going on (待补, 0s no record supports,
// may be short, may be too large, carried over): its title, one line of what to do, then the list.
// One shape, so 生成 and both reviews say such things alike.
import type { ReactNode } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  body: { display: "block", overflowWrap: "anywhere" },
});

export function ListNote(props: { testId: string; title: string; body: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid={props.testId}>
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        <span className={styles.body}>{props.body}</span>
        {props.children}
      </MessageBarBody>
    </MessageBar>
  );
}
