// 服务企业家数 (eg.firms, 去重计数:统一社会信用代码|投标企业) counts each firm once: a row without a
// code is the firm of a coded row with the same name; a name no coded row carries counts by name.
// Where code and name disagree the count says so at the cells, grouped when there are many.
import { runEngine } from "../../../src/core/engine";
import type { RawCell, RawTable } from "../../../src/core/types";
import { rawTable, rawWorkbook } from "../../helpers/raw-workbook";
import { creditCode } from "../../helpers/credit-code";
import { EG_HEADER } from "../ledger/build";

/** One guarantee row per [firm, code]; row n of the sheet is row n+1 of the list (header in row 1). */
function guarantees(firms: [string, string][]): RawTable {
  return rawTable("电子保函", [
    EG_HEADER,
    ...firms.map(([firm, code], i): RawCell[] => [`BH-${i + 1}`, "2022-03-01", firm, code, 10000, "有效"]),
  ]);
}

function firmsOf(firms: [string, string][]) {
  const result = runEngine(rawWorkbook("台账.xlsx", guarantees(firms)));
  const figure = result.figures.find((f) => f.id === "eg.firms")!;
  const issues = result.issues.filter((i) => i.code.startsWith("figure.identity_"));
  return { value: figure.value, issues };
}

const A = creditCode(1);
const B = creditCode(2);
const C = creditCode(3);

describe("服务企业家数 counts a firm once, by code or by name", () => {
  test("a row without a code whose name a coded row carries is that firm, not a second one", () => {
    const r = firmsOf([
      ["甲公司", A],
      ["甲公司", ""],
      // Width and spaces do not make another firm.
      [" 甲 公司 ", ""],
    ]);
    expect(r.value).toBe(1);
    expect(r.issues).toEqual([]);
  });

  test("a name no coded row carries is counted once by its name", () => {
    const r = firmsOf([
      ["甲公司", A],
      ["乙公司", ""],
      ["乙公司", ""],
      ["丙公司", B],
    ]);
    expect(r.value).toBe(3);
  });

  test("one name under two codes counts as two firms and is said at both code cells", () => {
    const r = firmsOf([
      ["丁公司", A],
      ["丁公司", B],
      ["丁公司", ""],
    ]);
    expect(r.value).toBe(2);
    expect(r.issues).toHaveLength(1);
    const issue = r.issues[0];
    expect(issue).toMatchObject({ severity: "warning", code: "figure.identity_name_codes", cell: "电子保函!D3", figure: "eg.firms" });
    expect(issue.message).toContain("投标企业“丁公司”有 2 个统一社会信用代码");
    expect(issue.message).toContain(`${A}（电子保函!D2）`);
    expect(issue.message).toContain(`${B}（电子保函!D3）`);
    expect(issue.message).toContain("按 2 家计入");
    expect(issue.messageEn).toContain('"丁公司" has 2 different 统一社会信用代码 values');
  });

  test("one code under two names counts as one firm and is said at both name cells", () => {
    const r = firmsOf([
      ["戊公司", C],
      ["戊有限公司", C],
    ]);
    expect(r.value).toBe(1);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "figure.identity_code_names", cell: "电子保函!C3" });
    expect(r.issues[0].message).toContain(
      `统一社会信用代码 ${C} 对应 2 个投标企业：戊公司（电子保函!C2）、戊有限公司（电子保函!C3），按 1 家计入`,
    );
    expect(r.issues[0].messageEn).toContain("counted once");
  });

  test("many disagreements are one grouped issue with the count and the first cells, not one per firm", () => {
    const rows: [string, string][] = [];
    for (let k = 0; k < 40; k++) rows.push([`企业${k}`, creditCode(100 + 2 * k)], [`企业${k}`, creditCode(101 + 2 * k)]);
    const r = firmsOf(rows);
    expect(r.value).toBe(80);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "figure.identity_name_codes", count: 40, cell: "电子保函!D3" });
    expect(r.issues[0].cells).toEqual(["电子保函!D3", "电子保函!D5", "电子保函!D7", "电子保函!D9", "电子保函!D11"]);
    expect(r.issues[0].message).toMatch(/^40 个投标企业各有不止一个统一社会信用代码/);
  });
});
