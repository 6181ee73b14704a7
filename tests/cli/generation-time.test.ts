import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { generationTime, main } from "../../src/cli/main";

const sample = join(resolve(__dirname, "../.."), "examples/sample-ledgers.xlsx");

describe("the generation time of a report", () => {
  it("is SOURCE_DATE_EPOCH when it is set, so two runs (or the CLI and the web page) can be compared", () => {
    expect(generationTime({ SOURCE_DATE_EPOCH: "1700000000" })).toBe("2023-11-14T22:13:20.000Z");
  });

  it("is now when SOURCE_DATE_EPOCH is unset or not a whole number of seconds", () => {
    expect(generationTime({})).toBeUndefined();
    expect(generationTime({ SOURCE_DATE_EPOCH: "soon" })).toBeUndefined();
  });

  it("is what `generate` writes into the report's link record", async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = "1700000000";
    try {
      const out = join(mkdtempSync(join(tmpdir(), "lr-time-")), "r.docx");
      const code = await main(["generate", sample, "-o", out], { out: () => {}, err: () => {} });
      expect(code).toBeLessThan(2);
      const parts = unzipSync(new Uint8Array(readFileSync(out)));
      const link = Object.entries(parts).find(
        ([name, bytes]) => /customXml\/item\d*\.xml$/.test(name) && strFromU8(bytes).includes("generatedAt"),
      );
      expect(link && strFromU8(link[1])).toContain("<generatedAt>2023-11-14T22:13:20.000Z</generatedAt>");
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});
