// Boots the pane once Office is ready — shared by the real task pane and the playground, so the
// playground exercises the same start-up path (language, theme, host and requirement checks).
import { createRoot, type Root } from "react-dom/client";
import type { ReactNode } from "react";
import { Body1, Link, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { pickLang, useI18n } from "./i18n";
import { Shell } from "./shell/Shell";
import { App } from "./App";
import { ErrorNotice } from "./components/ErrorNotice";
import { createExcelServices, type PaneServices } from "./services";
import { paneSupported, platformOf } from "../adapters/office/requirements";
import { isDarkTheme } from "./shell/theme";
import { WordApp } from "./word/WordApp";
import { createWordServices, type WordPaneServices } from "./word/services";

export interface StartOptions {
  container: HTMLElement;
  /** Host services; the playground passes ones that record round trips. Default: Office.js. */
  services?: () => PaneServices;
  /** Word host services; the playground passes ones over the simulated Word. Default: Office.js. */
  wordServices?: () => WordPaneServices;
  /** URL query, for `?lang=en` and `?theme=dark` in tests and screenshots. */
  search?: string;
}

const useStyles = makeStyles({
  notice: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
});

function HostNotice(props: { kind: "other" | "unsupported" | "unsupportedWord" }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (props.kind === "unsupported") {
    return (
      <div className={styles.notice}>
        <ErrorNotice error={{ what: t("errorUnsupportedWhat"), todo: t("errorUnsupportedTodo"), detail: "ExcelApi 1.7" }} />
      </div>
    );
  }
  if (props.kind === "unsupportedWord") {
    return (
      <div className={styles.notice}>
        <ErrorNotice error={{ what: t("errorUnsupportedWordWhat"), todo: t("errorUnsupportedWordTodo"), detail: "WordApi 1.3" }} />
      </div>
    );
  }
  return (
    <div className={styles.notice}>
      <Subtitle1 as="h1">{t("appTitle")}</Subtitle1>
      <Body1>{t("otherHostBody")}</Body1>
      {/* The web page is built inside the add-in's folder (web/): what an admin opening this page looks for. */}
      <Body1>{t("otherHostWeb")}</Body1>
      <Link href="web/index.html">{t("otherHostWebLink")}</Link>
    </div>
  );
}

export async function startPane(options: StartOptions): Promise<Root> {
  const info = await Office.onReady();
  const context = typeof Office !== "undefined" ? Office.context : undefined;
  const search = options.search ?? "";
  const host = String(info?.host ?? "");
  // Outside Office there is no display language: the browser's says which one a reader has.
  const lang = pickLang(context?.displayLanguage ?? (host ? undefined : navigator.language), search);
  const forcedTheme = new URLSearchParams(search).get("theme");
  const dark = forcedTheme ? forcedTheme === "dark" : isDarkTheme(context?.officeTheme?.bodyBackgroundColor);
  document.documentElement.lang = lang;

  let content: ReactNode;
  if (host === "Excel") {
    content = paneSupported("excel", context) ? (
      <App services={(options.services ?? (() => createExcelServices(undefined, platformOf(context))))()} />
    ) : (
      <HostNotice kind="unsupported" />
    );
  } else if (host === "Word") {
    content = paneSupported("word", context) ? (
      <WordApp services={(options.wordServices ?? (() => createWordServices(undefined, undefined, platformOf(context))))()} />
    ) : (
      <HostNotice kind="unsupportedWord" />
    );
  } else {
    content = <HostNotice kind="other" />;
  }
  const root = createRoot(options.container);
  root.render(
    <Shell lang={lang} dark={dark}>
      {content}
    </Shell>,
  );
  return root;
}
