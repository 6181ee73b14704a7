// Numbers a new clerk could sign without seeing why: a period the ledgers have no record in, rows a
// scope drops for a blank 部门, a 手工值 that is no number, departments given by sheet names. Each
// is built as a clerk's workbook and run through the whole engine; the rule is asserted, not the text.
import { runEngine } from "../../src/core/engine";
import { DEFAULT_DEFINITIONS, DEFINITION_HEADERS, definitionToRow } from "../../src/core/figures";
import { settingsSheet as settings } from "../helpers/settings-sheet";
import type { FigureDefinition, RawCell, RawTable } from "../../src/core/types";
import { rawTable as table, rawWorkbook } from "../helpers/raw-workbook";
import { EG_HEADER } from "./ledger/build";

const STUDY_HEADER: RawCell[] = ["日期", "形式", "主题", "组织", "部门"];
const STUDY_ROWS: RawCell[][] = [
  ["2022-03-01", "专题学习", "学习贯彻党的二十大精神", "党组", "交易一科"],
  ["2022-04-01", "专题研讨", "作风建设", "党组", "交易二科"],
  ["2022-12-20", "专题研讨", "年度总结", "党组", "交易一科"],
];

const workbook = (...tables: RawTable[]) => rawWorkbook("台账.xlsx", ...tables);

function definitions(edit: (d: FigureDefinition) => FigureDefinition | FigureDefinition[] = (d) => d): RawTable {
  return table("指标定义", [DEFINITION_HEADERS, ...DEFAULT_DEFINITIONS.flatMap((d) => edit(d)).map(definitionToRow)]);
}

const study = (rows: RawCell[][] = STUDY_ROWS) => table("学习记录", [STUDY_HEADER, ...rows]);

describe("a period in which a ledger has no record", () => {
  it("gives 0 with a warning at the ledger's date header naming the period and the latest record's date", () => {
    const result = runEngine(workbook(settings(), study()), {
      overrides: { year: 2023, periodStart: "2023-01-01", periodEnd: "2023-12-31" },
    });
    const topic = result.figures.find((f) => f.id === "study.topic.count")!;
    expect(topic.value).toBe(0);
    const warned = result.issues.filter((i) => i.code === "figure.period_empty");
    // One warning for the ledger, not one per figure.
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ severity: "warning", ledger: "学习记录", cell: "学习记录!A1" });
    expect(warned[0].message).toContain("2023-01-01");
    expect(warned[0].message).toContain("2023-12-31");
    expect(warned[0].message).toContain("2022-12-20");
    expect(warned[0].messageEn).toContain("2022-12-20");
  });

  it("is not said when one record of the ledger falls in the period, though the figure's conditions select none", () => {
    const result = runEngine(workbook(settings(), study()));
    expect(result.figures.find((f) => f.id === "study.lecture.count")!.value).toBe(0);
    expect(result.issues.filter((i) => i.code === "figure.period_empty")).toEqual([]);
  });

  it("is said for 截至期末 figures when every record is dated after the period end", () => {
    const eg = table("电子保函", [EG_HEADER, ["BH-1", "2023-03-01", "甲公司", "", 1000, "有效"]]);
    const result = runEngine(workbook(settings(), study(), eg));
    expect(result.figures.find((f) => f.id === "eg.count")!.value).toBe(0);
    const warned = result.issues.filter((i) => i.code === "figure.period_empty" && i.ledger === "电子保函");
    expect(warned).toHaveLength(1);
    expect(warned[0].cell).toBe("电子保函!B1");
    expect(warned[0].message).toContain("2023-03-01");
  });

  it("is not said for a ledger without records (a sheet of headers alone)", () => {
    const result = runEngine(workbook(settings(), study([])));
    expect(result.issues.filter((i) => i.code === "figure.period_empty")).toEqual([]);
  });
});

describe("a scope over rows whose 部门 is blank", () => {
  const rows: RawCell[][] = [
    ...STUDY_ROWS,
    ["2022-05-01", "专题学习", "二十大", "党组", ""],
    ["2022-06-01", "专题学习", "二十大", "党组", null],
  ];

  it("is one warning at those cells, saying they are not counted in the department", () => {
    const result = runEngine(workbook(settings(), study(rows)), { overrides: { scope: "交易一科" } });
    // Counted: only the rows whose 部门 is 交易一科.
    expect(result.figures.find((f) => f.id === "study.topic.count")!.value).toBe(1);
    const blank = result.issues.filter((i) => i.code === "figure.department_blank");
    expect(blank).toHaveLength(1);
    expect(blank[0]).toMatchObject({
      severity: "warning",
      ledger: "学习记录",
      cell: "学习记录!E5",
      count: 2,
      cells: ["学习记录!E5", "学习记录!E6"],
    });
    expect(blank[0].message).toContain("未填部门，未计入 交易一科 的统计");
  });

  it("is not said without a scope: the all-department report counts those rows", () => {
    const result = runEngine(workbook(settings(), study(rows)));
    expect(result.figures.find((f) => f.id === "study.topic.count")!.value).toBe(3);
    expect(result.issues.filter((i) => i.code === "figure.department_blank")).toEqual([]);
  });
});

describe("a 手工值 that is no number", () => {
  for (const typed of ["7条", "abc"]) {
    it(`(“${typed}”) leaves the figure unresolved at that cell with the reason, not called undefined`, () => {
      const defs = definitions((d) => (d.id === "goals.count" ? { ...d, manualValue: typed as unknown as number } : d));
      const result = runEngine(workbook(settings(), study(), defs));
      const goals = result.figures.find((f) => f.id === "goals.count")!;
      expect([goals.value, goals.unresolved?.code, goals.unresolved?.cell]).toEqual([null, "definition_error", "指标定义!H2"]);
      expect(goals.unresolved!.reason).toContain("手工值应为数字");
      expect(goals.unresolved!.reason).not.toContain("没有指标");
      expect(result.issues.filter((i) => i.code === "figure.not_defined")).toEqual([]);
      expect(result.issues.some((i) => i.code === "definition.bad_manual_value" && i.cell === "指标定义!H2")).toBe(true);
    });
  }
});

describe("a department given by the sheet's name", () => {
  const eg = (dept: string, rows: RawCell[][]) => table(`电子保函-${dept}`, [EG_HEADER, ...rows]);
  const sheets = () => [
    eg("交易一科", [
      ["BH-1", "2022-01-01", "甲公司", "", 100, "有效"],
      ["BH-2", "2022-02-01", "乙公司", "", 200, "有效"],
    ]),
    eg("交易二科", [["BH-3", "2022-03-01", "丙公司", "", 400, "有效"]]),
  ];
  const extra: FigureDefinition[] = [
    {
      ...DEFAULT_DEFINITIONS.find((d) => d.id === "eg.count")!,
      id: "eg.one.count",
      name: "一科笔数",
      conditions: [{ kind: "eq", column: "部门", values: ["交易一科"] }],
    },
    {
      ...DEFAULT_DEFINITIONS.find((d) => d.id === "eg.amount")!,
      id: "eg.amount_by_dept",
      name: "保证金按科室",
      aggregate: { kind: "sum", column: "保证金金额", group: { column: "部门" } },
      format: "integer",
    },
  ];
  const defs = () => definitions((d) => (d.id === "eg.count" ? [d, ...extra] : d));

  it("is the rows' 部门 in a condition, as under a scope", () => {
    const result = runEngine(workbook(settings(), study(), ...sheets(), defs()));
    const one = result.figures.find((f) => f.id === "eg.one.count")!;
    expect([one.value, one.unresolved]).toEqual([2, undefined]);
    const scoped = runEngine(workbook(settings(), study(), ...sheets(), defs()), { overrides: { scope: "交易一科" } });
    expect(scoped.figures.find((f) => f.id === "eg.count")!.value).toBe(one.value);
  });

  it("is the group of a table figure grouped by 部门", () => {
    const result = runEngine(workbook(settings(), study(), ...sheets(), defs()));
    const byDept = result.figures.find((f) => f.id === "eg.amount_by_dept")!;
    expect(byDept.unresolved).toBeUndefined();
    expect(byDept.table!.rows.map((r) => [r.group, r.value])).toEqual([
      ["交易二科", 400],
      ["交易一科", 300],
    ]);
  });

  it("fills a blank 部门 cell of a sheet that names its department, as a scope does", () => {
    const withColumn = table("电子保函-交易一科", [
      [...EG_HEADER, "部门"],
      ["BH-1", "2022-01-01", "甲公司", "", 100, "有效", ""],
      ["BH-2", "2022-02-01", "乙公司", "", 200, "有效", "交易一科"],
    ]);
    const result = runEngine(workbook(settings(), study(), withColumn, defs()));
    expect(result.figures.find((f) => f.id === "eg.one.count")!.value).toBe(2);
  });
});

describe("a ledger with its header and no records", () => {
  const emptyGuarantees = () => table("电子保函", [EG_HEADER]);

  it("gives its figures 0, each marked as a 0 to see with the ledger's header cell, never unresolved", () => {
    const result = runEngine(workbook(settings(), study(), emptyGuarantees(), definitions()));
    const count = result.figures.find((f) => f.id === "eg.count")!;
    expect(count).toMatchObject({ value: 0, text: "0" });
    expect(count.unresolved).toBeUndefined();
    expect(count.zeroToSee).toMatchObject({ code: "ledger_empty", cell: "电子保函!A1" });
    expect(count.zeroToSee!.reason).toContain("电子保函");
    expect(count.zeroToSee!.reasonEn).toContain("no records");
    // A ledger with records is no such 0, even where a figure's conditions select none.
    expect(result.figures.find((f) => f.id === "study.lecture.count")).toMatchObject({ value: 0 });
    expect(result.figures.find((f) => f.id === "study.lecture.count")!.zeroToSee).toBeUndefined();
  });

  it("is the clerk's 0 when 条件 says 允许为零, and the 手工值 when there is one: neither is marked", () => {
    const result = runEngine(
      workbook(
        settings(),
        study(),
        emptyGuarantees(),
        definitions((d) => (d.id === "eg.count" ? { ...d, allowZero: true } : d.id === "eg.firms" ? { ...d, manualValue: 12 } : d)),
      ),
    );
    expect(result.figures.find((f) => f.id === "eg.count")).toMatchObject({ value: 0 });
    expect(result.figures.find((f) => f.id === "eg.count")!.zeroToSee).toBeUndefined();
    expect(result.figures.find((f) => f.id === "eg.firms")).toMatchObject({ value: 12, manual: true });
    expect(result.figures.find((f) => f.id === "eg.firms")!.zeroToSee).toBeUndefined();
    expect(result.figures.find((f) => f.id === "eg.amount")!.zeroToSee).toMatchObject({ code: "ledger_empty" });
  });

  it("is not marked when its rows were all left out for errors (those are told as errors)", () => {
    const result = runEngine(
      workbook(settings(), study(), table("电子保函", [EG_HEADER, ["BH-1", "不是日期", "甲", "", 100, ""]]), definitions()),
    );
    expect(result.figures.find((f) => f.id === "eg.count")!.zeroToSee).toBeUndefined();
  });
});
