import fc from "fast-check";
import { foldHeader, foldKey, foldText, isExcelError, keyText } from "../../../src/core/ledger/text";
import { creditCodeCheck, isValidCreditCode } from "../../../src/core/ledger/creditcode";
import { cleanText, isBlankCell, isTrimSpace, trimmed } from "../../../src/core/ledger/text";

describe("folding text typed on a Chinese IME", () => {
  it("turns full-width digits, letters, brackets and spaces into half-width and trims", () => {
    expect(foldText("　２０２２（ＡＢ）：１　")).toBe("2022(AB):1");
    expect(foldText("  学习，记录。 ")).toBe("学习,记录。");
  });
  it("leaves ordinary text as it is", () => {
    expect(foldText("电子保函")).toBe("电子保函");
  });
});

describe("folding keys (width, spaces, case)", () => {
  /** foldKey's definition, without its shortcut for text with nothing to fold. */
  const general = (s: string) => foldText(s).replace(/\s+/g, "").toLowerCase();
  it("gives the general fold for every character of the BMP, alone and inside a firm's name", () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const s of [ch, `华信${ch}建设`, `a${ch}b`])
        if (foldKey(s) !== general(s)) throw new Error(`foldKey differs at U+${c.toString(16)}: ${s}`);
    }
  });
  it("folds width, spaces and case and leaves an already folded name as it is", () => {
    expect(foldKey(" 华信 建设ＡＢ有限公司 ")).toBe("华信建设ab有限公司");
    expect(foldKey("华信第三建设有限公司")).toBe("华信第三建设有限公司");
  });
});

describe("keys as repeats are judged (keyText)", () => {
  /** keyText's definition, without its shortcut for a key with nothing to change. */
  const general = (s: string) => foldText(s).replace(/\s+/g, "").toUpperCase();
  it("gives the general form for every character of the BMP, alone, inside a key and at its ends", () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const s of [ch, `DZBH${ch}001`, `华信${ch}建设`, `${ch}G001`, `G001${ch}`])
        if (keyText(s) !== general(s)) throw new Error(`keyText differs at U+${c.toString(16)}: ${s}`);
    }
  });
  it("is the same key however it was typed: case, width, spaces", () => {
    for (const typed of ["g001", "G001", "Ｇ００１", " G001 ", "ｇ001\u3000"]) expect(keyText(typed)).toBe("G001");
    expect(keyText("G 001")).toBe("G001");
    expect(keyText("某市 第一中学")).toBe("某市第一中学");
    expect(keyText("")).toBe("");
  });
});

describe("folding headers", () => {
  it("treats 保证金金额（元）, 保证金金额(元) and 保证金金额 as the same header", () => {
    expect(["保证金金额（元）", "保证金金额(元)", "保证金金额", " 保证金 金额 （元） ", "保证金金额【元】"].map(foldHeader)).toEqual(
      Array(5).fill("保证金金额"),
    );
  });
  it("drops only a trailing bracket group, and keeps a header that is nothing but brackets", () => {
    expect(foldHeader("(备注)")).toBe("(备注)");
    expect(foldHeader("金额(元)合计")).toBe("金额(元)合计");
    expect(foldHeader("出函\n机构")).toBe("出函机构");
  });
});

describe("recognising Excel error cells", () => {
  it("knows every error text Office.js returns", () => {
    for (const e of ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"]) {
      expect(isExcelError(e)).toBe(true);
    }
  });
  it("does not mistake ordinary text, numbers or blanks for errors", () => {
    for (const v of ["#1号楼", "N/A", "", null, 0, true, "#"]) expect(isExcelError(v)).toBe(false);
  });
});

describe("checking 统一社会信用代码 against GB 32100", () => {
  it("accepts codes with the right check character", () => {
    for (const c of ["914403001922038216", "91350100M000100Y43", "91110000802100433B"]) expect(isValidCreditCode(c)).toBe(true);
  });
  it("rejects a wrong check character, a wrong length and letters outside the alphabet", () => {
    expect(isValidCreditCode("914403001922038217")).toBe(false);
    expect(isValidCreditCode("91440300192203821")).toBe(false);
    expect(isValidCreditCode("91440300192203821I")).toBe(false);
    expect(isValidCreditCode("9144030O1922038216")).toBe(false);
  });
  it("tells a code of the alphabet with a wrong check character from every other invalid text", () => {
    expect(creditCodeCheck("914403001922038216")).toBe(0);
    expect(creditCodeCheck("914403001922038217")).toBe(1);
    // Each other last character of the alphabet is a wrong check; outside it, lower case or a space is not one.
    for (const last of "0123456789ABCDEFGHJKLMNPQRTUWXY") if (last !== "6") expect(creditCodeCheck(`91440300192203821${last}`)).toBe(1);
    for (const text of [
      "91440300192203821I",
      "91440300192203821a",
      "91440300192203821 ",
      "9144030O1922038216",
      "91440300192203821",
      "",
      "914403001922038216 ",
    ])
      expect(creditCodeCheck(text)).toBe(2);
  });
  it("calls a code valid exactly when isValidCreditCode does, and a 1 is canonical already", () => {
    const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZa ８";
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 16, maxLength: 19 }), (chars) => {
        const text = chars.join("");
        const check = creditCodeCheck(text);
        expect(check === 0).toBe(isValidCreditCode(text));
        if (check === 1) expect(/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(text)).toBe(true);
      }),
    );
  });
});

describe("trimming without trim()", () => {
  it("treats as space exactly the characters String.prototype.trim removes", () => {
    const disagreeing: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isTrimSpace(c) !== (String.fromCharCode(c).trim() === "")) disagreeing.push(c);
    expect(disagreeing).toEqual([]);
  });
  it("gives what trim() gives, for text with and without spaces at either end", () => {
    for (const s of ["", " ", "abc", " abc", "abc ", "\u3000保函\u3000", "\ufeff#N/A", "a b", "\t\n", "保\u00a0"]) {
      expect(trimmed(s)).toBe(s.trim());
      expect(cleanText(s)).toBe(s.replace(/\u3000/g, " ").trim());
      expect(isBlankCell(s)).toBe(s.trim() === "");
    }
    expect(isExcelError(" #N/A ")).toBe(true);
    expect(isExcelError("\u3000#REF!")).toBe(true);
    expect(isExcelError("N/A#")).toBe(false);
  });
});
