// On a ledger without a key (学习记录, 人员), a copied sheet repeats whole records: each figure that
// counts a record and its repeat carries rowsCountedTwice — the same mark as a repeated 保函编号 —
// judged on the figure's own rows: a repeat outside its period, or one a distinct count absorbs,
// does not mark it. A key repeated on rows no figure counts (撤销) is said without claiming a count.
import type { RawCell, RawTable } from "../../../src/core/types";
import { runEngine } from "../../../src/core/engine";
import { DEFINITION_HEADERS } from "../../../src/core/figures";
import { rawTable, rawWorkbook } from "../../helpers/raw-workbook";

const STUDY: RawCell[] = ["日期", "形式", "主题", "组织"];
const TOPIC: RawCell[] = ["2022-03-01", "专题学习", "学习党的二十大精神", "党组"];
const SEMINAR: RawCell[] = ["2022-04-12", "专题研讨", "作风建设", "党支部"];
const PEOPLE: RawCell[] = ["姓名", "身份", "双报到社区", "包联社区", "青年突击队", "表扬"];
const ZHANG: RawCell[] = ["张三", "党员干部", "东社区", "西社区", "是", ""];
const LI: RawCell[] = ["李四", "聘用人员", "东社区", "", "否", "市级表扬"];
const SETTINGS = rawTable("报告设置", [
  ["项目", "值"],
  ["年度", 2022],
]);

function run(tables: RawTable[], hiddenSheets?: string[]) {
  const wb = { ...rawWorkbook("台账.xlsx", SETTINGS, ...tables), ...(hiddenSheets ? { hiddenSheets } : {}) };
  const result = runEngine(wb);
  return { figure: (id: string) => result.figures.find((f) => f.id === id)!, result };
}

describe("figures counting a record repeated in full on a ledger without a key", () => {
  it.each([[undefined], [["学习记录 (2)"]]])(
    "a copied 学习记录 sheet (hidden: %p) marks each study figure with the copy's cells, and the number stays what was counted",
    (hidden) => {
      const { figure } = run([rawTable("学习记录", [STUDY, TOPIC, SEMINAR]), rawTable("学习记录 (2)", [STUDY, TOPIC, SEMINAR])], hidden);
      expect(figure("study.topic.count")).toMatchObject({ value: 2, rowsCountedTwice: { count: 1, cells: ["'学习记录 (2)'!A2"] } });
      expect(figure("study.seminar.count")).toMatchObject({ value: 2, rowsCountedTwice: { count: 1, cells: ["'学习记录 (2)'!A3"] } });
      // A figure that counted neither row is not marked.
      expect(figure("study.lecture.count").rowsCountedTwice).toBeUndefined();
    },
  );

  it("no repeated record: nothing is marked", () => {
    const { figure } = run([rawTable("学习记录", [STUDY, TOPIC, SEMINAR])]);
    expect(figure("study.topic.count").rowsCountedTwice).toBeUndefined();
    expect(figure("study.seminar.count").rowsCountedTwice).toBeUndefined();
  });

  it("a record repeated outside the period warns at the row but marks no figure of the period", () => {
    const lastYear: RawCell[] = ["2021-03-01", "专题学习", "学习党的二十大精神", "党组"];
    const { figure, result } = run([rawTable("学习记录", [STUDY, TOPIC, lastYear, lastYear])]);
    expect(result.issues.filter((i) => i.code === "row.repeated").map((i) => i.cell)).toEqual(["学习记录!A4"]);
    expect(figure("study.topic.count").value).toBe(1);
    expect(figure("study.topic.count").rowsCountedTwice).toBeUndefined();
  });

  it("a copied 人员 sheet marks the counts of people, and not the distinct count of communities", () => {
    const { figure } = run([rawTable("人员", [PEOPLE, ZHANG, LI]), rawTable("人员 (2)", [PEOPLE, ZHANG, LI])], ["人员 (2)"]);
    expect(figure("staff.double_report.count")).toMatchObject({
      value: 4,
      rowsCountedTwice: { count: 2, cells: ["'人员 (2)'!A2", "'人员 (2)'!A3"] },
    });
    expect(figure("cadres.baolian.count").rowsCountedTwice).toEqual({ count: 1, cells: ["'人员 (2)'!A2"] });
    expect(figure("communities.count").value).toBe(1);
    expect(figure("communities.count").rowsCountedTwice).toBeUndefined();
  });

  it("a figure over a copied department sheet under that department's scope is marked too", () => {
    const definitions = rawTable("指标定义", [DEFINITION_HEADERS, ["study.all", "学习次数", "学习记录", "计数", "", "本期", "整数", ""]]);
    const settings = rawTable("报告设置", [
      ["项目", "值"],
      ["年度", 2022],
      ["范围", "交易一科"],
    ]);
    const result = runEngine(
      rawWorkbook("台账.xlsx", settings, definitions, rawTable("学习记录-交易一科", [STUDY, TOPIC]), rawTable("学习记录-交易一科 (2)", [STUDY, TOPIC])),
    );
    const study = result.figures.find((f) => f.id === "study.all")!;
    expect(study).toMatchObject({ value: 2, rowsCountedTwice: { count: 1, cells: ["'学习记录-交易一科 (2)'!A2"] } });
  });
});

describe("a key repeated on rows no figure counts", () => {
  const GUARANTEE: RawCell[] = ["保函编号", "开立日期", "投标企业", "保证金金额", "状态"];
  it("a 撤销 repeat: the warning says both rows are read, claims no count, and no figure is marked", () => {
    const first: RawCell[] = ["G003", "2022-03-01", "甲公司", 1000, "撤销"];
    const again: RawCell[] = ["G003", "2022-03-01", "甲公司", 1000, "撤销"];
    const other: RawCell[] = ["G004", "2022-05-01", "乙公司", 2000, "有效"];
    const { figure, result } = run([rawTable("电子保函", [GUARANTEE, first, other, again])]);
    const warning = result.issues.find((i) => i.code === "key.duplicate")!;
    expect(warning.cell).toBe("电子保函!A4");
    expect(warning.message).toContain("电子保函!A2");
    expect(warning.message).toContain("两行都作为记录读取");
    expect(warning.message).not.toMatch(/计入|偏大/);
    expect(warning.messageEn).not.toMatch(/counted|too large/);
    for (const id of ["eg.count", "eg.amount", "eg.firms"]) expect(figure(id).rowsCountedTwice).toBeUndefined();
  });

  it("a --scope naming a copy's department (`交易一科 (2)`) is a department no row has", () => {
    const rows: RawCell[] = ["C1", "2022-03-01", "甲公司", 1000, "有效"];
    const result = runEngine(
      rawWorkbook("台账.xlsx", SETTINGS, rawTable("电子保函-交易一科", [GUARANTEE, rows]), rawTable("电子保函-交易一科 (2)", [GUARANTEE, rows])),
      { overrides: { scope: "交易一科 (2)" } },
    );
    expect(result.issues.some((i) => i.code === "settings.scope_unknown")).toBe(true);
    expect(result.departments).toEqual(["交易一科"]);
  });
});
