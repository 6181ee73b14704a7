// The command line's own texts come from one catalogue (src/cli/messages.ts), as the engine's issues
// come from core/messages.ts: every text in both languages with the same parameters, every one used,
// and no Chinese or English sentence written inline in main.ts, exit.ts or output.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OTHER_WORKBOOK } from "../../src/core/errors";
import { runCli } from "../helpers/cli";
import { CLI_TEXTS, inLang, listParams, pieceParams, say, texts, type CliTextKey } from "../../src/cli/messages";

const CLI = join(__dirname, "../../src/cli");
const read = (name: string) => readFileSync(join(CLI, name), "utf8");
const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1].replace(/En$/, "")).sort();
/** The code without comments, so that a comment quoting a message does not count as its use. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

describe("the CLI's catalogue", () => {
  const keys = Object.keys(CLI_TEXTS) as CliTextKey[];

  it.each(keys)("words %s in Chinese and English with the same parameters", (key) => {
    const { zh, en } = CLI_TEXTS[key];
    expect(zh.trim()).not.toBe("");
    expect(en.trim()).not.toBe("");
    // `{xEn}` is the English wording of `{x}` (a list joined with commas instead of 、).
    expect(new Set(placeholders(en))).toEqual(new Set(placeholders(zh)));
    // Each language its own: the Chinese has Chinese characters or punctuation, the English is not it copied.
    expect(zh).toMatch(/[^\x00-\x7f]/);
    expect(en).not.toBe(zh);
  });

  it("has every text used by main.ts, exit.ts or output.ts, and none of them words a sentence inline", () => {
    const sources = ["main.ts", "exit.ts", "output.ts"].map((name) => code(read(name)));
    const all = sources.join("\n");
    // A key is used as a literal, as the severity's `severity.${…}`, or as the shared code OTHER_WORKBOOK.
    const used = (key: string) =>
      all.includes(`"${key}"`) ||
      (key.startsWith("severity.") && all.includes("`severity.${")) ||
      (key === OTHER_WORKBOOK && all.includes("refusal(OTHER_WORKBOOK"));
    const unused = keys.filter((key) => !used(key));
    expect(unused).toEqual([]);
    // No text chosen by language by hand: the one choice is inLang/say (a locale for describeConditionText is no text).
    expect(all).not.toMatch(/lang === "en" \? (?!"en-US")|\ben \? [`"]/);
    // No Chinese sentence in the code: only the default file name (述职报告-<年度>.docx).
    const chinese = all
      .split("\n")
      .filter((line) => /[\u4e00-\u9fff]/.test(line))
      .filter((line) => !/述职报告-\$\{/.test(line));
    expect(chinese).toEqual([]);
  });

  it("puts parameters into the clerk's language and keeps a missing one visible", () => {
    expect(say("output.exists", { path: "a.docx" }, "zh")).toBe("a.docx 已存在，未做任何修改。请换一个文件名，或加 --force 覆盖。");
    expect(say("output.exists", { path: "a.docx" }, "en")).toBe(
      "a.docx already exists; nothing was changed. Choose another name, or add --force to replace it.",
    );
    expect(say("file.not_found", {}, "en")).toBe("file not found: {path}");
  });

  it("writes a list as each language does, and an optional piece as nothing when it is not said", () => {
    expect(texts("keys.duplicate", { count: 2, ...pieceParams("keys", null) })).toEqual({
      message: "2 个编号重复，两行都作为记录读取，没有指标把重复的两行都计入，请核对。",
      messageEn: "2 key(s) are duplicated; both rows are read as records, and no figure counts both — please check them.",
    });
    expect(say("template.not_found", { name: "x", workbook: "台账.xlsx", ...listParams("stored", ["甲", "乙"]) }, "zh")).toContain(
      "保存的模板有：甲、乙。",
    );
    expect(say("template.not_found", { name: "x", workbook: "台账.xlsx", ...listParams("stored", ["甲", "乙"]) }, "en")).toContain(
      "Stored templates: 甲, 乙.",
    );
    expect(inLang({ message: "中", messageEn: "en" }, "en")).toBe("en");
    expect(inLang({ message: "中", messageEn: "en" }, "zh")).toBe("中");
  });
});

describe("a refusal worded by the catalogue", () => {
  it("names the file and why it could not be read, in the language asked", async () => {
    // A folder exists but cannot be read as a file (EISDIR): exit 2, nothing written.
    const zh = await runCli(["check", __dirname]);
    expect(zh).toMatchObject({ code: 2, out: "" });
    expect(zh.err).toBe(`ledger-report: 无法读取文件：${__dirname}（EISDIR）\n`);
    const en = await runCli(["check", __dirname, "--lang", "en", "--json"]);
    expect(en.code).toBe(2);
    expect(JSON.parse(en.out).error).toEqual({
      code: "file.unreadable",
      message: `无法读取文件：${__dirname}（EISDIR）`,
      messageEn: `cannot read file: ${__dirname} (EISDIR)`,
    });
  });
});
