// The file patcher and placeholders: a figure the ledgers cannot support is written as a yellow
// ［待补：…］ inside its control, a later refresh fills it without calling it a conflict, and the
// number it writes carries no highlight; every part stays valid WordprocessingML.
import { renderDocx } from "../../../src/adapters/docx";
import { readLinkedDocx, runPropertiesFor } from "../../../src/adapters/docx/patch";
import { refreshDocx } from "../../../src/adapters/docx/refresh";
import { runEngine } from "../../../src/core/engine";
import type { RawCell, RawWorkbook } from "../../../src/core/types";
import { validateWordXml } from "../../helpers/ooxml";
import { unzipText } from "./clerk";
import { rawTable } from "../../helpers/raw-workbook";

const HIGHLIGHT = '<w:highlight w:val="yellow"/>';

function workbook(withOrganiser: boolean): RawWorkbook {
  const header: RawCell[] = withOrganiser ? ["日期", "形式", "主题", "组织"] : ["日期", "形式", "主题"];
  const row = (cells: RawCell[]) => (withOrganiser ? cells : cells.slice(0, 3));
  return {
    name: "台账.xlsx",
    date1904: false,
    tables: [
      rawTable("学习记录", [
        header,
        row(["2022-03-01", "专题学习", "二十大", "党组"]),
        row(["2022-05-01", "线上研讨", "二十大", "青年理论学习小组"]),
      ]),
      rawTable("共建单位", [
        ["单位名称", "协议签订日期"],
        ["某社区", "2022-01-05"],
      ]),
      rawTable("电子保函", [
        ["保函编号", "开立日期", "投标企业", "保证金金额（元）"],
        ["BH-1", "2022-01-01", "甲", 100],
      ]),
    ],
  };
}

async function report(withOrganiser: boolean): Promise<Uint8Array> {
  const result = runEngine(workbook(withOrganiser), { overrides: { year: 2022 }, generatedAt: "2023-01-05T00:00:00.000Z" });
  return renderDocx(result.report, result.link);
}

const YOUTH = "study.youth_online.count";

describe("placeholders in a report file", () => {
  test("are written yellow inside the figure's control, and the document validates", async () => {
    const bytes = await report(false);
    const control = readLinkedDocx(bytes).controls.find((c) => c.id === YOUTH)!;
    expect(control.text).toBe("［待补：青年线上学习研讨次数］");
    expect(control.runProperties).toContain(HIGHLIGHT);
    const validation = await validateWordXml(unzipText(bytes).text("word/document.xml"));
    if (validation) expect(validation.errors).toEqual([]);
  });

  test("are filled by a refresh, as no conflict, with the number unhighlighted", async () => {
    const refreshed = refreshDocx(workbook(true), await report(false), { generatedAt: "2023-02-01T00:00:00.000Z" });
    expect(refreshed.plan.conflicts).toEqual([]);
    expect(refreshed.plan.updated.find((u) => u.id === YOUTH)?.new).toBe("1");
    const control = readLinkedDocx(refreshed.bytes).controls.find((c) => c.id === YOUTH)!;
    expect(control.text).toBe("1");
    expect(control.runProperties).not.toContain("w:highlight");
    const validation = await validateWordXml(unzipText(refreshed.bytes).text("word/document.xml"));
    if (validation) expect(validation.errors).toEqual([]);
  });

  test("replace a number the ledgers no longer support, highlighted, and the document validates", async () => {
    const refreshed = refreshDocx(workbook(false), await report(true), { generatedAt: "2023-02-01T00:00:00.000Z" });
    const control = readLinkedDocx(refreshed.bytes).controls.find((c) => c.id === YOUTH)!;
    expect(control.text).toBe("［待补：青年线上学习研讨次数］");
    expect(control.runProperties).toContain(HIGHLIGHT);
    const validation = await validateWordXml(unzipText(refreshed.bytes).text("word/document.xml"));
    if (validation) expect(validation.errors).toEqual([]);
  });

  test("count as ours even when the placeholder names the figure differently than the record remembers", async () => {
    const bytes = await report(false);
    const docx = readLinkedDocx(bytes);
    const renamed = {
      ...docx.record,
      figures: docx.record.figures.map((f) => (f.id === YOUTH ? { ...f, text: "［待补：旧名称］" } : f)),
    };
    const { planRefresh } = await import("../../../src/core/refresh/plan");
    const fresh = runEngine(workbook(true), { overrides: { year: 2022 } }).link;
    const plan = planRefresh(renamed, docx.controls, fresh);
    expect(plan.conflicts).toEqual([]);
    expect(plan.writes.find((w) => w.id === YOUTH)?.text).toBe("1");
  });
});

describe("run properties for a write", () => {
  test("add the highlight in schema order for a placeholder and drop it for a number", () => {
    expect(runPropertiesFor("", true)).toBe(`<w:rPr>${HIGHLIGHT}</w:rPr>`);
    expect(runPropertiesFor('<w:rPr><w:rStyle w:val="a"/><w:sz w:val="32"/><w:u w:val="single"/></w:rPr>', true)).toBe(
      `<w:rPr><w:rStyle w:val="a"/><w:sz w:val="32"/>${HIGHLIGHT}<w:u w:val="single"/></w:rPr>`,
    );
    expect(runPropertiesFor(`<w:rPr><w:rStyle w:val="a"/>${HIGHLIGHT}</w:rPr>`, false)).toBe('<w:rPr><w:rStyle w:val="a"/></w:rPr>');
    expect(runPropertiesFor(`<w:rPr>${HIGHLIGHT}</w:rPr>`, false)).toBe("");
    expect(runPropertiesFor(`<w:rPr><w:highlight w:val="green"/></w:rPr>`, true)).toBe(`<w:rPr>${HIGHLIGHT}</w:rPr>`);
  });
});
