// A 手工值 typed in Chinese numerals (七, 十二, 二十) is that number, said as an info at its cell, and
// printed in Arabic digits; anything that is not plainly one number stays an error at the cell.
import { runEngine } from "../../../src/core/engine";
import { DEFINITION_HEADERS, readDefinitions } from "../../../src/core/figures";
import type { RawCell } from "../../../src/core/types";
import { rawTable, rawWorkbook } from "../../helpers/raw-workbook";

const manual = (id: string, value: RawCell): RawCell[] => [id, id, "", "", "", "", "整数", value];
const definitions = (...rows: RawCell[][]) => readDefinitions(rawWorkbook("w", rawTable("指标定义", [DEFINITION_HEADERS, ...rows])));

describe("a 手工值 in Chinese numerals", () => {
  test.each([
    ["七", 7],
    ["十二", 12],
    ["二十", 20],
    ["一百零五", 105],
    ["两千", 2000],
    ["三点五", 3.5],
    [" 十 ", 10],
  ])("%s is read as %d, with an info at its cell", (typed, value) => {
    const read = definitions(manual("t.hand", typed));
    expect(read.definitions.find((d) => d.id === "t.hand")?.manualValue).toBe(value);
    const info = read.issues.filter((i) => i.code === "definition.manual_chinese_numeral");
    expect(info).toEqual([expect.objectContaining({ severity: "info", cell: "指标定义!H2" })]);
    expect(info[0].message).toContain(`按数字 ${value} 读取`);
    // (3.5 under 整数 is also the usual rounding warning; never an error.)
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test.each(["七余", "十多", "七次", "约七", "7七", "十十"])(
    "%s is no plain number: an error at the cell, the figure not defined",
    (typed) => {
      const read = definitions(manual("t.hand", typed));
      expect(read.definitions.find((d) => d.id === "t.hand")).toBeUndefined();
      expect(read.issues).toEqual([
        expect.objectContaining({ severity: "error", code: "definition.bad_manual_value", cell: "指标定义!H2" }),
      ]);
    },
  );

  test("the report prints the number in Arabic digits", () => {
    const result = runEngine(
      rawWorkbook(
        "台账.xlsx",
        rawTable("学习记录", [
          ["日期", "形式", "主题"],
          ["2022-03-01", "专题学习", "二十大"],
        ]),
        rawTable("指标定义", [DEFINITION_HEADERS, manual("goals.count", "十二")]),
      ),
    );
    expect(result.figures.find((f) => f.id === "goals.count")).toMatchObject({ value: 12, text: "12", manual: true });
  });
});
