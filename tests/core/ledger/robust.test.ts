import fc from "fast-check";
import { readLedgers } from "../../../src/core/ledger";
import type { RawCell, RawTable } from "../../../src/core/types";
import { EG_HEADER, STUDY_HEADER } from "./build";

const cell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom("#N/A", "#REF!", "合计", "注：", "1.2万", "2022年2月30日", "　", "序号", "保函编号", "日期", "-0", "¥", "万元"),
);

describe("reading any input without throwing", () => {
  it("turns any cells in any position into rows and issues, never an exception", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("电子保函", "学习记录-一科", "Teams", "人员（二科）", "Sheet1"),
        fc.constantFrom(EG_HEADER, STUDY_HEADER, ["姓名", "青年突击队"], [] as RawCell[]),
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
        fc.boolean(),
        (name, header, rows, date1904) => {
          const table: RawTable = {
            sheet: name,
            top: 0,
            left: 0,
            values: [header, ...rows],
            merges: [{ top: 1, left: 0, bottom: 3, right: 1 }],
          };
          const set = readLedgers({ date1904, tables: [table] }, { periodEnd: "2022-12-31" });
          for (const ledger of Object.values(set.ledgers)) {
            for (const row of ledger!.rows) for (const v of Object.values(row.values)) expect(Number.isNaN(v)).toBe(false);
          }
          for (const i of set.issues) expect(i.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
  it("survives malformed tables: ragged rows, holes, bad merges and missing fields", () => {
    const bad = [
      { sheet: "电子保函", top: 0, left: 0, values: [EG_HEADER, undefined, "row", [undefined, 1]] },
      { sheet: "学习记录", top: Number.NaN, left: -3, values: null, merges: [null, { top: 5, left: 5, bottom: 1, right: 1 }] },
      null,
      { sheet: undefined, values: [[{}]] },
    ] as unknown as RawTable[];
    const set = readLedgers({ date1904: false, tables: bad });
    expect(set.ledgers.电子保函?.rows).toEqual([]);
    expect(set.ledgers.电子保函?.excluded).toBe(1);
    expect(set.issues.map((i) => i.code)).toContain("ledger.no_header");
  });
});

describe("reading large ledgers", () => {
  const header = ["序号", "部门", "保函编号", "开立日期", "投标企业", "统一社会信用代码", "保证金金额（元）", "出函机构", "状态"];
  function ledgerOf(n: number): RawTable {
    const values: RawCell[][] = [header];
    for (let i = 0; i < n; i++) {
      values.push([
        i + 1,
        "交易一科",
        `BH-${i}`,
        44562 + (i % 365),
        `企业${i % 5000}`,
        "914403001922038216",
        i % 2 ? 10000 + i : "1.2万",
        "某银行",
        i % 10 === 0 ? "撤销" : "",
      ]);
    }
    return { sheet: "电子保函", top: 0, left: 0, values };
  }
  function cpuMs(table: RawTable): number {
    let best = Infinity;
    for (let run = 0; run < 2; run++) {
      const before = process.cpuUsage();
      const set = readLedgers({ date1904: false, tables: [table] });
      const used = process.cpuUsage(before);
      expect(set.ledgers.电子保函?.rows).toHaveLength(table.values.length - 1);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  }
  // Wall-clock limits fail on a busy machine; growth does not: a quadratic duplicate check
  // makes four times the rows cost sixteen times as much.
  it("takes about four times as long for four times the rows", () => {
    const small = cpuMs(ledgerOf(25000));
    const large = cpuMs(ledgerOf(100000));
    expect(large / small).toBeLessThan(9);
  });
});
