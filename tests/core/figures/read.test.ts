import { DEFAULT_DEFINITIONS, DEFINITION_HEADERS, definitionToRow, readDefinitions, withSeedManualValues } from "../../../src/core/figures";
import type { RawCell, RawTable, RawWorkbook } from "../../../src/core/types";

function workbook(...tables: RawTable[]): RawWorkbook {
  return { date1904: false, tables };
}

function sheet(values: RawCell[][], extra: Partial<RawTable> = {}): RawTable {
  return { sheet: "指标定义", top: 0, left: 0, values, ...extra };
}

const header = DEFINITION_HEADERS;

/** What readDefinitions makes of a workbook holding just this 指标定义 sheet. */
const readSheet = (values: RawCell[][], extra: Partial<RawTable> = {}) => readDefinitions(workbook(sheet(values, extra)));

describe("the default figures", () => {
  it("are the twenty figures of the seed report, in its order", () => {
    expect(DEFAULT_DEFINITIONS.map((d) => d.id)).toEqual([
      "goals.count",
      "study.topic.count",
      "study.seminar.count",
      "study.youth_online.count",
      "study.lecture.count",
      "xxqg.threshold",
      "xxqg.rank",
      "eg.count",
      "eg.firms",
      "eg.amount",
      "partners.count",
      "community_groups.count",
      "donations.count",
      "teams.vanguard.count",
      "teams.volunteer.count",
      "cadres.baolian.count",
      "cadres.commando.count",
      "staff.double_report.count",
      "communities.count",
      "staff.commended.count",
    ]);
  });
  it("leave every manual value blank: a new workbook carries no answers", () => {
    const manual = DEFAULT_DEFINITIONS.filter((d) => d.ledger === null).map((d) => [d.id, d.manualValue]);
    expect(manual).toEqual([
      ["goals.count", null],
      ["xxqg.threshold", null],
      ["xxqg.rank", null],
    ]);
  });
  it("give the seed report's hand values only where asked (the sample workbook)", () => {
    const manual = withSeedManualValues(DEFAULT_DEFINITIONS)
      .filter((d) => d.ledger === null)
      .map((d) => [d.id, d.manualValue]);
    expect(manual).toEqual([
      ["goals.count", 20],
      ["xxqg.threshold", 40],
      ["xxqg.rank", 10],
    ]);
    expect(DEFAULT_DEFINITIONS[0].manualValue).toBeNull();
  });
  it("are written as sheet rows a clerk can read", () => {
    const rows = DEFAULT_DEFINITIONS.map(definitionToRow);
    expect(header).toEqual(["指标ID", "名称", "台账", "统计", "条件", "区间", "格式", "手工值"]);
    expect(rows[0]).toEqual(["goals.count", "目标要求条数", "", "", "", "", "整数", ""]);
    expect(rows[1]).toEqual([
      "study.topic.count",
      "专题学习党的二十大精神次数",
      "学习记录",
      "计数",
      "形式=专题学习; 主题~二十大",
      "本期",
      "整数",
      "",
    ]);
    expect(rows[8]).toEqual([
      "eg.firms",
      "服务企业家数",
      "电子保函",
      "去重计数:统一社会信用代码|投标企业",
      "状态≠撤销",
      "截至期末",
      "余",
      "",
    ]);
    expect(rows[9]).toEqual(["eg.amount", "减少企业资金占用（亿元）", "电子保函", "求和:保证金金额", "状态≠撤销", "截至期末", "亿元", ""]);
    expect(rows[15]).toEqual(["cadres.baolian.count", "包联干部人数", "人员", "计数", "包联社区 非空", "全部", "整数", ""]);
  });
});

describe("reading 指标定义", () => {
  it("uses the default figures when the workbook has no 指标定义 sheet", () => {
    const result = readDefinitions(workbook({ sheet: "电子保函", top: 0, left: 0, values: [["指标ID"]] }));
    expect(result).toEqual({ definitions: DEFAULT_DEFINITIONS, issues: [], fromWorkbook: false });
  });

  it("reads back the rows set-up writes, below a title and offset on the sheet", () => {
    const values: RawCell[][] = [["指标定义（可增加行）", "", ""], ["", "", ""], header, ...DEFAULT_DEFINITIONS.map(definitionToRow)];
    const result = readSheet(values, { top: 3, left: 1 });
    expect(result.issues).toEqual([]);
    expect(result.fromWorkbook).toBe(true);
    // The sheet starts at B4 (top 3, left 1): the header is row 6, the first definition row 7, 手工值 column I.
    expect(result.definitions).toEqual(
      DEFAULT_DEFINITIONS.map((d, i) => ({
        ...d,
        sourceRow: 7 + i,
        cells: { manual: `指标定义!I${7 + i}`, conditions: `指标定义!F${7 + i}`, aggregate: `指标定义!E${7 + i}` },
      })),
    );
  });

  it("finds the table by its English table name and its columns in any order", () => {
    const values: RawCell[][] = [
      ["格式", "手工值", "条件", "指标ID", "台账", "区间", "统计", "名称"],
      ["亿元", "", "Status≠撤销", "eg.amount", "EGuarantees", "截至期末", "求和:保证金金额", "金额"],
      ["整数", " 1,200 ", "", "goals.count", "", "", "", "目标"],
    ];
    const result = readSheet(values, { sheet: "配置", table: "FigureDefinitions" });
    expect(result.issues).toEqual([]);
    expect(result.definitions).toEqual([
      {
        id: "eg.amount",
        name: "金额",
        ledger: "电子保函",
        aggregate: { kind: "sum", column: "保证金金额" },
        conditions: [{ kind: "ne", column: "Status", values: ["撤销"] }],
        period: "toEnd",
        format: "yi",
        manualValue: null,
        sourceRow: 2,
        cells: { manual: "配置!B2", conditions: "配置!C2", aggregate: "配置!G2" },
      },
      {
        id: "goals.count",
        name: "目标",
        ledger: null,
        aggregate: { kind: "count" },
        conditions: [],
        period: "all",
        format: "integer",
        manualValue: 1200,
        sourceRow: 3,
        cells: { manual: "配置!B3", conditions: "配置!C3", aggregate: "配置!G3" },
      },
    ]);
  });

  it("skips blank rows and names a figure by its id when 名称 is blank", () => {
    const values: RawCell[][] = [
      header,
      ["", "", "", "", "", "", "", ""],
      ["x.count", "", "队伍", "计数", "", "全部", "", 3],
      [null, null],
    ];
    const result = readSheet(values);
    expect(result.issues).toEqual([]);
    expect(result.definitions).toEqual([
      {
        id: "x.count",
        name: "x.count",
        ledger: "队伍",
        aggregate: { kind: "count" },
        conditions: [],
        period: "all",
        format: "integer",
        manualValue: 3,
        sourceRow: 3,
        cells: { manual: "指标定义!H3", conditions: "指标定义!E3", aggregate: "指标定义!D3" },
      },
    ]);
  });

  function errorsFor(row: RawCell[]) {
    const result = readSheet([header, row, ["ok.count", "好", "队伍", "计数", "", "全部", "整数", ""]], { top: 3 });
    // The good row is always read: a malformed cell costs only its own row.
    expect(result.definitions.map((d) => d.id)).toEqual(["ok.count"]);
    expect(result.fromWorkbook).toBe(true);
    return result.issues.map((i) => [i.severity, i.code, i.cell, i.message]);
  }

  // One malformed cell in an otherwise good ledger figure on row 5: the error names the cell, the text
  // found and what was expected.
  const LEDGER_FIGURE: RawCell[] = ["eg.x", "某", "电子保函", "计数", "", "本期", "整数", ""];
  const AGGREGATES = "计数、去重计数:<列>、求和:<列>、分组计数:<分组列>[:前N] 或 分组求和:<求和列>:<分组列>[:前N]";
  it.each<[string, string, string, string, string]>([
    ["an aggregate it cannot read", "D", "合计", "definition.bad_aggregate", `统计方式无法识别：“合计”，应为 ${AGGREGATES}`],
    ["a blank aggregate on a ledger figure", "D", "", "definition.bad_aggregate", `统计方式无法识别：“”，应为 ${AGGREGATES}`],
    [
      "an id that is not lower-case ASCII",
      "A",
      "EG.Count",
      "definition.bad_id",
      "指标ID无法识别：“EG.Count”，应为小写英文字母开头，仅含小写字母、数字、_ 和 .",
    ],
    ["a blank id", "A", "", "definition.bad_id", "指标ID为空，该行未读取"],
    [
      "an unknown ledger",
      "C",
      "保函台账2",
      "definition.unknown_ledger",
      "台账无法识别：“保函台账2”，应为 学习记录、共建单位、电子保函、活动记录、人员、队伍 之一，手工指标留空",
    ],
    [
      "a condition it cannot read",
      "E",
      "状态 撤销",
      "definition.bad_condition",
      "条件无法识别：“状态 撤销”，应为 列=值、列≠值、列~包含、列 为空、列 非空 或 列=值1|值2",
    ],
    ["an unknown period on a ledger figure", "F", "全年", "definition.bad_period", "区间无法识别：“全年”，应为 本期、截至期末 或 全部"],
    ["a missing period on a ledger figure", "F", "", "definition.bad_period", "区间无法识别：“”，应为 本期、截至期末 或 全部"],
    ["an unknown format", "G", "千元", "definition.bad_format", "格式无法识别：“千元”，应为 整数、余、亿元、万元 或 百分比"],
  ])("reports %s (column %s: %j) as an error at its cell, saying what was expected", (_what, column, text, code, message) => {
    const row = LEDGER_FIGURE.map((cell, i) => ("ABCDEFGH"[i] === column ? text : cell));
    expect(errorsFor(row)).toEqual([["error", code, `指标定义!${column}5`, `指标定义!${column}5 ${message}`]]);
  });
  it("reports a manual value that is not a number as an error at its cell", () => {
    // (二十 alone is read as 20: manual-chinese.test.ts.)
    expect(errorsFor(["goals.x", "某", "", "", "", "", "整数", "约二十"])).toEqual([
      ["error", "definition.bad_manual_value", "指标定义!H5", "指标定义!H5 手工值应为数字：“约二十”"],
    ]);
  });
  it("reports every malformed cell of one row", () => {
    expect(errorsFor(["eg.x", "某", "电子保函", "合计", "", "全年", "千元", ""]).map((e) => e[2])).toEqual([
      "指标定义!D5",
      "指标定义!F5",
      "指标定义!G5",
    ]);
  });
  it("reports a duplicate id on the second row and keeps the first", () => {
    const values: RawCell[][] = [
      header,
      ["a.count", "一", "队伍", "计数", "", "全部", "整数", ""],
      ["a.count", "二", "人员", "计数", "", "全部", "整数", ""],
    ];
    const result = readSheet(values);
    expect(result.definitions.map((d) => d.name)).toEqual(["一"]);
    expect(result.issues).toEqual([
      {
        severity: "error",
        code: "definition.duplicate_id",
        message: "指标定义!A3 指标ID“a.count”重复，已在 指标定义!A2 定义",
        messageEn: '指标定义!A3 figure id "a.count" is a duplicate of 指标定义!A2',
        cell: "指标定义!A3",
      },
    ]);
  });
  it("says which columns are missing and reads them as blank", () => {
    const result = readSheet([
      ["指标ID", "名称", "台账", "统计"],
      ["a.count", "一", "", ""],
    ]);
    expect(result.definitions.map((d) => [d.id, d.period, d.format, d.manualValue])).toEqual([["a.count", "all", "integer", null]]);
    expect(result.issues.map((i) => [i.severity, i.code, i.cell, i.message])).toEqual([
      ["warning", "definition.missing_columns", "指标定义!A1", "指标定义 缺少列：条件、区间、格式、手工值，按空白读取"],
    ]);
  });
  it("falls back to the default figures, with a warning, when the sheet has no 指标ID header", () => {
    const result = readSheet([["随便写的"], ["内容"]]);
    expect(result.definitions).toEqual(DEFAULT_DEFINITIONS);
    expect(result.fromWorkbook).toBe(false);
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([["warning", "definition.no_header"]]);
  });
  it("falls back to the default figures, with a warning, when the sheet has only its header", () => {
    const result = readSheet([header, ["", ""]]);
    expect(result.definitions).toEqual(DEFAULT_DEFINITIONS);
    expect(result.fromWorkbook).toBe(false);
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([["warning", "definition.empty"]]);
  });
  it("does not hand out the defaults for callers to mutate", () => {
    const result = readDefinitions(workbook());
    result.definitions[0].manualValue = 99;
    expect(DEFAULT_DEFINITIONS[0].manualValue).toBeNull();
  });
});

describe("a definition whose number would print wrong", () => {
  // Header on row 1: the first definition is row 2; 格式 is column G, 手工值 column H.
  const read = (...rows: RawCell[][]) => readSheet([["指标ID", "名称", "台账", "统计", "条件", "区间", "格式", "手工值"], ...rows]);

  it.each(["万元", "亿元", "百分比"])("refuses a count formatted as %s, at its 格式 cell", (format) => {
    const result = read(["p.count", "保函笔数", "电子保函", "计数", "", "本期", format, ""]);
    expect(result.definitions.map((d) => d.id)).not.toContain("p.count");
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "definition.count_as_amount",
        cell: "指标定义!G2",
        message: expect.stringContaining(format),
      }),
    ]);
  });

  it("still takes a sum formatted as 万元", () => {
    const result = read(["p.sum", "金额", "电子保函", "求和:保证金金额", "", "本期", "万元", ""]);
    expect(result.issues).toEqual([]);
  });

  it("warns at the 手工值 cell when 整数 would round the value away", () => {
    const result = read(["p.dec", "手工小数", "", "", "", "", "整数", 12.7]);
    expect(result.definitions.map((d) => d.id)).toEqual(["p.dec"]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "definition.manual_rounded",
        cell: "指标定义!H2",
        message: expect.stringContaining("写作 13"),
      }),
    ]);
  });

  it("warns at the 手工值 cell for a negative value", () => {
    expect(read(["p.neg", "手工负数", "", "", "", "", "整数", -5]).issues).toEqual([
      expect.objectContaining({ severity: "warning", code: "definition.manual_negative", cell: "指标定义!H2" }),
    ]);
  });

  it("warns that 0.95 under 百分比 reads as an Excel percent cell, and says to type 95.0; 95 passes", () => {
    expect(read(["m.pct", "满意度", "", "", "", "", "百分比", 0.95]).issues).toEqual([
      expect.objectContaining({
        code: "definition.manual_percent_fraction",
        cell: "指标定义!H2",
        message: expect.stringContaining("95.0"),
      }),
    ]);
    expect(read(["m.pct", "满意度", "", "", "", "", "百分比", 95]).issues).toEqual([]);
  });
});

describe("rows typed under the 指标定义 table", () => {
  const row = definitionToRow(DEFAULT_DEFINITIONS[0]);
  const added: RawCell[] = ["eg.by_issuer", "电子保函按出函机构", "电子保函", "分组计数:出函机构", "", "本期", "整数", ""];
  // As the file reader gives a table: its own rows, and the whole used range around it.
  const table = sheet([header, row], {
    table: "FigureDefinitions",
    around: {
      tables: [{ top: 0, left: 0, bottom: 1, right: header.length - 1 }],
      regions: [{ top: 0, left: 0, values: [header, row, [], added] }],
    },
  });

  it("are read as no figure, and each is said at its row with the table's name", () => {
    const read = readDefinitions(workbook(table));
    expect(read.definitions.map((d) => d.id)).toEqual([row[0]]);
    expect(read.issues).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "definition.outside_table",
        cell: "指标定义!A4",
        message: expect.stringContaining("FigureDefinitions"),
      }),
    ]);
  });

  it("are nothing to say when the table holds every row", () => {
    const whole = sheet([header, row, added], {
      table: "FigureDefinitions",
      around: { tables: [{ top: 0, left: 0, bottom: 2, right: header.length - 1 }], regions: [] },
    });
    expect(readDefinitions(workbook(whole)).issues).toEqual([]);
  });
});
