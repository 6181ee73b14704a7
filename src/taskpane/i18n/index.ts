import { createContext, useContext } from "react";
import { zhCN } from "./zh-CN";
import { enUS } from "./en-US";
import { ALL_DEPARTMENTS } from "../../core/settings";

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
export type Lang = "zh-CN" | "en-US";
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const MESSAGES: Record<Lang, Messages> = { "zh-CN": zhCN, "en-US": enUS };

/** Chinese for any zh-* Office language, English otherwise; `?lang=en|zh` wins (tests, screenshots). */
export function pickLang(displayLanguage: string | undefined, search = ""): Lang {
  const wanted = new URLSearchParams(search).get("lang") ?? displayLanguage ?? "zh-CN";
  return /^zh/i.test(wanted) ? "zh-CN" : "en-US";
}

/** Numbers are grouped for the language (4,043); pass years and ids as strings. */
export function makeT(lang: Lang): Translate {
  const messages = MESSAGES[lang];
  const numberFormat = new Intl.NumberFormat(lang);
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params?.[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? numberFormat.format(value) : value;
    });
}

/**
 * How both panes show a 统计范围: 全部门 (or blank) in the pane's language — "All departments" in
 * English — while the value stays 全部门, which is what the workbook stores; a department as named.
 */
export function scopeLabel(scope: string | undefined, t: Translate): string {
  const wanted = (scope ?? "").trim();
  return wanted === "" || wanted === ALL_DEPARTMENTS ? t("scopeAll") : wanted;
}

export interface I18n {
  lang: Lang;
  t: Translate;
}

export const I18nContext = createContext<I18n>({ lang: "zh-CN", t: makeT("zh-CN") });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
