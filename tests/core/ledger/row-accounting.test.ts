// Issue #16 and #10.1: every non-blank row of a ledger's sheet is a record, an excluded row or a
// skipped one with a reason; a table's totals row is never a record; rows that look like records
// where none is read (below or beside a table, after 注/制表人) are warnings at their cells.
import type { LedgerSet, RawCell, RawTable, RowAccount } from "../../../src/core/types";
import { EG_HEADER, codes, sheet, readSheets, readBesideRequired } from "./build";

const code = "914403001922038216";
const eg = (n: number): RawCell[] => [`BH-${n}`, 44621 + n, `企业${n}`, code, 10000 * n, ""];

/** A 电子保函 sheet holding a table at `rect`, with the sheet's other cells around it, as the readers give it. */
function tableOnSheet(
  name: string,
  cells: RawCell[][],
  rect: { top: number; left: number; bottom: number; right: number },
  extra: Partial<RawTable> = {},
): RawTable {
  const values = cells.slice(rect.top, rect.bottom + 1).map((line) => {
    const out: RawCell[] = [];
    for (let c = rect.left; c <= rect.right; c++) out.push(line?.[c] ?? "");
    return out;
  });
  return {
    sheet: name,
    table: "EGuarantees",
    top: rect.top,
    left: rect.left,
    values,
    headerRows: 1,
    totalsRows: 0,
    around: { tables: [rect], regions: [{ top: 0, left: 0, values: cells }] },
    ...extra,
  };
}

function account(accounts: RowAccount[] | undefined, ledger: string, sheetName: string): RowAccount | undefined {
  return accounts?.find((a) => a.ledger === ledger && a.sheet === sheetName);
}

/** The 电子保函 ledger's account of the sheet is exactly these counts. */
function expectGuaranteeAccount(set: LedgerSet, sheetName: string, counts: Omit<RowAccount, "ledger" | "sheet">) {
  expect(account(set.rowAccounts, "电子保函", sheetName)).toEqual({ ledger: "电子保函", sheet: sheetName, ...counts });
}

describe("a table's own rows", () => {
  it("never reads the totals row as a record, whether Excel labels it 汇总, Total or nothing", () => {
    for (const label of ["汇总", "Total", ""]) {
      const cells: RawCell[][] = [EG_HEADER, eg(1), eg(2), [label, "", 2, "", 30000, ""]];
      const set = readBesideRequired(tableOnSheet("电子保函", cells, { top: 0, left: 0, bottom: 3, right: 5 }, { totalsRows: 1 }));
      expect([label, set.ledgers.电子保函?.rows.map((r) => r.row)]).toEqual([label, [2, 3]]);
      expect([label, codes(set.issues)]).toEqual([label, []]);
      expectGuaranteeAccount(set, "电子保函", { nonBlankRows: 4, records: 2, excluded: 0, skipped: { header: 1, total: 1 } });
    }
  });

  it("reads the last row as a record when the table has no totals row", () => {
    const cells: RawCell[][] = [EG_HEADER, eg(1), eg(2)];
    const set = readBesideRequired(tableOnSheet("电子保函", cells, { top: 0, left: 0, bottom: 2, right: 5 }));
    expect(set.ledgers.电子保函?.rows.map((r) => r.row)).toEqual([2, 3]);
  });
});

describe("total rows on plain sheets", () => {
  it("skips 汇总 and 汇 总 like 合计, with an info issue", () => {
    const set = readSheets(
      sheet("学习记录", [
        ["日期", "形式", "主题"],
        ["2022-01-01", "党课", "x"],
        ["汇总", "", ""],
        ["汇 总：", "", ""],
      ]),
    );
    expect(set.ledgers.学习记录?.rows.map((r) => r.row)).toEqual([2]);
    expect(codes(set.issues)).toEqual(["info row.total_skipped 学习记录!A3", "info row.total_skipped 学习记录!A4"]);
    expect(account(set.rowAccounts, "学习记录", "学习记录")?.skipped).toEqual({ header: 1, total: 2 });
  });
});

describe("total lines a clerk labels in words of their own", () => {
  // A 人员 row has no date a total line would lack: read as a record it is counted as a person.
  const labels = [
    "共计",
    "合计（人）",
    "合计人数",
    "总人数",
    "总数",
    "累计",
    "合计：15人",
    "合 计 (人数)",
    "小计：",
    "人数合计",
    "本页小计",
  ];
  it("never counts a 人员 total line as a person, whatever total word it starts with, and says each was skipped", () => {
    const set = readSheets(
      sheet("人员", [
        ["姓名", "身份", "双报到社区", "包联社区", "青年突击队", "表扬"],
        ["张三", "党员干部", "东社区", "西社区", "是", ""],
        ["李四", "党员干部", "东社区", "北社区", "否", "市级表扬"],
        ...labels.map((label): RawCell[] => [label, "", "3", "2", "", "2"]),
      ]),
    );
    expect(set.ledgers.人员?.rows.map((r) => r.values.姓名)).toEqual(["张三", "李四"]);
    expect(account(set.rowAccounts, "人员", "人员")?.skipped).toEqual({ header: 1, total: labels.length });
    // Said at the first; more than a few of one kind are one grouped issue.
    expect(codes(set.issues)).toEqual(["info row.total_skipped 人员!A4"]);
  });
  it("reads a name that only begins like a total word as the person it is", () => {
    const names = ["小明", "总建华", "共青", "累积学时", "合计划", "张累计", "人合计", "金晓合"];
    const set = readSheets(sheet("人员", [["姓名", "身份"], ...names.map((n): RawCell[] => [n, "党员干部"])]));
    expect(set.ledgers.人员?.rows.map((r) => r.values.姓名)).toEqual(names);
  });
});

describe("rows outside a table", () => {
  it("warns at each row typed directly below a table, which the table does not read", () => {
    // A table of 4 guarantees, 3 more rows pasted under it that the table did not grow to include.
    const cells: RawCell[][] = [EG_HEADER, eg(1), eg(2), eg(3), eg(4), eg(5), eg(6), eg(7)];
    const set = readBesideRequired(tableOnSheet("电子保函", cells, { top: 0, left: 0, bottom: 4, right: 5 }));
    expect(set.ledgers.电子保函?.rows.length).toBe(4);
    expect(codes(set.issues)).toEqual([
      "warning row.outside_table 电子保函!A6",
      "warning row.outside_table 电子保函!A7",
      "warning row.outside_table 电子保函!A8",
    ]);
    const warning = set.issues.find((i) => i.code === "row.outside_table")!;
    expect(warning.message).toMatch(/表格“EGuarantees”下方.*没有作为记录读取.*表设计 → 调整表格大小/);
    expect(warning.messageEn).toMatch(/below table EGuarantees.*Table Design → Resize Table/);
    expect(account(set.rowAccounts, "电子保函", "电子保函")).toMatchObject({
      nonBlankRows: 8,
      records: 4,
      skipped: { header: 1, outside_table: 3 },
    });
  });

  it("counts the titles above a table and a note below it without warning", () => {
    const cells: RawCell[][] = [["2022年电子保函台账"], [], EG_HEADER, eg(1), [], ["注：金额单位为元"], ["制表人：张三"]];
    const set = readBesideRequired(tableOnSheet("电子保函", cells, { top: 2, left: 0, bottom: 3, right: 5 }));
    expect(codes(set.issues)).toEqual([]);
    expectGuaranteeAccount(set, "电子保函", {
      nonBlankRows: 5,
      records: 1,
      excluded: 0,
      skipped: { title: 1, header: 1, note: 1, signature: 1 },
    });
  });

  it("warns at a row whose data sits beside the table, outside its columns", () => {
    const cells: RawCell[][] = [
      [...EG_HEADER, "", "备注"],
      [...eg(1), "", ""],
      ["", "", "", "", "", "", "", "BH-9", 44700, "某公司"],
    ];
    const set = readBesideRequired(tableOnSheet("电子保函", cells, { top: 0, left: 0, bottom: 2, right: 5 }));
    expect(codes(set.issues)).toEqual(["warning row.outside_table 电子保函!H3"]);
    expect(set.issues.find((i) => i.code === "row.outside_table")?.message).toMatch(/表格“EGuarantees”旁边/);
    // Row 1's 备注 beside the header is part of a row the table reads: counted once, as the header.
    expect(account(set.rowAccounts, "电子保函", "电子保函")).toMatchObject({
      nonBlankRows: 3,
      records: 1,
      skipped: { header: 1, outside_table: 1 },
    });
  });

  it("counts rows of another table on the sheet as such, not as records or warnings", () => {
    const cells: RawCell[][] = [EG_HEADER, eg(1), [], ["分类", "笔数"], ["银行", 1]];
    const table = tableOnSheet("电子保函", cells, { top: 0, left: 0, bottom: 1, right: 5 });
    table.around!.tables.push({ top: 3, left: 0, bottom: 4, right: 1 });
    const set = readBesideRequired(table);
    expect(codes(set.issues)).toEqual([]);
    expect(account(set.rowAccounts, "电子保函", "电子保函")?.skipped).toEqual({ header: 1, other_table: 2 });
  });
});

describe("rows after the notes", () => {
  it("warns at a record typed after 制表人, and counts the note and signature lines without warning", () => {
    const set = readBesideRequired(
      sheet("电子保函-交易一科", [
        ["2022年电子保函台账"],
        EG_HEADER,
        eg(1),
        ["合计", "", "", "", 10000, ""],
        ["注：单位为元"],
        ["制表人：王磊"],
        eg(2),
        ["2023年1月5日"],
      ]),
    );
    expect(set.ledgers.电子保函?.rows.map((r) => r.row)).toEqual([3]);
    expect(codes(set.issues)).toEqual([
      "info row.total_skipped '电子保函-交易一科'!A4",
      "info row.notes_skipped '电子保函-交易一科'!A5",
      "warning row.after_notes '电子保函-交易一科'!A7",
    ]);
    expectGuaranteeAccount(set, "电子保函-交易一科", {
      nonBlankRows: 8,
      records: 1,
      excluded: 0,
      skipped: { title: 1, header: 1, total: 1, note: 1, signature: 1, after_notes: 2 },
    });
  });
});

describe("the accounting of a sheet", () => {
  it("gives a sheet of only titles and a header: no records, every row skipped with its reason", () => {
    const set = readSheets(sheet("学习记录", [["2022年学习记录台账"], ["填报单位：党支部"], [], ["日期", "形式", "主题"]]));
    expect(set.rowAccounts).toEqual([
      { ledger: "学习记录", sheet: "学习记录", nonBlankRows: 3, records: 0, excluded: 0, skipped: { title: 2, header: 1 } },
    ]);
  });

  it("counts excluded rows and pre-numbered 序号 rows, and sheets whose header was not found", () => {
    const set = readSheets(
      sheet("学习记录", [["序号", "日期", "形式", "主题"], [1, "2022-01-01", "党课", "x"], [2, "", "党课", ""], [3]]),
      sheet("学习记录（二）", [["这不是表头"], ["x"]]),
    );
    expect(set.rowAccounts).toEqual([
      { ledger: "学习记录", sheet: "学习记录", nonBlankRows: 4, records: 1, excluded: 1, skipped: { header: 1, row_number_only: 1 } },
      { ledger: "学习记录", sheet: "学习记录（二）", nonBlankRows: 2, records: 0, excluded: 0, skipped: { no_header: 2 } },
    ]);
  });

  it("combines a ledger's two tables on one sheet into one account", () => {
    const cells: RawCell[][] = [EG_HEADER, eg(1), [], EG_HEADER, eg(2), eg(3)];
    const first = tableOnSheet("电子保函", cells, { top: 0, left: 0, bottom: 1, right: 5 });
    const second = tableOnSheet("电子保函", cells, { top: 3, left: 0, bottom: 5, right: 5 }, { table: "EGuarantees2" });
    first.around!.tables.push({ top: 3, left: 0, bottom: 5, right: 5 });
    second.around = first.around;
    const set = readBesideRequired(first, second);
    expect(codes(set.issues)).toEqual([]);
    expectGuaranteeAccount(set, "电子保函", { nonBlankRows: 5, records: 3, excluded: 0, skipped: { header: 2 } });
  });
});

describe("issue floods", () => {
  const rows = (n: number, codeOf: (i: number) => string) =>
    sheet("电子保函", [EG_HEADER, ...Array.from({ length: n }, (_, i) => [`BH-${i}`, 44621, "某公司", codeOf(i), 1000, ""])]);

  it("reports the same problem in many cells of one column once, with the count, the first cells and the range", () => {
    const set = readBesideRequired(rows(10000, () => "12345"));
    const flood = set.issues.filter((i) => i.code === "creditcode.invalid");
    expect(flood).toHaveLength(1);
    expect(flood[0]).toMatchObject({
      severity: "warning",
      cell: "电子保函!D2",
      count: 10000,
      cells: ["电子保函!D2", "电子保函!D3", "电子保函!D4", "电子保函!D5", "电子保函!D6"],
      range: "电子保函!D2:D10001",
      ledger: "电子保函",
    });
    expect(flood[0].message).toMatch(
      /^同一列共 10,000 处同类问题（电子保函!D2:D10001），如 D2、D3、D4、D5、D6 等。D2：统一社会信用代码“12345”有误/,
    );
    expect(flood[0].messageEn).toMatch(/^10,000 cells of one column have the same problem \(电子保函!D2:D10001\)/);
    expect(set.ledgers.电子保函?.rows).toHaveLength(10000);
  });

  it("keeps a few cells' problems as one issue each, in the order they were found", () => {
    const set = readBesideRequired(rows(5, () => "12345"));
    expect(codes(set.issues)).toEqual(["2", "3", "4", "5", "6"].map((r) => `warning creditcode.invalid 电子保函!D${r}`));
    expect(set.issues.every((i) => i.count === undefined)).toBe(true);
  });

  it("groups by column: the same problem in two columns is two issues, and errors still exclude every row", () => {
    const set = readBesideRequired(
      sheet("电子保函", [EG_HEADER, ...Array.from({ length: 20 }, (_, i) => [`BH-${i}`, "", "", code, 1000, ""])]),
    );
    const blank = set.issues.filter((i) => i.code === "required.blank");
    expect(blank.map((i) => [i.range, i.count])).toEqual([
      ["电子保函!B2:B21", 20],
      ["电子保函!C2:C21", 20],
    ]);
    expect(set.ledgers.电子保函?.excluded).toBe(20);
  });
});
