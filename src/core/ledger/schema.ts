// The ledgers the product understands (LEDGERS.md). Data, not code: the reader, the figure
// engine, the workbook set-up and the sample generator all work from this one table.
import type { LedgerName } from "../types";

export type ColumnType = "date" | "text" | "integer" | "money" | "enum" | "yesno";

export interface ColumnSpec {
  /** Canonical Chinese header, without unit (`保证金金额`). */
  name: string;
  type: ColumnType;
  required: boolean;
  /** Header spellings that also match (after folding), e.g. English names. */
  aliases?: string[];
  /** For enum columns: the allowed values; unknown values are kept under 其他 (or blank → default). */
  values?: string[];
  /** For enum columns: other words clerks type for a value (`已撤销` → `撤销`), folded like the values. */
  synonyms?: Record<string, string>;
  /**
   * For enum columns whose value decides whether a row counts (状态): an unknown value is an error
   * at the cell and the row is left out, never counted as the blank default in silence.
   */
  unknownIsError?: boolean;
  /** Value a blank cell stands for (状态 blank = 有效). */
  blankMeans?: string;
  /** The ledger's key: duplicates are a warning naming both rows. */
  unique?: boolean;
  /** Unit shown in the header written by set-up (`元`). */
  unit?: string;
  /** Number format written by set-up. */
  numberFormat?: string;
}

export interface LedgerSpec {
  name: LedgerName;
  /** English name, also accepted as a table or sheet name. */
  english: string;
  /** Other sheet/table names that mean this ledger. */
  aliases: string[];
  optional: boolean;
  /** The column that places a row in a period (本期 / 截至期末); null when rows are timeless. */
  dateColumn: string | null;
  columns: ColumnSpec[];
}

const department: ColumnSpec = { name: "部门", type: "text", required: false, aliases: ["Department", "科室"] };

/**
 * A 状态 column: 有效 or the one word that takes a row out of the count (终止, 撤销). It decides
 * whether a row counts, so an unknown word is an error at the cell and a blank one means 有效.
 */
function statusColumn(ended: string, synonyms: Record<string, string>): ColumnSpec {
  return {
    name: "状态",
    type: "enum",
    required: false,
    aliases: ["Status"],
    values: ["有效", ended],
    synonyms,
    unknownIsError: true,
    blankMeans: "有效",
  };
}

export const LEDGER_SPECS: readonly LedgerSpec[] = [
  {
    name: "学习记录",
    english: "StudySessions",
    aliases: ["学习台账", "理论学习"],
    optional: false,
    dateColumn: "日期",
    columns: [
      { name: "日期", type: "date", required: true, aliases: ["Date", "学习日期", "时间"], numberFormat: "yyyy-mm-dd" },
      {
        name: "形式",
        type: "enum",
        required: true,
        aliases: ["Form", "学习形式"],
        values: ["专题学习", "专题研讨", "线上研讨", "主题宣讲", "集中收看", "个人自学", "党课", "其他"],
      },
      { name: "主题", type: "text", required: true, aliases: ["Topic", "学习主题", "内容"] },
      { name: "组织", type: "text", required: false, aliases: ["Organizer", "组织单位", "组织者"] },
      { name: "参加人数", type: "integer", required: false, aliases: ["Attendees", "人数"] },
      department,
    ],
  },
  {
    name: "共建单位",
    english: "CoConstructionUnits",
    aliases: ["党建共建", "共建"],
    optional: false,
    dateColumn: "协议签订日期",
    columns: [
      { name: "单位名称", type: "text", required: true, unique: true, aliases: ["Unit", "共建单位名称"] },
      { name: "协议签订日期", type: "date", required: true, aliases: ["AgreementDate", "签订日期"], numberFormat: "yyyy-mm-dd" },
      { name: "共建内容", type: "text", required: false, aliases: ["Content"] },
      statusColumn("终止", { 正常: "有效", 生效: "有效", 已终止: "终止", 解除: "终止", 已解除: "终止" }),
      { name: "终止日期", type: "date", required: false, aliases: ["EndDate"], numberFormat: "yyyy-mm-dd" },
      department,
    ],
  },
  {
    name: "电子保函",
    english: "EGuarantees",
    aliases: ["保函"],
    optional: false,
    dateColumn: "开立日期",
    columns: [
      { name: "保函编号", type: "text", required: true, unique: true, aliases: ["GuaranteeNo", "编号"] },
      { name: "开立日期", type: "date", required: true, aliases: ["IssueDate", "出函日期"], numberFormat: "yyyy-mm-dd" },
      { name: "投标企业", type: "text", required: true, aliases: ["Bidder", "企业名称", "投标人"] },
      { name: "统一社会信用代码", type: "text", required: false, aliases: ["CreditCode", "信用代码"] },
      { name: "项目名称", type: "text", required: false, aliases: ["Project"] },
      {
        name: "保证金金额",
        type: "money",
        required: true,
        aliases: ["Amount", "保证金", "担保金额"],
        unit: "元",
        numberFormat: "#,##0.00",
      },
      { name: "出函机构", type: "text", required: false, aliases: ["Issuer"] },
      statusColumn("撤销", { 正常: "有效", 生效: "有效", 已撤销: "撤销", 撤消: "撤销", 已撤消: "撤销", 作废: "撤销", 已作废: "撤销" }),
      department,
    ],
  },
  {
    name: "活动记录",
    english: "Activities",
    aliases: ["活动台账"],
    optional: true,
    dateColumn: "日期",
    columns: [
      { name: "日期", type: "date", required: true, aliases: ["Date", "活动日期"], numberFormat: "yyyy-mm-dd" },
      {
        name: "类型",
        type: "enum",
        required: true,
        aliases: ["Type", "活动类型"],
        values: ["捐赠", "慰问", "党课宣讲", "志愿服务", "共建活动", "社区群", "其他"],
      },
      { name: "内容", type: "text", required: true, aliases: ["Content", "活动内容"] },
      { name: "对象", type: "text", required: false, aliases: ["Target"] },
      { name: "参加人次", type: "integer", required: false, aliases: ["Participants"] },
      department,
    ],
  },
  {
    name: "人员",
    english: "Personnel",
    aliases: ["人员名单", "干部职工"],
    optional: true,
    dateColumn: null,
    columns: [
      { name: "姓名", type: "text", required: true, aliases: ["Name"] },
      { name: "身份", type: "enum", required: false, aliases: ["Role"], values: ["党员干部", "聘用人员", "其他"] },
      { name: "双报到社区", type: "text", required: false, aliases: ["DoubleReportCommunity", "双报道社区"] },
      { name: "包联社区", type: "text", required: false, aliases: ["PairedCommunity"] },
      { name: "青年突击队", type: "yesno", required: false, aliases: ["YouthCommando"] },
      { name: "表扬", type: "text", required: false, aliases: ["Commendation", "表彰"] },
      department,
    ],
  },
  {
    name: "队伍",
    english: "Teams",
    aliases: ["队伍台账"],
    optional: true,
    dateColumn: "成立日期",
    columns: [
      { name: "名称", type: "text", required: true, aliases: ["Name", "队伍名称"] },
      { name: "类型", type: "enum", required: true, aliases: ["Type"], values: ["党员先锋队", "青年志愿服务队", "其他"] },
      { name: "成立日期", type: "date", required: false, aliases: ["Founded"], numberFormat: "yyyy-mm-dd" },
      department,
    ],
  },
];

export function ledgerSpec(name: LedgerName): LedgerSpec {
  const spec = LEDGER_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`unknown ledger ${name}`);
  return spec;
}

/** The two configuration sheets the workbook carries. */
export const SETTINGS_SHEET = "报告设置";
export const DEFINITIONS_SHEET = "指标定义";

/**
 * The clerk's answers to "is this header that column?": one row per renamed header, 台账 / 标准列名 /
 * 工作簿列名 (`学习记录 | 形式 | 学习方式`). A configuration sheet like the two above, never a ledger;
 * every reader (file, live Excel, the Word pane's file read) passes it to readLedgers. Set-up does
 * not create it: the pane's "记入列名对照" adds it, with its header, the first time it is needed.
 */
export const COLUMN_MAP_SHEET = "列名对照";
/** The table name a set-up would give it (and a table of that name on any sheet is read too). */
export const COLUMN_MAP_TABLE = "ColumnNames";
/** Its three header cells, in the order written; English spellings are accepted when read. */
export const COLUMN_MAP_HEADERS = ["台账", "标准列名", "工作簿列名"] as const;

/** Word-level synonyms clerks use for a column's name; a suggestion compares headers with these folded to the first. */
export const HEADER_SYNONYMS: readonly (readonly string[])[] = [
  ["形式", "方式"],
  ["类型", "类别", "种类"],
  ["日期", "时间"],
  ["名称", "名字"],
  ["编号", "号码", "单号"],
  ["企业", "单位", "公司"],
  ["主题", "题目"],
  ["状态", "状况"],
];
