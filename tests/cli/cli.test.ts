import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { unzipSync, zipSync, strToU8 } from "fflate";
import { cli } from "../helpers/cli";

const root = resolve(__dirname, "../..");
const sample = join(root, "examples/sample-ledgers.xlsx");
const binary = join(root, "bin/ledger-report.js");

function tempDir() {
  return mkdtempSync(join(tmpdir(), "lr-cli-"));
}

describe("ledger-report help and usage", () => {
  it.each(["init", "check", "figures", "generate", "refresh"])("prints help for %s and exits 0", async (cmd) => {
    const r = await cli(cmd, "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`ledger-report ${cmd}`);
  });

  it("prints package.json's version for --version, as text and as JSON", async () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect((await cli("--version")).out).toBe(`${version}\n`);
    expect(JSON.parse((await cli("--version", "--json")).out)).toEqual({ version: 1, tool: version });
  });

  it("rejects an unknown command with exit 2 and one line", async () => {
    const r = await cli("frobnicate");
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  it("names a missing file in one line, exit 2", async () => {
    const r = await cli("check", "/nonexistent/台账.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toContain("找不到文件");
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  // Told apart by node's error code (ERR_PARSE_ARGS_*), not by the wording of its message.
  it.each([
    [
      "an option it does not know, with the one meant",
      ["generate", sample, "--forse"],
      "generate 不接受选项 --forse。您是不是要用 --force？",
    ],
    ["an option without its value", ["figures", sample, "--year"], "figures：选项 --year 缺少取值。"],
    ["a short option without its value", ["generate", sample, "-o"], "generate：选项 --output 缺少取值。"],
    ["a value given to a switch", ["check", sample, "--json=1"], "check：选项 --json 不带取值"],
  ])("says what is wrong with %s, exit 2", async (_, argv, said) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(said);
  });
});

describe("ledger-report on unusable input", () => {
  const dir = tempDir();
  const cases: [string, Uint8Array][] = [
    ["csv renamed .xlsx", strToU8("日期,形式,主题\n2022-01-01,专题学习,二十大\n")],
    ["docx renamed .xlsx", zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") })],
    ["truncated zip", existsSync(sample) ? new Uint8Array(readFileSync(sample)).slice(0, 2000) : new Uint8Array([0x50, 0x4b, 3, 4])],
    ["old .xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)])],
  ];
  it.each(cases)("exits 2 with one clear line for a %s", async (name, bytes) => {
    const file = join(dir, `${name.replace(/\W+/g, "_")}.xlsx`);
    writeFileSync(file, bytes);
    const out = join(dir, `${name.replace(/\W+/g, "_")}.docx`);
    const r = await cli("generate", file, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\bat .+\(.+:\d+:\d+\)/); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it("says no ledger was found in a workbook of unrelated sheets", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRow(["a", "b"]);
    const file = join(dir, "unrelated.xlsx");
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await cli("check", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/台账/);
  });
});

describe("ledger-report init", () => {
  it("creates a workbook that check reads back, and refuses to overwrite it", async () => {
    const file = join(tempDir(), "台账.xlsx");
    const first = await cli("init", file);
    expect(first.code).toBe(0);
    const before = readFileSync(file);
    const again = await cli("init", file);
    expect(again.code).toBe(2);
    expect(again.err).toContain("已存在");
    expect(readFileSync(file).equals(before)).toBe(true);
    const check = await cli("check", file, "--json");
    expect([0, 1]).toContain(check.code);
    const names = JSON.parse(check.out).ledgers.map((l: { name: string }) => l.name);
    expect(names).toEqual(expect.arrayContaining(["学习记录", "共建单位", "电子保函", "活动记录", "人员", "队伍"]));
  });
});

const withSample = existsSync(sample) ? describe : describe.skip;

withSample("ledger-report on the sample workbook", () => {
  it("prints figures --json in the documented shape", async () => {
    const r = await cli("figures", sample, "--json");
    expect([0, 1]).toContain(r.code);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).sort()).toEqual(["figures", "issues", "mustLook", "period", "scope", "version"]);
    expect(j.version).toBe(1);
    expect(j.period).toEqual({ start: "2022-01-01", end: "2022-12-31" });
    for (const f of j.figures) {
      expect(Object.keys(f).sort()).toEqual([
        "conditions",
        "id",
        "ledger",
        "name",
        "period",
        "rows",
        "rowsCountedTwice",
        "rowsLeftOut",
        "scope",
        "text",
        "unresolved",
        "value",
      ]);
      expect(f.text).not.toMatch(/NaN|undefined|-0\b/);
    }
    for (const i of j.issues) expect(["error", "warning", "info"]).toContain(i.severity);
  });

  it("check lists every error with its sheet and cell, and exits 1 because the sample has error rows", async () => {
    const r = await cli("check", sample);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/错误\s+\S+![A-Z]+\d+/);
  });

  it("generate writes a .docx, says how many rows were excluded, and never overwrites the workbook", async () => {
    const dir = tempDir();
    const out = join(dir, "报告.docx");
    const r = await cli("generate", sample, "-o", out);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/排除错误行 \d+ 行/);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(files)).toContain("word/document.xml");
    const same = await cli("generate", sample, "-o", sample);
    expect(same.code).toBe(2);
  });

  it("refuses to replace an existing report unless told to with --force", async () => {
    const out = join(tempDir(), "报告.docx");
    writeFileSync(out, "the clerk's edited report");
    const refused = await cli("generate", sample, "-o", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--force");
    expect(readFileSync(out, "utf8")).toBe("the clerk's edited report");
    const forced = await cli("generate", sample, "-o", out, "--force");
    expect(forced.code).toBe(1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it("names the default output by the report's year from 报告设置", async () => {
    const dir = tempDir();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await cli("generate", sample)).code).toBe(1);
      expect(existsSync(join(dir, "述职报告-2022.docx"))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it("--scope limits the figures to one department", async () => {
    const all = JSON.parse((await cli("figures", sample, "--json")).out);
    const one = JSON.parse((await cli("figures", sample, "--json", "--scope", "交易一科")).out);
    expect(one.scope).toBe("交易一科");
    const count = (j: { figures: { id: string; value: number }[] }) => j.figures.find((f) => f.id === "eg.count")!.value;
    expect(count(one)).toBeGreaterThan(0);
    expect(count(one)).toBeLessThan(count(all));
  });

  it("the installed binary runs end to end with no stack trace", () => {
    if (!existsSync(join(root, "dist-cli/ledger-report.js"))) {
      console.warn("dist-cli not built (npm run build:cli): skipping the binary test");
      return;
    }
    const ok = spawnSync(process.execPath, [binary, "figures", sample], { encoding: "utf8" });
    expect([0, 1]).toContain(ok.status);
    expect(ok.stdout).toContain("eg.count");
    const bad = spawnSync(process.execPath, [binary, "check", join(root, "package.json")], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("the bundle runs alone, copied with nothing beside it, as an administrator installs it on an offline PC", () => {
    const bundle = join(root, "dist-cli/ledger-report.js");
    if (!existsSync(bundle)) {
      console.warn("dist-cli not built (npm run build:cli): skipping the standalone test");
      return;
    }
    const alone = mkdtempSync(join(tmpdir(), "lr-alone-"));
    copyFileSync(bundle, join(alone, "ledger-report.js"));
    copyFileSync(sample, join(alone, "台账.xlsx"));
    const run = spawnSync(process.execPath, ["ledger-report.js", "figures", "台账.xlsx"], { cwd: alone, encoding: "utf8" });
    expect(run.stderr).not.toMatch(/Cannot find module/);
    expect([0, 1]).toContain(run.status);
    expect(run.stdout).toContain("eg.count");
  });

  it("exits quietly with its own code when the reader closes the pipe early (`figures … | head`)", async () => {
    if (!existsSync(join(root, "dist-cli/ledger-report.js"))) {
      console.warn("dist-cli not built (npm run build:cli): skipping the closed-pipe test");
      return;
    }
    for (const args of [
      ["figures", sample],
      ["check", sample],
    ]) {
      const child = spawn(process.execPath, [binary, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      // The reader is gone before the command prints its first line, as `head` is after ten.
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on("close", (c, s) => done([c, s])));
      // What the clerk must look at still goes to stderr; a stack trace never does.
      expect(stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
      expect(signal).toBeNull();
      expect([0, 1]).toContain(code);
    }
  }, 60_000);
});
