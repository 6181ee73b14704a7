import { cellDigest, Hasher, shortHash, stableHash } from "../../src/core/hash";
import { figureBookmarkName } from "../../src/adapters/docx/bookmark-names";

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");

describe("cell digests for figure fingerprints", () => {
  it("are the same numbers on every run, so a saved fingerprint still matches next time", () => {
    expect([cellDigest("有效"), cellDigest(120_000_000), cellDigest(null), cellDigest(true)].map(hex)).toEqual([
      "df790607",
      "1aec1d4d",
      "60e51be5",
      "024ba2a2",
    ]);
  });
  it("tell a number, its text, yes/no and a blank apart", () => {
    const cells = [1, "1", true, "是", false, "否", null, "", 0, "0"];
    expect(new Set(cells.map(cellDigest)).size).toBe(cells.length);
  });
  it("read a missing cell as blank", () => {
    expect(cellDigest(undefined)).toBe(cellDigest(null));
  });
  it("change with every character of a text, including the last of an odd length", () => {
    const texts = ["2022-03-01", "2022-03-02", "2022-03-0", "企业甲", "企业乙", "企业"];
    expect(new Set(texts.map(cellDigest)).size).toBe(texts.length);
  });
  it("tell numbers apart by their exact bits, even where decimal text would round", () => {
    expect(cellDigest(0.1 + 0.2)).not.toBe(cellDigest(0.3));
    expect(cellDigest(-0)).not.toBe(cellDigest(0));
  });
});

describe("the fingerprint hasher", () => {
  it("gives the same hex for the same cells fed in the same order", () => {
    const feed = () => new Hasher().text("eg.amount").value("有效").value(1.5).value(null).value(false).hex();
    expect(feed()).toBe("f98e02714c459ec9");
    expect(feed()).toBe(feed());
  });
  it("tells a text cell from a number cell of the same value", () => {
    expect(new Hasher().value("1.5").hex()).not.toBe(new Hasher().value(1.5).hex());
  });
  it("digests a column's picked rows in one call exactly as one int at a time, so fingerprints do not change", () => {
    const digests = Int32Array.from([7, -1, 2147483647, -2147483648, 0, 42], (v) => v | 0);
    const used = Int32Array.from([5, 0, 3, 3, 1]);
    const one = new Hasher().text("eg.count");
    for (let u = 0; u < 4; u++) one.int(digests[used[u]]);
    expect(new Hasher().text("eg.count").intsAt(digests, used, 4).hex()).toBe(one.hex());
    expect(new Hasher().intsAt(digests, used, 0).hex()).toBe(new Hasher().hex());
  });
});

describe("fingerprints stored in documents", () => {
  it("are the same hex as in reports made earlier: a figure's text fingerprint and a bookmark name's suffix", () => {
    expect(parseInt(stableHash("a"), 16)).toBe(7929297801672961);
    expect(shortHash("eg.amount.total.guarantees.by.department.2022")).toBe("d19f647d");
    expect(figureBookmarkName("eg.amount.total.guarantees.by.department.2022")).toBe("lr_eg_amount_total_gu_d19f647d");
  });
});
