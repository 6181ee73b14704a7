// Every date spelling LEDGERS.md promises, generated from one calendar date and read back: the
// reference calendar here is Date.UTC, never the engine's own serial arithmetic.
import fc from "fast-check";
import { parseDate } from "../../src/core/ledger/values";
import type { RawCell } from "../../src/core/types";

const DAY_MS = 86400000;

interface Day {
  y: number;
  m: number;
  d: number;
}

function iso({ y, m, d }: Day): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function daysInMonth(y: number, m: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Excel's 1900 serial: days since 1899-12-30, one fewer before March 1900 (Excel counts a 1900-02-29). */
function serial1900(day: Day): number {
  const t = Date.UTC(day.y, day.m - 1, day.d);
  const n = (t - Date.UTC(1899, 11, 30)) / DAY_MS;
  return t < Date.UTC(1900, 2, 1) ? n - 1 : n;
}

function serial1904(day: Day): number {
  return (Date.UTC(day.y, day.m - 1, day.d) - Date.UTC(1904, 0, 1)) / DAY_MS;
}

const FULL_WIDTH_DIGITS = "０１２３４５６７８９";
function fullWidth(s: string): string {
  return s.replace(/[0-9]/g, (c) => FULL_WIDTH_DIGITS[Number(c)]);
}

function dayIn(minYear: number, maxYear: number): fc.Arbitrary<Day> {
  return fc
    .record({ y: fc.integer({ min: minYear, max: maxYear }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));
}

/** The text spellings of a day a clerk may type (without full-width folding). */
function spellings({ y, m, d }: Day): string[] {
  const mm = String(m).padStart(2, "0");
  const dd = String(d).padStart(2, "0");
  return [`${y}-${mm}-${dd}`, `${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`, `${y}${mm}${dd}`, `${y}-${m}-${d}`];
}

describe("dates round-trip through every accepted spelling", () => {
  it("reads a 1900-system serial (with any time of day) as the day it stands for", () => {
    fc.assert(
      fc.property(dayIn(1900, 9999), fc.double({ min: 0, max: 0.999, noNaN: true }), (day, time) => {
        expect(parseDate(serial1900(day) + time, false)).toEqual({ ok: true, iso: iso(day) });
      }),
      { numRuns: 500 },
    );
  });

  it("reads a 1904-system serial as the day it stands for when the workbook says 1904", () => {
    fc.assert(
      fc.property(dayIn(1904, 9999), fc.double({ min: 0, max: 0.999, noNaN: true }), (day, time) => {
        expect(parseDate(serial1904(day) + time, true)).toEqual({ ok: true, iso: iso(day) });
      }),
      { numRuns: 500 },
    );
  });

  it("knows the 1900-system corner days: serial 1, 59, 61, and rejects Excel's fictional 1900-02-29 (serial 60)", () => {
    expect(parseDate(1, false)).toEqual({ ok: true, iso: "1900-01-01" });
    expect(parseDate(59, false)).toEqual({ ok: true, iso: "1900-02-28" });
    expect(parseDate(61, false)).toEqual({ ok: true, iso: "1900-03-01" });
    expect(parseDate(60, false)).toEqual({ ok: false });
    expect(parseDate(0, true)).toEqual({ ok: true, iso: "1904-01-01" });
  });

  it("reads ISO, y/m/d, y.m.d, y年m月d日 and yyyymmdd, in half- and full-width digits, as the same day", () => {
    fc.assert(
      fc.property(dayIn(1000, 9999), fc.boolean(), fc.boolean(), (day, wide, date1904) => {
        for (const text of spellings(day)) {
          const cell = wide ? fullWidth(text) : text;
          expect({ cell, result: parseDate(cell, date1904) }).toEqual({ cell, result: { ok: true, iso: iso(day) } });
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reads yyyymmdd typed as a number as that day, not as a serial", () => {
    fc.assert(
      fc.property(dayIn(1000, 9999), fc.boolean(), (day, date1904) => {
        expect(parseDate(day.y * 10000 + day.m * 100 + day.d, date1904)).toEqual({ ok: true, iso: iso(day) });
      }),
    );
  });
});

describe("dates that do not exist are rejected", () => {
  const impossible: fc.Arbitrary<Day> = fc.oneof(
    // A day past the end of its month: 2022-02-30, 2023-02-29, 2022-04-31, 2022-01-32 …
    fc
      .record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), past: fc.integer({ min: 1, max: 68 }) })
      .map(({ y, m, past }) => ({ y, m, d: daysInMonth(y, m) + past })),
    fc.record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 13, max: 99 }), d: fc.integer({ min: 1, max: 28 }) }),
    fc.record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 0, max: 12 }), d: fc.constant(0) }),
  );

  it("rejects every spelling of a day that is not in the calendar", () => {
    fc.assert(
      fc.property(impossible, fc.boolean(), (day, date1904) => {
        const mm = String(day.m).padStart(2, "0");
        const dd = String(day.d).padStart(2, "0");
        for (const text of [
          `${day.y}-${mm}-${dd}`,
          `${day.y}/${day.m}/${day.d}`,
          `${day.y}.${day.m}.${day.d}`,
          `${day.y}年${day.m}月${day.d}日`,
          `${day.y}${mm}${dd}`,
        ]) {
          expect({ text, result: parseDate(text, date1904) }).toEqual({ text, result: { ok: false } });
        }
      }),
      { numRuns: 500 },
    );
  });

  it("rejects the examples clerks get wrong most often", () => {
    for (const text of ["2022-02-30", "2022年2月29日", "2021/2/29", "2022.4.31", "20221301", "2022-00-10", "1900-02-29"]) {
      expect({ text, result: parseDate(text, false) }).toEqual({ text, result: { ok: false } });
    }
    expect(parseDate("2024-02-29", false)).toEqual({ ok: true, iso: "2024-02-29" });
    expect(parseDate("2000-02-29", false)).toEqual({ ok: true, iso: "2000-02-29" });
  });

  it("rejects serials before the first day and past 9999-12-31, and non-finite numbers", () => {
    for (const cell of [0, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect({ cell, result: parseDate(cell, false) }).toEqual({ cell, result: { ok: false } });
    }
    expect(parseDate(-1, true)).toEqual({ ok: false });
  });
});

describe("dates from arbitrary cells", () => {
  const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.stringMatching(/^[0-9０-９年月日号/. :时分秒TZ+-]{0,24}$/),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );

  it("never throws, and anything accepted is a real ISO day", () => {
    fc.assert(
      fc.property(anyCell, fc.boolean(), (cell, date1904) => {
        const result = parseDate(cell, date1904);
        if (result.ok) {
          expect(result.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          const [y, m, d] = result.iso.split("-").map(Number);
          expect(d).toBeLessThanOrEqual(daysInMonth(y, m));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
