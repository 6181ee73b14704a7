// Hundreds of real .xlsx files (Apache POI's test data, fuzzer crashes included) through
// `ledger-report check`, each in its own process with a small heap and a 10 s limit. None of them
// is a ledger: each must end with exit 0, 1 or 2 — and on 2 with one readable line that either
// says no ledger (台账) was found or names what is wrong with the file — never a hang, an
// out-of-memory abort, a stack trace or an internal error.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { readXlsx } from "../../src/adapters/xlsx";
import { isSheetRead } from "../../src/core/ledger/sheets";
import { readLedgers } from "../../src/core/ledger";
import type { RowAccount } from "../../src/core/types";
import { assertRowAccounting } from "../helpers/row-accounting";
import { buildCli, messageLines, removeCli, runCli, runPool, STACK_FRAME, type CliRun } from "./run-cli";

const CORPUS = path.resolve(__dirname, "../../../shared/corpus/poi/xlsx");

// Files built to break readers are always run; the rest are sampled (every 4th by name, plus the
// largest) so the suite stays near a minute on a shared 2-core machine. LEDGER_CORPUS_ALL=1 runs all.
const HOSTILE = /fuzz|crash|corrupt|protect|password|bomb|xxe|encrypt|poc|truncat|invalid|broken/i;
const EVERY = 4;
const LARGEST = 8;

function corpusFiles(): { files: string[]; total: number; sampled: boolean } {
  const all = readdirSync(CORPUS)
    .filter((f) => /\.xlsx$/i.test(f))
    .sort();
  if (process.env.LEDGER_CORPUS_ALL === "1") return { files: all, total: all.length, sampled: false };
  const bySize = [...all].sort((a, b) => statSync(path.join(CORPUS, b)).size - statSync(path.join(CORPUS, a)).size);
  const keep = new Set([...all.filter((f) => HOSTILE.test(f)), ...bySize.slice(0, LARGEST)]);
  all.forEach((f, i) => {
    if (i % EVERY === 0) keep.add(f);
  });
  return { files: all.filter((f) => keep.has(f)), total: all.length, sampled: true };
}

// The read errors of adapters/xlsx/errors.ts, by the words their Chinese messages use.
const UNREADABLE = /不是有效的 \.xlsx|受密码保护|Excel 97-2003|不是 Excel 工作簿|文件不完整|文件已损坏|上限/;
const NO_LEDGER = /未找到任何台账/;

type Outcome = "exit0" | "exit1" | "noLedger" | "unreadable" | "crash";

function judge(run: CliRun): { outcome: Outcome; problem?: string } {
  if (run.timedOut) return { outcome: "crash", problem: `timed out after ${run.ms} ms` };
  if (run.code === null) return { outcome: "crash", problem: `killed by ${run.signal}` };
  if (STACK_FRAME.test(run.stderr) || STACK_FRAME.test(run.stdout))
    return { outcome: "crash", problem: `stack trace: ${run.stderr.slice(0, 300)}` };
  if (/内部错误/.test(run.stderr)) return { outcome: "crash", problem: `internal error: ${run.stderr.trim()}` };
  if (run.code === 0) return { outcome: "exit0" };
  if (run.code === 1) return { outcome: "exit1" };
  if (run.code !== 2) return { outcome: "crash", problem: `exit ${run.code}: ${run.stderr.slice(0, 300)}` };
  const lines = messageLines(run.stderr);
  if (lines.length !== 1)
    return { outcome: "crash", problem: `exit 2 with ${lines.length} stderr lines: ${JSON.stringify(lines).slice(0, 300)}` };
  if (!lines[0].startsWith("ledger-report: ")) return { outcome: "crash", problem: `unprefixed message: ${lines[0]}` };
  if (NO_LEDGER.test(lines[0])) return { outcome: "noLedger" };
  if (UNREADABLE.test(lines[0])) return { outcome: "unreadable" };
  return { outcome: "crash", problem: `exit 2 saying neither "no ledger" nor why the file is unreadable: ${lines[0]}` };
}

const haveCorpus = existsSync(CORPUS);
if (!haveCorpus) console.log(`corpus not found at ${CORPUS}: skipping the real-world .xlsx suite`);
const describeCorpus = haveCorpus ? describe : describe.skip;

describeCorpus("every real-world .xlsx through ledger-report check", () => {
  afterAll(removeCli);
  it("ends within 10 s with exit 0, 1 or 2 and, on 2, one line saying no ledger was found or why the file is unreadable", async () => {
    const bin = buildCli();
    const { files, total, sampled } = corpusFiles();
    const runs = await runPool(files, 2, (file) =>
      runCli(bin, ["check", path.join(CORPUS, file)], { timeoutMs: 10000, maxOldSpaceMb: 512 }),
    );

    const counts: Record<Outcome, number> = { exit0: 0, exit1: 0, noLedger: 0, unreadable: 0, crash: 0 };
    const problems: string[] = [];
    runs.forEach((run, i) => {
      const { outcome, problem } = judge(run);
      counts[outcome]++;
      if (problem) problems.push(`${files[i]}: ${problem}`);
    });
    const timeouts = runs.filter((r) => r.timedOut).length;
    const slowest = Math.max(...runs.map((r) => r.ms));
    console.log(
      `corpus ${sampled ? `sample of ${files.length}/${total} (hostile + ${LARGEST} largest + every ${EVERY}th; LEDGER_CORPUS_ALL=1 for all)` : `all ${total}`} files: ` +
        `exit 0: ${counts.exit0}, exit 1: ${counts.exit1}, exit 2: ${counts.noLedger + counts.unreadable} ` +
        `(no ledger ${counts.noLedger}, unreadable ${counts.unreadable}), timeouts: ${timeouts}, crashes: ${counts.crash}; slowest ${slowest} ms`,
    );
    expect(problems).toEqual([]);
    expect(counts.noLedger).toBeGreaterThan(0);
    ledgerFiles = files.filter((_, i) => runs[i].code === 0 || runs[i].code === 1);
    readableFiles = files.filter((_, i) => judge(runs[i]).outcome !== "unreadable" && judge(runs[i]).outcome !== "crash");
  }, 300000);

  // Issue #16 on files no one on the team made: where a file has a ledger, every non-blank row of
  // its sheets is accounted for — checked against a count of the file's own cells — and `check
  // --json` says the same. (Read in process only after the file passed in a child above.)
  it("accounts for every non-blank row of every ledger sheet of the files that have a ledger", async () => {
    const bin = buildCli();
    const files = ledgerFiles ?? [];
    console.log(`corpus files with a ledger: ${files.length}${files.length ? ` (${files.join(", ")})` : ""}`);
    for (const file of files) {
      const full = path.join(CORPUS, file);
      const workbook = readXlsx(new Uint8Array(readFileSync(full)), { wantSheet: isSheetRead });
      const set = readLedgers(workbook);
      assertRowAccounting(workbook, set);
      const run = await runCli(bin, ["check", full, "--json"], { timeoutMs: 10000, maxOldSpaceMb: 512 });
      const json = JSON.parse(run.stdout) as { rowAccounts: RowAccount[] };
      expect([file, json.rowAccounts]).toEqual([file, set.rowAccounts]);
    }
  }, 300000);
});

let ledgerFiles: string[] | undefined;
let readableFiles: string[] | undefined;

describeCorpus("row accounting on real-world sheet layouts", () => {
  // No POI file is a ledger, so their sheets are taken as sheets of 学习记录: whatever their
  // layout (tables, merges, notes, blank columns), every non-blank row must still be accounted for.
  it("accounts for every non-blank row of every readable corpus file read as ledger sheets", () => {
    let sheets = 0;
    for (const file of readableFiles ?? []) {
      const full = path.join(CORPUS, file);
      if (statSync(full).size > 2 * 1024 * 1024) continue;
      let workbook;
      try {
        workbook = readXlsx(new Uint8Array(readFileSync(full)));
      } catch {
        continue; // refused with a clear message in the child run above
      }
      const renamed = new Map<string, string>();
      const tables = workbook.tables.map((t) => {
        if (!renamed.has(t.sheet)) renamed.set(t.sheet, `学习记录-${renamed.size + 1}`);
        return { ...t, sheet: renamed.get(t.sheet)! };
      });
      const asLedgers = { ...workbook, tables };
      const set = readLedgers(asLedgers);
      assertRowAccounting(asLedgers, set);
      sheets += set.rowAccounts?.length ?? 0;
    }
    console.log(`row accounting checked on ${sheets} corpus sheets`);
    expect(sheets).toBeGreaterThan(0);
  }, 300000);
});
