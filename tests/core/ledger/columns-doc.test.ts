// docs/columns.md lists every ledger column and every header spelling the reader accepts. The
// table between its markers is generated from LEDGER_SPECS: this test fails when the two disagree,
// and `UPDATE_DOCS=1 npx jest tests/core/ledger/columns-doc.test.ts` rewrites it.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { LEDGER_SPECS, HEADER_SYNONYMS, type ColumnSpec } from "../../../src/core/ledger/schema";

const DOC = resolve(__dirname, "../../../docs/columns.md");
const START = "<!-- columns:start (generated from src/core/ledger/schema.ts by tests/core/ledger/columns-doc.test.ts) -->";
const END = "<!-- columns:end -->";

const TYPE: Record<ColumnSpec["type"], string> = {
  date: "日期 date",
  text: "文本 text",
  integer: "整数 integer ≥ 0",
  money: "金额 money ≥ 0",
  enum: "可选值 one of",
  yesno: "是/否 yes/no",
};

function cell(s: string): string {
  return s.replace(/\|/g, "\\|");
}

function generated(): string {
  const out: string[] = [START, ""];
  for (const spec of LEDGER_SPECS) {
    const names = [spec.english, ...spec.aliases].map((n) => `\`${n}\``).join("、");
    out.push(`### ${spec.name}${spec.optional ? "（可选 optional）" : ""}`, "", `Sheet or table names: \`${spec.name}\`、${names}`, "");
    out.push("| 标准列名 column | 类型 type | 必填 required | 也认作 aliases | 单位 unit | 说明 notes |", "|---|---|---|---|---|---|");
    for (const c of spec.columns) {
      const notes: string[] = [];
      if (c.values) notes.push(c.values.join(" / "));
      if (c.synonyms)
        for (const v of c.values ?? []) {
          const words = Object.keys(c.synonyms).filter((w) => c.synonyms![w] === v);
          if (words.length > 0) notes.push(`${words.join("、")} = ${v}`);
        }
      if (c.blankMeans) notes.push(`空白 = ${c.blankMeans}`);
      if (c.unknownIsError) notes.push("其他值为错误，该行不计入 any other value is an error and the row is left out");
      if (c.unique) notes.push("唯一 unique key");
      out.push(
        `| ${cell(c.name)} | ${TYPE[c.type]} | ${c.required ? "是 yes" : "否 no"} | ${(c.aliases ?? []).map((a) => `\`${cell(a)}\``).join("、")} | ${c.unit ?? (c.type === "money" ? "元" : "")} | ${cell(notes.join("; "))} |`,
      );
    }
    out.push("");
  }
  out.push("### 近义词 synonyms used for suggestions", "");
  for (const group of HEADER_SYNONYMS) out.push(`- ${group.map((w) => `\`${w}\``).join(" ≈ ")}`);
  out.push("", END);
  return out.join("\n");
}

describe("docs/columns.md", () => {
  it("lists every column and alias of src/core/ledger/schema.ts, exactly", () => {
    const doc = readFileSync(DOC, "utf8");
    const from = doc.indexOf(START);
    const to = doc.indexOf(END);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeGreaterThan(from);
    const current = doc.slice(from, to + END.length);
    if (process.env.UPDATE_DOCS && current !== generated()) {
      writeFileSync(DOC, doc.slice(0, from) + generated() + doc.slice(to + END.length));
      return;
    }
    expect(current).toBe(generated());
  });

  it("names each alias once, so a reader of the doc finds every spelling", () => {
    const doc = readFileSync(DOC, "utf8");
    for (const spec of LEDGER_SPECS) for (const c of spec.columns) for (const a of c.aliases ?? []) expect(doc).toContain(`\`${a}\``);
  });
});
