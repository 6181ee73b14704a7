// Nothing the clerk owns is ever lost: the CLI reads the workbook and the report but never writes
// to them, refuses an output path that is its own input, writes a refreshed report beside the
// original, and `init` never replaces a file that is already there. Checked by hashing the bytes
// before and after each run of the real binary.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, messageLines, removeCli, ROOT, runCli, STACK_FRAME, type CliRun } from "../corpus/run-cli";

afterAll(removeCli);

const SAMPLE = join(ROOT, "examples/sample-ledgers.xlsx");

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Exit 2 the way the CLI contract says: one line, no stack trace. */
function expectRefusal(run: CliRun, says: RegExp): void {
  expect({ code: run.code, timedOut: run.timedOut }).toEqual({ code: 2, timedOut: false });
  const lines = messageLines(run.stderr);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(says);
  expect(run.stderr).not.toMatch(STACK_FRAME);
}

const describeSample = existsSync(SAMPLE) ? describe : describe.skip;
if (!existsSync(SAMPLE)) console.log(`${SAMPLE} missing (npm run sample): skipping the nothing-lost suite`);

describeSample("the CLI never changes its inputs", () => {
  let bin: string;
  let dir: string;
  let workbook: string;
  let original: string;
  const cli = (...args: string[]) => runCli(bin, args, { cwd: dir, timeoutMs: 60000 });

  beforeAll(() => {
    bin = buildCli();
    dir = mkdtempSync(join(tmpdir(), "lr-nothing-lost-"));
    workbook = join(dir, "台账 2022.xlsx");
    copyFileSync(SAMPLE, workbook);
    original = sha256(workbook);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("check and figures (text and --json) leave the workbook byte-identical and create no file", async () => {
    const before = readdirSync(dir).sort();
    for (const args of [
      ["check", workbook],
      ["figures", workbook, "--json"],
    ]) {
      const run = await cli(...args);
      expect({ args, finished: run.code === 0 || run.code === 1 }).toEqual({ args, finished: true });
      expect(sha256(workbook)).toBe(original);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it("generate writes only the report and leaves the workbook byte-identical", async () => {
    const run = await cli("generate", workbook, "-o", join(dir, "report.docx"));
    expect([0, 1]).toContain(run.code);
    expect(existsSync(join(dir, "report.docx"))).toBe(true);
    expect(sha256(workbook)).toBe(original);
  });

  it("generate -o pointing at the workbook exits 2 and leaves it byte-identical, however the path is spelled", async () => {
    mkdirSync(join(dir, "sub"), { recursive: true });
    for (const target of [workbook, "台账 2022.xlsx", "./sub/../台账 2022.xlsx"]) {
      expectRefusal(await cli("generate", workbook, "-o", target), /不能覆盖输入的工作簿/);
      expect(sha256(workbook)).toBe(original);
    }
  });

  it("refresh writes <name>.refreshed.docx and leaves the report and the workbook byte-identical", async () => {
    const report = join(dir, "述职报告.docx");
    expect([0, 1]).toContain((await cli("generate", workbook, "-o", report)).code);
    const reportHash = sha256(report);
    const run = await cli("refresh", workbook, report);
    expect([0, 1]).toContain(run.code);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(join(dir, "述职报告.refreshed.docx"))).toBe(true);
    expect(sha256(report)).toBe(reportHash);
    expect(sha256(workbook)).toBe(original);
  });

  it("refresh -o pointing at the workbook exits 2 and leaves both inputs byte-identical", async () => {
    const report = join(dir, "report.docx");
    const reportHash = sha256(report);
    expectRefusal(await cli("refresh", workbook, report, "-o", workbook), /不能覆盖输入的工作簿/);
    expect(sha256(workbook)).toBe(original);
    expect(sha256(report)).toBe(reportHash);
  });

  it("a refresh that fails on an unusable report writes nothing and leaves the inputs alone", async () => {
    const notReport = join(dir, "notes.docx");
    writeFileSync(notReport, "这不是 Word 文档");
    const notes = sha256(notReport);
    const run = await cli("refresh", workbook, notReport);
    expect(run.code).toBe(2);
    expect(messageLines(run.stderr)).toHaveLength(1);
    expect(existsSync(join(dir, "notes.refreshed.docx"))).toBe(false);
    expect(sha256(notReport)).toBe(notes);
    expect(sha256(workbook)).toBe(original);
  });
});

describe("init never overwrites", () => {
  let bin: string;
  let dir: string;

  beforeAll(() => {
    bin = buildCli();
    dir = mkdtempSync(join(tmpdir(), "lr-init-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses an existing workbook, an existing empty file and an existing non-.xlsx file, leaving each byte-identical", async () => {
    const existing: [string, Uint8Array | string][] = [
      ["台账.xlsx", existsSync(SAMPLE) ? readFileSync(SAMPLE) : "PK\u0003\u0004 not really"],
      ["empty.xlsx", ""],
      ["notes.txt", "clerk's notes"],
    ];
    for (const [name, bytes] of existing) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const before = sha256(file);
      const run = await runCli(bin, ["init", file], { cwd: dir, timeoutMs: 60000 });
      expectRefusal(run, /已存在/);
      expect({ name, hash: sha256(file) }).toEqual({ name, hash: before });
    }
  });

  it("refuses a path that is an existing folder and creates nothing inside it", async () => {
    const folder = join(dir, "folder.xlsx");
    mkdirSync(folder);
    expectRefusal(await runCli(bin, ["init", folder], { cwd: dir, timeoutMs: 60000 }), /已存在/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("creates a new workbook, then refuses to run over it a second time", async () => {
    const file = join(dir, "new", "台账.xlsx");
    const first = await runCli(bin, ["init", file], { cwd: dir, timeoutMs: 60000 });
    expect(first.code).toBe(0);
    const created = sha256(file);
    expectRefusal(await runCli(bin, ["init", file], { cwd: dir, timeoutMs: 60000 }), /已存在/);
    expect(sha256(file)).toBe(created);
  });
});
