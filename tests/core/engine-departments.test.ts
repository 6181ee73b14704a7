// The departments the ledgers name (EngineResult.departments): what a scope may be, in the order a
// Chinese reader looks for them — pinyin, as the pane lists them and the messages name them.
import { runEngine } from "../../src/core/engine";
import type { RawCell, RawTable } from "../../src/core/types";
import { rawTable, rawWorkbook } from "../helpers/raw-workbook";
import { EG_HEADER } from "./ledger/build";

/** 电子保函 split into one sheet per department: each sheet's name gives its rows' department. */
function splitByDepartment(names: string[]): RawTable[] {
  return names.map((name, k) =>
    rawTable(`电子保函-${name}`, [EG_HEADER, [`BH-${k}`, "2022-03-01", "甲公司", "", 10000, "有效"] as RawCell[]]),
  );
}

const NAMES = ["综合科", "交易一科", "交易三科", "交易二科"];
/** 交易二科 (èr), 交易三科 (sān), 交易一科 (yī), 综合科 (zōng). */
const PINYIN_ORDER = ["交易二科", "交易三科", "交易一科", "综合科"];

describe("the departments of a run", () => {
  test("are listed in pinyin order, however the sheets stand", () => {
    const result = runEngine(rawWorkbook("台账.xlsx", ...splitByDepartment(NAMES)));
    expect(result.departments).toEqual(PINYIN_ORDER);
    // A copy (what the worker posts, what JSON carries) has them in the same order.
    expect(JSON.parse(JSON.stringify(result)).departments).toEqual(PINYIN_ORDER);
    expect({ ...result }.departments).toEqual(PINYIN_ORDER);
  });

  test("a scope naming none of them is told with the list in the same order", () => {
    const result = runEngine(rawWorkbook("台账.xlsx", ...splitByDepartment(NAMES)), { overrides: { scope: "财务科" } });
    const issue = result.issues.find((i) => i.code === "settings.scope_unknown")!;
    expect(issue.message).toContain(PINYIN_ORDER.join("、"));
    expect(result.departments).toEqual(PINYIN_ORDER);
  });

  test("can be replaced by whoever holds the result, as any property", () => {
    const result = runEngine(rawWorkbook("台账.xlsx", ...splitByDepartment(NAMES)));
    result.departments = ["交易一科"];
    expect(result.departments).toEqual(["交易一科"]);
  });
});
