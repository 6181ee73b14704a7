// The 指标 list says under 服务企业家数 that it may be off where its count met a firm's name and code
// disagreeing (one name under two codes counted twice, two names under one code once): a clerk saw
// 服务企业家数 4 unmarked while only `check` warned (its count matched by two errors cancelling out).
import { runEngine } from "../../src/core/engine";
import type { RawCell } from "../../src/core/types";
import { identityConflictsByFigure } from "../../src/taskpane/model";
import { makeT } from "../../src/taskpane/i18n";
import { shortCells } from "../../src/taskpane/components/cells";
import { rawTable, rawWorkbook } from "../helpers/raw-workbook";
import { creditCode } from "../helpers/credit-code";
import { EG_HEADER } from "../core/ledger/build";

const A = creditCode(1);
const B = creditCode(2);

function result(firms: [string, string][]) {
  const rows = firms.map(([firm, code], i): RawCell[] => [`BH-${i + 1}`, "2022-03-01", firm, code, 10000, "有效"]);
  return runEngine(rawWorkbook("台账.xlsx", rawTable("电子保函", [EG_HEADER, ...rows])));
}

describe("服务企业家数 on the 指标 list", () => {
  it("is marked may be off with each place its firms' names and codes disagree, and no other figure is", () => {
    // 乙 under two codes (counted twice), 甲 and 丁 under one code (counted once).
    const r = result([
      ["乙公司", A],
      ["乙公司", B],
      ["甲公司", creditCode(3)],
      ["丁公司", creditCode(3)],
    ]);
    const marks = identityConflictsByFigure(r.issues);
    expect([...marks.keys()]).toEqual(["eg.firms"]);
    const mark = marks.get("eg.firms")!;
    expect(mark.count).toBe(2);
    expect(mark.cells).toEqual(["电子保函!D3", "电子保函!C5"]);
    expect(makeT("zh-CN")("figureIdentity", { count: mark.count, cells: shortCells(mark.cells).join("、") })).toBe(
      "可能不准：有 2 处投标企业与统一社会信用代码不一致（电子保函 · D3、C5），按规则计数（一个企业两个代码算 2 家，两个企业同一代码算 1 家）",
    );
  });

  it("is not marked when every firm has one code and every code one firm", () => {
    expect(
      identityConflictsByFigure(
        result([
          ["甲公司", A],
          ["乙公司", B],
          ["甲公司", A],
        ]).issues,
      ).size,
    ).toBe(0);
  });
});
