import { creditCodeProblem } from "../../../src/core/ledger/creditcode";
import type { RawCell } from "../../../src/core/types";
import { EG_HEADER, sheet, readBesideRequired } from "./build";

function messageFor(code: RawCell) {
  const set = readBesideRequired(sheet("电子保函", [EG_HEADER, ["BH-1", "2022-01-01", "甲", code, 100, ""]]));
  const issue = set.issues.find((i) => i.code === "creditcode.invalid");
  return [issue?.message, issue?.messageEn];
}

describe("the credit-code warning says which rule the code breaks", () => {
  it("names the check character when the code has 18 allowed characters", () => {
    const [zh, en] = messageFor("914403001922038217");
    expect(zh).toBe(
      "电子保函!D2 统一社会信用代码“914403001922038217”有误：末位校验码与前17位不符：按GB 32100应为“6”，现为“7”，请核对是否有字符抄错",
    );
    expect(zh).not.toContain("应为18位");
    expect(en).toContain('would be "6", not "7"');
  });
  it("names the length when the code is too short or too long", () => {
    expect(messageFor("12345")[0]).toBe("电子保函!D2 统一社会信用代码“12345”有误：应为18位，现为5位");
    expect(messageFor("9144030019220382160")[0]).toContain("应为18位，现为19位");
  });
  it("names the characters a code cannot have (I, O, S, V, Z, punctuation)", () => {
    const [zh, en] = messageFor("91440300192203821O");
    expect(zh).toContain("含有不允许的字符“O”");
    expect(zh).not.toContain("应为18位");
    expect(en).toContain('"O"');
    expect(messageFor("9144030019-2038216")[0]).toContain("“-”");
  });
  it("finds nothing wrong with a valid code, lower case and full-width folded", () => {
    expect(creditCodeProblem("914403001922038216")).toBeNull();
    expect(messageFor("９１４４０３００１９２２０３８２１６")).toEqual([undefined, undefined]);
  });
});
