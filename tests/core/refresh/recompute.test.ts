import { overridesFromRecord } from "../../../src/core/refresh/recompute";
import type { LinkRecord } from "../../../src/core/types";

const record: LinkRecord = {
  version: 1,
  workbookId: "wb-1",
  workbookName: "台账.xlsx",
  templateId: "default",
  period: { start: "2022-01-01", end: "2022-12-31" },
  scope: "交易一科",
  generatedAt: "2023-01-05T00:00:00Z",
  figures: [],
};

describe("recomputing a report's figures", () => {
  it("keeps the report's own period, year, scope and template", () => {
    expect(overridesFromRecord(record)).toEqual({
      periodStart: "2022-01-01",
      periodEnd: "2022-12-31",
      year: 2022,
      scope: "交易一科",
      template: "default",
    });
  });

  it("lets a chosen year move the period with it", () => {
    const o = overridesFromRecord(record, { year: 2023 });
    expect(o.year).toBe(2023);
    expect(o.periodStart).toBeUndefined();
    expect(o.periodEnd).toBeUndefined();
    expect(o.scope).toBe("交易一科");
  });

  it("takes an explicit period over the recorded one", () => {
    const o = overridesFromRecord(record, { year: 2023, periodStart: "2023-01-01", periodEnd: "2023-06-30" });
    expect(o).toMatchObject({ periodStart: "2023-01-01", periodEnd: "2023-06-30", year: 2023 });
  });
});
