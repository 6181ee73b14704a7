import { readLedgers } from "../../../src/core/ledger";
import type { RawCell } from "../../../src/core/types";
import { codes, partnerSheet, sheet, studySheet, workbook } from "./build";

const SHEET = "电子保函台账（交易一科）";
const A = "'电子保函台账（交易一科）'!";

// Laid out the way a clerk keeps it: merged title, unit line, blank row, header with 序号,
// 部门 merged down two records, a 合计 row and a note under the data.
const values: RawCell[][] = [
  ["2022年电子保函台账", null, null, null, null, null, null, null, null],
  ["填报单位：交易一科　　填报日期：2023年1月5日", "", "", "", "", "", "", "", ""],
  ["", "", "", "", "", "", "", "", ""],
  ["序号", "部门", "保函编号", "开立日期", "投标企业", "统一社会信用代码", "保证金金额（元）", "出函机构", "状态"],
  [1, "交易一科", "BH2022-001", 44621, "甲建设有限公司", "914403001922038216", "1.2万", "某银行", ""],
  [2, null, "BH2022-002", "2022/3/15", "乙工程公司", "91350100M000100Y43", 50000, "某担保公司", "撤销"],
  [3, "综合科", "BH2022-003", "二〇二二年某日", "丙公司", "", 3000, "", ""],
  ["合计", "", "", "", "", "", 65000, "", ""],
  ["注：金额单位为元", null, null, null, null, null, null, null, null],
  [4, "综合科", "BH2022-004", 44700, "丁公司", "", 1, "", ""],
];

describe("a realistic messy ledger sheet", () => {
  const set = readLedgers(
    workbook(
      studySheet(),
      partnerSheet(),
      sheet(SHEET, values, {
        merges: [
          { top: 0, left: 0, bottom: 0, right: 8 },
          { top: 4, left: 1, bottom: 5, right: 1 },
        ],
      }),
    ),
    { periodEnd: "2022-12-31" },
  );
  const ledger = set.ledgers.电子保函!;

  it("reads exactly the two good records, with the merged 部门 on both", () => {
    // The rows as the LedgerRow interface shows them (the reader's rows keep their values by column).
    const rows = ledger.rows.map(({ sheet, row, department, values, columns }) => ({ sheet, row, department, values, columns }));
    expect(rows).toEqual([
      {
        sheet: SHEET,
        row: 5,
        department: "交易一科",
        values: {
          部门: "交易一科",
          保函编号: "BH2022-001",
          开立日期: "2022-03-01",
          投标企业: "甲建设有限公司",
          统一社会信用代码: "914403001922038216",
          保证金金额: 12000,
          出函机构: "某银行",
          状态: "有效",
        },
        columns: {
          部门: "B",
          保函编号: "C",
          开立日期: "D",
          投标企业: "E",
          统一社会信用代码: "F",
          保证金金额: "G",
          出函机构: "H",
          状态: "I",
        },
      },
      expect.objectContaining({
        row: 6,
        department: "交易一科",
        values: expect.objectContaining({ 部门: "交易一科", 开立日期: "2022-03-15", 保证金金额: 50000, 状态: "撤销" }),
      }),
    ]);
  });
  it("excludes the record with the unreadable date, skips the 合计 row and the note, and warns at the record typed under the note", () => {
    expect(codes(set.issues)).toEqual([
      `error date.unparseable ${A}D7`,
      `info row.total_skipped ${A}A8`,
      `info row.notes_skipped ${A}A9`,
      `warning row.after_notes ${A}A10`,
    ]);
    expect(set.issues.find((i) => i.code === "row.after_notes")?.message).toMatch(/第9行.*没有作为记录读取.*移到合计行和制表人行的上方/);
    expect(set.issues.find((i) => i.code === "date.unparseable")?.message).toBe(`${A}D7 日期无法识别：“二〇二二年某日”`);
    expect(ledger.excluded).toBe(1);
  });
  it("records the source with its header row, department and the records read", () => {
    expect(ledger.sources).toEqual([{ sheet: SHEET, department: "交易一科", headerRow: 4, rowsRead: 3 }]);
    expect(ledger.columns.map((c) => `${c.column}:${c.name}:${c.header}`)).toEqual([
      "B:部门:部门",
      "C:保函编号:保函编号",
      "D:开立日期:开立日期",
      "E:投标企业:投标企业",
      "F:统一社会信用代码:统一社会信用代码",
      "G:保证金金额:保证金金额（元）",
      "H:出函机构:出函机构",
      "I:状态:状态",
    ]);
  });
});
