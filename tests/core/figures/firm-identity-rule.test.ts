// distinctCount (去重计数 with a fallback column) against the rule written out the plainest way:
// every row looked at, texts trimmed, names folded for width, spaces and case. The engine leaves
// out rows whose stored cells repeat an earlier row's pair (a speed-up); these ledgers are small and
// full of such repeats, near-repeats (a space, a full-width letter, 123 and "123") and blanks, so a
// shortcut that changed a count or a conflict would show here.
import { distinctCount, type IdentityConflict } from "../../../src/core/figures/identity";
import type { Cell } from "../../../src/core/ledger/columnar";

function text(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "是" : "否";
  return String(v).trim();
}

/** Full-width to half-width, no white space, lower case: what makes two names one firm's. */
function folded(name: string): string {
  return name
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, "")
    .toLowerCase();
}

/** The rule, row by row: the count, and the conflicts as [kind, shared, others' texts]. */
function byTheRule(codes: Cell[], names: Cell[], used: number[]): { count: number; conflicts: [string, string, string[]][] } {
  const codeSet = new Set<string>();
  const codesOfName = new Map<string, { first: string; codes: string[] }>();
  const namesOfCode = new Map<string, { folds: string[]; names: string[] }>();
  const uncoded = new Set<string>();
  const order: [string, string][] = [];
  for (const i of used) {
    const code = text(codes[i]);
    const name = text(names[i]);
    if (code === "") {
      if (name !== "") uncoded.add(folded(name));
      continue;
    }
    codeSet.add(code);
    if (name === "") continue;
    const f = folded(name);
    const byName = codesOfName.get(f) ?? { first: name, codes: [] };
    if (!codesOfName.has(f)) codesOfName.set(f, byName);
    if (!byName.codes.includes(code)) {
      byName.codes.push(code);
      if (byName.codes.length === 2) order.push(["name_codes", f]);
    }
    const byCode = namesOfCode.get(code) ?? { folds: [], names: [] };
    if (!namesOfCode.has(code)) namesOfCode.set(code, byCode);
    if (!byCode.folds.includes(f)) {
      byCode.folds.push(f);
      byCode.names.push(name);
      if (byCode.folds.length === 2) order.push(["code_names", code]);
    }
  }
  const count = codeSet.size + [...uncoded].filter((f) => !codesOfName.has(f)).length;
  const conflicts: [string, string, string[]][] = [
    ...order
      .filter(([k]) => k === "name_codes")
      .map(([, f]): [string, string, string[]] => ["name_codes", codesOfName.get(f)!.first, codesOfName.get(f)!.codes]),
    ...order.filter(([k]) => k === "code_names").map(([, c]): [string, string, string[]] => ["code_names", c, namesOfCode.get(c)!.names]),
  ];
  return { count, conflicts };
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODES: Cell[] = ["91A", " 91A", "91A ", "91B", "91C", 123, "123", "", "  ", null, undefined];
const NAMES: Cell[] = ["甲公司", "甲 公司", "甲公司 ", "ＡＢ公司", "ab公司", "AB公司", "乙公司", "丙公司", "", null, undefined];

describe("distinctCount counts firms and names their conflicts as the rule says, however rows repeat", () => {
  test("random small ledgers of repeats, near-repeats and blanks give the rule's count and conflicts", () => {
    const next = random(20221231);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
    for (let ledger = 0; ledger < 400; ledger++) {
      const rows = 1 + Math.floor(next() * 30);
      // Few distinct pairs, so most rows repeat one: the case the engine's shortcut is for.
      const pairs: [Cell, Cell][] = Array.from({ length: 1 + Math.floor(next() * 6) }, () => [pick(CODES), pick(NAMES)]);
      const codes: Cell[] = [];
      const names: Cell[] = [];
      for (let r = 0; r < rows; r++) {
        const [code, name] = next() < 0.8 ? pick(pairs) : [pick(CODES), pick(NAMES)];
        codes.push(code);
        names.push(name);
      }
      const used = Array.from({ length: rows }, (_, i) => i).filter(() => next() < 0.9);
      const got = distinctCount(codes, names, Int32Array.from(used));
      const want = byTheRule(codes, names, used);
      const shown = (c: IdentityConflict): [string, string, string[]] => [c.kind, c.shared, c.others.map((o) => o.text)];
      expect({ ledger, count: got.count, conflicts: got.conflicts.map(shown) }).toEqual({ ledger, ...want });
    }
  });

  test('without a name column, each code text counts once: 123 and " 123" are one', () => {
    expect(distinctCount([123, " 123", "123 ", null, "", "A"], null, Int32Array.from([0, 1, 2, 3, 4, 5])).count).toBe(2);
  });
});
