// Amounts as clerks type them (`1,234.50`, `１２３`, `1.2万`, `500万元`, `¥300`), generated from an
// exact integer mantissa so the expected value never depends on the parser's own arithmetic.
import fc from "fast-check";
import { parseNumberParts } from "../../src/core/ledger/values";
import type { RawCell } from "../../src/core/types";

/** What the ledger reader makes of a number cell: its value, or that it is no number. */
function parseNumber(cell: RawCell): { ok: true; value: number } | { ok: false } {
  const parts = parseNumberParts(cell);
  return parts ? { ok: true, value: parts.value } : { ok: false };
}

const FULL_WIDTH: Record<string, string> = { ",": "，", ".": "．", "-": "－" };
function fullWidth(s: string): string {
  return s.replace(/[0-9,.-]/g, (c) => FULL_WIDTH[c] ?? String.fromCharCode(0xff10 + Number(c)));
}

function withThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+$)/g, ",");
}

interface Amount {
  /** Integer part and fractional digits as typed. */
  integer: number;
  fraction: string;
  grouped: boolean;
  wide: boolean;
  prefix: "" | "¥" | "￥";
  suffix: "" | "元" | "万" | "万元";
  negative: boolean;
}

/** What the cell says, and its value computed from integers only. */
function spell(a: Amount): { text: string; value: number } {
  const intText = a.grouped ? withThousands(String(a.integer)) : String(a.integer);
  let text = a.fraction ? `${intText}.${a.fraction}` : intText;
  text = `${a.negative ? "-" : ""}${a.prefix}${text}${a.suffix}`;
  if (a.wide) text = fullWidth(text);
  const mantissa = a.integer * 10 ** a.fraction.length + Number(a.fraction || "0");
  const power = (a.suffix.startsWith("万") ? 4 : 0) - a.fraction.length;
  // mantissa < 2^53 and |power| ≤ 4: both products below are exact or correctly rounded once.
  const magnitude = power >= 0 ? mantissa * 10 ** power : mantissa / 10 ** -power;
  return { text, value: a.negative && magnitude !== 0 ? -magnitude : magnitude };
}

const amount: fc.Arbitrary<Amount> = fc.record({
  integer: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99_999_999 })),
  fraction: fc.oneof(fc.constant(""), fc.stringMatching(/^[0-9]{1,2}$/)),
  grouped: fc.boolean(),
  wide: fc.boolean(),
  prefix: fc.constantFrom("" as const, "¥" as const, "￥" as const),
  suffix: fc.constantFrom("" as const, "元" as const, "万" as const, "万元" as const),
  negative: fc.boolean(),
});

describe("numbers in every accepted spelling", () => {
  it("parse to the value the clerk meant, with separators, full-width digits, ¥/￥ and 元/万/万元", () => {
    fc.assert(
      fc.property(amount, (a) => {
        const { text, value } = spell(a);
        expect({ text, result: parseNumber(text) }).toEqual({ text, result: { ok: true, value } });
      }),
      { numRuns: 2000 },
    );
  });

  it("reads the documented examples exactly", () => {
    const cases: [string, number][] = [
      ["1,234.5", 1234.5],
      ["１２３", 123],
      ["1.2万", 12000],
      ["500万元", 5_000_000],
      ["¥300", 300],
      ["￥1,000元", 1000],
      ["1.1万", 11000],
      ["0.01万", 100],
    ];
    for (const [text, value] of cases) expect({ text, result: parseNumber(text) }).toEqual({ text, result: { ok: true, value } });
  });

  it("passes finite numbers through and rejects non-finite ones", () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        expect(parseNumber(n)).toEqual(Number.isFinite(n) ? { ok: true, value: n } : { ok: false });
      }),
    );
  });

  it("rejects text, Excel errors and malformed separators", () => {
    for (const text of ["abc", "#N/A", "#VALUE!", "1,23", "12,3456", "1.2.3", "万", "¥", "", "  ", "1 万 2", "--5"]) {
      expect({ text, result: parseNumber(text) }).toEqual({ text, result: { ok: false } });
    }
  });
});

describe("numbers from arbitrary cells", () => {
  const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.stringMatching(/^[-+¥￥0-9０-９,，.．万亿元 ]{0,20}$/),
    fc.boolean(),
    fc.constant(null),
  );

  it("never throws, and anything accepted is a finite number", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const result = parseNumber(cell);
        if (result.ok) expect(Number.isFinite(result.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
