// The patcher over Apache POI's collection of odd and broken .docx files: none is a generated
// report, so each must be turned away with a DocxReadError naming why, quickly, and never crash.
import { existsSync, readdirSync, readFileSync } from "fs";
import path from "path";
import { DocxReadError, patchDocx, readLinkedDocx } from "../../src/adapters/docx/patch";
import { planRefresh } from "../../src/core/refresh/plan";

const CORPUS = path.resolve(__dirname, "../../../shared/corpus/poi/docx");
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => /\.docx$/i.test(f))
      .sort()
  : [];
const outcomes = new Map<string, number>();

/** What refreshing the file would do: read it and, if it were a linked report, plan and patch it. */
function attempt(bytes: Uint8Array): string {
  try {
    const docx = readLinkedDocx(bytes);
    patchDocx(docx, planRefresh(docx.record, docx.controls, docx.record));
    return "patched";
  } catch (e) {
    if (e instanceof DocxReadError) return e.code;
    return `threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`;
  }
}

describe("refreshing the POI .docx corpus", () => {
  if (files.length === 0) {
    test("is skipped: the corpus is not on this machine", () => {
      console.log(`no .docx corpus at ${CORPUS}: skipping`);
    });
    return;
  }

  test.each(files)("turns %s away with a DocxReadError within 10 s", (name) => {
    const bytes = new Uint8Array(readFileSync(path.join(CORPUS, name)));
    const started = Date.now();
    const outcome = attempt(bytes);
    const seconds = (Date.now() - started) / 1000;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    expect([name, outcome]).toEqual([name, expect.stringMatching(/^(not_docx|corrupt|not_linked|newer_version|link_missing|too_large)$/)]);
    expect(seconds).toBeLessThan(10);
  });

  afterAll(() => {
    const summary = [...outcomes]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(", ");
    console.log(`docx corpus, ${files.length} files: ${summary}`);
  });
});
