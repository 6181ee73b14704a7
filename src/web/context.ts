import { createContext, useContext } from "react";
import type { Lang } from "../taskpane/i18n";
import { makeWebT, type WebTranslate } from "./i18n";

export const WebI18nContext = createContext<{ lang: Lang; w: WebTranslate }>({ lang: "zh-CN", w: makeWebT("zh-CN") });

export function useWebI18n() {
  return useContext(WebI18nContext);
}
