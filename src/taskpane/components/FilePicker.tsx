import { useId, useRef } from "react";
import { Button, makeStyles, type ButtonProps } from "@fluentui/react-components";
import { visuallyHidden } from "./LiveRegion";

const useStyles = makeStyles({
  // Hidden from sight and from Tab (the button is the one stop), but a real labelled input, so
  // assistive technology and browser tests can still reach it.
  input: { ...visuallyHidden, opacity: 0 },
});

/** A button that opens the browser's file dialog; the pane reads the file itself (no upload anywhere). */
export function FilePicker(props: {
  accept: string;
  /** Names what to pick, for screen readers and the button's tooltip. */
  label: string;
  text: string;
  appearance?: ButtonProps["appearance"];
  icon?: ButtonProps["icon"];
  disabled?: boolean;
  testId: string;
  onFile: (file: File) => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <>
      <input
        ref={input}
        id={id}
        type="file"
        accept={props.accept}
        className={styles.input}
        tabIndex={-1}
        aria-label={props.label}
        data-testid={`${props.testId}-input`}
        disabled={props.disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that picking the same file again (after editing it) still fires.
          e.target.value = "";
          if (file) props.onFile(file);
        }}
      />
      <Button
        appearance={props.appearance ?? "secondary"}
        icon={props.icon}
        disabled={props.disabled}
        title={props.label}
        aria-controls={id}
        data-testid={props.testId}
        onClick={() => input.current?.click()}
      >
        {props.text}
      </Button>
    </>
  );
}

export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
