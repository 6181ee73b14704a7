import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  ISSUE_TEXTS,
  UNRESOLVED_TEXTS,
  catalogueIssue,
  codeOf,
  issueText,
  unresolvedText,
  type IssueTextKey,
} from "../../src/core/messages";

const SRC = join(__dirname, "../../src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1].replace(/En$/, "")).sort();

const catalogues: [string, Record<string, { zh: string; en: string }>][] = [
  ["the issue catalogue", ISSUE_TEXTS],
  ["the unresolved reasons", UNRESOLVED_TEXTS],
];

describe.each(catalogues)("%s", (_, texts) => {
  it.each(Object.keys(texts))("words %s in Chinese and English with the same parameters", (key) => {
    const { zh, en } = texts[key];
    expect(zh.trim()).not.toBe("");
    expect(en.trim()).not.toBe("");
    // `{xEn}` is the English wording of `{x}` (a list joined with commas instead of 、).
    expect(new Set(placeholders(en))).toEqual(new Set(placeholders(zh)));
    // Chinese text is Chinese; the English one is not the Chinese copied.
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatch(/[a-z]{3}/);
  });
});

describe("the issue catalogue", () => {
  const keys = Object.keys(ISSUE_TEXTS) as IssueTextKey[];

  it("has every text used by some reporting place in src/, and every key used there is in it", () => {
    const files = sources(SRC)
      .filter((p) => !p.endsWith(join("core", "messages.ts")))
      .map((p) => readFileSync(p, "utf8"));
    const code = files.join("\n");
    // Where a file words an issue through the catalogue, its fail/warn/warning helpers take keys.
    // (The CLI's own texts are keyed in src/cli/messages.ts and checked by tests/cli/messages.test.ts.)
    const cli = sources(join(SRC, "cli")).map((p) => readFileSync(p, "utf8"));
    const reporting = files.filter((text) => /from "[./]*\/messages"/.test(text) && !cli.includes(text)).join("\n");
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

describe("the unresolved reasons", () => {
  const code = sources(SRC)
    .filter((p) => !p.endsWith(join("core", "messages.ts")))
    .map((p) => readFileSync(p, "utf8"))
    .join("\n");

  it("has every reason used by some place in src/, a column role where a figure's need names it", () => {
    // A role's text is looked up as `column_missing#role_${role}` with the role a figure needs (`need(…, "sum")`).
    const role = /^column_missing#role_(\w+)$/;
    const used = (key: string) =>
      role.test(key) ? new RegExp(`role: "${role.exec(key)![1]}"|, "${role.exec(key)![1]}"\\)`).test(code) : code.includes(`"${key}"`);
    expect(Object.keys(UNRESOLVED_TEXTS).filter((key) => !used(key))).toEqual([]);
  });

  it("words no reason inline: every reason in src/ comes from unresolvedText", () => {
    // A `reasonEn:` written as a literal would be a reason worded outside the catalogue.
    expect(code).not.toMatch(/\breasonEn:\s*[`"']/);
  });

  it("gives the code of a worded variant and puts the parameters into both reasons", () => {
    expect(
      unresolvedText("column_missing#sheet", { sheet: "学习记录2", role: "条件列", roleEn: "condition column", column: "形式" }),
    ).toEqual({
      code: "column_missing",
      reason: "学习记录2 中没有条件列“形式”",
      reasonEn: '学习记录2 has no condition column "形式"',
    });
    expect(unresolvedText("manual_blank")).toEqual({
      code: "manual_blank",
      reason: "手工指标的手工值为空",
      reasonEn: "it is a manual figure and its manual value is blank",
    });
    // A parameter left out stays visible in the reason, never dropped.
    expect(unresolvedText("not_defined").reason).toContain("{id}");
  });
});
