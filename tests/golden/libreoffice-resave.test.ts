// A workbook no one on the team wrote: the sample as LibreOffice Calc saves it (its own styles,
// shared strings, table and merge parts). Every figure must still equal an independent count of
// that file — never a different number in silence.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { main } from "../../src/cli/main";
import { naiveSampleFigures } from "../helpers/naive-figures";
import { hasSoffice } from "../helpers/render";

const run = promisify(execFile);
const root = resolve(__dirname, "../..");
const sample = join(root, "examples/sample-ledgers.xlsx");
const expected: { id: string; value: number | null; text: string }[] = JSON.parse(
  readFileSync(join(root, "examples/sample-figures.expected.json"), "utf8"),
).figures;

/** The sample re-saved by LibreOffice Calc, or null (with the reason) where Calc is not installed. */
async function resavedByCalc(): Promise<{ path: string } | { skip: string }> {
  if (!hasSoffice()) return { skip: "soffice not installed (apt-get install -y libreoffice-calc-nogui)" };
  const dir = mkdtempSync(join(tmpdir(), "lr-calc-"));
  const profile = join(dir, "profile");
  const out = join(dir, "out");
  try {
    await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", out, sample], {
      timeout: 240000,
    });
  } catch (e) {
    return { skip: `LibreOffice could not convert the workbook: ${(e as Error).message.split("\n")[0]}` };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const path = join(out, "sample-ledgers.xlsx");
  // Writer alone (libreoffice-writer-nogui) cannot load .xlsx: it prints an error and writes nothing.
  return existsSync(path) ? { path } : { skip: "LibreOffice Calc is not installed (apt-get install -y libreoffice-calc-nogui)" };
}

describe("the sample workbook re-saved by LibreOffice Calc", () => {
  let resaved: { path: string } | { skip: string };
  beforeAll(async () => {
    resaved = await resavedByCalc();
    if ("skip" in resaved) console.log(`skipped: ${resaved.skip}`);
  }, 300000);

  it("gives every figure the original gives, value and report text", async () => {
    if ("skip" in resaved) return;
    let out = "";
    const code = await main(["figures", resaved.path, "--json"], { out: (s) => (out += s), err: () => {} });
    expect(code).toBe(1); // the sample's deliberate error rows are still found
    const figures: { id: string; value: number | null; text: string }[] = JSON.parse(out).figures;
    expect(figures.map((f) => ({ id: f.id, value: f.value, text: f.text }))).toEqual(
      expected.map((f) => ({ id: f.id, value: f.value, text: f.text })),
    );
  }, 120000);

  it("gives figures equal to a naive count of the re-saved file itself", async () => {
    if ("skip" in resaved) return;
    const naive = await naiveSampleFigures(resaved.path);
    let out = "";
    await main(["figures", resaved.path, "--json"], { out: (s) => (out += s), err: () => {} });
    const figures: { id: string; value: number | null }[] = JSON.parse(out).figures;
    for (const [id, value] of Object.entries(naive)) expect({ id, value: figures.find((f) => f.id === id)?.value }).toEqual({ id, value });
  }, 120000);
});
