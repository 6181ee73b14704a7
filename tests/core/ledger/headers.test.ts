// Binding header cells to ledger columns, and saying what a header probably is (issue #10, items 2
// and 4). Every workbook is built here in code; the assertions are the rules of LEDGERS.md.
import { missingColumn } from "../../../src/core/ledger/headers";
import {
  editDistance,
  headerDistance,
  matchHeader,
  MatchRank,
  suggestHeaders,
  synonymKey,
  type UnitRefusal,
} from "../../../src/core/ledger/headers";
import { readColumnMappings } from "../../../src/core/ledger/mapping";
import { ledgerSpec } from "../../../src/core/ledger/schema";
import { runEngine } from "../../../src/core/engine";
import type { Issue, RawCell } from "../../../src/core/types";
import { partnerSheet, sheet, studySheet, workbook, readSheets, readBesideRequired } from "./build";

const EG = ledgerSpec("电子保函");
const STUDY = ledgerSpec("学习记录");
const column = (name: string) => EG.columns.find((c) => c.name === name)!;

function guarantees(header: RawCell[], rows: RawCell[][]) {
  return sheet("电子保函", [header, ...rows]);
}

const byCode = (issues: Issue[], code: string) => issues.filter((i) => i.code === code);

describe("binding a header cell to a column", () => {
  it("ranks a 列名对照 row above the exact name, the exact name above a scaled unit, and that above an alias", () => {
    const mapping = [{ ledger: "电子保函" as const, column: "保证金金额", header: "保证金额（元）", cell: "列名对照!C2", used: false }];
    expect(matchHeader(EG, "保证金额(元)", mapping)?.rank).toBe(MatchRank.Mapped);
    expect(matchHeader(EG, "保证金金额（元）", [])?.rank).toBe(MatchRank.Exact);
    expect(matchHeader(EG, " 保证金金额 ", [])?.rank).toBe(MatchRank.Exact);
    expect(matchHeader(EG, "保证金金额（万元）", [])).toMatchObject({ rank: MatchRank.Scaled, power: 4 });
    expect(matchHeader(EG, "保证金（元）", [])).toMatchObject({ rank: MatchRank.Alias, column: column("保证金金额") });
    expect(matchHeader(EG, "amount", [])).toMatchObject({ rank: MatchRank.Alias, column: column("保证金金额") });
  });

  it("does not bind a header whose unit contradicts the column's: an alias in 万元 is another column", () => {
    const refused: UnitRefusal[] = [];
    expect(matchHeader(EG, "保证金（万元）", [], refused)).toBeNull();
    expect(matchHeader(EG, "保证金金额（笔）", [], refused)).toBeNull();
    expect(refused.map((r) => `${r.column.name} ${r.unit}`)).toEqual(["保证金金额 万元", "保证金金额 笔"]);
  });

  it("a mapping without a unit matches the header whatever its unit; one with a unit only that unit", () => {
    const bare = [{ ledger: "电子保函" as const, column: "保证金金额", header: "保证金额", cell: "列名对照!C2", used: false }];
    const withUnit = [{ ...bare[0], header: "保证金额（元）" }];
    expect(matchHeader(EG, "保证金额（万元）", bare)).toMatchObject({ rank: MatchRank.Mapped, power: 4 });
    expect(matchHeader(EG, "保证金额（万元）", withUnit)).toBeNull();
    // A mapping belongs to its ledger.
    expect(matchHeader(STUDY, "保证金额", bare)).toBeNull();
  });
});

describe("two columns that could both be 保证金金额", () => {
  // The rounded 万元 column is a formula of the exact one, as clerks keep it for the report.
  const yuan = [12345678.91, 98765432.19, 5000000.05];
  const rows: RawCell[][] = yuan.map((v, i) => [`BH-${i + 1}`, "2022-03-01", `企业${i}`, Math.round(v / 100) / 100, v]);
  const header: RawCell[] = ["保函编号", "开立日期", "投标企业", "保证金（万元）", "保证金金额（元）"];

  it("binds the exact 元 column, keeps the 万元 one under its own header and says so at its header cell", () => {
    const set = readBesideRequired(guarantees(header, rows));
    const eg = set.ledgers.电子保函!;
    expect(eg.columns.find((c) => c.name === "保证金金额")).toEqual({ name: "保证金金额", header: "保证金金额（元）", column: "E" });
    expect(eg.rows.map((r) => r.values.保证金金额)).toEqual(yuan);
    const notUsed = byCode(set.issues, "column.not_used");
    expect(notUsed.map((i) => [i.severity, i.cell])).toEqual([["info", "电子保函!D1"]]);
    expect(notUsed[0].message).toContain("E1「保证金金额（元）」");
    expect(set.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("does the same whichever column comes first", () => {
    const swapped = rows.map((r) => [r[0], r[1], r[2], r[4], r[3]]);
    const set = readBesideRequired(guarantees(["保函编号", "开立日期", "投标企业", "保证金金额（元）", "保证金（万元）"], swapped));
    expect(set.ledgers.电子保函!.rows.map((r) => r.values.保证金金额)).toEqual(yuan);
    expect(byCode(set.issues, "column.not_used").map((i) => i.cell)).toEqual(["电子保函!E1"]);
  });

  it("eg.amount is the exact sum of the 元 column, not the rounded 万元 one", () => {
    const result = runEngine(workbook(studySheet(), partnerSheet(), guarantees(header, rows)), {
      overrides: { year: 2022, periodStart: "2022-01-01", periodEnd: "2022-12-31" },
    });
    const amount = result.figures.find((f) => f.id === "eg.amount")!;
    const exact = yuan.reduce((a, b) => a + b, 0);
    expect(amount.value).toBeCloseTo(exact, 2);
    expect(amount.text).toBe((Math.round(exact / 1e6) / 100).toFixed(2));
  });

  it("names the second of two exact headers as not used, and reads the first", () => {
    const set = readBesideRequired(
      guarantees(["保函编号", "开立日期", "投标企业", "保证金金额", "保证金金额（元）"], [["BH-1", "2022-03-01", "甲", 1, 2]]),
    );
    expect(set.ledgers.电子保函!.rows[0].values.保证金金额).toBe(1);
    expect(byCode(set.issues, "column.not_used").map((i) => i.cell)).toEqual(["电子保函!E1"]);
  });

  it("never keeps a refused column under the canonical name, so no figure reads it as that column", () => {
    const set = readBesideRequired(guarantees(["保函编号", "开立日期", "投标企业", "保证金（万元）"], [["BH-1", "2022-03-01", "甲", 1.5]]));
    const eg = set.ledgers.电子保函!;
    expect(eg.columns.map((c) => c.name)).not.toContain("保证金金额");
    expect(eg.rows[0].values).not.toHaveProperty("保证金金额");
    const missing = byCode(set.issues, "ledger.missing_column");
    expect(missing.map((i) => [i.severity, i.cell])).toEqual([["error", "电子保函!D1"]]);
    expect(missing[0].columnMapping).toEqual({ ledger: "电子保函", column: "保证金金额", header: "保证金（万元）" });
  });
});

describe("a missing required column names the header it probably is", () => {
  const titled = (headerRow: RawCell[], rows: RawCell[][]) =>
    sheet("学习记录", [
      ["2022年学习记录台账", null, null, null],
      ["填报单位：机关党委", null, null, null],
      [null, null, null, null],
      headerRow,
      ...rows,
    ]);
  const studyRows: RawCell[][] = [
    [1, "2022-03-01", "专题学习", "学习贯彻党的二十大精神"],
    [2, "2022-04-01", "专题研讨", "作风建设"],
    [3, "2022-05-01", "专题学习", "学习党的二十大报告"],
  ];

  it("says C4「学习方式」是不是“形式”？ at the header cell, not at A4, and that the whole column is ignored", () => {
    const set = readSheets(titled(["序号", "日期", "学习方式", "主题"], studyRows), partnerSheet());
    const [missing] = byCode(set.issues, "ledger.missing_column");
    expect(missing.severity).toBe("error");
    expect(missing.cell).toBe("学习记录!C4");
    expect(missing.message).toMatch(/^学习记录!C4「学习方式」是不是“形式”？/);
    expect(missing.message).toContain("整列未读取");
    expect(missing.message).toContain("学习记录 | 形式 | 学习方式");
    expect(missing.messageEn).toMatch(/^学习记录!C4 "学习方式": is this 形式 \(Form\)\?/);
    expect(missing.messageEn).toContain("the whole column is ignored");
    expect(missing.columnMapping).toEqual({ ledger: "学习记录", column: "形式", header: "学习方式" });
  });

  it("tells figures the column is missing: the ledger lists it, with the cell, and no row carries 形式", () => {
    const set = readSheets(titled(["序号", "日期", "学习方式", "主题"], studyRows), partnerSheet());
    const study = set.ledgers.学习记录!;
    expect(study.columns.map((c) => c.name)).not.toContain("形式");
    expect(study.missingColumns).toContainEqual({ name: "形式", sheet: "学习记录", cell: "学习记录!C4", required: true });
    expect(study.rows.every((r) => !("形式" in r.values))).toBe(true);
  });

  it("finds a header one edit away (保证金额 for 保证金金额) and prefers a header in the column's unit", () => {
    const set = readBesideRequired(
      guarantees(["保函编号", "开立日期", "投标企业", "保证金（万元）", "保证金额（元）"], [["BH-1", "2022-03-01", "甲", 1, -10000]]),
    );
    const [missing] = byCode(set.issues, "ledger.missing_column");
    expect(missing.cell).toBe("电子保函!E1");
    expect(missing.columnMapping?.header).toBe("保证金额（元）");
  });

  it("falls back to the header row's first cell when no header is near", () => {
    const set = readSheets(titled(["序号", "日期", "备注", "主题"], studyRows), partnerSheet());
    const [missing] = byCode(set.issues, "ledger.missing_column");
    expect(missing.cell).toBe("学习记录!A4");
    expect(missing.columnMapping).toBeUndefined();
    expect(missing.message).toContain("也没有相近的列名");
  });

  it("suggests an optional column only when a header is near it, as info", () => {
    const set = readBesideRequired(
      guarantees(["保函编号", "开立日期", "投标企业", "保证金金额", "状况"], [["BH-1", "2022-03-01", "甲", 1, "撤销"]]),
    );
    const hints = byCode(set.issues, "ledger.column_suggestion");
    expect(hints.map((i) => [i.severity, i.cell, i.columnMapping?.column])).toEqual([["info", "电子保函!E1", "状态"]]);
  });
});

describe("edit distance and synonyms", () => {
  it("measures edits between headers", () => {
    expect(editDistance("保证金额", "保证金金额")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "形式")).toBe(2);
  });
  it("folds synonyms to one word before comparing", () => {
    expect(synonymKey("学习方式")).toBe("学习形式");
    expect(synonymKey("活动类别")).toBe("活动类型");
    expect(headerDistance(STUDY.columns[1], "学习方式")).toBe(0);
  });
  it("refuses headers too far to be a guess", () => {
    expect(headerDistance(STUDY.columns[1], "备注")).toBeNull();
    expect(headerDistance(column("项目名称"), "note")).toBeNull();
    expect(headerDistance(column("保函编号"), "GuaranteNo")).toBe(1);
  });
  it("gives each missing column its own header, best pairs first", () => {
    const missing = [column("保函编号"), column("投标企业")];
    const free = [
      { index: 0, text: "保函号码" },
      { index: 1, text: "投标单位" },
    ];
    expect(suggestHeaders(missing, free).map((s) => [s.column.name, s.index])).toEqual([
      ["保函编号", 0],
      ["投标企业", 1],
    ]);
  });
});

describe("列名对照: the clerk's answer", () => {
  const columnMap = (...rows: RawCell[][]) => sheet("列名对照", [["台账", "标准列名", "工作簿列名"], ...rows]);
  const renamedStudy = sheet("学习记录", [
    ["日期", "学习方式", "主题"],
    ["2022-03-01", "专题学习", "学习贯彻党的二十大精神"],
    ["2022-04-01", "专题研讨", "作风建设"],
    ["2022-05-01", "主题宣讲", "二十大精神进社区"],
    ["2022-06-01", "线上研讨", "青年理论学习"],
  ]);

  it("binds the mapped header, types its values, and is never read as a ledger", () => {
    const set = readSheets(renamedStudy, partnerSheet(), columnMap(["学习记录", "形式", "学习方式"]));
    const study = set.ledgers.学习记录!;
    expect(study.columns.find((c) => c.name === "形式")).toEqual({ name: "形式", header: "学习方式", column: "B" });
    expect(study.rows.map((r) => r.values.形式)).toEqual(["专题学习", "专题研讨", "主题宣讲", "线上研讨"]);
    expect(set.issues.filter((i) => i.severity !== "info" && i.code !== "ledger.missing")).toEqual([]);
    expect(study.missingColumns?.map((m) => m.name)).not.toContain("形式");
  });

  it("names a blank mapped cell by the column and the clerk's own header, which is what the sheet shows", () => {
    const blank = sheet("学习记录", [
      ["日期", "学习方式", "主题"],
      ["2022-03-01", "", "学习贯彻党的二十大精神"],
    ]);
    const set = readSheets(blank, partnerSheet(), columnMap(["学习记录", "形式", "学习方式"]));
    const said = byCode(set.issues, "required.blank");
    expect(said).toHaveLength(1);
    expect(said[0].message).toContain("形式（学习方式）");
    expect(said[0].messageEn).toContain("形式（学习方式）");
  });

  it("gives the study figures their exact counts once the mapping is there", () => {
    const opts = { overrides: { year: 2022, periodStart: "2022-01-01", periodEnd: "2022-12-31" } };
    const result = runEngine(workbook(renamedStudy, partnerSheet(), columnMap(["学习记录", "形式", "学习方式"])), opts);
    const value = (id: string) => result.figures.find((f) => f.id === id)!.value;
    expect(value("study.topic.count")).toBe(1);
    expect(value("study.seminar.count")).toBe(1);
    expect(value("study.lecture.count")).toBe(1);
    // This sheet has no 组织 column at all: the youth figure's condition cannot be read, so it is
    // unresolved — not a 0 that would look like a count.
    expect(value("study.youth_online.count")).toBeNull();
    expect(result.figures.find((f) => f.id === "study.youth_online.count")!.unresolved).toMatchObject({ code: "column_missing" });
  });

  it("with a renamed amount column mapped, checks every amount again: a negative is an error at its cell", () => {
    const set = readBesideRequired(
      guarantees(
        ["保函编号", "开立日期", "投标企业", "保证金额（元）"],
        [
          ["BH-1", "2022-03-01", "甲", 100],
          ["BH-2", "2022-03-02", "乙", -50],
        ],
      ),
      columnMap(["电子保函", "保证金金额", "保证金额（元）"]),
    );
    expect(byCode(set.issues, "number.negative").map((i) => i.cell)).toEqual(["电子保函!D3"]);
    expect(set.ledgers.电子保函!.rows.map((r) => r.values.保证金金额)).toEqual([100]);
    expect(byCode(set.issues, "ledger.missing_column")).toEqual([]);
  });

  it("accepts English ledger names and an alias for the standard column", () => {
    const { mappings, issues } = readColumnMappings(workbook(columnMap(["StudySessions", "Form", "学习方式"])));
    expect(issues).toEqual([]);
    expect(mappings).toEqual([{ ledger: "学习记录", column: "形式", header: "学习方式", cell: "列名对照!C2", used: false }]);
  });

  it("puts every row it cannot honour at that row's cell", () => {
    const set = readSheets(
      renamedStudy,
      partnerSheet(),
      columnMap(
        ["学习台帐X", "形式", "学习方式"],
        ["学习记录", "学习方式", "学习方式"],
        ["学习记录", "形式", ""],
        ["学习记录", "形式", "学习形态"],
        ["学习记录", "主题", "学习形态"],
        ["", "", ""],
      ),
    );
    const mapIssues = set.issues.filter((i) => i.code.startsWith("column_map."));
    expect(mapIssues.map((i) => [i.severity, i.code, i.cell])).toEqual([
      ["warning", "column_map.unknown_ledger", "列名对照!A2"],
      ["warning", "column_map.unknown_column", "列名对照!B3"],
      ["warning", "column_map.blank_header", "列名对照!C4"],
      ["warning", "column_map.conflict", "列名对照!C6"],
      ["warning", "column_map.header_not_found", "列名对照!C5"],
    ]);
    expect(mapIssues.find((i) => i.code === "column_map.header_not_found")!.message).toContain("学习方式");
    // Nothing was honoured, so the column is still missing and still says what it probably is.
    expect(byCode(set.issues, "ledger.missing_column").map((i) => i.cell)).toEqual(["学习记录!B1"]);
  });

  it("says when the sheet has no 台账 / 标准列名 / 工作簿列名 header", () => {
    const { issues } = readColumnMappings(workbook(sheet("列名对照", [["学习记录", "形式", "学习方式"]])));
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["column_map.no_header", "列名对照!A1"]]);
  });

  it("is found by its table name too, wherever it sits on the sheet", () => {
    const table = sheet(
      "对照",
      [
        ["台账", "标准列名", "工作簿列名"],
        ["学习记录", "形式", "学习方式"],
      ],
      { table: "ColumnNames", top: 2, left: 1 },
    );
    const { mappings } = readColumnMappings(workbook(table));
    expect(mappings.map((m) => m.cell)).toEqual(["对照!D4"]);
  });
});

describe("missingColumn: what figures ask before they count", () => {
  it("names the sheet and cell where one department's sheet lacks a column the other has", () => {
    const row = (n: number): RawCell[] => [`BH-${n}`, "2022-03-01", "甲", 100];
    const set = readBesideRequired(
      sheet("电子保函-交易一科", [["保函编号", "开立日期", "投标企业", "保证金额（元）"], row(1)]),
      sheet("电子保函-交易二科", [["保函编号", "开立日期", "投标企业", "保证金金额（元）"], row(2)]),
    );
    const eg = set.ledgers.电子保函!;
    // Ledger.columns alone would say the column is there: the second sheet has it.
    expect(eg.columns.map((c) => c.name)).toContain("保证金金额");
    expect(missingColumn(eg, "保证金金额")).toEqual({ sheet: "电子保函-交易一科", cell: "'电子保函-交易一科'!D1", required: true });
    expect(missingColumn(eg, "开立日期")).toBeNull();
  });
});

describe("a header row with too many renamed columns to be found", () => {
  const renamed = sheet("学习记录", [
    ["2022年学习记录台账", null, null],
    ["学习时间", "学习方式", "主题"],
    ["2022-03-01", "专题学习", "学习贯彻党的二十大精神"],
  ]);

  it("still asks, at each renamed header, which column it is — and the answers make it a header", () => {
    const set = readSheets(renamed, partnerSheet());
    expect(set.ledgers.学习记录).toBeUndefined();
    expect(byCode(set.issues, "ledger.no_header").map((i) => i.cell)).toEqual(["学习记录!A1"]);
    const asked = byCode(set.issues, "ledger.missing_column");
    expect(asked.map((i) => [i.cell, i.columnMapping?.column])).toEqual([
      ["学习记录!A2", "日期"],
      ["学习记录!B2", "形式"],
    ]);
    expect(asked[1].message).toMatch(/^学习记录!B2「学习方式」是不是“形式”？学习记录：第2行像是表头/);

    const map = sheet("列名对照", [["台账", "标准列名", "工作簿列名"], ...asked.map((i) => Object.values(i.columnMapping!))]);
    const answered = readSheets(renamed, partnerSheet(), map);
    expect(answered.ledgers.学习记录!.rows.map((r) => [r.values.日期, r.values.形式])).toEqual([["2022-03-01", "专题学习"]]);
    expect(answered.issues.filter((i) => i.ledger === "学习记录" && i.severity === "error")).toEqual([]);
  });

  it("asks nothing about a sheet whose rows hold no required column at all", () => {
    const set = readSheets(sheet("学习记录", [["说明"], ["本表暂无数据"]]), partnerSheet());
    expect(byCode(set.issues, "ledger.missing_column")).toEqual([]);
  });
});
