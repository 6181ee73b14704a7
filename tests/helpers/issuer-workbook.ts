// A small workbook for table-figure tests: one 2022 guarantee of 1000 元 per issuer named (a name twice
// is two guarantees), the built-in 报告设置 and the given 指标定义 rows.
import type { RawCell, RawWorkbook } from "../../src/core/types";
import { defaultSettings, settingsToRows } from "../../src/core/settings";
import { SETTINGS_HEADERS } from "../../src/core/workbook/spec";
import { DEFINITION_HEADERS } from "../../src/core/figures";

/** 电子保函按出函机构: the guarantees of the period counted by issuer. */
export const BY_ISSUER: RawCell[] = ["eg.by_issuer", "电子保函按出函机构", "电子保函", "分组计数:出函机构", "", "本期", "整数", ""];
export const EG_COUNT: RawCell[] = ["eg.count", "电子保函笔数", "电子保函", "计数", "", "本期", "整数", ""];

export function issuerWorkbook(issuers: readonly string[], definitions: readonly RawCell[][] = [BY_ISSUER]): RawWorkbook {
  return {
    name: "台账2022.xlsx",
    date1904: false,
    tables: [
      {
        sheet: "电子保函",
        top: 0,
        left: 0,
        values: [
          ["保函编号", "开立日期", "投标企业", "保证金金额（元）", "出函机构", "状态"],
          ...issuers.map((who, n) => [`BH-${n}`, "2022-03-01", `企业${n}`, 1000, who, ""]),
        ],
      },
      { sheet: "报告设置", top: 0, left: 0, values: [[...SETTINGS_HEADERS], ...settingsToRows(defaultSettings(2022))] },
      { sheet: "指标定义", top: 0, left: 0, values: [[...DEFINITION_HEADERS], ...definitions] },
    ],
  };
}
