import { SIZED_ROWS, blockJsonBytes } from "../../../src/adapters/excel/shared";
// The host's measure (it encodes the JSON), the truth the adapter's estimate must agree with.
import { jsonBytes } from "../../../src/simulated-host/common";

// What the 5 MB limit counts, measured independently of both: the UTF-8 bytes of the JSON text.
const wireBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

describe("blockJsonBytes sizes a block of values without serialising it", () => {
  it("counts a short block exactly as its JSON on the wire: Chinese, quotes, escapes, numbers, booleans, blanks", () => {
    const block = [
      ["项目名称", "金额（万元）", "是否", null],
      ['含"引号"与\\反斜杠', 1234.5, true, ""],
      ["换行\n制表\t", -0.000123, false, 1e21],
      ["𠀀扩展区汉字", 0, null, "\u0001"],
      [],
    ];
    expect(blockJsonBytes(block)).toBe(wireBytes(block));
    expect(blockJsonBytes([])).toBe(wireBytes([]));
  });

  it(`measures a block of up to ${SIZED_ROWS} rows exactly`, () => {
    const block = Array.from({ length: SIZED_ROWS }, (_, i) => [`项目${i}`, i * 1.5, i % 3 === 0 ? "是" : null]);
    expect(blockJsonBytes(block)).toBe(wireBytes(block));
  });

  it("estimates a 100,000-row ledger block within 2% of its JSON bytes, so the next blocks stay under the limit", () => {
    const names = ["某某市政道路改造工程", "学校", "某某县人民医院门诊楼及配套设施建设项目（二期）"];
    const block = Array.from({ length: 100_000 }, (_, i) => [
      `BH${String(i).padStart(8, "0")}`,
      names[i % names.length],
      45000 + (i % 365),
      Math.round(i * 37.3) / 100,
      i % 7 === 0 ? null : "中国银行",
    ]);
    const exact = wireBytes(block);
    expect(Math.abs(blockJsonBytes(block) - exact) / exact).toBeLessThan(0.02);
  });

  it("sees rows that differ from the first ones: long text in the second half of a block counts", () => {
    const block = Array.from({ length: 20_000 }, (_, i) => [i, i < 10_000 ? "短" : "很长的项目名称".repeat(20)]);
    const exact = wireBytes(block);
    expect(Math.abs(blockJsonBytes(block) - exact) / exact).toBeLessThan(0.02);
  });

  it("agrees with jsonBytes, the full measure, on every short block", () => {
    const block = [
      ["日期", "主题"],
      [44571, "二十大"],
      [null, true],
    ];
    expect(blockJsonBytes(block)).toBe(jsonBytes(block));
  });
});
