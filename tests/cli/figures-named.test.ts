// Warnings about figures name only figures the document holds (issue #10): a clerk's document that
// shows 捐赠次数 alone, rolled forward to a year 活动记录 has no record in, is told its 捐赠次数 is 0 —
// not 加入社区群个数, the first 活动记录 figure 指标定义 defines, which the document does not hold.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { cli } from "../helpers/cli";
import { wordMadePackage } from "../adapters/docx/word-made";

const sample = resolve(__dirname, "../../examples/sample-ledgers.xlsx");
const dir = mkdtempSync(join(tmpdir(), "lr-figures-named-"));
const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const ONE_FIGURE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body><w:p><w:r><w:t xml:space="preserve">全年组织捐赠{{donations.count}}次。</w:t></w:r></w:p></w:body></w:document>`;

type Look = { code: string; message: string; messageEn: string };
type JsonIssue = { code: string; figure: string | null; message: string; messageEn: string };

let filled: string;
beforeAll(async () => {
  const template = join(dir, "捐赠.docx");
  writeFileSync(template, wordMadePackage(ONE_FIGURE));
  filled = join(dir, "捐赠-2022.docx");
  const r = await cli("fill", sample, template, "-o", filled);
  if (r.code === 2) throw new Error(r.err);
}, 60000);

describe("refresh --year of a document holding one figure of a ledger with no record in the new year", () => {
  it("names the document's own figure as the 0 to check, in the exit reason and in the issue, in both languages", async () => {
    const r = await cli("refresh", sample, filled, "--year", "2023", "-o", join(dir, "捐赠-2023.docx"), "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { mustLook: Look[]; issues: JsonIssue[] };
    const look = json.mustLook.find((l) => l.code === "ledgers.period_empty")!;
    expect(look.message).toContain("“活动记录”");
    expect(look.message).toContain("“捐赠次数”");
    expect(look.message).not.toContain("加入社区群个数");
    expect(look.messageEn).toContain('"捐赠次数"');
    const issue = json.issues.find((i) => i.code === "figure.period_empty" && i.message.includes("活动记录"))!;
    expect(issue.figure).toBe("donations.count");
    expect(issue.message).not.toContain("加入社区群个数");
  });

  it("says plainly that a figure a warning is about is not in the document, in the text listing too", async () => {
    const r = await cli("refresh", sample, filled, "--year", "2023", "-o", join(dir, "捐赠-2023-v.docx"), "--verbose");
    // Every figure-naming line names 捐赠次数, or says its figure is not in this document.
    const lines = (r.out + r.err).split("\n").filter((l) => /“[^”]+(次数|个数|笔数|家数|支数|人数)”/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect([line, line.includes("捐赠次数") || line.includes("不在本文档中")]).toEqual([line, true]);
  });

  it("generate's warnings name the report's own figures: none is said to be outside it", async () => {
    const r = await cli("generate", sample, "--year", "2023", "-o", join(dir, "述职报告-2023.docx"), "--json");
    const json = JSON.parse(r.out) as { mustLook: Look[]; issues: JsonIssue[] };
    const look = json.mustLook.find((l) => l.code === "ledgers.period_empty")!;
    expect(look.message).toContain("“活动记录”");
    expect(json.issues.filter((i) => i.message.includes("不在本文档中"))).toEqual([]);
  });
});
