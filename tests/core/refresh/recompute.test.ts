import { overridesFromRecord, recomputeForReport } from "../../../src/core/refresh/recompute";
import { planRefresh } from "../../../src/core/refresh/plan";
import { runEngine } from "../../../src/core/engine";
import { sampleWorkbook } from "../../adapters/docx/refresh/clerk";
import type { LinkRecord } from "../../../src/core/types";
import { linkRecordOf } from "../../helpers/link-record";

const record = linkRecordOf([], { workbookId: "wb-1", scope: "交易一科" });

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

describe("a figure the report links whose 指标定义 row was deleted", () => {
  // The sample's own report, plus a figure and a table figure the clerk had defined and later deleted.
  const workbook = sampleWorkbook();
  const generated = runEngine(workbook, { generatedAt: "2023-01-05T00:00:00Z" }).link;
  const deleted: LinkRecord = {
    ...generated,
    figures: [
      ...generated.figures,
      { id: "eg.bank.count", name: "银行出函笔数", value: 3, text: "3", fingerprint: "x", ledger: "电子保函", conditions: "", rows: 3 },
      {
        id: "eg.by_issuer",
        name: "按出函机构",
        value: null,
        text: "出函机构\n数量\n某银行\n3",
        fingerprint: "y",
        ledger: "电子保函",
        conditions: "",
        rows: 3,
        kind: "table",
      },
    ],
  };
  const { fresh } = recomputeForReport(workbook, deleted);

  it.each(["eg.bank.count", "eg.by_issuer"])("is unresolved with the reason naming %s, never its old number", (id) => {
    const figure = fresh.figures.find((f) => f.id === id)!;
    expect(figure.unresolved).toMatchObject({ reason: `“指标定义”中没有指标 ${id}` });
    expect(fresh.link.figures.find((f) => f.id === id)!.text).toMatch(/^［待补：/);
    expect(fresh.issues.some((i) => i.code === "figure.not_defined" && i.message.includes(id))).toBe(true);
  });

  it("has the refresh write its placeholder over the old text", () => {
    const controls = deleted.figures.map((f) => ({ id: f.id, text: f.text }));
    const plan = planRefresh(deleted, controls, fresh.link);
    expect(plan.unchanged).not.toContain("eg.bank.count");
    expect(plan.writes.filter((w) => w.id === "eg.bank.count" || w.id === "eg.by_issuer").map((w) => w.text)).toEqual([
      "［待补：银行出函笔数］",
      "［待补：按出函机构］",
    ]);
  });
});
