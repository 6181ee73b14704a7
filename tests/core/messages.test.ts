import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ISSUE_TEXTS, catalogueIssue, codeOf, issueText, type IssueTextKey } from "../../src/core/messages";

const SRC = join(__dirname, "../../src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1].replace(/En$/, "")).sort();

describe("the issue catalogue", () => {
  const keys = Object.keys(ISSUE_TEXTS) as IssueTextKey[];

  it.each(keys)("words %s in Chinese and English with the same parameters", (key) => {
    const { zh, en } = ISSUE_TEXTS[key];
    expect(zh.trim()).not.toBe("");
    expect(en.trim()).not.toBe("");
    // `{xEn}` is the English wording of `{x}` (a list joined with commas instead of 、).
    expect(new Set(placeholders(en))).toEqual(new Set(placeholders(zh)));
    // Chinese text is Chinese; the English one is not the Chinese copied.
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatch(/[a-z]{3}/);
  });

  it("has every text used by some reporting place in src/, and every key used there is in it", () => {
    const files = sources(SRC)
      .filter((p) => !p.endsWith(join("core", "messages.ts")))
      .map((p) => readFileSync(p, "utf8"));
    const code = files.join("\n");
    // Where a file words an issue through the catalogue, its fail/warn/warning helpers take keys.
    const reporting = files.filter((text) => /from "[./]*\/messages"/.test(text)).join("\n");
    const unused = keys.filter((key) => !code.includes(`"${key}"`));
    expect(unused).toEqual([]);
    // Keys passed to the catalogue's helpers (directly or through a file's own fail/warn/warning wrapper).
    const called = [
      ...reporting.matchAll(
        /(?:catalogueIssue\(\s*"\w+",\s*|issueText\(\s*|\b(?:fail|warn|warning)\(\s*(?:"\w+",\s*)?)"([a-z_]+\.[a-z_]+(?:#[a-z_]+)?)"/g,
      ),
    ].map((m) => m[1]);
    expect(called.length).toBeGreaterThan(10);
    expect(called.filter((key) => !(key in ISSUE_TEXTS))).toEqual([]);
  });

  it("puts the parameters into both languages and keeps a missing one visible, never dropped", () => {
    expect(issueText("definition.bad_period", { period: "上期" })).toEqual({
      message: "区间无法识别：“上期”，应为 本期、截至期末 或 全部",
      messageEn: 'period not recognised: "上期"; expected 本期 (current period), 截至期末 (up to the period end) or 全部 (all)',
    });
    expect(issueText("definition.bad_period").message).toContain("“{period}”");
  });

  it("keeps the code of a worded variant the same as the plain key's", () => {
    expect(codeOf("definition.bad_id#blank")).toBe("definition.bad_id");
    const issue = catalogueIssue("error", "definition.bad_id#blank", {}, { cell: "指标定义!A3" });
    expect(issue).toEqual({
      severity: "error",
      code: "definition.bad_id",
      message: "指标ID为空，该行未读取",
      messageEn: "figure id is blank; the row is skipped",
      cell: "指标定义!A3",
    });
    expect("ledger" in issue).toBe(false);
  });
});
