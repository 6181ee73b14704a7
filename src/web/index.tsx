// The web page: the pane's views and engine over a workbook file, for machines where the add-in
// cannot run (IE-webview Office 2016/2019, WPS, domestic-OS browsers). This entry is only the shell
// — choosing or dropping the file — so it paints at once; the views, the engine and the readers
// load as a lazy chunk when a file is chosen (and the .docx writer only when a report is made).
import { StrictMode, Suspense, lazy, useCallback, useMemo, useState, type DragEvent } from "react";
import { createRoot } from "react-dom/client";
import { Body1, Button, Caption1, Link, Spinner, Text, makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { DocumentTable24Regular, ShieldCheckmark16Regular } from "@fluentui/react-icons";
import type { Lang } from "../taskpane/i18n";
import { Shell } from "../taskpane/shell/Shell";
import { ErrorNotice } from "../taskpane/components/ErrorNotice";
import { useAction } from "../taskpane/shell/useAction";
import type { Problem } from "../taskpane/shell/action";
import { WebI18nContext, useWebI18n } from "./context";
import { makeWebPaneT, makeWebT, webLang, type WebTranslate } from "./i18n";
import { compareReading, droppedFile, looksLikeWorkbook, openedFile, type Reread } from "./files";
import type { OpenedFile } from "./file-source";
import { useChooser } from "./chooser";

const WebApp = lazy(() => import(/* webpackChunkName: "workspace" */ "./WebApp"));

const useStyles = makeStyles({
  // The background lives here, not on FluentProvider: Fluent copies the provider's classes onto its
  // portal layer (drop-downs, dialogs), where a full-height background would cover the page.
  page: {
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
    display: "flex",
    justifyContent: "center",
  },
  column: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "880px",
    minWidth: 0,
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  start: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
  },
  title: { margin: 0 },
  languageSwitch: { alignSelf: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    ...shorthands.border("2px", "dashed", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusXLarge,
    textAlign: "center",
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  privacy: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
  dragging: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-6px" },
});

type Opened = { file: OpenedFile; generation: number; reread: Reread | null };

/** A file that could not be opened; the reader's own words (first line of the detail) go to IT. */
function openProblem(w: WebTranslate, fileName: string): Problem {
  return { what: w("openFailedWhat", { file: fileName || "?" }), todo: w("openFailedTodo") };
}

function notWorkbookProblem(w: WebTranslate, fileName: string): Problem {
  return { what: w("notWorkbook", { file: fileName }), todo: w("openFailedTodo") };
}

/** The page in the other language: the same address with ?lang= switched (Chinese is the default). */
function otherLanguageHref(lang: Lang): string {
  const next = new URLSearchParams(window.location.search);
  next.set("lang", lang === "zh-CN" ? "en" : "zh");
  return `?${next.toString()}`;
}

function Page() {
  const { w, lang } = useWebI18n();
  const styles = useStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  /** Opening, reading again and dropping a file: one error on the page. */
  const action = useAction();
  const { clearError, fail } = action;
  const [dragging, setDragging] = useState(false);
  // What the next pick is for: a first or another workbook, or the same one read again.
  const [purpose, setPurpose] = useState<"open" | "reread">("open");

  const open = useCallback(
    (file: OpenedFile) => {
      clearError();
      setOpening(null);
      setOpened((current) => ({ file, generation: (current?.generation ?? 0) + 1, reread: null }));
    },
    [clearError],
  );

  const reread = useCallback(
    (next: OpenedFile) => {
      clearError();
      setOpened((current) => {
        if (!current) return { file: next, generation: 1, reread: null };
        const outcome = compareReading(current.file, next);
        // Another file is another session: its settings and manual values start afresh.
        return outcome.kind === "other"
          ? { file: next, generation: current.generation + 1, reread: outcome }
          : { file: outcome.kind === "changed" ? next : current.file, generation: current.generation, reread: outcome };
      });
    },
    [clearError],
  );

  const onPicked = useCallback(
    (file: OpenedFile) => {
      if (!looksLikeWorkbook(file.name)) {
        fail(notWorkbookProblem(w, file.name), file.name);
        return;
      }
      if (purpose === "reread") reread(file);
      else open(file);
    },
    [purpose, open, reread, w, fail],
  );
  const onError = useCallback((err: unknown, fileName: string) => fail(openProblem(w, fileName), err), [w, fail]);
  const chooser = useChooser({ label: w("chooseWorkbookLabel"), testId: "choose-workbook", onPicked, onError });

  function chooseToOpen() {
    setPurpose("open");
    chooser.choose();
  }

  /** 重新读取: the kept handle where there is one, else the clerk chooses the same file again. */
  function readAgain() {
    const current = opened?.file;
    if (!current) return;
    if (!current.handle) {
      setPurpose("reread");
      chooser.choose();
      return;
    }
    const handle = current.handle;
    void action.run({
      stage: "reread",
      work: async () => reread(await openedFile(await handle.getFile(), handle)),
      fail: () => ({ what: w("rereadFailedWhat", { file: current.name }), todo: w("rereadFailedTodo") }),
    });
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const { file, handle } = droppedFile(e.dataTransfer);
    if (!file) return;
    if (!looksLikeWorkbook(file.name)) {
      fail(notWorkbookProblem(w, file.name), file.name);
      return;
    }
    setOpening(file.name);
    void action.run({
      stage: "open",
      work: async () => open(await openedFile(file, (await handle) ?? undefined)),
      fail: () => {
        setOpening(null);
        return openProblem(w, file.name);
      },
    });
  }

  const dragProps = {
    onDragOver: (e: DragEvent) => {
      if (![...e.dataTransfer.types].includes("Files")) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
      setDragging(true);
    },
    onDragLeave: (e: DragEvent) => {
      if (e.currentTarget === e.target) setDragging(false);
    },
    onDrop: drop,
  };

  const errorNotice = action.error && <ErrorNotice error={action.error} />;
  return (
    <div className={styles.page} {...dragProps} data-testid="web-page">
      {chooser.input}
      <div className={mergeClasses(styles.column, dragging && opened !== null && styles.dragging)}>
        {opened ? (
          <Suspense fallback={<Spinner label={w("openingFile", { file: opened.file.name })} />}>
            <WebApp
              key={opened.generation}
              file={opened.file}
              reread={opened.reread}
              notice={errorNotice}
              onReadAgain={readAgain}
              onChooseOther={chooseToOpen}
            />
          </Suspense>
        ) : (
          <main className={styles.start}>
            <Link
              className={styles.languageSwitch}
              href={otherLanguageHref(lang)}
              lang={lang === "zh-CN" ? "en" : "zh-CN"}
              data-testid="language-switch"
            >
              {w("otherLanguage")}
            </Link>
            <Text as="h1" size={700} weight="semibold" className={styles.title}>
              {w("pageTitle")}
            </Text>
            <Body1>{w("tagline")}</Body1>
            <div className={mergeClasses(styles.drop, dragging && styles.dropActive)} data-testid="drop-zone">
              <Button
                appearance="primary"
                size="large"
                icon={<DocumentTable24Regular />}
                title={w("chooseWorkbookLabel")}
                disabled={opening !== null}
                data-testid="choose-workbook"
                onClick={chooseToOpen}
              >
                {w("chooseWorkbook")}
              </Button>
              <Caption1 className={styles.muted}>{dragging ? w("dropAnywhere") : w("dropHere")}</Caption1>
            </div>
            {opening && <Spinner size="small" label={w("openingFile", { file: opening })} />}
            {errorNotice}
            <Caption1 className={styles.privacy}>
              <ShieldCheckmark16Regular aria-hidden />
              {w("privacy")}
            </Caption1>
          </main>
        )}
      </div>
    </div>
  );
}

/** The pane's shell with the page's own words beside the pane's (which say files, not Excel). */
function WebShell(props: { lang: Lang }) {
  const web = useMemo(() => ({ lang: props.lang, w: makeWebT(props.lang) }), [props.lang]);
  return (
    <WebI18nContext.Provider value={web}>
      <Shell lang={props.lang} translate={makeWebPaneT}>
        <Page />
      </Shell>
    </WebI18nContext.Provider>
  );
}

const lang = webLang(window.location.search);
document.documentElement.lang = lang;
document.title = makeWebT(lang)("pageTitle");
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <WebShell lang={lang} />
  </StrictMode>,
);
