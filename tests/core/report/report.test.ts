import type { ReportDocument, ReportSettings } from "../../../src/core/types";
import { reportPlainText } from "../../helpers/report-text";
import {
  buildLinkRecord,
  buildReport,
  parseTemplate,
  settingSlots,
  stableHash,
  templateById,
  TemplateError,
  DEFAULT_TEMPLATE_ID,
  type Template,
} from "../../../src/core/report";
import { defaultSettings } from "../../../src/core/settings";
import { SEED_FIGURE_BLANKS, figure } from "./fixtures";

const tpl = (text: string): Template => ({ id: "t", name: "t", text });
const defaultTemplate = () => templateById(DEFAULT_TEMPLATE_ID)!;
const settings = (over: Partial<ReportSettings> = {}): ReportSettings => ({ ...defaultSettings(2022), ...over });

describe("parseTemplate", () => {
  test("reads title, headings, body, empty, right-aligned and optional lines, skipping comments and blank lines", () => {
    const blocks = parseTemplate("%% note\n= 标题\n\n~\n# 一、总体\n## （一）分项\n正文\n> 落款\n? > {{setting.signature}}\n");
    expect(blocks).toEqual([
      { kind: "title", optional: false, pieces: [{ kind: "text", text: "标题" }], line: 2 },
      { kind: "paragraph", align: "both", indent: false, optional: false, pieces: [], line: 4 },
      { kind: "heading", level: 1, optional: false, pieces: [{ kind: "text", text: "一、总体" }], line: 5 },
      { kind: "heading", level: 2, optional: false, pieces: [{ kind: "text", text: "（一）分项" }], line: 6 },
      { kind: "paragraph", align: "both", indent: true, optional: false, pieces: [{ kind: "text", text: "正文" }], line: 7 },
      { kind: "paragraph", align: "right", indent: false, optional: false, pieces: [{ kind: "text", text: "落款" }], line: 8 },
      { kind: "paragraph", align: "right", indent: false, optional: true, pieces: [{ kind: "slot", id: "setting.signature" }], line: 9 },
    ]);
  });

  test("splits a run-in heading in kai, figure slots and setting slots out of a paragraph", () => {
    expect(parseTemplate("[kai]（一）抓建设。[/kai]开展{{study.topic.count}}次，截止{{setting.period_end_month}}。")[0].pieces).toEqual([
      { kind: "text", text: "（一）抓建设。", style: "kai" },
      { kind: "text", text: "开展" },
      { kind: "slot", id: "study.topic.count" },
      { kind: "text", text: "次，截止" },
      { kind: "slot", id: "setting.period_end_month" },
      { kind: "text", text: "。" },
    ]);
  });

  test("takes escaped marks and unknown brackets as text", () => {
    expect(parseTemplate("\\# 不是标题\\{{x}} [1] \\[kai]")[0]).toMatchObject({
      kind: "paragraph",
      pieces: [{ kind: "text", text: "# 不是标题{{x}} [1] [kai]" }],
    });
  });

  test.each([
    ["未闭合 {{eg.count", "no closing }}"],
    ["{{setting.mayor}}", "unknown slot {{setting.mayor}}"],
    ["{{Eg Count}}", "unknown slot {{Eg Count}}"],
    ["[kai]（一）未结束", "[kai] is never closed"],
    ["[kai][bold]x[/bold][/kai]", "cannot nest"],
    ["x[/hei]", "[/hei] closes nothing"],
  ])("rejects %s with the line number", (line, message) => {
    let thrown: unknown;
    try {
      parseTemplate(`= 标题\n${line}`);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TemplateError);
    // A LocalizedError: a code, the Chinese text (Error.message) and the English, both naming the line.
    expect(thrown).toMatchObject({ code: "template.markup", line: 2 });
    expect((thrown as TemplateError).message).toMatch(/^模板第 2 行：/);
    expect((thrown as TemplateError).messageEn).toContain("template line 2: ");
    expect((thrown as TemplateError).messageEn).toContain(message);
  });
});

describe("buildReport", () => {
  test("binds figure slots to the figure's name and text and setting slots to their label and value", () => {
    const doc = buildReport(tpl("{{setting.year}}年开立{{eg.count}}笔"), settings(), [
      figure("eg.count", "1236", { name: "电子保函笔数" }),
    ]);
    expect(doc.blocks).toEqual([
      {
        kind: "paragraph",
        align: "both",
        indent: true,
        runs: [
          { kind: "slot", id: "setting.year", name: "年度", text: "2022" },
          { kind: "text", text: "年开立" },
          { kind: "slot", id: "eg.count", name: "电子保函笔数", text: "1236" },
          { kind: "text", text: "笔" },
        ],
      },
    ]);
  });

  test("keeps the slot of a figure that was not computed and shows * in it", () => {
    const doc = buildReport(tpl("共{{eg.count}}笔"), settings(), []);
    expect(doc.blocks[0]).toMatchObject({
      runs: [
        { kind: "text", text: "共" },
        { kind: "slot", id: "eg.count", name: "eg.count", text: "*" },
        { kind: "text", text: "笔" },
      ],
    });
  });

  test("starts a run-in heading paragraph with a kai run and makes 一、 lines level-1 headings", () => {
    const doc = buildReport(defaultTemplate(), settings(), []);
    expect(doc.blocks[0]).toMatchObject({ kind: "title" });
    expect(
      doc.blocks
        .filter((b) => b.kind === "heading")
        .map((b) => (b.kind === "heading" ? [b.level, b.runs.map((r) => r.text).join("")] : [])),
    ).toEqual([
      [1, "一、抓基层党建工作情况"],
      [1, "二、2022年度基层党建“书记项目”特色亮点工作"],
      [1, "三、存在的问题及整改方案"],
      [1, "四、2023年重点工作任务"],
    ]);
    const kai = doc.blocks.flatMap((b) => (b.kind === "paragraph" && b.runs[0]?.style === "kai" ? [b.runs[0].text] : []));
    expect(kai).toEqual([
      "（一）抓政治建设提站位，推进党建责任落细落实。",
      "（二）抓党建融合强服务，促进各项工作提质增效。",
      "（三）抓组织建设强活力，提升机关党建工作能力。",
      "（一）以党建为引领，深化创建模范机关和“最强党支部”创建。",
      "（二）以党建为引领，进一步落实“评定分离”工作。",
    ]);
  });

  test("fills names and years from the settings for a 2023 report", () => {
    const text = reportPlainText(
      buildReport(defaultTemplate(), settings({ year: 2023, periodStart: "2023-01-01", periodEnd: "2023-12-31" }), []),
    );
    const lines = text.split("\n");
    expect(lines[0]).toBe("2023年度市公共资源交易中心党组书记抓党建工作述职报告");
    expect(lines[2].startsWith("作为市公共资源交易中心党组书记及党支部书记")).toBe(true);
    expect(text).toContain("二是与市住房和城乡建设局联合出台");
    expect(text).toContain("三是制定《某市电子保函管理办法（试行）》。截止2023年12月底，我市公共资源交易平台共开立");
    expect(text).toContain("针对《某市招标投标“评定分离”管理办法》");
    expect(lines).toContain("二、2023年度基层党建“书记项目”特色亮点工作");
    expect(lines).toContain("四、2024年重点工作任务");
    expect(text).not.toContain("2022");
  });

  test.each([
    ["2023-06-30", "截止2023年6月底"],
    ["2023-06-15", "截止2023年6月15日"],
    ["2024-02-29", "截止2024年2月底"],
  ])("names a period ending %s as %s", (periodEnd, expected) => {
    expect(reportPlainText(buildReport(defaultTemplate(), settings({ periodEnd }), []))).toContain(`${expected}，我市`);
  });

  test("writes the signature and its date right-aligned under the closing, the date in Chinese form", () => {
    const doc = buildReport(defaultTemplate(), settings({ signature: "市公共资源交易中心党组书记 张三", signatureDate: "2023-01-05" }), []);
    expect(doc.blocks.slice(-3)).toEqual([
      { kind: "paragraph", align: "both", indent: true, runs: [{ kind: "text", text: "以上述职如有不妥之处，请批评指正。" }] },
      {
        kind: "paragraph",
        align: "right",
        indent: false,
        runs: [{ kind: "slot", id: "setting.signature", name: "落款", text: "市公共资源交易中心党组书记 张三" }],
      },
      {
        kind: "paragraph",
        align: "right",
        indent: false,
        runs: [{ kind: "slot", id: "setting.signature_date", name: "落款日期", text: "2023年1月5日" }],
      },
    ]);
  });

  test.each([
    ["2023-01-09", "2023年1月9日"],
    ["2023/1/9", "2023年1月9日"],
    ["2023.01.09", "2023年1月9日"],
    ["2023年01月09日", "2023年1月9日"],
    [" 2023年1月19日 ", "2023年1月19日"],
    ["2023年1月", "2023年1月"],
    ["二〇二三年一月九日", "二〇二三年一月九日"],
    ["2023-13-01", "2023-13-01"],
  ])("writes the signature date %p as %p: Arabic numerals without zero padding, or the clerk's text as written", (raw, shown) => {
    const doc = buildReport(defaultTemplate(), settings({ signature: "张三", signatureDate: raw }), []);
    const date = doc.blocks.at(-1)!;
    expect(date.kind === "paragraph" && date.runs.map((r) => r.text).join("")).toBe(shown);
  });

  test("writes a blank 联合发文单位 as a highlighted ［待补］ in its sentence, and still leaves out a blank 落款", () => {
    const doc = buildReport(defaultTemplate(), settings({ jointIssuer: "", signature: "", signatureDate: "" }), []);
    const text = reportPlainText(doc);
    expect(text).toContain("二是与［待补：联合发文单位］联合出台");
    expect(text).not.toContain("与联合出台");
    const slot = doc.blocks.flatMap((b) => ("runs" in b ? b.runs : [])).find((r) => r.kind === "slot" && r.id === "setting.joint_issuer");
    expect(slot).toMatchObject({ text: "［待补：联合发文单位］", unresolved: true });
    expect(text.split("\n").slice(-1)).toEqual(["以上述职如有不妥之处，请批评指正。"]);
  });

  test("leaves out only the date line when the signature date is blank, and keeps a free-text date as written", () => {
    const noDate = buildReport(defaultTemplate(), settings({ signature: "张三" }), []);
    expect(reportPlainText(noDate).split("\n").slice(-2)).toEqual(["以上述职如有不妥之处，请批评指正。", "张三"]);
    const freeText = buildReport(defaultTemplate(), settings({ signature: "张三", signatureDate: "2023年1月" }), []);
    expect(reportPlainText(freeText).split("\n").slice(-1)).toEqual(["2023年1月"]);
  });
});

describe("settingSlots", () => {
  test("lists every setting slot with its Chinese name and its text for the settings", () => {
    expect(settingSlots(settings({ orgName: "某市公共资源交易中心", signature: " 张三 ", signatureDate: "2023-01-10" }))).toEqual([
      { id: "setting.year", name: "年度", text: "2022", unresolved: false },
      { id: "setting.next_year", name: "下一年度", text: "2023", unresolved: false },
      { id: "setting.period_end_month", name: "期末月份", text: "2022年12月底", unresolved: false },
      { id: "setting.org_name", name: "单位名称", text: "某市公共资源交易中心", unresolved: false },
      { id: "setting.org_short", name: "单位简称", text: "市公共资源交易中心", unresolved: false },
      { id: "setting.reporter", name: "述职人", text: "市公共资源交易中心党组书记", unresolved: false },
      { id: "setting.joint_issuer", name: "联合发文单位", text: "市住房和城乡建设局", unresolved: false },
      { id: "setting.platform_name", name: "平台名称", text: "公共资源交易平台", unresolved: false },
      { id: "setting.city", name: "城市", text: "某市", unresolved: false },
      { id: "setting.signature", name: "落款", text: "张三", unresolved: false },
      { id: "setting.signature_date", name: "落款日期", text: "2023年1月10日", unresolved: false },
      // The whole agency: no department to name.
      { id: "setting.scope", name: "统计范围", text: "", unresolved: false },
    ]);
  });

  test("shows a blank setting the clerk answers as the yellow ［待补：名称］, never a gap in a sentence", () => {
    const blank = settingSlots(settings({ jointIssuer: " ", city: "" }));
    expect(blank.find((s) => s.id === "setting.joint_issuer")).toEqual({
      id: "setting.joint_issuer",
      name: "联合发文单位",
      text: "［待补：联合发文单位］",
      unresolved: true,
    });
    expect(blank.find((s) => s.id === "setting.city")).toMatchObject({ text: "［待补：城市］", unresolved: true });
  });

  test("leaves a blank 统计范围, 落款 and 落款日期 blank: they mean every department and no signature", () => {
    const blank = settingSlots(settings({ scope: "", signature: "", signatureDate: "" }));
    for (const id of ["setting.scope", "setting.signature", "setting.signature_date"])
      expect(blank.find((s) => s.id === id)).toMatchObject({ text: "", unresolved: false });
  });
});

describe("buildLinkRecord", () => {
  const s = settings({
    workbookId: "0f8fad5b-d9cb-469f-a165-70867728950e",
    scope: "交易一科",
    periodStart: "2022-01-01",
    periodEnd: "2022-12-31",
  });

  test("records the workbook, template, period and scope of the report", () => {
    const link = buildLinkRecord(buildReport(tpl("x"), s, []), "台账.xlsx", "2023-01-05T08:00:00.000Z");
    expect(link).toEqual({
      version: 1,
      workbookId: "0f8fad5b-d9cb-469f-a165-70867728950e",
      workbookName: "台账.xlsx",
      templateId: "default",
      period: { start: "2022-01-01", end: "2022-12-31" },
      scope: "交易一科",
      generatedAt: "2023-01-05T08:00:00.000Z",
      figures: [],
    });
  });

  test("keeps one entry per slot id, figures with their provenance and settings with a hash of their text", () => {
    const eg = figure("eg.amount", "3.20", {
      name: "减少资金占用",
      value: 320000000,
      ledger: "电子保函",
      conditions: "状态≠撤销",
      rows: 42,
      fingerprint: "abc123",
    });
    const doc = buildReport(
      tpl("{{setting.year}}年{{eg.amount}}亿元，{{setting.year}}年{{eg.count}}笔，{{setting.next_year}}年，{{setting.city}}"),
      s,
      [eg],
    );
    expect(buildLinkRecord(doc, "w.xlsx", "t").figures).toEqual([
      {
        id: "setting.year",
        name: "年度",
        value: 2022,
        text: "2022",
        fingerprint: stableHash("2022"),
        ledger: null,
        conditions: "",
        rows: 0,
      },
      {
        id: "eg.amount",
        name: "减少资金占用",
        value: 320000000,
        text: "3.20",
        fingerprint: "abc123",
        ledger: "电子保函",
        conditions: "状态≠撤销",
        rows: 42,
      },
      { id: "eg.count", name: "eg.count", value: null, text: "*", fingerprint: stableHash("*"), ledger: null, conditions: "", rows: 0 },
      {
        id: "setting.next_year",
        name: "下一年度",
        value: 2023,
        text: "2023",
        fingerprint: stableHash("2023"),
        ledger: null,
        conditions: "",
        rows: 0,
      },
      {
        id: "setting.city",
        name: "城市",
        value: null,
        text: "某市",
        fingerprint: stableHash("某市"),
        ledger: null,
        conditions: "",
        rows: 0,
      },
    ]);
  });

  test("links all twenty figures and the nine setting slots of the default report for one department (its scope line too)", () => {
    const doc = buildReport(
      defaultTemplate(),
      s,
      SEED_FIGURE_BLANKS.map((b) => figure(b.id, "1")),
    );
    const ids = buildLinkRecord(doc, "w.xlsx", "t").figures.map((f) => f.id);
    expect(ids.filter((id) => id.startsWith("setting."))).toEqual([
      "setting.year",
      "setting.reporter",
      "setting.scope",
      "setting.org_short",
      "setting.joint_issuer",
      "setting.city",
      "setting.period_end_month",
      "setting.platform_name",
      "setting.next_year",
    ]);
    expect(ids.filter((id) => !id.startsWith("setting."))).toEqual(SEED_FIGURE_BLANKS.map((b) => b.id));
  });
});

describe("reportPlainText", () => {
  test("joins blocks with newlines, table rows as lines and cells with tabs", () => {
    const doc: ReportDocument = {
      settings: settings(),
      figures: [],
      blocks: [
        {
          kind: "title",
          runs: [
            { kind: "slot", id: "setting.year", name: "年度", text: "2022" },
            { kind: "text", text: "年度报告" },
          ],
        },
        {
          kind: "table",
          rows: [
            [[{ kind: "text", text: "项目" }], [{ kind: "text", text: "数量" }]],
            [[{ kind: "text", text: "保函" }], [{ kind: "slot", id: "eg.count", name: "n", text: "12" }]],
          ],
        },
        { kind: "paragraph", runs: [] },
      ],
    };
    expect(reportPlainText(doc)).toBe("2022年度报告\n项目\t数量\n保函\t12\n");
  });
});

describe("stableHash", () => {
  test("is cyrb53 in 14 hex digits, so every host computes the same fingerprint", () => {
    expect(parseInt(stableHash("a"), 16)).toBe(7929297801672961);
    expect(stableHash("1300余")).toMatch(/^[0-9a-f]{14}$/);
    expect(stableHash("1300余")).not.toBe(stableHash("1200余"));
  });
});
