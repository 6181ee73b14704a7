// Random ledgers laid out the way clerks lay them out — title rows, aliased and full-width headers,
// shuffled columns, 序号, blank and total rows, notes under the data, several sheets per ledger — go
// through the whole engine. The expected figures are counted here from what the generator itself
// decided about each row (valid or not, in the period or not, revoked or not); no engine parser is
// called, so a disagreement means one of the two is wrong about LEDGERS.md.
import fc from "fast-check";
import { runEngine } from "../../src/core/engine";
import { DEFAULT_DEFINITIONS, DEFINITION_HEADERS, definitionToRow } from "../../src/core/figures";
import type { CellRange, LedgerName, RawCell, RawTable, RawWorkbook } from "../../src/core/types";

const PERIOD_START = "2022-01-01";
const PERIOD_END = "2022-12-31";
const DAY_MS = 86400000;

type Gen = fc.GeneratorValue;

interface Day {
  y: number;
  m: number;
  d: number;
}

const iso = (t: Day) => `${t.y}-${String(t.m).padStart(2, "0")}-${String(t.d).padStart(2, "0")}`;

function pick<T>(g: Gen, items: readonly T[]): T {
  return items[g(fc.integer, { min: 0, max: items.length - 1 })];
}

function chance(g: Gen, percent: number): boolean {
  return g(fc.integer, { min: 1, max: 100 }) <= percent;
}

function shuffle<T>(g: Gen, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = g(fc.integer, { min: 0, max: i });
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** ASCII letters, digits and brackets to their full-width forms, as a Chinese IME types them. */
function wide(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

// ---------------------------------------------------------------------------------------------
// Cell spellings

function randomDay(g: Gen): Day {
  // Mid-2020 to mid-2023: before, inside and after the 2022 period.
  const t = Date.UTC(2020, 5, 1) + g(fc.integer, { min: 0, max: 1125 }) * DAY_MS;
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

function dateCell(g: Gen, day: Day, date1904: boolean): RawCell {
  const t = Date.UTC(day.y, day.m - 1, day.d);
  const mm = String(day.m).padStart(2, "0");
  const dd = String(day.d).padStart(2, "0");
  switch (g(fc.integer, { min: 0, max: 9 })) {
    case 0:
    case 1:
      // Dates this late are all past 1900-03-01, where the 1900 serial is a plain day count from 1899-12-30.
      return (t - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / DAY_MS + (chance(g, 30) ? 0.375 : 0);
    case 2:
      return `${day.y}-${mm}-${dd}`;
    case 3:
      return `${day.y}/${day.m}/${day.d}`;
    case 4:
      return `${day.y}.${day.m}.${day.d}`;
    case 5:
      return `${day.y}年${day.m}月${day.d}日`;
    case 6:
      return chance(g, 50) ? `${day.y}${mm}${dd}` : day.y * 10000 + day.m * 100 + day.d;
    case 7:
      return wide(`${day.y}-${mm}-${dd}`);
    case 8:
      return `${day.y}年${wide(String(day.m))}月${wide(String(day.d))}日`;
    default:
      return ` ${day.y}-${mm}-${dd} 09:30 `;
  }
}

function amountCell(g: Gen, cents: number): RawCell {
  const yuan = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, "0");
  const grouped = String(yuan).replace(/\B(?=(\d{3})+$)/g, ",");
  const plain = cents % 100 === 0 && chance(g, 50) ? grouped : `${grouped}.${fraction}`;
  switch (g(fc.integer, { min: 0, max: 6 })) {
    case 0:
      return cents / 100;
    case 1:
      return plain;
    case 2:
      return wide(plain);
    case 3:
      return `${pick(g, ["¥", "￥"])}${plain}`;
    case 4:
      return `${plain}元`;
    case 5: {
      if (cents % 100 !== 0) return plain;
      // Whole yuan as 万: 12300 → 1.23万.
      const digits = String(yuan).padStart(5, "0");
      const rest = digits.slice(-4).replace(/0+$/, "");
      return `${Number(digits.slice(0, -4))}${rest ? "." + rest : ""}${pick(g, ["万", "万元"])}`;
    }
    default:
      return String(cents / 100);
  }
}

/** The same enumeration value as clerks type it: stray spaces, an ideographic space, a space inside. */
function enumCell(g: Gen, value: string): string {
  if (value === "") return "";
  switch (g(fc.integer, { min: 0, max: 4 })) {
    case 0:
      return ` ${value} `;
    case 1:
      return `${value}\u3000`;
    case 2:
      return value.length > 1 ? `${value[0]} ${value.slice(1)}` : value;
    default:
      return value;
  }
}

function headerCell(g: Gen, spellings: readonly string[]): string {
  let h = pick(g, spellings);
  if (chance(g, 20)) h = wide(h);
  if (chance(g, 15)) h = ` ${h}\u3000`;
  if (chance(g, 15) && h.length > 2) h = `${h.slice(0, 1)} ${h.slice(1)}`;
  return h;
}

// ---------------------------------------------------------------------------------------------
// GB 32100 codes, computed from the standard's definition (weights 3^i mod 31), for distinct counts.

const CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function withCheck(base17: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of base17) {
    sum += CODE_ALPHABET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return base17 + CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

const FIRMS = [
  "甲建设集团有限公司",
  "乙路桥工程有限公司",
  "丙市政工程有限公司",
  "丁水利建设有限公司",
  "戊建筑安装有限公司",
  "己园林绿化有限公司",
];
const FIRM_CODES = [
  "91440300192203821",
  "91110000MA01ABCDE",
  "9133010272001234X",
  "91320500134567890",
  "91510100MA6CXY012",
  "9142010007755443L",
].map(withCheck);

// ---------------------------------------------------------------------------------------------
// One ledger sheet: columns, rows, and what the generator knows about each row.

interface Column {
  key: string;
  spellings: readonly string[];
  required: boolean;
}

/** What a valid record contributes to the figures; invalid rows contribute nothing. */
interface Fact {
  date: string;
  /** Canonical status or form; "" when the column is absent or blank. */
  kind: string;
  topic?: string;
  firmKey?: string;
  /** Whether the guarantee's 统一社会信用代码 cell holds a code. */
  hasCode?: boolean;
  cents?: number;
  /** A partner's 终止日期 (ISO), or null when it has none. */
  endDate?: string | null;
  /** The sheet the record is on. */
  sheet?: string;
}

interface Expected {
  facts: Fact[];
  invalid: number;
  totals: number;
  /** Each sheet of the ledger and the columns its header has. */
  sheets: { name: string; present: Set<string> }[];
}

interface LedgerGen {
  name: LedgerName;
  /** The column a vertically merged cell may span (one date for several records). */
  dateKey: string;
  sheetNames: readonly string[];
  titles: readonly string[];
  columns: Column[];
  /** Cells of a valid record by column key, and its fact. */
  record(g: Gen, index: number, date1904: boolean, present: Set<string>): { cells: Record<string, RawCell>; fact: Fact };
  /** Spoils one cell so that the row has an error-severity issue. */
  spoil(g: Gen, cells: Record<string, RawCell>, present: Set<string>): void;
}

/** A column whose key is its first spelling; a record is invalid without a value in a required one. */
const required = (...spellings: string[]): Column => ({ key: spellings[0], spellings, required: true });
const optional = (...spellings: string[]): Column => ({ key: spellings[0], spellings, required: false });

const SERIAL = optional("序号", "序 号");
const REMARK = optional("备注", "说明");
const DEPARTMENT = optional("部门", "科室", "Department");
const DEPARTMENTS = ["交易一科", "交易二科", "综合科", ""];
const REMARKS = ["", "无", "补录", "已核对", "退回后重开"];

const BAD_DATES: RawCell[] = ["2022-02-30", "2022年13月1日", "明天", "#N/A", "2022/2/29", "", "#REF!", "上半年"];

const EG: LedgerGen = {
  name: "电子保函",
  dateKey: "开立日期",
  sheetNames: ["电子保函", "2022年电子保函台账", "EGuarantees", "电子保函台账（交易一科）", "电子保函-交易二科", "保函", "电子保函明细"],
  titles: ["2022年电子保函台账", "填报单位：交易一科　　填报日期：2023年1月5日", "单位：元"],
  columns: [
    required("保函编号", "GuaranteeNo", "编号"),
    required("开立日期", "IssueDate", "出函日期"),
    required("投标企业", "Bidder", "企业名称", "投标人"),
    optional("统一社会信用代码", "CreditCode", "信用代码"),
    {
      key: "保证金金额",
      spellings: ["保证金金额（元）", "保证金金额(元)", "保证金金额", "Amount", "保证金", "担保金额【元】"],
      required: true,
    },
    optional("出函机构", "Issuer"),
    optional("状态", "Status"),
  ],
  record(g, index, date1904, present) {
    const day = randomDay(g);
    const firm = g(fc.integer, { min: 0, max: FIRMS.length - 1 });
    const withCode = present.has("统一社会信用代码") && chance(g, 60);
    const cents = pick(g, [g(fc.integer, { min: 0, max: 99_999_999 }), g(fc.integer, { min: 1, max: 5000 }) * 10000, 0]);
    // Clerks' words for the two values (作废, 已撤销, 正常) count as those values.
    const status = present.has("状态") ? pick(g, ["", "有效", "撤销", "作废", "已撤销", "正常"]) : "";
    const kind = ["", "有效", "正常"].includes(status) ? "有效" : "撤销";
    const code = FIRM_CODES[firm];
    return {
      cells: {
        保函编号: `BH2022-${String(index).padStart(5, "0")}`,
        开立日期: dateCell(g, day, date1904),
        投标企业: chance(g, 20) ? ` ${FIRMS[firm]} ` : FIRMS[firm],
        统一社会信用代码: withCode ? (chance(g, 20) ? code.toLowerCase() : code) : "",
        保证金金额: amountCell(g, cents),
        出函机构: pick(g, ["", "某银行", "某担保公司", "#N/A"]),
        状态: enumCell(g, status),
      },
      // One firm, one name, one code here: a row without its code is the coded rows' firm of the same
      // name (docs/figures.md), so the firm is who counts, whichever way the row names it.
      fact: { date: iso(day), kind, firmKey: FIRMS[firm], hasCode: withCode, cents },
    };
  },
  spoil(g, cells, present) {
    // An unknown 状态 leaves the row out: it must never be counted as 有效.
    if (present.has("状态") && chance(g, 15)) {
      cells.状态 = pick(g, ["暂停", "待定", "?"]);
      return;
    }
    switch (g(fc.integer, { min: 0, max: 5 })) {
      case 0:
        cells.开立日期 = pick(g, BAD_DATES);
        break;
      case 1:
        cells.保证金金额 = pick(g, ["-100", "待定", "#VALUE!", "", "1,23", -5, "12.5.1"]);
        break;
      case 2:
        cells.投标企业 = pick(g, ["", "  ", "#N/A"]);
        break;
      case 3:
        cells.保函编号 = "";
        break;
      default:
        cells.开立日期 = "";
    }
  },
};

const PARTNERS: LedgerGen = {
  name: "共建单位",
  dateKey: "协议签订日期",
  sheetNames: ["共建单位", "党建共建", "CoConstructionUnits", "共建单位台账（综合科）", "2022年共建单位名单"],
  titles: ["党建共建单位一览表", "截至2022年12月"],
  columns: [
    required("单位名称", "Unit", "共建单位名称"),
    required("协议签订日期", "AgreementDate", "签订日期"),
    optional("共建内容", "Content"),
    optional("状态", "Status"),
    optional("终止日期", "EndDate"),
  ],
  record(g, index, date1904, present) {
    const day = randomDay(g);
    const status = present.has("状态") ? pick(g, ["", "有效", "终止", "已终止", "解除", "生效"]) : "";
    const kind = ["终止", "已终止", "解除"].includes(status) ? "终止" : "有效";
    // A terminated unit's date falls before, in or after the 2022 period — or was never written down;
    // now and then a clerk writes the date and leaves 状态 有效.
    const ended = present.has("终止日期") && (kind === "终止" ? chance(g, 75) : chance(g, 15)) ? randomDay(g) : null;
    return {
      cells: {
        单位名称: `${pick(g, ["某社区", "某街道", "某银行支行", "某学校"])}党支部${index}`,
        协议签订日期: dateCell(g, day, date1904),
        共建内容: pick(g, ["", "联学联建", "志愿服务"]),
        状态: enumCell(g, status),
        终止日期: ended ? dateCell(g, ended, date1904) : "",
      },
      fact: { date: iso(day), kind, endDate: ended ? iso(ended) : null },
    };
  },
  spoil(g, cells, present) {
    if (present.has("状态") && chance(g, 15)) {
      cells.状态 = pick(g, ["暂停", "待定"]);
      return;
    }
    switch (g(fc.integer, { min: 0, max: 2 })) {
      case 0:
        cells.协议签订日期 = pick(g, BAD_DATES);
        break;
      case 1:
        cells.单位名称 = "";
        break;
      default:
        if (present.has("终止日期")) cells.终止日期 = pick(g, ["2022-02-30", "不详", "#REF!"]);
        else cells.协议签订日期 = "";
    }
  },
};

const FORMS = ["专题学习", "专题研讨", "线上研讨", "主题宣讲", "集中收看", "个人自学", "党课"];
const TOPICS = ["学习贯彻党的二十大精神", "党的二十大报告专题辅导", "党史学习教育", "习近平新时代中国特色社会主义思想", "廉政教育"];

const STUDY: LedgerGen = {
  name: "学习记录",
  dateKey: "日期",
  sheetNames: ["学习记录", "2022年学习记录台账", "StudySessions", "理论学习", "学习台账-党支部"],
  titles: ["2022年度理论学习记录", "填报人：王某"],
  columns: [
    required("日期", "Date", "学习日期", "时间"),
    required("形式", "Form", "学习形式"),
    required("主题", "Topic", "学习主题", "内容"),
    optional("组织", "Organizer", "组织单位"),
    optional("参加人数", "Attendees", "人数"),
  ],
  record(g, _index, date1904) {
    const day = randomDay(g);
    // 读书会 is no form of the list: counted under 其他, never as 专题研讨.
    const form = pick(g, [...FORMS, "读书会"]);
    const topic = pick(g, TOPICS);
    return {
      cells: {
        日期: dateCell(g, day, date1904),
        形式: enumCell(g, form),
        主题: topic,
        组织: pick(g, ["党组", "党支部", "青年理论学习小组", ""]),
        参加人数: pick(g, [12, "30", "25人", "", "１８"]),
      },
      fact: { date: iso(day), kind: FORMS.includes(form) ? form : "其他", topic },
    };
  },
  spoil(g, cells, present) {
    switch (g(fc.integer, { min: 0, max: 3 })) {
      case 0:
        cells.日期 = pick(g, BAD_DATES);
        break;
      case 1:
        cells.形式 = pick(g, ["", "#N/A"]);
        break;
      case 2:
        cells.主题 = "";
        break;
      default:
        if (present.has("参加人数")) cells.参加人数 = pick(g, ["3.5", "-2", "很多", "#DIV/0!"]);
        else cells.日期 = "";
    }
  },
};

const GENERATORS = [EG, PARTNERS, STUDY];

/** 指标定义 as a clerk keeps it: the default figures, plus one they added with no 状态 condition. */
const DEFINITION_ROWS: (string | number)[][] = [
  ...DEFAULT_DEFINITIONS.map(definitionToRow),
  ["eg.nocode.count", "无信用代码的保函笔数", "电子保函", "计数", "统一社会信用代码 为空", "截至期末", "整数", ""],
];

type RowKind = "valid" | "invalid" | "blank" | "total";

/** One sheet of a ledger, and what it holds. */
function ledgerSheet(g: Gen, gen: LedgerGen, sheet: string, date1904: boolean, indexBase: number, expected: Expected): RawTable {
  const optional = gen.columns.filter((c) => !c.required && chance(g, 70));
  const extras = [SERIAL, REMARK, DEPARTMENT].filter(() => chance(g, 50));
  const columns = shuffle(g, [...gen.columns.filter((c) => c.required), ...optional, ...extras]);
  const present = new Set(columns.map((c) => c.key));
  expected.sheets.push({ name: sheet, present });
  const width = columns.length;
  const values: RawCell[][] = [];
  const top = g(fc.integer, { min: 0, max: 3 });
  const left = g(fc.integer, { min: 0, max: 2 });
  const dateAt = columns.findIndex((c) => c.key === gen.dateKey);
  const merges: CellRange[] = [];
  // The record just above, while it can still be the top of a merged date cell.
  let above: { fact: Fact; merge: CellRange | null } | null = null;

  const titleRows = g(fc.integer, { min: 0, max: 4 });
  for (let i = 0; i < titleRows; i++) {
    const row: RawCell[] = new Array(width).fill("");
    if (chance(g, 70)) row[0] = pick(g, gen.titles);
    values.push(row);
  }
  values.push(columns.map((c) => headerCell(g, c.spellings)));

  const kinds = g(fc.array, fc.constantFrom<RowKind>("valid", "valid", "valid", "invalid", "blank", "total"), { maxLength: 25 });
  let serial = 0;
  kinds.forEach((kind, i) => {
    if (kind !== "valid") above = null;
    if (kind === "blank") {
      const blank = pick(g, ["", null, " ", "\u3000"]);
      const row: RawCell[] = chance(g, 20) ? [] : new Array(width).fill(blank);
      // A template's pre-numbered 序号 with nothing else filled is not a record either.
      if (present.has("序号") && chance(g, 50) && row.length > 0) row[columns.findIndex((c) => c.key === "序号")] = ++serial;
      values.push(row);
      return;
    }
    if (kind === "total") {
      const row: RawCell[] = new Array(width).fill("");
      row[0] = pick(g, ["合计", "合 计", "小计", "总计：", "合计:"]);
      const amountAt = columns.findIndex((c) => c.key === "保证金金额");
      if (amountAt > 0) row[amountAt] = 123456.78;
      values.push(row);
      expected.totals++;
      return;
    }
    const { cells, fact } = gen.record(g, indexBase + i, date1904, present);
    cells.序号 = ++serial;
    cells.备注 = pick(g, REMARKS);
    cells.部门 = pick(g, DEPARTMENTS);
    if (kind === "invalid") {
      gen.spoil(g, cells, present);
      expected.invalid++;
    } else {
      if (above !== null && chance(g, 30)) {
        // One merged date cell over this record and the ones above it: the value is the top cell's.
        const row = top + values.length;
        if (above.merge === null) {
          above.merge = { top: row - 1, left: left + dateAt, bottom: row, right: left + dateAt };
          merges.push(above.merge);
        } else above.merge.bottom = row;
        fact.date = above.fact.date;
        cells[gen.dateKey] = "";
      } else above = { fact, merge: null };
      expected.facts.push({ ...fact, sheet });
    }
    values.push(columns.map((c) => cells[c.key] ?? ""));
  });

  if (chance(g, 30)) {
    // Everything under a note line is ignored, even a row that looks like a record.
    values.push([pick(g, ["注：本表金额单位为元", "制表人：张三", "注:撤销的保函不计入"]), ...new Array(width - 1).fill("")]);
    const { cells } = gen.record(g, indexBase + 999, date1904, present);
    values.push(columns.map((c) => cells[c.key] ?? ""));
  }

  return { sheet, top, left, values, merges };
}

interface Scenario {
  workbook: RawWorkbook;
  expected: Map<LedgerName, Expected>;
}

function scenario(g: Gen): Scenario {
  const date1904 = chance(g, 25);
  const tables: RawTable[] = [];
  const expected = new Map<LedgerName, Expected>();
  for (const gen of GENERATORS) {
    const exp: Expected = { facts: [], invalid: 0, totals: 0, sheets: [] };
    expected.set(gen.name, exp);
    const sheets = shuffle(g, [...gen.sheetNames]).slice(0, g(fc.integer, { min: 1, max: 2 }));
    sheets.forEach((name, s) => tables.push(ledgerSheet(g, gen, name, date1904, s * 1000, exp)));
  }
  // A clerk's own figure with no 状态 condition: 撤销 guarantees must still not count.
  tables.push({ sheet: "指标定义", top: 0, left: 0, values: [DEFINITION_HEADERS, ...DEFINITION_ROWS] });
  if (chance(g, 50))
    tables.push({
      sheet: pick(g, ["Sheet1", "说明", "汇总"]),
      top: 0,
      left: 0,
      values: [
        ["合计", 3],
        ["备注", "无"],
      ],
    });
  return { workbook: { name: "随机台账.xlsx", date1904, tables: shuffle(g, tables) }, expected };
}

// ---------------------------------------------------------------------------------------------
// The naive reference: loops over the generator's facts.

function naive(expected: Map<LedgerName, Expected>): Record<string, number | null> {
  const egLedger = expected.get("电子保函")!;
  // 撤销 guarantees never count, whatever the figure's conditions say about other columns.
  const eg = egLedger.facts.filter((f) => f.date <= PERIOD_END && f.kind !== "撤销");
  // A partner is counted when signed by the period end and not ended by then: a 终止日期 by the
  // period end ends it whatever 状态 says, and 终止 without a date is taken as terminated.
  const partners = expected
    .get("共建单位")!
    .facts.filter(
      (f) => f.date <= PERIOD_END && !(f.endDate != null && f.endDate <= PERIOD_END) && !(f.kind === "终止" && f.endDate == null),
    );
  const studyAll = expected.get("学习记录")!.facts;
  const study = studyAll.filter((f) => f.date >= PERIOD_START && f.date <= PERIOD_END);
  let cents = 0;
  for (const f of eg) cents += f.cents!;
  // The clerk's 统一社会信用代码 为空 figure needs that column in every sheet that gave a record,
  // and in the ledger at all; otherwise it is unresolved (null), never a count of blank cells.
  const codeColumn = "统一社会信用代码";
  const anySheetHasCode = egLedger.sheets.some((s) => s.present.has(codeColumn));
  const recordSheetLacksCode = egLedger.sheets.some((s) => !s.present.has(codeColumn) && egLedger.facts.some((f) => f.sheet === s.name));
  return {
    "eg.count": eg.length,
    "eg.amount": cents / 100,
    "eg.firms": new Set(eg.map((f) => f.firmKey)).size,
    "eg.nocode.count": !anySheetHasCode || recordSheetLacksCode ? null : eg.filter((f) => !f.hasCode).length,
    "partners.count": partners.length,
    "study.seminar.count": study.filter((f) => f.kind === "专题研讨").length,
    // 主题~二十大 where no record's 主题 (in any period) holds 二十大 is taken for a typo: unresolved, never 0.
    "study.topic.count":
      studyAll.length > 0 && !studyAll.some((f) => f.topic!.includes("二十大"))
        ? null
        : study.filter((f) => f.kind === "专题学习" && f.topic!.includes("二十大")).length,
  };
}

describe("random ledgers through the whole engine", () => {
  it("never throws and counts the default figures exactly as a naive count of the valid rows does", () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { workbook, expected } = scenario(g);
        const result = runEngine(workbook, { generatedAt: "2023-01-05T00:00:00.000Z" });
        const reference = naive(expected);
        const actual: Record<string, number | null> = {};
        for (const id of Object.keys(reference)) actual[id] = result.figures.find((f) => f.id === id)?.value ?? null;
        expect(actual).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it("excludes exactly the spoiled rows, skips every total row with an info issue, and reads every valid row", () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { workbook, expected } = scenario(g);
        const result = runEngine(workbook, { generatedAt: "2023-01-05T00:00:00.000Z" });
        for (const [name, exp] of expected) {
          const ledger = result.ledgers.ledgers[name];
          // Total rows down one column may be one grouped issue: it carries how many it stands for.
          const totals = result.issues
            .filter((i) => i.code === "row.total_skipped" && i.ledger === name)
            .reduce((n, i) => n + (i.count ?? 1), 0);
          expect({ name, rows: ledger?.rows.length, excluded: ledger?.excluded, totals }).toEqual({
            name,
            rows: exp.facts.length,
            excluded: exp.invalid,
            totals: exp.totals,
          });
        }
        for (const i of result.issues) {
          expect(i.message.length).toBeGreaterThan(0);
          expect(i.messageEn.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the generator's GB 32100 codes are valid, so distinct counts key on them", () => {
    const { isValidCreditCode } = jest.requireActual(
      "../../src/core/ledger/creditcode",
    ) as typeof import("../../src/core/ledger/creditcode");
    expect(FIRM_CODES.every((c) => isValidCreditCode(c))).toBe(true);
    expect(isValidCreditCode(FIRM_CODES[0].slice(0, 17) + (FIRM_CODES[0][17] === "0" ? "1" : "0"))).toBe(false);
  });
});
