// `求和:<列>` over a column with no number in it (text, or nothing) is an error at the 统计 cell and
// the figure is unresolved — never 0; text cells among numbers are warned at their cells.
import type { RawCell } from "../../../src/core/types";
import { rawTable } from "../../helpers/raw-workbook";
import { runWithDefinitions } from "./build";

const EG_HEADER: RawCell[] = ["保函编号", "开立日期", "投标企业", "保证金金额（元）", "状态", "备注", "服务费", "空列"];

/** The engine over a 电子保函 sheet of these rows and these 指标定义 rows. */
const run = (egRows: RawCell[][], definitions: RawCell[][]) =>
  runWithDefinitions(rawTable("电子保函", [EG_HEADER, ...egRows]), definitions);

const sum = (id: string, column: string): RawCell[] => [id, `${column}合计`, "电子保函", `求和:${column}`, "", "全部", "整数", ""];

describe("求和 over a column that holds no number", () => {
  const rows: RawCell[][] = [
    ["BH-1", "2022-03-01", "甲公司", 1000, "有效", "已退还", 30, ""],
    ["BH-2", "2022-03-02", "乙公司", 2000, "有效", "十万", "免收", ""],
    ["BH-3", "2022-03-03", "丙公司", 3000, "有效", "", 20, ""],
  ];
  const r = run(rows, [sum("t.note", "备注"), sum("t.blank", "空列"), sum("t.fee", "服务费"), sum("t.amount", "保证金金额")]);

  test("a text column is an error at the 统计 cell, and the figure is unresolved with its reason", () => {
    const note = r.figure("t.note");
    expect(note.value).toBeNull();
    expect(note.text).toBe("［待补：备注合计］");
    expect(note.unresolved).toMatchObject({ code: "sum_not_numbers", cell: "指标定义!D2" });
    const issue = r.issues.find((i) => i.code === "figure.sum_not_numbers" && i.figure === "t.note")!;
    expect(issue).toMatchObject({ severity: "error", cell: "指标定义!D2" });
    expect(issue.message).toContain("“备注”列中没有数字（2 个单元格都是文字，如 电子保函!F2“已退还”）");
    expect(issue.messageEn).toContain("holds no number");
  });

  test("a column blank in every record is unresolved too", () => {
    expect(r.figure("t.blank")).toMatchObject({ value: null, unresolved: { code: "sum_not_numbers", cell: "指标定义!D3" } });
    expect(r.issues.find((i) => i.figure === "t.blank" && i.severity === "error")!.message).toContain("整列都是空白");
  });

  test("a mixed column sums its numbers and warns at each text cell it left out", () => {
    expect(r.figure("t.fee").value).toBe(50);
    const warned = r.issues.filter((i) => i.code === "figure.sum_text_cell");
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ severity: "warning", cell: "电子保函!G3", figure: "t.fee" });
    expect(warned[0].message).toContain("“免收”不是数字，未计入");
  });

  test("an amount column sums as before, with no issue", () => {
    expect(r.figure("t.amount").value).toBe(6000);
    expect(r.issues.filter((i) => i.figure === "t.amount")).toEqual([]);
  });

  test("many text cells among numbers are one grouped warning with the count and the first cells", () => {
    const many: RawCell[][] = [];
    for (let k = 0; k < 30; k++) many.push([`BH-${k}`, "2022-03-01", "甲公司", 1000, "有效", "", k % 2 === 0 ? 10 : "待定", ""]);
    const g = run(many, [sum("t.fee", "服务费")]);
    expect(g.figure("t.fee").value).toBe(150);
    const warned = g.issues.filter((i) => i.code === "figure.sum_text_cell");
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ count: 15, cells: ["电子保函!G3", "电子保函!G5", "电子保函!G7", "电子保函!G9", "电子保函!G11"] });
  });
});
