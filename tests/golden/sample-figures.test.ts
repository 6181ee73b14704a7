// The golden test: the engine's `figures --json` on the sample workbook equals a checked-in
// expected file, and that file equals an independent naive count (tests/helpers/naive-figures.ts)
// that shares no code with the engine.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main";
import { naiveSampleFigures } from "../helpers/naive-figures";

const root = resolve(__dirname, "../..");
const sample = join(root, "examples/sample-ledgers.xlsx");
const expectedFile = join(root, "examples/sample-figures.expected.json");

interface ExpectedFigure {
  id: string;
  value: number | null;
  text: string;
}

describe("the sample workbook's figures", () => {
  const expected: ExpectedFigure[] = JSON.parse(readFileSync(expectedFile, "utf8")).figures;

  it("match, figure by figure, an independent naive count of the same file", async () => {
    const naive = await naiveSampleFigures(sample);
    for (const [id, value] of Object.entries(naive)) {
      expect({ id, value: expected.find((f) => f.id === id)?.value }).toEqual({ id, value });
    }
    expect(Object.keys(naive).length).toBe(17);
  });

  it("are what the engine prints with figures --json: values and report text", async () => {
    let out = "";
    const code = await main(["figures", sample, "--json"], { out: (s) => (out += s), err: () => {} });
    expect(code).toBe(1); // the sample carries deliberate error rows
    const actual = JSON.parse(out).figures.map((f: ExpectedFigure) => ({ id: f.id, value: f.value, text: f.text }));
    expect(actual).toEqual(expected.map((f) => ({ id: f.id, value: f.value, text: f.text })));
  });

  it("exist as a checked-in file", () => {
    expect(existsSync(expectedFile)).toBe(true);
  });
});
