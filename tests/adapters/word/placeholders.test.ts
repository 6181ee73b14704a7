// The Word path with figures the ledgers cannot support, and with the wrong workbook: a placeholder
// is highlighted and filled by a later refresh (a number never stays yellow), and a refresh from a
// workbook other than the report's writes nothing unless the clerk confirms it.
import { openInWord } from "../../helpers/simulated-word";
import { renderDocx } from "../../../src/adapters/docx";
import { refreshInWord } from "../../../src/adapters/word";
import { runEngine } from "../../../src/core/engine";
import { OtherWorkbookError } from "../../../src/core/refresh/recompute";
import type { RawWorkbook } from "../../../src/core/types";
import { type SimulatedWord } from "../../../src/simulated-host/word";
import { GENERATED_AT, ledgerWorkbook, REFRESHED_AT } from "./fixture";

const YOUTH = "lr:study.youth_online.count";

/** The fixture's workbook with an 组织 column, so 青年线上学习研讨次数 can be counted. */
function withOrganiser(): RawWorkbook {
  const wb = ledgerWorkbook();
  return {
    ...wb,
    tables: wb.tables.map((t) =>
      t.sheet === "学习记录"
        ? {
            ...t,
            values: [
              [...t.values[0], "组织"],
              ...t.values.slice(1).map((r) => [...r, "党组"]),
              ["2022-09-09", "线上研讨", "二十大精神", "青年理论学习小组"],
            ],
          }
        : t,
    ),
  };
}

async function reportFrom(workbook: RawWorkbook, workbookId?: string) {
  const result = runEngine(workbook, { overrides: { year: 2022, ...(workbookId ? { workbookId } : {}) }, generatedAt: GENERATED_AT });
  return { bytes: await renderDocx(result.report, result.link), result };
}

describe("placeholders in the open report", () => {
  let sim: SimulatedWord;
  const open = (bytes: Uint8Array) => {
    sim = openInWord(bytes);
  };

  test("a placeholder arrives highlighted, and the number a refresh writes over it is not", async () => {
    const { bytes, result } = await reportFrom(ledgerWorkbook());
    expect(result.figures.find((f) => f.id === "study.youth_online.count")?.unresolved?.code).toBe("column_missing");
    open(bytes);
    const before = sim.document.controls().find((c) => c.tag === YOUTH)!;
    expect(before.text).toBe("［待补：青年线上学习研讨次数］");
    expect(sim.document.highlightsByTag(YOUTH)).toEqual(["yellow"]);
    expect(sim.document.highlightsByTag("lr:eg.count")).toEqual([null]);

    const refresh = await refreshInWord(withOrganiser(), { generatedAt: REFRESHED_AT });
    // Filling a placeholder is no conflict: the clerk did not write it.
    expect(refresh.plan.conflicts).toEqual([]);
    expect(refresh.plan.updated.find((u) => u.id === "study.youth_online.count")).toEqual({
      id: "study.youth_online.count",
      old: "［待补：青年线上学习研讨次数］",
      new: "1",
    });
    await refresh.apply();
    expect(sim.document.controls().find((c) => c.tag === YOUTH)!.text).toBe("1");
    expect(sim.document.highlightsByTag(YOUTH)).toEqual([null]);
  });

  test("a number the ledgers no longer support becomes a highlighted placeholder, never 0", async () => {
    const { bytes } = await reportFrom(withOrganiser());
    open(bytes);
    expect(sim.document.controls().find((c) => c.tag === YOUTH)!.text).toBe("1");
    const refresh = await refreshInWord(ledgerWorkbook(), { generatedAt: REFRESHED_AT });
    await refresh.apply();
    expect(sim.document.controls().find((c) => c.tag === YOUTH)!.text).toBe("［待补：青年线上学习研讨次数］");
    expect(sim.document.highlightsByTag(YOUTH)).toEqual(["yellow"]);
  });
});

describe("refreshing the open report from another workbook", () => {
  let sim: SimulatedWord;
  beforeEach(async () => {
    const { bytes } = await reportFrom(ledgerWorkbook(), "A-1");
    sim = openInWord(bytes);
  });

  test("throws OtherWorkbookError naming both, before any write, when the workbook has another id or none", async () => {
    const texts = () => sim.document.controls().map((c) => c.text);
    const before = texts();
    const parts = sim.document.customXmlParts().map((p) => p.xml);
    for (const id of ["B-2", ""]) {
      const error = await refreshInWord(withOrganiser(), { generatedAt: REFRESHED_AT, overrides: { workbookId: id } }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(OtherWorkbookError);
      expect((error as OtherWorkbookError).mismatch).toEqual({
        report: { id: "A-1", name: "台账2022.xlsx" },
        workbook: { id, name: "台账2022.xlsx" },
      });
    }
    expect(texts()).toEqual(before);
    expect(sim.document.customXmlParts().map((p) => p.xml)).toEqual(parts);
  });

  test("goes ahead when the clerk confirms, and says so among the issues", async () => {
    const refresh = await refreshInWord(withOrganiser(), {
      generatedAt: REFRESHED_AT,
      overrides: { workbookId: "B-2" },
      allowOtherWorkbook: true,
    });
    expect(refresh.issues.map((i) => i.code)).toContain("refresh.other_workbook");
    await refresh.apply();
    expect(sim.document.controls().find((c) => c.tag === YOUTH)!.text).toBe("1");
  });
});
