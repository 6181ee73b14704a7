// 队伍's 成立日期 is optional. A team without one used to drop silently out of every 截至期末
// figure; now it counts by LEDGERS.md's rule for undated records — there all along: in 截至期末 and
// 全部, in no 本期 figure — and the reader says so at the cell, one grouped warning when many.
import { readLedgers } from "../../../src/core/ledger";
import { DEFAULT_DEFINITIONS, evaluateFigures } from "../../../src/core/figures";
import type { FigureDefinition, RawCell } from "../../../src/core/types";
import { partnerSheet, sheet, studySheet, workbook, readSheets } from "../ledger/build";

const YEAR = { periodStart: "2022-01-01", periodEnd: "2022-12-31", scope: "" };
const TEAM_HEADER: RawCell[] = ["名称", "类型", "成立日期"];

function teams(rows: RawCell[][]) {
  return readLedgers(workbook(studySheet(), partnerSheet(), sheet("队伍", [TEAM_HEADER, ...rows])), { periodEnd: YEAR.periodEnd });
}

const vanguard = DEFAULT_DEFINITIONS.find((d) => d.id === "teams.vanguard.count")!;
const withPeriod = (period: FigureDefinition["period"]): FigureDefinition => ({ ...vanguard, id: `vanguard.${period}`, period });
const values = (set: ReturnType<typeof teams>, defs: FigureDefinition[]) =>
  evaluateFigures(defs, set, YEAR).figures.map((f) => [f.id, f.value, f.rowRefs.map((r) => r.row)]);

describe("a team without 成立日期", () => {
  it("counts at the period end, as a team whose ledger has no date column does, and the clerk is told at the cell", () => {
    const set = teams([
      ["先锋一队", "党员先锋队", "2020-03-01"],
      ["先锋二队", "党员先锋队", ""],
      ["先锋三队", "党员先锋队", "2023-03-01"], // after the period end: not yet founded
    ]);
    expect(values(set, [vanguard])).toEqual([["teams.vanguard.count", 2, [2, 3]]]);
    const warning = set.issues.find((i) => i.code === "date.blank")!;
    expect(warning).toMatchObject({ severity: "warning", ledger: "队伍", cell: "队伍!C3" });
    expect(warning.message).toContain("成立日期为空");
    expect(warning.message).toContain("截至期末");
    expect(warning.messageEn).toContain("no 本期 figure");
  });

  it("is in 全部 and 截至期末 figures but in no 本期 figure, whose founding in the period is unknown", () => {
    const set = teams([
      ["先锋一队", "党员先锋队", "2022-03-01"],
      ["先锋二队", "党员先锋队", null],
    ]);
    expect(values(set, [withPeriod("all"), withPeriod("toEnd"), withPeriod("current")])).toEqual([
      ["vanguard.all", 2, [2, 3]],
      ["vanguard.toEnd", 2, [2, 3]],
      ["vanguard.current", 1, [2]],
    ]);
  });

  it("in many rows is one grouped warning with the count, the first cells and the range", () => {
    const rows: RawCell[][] = Array.from({ length: 40 }, (_, i) => [`先锋${i + 1}队`, "党员先锋队", ""]);
    const set = teams(rows);
    const blank = set.issues.filter((i) => i.code === "date.blank");
    expect(blank).toHaveLength(1);
    expect(blank[0]).toMatchObject({ count: 40, range: "队伍!C2:C41", cell: "队伍!C2" });
    expect(blank[0].cells).toEqual(["队伍!C2", "队伍!C3", "队伍!C4", "队伍!C5", "队伍!C6"]);
    expect(values(set, [vanguard])[0][1]).toBe(40);
  });

  it("is not said of a ledger whose date is required: a blank 日期 there is an error and the row is left out", () => {
    const set = readSheets(
      sheet("学习记录", [
        ["日期", "形式", "主题"],
        ["", "专题学习", "二十大"],
      ]),
      partnerSheet(),
    );
    expect(set.issues.filter((i) => i.ledger === "学习记录").map((i) => [i.severity, i.code, i.cell])).toEqual([
      ["error", "required.blank", "学习记录!A2"],
    ]);
  });
});
