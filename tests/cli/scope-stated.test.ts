// `generate --scope 交易一科` makes a report whose figures are one department's: the report, the
// command's words and every figure's name in --json say so, in Chinese and English.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { runCli } from "../helpers/cli";
import { readLinkedDocx } from "../../src/adapters/docx/patch";

const root = resolve(__dirname, "../..");
const sample = join(root, "examples/sample-ledgers.xlsx");
const withSample = existsSync(sample) ? describe : describe.skip;
const dir = mkdtempSync(join(tmpdir(), "lr-scope-stated-"));

/** The document's paragraphs as text, tags dropped (a slot's text sits in its own run). */
function paragraphs(docx: string): string[] {
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))["word/document.xml"]);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
}

withSample("a report for one department says so", () => {
  test("generate --scope writes （统计范围：交易一科） centred under the title, as a linked setting", async () => {
    const out = join(dir, "交易一科.docx");
    const r = await runCli(["generate", sample, "-o", out, "--scope", "交易一科"]);
    // Ledgers without 部门 leave figures unresolved under a scope: exit 1, but the report is written.
    expect(r.code).toBe(1);
    expect(r.out).toContain("已在标题下注明：（统计范围：交易一科）");
    const lines = paragraphs(out);
    const title = lines.findIndex((l) => l.includes("抓党建工作述职报告"));
    expect(lines[title + 1]).toBe("（统计范围：交易一科）");
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))["word/document.xml"]);
    const note = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes("统计范围"))!;
    expect(note).toContain('<w:jc w:val="center"/>');
    const docx = readLinkedDocx(new Uint8Array(readFileSync(out)));
    expect(docx.controls.find((c) => c.id === "setting.scope")?.text).toBe("交易一科");
    expect(docx.record.scope).toBe("交易一科");
  });

  test("generate for the whole agency has no scope line", async () => {
    const out = join(dir, "全部门.docx");
    const r = await runCli(["generate", sample, "-o", out]);
    expect(r.out).not.toContain("统计范围");
    expect(paragraphs(out).join("\n")).not.toContain("统计范围");
  });

  test("figures --json names each counted figure with its department; hand values stay the report's", async () => {
    const r = await runCli(["figures", sample, "--json", "--scope", "交易一科"]);
    const figures = JSON.parse(r.out).figures as { id: string; name: string; scope: string | null; ledger: string | null }[];
    const count = figures.find((f) => f.id === "eg.count")!;
    expect(count).toMatchObject({ name: "电子保函笔数（交易一科）", scope: "交易一科" });
    for (const f of figures.filter((x) => x.ledger !== null)) expect(f.name.endsWith("（交易一科）")).toBe(true);
    expect(figures.find((f) => f.id === "goals.count")).toMatchObject({ name: "目标要求条数", scope: null });
    const whole = JSON.parse((await runCli(["figures", sample, "--json"])).out).figures as { id: string; name: string; scope: null }[];
    expect(whole.find((f) => f.id === "eg.count")).toMatchObject({ name: "电子保函笔数", scope: null });
  });

  test("the figures table and generate say the scope in English too", async () => {
    const table = await runCli(["figures", sample, "--scope", "交易一科", "--lang", "en"]);
    expect(table.out).toContain("电子保函笔数（交易一科）");
    const out = join(dir, "en.docx");
    const r = await runCli(["generate", sample, "-o", out, "--scope", "交易一科", "--lang", "en"]);
    expect(r.out).toContain("The report counts 交易一科 only and says so under its title");
  });
});

withSample("the scope in the command's words", () => {
  test("the summary line says all departments in English, 全部门 in Chinese, and a department by its name", async () => {
    const en = await runCli(["figures", sample, "--lang", "en"]);
    expect(en.out).toMatch(/, scope all departments; /);
    expect(en.out + en.err).not.toContain("全部门;");
    expect((await runCli(["figures", sample])).out).toMatch(/，范围 全部门；/);
    expect((await runCli(["figures", sample, "--lang", "en", "--scope", "交易一科"])).out).toMatch(/, scope 交易一科; /);
  });

  test("a mistyped --scope is refused with the nearest department as a did-you-mean, in both languages; one near none has none", async () => {
    const zh = await runCli(["figures", sample, "--scope", "交易1科"]);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain("您是不是要用“交易一科”？");
    const en = await runCli(["figures", sample, "--scope", "交易1科", "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.err).toContain('Did you mean "交易一科"?');
    const far = await runCli(["generate", sample, "--scope", "办公室", "-o", join(dir, "办公室.docx")]);
    expect(far.code).toBe(2);
    expect(far.err).toContain("台账中的部门有：");
    expect(far.err).not.toContain("您是不是");
    expect(existsSync(join(dir, "办公室.docx"))).toBe(false);
  });

  test("refresh refuses a mistyped --scope as generate does: the nearest department, the departments there are, nothing written", async () => {
    const report = join(dir, "刷新前.docx");
    expect((await runCli(["generate", sample, "-o", report])).code).toBeLessThan(2);
    const out = join(dir, "刷新.docx");
    const zh = await runCli(["refresh", sample, report, "--scope", "交易1科", "-o", out]);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain("您是不是要用“交易一科”？");
    expect(zh.err).toContain("台账中的部门有：");
    const en = await runCli(["refresh", sample, report, "--scope", "交易1科", "-o", out, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.err).toContain('Did you mean "交易一科"?');
    expect(existsSync(out)).toBe(false);
  });
});
