import { readLedgers } from "../../../src/core/ledger";
import { BLANK, CellColumns, NUMBER, OTHER, TEXT, tableColumns, withColumns } from "../../../src/core/ledger/raw-columns";
import type { LedgerSet, RawCell, RawTable } from "../../../src/core/types";
import { EG_HEADER, partnerSheet, studySheet, workbook } from "./build";

/**
 * A table's cells as a file's reader gives them: text as indices into one strings table that may
 * hold the same text twice (writers do not always share equal strings), blanks as no cell.
 */
function asSharedStrings(values: RawCell[][], strings: string[]): CellColumns {
  const height = values.length;
  const width = Math.max(...values.map((r) => r.length));
  const kinds = new Uint8Array(height * width);
  const payload = new Float64Array(height * width);
  const others: RawCell[] = [];
  // Each text's last index in the table, so a text listed twice is met under both indices.
  const seen = new Map<string, number>();
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      const i = c * height + r;
      if (typeof v === "number") {
        kinds[i] = NUMBER;
        payload[i] = v;
      } else if (typeof v === "string" && v !== "") {
        const first = strings.indexOf(v);
        const last = strings.lastIndexOf(v);
        const index = seen.get(v) === first && last !== first ? last : first;
        if (index < 0) throw new Error(`${v} is not in the strings table`);
        seen.set(v, index);
        kinds[i] = TEXT;
        payload[i] = index;
      } else if (v !== "" && v !== null) {
        kinds[i] = OTHER;
        payload[i] = others.length;
        others.push(v);
      }
    }),
  );
  return new CellColumns(kinds, payload, height, 0, 0, height, width, strings, others);
}

function read(table: RawTable): LedgerSet {
  return readLedgers(workbook(studySheet(), partnerSheet(), table), { periodEnd: "2022-12-31" });
}

function same(a: LedgerSet, b: LedgerSet): void {
  expect(a.issues).toEqual(b.issues);
  expect(a.rowAccounts).toEqual(b.rowAccounts);
  expect(a.ledgers.电子保函?.rows).toEqual(b.ledgers.电子保函?.rows);
  expect(a.ledgers.电子保函?.excluded).toBe(b.ledgers.电子保函?.excluded);
}

const BAD_CODE = "914403001922038217";
const GOOD_CODE = "914403001922038216";

describe("a ledger read from columns of shared-string indices", () => {
  const values: RawCell[][] = [
    EG_HEADER,
    ["BH-1", 44621, "甲公司", BAD_CODE, 100, "有效"],
    ["BH-2", 44622, "甲公司", BAD_CODE, 200, "  "],
    ["BH-1", 44623, "乙公司", GOOD_CODE, 300, "有效"],
    ["BH-3", 44624, "  ", BAD_CODE, "十", "作废"],
    ["BH-4", 44625, "丙公司", BAD_CODE, 400, true],
    ["BH-5", 44626, "丙公司", BAD_CODE, 500, "有效"],
    ["BH-6", 44627, "丁公司", BAD_CODE, 600, "有效"],
    ["注：以上为本年数据", "", "", "", "", ""],
  ];
  // "BH-1", "甲公司" and the bad code twice each: equal texts under different indices.
  const strings = [
    ...EG_HEADER.map(String),
    "BH-1",
    "甲公司",
    BAD_CODE,
    "有效",
    "BH-2",
    "  ",
    "BH-1",
    "乙公司",
    GOOD_CODE,
    "BH-3",
    "十",
    "作废",
    "BH-4",
    "丙公司",
    "BH-5",
    "BH-6",
    "丁公司",
    "甲公司",
    BAD_CODE,
    "注：以上为本年数据",
  ];

  it("gives the issues, row accounts and records the same table's values give", () => {
    const fromValues = read({ sheet: "电子保函", top: 0, left: 0, values });
    const fromColumns = read(withColumns({ sheet: "电子保函", top: 0, left: 0 }, asSharedStrings(values, strings)));
    same(fromColumns, fromValues);
  });

  it("judges a key by its text, whichever index holds it", () => {
    const set = read(withColumns({ sheet: "电子保函", top: 0, left: 0 }, asSharedStrings(values, strings)));
    expect(set.issues.filter((i) => i.code === "key.duplicate").map((i) => [i.cell, i.message])).toEqual([
      ["电子保函!A4", expect.stringContaining("与 电子保函!A2 重复")],
    ]);
  });

  it("says a text's problem at every row that has it, as one flood past five cells", () => {
    const set = read(withColumns({ sheet: "电子保函", top: 0, left: 0 }, asSharedStrings(values, strings)));
    const flood = set.issues.find((i) => i.code === "creditcode.invalid")!;
    expect(flood.count).toBe(6);
    expect(flood.range).toBe("电子保函!D2:D8");
    expect(flood.cells).toEqual(["电子保函!D2", "电子保函!D3", "电子保函!D5", "电子保函!D6", "电子保函!D7"]);
  });

  it("reads a merged area's value into the cells it covers, as from values", () => {
    const merges = [{ top: 1, left: 2, bottom: 2, right: 2 }];
    const merged = values.map((row, r) => (r === 2 ? row.map((v, c) => (c === 2 ? "" : v)) : row));
    const fromValues = read({ sheet: "电子保函", top: 0, left: 0, values: merged, merges });
    const fromColumns = read(withColumns({ sheet: "电子保函", top: 0, left: 0, merges }, asSharedStrings(merged, strings)));
    same(fromColumns, fromValues);
    expect(fromColumns.ledgers.电子保函?.rows.find((r) => r.row === 3)?.values.投标企业).toBe("甲公司");
  });
});

describe("CellColumns", () => {
  it("gives back the rows it was made from, every blank as an empty cell", () => {
    const rows: RawCell[][] = [["a", 1, true], ["a", null], [], ["", "b", false]];
    const columns = CellColumns.fromRows(rows);
    expect(columns.rows()).toEqual([
      ["a", 1, true],
      ["a", "", ""],
      ["", "", ""],
      ["", "b", false],
    ]);
    // Equal texts share one string: the reader works on each once.
    expect(columns.strings).toEqual(["a", "b"]);
    expect(columns.kinds[columns.at(2, 0)]).toBe(BLANK);
  });

  it("cuts a view that reads the same cells without copying them", () => {
    const columns = CellColumns.fromRows([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    const view = columns.view(1, 1, 2, 2);
    expect(view.rows()).toEqual([
      [5, 6],
      [8, 9],
    ]);
    expect(view.payload).toBe(columns.payload);
    expect(view.cell(5, 0)).toBe("");
  });

  it("is what a table of values alone is read as", () => {
    const table: RawTable = { sheet: "S", top: 0, left: 0, values: [["x", 2]] };
    expect(tableColumns(table).rows()).toEqual([["x", 2]]);
  });
});

describe("a table given as columns", () => {
  it("makes its values when they are read, and is its values from then on", () => {
    const table = withColumns({ sheet: "S", top: 0, left: 0 }, CellColumns.fromRows([["x", 1]]));
    expect(tableColumns(table)).toBe(table.columns);
    const values = table.values;
    expect(values).toEqual([["x", 1]]);
    values[0][0] = "changed";
    // The columns would still say "x": they are gone, and the reader reads the changed values.
    expect(table.columns).toBeUndefined();
    expect(tableColumns(table).cell(0, 0)).toBe("changed");
  });

  it("is copied, spread or cloned, as a table of values alone", () => {
    const table = withColumns({ sheet: "S", top: 0, left: 0 }, CellColumns.fromRows([["x", 1]]));
    const copy = { ...table };
    expect(copy.columns).toBeUndefined();
    expect(copy.values).toEqual([["x", 1]]);
    expect(structuredClone(copy)).toEqual({ sheet: "S", top: 0, left: 0, values: [["x", 1]] });
  });
});
