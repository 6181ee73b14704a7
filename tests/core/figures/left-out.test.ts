// A row with an error counts in no figure (LEDGERS.md); each figure of that ledger says it may be short
// by it, with the cell to fix — so a report's 2 is never silently one session short of the ledger's 3.
import type { RawCell } from "../../../src/core/types";
import { runWithDefinitions } from "./build";
import { sheet } from "../ledger/build";

const STUDY: RawCell[] = ["日期", "形式", "主题", "参加人数"];
const TOPIC_COUNT: RawCell[] = ["study.topic", "专题学习次数", "学习记录", "计数", "形式=专题学习", "本期", "整数", ""];
const MANUAL: RawCell[] = ["goal", "目标要求条数", "", "", "", "", "整数", 7];

function studies(...attendance: RawCell[]) {
  return sheet("学习记录", [STUDY, ...attendance.map((n, i): RawCell[] => [`2022-0${i + 1}-10`, "专题学习", `第${i + 1}次`, n])]);
}

describe("figures of a ledger with rows left out for errors", () => {
  it("say how many rows were left out and the cell whose error did it", () => {
    const { figure, issues } = runWithDefinitions(studies(30, "约30", 25), [TOPIC_COUNT, MANUAL]);
    expect(issues.some((i) => i.severity === "error" && i.cell === "学习记录!D3")).toBe(true);
    expect(figure("study.topic")).toMatchObject({ value: 2, rowsLeftOut: { count: 1, cells: ["学习记录!D3"] } });
  });

  it("carry no mark when every row counted, nor on a manual figure", () => {
    const { figure } = runWithDefinitions(studies(30, 12, 25), [TOPIC_COUNT, MANUAL]);
    expect(figure("study.topic").value).toBe(3);
    expect(figure("study.topic").rowsLeftOut).toBeUndefined();
    const bad = runWithDefinitions(studies(30, "约30"), [TOPIC_COUNT, MANUAL]);
    expect(bad.figure("goal").rowsLeftOut).toBeUndefined();
  });

  it("count a record-like row below a note line, which is read as no record, and name its cell", () => {
    const sheetWithNote = sheet("学习记录", [
      STUDY,
      ["2022-01-10", "专题学习", "第1次", 30],
      ["注：参加人数以签到表为准"],
      ["2022-03-10", "专题学习", "第2次", 12],
    ]);
    const { figure, issues } = runWithDefinitions(sheetWithNote, [TOPIC_COUNT]);
    const below = issues.find((i) => i.code === "row.after_notes");
    expect(below?.cell).toBe("学习记录!A4");
    expect(figure("study.topic")).toMatchObject({ value: 1, rowsLeftOut: { count: 1, cells: ["学习记录!A4"] } });
  });

  it("name at most three cells however many rows were left out, and count them all", () => {
    const { figure } = runWithDefinitions(studies("a", "b", "c", "d", "e"), [TOPIC_COUNT]);
    expect(figure("study.topic").rowsLeftOut?.count).toBe(5);
    expect(figure("study.topic").rowsLeftOut?.cells).toHaveLength(3);
  });
});
