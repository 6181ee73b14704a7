import { LEDGER_SPECS } from "../../../src/core/ledger/schema";
import { DEFAULT_DEFINITIONS, DEFINITION_HEADERS, definitionToRow } from "../../../src/core/figures";
import { VALIDATED_ROWS, widthInPoints, workbookLayout } from "../../../src/core/workbook/spec";

/** Excel's data-validation dialog refuses a title over 32 characters and an error message over 225. */
const MAX_VALIDATION_TITLE = 32;
const MAX_VALIDATION_MESSAGE = 225;

const layout = workbookLayout({
  settingsRows: [["年度", "2023"]],
  definitionHeaders: [...DEFINITION_HEADERS],
  definitionRows: DEFAULT_DEFINITIONS.map(definitionToRow),
});
const sheetOf = (name: string) => layout.find((s) => s.sheet === name)!;

describe("the workbook set-up lays out", () => {
  it("a drop-down that refuses other values on every enumeration and yes/no column, and a warning on every date, count and amount", () => {
    for (const spec of LEDGER_SPECS) {
      const sheet = sheetOf(spec.name);
      spec.columns.forEach((column, i) => {
        const v = sheet.columns[i].validation;
        const expected =
          column.type === "enum" || column.type === "yesno"
            ? { kind: "list", style: "stop" }
            : column.type === "date"
              ? { kind: "date", style: "warning" }
              : column.type === "integer"
                ? { kind: "whole", style: "warning" }
                : column.type === "money"
                  ? { kind: "decimal", style: "warning" }
                  : undefined;
        expect([spec.name, column.name, v && { kind: v.rule.kind, style: v.error?.style }]).toEqual([spec.name, column.name, expected]);
      });
    }
  });

  it("a required date or amount flags a blank cell; every other validation allows blanks", () => {
    const guarantees = sheetOf("电子保函");
    expect(guarantees.columns.find((c) => c.header === "开立日期")!.validation!.allowBlank).toBe(false);
    expect(guarantees.columns.find((c) => c.header === "保证金金额（元）")!.validation!.allowBlank).toBe(false);
    expect(sheetOf("队伍").columns.find((c) => c.header === "成立日期")!.validation!.allowBlank).toBe(true);
    expect(guarantees.columns.find((c) => c.header === "状态")!.validation!.allowBlank).toBe(true);
  });

  it("every message in Chinese and English, within what Excel's validation dialog accepts", () => {
    for (const sheet of layout) {
      for (const column of sheet.columns) {
        const v = column.validation;
        if (!v) continue;
        for (const part of [v.error, v.prompt]) {
          if (!part) continue;
          expect(part.title.length).toBeLessThanOrEqual(MAX_VALIDATION_TITLE);
          expect(part.message.length).toBeLessThanOrEqual(MAX_VALIDATION_MESSAGE);
        }
        if (v.error) {
          const [zh, en] = v.error.message.split(" / ");
          expect([zh, en]).toEqual([expect.stringMatching(/[\u4e00-\u9fff]/), expect.stringMatching(/\b(should|Choose)\b/)]);
        }
        // A typed-in list source is limited to 255 characters in Excel.
        if (v.rule.kind === "list") expect(v.rule.choices.join(",").length).toBeLessThanOrEqual(255);
      }
    }
  });

  it("dates as yyyy-mm-dd, amounts with thousands separators and credit codes as text, headers General", () => {
    const guarantees = sheetOf("电子保函");
    const format = (header: string) => guarantees.columns.find((c) => c.header === header)!.numberFormat;
    expect([format("开立日期"), format("保证金金额（元）"), format("统一社会信用代码"), format("投标企业")]).toEqual([
      "yyyy-mm-dd",
      "#,##0.00",
      "@",
      undefined,
    ]);
    expect(sheetOf("报告设置").columns.map((c) => c.numberFormat)).toEqual([undefined, "@"]);
  });

  it("指标定义 with drop-downs of the ledgers asked for, the periods and the formats, and a prompt on 统计", () => {
    const only = workbookLayout({
      settingsRows: [],
      definitionHeaders: [...DEFINITION_HEADERS],
      definitionRows: [],
      ledgers: LEDGER_SPECS.filter((s) => s.name === "人员"),
    });
    expect(only.map((s) => s.sheet)).toEqual(["报告设置", "指标定义", "人员"]);
    const columns = only[1].columns;
    const listOf = (header: string) => {
      const rule = columns.find((c) => c.header === header)!.validation!.rule;
      return rule.kind === "list" ? rule.choices : rule.kind;
    };
    expect([listOf("台账"), listOf("区间"), listOf("格式"), listOf("统计")]).toEqual([
      ["人员"],
      ["本期", "截至期末", "全部"],
      ["整数", "余", "亿元", "万元", "百分比"],
      "any",
    ]);
    expect(columns.find((c) => c.header === "统计")!.validation!.prompt).toEqual({
      title: "统计",
      message: "计数 · 去重计数:列名 · 求和:列名",
    });
    // A table needs a data row even when there are no definitions.
    expect(only[1].rows).toEqual([DEFINITION_HEADERS.map(() => null)]);
  });

  it("validations over more rows than the empty table, so rows the clerk adds are checked too", () => {
    expect(VALIDATED_ROWS).toBeGreaterThan(sheetOf("学习记录").rows.length);
  });
});

describe("column widths in points", () => {
  it("are Office.js's 48 points for Excel's default 8.43 characters and grow 5.25 points a character", () => {
    expect(widthInPoints(8.43)).toBeCloseTo(48, 1);
    expect(widthInPoints(12) - widthInPoints(11)).toBeCloseTo(5.25, 5);
  });
});
