// A ledger without a key (学习记录, 人员 …) has no 保函编号 to show a copied sheet: a record whose
// every value as read equals an earlier record's is a warning at the later row naming the first,
// and both rows stay records (which one is the mistake is the clerk's to say). A copy of a
// department's sheet (`电子保函-交易一科 (2)`) belongs to that department, not to `交易一科 (2)`.
import type { RawCell, RawWorkbook } from "../../../src/core/types";
import { readLedgers } from "../../../src/core/ledger/read";
import { columnarOf } from "../../../src/core/ledger/columnar";
import { rawTable } from "../../helpers/raw-workbook";

const STUDY: RawCell[] = ["日期", "形式", "主题", "组织", "参加人数"];
const SESSIONS: RawCell[][] = [
  ["2022-03-01", "专题学习", "学习党的二十大精神", "党组", 20],
  ["2022-04-12", "专题研讨", "作风建设", "党支部", 15],
];
const PEOPLE: RawCell[] = ["姓名", "身份", "双报到社区", "包联社区", "青年突击队", "表扬"];
const STAFF: RawCell[][] = [
  ["张三", "党员干部", "东社区", "西社区", "是", ""],
  ["李四", "聘用人员", "南社区", "", "否", "市级表扬"],
];

function read(tables: ReturnType<typeof rawTable>[], hiddenSheets?: string[]): ReturnType<typeof readLedgers> {
  const wb: RawWorkbook = { date1904: false, tables, ...(hiddenSheets ? { hiddenSheets } : {}) };
  return readLedgers(wb, { periodEnd: "2022-12-31" });
}

const repeated = (set: ReturnType<typeof readLedgers>) => set.issues.filter((i) => i.code === "row.repeated");

describe("rows repeated in full on a ledger without a key", () => {
  it("many repeated rows are one issue said of rows, not of one column", () => {
    const many: RawCell[][] = [1, 2, 3, 4, 5, 6, 7].map((d) => [`2022-03-0${d}`, "专题学习", "学习党的二十大精神", "党组", 20]);
    const set = read([rawTable("学习记录", [STUDY, ...many]), rawTable("学习记录 (2)", [STUDY, ...many])]);
    const found = repeated(set);
    expect(found).toHaveLength(1);
    expect(found[0].count).toBe(7);
    expect(found[0].message).toMatch(/^共 7 行有同类问题（'学习记录 \(2\)'!A2:A8）/);
    expect(found[0].messageEn).toMatch(/^7 rows have the same problem/);
  });

  it("a copied 学习记录 sheet is a warning at each of its rows naming the row it repeats, in Chinese and English", () => {
    const set = read([rawTable("学习记录", [STUDY, ...SESSIONS]), rawTable("学习记录 (2)", [STUDY, ...SESSIONS])]);
    const found = repeated(set);
    expect(found.map((i) => [i.severity, i.ledger, i.cell])).toEqual([
      ["warning", "学习记录", "'学习记录 (2)'!A2"],
      ["warning", "学习记录", "'学习记录 (2)'!A3"],
    ]);
    expect(found[0].message).toContain("学习记录!A2");
    expect(found[1].message).toContain("学习记录!A3");
    expect(found[0].messageEn).toContain("学习记录!A2");
    expect(found[0].messageEn).toMatch(/repeats/);
    // Both rows are kept: the reader cannot know which one is the mistake.
    expect(columnarOf(set.ledgers.学习记录!).length).toBe(4);
  });

  it("a hidden copy is caught the same way, and the sheet is still said to be hidden", () => {
    const set = read([rawTable("学习记录", [STUDY, ...SESSIONS]), rawTable("学习记录 (2)", [STUDY, ...SESSIONS])], ["学习记录 (2)"]);
    expect(repeated(set).map((i) => i.cell)).toEqual(["'学习记录 (2)'!A2", "'学习记录 (2)'!A3"]);
    expect(set.issues.some((i) => i.code === "sheet.hidden" && i.cell === "'学习记录 (2)'!A1")).toBe(true);
  });

  it("a repeat on the same sheet, the copy first, is said at the later row", () => {
    const set = read([rawTable("学习记录", [STUDY, SESSIONS[0], SESSIONS[1], SESSIONS[0]])]);
    expect(repeated(set).map((i) => [i.cell, i.message.includes("学习记录!A2")])).toEqual([["学习记录!A4", true]]);
  });

  it("rows differing only in 序号 are repeats (序号 is not read), named at their first read column", () => {
    const header: RawCell[] = ["序号", ...STUDY];
    const set = read([rawTable("学习记录", [header, [1, ...SESSIONS[0]], [2, ...SESSIONS[0]]])]);
    expect(repeated(set).map((i) => i.cell)).toEqual(["学习记录!B3"]);
    expect(repeated(set)[0].message).toContain("学习记录!B2");
  });

  it("text folded as keys are (full-width, spaces around) repeats; one different value of any column is no repeat", () => {
    const wide: RawCell[] = ["2022-03-01", "专题学习", " 学习党的二十大精神 ", "党组", 20];
    const moreAttendees: RawCell[] = ["2022-03-01", "专题学习", "学习党的二十大精神", "党组", 21];
    const otherDay: RawCell[] = ["2022-03-02", "专题学习", "学习党的二十大精神", "党组", 20];
    const blankOrganiser: RawCell[] = ["2022-03-01", "专题学习", "学习党的二十大精神", "", 20];
    const set = read([rawTable("学习记录", [STUDY, SESSIONS[0], moreAttendees, otherDay, blankOrganiser, wide])]);
    expect(repeated(set).map((i) => i.cell)).toEqual(["学习记录!A6"]);
  });

  it("a column the ledger does not know is read too: rows differing there are no repeats", () => {
    const header: RawCell[] = [...STUDY, "备注"];
    const set = read([rawTable("学习记录", [header, [...SESSIONS[0], "上午"], [...SESSIONS[0], "下午"]])]);
    expect(repeated(set)).toEqual([]);
  });

  it("the same session on two departments' sheets is each department's own, not a repeat", () => {
    const set = read([rawTable("学习记录-交易一科", [STUDY, SESSIONS[0]]), rawTable("学习记录-交易二科", [STUDY, SESSIONS[0]])]);
    expect(repeated(set)).toEqual([]);
  });

  it("a copied 人员 sheet is caught the same way", () => {
    const set = read([rawTable("人员", [PEOPLE, ...STAFF]), rawTable("人员 (2)", [PEOPLE, ...STAFF])]);
    expect(repeated(set).map((i) => [i.ledger, i.cell])).toEqual([
      ["人员", "'人员 (2)'!A2"],
      ["人员", "'人员 (2)'!A3"],
    ]);
  });

  it("a row with an error is no record and repeats nothing", () => {
    const badDate: RawCell[] = ["不是日期", "专题学习", "学习党的二十大精神", "党组", 20];
    const set = read([rawTable("学习记录", [STUDY, badDate, badDate])]);
    expect(repeated(set)).toEqual([]);
  });

  it("a copy of many rows is one grouped warning with its count, as any problem down one column", () => {
    const rows: RawCell[][] = Array.from({ length: 12 }, (_, n) => [`2022-03-${String(n + 1).padStart(2, "0")}`, "党课", `第${n + 1}课`]);
    const header: RawCell[] = ["日期", "形式", "主题"];
    const set = read([rawTable("学习记录", [header, ...rows]), rawTable("学习记录 (2)", [header, ...rows])]);
    expect(repeated(set)).toEqual([expect.objectContaining({ count: 12, range: "'学习记录 (2)'!A2:A13" })]);
  });

  it("a ledger with a key is judged by its key alone: a row repeated in full is one key.duplicate, not two warnings", () => {
    const guarantee: RawCell[] = ["保函编号", "开立日期", "投标企业", "保证金金额"];
    const row: RawCell[] = ["C1", "2022-03-01", "甲公司", 1000];
    const sameButKey: RawCell[] = ["C2", "2022-03-01", "甲公司", 1000];
    const set = read([rawTable("电子保函", [guarantee, row, sameButKey, row])]);
    expect(set.issues.filter((i) => i.code === "key.duplicate").map((i) => i.cell)).toEqual(["电子保函!A4"]);
    expect(repeated(set)).toEqual([]);
  });
});

describe("a copied department sheet", () => {
  const GUARANTEE: RawCell[] = ["保函编号", "开立日期", "投标企业", "保证金金额"];
  it("takes its department from the name without Excel's ` (2)`", () => {
    const set = read(
      [
        rawTable("电子保函-交易一科", [GUARANTEE, ["C1", "2022-03-01", "甲公司", 1000]]),
        rawTable("电子保函-交易一科 (2)", [GUARANTEE, ["C1", "2022-03-01", "甲公司", 1000]]),
      ],
      ["电子保函-交易一科 (2)"],
    );
    const ledger = set.ledgers.电子保函!;
    expect(ledger.sources.map((s) => s.department)).toEqual(["交易一科", "交易一科"]);
    expect(columnarOf(ledger).departments).toEqual(["交易一科", "交易一科"]);
    // The copy is still said to be one.
    const hidden = set.issues.find((i) => i.code === "sheet.hidden");
    expect(hidden?.message).toContain("复制");
  });
});
