import { readLedgers } from "../../../src/core/ledger";
import { ColumnarLedger, columnarOf } from "../../../src/core/ledger/columnar";
import { DEFAULT_DEFINITIONS, evaluateFigures, figureColumns } from "../../../src/core/figures";
import { cellDigest } from "../../../src/core/hash";
import type { Ledger, LedgerSet } from "../../../src/core/types";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx";
import { naiveSampleFigures } from "../../helpers/naive-figures";
import { guaranteeLedger } from "../../../bench/tasks/core";
import { EG_HEADER, partnerSheet, sheet, studySheet, workbook } from "./build";

const CODE = "914403001922038216";
const CODE2 = "91350100M000100Y43";
const YEAR = { periodStart: "2022-01-01", periodEnd: "2022-12-31", scope: "" };

function guarantees(): LedgerSet {
  return readLedgers(guaranteesWorkbook(), { periodEnd: "2022-12-31" });
}

function guaranteesWorkbook() {
  return workbook(
    studySheet(),
    partnerSheet(),
    sheet("电子保函台账（交易一科）", [EG_HEADER, ["BH-1", "2022-01-01", "甲公司", CODE, 100, "有效"]]),
    sheet("电子保函-交易二科", [
      [...EG_HEADER, "部门", "备注"],
      ["BH-2", "2022-01-02", "乙公司", CODE2, 200, "有效", "", "加急"],
      ["BH-3", "2022-01-03", "丙公司", "", 300, "撤销", "综合科", ""],
    ]),
  );
}

const figure = (set: LedgerSet, id: string) => evaluateFigures(DEFAULT_DEFINITIONS, set, YEAR).figures.find((f) => f.id === id)!;

describe("a ledger's values kept by column", () => {
  it("gives each row the record its own sheet has: no key for a column only another sheet has", () => {
    const rows = guarantees().ledgers.电子保函!.rows;
    // The canonical keys of each sheet's header, in its order; a blank cell is null.
    const keys = ["保函编号", "开立日期", "投标企业", "统一社会信用代码", "保证金金额", "状态"];
    const record = (columns: string[], values: unknown[]) => Object.fromEntries(columns.map((c, i) => [c, values[i]]));
    expect(rows.map((r) => r.values)).toEqual([
      record(keys, ["BH-1", "2022-01-01", "甲公司", CODE, 100, "有效"]),
      record([...keys, "部门", "备注"], ["BH-2", "2022-01-02", "乙公司", CODE2, 200, "有效", null, "加急"]),
      record([...keys, "部门", "备注"], ["BH-3", "2022-01-03", "丙公司", null, 300, "撤销", "综合科", null]),
    ]);
    // toEqual passes over an undefined key: the first sheet's record must not have one at all.
    expect(Object.keys(rows[0].values)).toEqual(keys);
    // Built once, then the same record on every read.
    expect(rows[1].values).toBe(rows[1].values);
    expect(JSON.parse(JSON.stringify(rows[0]))).toEqual({
      sheet: "电子保函台账（交易一科）",
      row: 2,
      department: "交易一科",
      columns: { 保函编号: "A", 开立日期: "B", 投标企业: "C", 统一社会信用代码: "D", 保证金金额: "E", 状态: "F" },
      values: rows[0].values,
    });
  });

  it("hands figures the reader's columns, padded where a sheet lacks one", () => {
    const ledger = guarantees().ledgers.电子保函!;
    const columns = columnarOf(ledger);
    expect(columns).toBe(ledger.columnar);
    expect(columns.column("保证金金额")).toEqual([100, 200, 300]);
    expect(columns.column("备注")).toEqual([undefined, "加急", null]);
    expect(columns.column("没有这一列")).toEqual([]);
    expect([0, 1, 2].map((i) => columns.cellAddress(i, "保证金金额"))).toEqual([
      "'电子保函台账（交易一科）'!E2",
      "'电子保函-交易二科'!E2",
      "'电子保函-交易二科'!E3",
    ]);
    expect(columns.cellAddress(0, "备注")).toBeUndefined();
  });

  it("refuses a change to a read row's record, which is a view of the columns figures count", () => {
    const set = guarantees();
    expect(figure(set, "eg.count").value).toBe(2);
    expect(() => {
      set.ledgers.电子保函!.rows[0].values.状态 = "撤销";
    }).toThrow(TypeError);
    expect(figure(set, "eg.count").value).toBe(2);
  });

  it("makes the row records only when someone reads them, then the same list on every read", () => {
    const ledger = guarantees().ledgers.电子保函!;
    expect(Object.getOwnPropertyDescriptor(ledger, "rows")?.get).toBeDefined();
    expect(Object.keys(ledger)).toEqual(["name", "sources", "columns", "rows", "excluded", "missingColumns"]);
    expect(ledger.rows).toBe(ledger.rows);
  });

  it("gathers the columns of rows built by hand, one source per sheet", () => {
    const table = ColumnarLedger.fromRows([
      { sheet: "甲", row: 2, values: { 状态: "有效", 金额: 1 }, department: "一科" },
      { sheet: "乙", row: 5, values: { 金额: 2, 备注: "x" }, department: null },
      { sheet: "甲", row: 3, values: { 状态: null }, department: "一科" },
    ]);
    expect(table.length).toBe(3);
    expect(table.names).toEqual(["状态", "金额", "备注"]);
    expect(table.column("金额")).toEqual([1, 2, undefined]);
    expect(table.column("状态")).toEqual(["有效", undefined, null]);
    expect(table.sources.map((s) => s.sheet)).toEqual(["甲", "乙"]);
    expect([0, 1, 2].map((i) => [table.sheet(i), table.rowNumber(i), table.departments[i]])).toEqual([
      ["甲", 2, "一科"],
      ["乙", 5, null],
      ["甲", 3, "一科"],
    ]);
    // Rows built by hand have no cells to point at.
    expect(table.cellAddress(0, "金额")).toBeUndefined();
  });

  it("counts rows added to or removed from the list after reading", () => {
    const set = guarantees();
    const ledger = set.ledgers.电子保函! as Ledger;
    ledger.rows = ledger.rows.slice(1);
    expect(figure(set, "eg.count").value).toBe(1);
  });

  it("keeps the digest of every cell the reader writes, and none for a column some rows never wrote", () => {
    const table = new ColumnarLedger();
    const first = table.addSource("甲", null);
    const amount = table.columnIndex("金额");
    // A repeated string, 0 then -0 (equal to ===, different cells to a digest), text, a blank.
    const cells = ["有效", "有效", 0, -0, "撤销", null];
    cells.forEach((v, i) => {
      table.writeCell(amount, i, v);
      table.addRow(first, i + 2, null);
    });
    const second = table.addSource("乙", null);
    const note = table.columnIndex("备注");
    table.writeCell(amount, cells.length, 5);
    table.writeCell(note, cells.length, "加急");
    table.addRow(second, 2, null);
    table.finish();
    expect([...table.digestsOf("金额")!]).toEqual([...cells, 5].map(cellDigest));
    expect(cellDigest(-0)).not.toBe(cellDigest(0));
    // 备注 is blank in the first sheet's rows, which never wrote it: the figures digest it themselves.
    expect(table.digestsOf("备注")).toBeNull();
    expect(table.digestsOf("没有的列")).toBeNull();
  });

  it("gives the same figures for rows built by hand as for the same rows read from a sheet", () => {
    const read = guarantees();
    const byHand: LedgerSet = JSON.parse(JSON.stringify(read));
    const plain = (set: LedgerSet) =>
      evaluateFigures(DEFAULT_DEFINITIONS, set, YEAR).figures.map((f) => [f.id, f.value, f.rows, f.fingerprint]);
    expect(plain(byHand)).toEqual(plain(guarantees()));
  });
});

describe("figures read by column and from rows", () => {
  const PERIOD = { periodStart: "2022-01-01", periodEnd: "2022-12-31" };
  const result = (set: LedgerSet, scope: string) =>
    evaluateFigures(DEFAULT_DEFINITIONS, set, { ...PERIOD, scope }).figures.map((f) => ({
      id: f.id,
      value: f.value,
      text: f.text,
      rows: f.rows,
      rowRefs: f.rowRefs,
      fingerprint: f.fingerprint,
      unresolved: f.unresolved?.code,
    }));
  /** The same ledgers with every row a plain record and no columns of their own: the rows path. */
  const byHand = (set: LedgerSet): LedgerSet => JSON.parse(JSON.stringify(set));

  it("are identical on the sample workbook, and equal the naive count of the file", async () => {
    const file = join(__dirname, "../../../examples/sample-ledgers.xlsx");
    const bytes = new Uint8Array(readFileSync(file));
    const set = readLedgers(readXlsx(bytes), { periodEnd: PERIOD.periodEnd });
    expect(Object.values(set.ledgers).every((l) => l!.columnar !== undefined)).toBe(true);
    expect(Object.values(byHand(set).ledgers).every((l) => l!.columnar === undefined)).toBe(true);
    for (const scope of ["", "交易一科"]) expect(result(byHand(set), scope)).toEqual(result(set, scope));
    const naive = await naiveSampleFigures(file);
    const figures = result(set, "");
    for (const [id, value] of Object.entries(naive)) expect({ id, value: figures.find((f) => f.id === id)?.value }).toEqual({ id, value });
  });

  it("are identical whether the reader digested the columns figures read or the figures did", () => {
    const file = join(__dirname, "../../../examples/sample-ledgers.xlsx");
    const wb = readXlsx(new Uint8Array(readFileSync(file)));
    const digest = figureColumns(DEFAULT_DEFINITIONS);
    const sets = [
      [readLedgers(wb, { periodEnd: PERIOD.periodEnd, digest }), readLedgers(wb, { periodEnd: PERIOD.periodEnd })],
      [
        readLedgers(guaranteesWorkbook(), { periodEnd: PERIOD.periodEnd, digest }),
        readLedgers(guaranteesWorkbook(), { periodEnd: PERIOD.periodEnd }),
      ],
    ];
    for (const [digested, plain] of sets) {
      // Not vacuous: the reader did digest the columns every guarantee figure reads, and no other.
      const table = digested.ledgers.电子保函!.columnar!;
      expect(table.digestsOf("状态")).not.toBeNull();
      expect(table.digestsOf("保函编号")).toBeNull();
      expect(plain.ledgers.电子保函!.columnar!.digestsOf("状态")).toBeNull();
      for (const scope of ["", "交易一科"]) expect(result(digested, scope)).toEqual(result(plain, scope));
    }
  });

  it("are identical on a generated ledger of thousands of guarantees, under every scope", () => {
    const set = guaranteeLedger(3000);
    const departments = [...new Set(set.ledgers.电子保函!.columnar!.departments)];
    expect(departments.length).toBeGreaterThan(1);
    for (const scope of ["", ...departments.map(String)]) {
      const columns = result(set, scope);
      expect(result(byHand(set), scope)).toEqual(columns);
      expect(columns.find((f) => f.id === "eg.count")!.value).toBeGreaterThan(0);
    }
  });
});
