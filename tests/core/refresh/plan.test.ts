import { planRefresh } from "../../../src/core/refresh/plan";
import type { LinkRecord, LinkedFigure } from "../../../src/core/types";
import { linkRecordOf } from "../../helpers/link-record";

function fig(id: string, text: string, value: number | null = Number(text) || null): LinkedFigure {
  return { id, name: id, value, text, fingerprint: `fp-${id}-${text}`, ledger: "电子保函", conditions: "", rows: 1 };
}
function record(figures: LinkedFigure[], generatedAt = "2023-01-05T00:00:00Z"): LinkRecord {
  return linkRecordOf(figures, { generatedAt });
}

describe("planning a refresh", () => {
  const previous = record([
    fig("eg.count", "3567"),
    fig("partners.count", "11"),
    fig("eg.amount", "15.20"),
    fig("study.seminar.count", "8"),
  ]);
  const fresh = record(
    [
      fig("eg.count", "3601"),
      fig("partners.count", "12"),
      fig("eg.amount", "15.20"),
      fig("study.seminar.count", "9"),
      fig("new.figure", "5"),
    ],
    "2023-02-01T00:00:00Z",
  );

  it("replaces a figure still showing the text last written", () => {
    const plan = planRefresh(previous, [{ id: "eg.count", text: "3567" }], fresh);
    expect(plan.updated).toEqual([{ id: "eg.count", old: "3567", new: "3601" }]);
    expect(plan.writes).toEqual([{ index: 0, id: "eg.count", text: "3601" }]);
  });

  it("keeps a figure the clerk edited by hand and reports it as a conflict", () => {
    const plan = planRefresh(previous, [{ id: "partners.count", text: "十一" }], fresh);
    expect(plan.conflicts).toEqual([{ id: "partners.count", copy: 1, written: "11", current: "十一", new: "12", resolution: "keep" }]);
    expect(plan.writes).toEqual([]);
    // The record still remembers what we wrote, so the next refresh sees the edit again.
    expect(plan.record.figures.find((f) => f.id === "partners.count")!.text).toBe("11");
  });

  it("keeps a hand edit as written, not as a conflict, when the ledgers did not move", () => {
    const plan = planRefresh(previous, [{ id: "eg.amount", text: "约15亿" }], fresh);
    expect(plan.conflicts).toEqual([]);
    expect(plan.kept).toEqual([{ id: "eg.amount", copy: 1, written: "15.20", current: "约15亿", new: "15.20", agrees: false }]);
    expect(plan.writes).toEqual([]);
    expect(plan.record.figures.find((f) => f.id === "eg.amount")!.text).toBe("15.20");
  });

  it("tells a kept text that says another number (or nothing) from one that says the ledgers' number another way", () => {
    const same = record([fig("eg.count", "7")]);
    const kept = (text: string) => planRefresh(same, [{ id: "eg.count", text }], same).kept[0];
    expect(kept("999")).toMatchObject({ current: "999", new: "7", agrees: false });
    expect(kept("")).toMatchObject({ current: "", new: "7", agrees: false });
    expect(kept("七")).toMatchObject({ current: "七", new: "7", agrees: true });
  });

  it("lists a figure placed twice and edited in one copy again on the next refresh", () => {
    const same = record([fig("eg.count", "7")]);
    const controls = [
      { id: "eg.count", text: "7" },
      { id: "eg.count", text: "999" },
    ];
    const first = planRefresh(same, controls, same);
    expect(first.kept).toEqual([expect.objectContaining({ current: "999", agrees: false })]);
    const second = planRefresh(first.record, controls, same);
    expect(second.kept).toEqual([expect.objectContaining({ current: "999", agrees: false })]);
    expect(second.unchanged).not.toContain("eg.count");
  });

  it("overwrites even such an edit when told to take the ledgers' values everywhere, and says so as a taken conflict", () => {
    const plan = planRefresh(previous, [{ id: "eg.amount", text: "约15亿" }], fresh, { overwriteConflicts: true });
    expect(plan.kept).toEqual([]);
    expect(plan.conflicts).toEqual([{ id: "eg.amount", copy: 1, written: "15.20", current: "约15亿", new: "15.20", resolution: "take" }]);
    expect(plan.writes).toEqual([{ index: 0, id: "eg.amount", text: "15.20" }]);
  });

  it("reads hand-typed numbers by what they mean: the same number is no edit to decide on", () => {
    const same = record([fig("partners.count", "11"), fig("eg.count", "1200")]);
    const moved = record([fig("partners.count", "12"), fig("eg.count", "1300")]);
    /** The two figures' controls as the clerk typed them. */
    const typed = (partners: string, eg: string) => [
      { id: "partners.count", text: partners },
      { id: "eg.count", text: eg },
    ];
    // Ledgers unchanged, the clerk restyled the number: kept as written.
    const restyled = planRefresh(same, typed("１１", "一千二百"), same);
    expect(restyled.conflicts).toEqual([]);
    expect(restyled.kept.map((k) => k.current)).toEqual(["１１", "一千二百"]);
    // The clerk already typed the new number: nothing to decide, nothing overwritten.
    const typedNew = planRefresh(same, typed("十二", "1,300"), moved);
    expect(typedNew.conflicts).toEqual([]);
    expect(typedNew.writes).toEqual([]);
    // The clerk changed the text and the ledgers moved: a true conflict.
    const both = planRefresh(same, [{ id: "partners.count", text: "十一" }], moved);
    expect(both.conflicts.map((c) => [c.current, c.new])).toEqual([["十一", "12"]]);
  });

  it("names every figure it plans, from the document's record and the workbook's", () => {
    const plan = planRefresh(previous, [], fresh);
    expect(plan.names["eg.count"]).toBe("eg.count");
    expect(Object.keys(plan.names)).toContain("new.figure");
  });

  it("overwrites conflicts when told to, globally or per figure", () => {
    const controls = [
      { id: "partners.count", text: "十一" },
      { id: "eg.count", text: "3,567" },
    ];
    const all = planRefresh(previous, controls, fresh, { overwriteConflicts: true });
    expect(all.writes.map((w) => w.text)).toEqual(["12", "3601"]);
    const one = planRefresh(previous, controls, fresh, { overwriteConflicts: true, choices: { "eg.count": "keep" } });
    expect(one.writes).toEqual([{ index: 0, id: "partners.count", text: "12" }]);
    expect(one.conflicts.map((c) => c.resolution)).toEqual(["take", "keep"]);
  });

  it("reports a deleted figure as removed and never re-inserts it", () => {
    const plan = planRefresh(previous, [{ id: "eg.count", text: "3567" }], fresh);
    expect(plan.removed).toEqual(["partners.count", "eg.amount", "study.seminar.count"]);
    expect(plan.writes.every((w) => w.id === "eg.count")).toBe(true);
    expect(plan.record.figures.map((f) => f.id)).toEqual(["eg.count"]);
  });

  it("lists unchanged figures and figures the document has no place for", () => {
    const plan = planRefresh(previous, [{ id: "eg.amount", text: "15.20" }], fresh);
    expect(plan.unchanged).toEqual(["eg.amount"]);
    expect(plan.notInDocument).toEqual(["new.figure"]);
  });

  it("updates every control of a figure that appears several times", () => {
    const prev = record([fig("setting.year", "2022")]);
    const next = record([fig("setting.year", "2023")]);
    const plan = planRefresh(
      prev,
      [
        { id: "setting.year", text: "2022" },
        { id: "setting.year", text: "2022" },
      ],
      next,
    );
    expect(plan.writes.map((w) => w.index)).toEqual([0, 1]);
    expect(plan.updated).toHaveLength(1);
  });

  it("does not call it a conflict when the clerk already typed the new value", () => {
    const plan = planRefresh(previous, [{ id: "study.seminar.count", text: "9" }], fresh);
    expect(plan.conflicts).toEqual([]);
    expect(plan.writes).toEqual([]);
    expect(plan.unchanged).toEqual(["study.seminar.count"]);
  });

  it("stores the fresh record's metadata after the refresh", () => {
    const plan = planRefresh(previous, [{ id: "eg.count", text: "3567" }], fresh);
    expect(plan.record.generatedAt).toBe("2023-02-01T00:00:00Z");
    expect(plan.record.figures[0]).toEqual(fresh.figures[0]);
  });
});
