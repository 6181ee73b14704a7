import { concatBytes } from "../../src/core/bytes";

describe("concatBytes", () => {
  it("joins the parts end to end in a new array, empty parts and none included", () => {
    const a = Uint8Array.of(1, 2);
    const b = Uint8Array.of(3);
    expect([...concatBytes(a, new Uint8Array(0), b)]).toEqual([1, 2, 3]);
    expect(concatBytes()).toHaveLength(0);
  });

  it("copies even a single part, so the caller may reuse the part's buffer", () => {
    const a = Uint8Array.of(7, 8);
    const joined = concatBytes(a);
    a[0] = 0;
    expect([...joined]).toEqual([7, 8]);
  });
});
