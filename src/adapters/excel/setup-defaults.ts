// The built-in 报告设置 and 指标定义 content for 初始化工作簿. Loaded on demand (setUp only), so the
// read path of the pane does not carry the definitions.
import { newWorkbookSettings, settingsToRows } from "../../core/settings";
import { DEFAULT_DEFINITIONS, DEFINITION_HEADERS, definitionToRow } from "../../core/figures";
import type { SetUpConfig } from "./setup";

/**
 * What 初始化工作簿 writes: the year whose report is due on `now` and its period, every name and
 * every 手工值 blank (the clerk's answers, not the sample's), and a blank 工作簿ID that set-up fills.
 */
export function defaultSetUpConfig(now: Date = new Date()): SetUpConfig {
  return {
    settingsRows: settingsToRows(newWorkbookSettings(now)),
    definitionHeaders: [...DEFINITION_HEADERS],
    definitionRows: DEFAULT_DEFINITIONS.map(definitionToRow),
  };
}
