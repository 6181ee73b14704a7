// The 报告设置 sheet of a clerk's workbook, as plain data, for tests that run the whole engine.
import { defaultSettings, settingsToRows } from "../../src/core/settings";
import type { RawTable } from "../../src/core/types";
import { SETTINGS_HEADERS } from "../../src/core/workbook/spec";
import { rawTable } from "./raw-workbook";

/** 报告设置 for the 2022 report of workbook "wb-1", with the 项目 named in `over` given other 值. */
export function settingsSheet(over: Record<string, string> = {}): RawTable {
  const rows = settingsToRows({ ...defaultSettings(2022), workbookId: "wb-1" }).map(([k, v]): [string, string] => [k, over[k] ?? v]);
  return rawTable("报告设置", [[...SETTINGS_HEADERS], ...rows]);
}
