// A key seen twice (保函编号) is a warning and both rows count (LEDGERS.md): a copied sheet doubles
// the figures. Each figure that counts both rows of one key says it may be too large by them, with
// the repeated rows' cells — so a report's 4 笔 is never silently the ledger's 2 counted twice.
import type { RawCell, RawTable } from "../../../src/core/types";
import { runEngine } from "../../../src/core/engine";
import { markRowsCountedTwice } from "../../../src/core/figures/counted-twice";
import { DEFINITION_HEADERS } from "../../../src/core/figures";
import { rawTable, rawWorkbook } from "../../helpers/raw-workbook";
import { figureDef, ledgerOf, ledgerRow, ledgerSet } from "./build";
import type { FigureResult } from "../../../src/core/types";

const GUARANTEE: RawCell[] = ["保函编号", "开立日期", "投标企业", "保证金金额", "状态"];
const C1: RawCell[] = ["C1", "2022-03-01", "甲公司", 1000000, "有效"];
const C2: RawCell[] = ["C2", "2022-05-01", "乙公司", 2000000, "有效"];

function run(...tables: RawTable[]) {
  const result = runEngine(rawWorkbook("台账.xlsx", ...tables));
  return { figure: (id: string) => result.figures.find((f) => f.id === id)!, issues: result.issues };
}

describe("figures counting two rows of one key", () => {
  it("a copied sheet holding the same guarantees marks the count and the amount with the copy's cells", () => {
    const { figure, issues } = run(rawTable("电子保函", [GUARANTEE, C1, C2]), rawTable("电子保函 (2)", [GUARANTEE, C1, C2]));
    expect(issues.filter((i) => i.code === "key.duplicate")).toHaveLength(2);
    expect(figure("eg.count")).toMatchObject({
      value: 4,
      rowsCountedTwice: { count: 2, cells: ["'电子保函 (2)'!A2", "'电子保函 (2)'!A3"] },
    });
    expect(figure("eg.amount").rowsCountedTwice).toEqual({ count: 2, cells: ["'电子保函 (2)'!A2", "'电子保函 (2)'!A3"] });
  });

  it("a distinct count (服务企业家数) is not marked: a repeated row adds no firm", () => {
    const { figure } = run(rawTable("电子保函", [GUARANTEE, C1, C2]), rawTable("电子保函 (2)", [GUARANTEE, C1, C2]));
    expect(figure("eg.firms").value).toBe(2);
    expect(figure("eg.firms").rowsCountedTwice).toBeUndefined();
  });

  it("no key repeated: no figure is marked", () => {
    const { figure } = run(rawTable("电子保函", [GUARANTEE, C1, C2]));
    expect(figure("eg.count").value).toBe(2);
    expect(figure("eg.count").rowsCountedTwice).toBeUndefined();
    expect(figure("eg.amount").rowsCountedTwice).toBeUndefined();
  });

  it("a repeated row the figure leaves out (撤销) does not mark it", () => {
    const revokedCopy: RawCell[] = ["C1", "2022-03-01", "甲公司", 1000000, "撤销"];
    const { figure, issues } = run(rawTable("电子保函", [GUARANTEE, C1, C2, revokedCopy]));
    expect(issues.some((i) => i.code === "key.duplicate" && i.cell === "电子保函!A4")).toBe(true);
    expect(figure("eg.count").value).toBe(2);
    expect(figure("eg.count").rowsCountedTwice).toBeUndefined();
  });

  it("a repeat dated after the period end does not mark a figure counted up to that end, and marks one over every year", () => {
    const later: RawCell[] = ["C1", "2023-02-01", "甲公司", 1000000, "有效"];
    const every: RawCell[] = ["eg.all", "全部保函笔数", "电子保函", "计数", "", "全部", "整数", ""];
    const toEnd: RawCell[] = ["eg.to_end", "电子保函笔数", "电子保函", "计数", "", "截至期末", "整数", ""];
    const settings = rawTable("报告设置", [
      ["项目", "值"],
      ["年度", 2022],
    ]);
    const definitions = rawTable("指标定义", [DEFINITION_HEADERS, every, toEnd]);
    const { figure } = run(rawTable("电子保函", [GUARANTEE, C1, C2, later]), definitions, settings);
    expect(figure("eg.to_end").value).toBe(2);
    expect(figure("eg.to_end").rowsCountedTwice).toBeUndefined();
    expect(figure("eg.all")).toMatchObject({ value: 3, rowsCountedTwice: { count: 1, cells: ["电子保函!A4"] } });
  });

  it("keys written in full-width and half-width characters are one key, as the reader's warning says", () => {
    const wide: RawCell[] = ["Ｃ１", "2022-06-01", "甲公司", 1000000, "有效"];
    const { figure } = run(rawTable("电子保函", [GUARANTEE, C1, C2, wide]));
    expect(figure("eg.count").rowsCountedTwice).toEqual({ count: 1, cells: ["电子保函!A4"] });
  });

  it("a key typed again in another case (g001 for G001) is the same key: warned at the cell and marked", () => {
    const lower: RawCell[] = ["c1", "2022-06-01", "甲公司", 1000000, "有效"];
    const { figure, issues } = run(rawTable("电子保函", [GUARANTEE, C1, C2, lower]));
    expect(issues.some((i) => i.code === "key.duplicate" && i.cell === "电子保函!A4")).toBe(true);
    expect(figure("eg.count")).toMatchObject({ value: 3, rowsCountedTwice: { count: 1, cells: ["电子保函!A4"] } });
  });

  it("a key typed again with a space inside (C 1 for C1) is the same key: warned at the cell and marked", () => {
    const spaced: RawCell[] = ["C 1", "2022-06-01", "甲公司", 1000000, "有效"];
    const { figure, issues } = run(rawTable("电子保函", [GUARANTEE, C1, C2, spaced]));
    expect(issues.some((i) => i.code === "key.duplicate" && i.cell === "电子保函!A4")).toBe(true);
    expect(figure("eg.count")).toMatchObject({ value: 3, rowsCountedTwice: { count: 1, cells: ["电子保函!A4"] } });
  });

  it("names at most three cells however many rows repeat, and counts them all", () => {
    const rows: RawCell[][] = [1, 2, 3, 4, 5].map((n) => [`K${n}`, "2022-03-01", "甲公司", 100, "有效"]);
    const { figure } = run(rawTable("电子保函", [GUARANTEE, ...rows]), rawTable("电子保函 (2)", [GUARANTEE, ...rows]));
    expect(figure("eg.count").rowsCountedTwice?.count).toBe(5);
    expect(figure("eg.count").rowsCountedTwice?.cells).toHaveLength(3);
  });

  it("ledgers built by hand: a manual or unresolved figure is left as it is", () => {
    const rows = [1, 2].map((n) => ledgerRow("电子保函", n + 1, { 保函编号: "C1", 开立日期: "2022-03-01", 投标企业: "甲公司" }));
    const set = ledgerSet(ledgerOf("电子保函", rows));
    const base = (over: Partial<FigureResult>): FigureResult => ({
      id: "t",
      name: "测试",
      value: 2,
      text: "2",
      rows: 2,
      ledger: "电子保函",
      conditions: "",
      period: { kind: "all", label: "全部", start: null, end: "2022-12-31" },
      rowRefs: rows.map((r) => ({ sheet: r.sheet, row: r.row })),
      fingerprint: "",
      manual: false,
      ...over,
    });
    const [counted, manual, unresolved] = markRowsCountedTwice(
      [
        base({}),
        base({ manual: true, ledger: null }),
        base({ value: null, unresolved: { code: "ledger_missing", reason: "", reasonEn: "" } as never }),
      ],
      set,
      [figureDef("电子保函", "")],
    );
    expect(counted.rowsCountedTwice).toEqual({ count: 1, cells: ["电子保函!3"] });
    expect(manual.rowsCountedTwice).toBeUndefined();
    expect(unresolved.rowsCountedTwice).toBeUndefined();
  });
});
