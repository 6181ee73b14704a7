import fc from "fast-check";
import { KeyIndex } from "../../../src/core/ledger/key-index";

describe("the index of first places of keys", () => {
  it("records a new key and hands back the first place of one seen before", () => {
    const index = new KeyIndex();
    expect(index.firstOrAdd("DZBH2022-0000001", 2)).toBeUndefined();
    expect(index.firstOrAdd("DZBH2022-0000002", 3)).toBeUndefined();
    expect(index.firstOrAdd("DZBH2022-0000001", 9)).toBe(2);
    expect(index.firstOrAdd("DZBH2022-0000001", 12)).toBe(2);
    expect(index.size).toBe(2);
  });

  it("keeps every key through growth, far past its first table", () => {
    const index = new KeyIndex();
    const wrong: number[] = [];
    for (let i = 0; i < 50_000; i++) if (index.firstOrAdd(`保函${i}`, i) !== undefined) wrong.push(i);
    for (let i = 0; i < 50_000; i += 7) if (index.firstOrAdd(`保函${i}`, -1) !== i) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(index.size).toBe(50_000);
  });

  it("gives the same answers when made for as many keys as it will hold, for fewer, or for none", () => {
    const answers = (index: KeyIndex) => {
      const out: (number | undefined)[] = [];
      for (let i = 0; i < 5000; i++) out.push(index.firstOrAdd(`保函${i % 3001}`, i));
      return out;
    };
    const plain = answers(new KeyIndex());
    expect(answers(new KeyIndex(5000))).toEqual(plain);
    expect(answers(new KeyIndex(10))).toEqual(plain);
    expect(plain.filter((p) => p !== undefined)).toHaveLength(5000 - 3001);
  });

  it("tells apart keys that differ only in width, case or one character, and knows the empty key", () => {
    const index = new KeyIndex();
    const keys = ["", "a", "A", "ａ", "ab", "ba", "中文", "中文 ", "\u0000"];
    keys.forEach((k, i) => expect(index.firstOrAdd(k, i)).toBeUndefined());
    keys.forEach((k, i) => expect(index.firstOrAdd(k, 99)).toBe(i));
  });

  it("answers as a Map of first places would, for any sequence of keys", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3000 }), (keys) => {
        const index = new KeyIndex();
        const map = new Map<string, number>();
        keys.forEach((k, i) => {
          const expected = map.get(k);
          if (expected === undefined) map.set(k, i);
          expect(index.firstOrAdd(k, i)).toBe(expected);
        });
        expect(index.size).toBe(map.size);
      }),
      { numRuns: 60 },
    );
  });
});
