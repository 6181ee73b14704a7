// The built-in 报告设置 and 指标定义 content for 初始化工作簿. Loaded on demand (setUp only), so the
// read path of the pane does not carry the definitions.
import { defaultSettings, settingsToRows } from "../../core/settings";
import { DEFAULT_DEFINITIONS, DEFINITION_HEADERS, definitionToRow } from "../../core/figures";
import type { SetUpConfig } from "./setup";

/**
 * The report year a clerk setting up now most likely means: the year-end report is written from
 * October onwards, so earlier in the year it is still last year's.
 */
export function likelyReportYear(now: Date = new Date()): number {
  return now.getMonth() >= 9 ? now.getFullYear() : now.getFullYear() - 1;
}

export function defaultSetUpConfig(year: number = likelyReportYear()): SetUpConfig {
  return {
    settingsRows: settingsToRows(defaultSettings(year)),
    definitionHeaders: [...DEFINITION_HEADERS],
    definitionRows: DEFAULT_DEFINITIONS.map(definitionToRow),
  };
}
