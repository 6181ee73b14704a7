// The sample workbook: one agency's 2022 ledgers as a clerk really keeps them — title rows,
// 序号 columns, text dates, 合计 rows, notes, merged 部门 cells, one ledger over two sheets —
// plus the mistakes the checks must catch. Deterministic: a seeded generator and fixed dates,
// so tests and the golden figures stay stable. Nothing from src/core is imported (the set-up
// writer brings in only the schema): the engine must not shape its own test data.
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { addDefinitionsSheet, addSettingsSheet } from "../src/adapters/xlsx/setup-writer";
import { mulberry32 } from "./seeded-random";

export interface SampleConfig {
  settingsRows?: [string, string][];
  definitionHeaders?: string[];
  definitionRows?: (string | number)[][];
}

export const SAMPLE_ORG = "某市公共资源交易中心";
export const SAMPLE_DEPARTMENTS = ["综合科", "交易一科", "交易二科", "信息科"] as const;
/** Sheet names, for readers that walk the sample by name (the naive reference count). */
export const SAMPLE_SHEETS = {
  study: "2022年学习记录台账",
  partners: "共建单位",
  guaranteesOne: "电子保函-交易一科",
  guaranteesTwo: "电子保函（交易二科）",
  activities: "活动记录",
  personnel: "人员",
  teams: "队伍",
} as const;

const SEED = 20221231;
const FIXED_TIME = new Date(Date.UTC(2023, 0, 5, 1, 30, 0));
const DATE_CN = 'yyyy"年"m"月"d"日"';
const DATE_ISO = "yyyy-mm-dd";
const MONEY = "#,##0.00";

export async function buildSampleWorkbook(config: SampleConfig = {}): Promise<Uint8Array> {
  const rng = mulberry32(SEED);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "综合科";
  workbook.lastModifiedBy = "综合科";
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  if (config.settingsRows) addSettingsSheet(workbook, config.settingsRows);
  if (config.definitionHeaders && config.definitionRows) {
    addDefinitionsSheet(workbook, config.definitionHeaders, config.definitionRows);
  }
  writeStudySheet(workbook, rng);
  writePartnersSheet(workbook);
  writeGuaranteeSheets(workbook, rng);
  writeActivitiesSheet(workbook, rng);
  writePersonnelSheet(workbook, rng);
  writeTeamsSheet(workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  return stampZip(new Uint8Array(buffer as ArrayBuffer));
}

/**
 * exceljs stamps zip entries with the current time; re-zip with a fixed one so the file is
 * byte-stable. Zip times are local wall-clock times, so the stamp is built from local fields to
 * come out the same in every time zone.
 */
function stampZip(bytes: Uint8Array): Uint8Array {
  return zipSync(unzipSync(bytes), { mtime: new Date(2023, 0, 5, 9, 30, 0), level: 6 });
}

// ---------------------------------------------------------------------------------------------
// Deterministic helpers

type Rng = () => number;

const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
/** Calendar dates as UTC midnight, which is what exceljs turns into the intended serial number. */
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const addDays = (date: Date, n: number) => new Date(date.getTime() + n * 86400000);
const isWeekend = (date: Date) => date.getUTCDay() === 0 || date.getUTCDay() === 6;
function toWeekday(date: Date): Date {
  let d = date;
  while (isWeekend(d)) d = addDays(d, -1);
  return d;
}
const iso = (date: Date) => date.toISOString().slice(0, 10);
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function titleRow(sheet: ExcelJS.Worksheet, row: number, text: string, width: number, size = 16): void {
  sheet.getCell(row, 1).value = text;
  sheet.mergeCells(row, 1, row, width);
  const cell = sheet.getCell(row, 1);
  cell.font = { name: "方正小标宋简体", size, bold: size >= 14 };
  cell.alignment = { horizontal: size >= 14 ? "center" : "left", vertical: "middle" };
}
function headerRow(sheet: ExcelJS.Worksheet, row: number, headers: string[]): void {
  headers.forEach((h, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center" };
    cell.border = { bottom: { style: "thin" } };
  });
}
function widths(sheet: ExcelJS.Worksheet, values: number[]): void {
  values.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}
function table(sheet: ExcelJS.Worksheet, name: string, headers: string[], rows: (string | number | Date | null)[][]): void {
  sheet.addTable({
    name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows,
  });
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
}

// ---------------------------------------------------------------------------------------------
// 学习记录 — a plain sheet under a title, with dates in the forms clerks type

type StudyDate = Date | string;

/** One 学习记录 row written "date|形式|主题|组织": a yyyy-mm-dd date is a date cell, any other form is typed as text. */
function studySession(line: string): [StudyDate, string, string, string] {
  const [date, form, topic, organizer] = line.split("|");
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return [iso ? day(Number(iso[1]), Number(iso[2]), Number(iso[3])) : date, form, topic, organizer];
}

const STUDY_SESSIONS = [
  "2021-11-16|专题学习|学习贯彻党的十九届六中全会精神|党组",
  "2021-12-08|线上研讨|学习《中国共产党简史》线上研讨|青年理论学习小组",
  "2021-12-24|党课|党史学习教育专题党课|党支部",
  "2022-01-07|专题学习|学习习近平总书记在中央经济工作会议上的重要讲话精神|党组",
  "2022-01-14|党课|书记讲党课：以党史学习教育成果推动交易服务提质增效|党支部",
  "2022-01-21|专题研讨|深入学习党的十九届六中全会精神专题研讨|党组",
  "2022-02-18|个人自学|学习《习近平谈治国理政》第四卷|党支部",
  "2022年3月1日|专题学习|学习全国两会精神|党组",
  "2022.3.15|线上研讨|学习《论中国共产党历史》线上研讨|青年理论学习小组",
  "2022-03-25|主题宣讲|“学党史、办实事”主题宣讲|党支部",
  "2022-04-08|专题学习|学习《中国共产党纪律处分条例》|党支部",
  "2022-04-22|线上研讨|疫情防控期间线上学习研讨|党支部",
  "2022-05-10|集中收看|集中收看庆祝中国共产主义青年团成立100周年大会|青年理论学习小组",
  "2022-05-20|专题研讨|优化营商环境专题研讨|党组",
  "2022-06-10|专题学习|学习习近平总书记关于优化营商环境的重要论述|党组",
  "2022-06-17|线上研讨|“青年干部谈担当”线上研讨|青年理论学习小组",
  "2022-06-30|党课|庆祝中国共产党成立101周年专题党课|党支部",
  "2022-07-08|专题学习|学习《习近平谈治国理政》第四卷|党组",
  // Not one of the forms: a warning, and the row counts under 其他.
  "2022-07-22|读书班|青年干部读书班|青年理论学习小组",
  "2022-07-29|主题宣讲|“喜迎二十大”主题宣讲|党支部",
  "2022-08-12|专题研讨|“喜迎二十大、建功新时代”专题研讨|党组",
  "2022-08-26|线上研讨|学习习近平总书记“7·26”重要讲话精神线上研讨|青年理论学习小组",
  "2022-09-09|专题学习|学习习近平总书记“7·26”重要讲话精神|党组",
  "2022-09-23|个人自学|学习《习近平新时代中国特色社会主义思想学习纲要》|党支部",
  "2022-10-16|集中收看|集中收看党的二十大开幕会|党组",
  // 主题 left blank: a required cell, so the row is an error and never counted.
  "2022-10-19|专题研讨||党组",
  "2022-10-24|专题学习|学习党的二十大报告|党组",
  // Trailing space in 形式, as typed.
  "2022-10-28|专题学习 |学习党的二十大通过的《中国共产党章程（修正案）》|党支部",
  "2022-11-02|专题研讨|学习贯彻党的二十大精神专题研讨|党组",
  "2022-11-04|线上研讨|青年干部学习党的二十大报告线上研讨|青年理论学习小组",
  "2022-11-08|主题宣讲|党的二十大精神进机关主题宣讲|党支部",
  // 二十届, not 二十大: a 专题学习 that the 二十大 figure must not count.
  "2022-11-11|专题学习|学习习近平总书记在二十届中央政治局第一次集体学习时的重要讲话精神|党组",
  "2022-11-15|专题学习|学习党的二十大精神（第一专题：新时代新征程党的使命任务）|党组",
  "2022-11-22|党课|学习贯彻党的二十大精神专题党课|党支部",
  "2022-11-25|主题宣讲|党的二十大精神进社区主题宣讲|党支部",
  "2022-11-29|专题学习|学习党的二十大精神（第二专题：全面从严治党）|党组",
  "2022-12-02|线上研讨|学习党的二十大精神线上研讨|青年理论学习小组",
  "2022-12-06|专题研讨|学习贯彻党的二十大精神专题研讨（第二次）|党组",
  "2022-12-09|专题学习|学习党的二十大精神（第三专题：优化营商环境）|党支部",
  // Unparseable date: an error at the cell.
  "二〇二二年某日|专题学习|学习党的二十大精神（补学）|党支部",
  "2022-12-13|主题宣讲|党的二十大精神进企业主题宣讲|党支部",
  "2022-12-16|个人自学|个人自学党的二十大报告|党支部",
  "2022-12-20|专题学习|学习党的二十大精神（第四专题：中国式现代化）|党组",
  "2022-12-23|线上研讨|学习党的二十大精神线上交流|党支部",
  "2022-12-27|专题学习|党的二十大精神专题学习（总结）|党组",
  "2022-12-30|专题研讨|年度学习总结暨学习贯彻党的二十大精神研讨|党组",
  "2023-01-04|专题学习|学习党的二十大精神（第五专题：人民至上）|党组",
].map(studySession);

function writeStudySheet(workbook: ExcelJS.Workbook, rng: Rng): void {
  const sheet = workbook.addWorksheet(SAMPLE_SHEETS.study);
  titleRow(sheet, 1, "2022年理论学习记录台账", 6);
  titleRow(sheet, 2, `填报单位：${SAMPLE_ORG}党支部　　填报日期：2023年1月5日`, 6, 11);
  headerRow(sheet, 4, ["序号", "日期", "形式", "主题", "组织", "参加人数"]);
  let row = 5;
  STUDY_SESSIONS.forEach(([date, form, topic, organizer], i) => {
    const attendees = form.startsWith("个人自学") ? null : organizer === "青年理论学习小组" ? between(rng, 12, 26) : between(rng, 28, 64);
    const cells = [i + 1, date, form, topic || null, organizer, attendees];
    cells.forEach((v, c) => (sheet.getCell(row, c + 1).value = v));
    if (date instanceof Date) sheet.getCell(row, 2).numFmt = DATE_CN;
    row++;
  });
  row++;
  sheet.getCell(row, 1).value = "注：1.本台账按学习时间顺序登记；2.参加人数以签到表为准；3.个人自学不统计参加人数。";
  sheet.mergeCells(row, 1, row, 6);
  sheet.getCell(row + 1, 1).value = "制表人：综合科　张丽";
  widths(sheet, [6, 16, 12, 60, 18, 10]);
}

// ---------------------------------------------------------------------------------------------
// 共建单位 — a clean Excel table

const PARTNERS: [string, Date, string, string | null, Date | null, string | null][] = [
  ["新城区海东路街道光明路社区党委", day(2021, 3, 15), "疫情防控、文明城市创建", "有效", null, "综合科"],
  ["中国建设银行呼和浩特分行营业部党支部", day(2021, 4, 20), "金融服务进交易、电子保函推广", null, null, "交易一科"],
  ["赛罕区大学东街街道党工委", day(2021, 5, 28), "“我为群众办实事”结对帮扶", "有效", null, "综合科"],
  ["市住房和城乡建设局机关第二党支部", day(2021, 6, 18), "规范工程建设项目招标投标", null, null, "交易一科"],
  ["国网呼和浩特供电公司城区供电分公司党支部", day(2021, 9, 3), "党建联学、电力工程交易服务", "有效", null, "交易二科"],
  ["内蒙古银行呼和浩特分行党委", day(2021, 11, 12), "电子保函业务共建", null, null, "交易二科"],
  ["玉泉区小召前街社区党委", day(2022, 1, 11), "包联社区疫情防控", "有效", null, "综合科"],
  ["国家税务总局呼和浩特市税务局第一税务分局党支部", day(2022, 3, 8), "优化营商环境联学联建", null, null, "信息科"],
  ["回民区中山西路街道通道南街社区党委", day(2022, 4, 26), "创城消夏晚会、慰问困难群众", "有效", null, "综合科"],
  ["中国人民财产保险股份有限公司呼和浩特市分公司党委", day(2022, 6, 16), "保险保函业务共建", null, null, "交易二科"],
  ["市第一医院第三党支部", day(2022, 7, 1), "健康义诊进机关", "有效", null, "综合科"],
  ["某融资担保有限公司党支部", day(2021, 8, 10), "担保保函业务共建", "终止", day(2022, 9, 30), "交易一科"],
];

function writePartnersSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(SAMPLE_SHEETS.partners);
  table(
    sheet,
    "CoConstructionUnits",
    ["序号", "单位名称", "协议签订日期", "共建内容", "状态", "终止日期", "部门"],
    PARTNERS.map((p, i) => [i + 1, ...p]),
  );
  for (let r = 2; r <= PARTNERS.length + 1; r++) {
    sheet.getCell(r, 3).numFmt = DATE_ISO;
    sheet.getCell(r, 6).numFmt = DATE_ISO;
  }
  widths(sheet, [8, 48, 16, 34, 8, 14, 10]);
}

// ---------------------------------------------------------------------------------------------
// 电子保函 — ~3,500 letters over two department sheets

interface Firm {
  name: string;
  code: string;
}
interface Guarantee {
  no: string;
  date: Date;
  firm: Firm;
  /** Credit code as written; differs from firm.code where the clerk mistyped it. */
  code: string;
  project: string;
  amount: number;
  issuer: string;
  status: string | null;
  department: "交易一科" | "交易二科";
  /** How the amount cell is written. */
  amountText?: string;
  dateText?: string;
}

const CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 32100-2015 check character for the first 17 characters of a 统一社会信用代码. */
export function creditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CODE_CHARS.indexOf(first17[i]) * CODE_WEIGHTS[i];
  return CODE_CHARS[(31 - (sum % 31)) % 31];
}
/** GB 11714 check character of the 9-character organisation code inside the credit code. */
function organizationCodeCheck(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * weights[i];
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

const REGIONS: [string, string][] = [
  ["内蒙古", "150000"],
  ["呼和浩特市", "150100"],
  ["呼和浩特", "150102"],
  ["呼和浩特", "150103"],
  ["呼和浩特", "150104"],
  ["呼和浩特", "150105"],
  ["包头市", "150200"],
  ["鄂尔多斯市", "150600"],
  ["乌兰察布市", "150900"],
  ["", "150121"],
  ["", "150125"],
];
const TRADE_NAMES =
  "鑫源 华泰 恒达 宏远 金桥 中盛 泽众 瑞丰 天骄 北疆 蒙能 昭君 青城 大盛 锦程 万通 兴业 润泽 鸿基 诚信 正达 佳和 永盛 同创 博远 凯瑞 中科 晟世 汇通 盛元 广厦 宇杰 华鼎 泰和 龙腾 祥瑞 众合 建华 宏图 振兴 德信 新城 路通 安泰 嘉禾 金鼎 海川 利民 东升 光华 融创 辰阳 圣洁 阿尔 草原 敕勒 塞北 黄河 阴山 额吉".split(
    " ",
  );
const INDUSTRIES = [
  "建筑工程",
  "建设工程",
  "市政工程",
  "路桥工程",
  "园林绿化工程",
  "电力工程",
  "水利水电工程",
  "装饰工程",
  "建设集团",
  "信息技术",
  "环保科技",
  "工程咨询",
  "工程监理",
  "安装工程",
  "消防工程",
  "交通设施",
];
const SUFFIXES = ["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"];

function makeFirms(rng: Rng, count: number): Firm[] {
  const names = new Set<string>();
  const codes = new Set<string>();
  const firms: Firm[] = [];
  while (firms.length < count) {
    const [region, division] = pick(rng, REGIONS);
    const name = `${region}${pick(rng, TRADE_NAMES)}${pick(rng, INDUSTRIES)}${pick(rng, SUFFIXES)}`;
    if (names.has(name)) continue;
    // Codes since 2015 carry an MA… organisation body; older firms kept their 8-digit code.
    let body = "";
    if (rng() < 0.6) {
      body = "MA0";
      for (let i = 0; i < 5; i++) body += CODE_CHARS[between(rng, 0, 30)];
    } else {
      for (let i = 0; i < 8; i++) body += String(between(rng, 0, 9));
    }
    const first17 = `91${division}${body}${organizationCodeCheck(body)}`;
    const code = first17 + creditCodeCheck(first17);
    if (codes.has(code)) continue;
    names.add(name);
    codes.add(code);
    firms.push({ name, code });
  }
  return firms;
}

const DISTRICTS = ["新城区", "回民区", "玉泉区", "赛罕区", "土默特左旗", "托克托县", "和林格尔县", "武川县", "清水河县", "经济技术开发区"];
const PLACES =
  "海东路 鄂尔多斯大街 成吉思汗大街 新华大街 中山路 大学西街 昭乌达路 兴安南路 锡林郭勒北路 丰州路 金桥 如意河 小黑河 敕勒川 巴彦 金海路 南二环 北垣街 滨河 白塔 和林 沙尔沁 金川 盛乐".split(
    " ",
  );
const WORKS_ONE = [
  "道路改造工程施工",
  "老旧小区改造工程施工",
  "雨污分流改造工程",
  "综合管廊工程施工",
  "保障性住房建设工程",
  "学校教学楼建设工程",
  "供热管网改造工程",
  "园林绿化提升工程",
  "工程监理",
  "医院门诊楼建设工程",
];
const WORKS_TWO = [
  "农田水利配套工程",
  "乡村道路硬化工程",
  "10千伏配电网改造工程",
  "河道综合治理工程",
  "智慧城市信息化建设项目",
  "污水处理厂提标改造工程",
  "公路养护工程",
  "光伏发电项目施工",
  "设备采购及安装",
  "高标准农田建设项目",
];
const LOTS = ["", "", "", "（一标段）", "（二标段）", "（三标段）"];
const ISSUERS: [string, number][] = [
  ["中国建设银行呼和浩特分行", 18],
  ["中国银行内蒙古自治区分行", 12],
  ["内蒙古银行呼和浩特分行", 14],
  ["中国工商银行呼和浩特分行", 8],
  ["呼和浩特农村商业银行", 6],
  ["内蒙古融资担保有限公司", 10],
  ["某市中小企业融资担保有限公司", 9],
  ["中国人民财产保险股份有限公司呼和浩特市分公司", 10],
  ["中国平安财产保险股份有限公司内蒙古分公司", 7],
  ["阳光财产保险股份有限公司内蒙古分公司", 6],
];
function pickIssuer(rng: Rng): string {
  const total = ISSUERS.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [name, w] of ISSUERS) {
    r -= w;
    if (r < 0) return name;
  }
  return ISSUERS[0][0];
}
/** A bid bond: at most 2% of the budget and never over 800,000 yuan; small bonds are common. */
function bondAmount(rng: Rng): number {
  const raw = 5000 * Math.pow(160, Math.pow(rng(), 1.35));
  const step = raw < 50000 ? 1000 : raw < 200000 ? 5000 : 10000;
  return Math.min(800000, Math.max(5000, Math.round(raw / step) * step));
}

interface Tender {
  opening: Date;
  project: string;
  amount: number;
  department: "交易一科" | "交易二科";
  bidders: number;
}

function makeTenders(rng: Rng): Tender[] {
  const tenders: Tender[] = [];
  const projects = new Set<string>();
  const add = (opening: Date, bidders: number) => {
    const department = rng() < 0.55 ? "交易一科" : "交易二科";
    let project = "";
    do {
      const works = department === "交易一科" ? WORKS_ONE : WORKS_TWO;
      project = `${opening.getUTCFullYear()}年${pick(rng, DISTRICTS)}${pick(rng, PLACES)}${pick(rng, works)}${pick(rng, LOTS)}`;
    } while (projects.has(project));
    projects.add(project);
    tenders.push({ opening, project, amount: bondAmount(rng), department, bidders });
  };
  // E-guarantees caught on during 2022, so tenders using them grow from about one a working day.
  for (let d = day(2021, 1, 11); d <= day(2022, 12, 30); d = addDays(d, 1)) {
    if (isWeekend(d)) continue;
    const rate = d.getUTCFullYear() === 2021 ? 1.24 : 1.67;
    let n = Math.floor(rate);
    if (rng() < rate - n) n++;
    for (let i = 0; i < n; i++) add(d, Math.min(12, 2 + Math.floor(-Math.log(1 - rng()) * 3.2)));
  }
  // Early 2023 letters for a January opening: after the period, never counted.
  add(day(2023, 1, 10), 6);
  return tenders;
}

function makeGuarantees(rng: Rng): Guarantee[] {
  const tenders = makeTenders(rng);
  const slots = tenders.reduce((s, t) => s + t.bidders, 0);
  const firms = makeFirms(rng, 1318);
  // Every firm bids at least once; repeat bidders favour a core of active firms.
  const unused = shuffle(rng, [...firms]);
  const used = new Set<Firm>();
  let slotsLeft = slots;
  const guarantees: Guarantee[] = [];
  for (const tender of tenders) {
    const chosen = new Set<Firm>();
    for (let b = 0; b < tender.bidders; b++) {
      let firm: Firm | undefined;
      while (!firm) {
        if (unused.length > 0 && rng() < unused.length / slotsLeft) {
          const next = unused.pop()!;
          // Already drawn as a repeat bidder: covered, so it leaves the queue.
          if (!used.has(next)) firm = next;
        } else {
          const repeat = firms[Math.floor(Math.pow(rng(), 2.2) * firms.length)];
          if (!chosen.has(repeat)) firm = repeat;
        }
      }
      chosen.add(firm);
      used.add(firm);
      slotsLeft--;
      // Letters are opened in the days before the bid opening, on working days.
      const date =
        tender.opening.getUTCFullYear() === 2023
          ? day(2023, 1, between(rng, 3, 6))
          : toWeekday(addDays(tender.opening, -between(rng, 1, 7)));
      guarantees.push({
        no: "",
        date,
        firm,
        code: firm.code,
        project: tender.project,
        amount: tender.amount,
        issuer: pickIssuer(rng),
        status: rng() < 0.01 ? "撤销" : rng() < 0.3 ? "有效" : null,
        department: tender.department,
      });
    }
  }
  guarantees.sort((a, b) => a.date.getTime() - b.date.getTime());
  const sequence: Record<number, number> = {};
  for (const g of guarantees) {
    const year = g.date.getUTCFullYear();
    sequence[year] = (sequence[year] ?? 0) + 1;
    g.no = `DZBH${year}${String(sequence[year]).padStart(6, "0")}`;
  }
  spoil(rng, guarantees);
  return guarantees;
}

/** The clerks' mistakes and habits, at fixed places so the expected issues are known. */
function spoil(rng: Rng, guarantees: Guarantee[]): void {
  const in2022 = guarantees.filter((g) => g.date.getUTCFullYear() === 2022 && g.status === null);
  const two = (dept: string) => in2022.filter((g) => g.department === dept);
  const inTwo = two("交易二科");
  const inOne = two("交易一科");
  // Amounts typed as text: 12.5万 (multiples of 5,000 keep the decimal exact) and ￥30,000.
  for (let i = 0; i < inOne.length; i += 97) {
    const g = inOne[i];
    if (g.amount % 5000 === 0) g.amountText = `${g.amount / 10000}万`;
  }
  for (let i = 13; i < inTwo.length; i += 89) inTwo[i].amountText = `￥${thousands(inTwo[i].amount)}`;
  for (let i = 41; i < inTwo.length; i += 211) {
    if (inTwo[i].amount % 5000 === 0) inTwo[i].amountText = `${inTwo[i].amount / 10000}万`;
  }
  // Dates pasted as text.
  for (let i = 7; i < inTwo.length; i += 260) inTwo[i].dateText = iso(inTwo[i].date);
  const at = (list: Guarantee[], share: number) => list[Math.floor(list.length * share)];
  // Two mistyped credit codes: the check character is wrong.
  for (const g of [at(inOne, 0.3), at(inTwo, 0.55)]) {
    const right = g.code[17];
    g.code = g.code.slice(0, 17) + CODE_CHARS[(CODE_CHARS.indexOf(right) + 1 + between(rng, 0, 20)) % 31];
  }
  // One 保函编号 entered twice (the second letter copied the first's number).
  at(inTwo, 0.7).no = at(inOne, 0.65).no;
  // A refund keyed as a negative amount.
  const refund = at(inOne, 0.8);
  refund.amount = -refund.amount;
  refund.amountText = undefined;
}

function writeGuaranteeSheets(workbook: ExcelJS.Workbook, rng: Rng): void {
  const all = makeGuarantees(rng);
  const one = all.filter((g) => g.department === "交易一科");
  const two = all.filter((g) => g.department === "交易二科");

  // 交易一科: title, header on row 2 with a 序号 column, 合计 with a SUM formula.
  const s1 = workbook.addWorksheet(SAMPLE_SHEETS.guaranteesOne, { views: [{ state: "frozen", ySplit: 2 }] });
  const h1 = ["序号", "保函编号", "开立日期", "投标企业", "统一社会信用代码", "项目名称", "保证金金额（元）", "出函机构", "状态"];
  titleRow(s1, 1, "2021—2022年投标保证金电子保函开立台账（交易一科）", h1.length);
  headerRow(s1, 2, h1);
  let row = 3;
  let numericSum = 0;
  one.forEach((g, i) => {
    const amount = g.amountText ?? g.amount;
    if (typeof amount === "number") numericSum += amount;
    [i + 1, g.no, g.date, g.firm.name, g.code, g.project, amount, g.issuer, g.status].forEach((v, c) => (s1.getCell(row, c + 1).value = v));
    s1.getCell(row, 3).numFmt = DATE_ISO;
    s1.getCell(row, 7).numFmt = MONEY;
    row++;
  });
  s1.getCell(row, 1).value = "合计";
  // Excel's SUM skips the text amounts; the cached result says what Excel would show.
  s1.getCell(row, 7).value = { formula: `SUM(G3:G${row - 1})`, result: numericSum };
  s1.getCell(row, 7).numFmt = MONEY;
  s1.getRow(row).font = { bold: true };
  s1.getCell(row + 1, 1).value = "制表人：王磊　　审核人：李建国";
  // A letter entered after the sheet was signed off, typed under the 制表人 line: not a record
  // where it stands, and the reader must say so at its cells (issue #16).
  const late = one[one.length - 1];
  [
    one.length + 1,
    late.no.replace(/\d{6}$/, (n) => String(Number(n) + 1).padStart(6, "0")),
    day(2023, 1, 9),
    late.firm.name,
    late.firm.code,
    late.project,
    20000,
    late.issuer,
    null,
  ].forEach((v, c) => (s1.getCell(row + 2, c + 1).value = v));
  s1.getCell(row + 2, 3).numFmt = DATE_ISO;
  s1.getCell(row + 2, 7).numFmt = MONEY;
  widths(s1, [7, 18, 12, 40, 22, 56, 18, 40, 7]);

  // 交易二科: title, 填报 line, blank row, header on row 4 in another order, with header
  // aliases and an extra 备注 column; 合 计 with a plain value.
  const s2 = workbook.addWorksheet(SAMPLE_SHEETS.guaranteesTwo, { views: [{ state: "frozen", ySplit: 4 }] });
  const h2 = ["保函编号", "开立日期", "企业名称", "统一社会信用代码", "保证金金额(元)", "项目名称", "出函机构", "状态", "备注"];
  titleRow(s2, 1, "电子保函台账（交易二科）", h2.length);
  titleRow(s2, 2, "填报单位：交易二科　　填报日期：2023年1月5日", h2.length, 11);
  headerRow(s2, 4, h2);
  row = 5;
  let valueSum = 0;
  for (const g of two) {
    const amount = g.amountText ?? g.amount;
    if (typeof amount === "number") valueSum += amount;
    const note = g.status === "撤销" ? "企业申请撤销" : g.dateText ? "补录" : null;
    [g.no, g.dateText ?? g.date, g.firm.name, g.code, amount, g.project, g.issuer, g.status, note].forEach(
      (v, c) => (s2.getCell(row, c + 1).value = v),
    );
    if (!g.dateText) s2.getCell(row, 2).numFmt = DATE_ISO;
    s2.getCell(row, 5).numFmt = MONEY;
    row++;
  }
  s2.getCell(row, 1).value = "合 计";
  s2.getCell(row, 5).value = valueSum;
  s2.getCell(row, 5).numFmt = MONEY;
  s2.getRow(row).font = { bold: true };
  widths(s2, [18, 12, 40, 22, 18, 56, 40, 7, 14]);
}

// ---------------------------------------------------------------------------------------------
// 活动记录 — a plain sheet whose 部门 cells are merged down each department's block

/** [部门, date, 类型, 内容, 对象] */
const ACTIVITIES: [string, Date, string, string, string][] = [
  ["综合科", day(2021, 12, 20), "捐赠", "向光明路社区捐赠防疫物资", "光明路社区"],
  ["综合科", day(2022, 1, 26), "慰问", "春节前慰问包联社区困难群众", "光明路社区"],
  ["综合科", day(2022, 3, 5), "志愿服务", "“学雷锋”志愿服务进社区", "光明路社区"],
  ["综合科", day(2022, 4, 2), "社区群", "加入光明路社区疫情防控工作群", "光明路社区"],
  ["综合科", day(2022, 4, 12), "捐赠", "协调红十字会向包联社区捐赠消杀用品", "光明路社区"],
  ["综合科", day(2022, 7, 15), "共建活动", "与共建社区联合举办创城消夏晚会", "通道南街社区"],
  ["综合科", day(2022, 10, 8), "社区群", "加入通道南街社区居民服务群", "通道南街社区"],
  ["综合科", day(2022, 11, 18), "捐赠", "协调爱心企业向包联社区捐赠米面油", "通道南街社区"],
  ["交易一科", day(2022, 3, 18), "共建活动", "与建设银行营业部党支部开展电子保函业务联学", "中国建设银行呼和浩特分行营业部党支部"],
  ["交易一科", day(2022, 4, 6), "社区群", "加入小召前街社区疫情防控群", "小召前街社区"],
  ["交易一科", day(2022, 5, 20), "志愿服务", "青年志愿服务队协助社区核酸检测", "小召前街社区"],
  ["交易一科", day(2022, 8, 9), "党课宣讲", "到包联社区宣讲党课", "小召前街社区"],
  ["交易一科", day(2022, 10, 12), "社区群", "加入小召前街社区楼栋长工作群", "小召前街社区"],
  ["交易一科", day(2022, 12, 1), "捐赠", "向包联社区捐赠抗原检测试剂", "小召前街社区"],
  ["交易二科", day(2022, 2, 28), "慰问", "慰问社区一线防疫人员", "大学东街街道"],
  ["交易二科", day(2022, 4, 15), "捐赠", "协调红十字会向大学东街社区捐赠防疫物资", "大学东街社区"],
  ["交易二科", day(2022, 6, 14), "共建活动", "与人保财险党委开展保险保函业务共建", "中国人民财产保险股份有限公司呼和浩特市分公司党委"],
  ["交易二科", day(2022, 9, 26), "社区群", "加入大学东街社区疫情防控群", "大学东街社区"],
  ["交易二科", day(2022, 10, 20), "志愿服务", "下沉社区开展疫情防控志愿服务", "大学东街社区"],
  ["交易二科", day(2022, 11, 30), "慰问", "使用专项党费慰问抗疫一线党员", "大学东街社区"],
  ["信息科", day(2022, 5, 12), "党课宣讲", "“网络安全为人民”主题党课进社区", "海东路社区"],
  ["信息科", day(2022, 8, 19), "志愿服务", "为社区老年人开展智能手机使用培训", "海东路社区"],
  ["信息科", day(2022, 11, 9), "社区群", "加入海东路社区志愿者群", "海东路社区"],
  ["信息科", day(2022, 12, 15), "其他", "参与社区疫情防控信息统计", "海东路社区"],
];

function writeActivitiesSheet(workbook: ExcelJS.Workbook, rng: Rng): void {
  const sheet = workbook.addWorksheet(SAMPLE_SHEETS.activities, { views: [{ state: "frozen", ySplit: 2 }] });
  const headers = ["部门", "日期", "类型", "内容", "对象", "参加人次"];
  titleRow(sheet, 1, "2022年党建活动记录", headers.length);
  headerRow(sheet, 2, headers);
  let row = 3;
  let blockStart = row;
  ACTIVITIES.forEach(([dept, date, type, content, target], i) => {
    if (i === 0 || ACTIVITIES[i - 1][0] !== dept) {
      sheet.getCell(row, 1).value = dept;
      blockStart = row;
    }
    [date, type, content, target, type === "社区群" ? null : between(rng, 4, 30)].forEach((v, c) => (sheet.getCell(row, c + 2).value = v));
    sheet.getCell(row, 2).numFmt = DATE_ISO;
    const last = i === ACTIVITIES.length - 1 || ACTIVITIES[i + 1][0] !== dept;
    if (last && row > blockStart) {
      sheet.mergeCells(blockStart, 1, row, 1);
      sheet.getCell(blockStart, 1).alignment = { vertical: "middle", horizontal: "center" };
    }
    row++;
  });
  widths(sheet, [10, 12, 10, 48, 40, 10]);
}

// ---------------------------------------------------------------------------------------------
// 人员 — ~130 staff in a table

const SURNAMES =
  "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 马 胡 朱 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 萧 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 乌 包 其 敖".split(
    " ",
  );
const GIVEN =
  "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 建华 文 华 鑫 宇 浩 晨 欣 婷 雪 琳 晶 瑞 凯 斌 波 辉 红 玉 燕 鹏 飞 慧 颖 佳 宁 旭 博 志强 海燕 丽娟 建国 晓东 春梅 国庆 乌兰 其其格 巴特尔 苏日娜 那仁 格日勒".split(
    " ",
  );
const COMMUNITY_PLACES =
  "光明路 通道南街 小召前街 大学东街 海东路 东风路 县府街 新华东街 公园东路 成吉思汗大街 鄂尔多斯大街 哲里木路 兴安北路 锡林南路 满都海 桥靠 讨号板 西菜园 环河街 攸攸板 钢铁路 石羊桥 长和廊 大召 五塔寺 通道北街 中山东路 人民路 海拉尔东路 北垣东街 丰州路 如意和 巧报 金桥 敕勒川 腾飞路 昭乌达路 乌兰察布西路 南茶坊 滨河 新城西街 保全庄 兴康 兴泰 民族 西落凤 宝尔汗 塔利 鼎盛 万家 松山 扎达盖 金海 朝阳 光华 和平 团结 幸福 奋斗 春晖 青城 绿地 东瓦窑 西瓦窑 碧水 昭君 富力 凯元 恒大 万锦 名都 天骄 盛乐".split(
    " ",
  );
const PAIRED_COMMUNITIES = ["光明路社区", "通道南街社区", "小召前街社区", "大学东街社区", "海东路社区"];
const COMMENDATIONS = [
  "市直机关工委通报表扬",
  "市直机关工委通报表扬",
  "光明路社区通报表扬",
  "小召前街社区通报表扬",
  "市直机关工委通报表扬",
];

function writePersonnelSheet(workbook: ExcelJS.Workbook, rng: Rng): void {
  const sheet = workbook.addWorksheet(SAMPLE_SHEETS.personnel);
  const deptSizes: [string, number][] = [
    ["综合科", 30],
    ["交易一科", 40],
    ["交易二科", 38],
    ["信息科", 22],
  ];
  const names = new Set<string>();
  const people: { name: string; dept: string }[] = [];
  for (const [dept, n] of deptSizes) {
    for (let i = 0; i < n; i++) {
      let name: string;
      do name = pick(rng, SURNAMES) + pick(rng, GIVEN);
      while (names.has(name));
      names.add(name);
      people.push({ name, dept });
    }
  }
  // 73 residential communities: each appears at least once among the 124 registered staff.
  const communities = COMMUNITY_PLACES.slice(0, 73).map((p) => `${p}社区`);
  const order = shuffle(
    rng,
    people.map((_, i) => i),
  );
  const unregistered = new Set(order.slice(0, 6));
  const registered = order.slice(6);
  const community = new Map<number, string>();
  registered.forEach((p, k) => community.set(p, k < communities.length ? communities[k] : pick(rng, communities)));
  // 包联 cadres and the youth commando are drawn from the Party cadres.
  const cadreOrder = shuffle(
    rng,
    people.map((_, i) => i),
  );
  const roles = new Map<number, string>();
  cadreOrder.forEach((p, k) => roles.set(p, k < 88 ? "党员干部" : "聘用人员"));
  const cadres = cadreOrder.slice(0, 88);
  const paired = new Set(cadres.slice(0, 32));
  const commando = new Set(
    shuffle(rng, cadres.slice(0, 88))
      .filter((p) => !unregistered.has(p))
      .slice(0, 6),
  );
  const commended = shuffle(rng, registered.slice()).slice(0, 5);
  const rows = people.map((person, i) => [
    i + 1,
    person.name,
    person.dept,
    roles.get(i)!,
    community.get(i) ?? null,
    paired.has(i) ? pick(rng, PAIRED_COMMUNITIES) : null,
    commando.has(i) ? "是" : roles.get(i) === "党员干部" && rng() < 0.5 ? "否" : null,
    commended.includes(i) ? COMMENDATIONS[commended.indexOf(i)] : null,
  ]);
  table(sheet, "Personnel", ["序号", "姓名", "部门", "身份", "双报到社区", "包联社区", "青年突击队", "表扬"], rows);
  widths(sheet, [8, 10, 10, 12, 20, 16, 12, 24]);
}

// ---------------------------------------------------------------------------------------------
// 队伍 — a small table

const TEAMS: [string, string, Date, string][] = [
  ["交易服务党员先锋队", "党员先锋队", day(2022, 3, 28), "交易一科"],
  ["疫情防控党员先锋队", "党员先锋队", day(2022, 4, 6), "综合科"],
  ["优化营商环境党员先锋队", "党员先锋队", day(2022, 5, 10), "交易二科"],
  ["青年文明号志愿服务队", "青年志愿服务队", day(2021, 5, 4), "综合科"],
  ["“青城e家”青年志愿服务队", "青年志愿服务队", day(2022, 4, 6), "信息科"],
  ["信息化攻坚突击队", "其他", day(2022, 7, 1), "信息科"],
  // Founded after the period: not counted 截至期末.
  ["项目服务党员先锋队", "党员先锋队", day(2023, 2, 15), "交易一科"],
];

function writeTeamsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(SAMPLE_SHEETS.teams);
  table(sheet, "Teams", ["名称", "类型", "成立日期", "部门"], TEAMS);
  for (let r = 2; r <= TEAMS.length + 1; r++) sheet.getCell(r, 3).numFmt = DATE_ISO;
  widths(sheet, [30, 18, 14, 10]);
}
