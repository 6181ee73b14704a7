// The frame every pane starts in — the Excel pane, the Word pane and the web page: the language,
// the theme, the page background, and an error boundary so a rendering fault shows the clerk words
// and IT the detail instead of a blank pane.
import { Component, useMemo, type ReactNode } from "react";
import { FluentProvider, makeStyles, tokens, useFocusFinders, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { I18nContext, makeT, useI18n, type Lang, type Translate } from "../i18n";
import { ErrorNotice } from "../components/ErrorNotice";
import { paneError } from "./action";

const useStyles = makeStyles({
  // The page's full-height background lives on an inner container, never on FluentProvider: Fluent
  // copies the provider's classes onto its portal layers (drop-down lists, dialogs, tooltips), and a
  // full-height background there covered the whole pane and took every click after one drop-down.
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  crash: { padding: tokens.spacingHorizontalM },
});

export function Shell(props: {
  lang: Lang;
  dark?: boolean;
  /** The pane's words; the web page passes its own for the few that say "Excel". Default: the pane's. */
  translate?: (lang: Lang) => Translate;
  children: ReactNode;
}) {
  const { lang, translate = makeT } = props;
  const i18n = useMemo(() => ({ lang, t: translate(lang) }), [lang, translate]);
  const styles = useStyles();
  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} lang={lang}>
        <KeepFocusManagerAlive />
        <div className={styles.page}>
          <PaneErrorBoundary>{props.children}</PaneErrorBoundary>
        </div>
      </FluentProvider>
    </I18nContext.Provider>
  );
}

/**
 * Holds one reference to Fluent's focus manager (tabster) for as long as the pane lives. Each Fluent
 * control takes a reference and the manager is disposed when the last one unmounts: after a confirmed
 * 初始化工作簿 the view holding the dialog gives way to a spinner, no control held a reference, and the
 * disposal dropped the manager's pending "un-hide the page" step, so #pane kept aria-hidden="true" for
 * good (microsoft/tabster#530, microsoft/fluentui#35139) and a screen reader found nothing.
 */
function KeepFocusManagerAlive() {
  useFocusFinders();
  return null;
}

function CrashNotice(props: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.crash} data-testid="crash">
      <ErrorNotice error={paneError({ what: t("errorCrashWhat"), todo: t("errorCrashTodo") }, props.error)} onRetry={props.onRetry} />
    </div>
  );
}

/** A fault while rendering: the pane says so, and 重试 renders it afresh. */
export class PaneErrorBoundary extends Component<{ children: ReactNode }, { error: unknown; failed: boolean }> {
  override state = { error: undefined as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override render() {
    if (this.state.failed)
      return <CrashNotice error={this.state.error} onRetry={() => this.setState({ error: undefined, failed: false })} />;
    return this.props.children;
  }
}
