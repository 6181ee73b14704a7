import { overridesFromRecord, recomputeForReport } from "../../../src/core/refresh/recompute";
import { planRefresh } from "../../../src/core/refresh/plan";
import { runEngine } from "../../../src/core/engine";
import { sampleWorkbook } from "../../adapters/docx/refresh/clerk";
import type { LinkRecord } from "../../../src/core/types";
import { linkRecordOf } from "../../helpers/link-record";
import { settingsSheet } from "../../helpers/settings-sheet";
import { rawTable, rawWorkbook } from "../../helpers/raw-workbook";
import { DEFAULT_DEFINITIONS, DEFINITION_HEADERS, definitionToRow } from "../../../src/core/figures";

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

describe("next year's report from last year's", () => {
  // The 2022 report of a workbook whose 目标要求条数 is a 手工值 and whose 落款日期 is early 2023.
  const definitions = rawTable("指标定义", [
    DEFINITION_HEADERS,
    ...DEFAULT_DEFINITIONS.map((d) => (d.id === "goals.count" ? { ...d, manualValue: 7 } : d)).map(definitionToRow),
  ]);
  const workbook = rawWorkbook("台账.xlsx", settingsSheet({ 落款日期: "2023-01-10" }), definitions);
  const lastYear = linkRecordOf(
    [{ id: "goals.count", name: "目标要求条数", value: 7, text: "7", fingerprint: "m", ledger: null, conditions: "", rows: 0 }],
    { workbookId: "wb-1" },
  );
  const carried = (year?: number) =>
    recomputeForReport(workbook, lastYear, year === undefined ? {} : { overrides: { year } }).issues.filter((i) =>
      ["refresh.manual_carried", "refresh.signature_date_early", "refresh.next_year_workbook_year"].includes(i.code),
    );

  it("names each 手工值 taken over from last year, with its value, last year and its 指标定义 cell", () => {
    const manual = carried(2023).filter((i) => i.code === "refresh.manual_carried");
    expect(manual).toHaveLength(1);
    expect(manual[0]).toMatchObject({ severity: "warning", cell: expect.stringMatching(/^指标定义!/) });
    expect(manual[0].message).toContain("目标要求条数 7 仍是 2022 年的手工值");
    expect(manual[0].messageEn).toContain("2022");
  });

  it("warns of a 落款日期 before the new period's end, at its 报告设置 cell", () => {
    const early = carried(2023).filter((i) => i.code === "refresh.signature_date_early");
    expect(early).toHaveLength(1);
    expect(early[0].cell).toMatch(/^报告设置!/);
    expect(early[0].message).toContain("2023-01-10");
    expect(early[0].message).toContain("2023-12-31");
  });

  it("warns that the workbook's 年度 is not the new report's year", () => {
    const year = carried(2023).filter((i) => i.code === "refresh.next_year_workbook_year");
    expect(year).toHaveLength(1);
    expect(year[0].message).toContain("2022");
    expect(year[0].message).toContain("2023");
  });

  it("says none of this when the report is refreshed for its own year", () => {
    expect(carried()).toEqual([]);
    expect(carried(2022)).toEqual([]);
  });

  it("says nothing of a 落款日期 after the new period or of a workbook already set to the new year", () => {
    const ready = rawWorkbook("台账.xlsx", settingsSheet({ 年度: "2023", 落款日期: "2024-01-10" }), definitions);
    const codes = recomputeForReport(ready, lastYear, { overrides: { year: 2023 } }).issues.map((i) => i.code);
    expect(codes).not.toContain("refresh.signature_date_early");
    expect(codes).not.toContain("refresh.next_year_workbook_year");
    expect(codes).toContain("refresh.manual_carried");
  });
});
