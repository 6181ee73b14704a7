// One way to ask for the workbook: the File System Access dialog where the browser has it (the
// page keeps the handle and can read the same file again), else an ordinary file input.
import { useRef, type ReactElement } from "react";
import { makeStyles } from "@fluentui/react-components";
import { visuallyHidden } from "../taskpane/components/LiveRegion";
import type { OpenedFile } from "./file-source";
import { XLSX_ACCEPT, canReadAgain, openedFile, pickWithHandle } from "./files";

const useStyles = makeStyles({ input: { ...visuallyHidden, opacity: 0 } });

export interface Chooser {
  /** Opens the dialog; call from a click so the browser allows it. */
  choose(): void;
  /** The hidden input that backs the dialog where there is no File System Access API. */
  input: ReactElement;
}

export function useChooser(props: {
  label: string;
  testId: string;
  onPicked: (file: OpenedFile) => void;
  onError: (error: unknown, fileName: string) => void;
}): Chooser {
  const styles = useStyles();
  const ref = useRef<HTMLInputElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const input = (
    <input
      ref={ref}
      type="file"
      accept={XLSX_ACCEPT}
      className={styles.input}
      tabIndex={-1}
      aria-label={props.label}
      data-testid={`${props.testId}-input`}
      onChange={(e) => {
        const file = e.target.files?.[0];
        // Cleared so that choosing the same file again (after fixing it) still fires.
        e.target.value = "";
        if (!file) return;
        openedFile(file).then(
          (opened) => latest.current.onPicked(opened),
          (error) => latest.current.onError(error, file.name),
        );
      }}
    />
  );
  return {
    input,
    choose() {
      if (!canReadAgain()) {
        ref.current?.click();
        return;
      }
      pickWithHandle(latest.current.label).then(
        (opened) => opened && latest.current.onPicked(opened),
        (error) => latest.current.onError(error, ""),
      );
    },
  };
}
