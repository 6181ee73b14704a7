import { chineseDate, chineseMonthEnd, formatKindFromLabel, formatLabel, formatValue } from "../../../src/core/format";
import type { FormatKind } from "../../../src/core/types";

/** Each number written in `kind` is the text beside it (a failure shows every pair as written). */
function expectFormatted(kind: FormatKind, cases: [number, string][]) {
  expect(cases.map(([n]) => [n, formatValue(n, kind)])).toEqual(cases);
}

describe("整数 format", () => {
  it("writes whole numbers as bare digits without thousands separators", () => {
    expect([0, 9, 10, 99, 100, 1236, 3567, 10_000, 1_000_000].map((n) => formatValue(n, "integer"))).toEqual([
      "0",
      "9",
      "10",
      "99",
      "100",
      "1236",
      "3567",
      "10000",
      "1000000",
    ]);
  });
  it("rounds non-integers half up", () => {
    expectFormatted("integer", [
      [2.5, "3"],
      [2.4999, "2"],
      [1234.5, "1235"],
    ]);
  });
  it("never writes a minus sign on zero", () => {
    expectFormatted("integer", [
      [-0, "0"],
      [-0.4, "0"],
      [-3, "-3"],
    ]);
  });
  it("writes numbers past 1e21 as digits, not exponent notation", () => {
    expect(formatValue(1e21, "integer")).toBe("1000000000000000000000");
  });
});

describe("余 format", () => {
  it("keeps numbers below ten exact", () => {
    expect([0, 1, 9].map((n) => formatValue(n, "approx"))).toEqual(["0", "1", "9"]);
  });
  it("floors two-digit numbers to tens and adds 余 only when something was cut", () => {
    expect([10, 11, 87, 99].map((n) => formatValue(n, "approx"))).toEqual(["10", "10余", "80余", "90余"]);
  });
  it("floors larger numbers to two significant digits", () => {
    expect([100, 101, 350, 1236, 1999, 10_000, 10_001, 123_456].map((n) => formatValue(n, "approx"))).toEqual([
      "100",
      "100余",
      "350",
      "1200余",
      "1900余",
      "10000",
      "10000余",
      "120000余",
    ]);
  });
  it("never rounds a fractional count up", () => {
    expectFormatted("approx", [
      [9.9, "9余"],
      [199.99, "190余"],
    ]);
  });
  it("writes negative zero as 0", () => {
    expect(formatValue(-0, "approx")).toBe("0");
  });
});

describe("亿元 and 万元 formats", () => {
  it("divides yuan by 1e8 and keeps two decimals with trailing zeros", () => {
    expectFormatted("yi", [
      [320_000_000, "3.20"],
      [0, "0.00"],
      [1_500_000_000, "15.00"],
      [123_456_789_012, "1234.57"],
    ]);
  });
  it("rounds the 0.005 亿元 edge half up, exactly", () => {
    expectFormatted("yi", [
      [500_000, "0.01"],
      [499_999.99, "0.00"],
      [100_500_000, "1.01"],
      [100_499_999.99, "1.00"],
      [1_234_500_000, "12.35"],
    ]);
  });
  it("does not fall for binary floating point at 1.005", () => {
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(formatValue(10_050, "wan")).toBe("1.01");
    expect(formatValue(1.005e8, "yi")).toBe("1.01");
  });
  it("divides yuan by 1e4 for 万元", () => {
    expectFormatted("wan", [
      [32_000, "3.20"],
      [12_345.67, "1.23"],
      [49.99, "0.00"],
      [50, "0.01"],
    ]);
  });
  it("never writes -0.00 for a tiny negative amount", () => {
    expect(formatValue(-1, "yi")).toBe("0.00");
    expect(formatValue(-0, "wan")).toBe("0.00");
    expect(formatValue(-20_000, "wan")).toBe("-2.00");
  });
});

describe("百分比 format", () => {
  it("writes a percentage number with one decimal, half up", () => {
    expectFormatted("percent", [
      [12.345, "12.3"],
      [12.35, "12.4"],
      [100, "100.0"],
      [0, "0.0"],
    ]);
  });
  it("never writes -0.0", () => {
    expect(formatValue(-0.04, "percent")).toBe("0.0");
  });
});

describe("values that cannot be shown", () => {
  const kinds: FormatKind[] = ["integer", "approx", "yi", "wan", "percent"];
  it("write the template's blank * for null, NaN and infinities in every format", () => {
    for (const kind of kinds) {
      expect([null, NaN, Infinity, -Infinity].map((v) => formatValue(v, kind))).toEqual(["*", "*", "*", "*"]);
    }
  });
});

describe("format labels", () => {
  it("read back every label they write", () => {
    const kinds: FormatKind[] = ["integer", "approx", "yi", "wan", "percent"];
    expect(kinds.map(formatLabel)).toEqual(["整数", "余", "亿元", "万元", "百分比"]);
    for (const kind of kinds) expect(formatKindFromLabel(formatLabel(kind))).toBe(kind);
  });
  it("ignore surrounding spaces and reject anything else", () => {
    expect(formatKindFromLabel(" 亿元 ")).toBe("yi");
    expect(formatKindFromLabel("元")).toBeNull();
    expect(formatKindFromLabel("")).toBeNull();
  });
});

describe("Chinese dates", () => {
  it("write dates the way official documents do, without zero padding", () => {
    expect(chineseDate("2022-12-31")).toBe("2022年12月31日");
    expect(chineseDate("2023-01-05")).toBe("2023年1月5日");
  });
  it("name the period end as the end of its month", () => {
    expect(chineseMonthEnd("2022-12-31")).toBe("2022年12月底");
    expect(chineseMonthEnd("2022-06-30")).toBe("2022年6月底");
  });
  it("leave text that is not an ISO date unchanged", () => {
    expect(chineseDate("不详")).toBe("不详");
  });
});

describe("money rounding against exact integer arithmetic", () => {
  // Reference: amounts in whole cents, rounded half up with BigInt division.
  function reference(cents: bigint, divisor: bigint): string {
    const hundredths = (cents + divisor / 2n) / divisor;
    const s = hundredths.toString().padStart(3, "0");
    return `${s.slice(0, -2)}.${s.slice(-2)}`;
  }
  it("agrees with the reference for any amount of yuan and fen", () => {
    const fc = require("fast-check") as typeof import("fast-check");
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (cents) => {
        const yuan = Number(cents) / 100;
        expect(formatValue(yuan, "yi")).toBe(reference(cents, 10n ** 8n));
        expect(formatValue(yuan, "wan")).toBe(reference(cents, 10n ** 4n));
      }),
      { numRuns: 2000 },
    );
  });
});
