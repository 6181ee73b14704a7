// The built-in template's name in the pane's language (clerk 8 saw it in Chinese under English).
import { makeT } from "../../src/taskpane/i18n";
import { templateLabel } from "../../src/taskpane/template-label";
import { TEMPLATES } from "../../src/core/report/templates";

describe("a template's name in the pane", () => {
  const builtIn = TEMPLATES[0];

  it("is the built-in template's name in English when the pane is in English, and its Chinese name in Chinese", () => {
    expect(templateLabel(builtIn, makeT("en-US"))).not.toMatch(/[\u3400-\u9fff]/);
    expect(templateLabel(builtIn, makeT("zh-CN"))).toBe(builtIn.name);
  });

  it("is the clerk's own name for a template stored in the workbook, in either language", () => {
    expect(templateLabel({ id: "工作总结", name: "工作总结" }, makeT("en-US"))).toBe("工作总结");
  });
});
