import ExcelJS from "exceljs";
import { LEDGER_SPECS } from "../../../src/core/ledger/schema";
import { writeSetupWorkbook } from "../../../src/adapters/xlsx/setup-writer";
import { VALIDATED_ROWS } from "../../../src/core/workbook/spec";
import { GUARANTEE_HEADERS } from "../../../bench/generate-ledger";
import { NEW_WORKBOOK_SHEETS } from "../../helpers/new-workbook";

const settingsRows: [string, string][] = [
  ["年度", "2022"],
  ["单位名称", "某市公共资源交易中心"],
  ["期间开始", "2022-01-01"],
];
const definitionHeaders = ["指标ID", "名称", "台账", "统计", "条件", "区间", "格式", "手工值"];
const definitionRows: (string | number)[][] = [
  ["goals.count", "目标要求", "", "", "", "", "整数", 20],
  ["eg.count", "电子保函笔数", "电子保函", "计数", "状态≠撤销", "截至期末", "整数", ""],
];

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

type ReadTable = { name: string; tableRef: string; columns: { name: string }[] };
function tablesOf(sheet: ExcelJS.Worksheet): ReadTable[] {
  // A table read from a file keeps what the file said in `.table` (exceljs's typings omit it).
  return sheet.getTables().map((t) => (t as unknown as { table: ReadTable }).table);
}
function validationAt(sheet: ExcelJS.Worksheet, address: string): ExcelJS.DataValidation | undefined {
  return (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[address];
}

describe("the set-up workbook writer", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await readBack(await writeSetupWorkbook({ settingsRows, definitionHeaders, definitionRows }));
  });

  it("writes the two configuration sheets first, then one sheet per ledger named in Chinese", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(NEW_WORKBOOK_SHEETS);
  });

  it("puts each ledger in a table named by its English name, with the spec's headers and a few empty rows", () => {
    for (const spec of LEDGER_SPECS) {
      const sheet = workbook.getWorksheet(spec.name)!;
      const tables = tablesOf(sheet);
      expect(tables.map((t) => t.name)).toEqual([spec.english]);
      const lastColumn = String.fromCharCode(64 + spec.columns.length);
      expect(tables[0].tableRef).toBe(`A1:${lastColumn}6`);
      for (let row = 2; row <= 6; row++) {
        for (let col = 1; col <= spec.columns.length; col++) expect(sheet.getCell(row, col).value).toBeNull();
      }
    }
    const guarantees = workbook.getWorksheet("电子保函")!;
    expect(tablesOf(guarantees)[0].columns.map((c) => c.name)).toEqual([...GUARANTEE_HEADERS]);
    expect(guarantees.getCell("F1").value).toBe("保证金金额（元）");
  });

  it("offers the enumeration's values as a drop-down list on enum and yes/no columns", () => {
    const study = workbook.getWorksheet("学习记录")!;
    expect(validationAt(study, "B2")).toMatchObject({
      type: "list",
      allowBlank: true,
      formulae: ['"专题学习,专题研讨,线上研讨,主题宣讲,集中收看,个人自学,党课,其他"'],
    });
    expect(validationAt(study, `B${VALIDATED_ROWS + 1}`)?.type).toBe("list");
    expect(validationAt(study, `B${VALIDATED_ROWS + 2}`)).toBeUndefined();
    expect(validationAt(study, "C2")).toBeUndefined();
    const people = workbook.getWorksheet("人员")!;
    expect(validationAt(people, "E2")).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(validationAt(people, "B3")).toMatchObject({ type: "list", formulae: ['"党员干部,聘用人员,其他"'] });
    expect(validationAt(workbook.getWorksheet("电子保函")!, "H2")).toMatchObject({ formulae: ['"有效,撤销"'] });
  });

  it("validates date columns as dates and formats them yyyy-mm-dd", () => {
    const guarantees = workbook.getWorksheet("电子保函")!;
    const rule = validationAt(guarantees, "B2")!;
    expect(rule.type).toBe("date");
    expect(rule.allowBlank).toBeUndefined();
    expect((rule.formulae as Date[]).map((d) => d.toISOString().slice(0, 10))).toEqual(["1990-01-01", "2099-12-31"]);
    expect(guarantees.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(guarantees.getColumn(2).numFmt).toBe("yyyy-mm-dd");
    const teams = workbook.getWorksheet("队伍")!;
    expect(validationAt(teams, "C2")).toMatchObject({ type: "date", allowBlank: true });
    expect(teams.getCell("C4").numFmt).toBe("yyyy-mm-dd");
  });

  it("formats money as #,##0.00 and keeps credit codes as text", () => {
    const guarantees = workbook.getWorksheet("电子保函")!;
    expect(guarantees.getCell("F2").numFmt).toBe("#,##0.00");
    expect(guarantees.getColumn(6).numFmt).toBe("#,##0.00");
    expect(guarantees.getCell("D2").numFmt).toBe("@");
    expect(guarantees.getCell("C2").numFmt).toBeUndefined();
  });

  it("freezes the header row of every sheet", () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
  });

  it("makes each column at least as wide as its header, counting Chinese characters as two", () => {
    const guarantees = workbook.getWorksheet("电子保函")!;
    expect(guarantees.getColumn(4).width).toBe(20); // 统一社会信用代码: 8 characters → 16, + filter button
    expect(guarantees.getColumn(6).width).toBe(20); // 保证金金额（元）
    expect(guarantees.getColumn(2).width).toBe(12);
    const study = workbook.getWorksheet("学习记录")!;
    expect(study.getColumn(1).width).toBe(12);
    expect(study.getColumn(3).width).toBe(10);
  });

  it("writes 报告设置 as the ReportSettings table of the caller's 项目/值 rows, kept as text", () => {
    const sheet = workbook.getWorksheet("报告设置")!;
    const [table] = tablesOf(sheet);
    expect(table.name).toBe("ReportSettings");
    expect(table.tableRef).toBe("A1:B4");
    expect(table.columns.map((c) => c.name)).toEqual(["项目", "值"]);
    expect([2, 3, 4].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 2).value])).toEqual(settingsRows);
    expect(sheet.getCell("B3").numFmt).toBe("@");
  });

  it("writes 指标定义 as the FigureDefinitions table with drop-downs for 台账, 区间 and 格式", () => {
    const sheet = workbook.getWorksheet("指标定义")!;
    const [table] = tablesOf(sheet);
    expect(table.name).toBe("FigureDefinitions");
    expect(table.tableRef).toBe("A1:H3");
    expect(table.columns.map((c) => c.name)).toEqual(definitionHeaders);
    expect(sheet.getCell("A3").value).toBe("eg.count");
    expect(sheet.getCell("H2").value).toBe(20);
    expect(validationAt(sheet, "C2")).toMatchObject({
      type: "list",
      allowBlank: true,
      formulae: ['"学习记录,共建单位,电子保函,活动记录,人员,队伍"'],
    });
    expect(validationAt(sheet, "F3")).toMatchObject({ type: "list", formulae: ['"本期,截至期末,全部"'] });
    expect(validationAt(sheet, "G2")).toMatchObject({ type: "list", formulae: ['"整数,余,亿元,万元,百分比"'] });
    expect(validationAt(sheet, "D2")).toMatchObject({ type: "any", showInputMessage: true, promptTitle: "统计" });
    expect(validationAt(sheet, "E2")).toBeUndefined();
  });

  it("lays out only the ledgers asked for, and offers only those in the 台账 drop-down", async () => {
    const only = LEDGER_SPECS.filter((s) => s.name === "电子保函" || s.name === "人员");
    const small = await readBack(await writeSetupWorkbook({ settingsRows: [], definitionHeaders, definitionRows: [], ledgers: only }));
    expect(small.worksheets.map((s) => s.name)).toEqual(["报告设置", "指标定义", "电子保函", "人员"]);
    expect(tablesOf(small.getWorksheet("报告设置")!)[0].tableRef).toBe("A1:B2");
    expect(validationAt(small.getWorksheet("指标定义")!, "C2")?.formulae).toEqual(['"电子保函,人员"']);
  });
});
