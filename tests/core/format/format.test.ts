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
      [499_999.99, "0.005"],
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
      [49.99, "0.005"],
      [50, "0.01"],
    ]);
  });
});

describe("a value that is not 0 but would read 0 in its unit", () => {
  it("shows decimals up to the first that is not 0, never 0.00 for a sum the ledger has", () => {
    // 7 guarantees of 10,000 元: a clerk would sign 累计减少企业资金占用0.00亿元.
    expectFormatted("yi", [
      [70_000, "0.0007"],
      [149_000, "0.0015"],
      [499_999.99, "0.005"],
      [1, "0.00000001"],
      [0.4, "0.00"],
    ]);
    expectFormatted("wan", [
      [30, "0.003"],
      [0.01, "0.000001"],
    ]);
    expect(formatValue(0.04, "percent")).toBe("0.04");
  });
  it("stays within 5% of any sum of 1 元 or more that two decimals would show as 0.00", () => {
    const fc = require("fast-check") as typeof import("fast-check");
    // Below 0.005 of the unit: 500,000 元 in 亿元, 50 元 in 万元.
    for (const [kind, unit, below] of [
      ["yi", 1e8, 50_000_000],
      ["wan", 1e4, 5_000],
    ] as const) {
      fc.assert(
        fc.property(fc.integer({ min: 100, max: below - 1 }), (cents) => {
          const yuan = cents / 100;
          const shown = Number(formatValue(yuan, kind)) * unit;
          // Two significant digits, but never finer than the 8th decimal (1 元 in 亿元).
          expect(Math.abs(shown - yuan)).toBeLessThanOrEqual(Math.max(yuan * 0.05, unit * 0.5e-8));
        }),
        { numRuns: 1000 },
      );
    }
  });
  it("keeps the unit's decimals where they already show a digit, and 0 as 0.00", () => {
    expectFormatted("yi", [
      [500_000, "0.01"],
      [0, "0.00"],
    ]);
  });
});

describe("百分比 format", () => {
  it.each([
    [12.345, "12.3"],
    [12.35, "12.4"],
    [100, "100.0"],
    [0, "0.0"],
  ])("writes the percentage number %d with one decimal, half up: %s", (n, text) => expect(formatValue(n, "percent")).toBe(text));
});

describe("negative numbers", () => {
  it.each<[number, FormatKind, string]>([
    [-0, "integer", "0"],
    [-0.4, "integer", "0"],
    [-0, "approx", "0"],
    [-1e-12, "yi", "0.00"],
    [-0, "wan", "0.00"],
    [-1e-12, "percent", "0.0"],
  ])("never carry a minus sign when they show as zero: %d in %s is %s", (n, kind, text) => {
    expect(formatValue(n, kind)).toBe(text);
  });
  it.each<[number, FormatKind, string]>([
    [-3, "integer", "-3"],
    [-20_000, "wan", "-2.00"],
    [-1, "yi", "-0.00000001"],
  ])("keep the minus sign when they do not: %d in %s is %s", (n, kind, text) => {
    expect(formatValue(n, kind)).toBe(text);
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
  // The way official documents write them: without zero padding; text that is no ISO date stays as it is.
  it.each([
    ["2022-12-31", "2022年12月31日"],
    ["2023-01-05", "2023年1月5日"],
    ["不详", "不详"],
  ])("write %s as %s", (iso, text) => expect(chineseDate(iso)).toBe(text));
  it.each([
    ["2022-12-31", "2022年12月底"],
    ["2022-06-30", "2022年6月底"],
  ])("name the period end %s as the end of its month, %s", (iso, text) => expect(chineseMonthEnd(iso)).toBe(text));
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
      // From 0.005 亿元 (0.005 万元) up: below, a sum that is not 0 shows more decimals than two (shownText).
      fc.property(fc.bigInt({ min: 50_000_000n, max: 10n ** 15n }), (cents) => {
        const yuan = Number(cents) / 100;
        expect(formatValue(yuan, "yi")).toBe(reference(cents, 10n ** 8n));
        expect(formatValue(yuan, "wan")).toBe(reference(cents, 10n ** 4n));
      }),
      { numRuns: 2000 },
    );
  });
});
