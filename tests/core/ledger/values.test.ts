import { parseDate, parseNumberParts } from "../../../src/core/ledger/values";

const iso = (cell: Parameters<typeof parseDate>[0], date1904 = false) => {
  const r = parseDate(cell, date1904);
  return r.ok ? r.iso : null;
};
const value = (cell: Parameters<typeof parseNumberParts>[0]) => parseNumberParts(cell)?.value ?? null;

describe("reading dates", () => {
  it("reads 1900-system serials, ignoring the time of day", () => {
    expect(iso(44621)).toBe("2022-03-01");
    expect(iso(44621.75)).toBe("2022-03-01");
    expect(iso(1)).toBe("1900-01-01");
    expect(iso(2958465)).toBe("9999-12-31");
  });
  it("keeps Excel's fake 1900-02-29: serial 59 is Feb 28, 60 is no day, 61 is Mar 1", () => {
    expect(iso(59)).toBe("1900-02-28");
    expect(iso(60)).toBeNull();
    expect(iso(61)).toBe("1900-03-01");
  });
  it("reads serials in the 1904 system when the workbook uses it", () => {
    expect(iso(0, true)).toBe("1904-01-01");
    expect(iso(43159, true)).toBe("2022-03-01");
  });
  it("rejects serials no Excel date has", () => {
    for (const n of [0, -5, 2958466, Number.NaN, Number.POSITIVE_INFINITY]) expect(iso(n)).toBeNull();
  });
  it("reads the spellings clerks type", () => {
    for (const s of [
      "2022-03-01",
      "2022/3/1",
      "2022.3.1",
      "2022年3月1日",
      "2022 年 3 月 1 日",
      "20220301",
      "２０２２年３月１日",
      "2022-03-01 14:30:00",
      "2022/3/1 9:05",
      "2022-03-01T08:00:00Z",
      " 2022-3-1 ",
    ]) {
      expect([s, iso(s)]).toEqual([s, "2022-03-01"]);
    }
    expect(iso(20220301)).toBe("2022-03-01");
  });
  it("checks the day really exists", () => {
    expect(iso("2023-02-29")).toBeNull();
    expect(iso("2024-02-29")).toBe("2024-02-29");
    expect(iso("2022-04-31")).toBeNull();
    expect(iso("2022-13-01")).toBeNull();
    expect(iso(20221301)).toBeNull();
  });
  it("refuses text, booleans, blanks and errors", () => {
    for (const c of ["二〇二二年某日", "2022年3月", "3/1/2022", "2022-03-01 abc", "", "#N/A", true, null]) expect(iso(c)).toBeNull();
  });
});

describe("reading numbers", () => {
  it("reads numbers and numeric text, with thousands separators and full-width digits", () => {
    expect([1234.5, "1234.5", "1,234,567.89", "１２３４", " 12 ", "-3", ".5"].map(value)).toEqual([
      1234.5, 1234.5, 1234567.89, 1234, 12, -3, 0.5,
    ]);
  });
  it("reads 万, 元 and currency signs the way amounts are written", () => {
    expect(["1.2万", "500万元", "300元", "¥1,000", "￥2.5万", "1.1万", "-¥20", "3亿"].map(value)).toEqual([
      12000, 5000000, 300, 1000, 25000, 11000, -20, 300000000,
    ]);
  });
  it("refuses text, wrong grouping, errors and non-finite numbers", () => {
    for (const c of ["约五万", "1,23", "12a", "万", "", "#VALUE!", true, null, Number.NaN]) expect(value(c)).toBeNull();
  });
});
