// A report counted for one department says so where an official document puts such a note: a
// centred line in 楷体 under the title (GB/T 9704 practice for a 题注), never only in its metadata.
import { buildReport, parseTemplate, reportPlainText, templateById, DEFAULT_TEMPLATE_ID } from "../../../src/core/report";
import { defaultSettings } from "../../../src/core/settings";
import type { Block, ReportSettings } from "../../../src/core/types";

const settings = (over: Partial<ReportSettings> = {}): ReportSettings => ({ ...defaultSettings(2022), ...over });
const report = (scope: string) => buildReport(templateById(DEFAULT_TEMPLATE_ID)!, settings({ scope }), []);
const text = (b: Block) => (b.kind === "paragraph" || b.kind === "title" || b.kind === "heading" ? b.runs.map((r) => r.text).join("") : "");

describe("the scope of a report", () => {
  test("a report for one department states it centred in 楷体 right under the title, before the blank line", () => {
    const doc = report("交易一科");
    expect(doc.blocks[0].kind).toBe("title");
    const note = doc.blocks[1];
    expect(note).toMatchObject({ kind: "paragraph", align: "center", indent: false });
    expect(text(note)).toBe("（统计范围：交易一科）");
    // The department's name is a linked setting slot, so a refresh under another scope rewrites it.
    const runs = (note as Extract<Block, { kind: "paragraph" }>).runs;
    expect(runs.find((r) => r.kind === "slot")).toMatchObject({ id: "setting.scope", name: "统计范围", text: "交易一科" });
    expect(runs.every((r) => r.style === "kai")).toBe(true);
    expect(text(doc.blocks[2])).toBe("");
  });

  test("a report for the whole agency carries no scope line, with the scope blank or 全部门", () => {
    for (const scope of ["全部门", "", "  "]) {
      const doc = report(scope);
      expect(reportPlainText(doc)).not.toContain("统计范围");
      expect(text(doc.blocks[1])).toBe("");
    }
  });

  test("a template line starting with ^ is a centred paragraph without indent", () => {
    expect(parseTemplate("^ （2023年1月5日）")[0]).toMatchObject({
      kind: "paragraph",
      align: "center",
      indent: false,
      pieces: [{ kind: "text", text: "（2023年1月5日）" }],
    });
    expect(parseTemplate("\\^ 不是题注")[0]).toMatchObject({ align: "both", pieces: [{ kind: "text", text: "^ 不是题注" }] });
  });
});
