import { readLedgers } from "../../../src/core/ledger";
import { rowCellAddress } from "../../../src/core/ledger/read";
import type { RawCell } from "../../../src/core/types";
import { EG_HEADER, STUDY_HEADER, codes, partnerSheet, sheet, studySheet, workbook, readSheets, readBesideRequired } from "./build";

const CODE = "914403001922038216";
const CODE2 = "91350100M000100Y43";

function eg(rows: RawCell[][], name = "电子保函", extra = {}) {
  return readLedgers(workbook(studySheet(), partnerSheet(), sheet(name, [EG_HEADER, ...rows], extra)), { periodEnd: "2022-12-31" });
}

describe("finding ledgers in a workbook", () => {
  it("reads a table by its table name even on a sheet named otherwise", () => {
    const set = readSheets(sheet("Sheet3", [STUDY_HEADER, [44621, "党课", "廉政党课"]], { table: "StudySessions" }));
    expect(set.ledgers.学习记录?.rows.map((r) => r.values)).toEqual([{ 日期: "2022-03-01", 形式: "党课", 主题: "廉政党课" }]);
    expect(set.ledgers.学习记录?.sources).toEqual([{ sheet: "Sheet3", table: "StudySessions", headerRow: 1, rowsRead: 1 }]);
  });
  it("falls back to the sheet name when the table name says nothing", () => {
    const set = readSheets(sheet("2022年学习记录台账", [STUDY_HEADER, [44621, "党课", "廉政党课"]], { table: "Table1" }));
    expect(set.ledgers.学习记录?.rows).toHaveLength(1);
  });
  it("combines the sheets of one ledger, taking the department from each sheet name", () => {
    const set = readSheets(
      sheet("电子保函台账（交易一科）", [EG_HEADER, ["BH-1", "2022-01-01", "甲公司", CODE, 100, ""]]),
      sheet("电子保函-交易二科", [
        [...EG_HEADER, "部门"],
        ["BH-2", "2022-01-02", "乙公司", CODE2, 200, "", ""],
        ["BH-3", "2022-01-03", "丙公司", "", 300, "", "综合科"],
      ]),
    );
    const ledger = set.ledgers.电子保函!;
    expect(ledger.rows.map((r) => [r.sheet, r.row, r.values.保函编号, r.department])).toEqual([
      ["电子保函台账（交易一科）", 2, "BH-1", "交易一科"],
      ["电子保函-交易二科", 2, "BH-2", "交易二科"],
      ["电子保函-交易二科", 3, "BH-3", "综合科"],
    ]);
    expect(ledger.sources.map((s) => [s.sheet, s.department, s.rowsRead])).toEqual([
      ["电子保函台账（交易一科）", "交易一科", 1],
      ["电子保函-交易二科", "交易二科", 2],
    ]);
    expect(rowCellAddress(ledger.rows[1], "保函编号")).toBe("'电子保函-交易二科'!A2");
    expect(rowCellAddress(ledger.rows[1], "没有这一列")).toBeUndefined();
  });
  it("takes the department from the sheet name when a table named after the ledger sits on a department sheet", () => {
    const set = readSheets(sheet("电子保函-交易二科", [EG_HEADER, ["BH-1", 44621, "甲", "", 1, ""]], { table: "EGuarantees" }));
    expect(set.ledgers.电子保函?.sources).toEqual([
      { sheet: "电子保函-交易二科", table: "EGuarantees", department: "交易二科", headerRow: 1, rowsRead: 1 },
    ]);
    expect(set.ledgers.电子保函?.rows[0].department).toBe("交易二科");
  });
  it("ignores the 报告设置 and 指标定义 sheets even if they look like a ledger", () => {
    const set = readSheets(sheet("报告设置", [STUDY_HEADER, ["2022-01-01", "党课", "x"]]), sheet("指标定义", [["学习记录"]]));
    expect(set.issues.map((i) => i.code)).toEqual(["workbook.no_ledger"]);
    expect(set.ledgers).toEqual({});
  });
  it("says once, as an error, that a workbook holds no ledger at all", () => {
    const set = readSheets(sheet("Sheet1", [["a", "b"]]));
    expect(set.issues).toHaveLength(1);
    expect(set.issues[0]).toMatchObject({ severity: "error", code: "workbook.no_ledger" });
    expect(set.issues[0].message).toContain("电子保函");
  });
  it("warns about a missing required ledger and mentions a missing optional one as info", () => {
    const set = readSheets(studySheet(), partnerSheet());
    expect(set.issues.map((i) => [i.severity, i.code, i.ledger])).toEqual([
      ["warning", "ledger.missing", "电子保函"],
      ["info", "ledger.missing", "活动记录"],
      ["info", "ledger.missing", "人员"],
      ["info", "ledger.missing", "队伍"],
    ]);
    expect(set.issues[0].message).toBe("未找到“电子保函”台账：应有名称包含“电子保函”的工作表或表格");
  });
  it("reports a ledger sheet whose headers match nothing, naming the sheet and the expected columns", () => {
    const set = readBesideRequired(
      sheet("电子保函", [
        ["编码", "日子"],
        ["x", "y"],
      ]),
    );
    expect(codes(set.issues)).toEqual(["error ledger.no_header 电子保函!A1"]);
    expect(set.issues[0].message).toBe("电子保函：前10行中找不到“电子保函”台账的表头，应包含：保函编号、开立日期、投标企业、保证金金额");
    expect(set.ledgers.电子保函).toBeUndefined();
  });
});

describe("finding the header row", () => {
  it("takes the first of the first ten rows that holds half the required columns, ignoring rows above", () => {
    const set = readSheets(
      sheet("学习记录", [
        ["2022年学习记录台账"],
        [],
        ["日期", "备注"],
        ["学习日期", "学习形式", "内容"],
        ["2022-05-04", "专题研讨", "五四讲话"],
      ]),
    );
    // Row 3 has only 日期 (1 of 3 required); row 4 has all three, by their aliases.
    expect(set.ledgers.学习记录?.sources[0].headerRow).toBe(4);
    expect(set.ledgers.学习记录?.columns).toEqual([
      { name: "日期", header: "学习日期", column: "A" },
      { name: "形式", header: "学习形式", column: "B" },
      { name: "主题", header: "内容", column: "C" },
    ]);
    expect(set.ledgers.学习记录?.rows[0].values).toEqual({ 日期: "2022-05-04", 形式: "专题研讨", 主题: "五四讲话" });
  });
  it("does not look past the tenth row", () => {
    const rows: RawCell[][] = Array.from({ length: 10 }, () => ["填报说明"]);
    const set = readSheets(sheet("学习记录", [...rows, STUDY_HEADER, ["2022-01-01", "党课", "x"]]));
    expect(codes(set.issues)).toContain("error ledger.no_header 学习记录!A1");
  });
  it("ignores 序号, keeps unknown columns by their folded header, and matches headers in English", () => {
    const set = readSheets(
      sheet("Teams", [
        ["序 号", "Name", "Type", "备注（说明）", "负责人"],
        [1, "先锋一队", "党员先锋队", "　重点　", 7],
      ]),
    );
    expect(set.ledgers.队伍?.rows[0].values).toEqual({ 名称: "先锋一队", 类型: "党员先锋队", 备注: "重点", 负责人: 7 });
    const row = set.ledgers.队伍!.rows[0];
    expect(row.columns).toEqual({ 名称: "B", 类型: "C", 备注: "D", 负责人: "E" });
    expect(["名称", "类型", "备注", "负责人"].map((c) => rowCellAddress(row, c))).toEqual(["Teams!B2", "Teams!C2", "Teams!D2", "Teams!E2"]);
  });
  it("says which required column a header lacks", () => {
    const set = readBesideRequired(
      sheet("电子保函", [
        ["保函编号", "开立日期", "投标企业"],
        ["BH-1", "2022-01-01", "甲"],
      ]),
    );
    expect(codes(set.issues)).toEqual(["error ledger.missing_column 电子保函!A1"]);
    expect(set.issues[0].message).toMatch(/^电子保函!A1 电子保函：第1行表头缺少必填列“保证金金额”，也没有相近的列名；整列未读取/);
  });
  it("places addresses by the table's position on the sheet", () => {
    const set = readSheets(sheet("学习记录", [STUDY_HEADER, ["bad", "党课", "x"]], { top: 4, left: 2 }));
    expect(codes(set.issues)).toEqual(["error date.unparseable 学习记录!C6"]);
    expect(set.ledgers.学习记录?.sources[0].headerRow).toBe(5);
  });
});

describe("skipping rows that are not records", () => {
  it("skips blank rows and rows where only a pre-filled 序号 is set", () => {
    const set = readSheets(
      sheet("学习记录", [["序号", ...STUDY_HEADER], [], [1, "2022-01-01", "党课", "x"], [2, "", " ", null], [3, "　"]]),
    );
    expect(set.ledgers.学习记录?.rows.map((r) => r.row)).toEqual([3]);
    expect(set.ledgers.学习记录?.sources[0].rowsRead).toBe(1);
    expect(codes(set.issues)).toEqual([]);
  });
  it("skips 合计, 小计, 总计 and 合 计 rows wherever they are, with an info issue", () => {
    const set = readSheets(
      sheet("学习记录", [STUDY_HEADER, ["小计", "", ""], ["2022-01-01", "党课", "x"], ["", "合 计", 1], ["总计：", null, null]]),
    );
    expect(set.ledgers.学习记录?.rows.map((r) => r.row)).toEqual([3]);
    expect(codes(set.issues)).toEqual([
      "info row.total_skipped 学习记录!A2",
      "info row.total_skipped 学习记录!B4",
      "info row.total_skipped 学习记录!A5",
    ]);
    expect(set.issues[1].message).toBe("学习记录!B4 “合 计”行是合计行，不是记录，已跳过");
  });
  it("ends the ledger at a 注：, 制表人, 填表人, 审核人 or 说明： line", () => {
    for (const note of ["注：数据截至年底", "注:x", "制表人：张三", "填表人 李四", "审核人：王五", "说明：略"]) {
      const set = readSheets(sheet("学习记录", [STUDY_HEADER, ["2022-01-01", "党课", "x"], [note], ["2022-01-02", "党课", "y"]]));
      expect([note, set.ledgers.学习记录?.rows.map((r) => r.row)]).toEqual([note, [2]]);
    }
  });
});

describe("merged cells", () => {
  it("gives every cell of a merge the top-left value", () => {
    const set = readSheets(
      sheet(
        "学习记录",
        [
          ["部门", ...STUDY_HEADER],
          ["办公室", "2022-01-01", "党课", "a"],
          [null, null, "党课", "b"],
          ["", "", "党课", "c"],
        ],
        {
          merges: [
            { top: 1, left: 0, bottom: 2, right: 0 },
            { top: 1, left: 1, bottom: 3, right: 1 },
          ],
        },
      ),
    );
    expect(set.ledgers.学习记录?.rows.map((r) => [r.department, r.values.日期])).toEqual([
      ["办公室", "2022-01-01"],
      ["办公室", "2022-01-01"],
      [null, "2022-01-01"],
    ]);
  });
  it("uses merges given in sheet coordinates for a table that does not start at A1", () => {
    const set = readSheets(
      sheet("学习记录", [STUDY_HEADER, ["2022-01-01", "党课", "a"], [null, "党课", "b"]], {
        top: 2,
        left: 1,
        merges: [{ top: 3, left: 1, bottom: 4, right: 1 }],
      }),
    );
    expect(set.ledgers.学习记录?.rows.map((r) => r.values.日期)).toEqual(["2022-01-01", "2022-01-01"]);
  });
  it("says once per source that merged cells read as blank when the merges are unknown", () => {
    const set = readSheets(sheet("学习记录", [STUDY_HEADER, ["2022-01-01", "党课", "x"]], { mergesUnknown: true }));
    expect(codes(set.issues)).toEqual(["info merges.unknown"]);
    expect(set.issues[0].message).toBe("学习记录：无法读取合并单元格，合并区域中除左上角外的单元格按空白读取");
  });
});

describe("checking cell values", () => {
  it("reports an unreadable date at its cell, quoting the text, and excludes the row", () => {
    const set = eg([["BH-1", "二〇二二年某日", "甲公司", CODE, 100, ""]]);
    expect(codes(set.issues)).toEqual(["error date.unparseable 电子保函!B2"]);
    expect(set.issues[0].message).toBe("电子保函!B2 日期无法识别：“二〇二二年某日”");
    expect(set.issues[0].ledger).toBe("电子保函");
    expect(set.ledgers.电子保函?.rows).toEqual([]);
    expect(set.ledgers.电子保函?.excluded).toBe(1);
  });
  it("reads dates in the 1904 system when the workbook uses it", () => {
    const wb = { ...workbook(sheet("学习记录", [STUDY_HEADER, [43159, "党课", "x"]])), date1904: true };
    expect(readLedgers(wb).ledgers.学习记录?.rows[0].values.日期).toBe("2022-03-01");
  });
  it("reads money written with 万, 元, ¥ and separators, in yuan", () => {
    const set = eg([
      ["BH-1", 44621, "甲", "", "1.2万", ""],
      ["BH-2", 44621, "乙", "", "500万元", ""],
      ["BH-3", 44621, "丙", "", "￥1,234.50", ""],
    ]);
    expect(set.ledgers.电子保函?.rows.map((r) => r.values.保证金金额)).toEqual([12000, 5000000, 1234.5]);
  });
  it("scales plain amounts under a （万元） header, but not amounts that name their own unit", () => {
    const header = ["保函编号", "开立日期", "投标企业", "保证金金额（万元）"];
    const set = readSheets(sheet("电子保函", [header, ["BH-1", 44621, "甲", 1.1], ["BH-2", 44621, "乙", "300元"]]));
    expect(set.ledgers.电子保函?.rows.map((r) => r.values.保证金金额)).toEqual([11000, 300]);
  });
  it("refuses negative money, text amounts and error cells, each at its cell", () => {
    const set = eg([
      ["BH-1", 44621, "甲", "", -5, ""],
      ["BH-2", 44621, "乙", "", "若干", ""],
      ["BH-3", 44621, "丙", "", "#N/A", ""],
    ]);
    expect(codes(set.issues)).toEqual([
      "error number.negative 电子保函!E2",
      "error number.invalid 电子保函!E3",
      "error number.invalid 电子保函!E4",
    ]);
    expect(set.issues.map((i) => i.message).slice(0, 3)).toEqual([
      "电子保函!E2 保证金金额不能为负数：“-5”",
      "电子保函!E3 保证金金额不是数字：“若干”",
      "电子保函!E4 保证金金额为错误值：#N/A",
    ]);
    expect(set.ledgers.电子保函?.excluded).toBe(3);
  });
  it("wants whole, non-negative numbers in integer columns, allowing a 人 after them", () => {
    const set = readSheets(
      sheet("学习记录", [
        [...STUDY_HEADER, "参加人数"],
        ["2022-01-01", "党课", "a", "30人"],
        ["2022-01-02", "党课", "b", 2.5],
        ["2022-01-03", "党课", "c", -1],
      ]),
    );
    expect(set.ledgers.学习记录?.rows.map((r) => r.values.参加人数)).toEqual([30]);
    expect(codes(set.issues)).toEqual(["error number.invalid 学习记录!D3", "error number.negative 学习记录!D4"]);
  });
  it("matches enumerations after folding, uses blankMeans for blanks, and files unknown values under 其他 with a warning", () => {
    const set = readSheets(
      sheet("学习记录", [STUDY_HEADER, ["2022-01-01", " 专题 学习 ", "a"], ["2022-01-02", "读书会", "b"]]),
      sheet("电子保函", [EG_HEADER, ["BH-1", 44621, "甲", "", 1, ""], ["BH-2", 44621, "乙", "", 1, "作废"]]),
    );
    expect(set.ledgers.学习记录?.rows.map((r) => r.values.形式)).toEqual(["专题学习", "其他"]);
    // 作废 is a clerk's word for 撤销 (a synonym in the schema); an unknown 状态 is an error (status-words.test.ts).
    expect(set.ledgers.电子保函?.rows.map((r) => r.values.状态)).toEqual(["有效", "撤销"]);
    expect(codes(set.issues)).toEqual(["warning enum.unknown 学习记录!B3"]);
    expect(set.issues.filter((i) => i.code === "enum.unknown").map((i) => i.message)).toEqual([
      "学习记录!B3 形式“读书会”不在可选值（专题学习、专题研讨、线上研讨、主题宣讲、集中收看、个人自学、党课、其他）中，按“其他”统计",
    ]);
  });
  it("reads yes/no as 是 or 否 from ticks, letters, words and booleans", () => {
    const rows: RawCell[][] = ["是", "Y", "yes", "√", "✓", "TRUE", true, "否", "n", "×", "FALSE", false, ""].map((v, i) => [`人${i}`, v]);
    const set = readSheets(sheet("人员", [["姓名", "青年突击队"], ...rows, ["人x", "也许"]]));
    expect(set.ledgers.人员?.rows.map((r) => r.values.青年突击队)).toEqual([
      "是",
      "是",
      "是",
      "是",
      "是",
      "是",
      "是",
      "否",
      "否",
      "否",
      "否",
      "否",
      null,
      "也许",
    ]);
    expect(codes(set.issues)).toEqual(["warning enum.unknown 人员!B15"]);
  });
  it("reports every blank required cell as an error and excludes the row", () => {
    const set = eg([["", 44621, "  ", "", 100, ""]]);
    expect(codes(set.issues)).toEqual(["error required.blank 电子保函!A2", "error required.blank 电子保函!C2"]);
    expect(set.issues[0].message).toBe("电子保函!A2 保函编号为必填项，不能为空");
    expect(set.ledgers.电子保函?.excluded).toBe(1);
  });
  it("warns about a duplicate key after folding, naming both cells, and keeps both rows", () => {
    const set = eg([
      ["BH-001", 44621, "甲", "", 1, ""],
      ["BH-002", 44621, "乙", "", 1, ""],
      ["ＢＨ－００１", 44621, "丙", "", 1, ""],
    ]);
    expect(codes(set.issues)).toEqual(["warning key.duplicate 电子保函!A4"]);
    expect(set.issues[0].message).toBe(
      "电子保函!A4 保函编号“ＢＨ－００１”与 电子保函!A2 重复：两行都作为记录读取，请核对后删去或改正其中一行",
    );
    expect(set.issues[0].messageEn).toContain("both rows are read as records");
    // Of the rows, not of figures: whether a figure counted both is the figure's to say (rowsCountedTwice).
    expect(set.issues[0].message).not.toContain("计入");
    expect(set.ledgers.电子保函?.rows).toHaveLength(3);
  });
  it("finds duplicate keys across the sheets of one ledger", () => {
    const set = readSheets(
      sheet("共建单位-一科", [
        ["单位名称", "协议签订日期"],
        ["某社区", 44621],
      ]),
      sheet("共建单位-二科", [
        ["单位名称", "协议签订日期"],
        ["某社区", 44622],
      ]),
    );
    expect(set.issues.filter((i) => i.code === "key.duplicate").map((i) => i.message)).toEqual([
      "'共建单位-二科'!A2 单位名称“某社区”与 '共建单位-一科'!A2 重复：两行都作为记录读取，请核对后删去或改正其中一行",
    ]);
  });
  it("warns about a credit code with a bad check character or length, and normalises good ones", () => {
    const set = eg([
      ["BH-1", 44621, "甲", "914403001922038217", 1, ""],
      ["BH-2", 44621, "乙", "12345", 1, ""],
      ["BH-3", 44621, "丙", " 91350100m000100y43 ", 1, ""],
    ]);
    expect(codes(set.issues)).toEqual(["warning creditcode.invalid 电子保函!D2", "warning creditcode.invalid 电子保函!D3"]);
    expect(set.ledgers.电子保函?.rows.map((r) => r.values.统一社会信用代码)).toEqual(["914403001922038217", "12345", CODE2]);
  });
  it("notes a date after the period end as info and keeps the row", () => {
    const set = eg([["BH-1", "2023-01-05", "甲", "", 1, ""]]);
    expect(codes(set.issues)).toEqual(["info date.after_period 电子保函!B2"]);
    expect(set.issues[0].message).toBe("电子保函!B2 日期 2023-01-05 晚于报告期末 2022-12-31，不计入截至期末的统计");
    expect(set.ledgers.电子保函?.rows).toHaveLength(1);
  });
  it("trims text, folds full-width spaces and keeps Chinese punctuation", () => {
    const set = readSheets(sheet("学习记录", [STUDY_HEADER, ["2022-01-01", "党课", "　学习《党章》，　做合格党员　"]]));
    expect(set.ledgers.学习记录?.rows[0].values.主题).toBe("学习《党章》， 做合格党员");
  });
  it("flags an error value in a required text column as an error and in an optional one as a warning", () => {
    const set = eg([
      ["BH-1", 44621, "#N/A", "", 1, ""],
      ["BH-2", 44621, "乙", "#REF!", 1, ""],
    ]);
    expect(codes(set.issues)).toEqual(["error cell.excel_error 电子保函!C2", "warning cell.excel_error 电子保函!D3"]);
    expect(set.ledgers.电子保函?.rows.map((r) => [r.values.保函编号, r.values.统一社会信用代码])).toEqual([["BH-2", null]]);
  });
});
