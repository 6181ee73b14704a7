// 列名对照 read from a file: the .xlsx reader hands the sheet to the engine, which binds the renamed
// header by it — the same path the Word pane's file read takes (readXlsx on the whole file).
import { readXlsx } from "../../../src/adapters/xlsx";
import { isSheetRead } from "../../../src/core/ledger/sheets";
import { runEngine } from "../../../src/core/engine";
import { readWorkbookFileLazily } from "../../../src/taskpane/shell/services";
import { renamedStudyWorkbook, STUDY_COUNTS } from "../../helpers/renamed-workbook";

const overrides = { year: 2022, periodStart: "2022-01-01", periodEnd: "2022-12-31" };

describe("列名对照 through the .xlsx reader", () => {
  it("binds 学习方式 as 形式 and the study figures are the exact counts", async () => {
    const bytes = await renamedStudyWorkbook({ mapping: [["学习记录", "形式", "学习方式"]] });
    const workbook = readXlsx(bytes, { name: "台账.xlsx" });
    expect(workbook.tables.map((t) => t.sheet)).toContain("列名对照");
    const result = runEngine(workbook, { overrides });
    expect(result.ledgers.ledgers.学习记录!.columns.find((c) => c.name === "形式")).toMatchObject({ header: "学习方式", column: "C" });
    expect(result.issues.filter((i) => i.code === "ledger.missing_column" || i.code.startsWith("column_map."))).toEqual([]);
    for (const [id, count] of Object.entries(STUDY_COUNTS))
      expect([id, result.figures.find((f) => f.id === id)!.value]).toEqual([id, count]);
  });

  it("without the row, says at C4 that 学习方式 is probably 形式 and the ledger lacks the column", async () => {
    const workbook = readXlsx(await renamedStudyWorkbook(), { name: "台账.xlsx" });
    const result = runEngine(workbook, { overrides });
    const missing = result.issues.find((i) => i.code === "ledger.missing_column")!;
    expect(missing.cell).toBe("学习记录!C4");
    expect(missing.message).toMatch(/^学习记录!C4「学习方式」是不是“形式”？/);
    expect(result.ledgers.ledgers.学习记录!.columns.map((c) => c.name)).not.toContain("形式");
  });

  it("the Word pane's file read (readWorkbookFile) hands 列名对照 to the engine too", async () => {
    const bytes = await renamedStudyWorkbook({ mapping: [["学习记录", "形式", "学习方式"]] });
    const result = runEngine(await readWorkbookFileLazily(bytes, "台账.xlsx"), { overrides });
    for (const [id, count] of Object.entries(STUDY_COUNTS))
      expect([id, result.figures.find((f) => f.id === id)!.value]).toEqual([id, count]);
  });

  it("the command line reads the sheet: isSheetRead keeps 列名对照 and its table", () => {
    expect(isSheetRead("列名对照", [])).toBe(true);
    expect(isSheetRead("对照表", ["ColumnNames"])).toBe(true);
    expect(isSheetRead("说明", [])).toBe(false);
  });
});
