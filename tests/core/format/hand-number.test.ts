import { parseChineseInteger, parseHandNumber, sameNumber } from "../../../src/core/format/hand-number";

/** The standard reading of n (< 10^12) in Chinese numerals, written independently of the parser. */
function chinese(n: number): string {
  const digits = "零一二三四五六七八九";
  const section = (v: number): string => {
    // v < 10000; 零 stands for skipped places between non-zero digits.
    const units = ["千", "百", "十", ""];
    const ds = String(v).padStart(4, "0").split("").map(Number);
    let out = "";
    let pendingZero = false;
    ds.forEach((d, i) => {
      if (d === 0) {
        if (out !== "") pendingZero = true;
        return;
      }
      if (pendingZero) out += "零";
      pendingZero = false;
      out += digits[d] + units[i];
    });
    return out;
  };
  if (n === 0) return "零";
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor((n % 1e8) / 1e4);
  const rest = n % 1e4;
  let out = "";
  if (yi) out += section(yi) + "亿";
  if (wan) out += (yi && wan < 1000 ? "零" : "") + section(wan) + "万";
  if (rest) out += ((yi || wan) && rest < 1000 ? "零" : "") + section(rest);
  // 一十一 is said 十一.
  return out.replace(/^一十/, "十");
}

describe("reading Chinese numerals", () => {
  it.each<[string, number]>([
    // The everyday forms, in lower and upper (大写) case.
    ["零", 0],
    ["十", 10],
    ["十一", 11],
    ["二十", 20],
    ["二十五", 25],
    ["一百", 100],
    ["一百零五", 105],
    ["一百一十", 110],
    ["一千二百", 1200],
    ["一千零五", 1005],
    ["两万三千", 23000],
    ["一万零五百", 10500],
    ["一亿零五百万", 105000000],
    ["三亿九千三百零四万四千", 393044000],
    ["壹仟贰佰", 1200],
    ["拾壹", 11],
    // The colloquial shortened forms, as a clerk means them.
    ["一千二", 1200],
    ["一万二", 12000],
    ["三百五", 350],
    ["一百一", 110],
    // Digit-by-digit numbers such as years.
    ["二〇二二", 2022],
    ["二零二三", 2023],
  ])("reads %s as %d", (text, value) => expect(parseChineseInteger(text)).toBe(value));
  it.each(["千一百", "一二千", "百", "万", "十十", "一万万", "二十余个", "约十一", "十一家", ""])(
    "refuses %j, whose characters do not make one number",
    (text) => expect(parseChineseInteger(text)).toBeNull(),
  );
  it("reads every number from 0 to 20,000 written the standard way", () => {
    for (let n = 0; n <= 20000; n++) {
      const text = chinese(n);
      if (parseChineseInteger(text) !== n) throw new Error(`${text} should read as ${n}, read ${parseChineseInteger(text)}`);
    }
  });
  it("reads large numbers written the standard way", () => {
    for (const n of [100000, 100001, 1000010, 10000000, 100000000, 100000001, 120034005, 987654321, 300000000000]) {
      expect([chinese(n), parseChineseInteger(chinese(n))]).toEqual([chinese(n), n]);
    }
  });
});

describe("the number a hand-typed figure means", () => {
  it("reads full-width digits and thousands separators", () => {
    expect(parseHandNumber("１１")).toEqual({ value: 11, approx: false });
    expect(parseHandNumber("1,200")).toEqual({ value: 1200, approx: false });
    expect(parseHandNumber("１，２００")).toEqual({ value: 1200, approx: false });
    expect(parseHandNumber(" 3.93 ")).toEqual({ value: 3.93, approx: false });
    expect(parseHandNumber("1.2万")).toEqual({ value: 12000, approx: false });
    expect(parseHandNumber("三点九三")).toEqual({ value: 3.93, approx: false });
  });
  it("reads 余 and 多 as an approximation", () => {
    expect(parseHandNumber("1200余")).toEqual({ value: 1200, approx: true });
    expect(parseHandNumber("一千二百多")).toEqual({ value: 1200, approx: true });
    expect(parseHandNumber("七十余")).toEqual({ value: 70, approx: true });
  });
  it("is no number when the text says more than a number", () => {
    for (const text of ["十一家", "约11", "11-12", "1,2", "12,00", "11 (已核实)", "余", "", "abc", "1.2.3"]) {
      expect([text, parseHandNumber(text)]).toEqual([text, null]);
    }
  });
});

describe("whether two texts mean the same figure", () => {
  // One number written in different ways is the same figure; a different number, an approximation
  // against an exact number, or words are not.
  it.each([
    ["十一", "11", true],
    ["１１", "11", true],
    ["1,200", "1200", true],
    ["一千二百", "1200", true],
    ["一千二", "1,200", true],
    ["1200余", "一千二百余", true],
    ["二〇二二", "2022", true],
    ["十一", "12", false],
    ["1200余", "1200", false],
    ["十一家", "11", false],
    ["", "0", false],
  ])("“%s” and “%s”: the same number is %s", (a, b, same) => {
    expect(sameNumber(a, b)).toBe(same);
  });
  it("is the same for identical texts that are not numbers", () => {
    expect(sameNumber("*", "*")).toBe(true);
  });
});
