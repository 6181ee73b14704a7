// Deterministic 电子保函 ledgers of any size, written straight as .xlsx XML through fflate's streaming
// zip: exceljs or SheetJS would take longer to write a 300k-row file than the readers take to read
// it, and the point of the bench is the readers. The package looks like what Excel saves — shared
// strings, a styles part, dates as serial numbers with a date format, the ledger as a table
// (ListObject) — plus a 报告设置 sheet fixing the year, so every run reports the same period.
import { Zip, ZipDeflate, strToU8 } from "fflate";
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { mulberry32 } from "../examples/seeded-random";
import { concatBytes } from "../src/core/bytes";

/** Bumped whenever the rows or the package change, so cached files in bench/data are rebuilt. */
export const GENERATOR_VERSION = 3;
export const LEDGER_SEED = 20221231;
export const REPORT_YEAR = 2022;

/**
 * 电子保函's header row as 初始化工作簿 lays it out. Written out here, not derived from core's ledger
 * schema: the set-up tests (tests/adapters/xlsx/setup-writer.test.ts, excel/write.test.ts) compare what the
 * writers produce against this list, so a change in the schema must show as a failing test.
 */
export const GUARANTEE_HEADERS = [
  "保函编号",
  "开立日期",
  "投标企业",
  "统一社会信用代码",
  "项目名称",
  "保证金金额（元）",
  "出函机构",
  "状态",
  "部门",
] as const;

export interface GuaranteeRow {
  no: string;
  /** Excel serial date (1900 system). */
  issued: number;
  firm: string;
  /** Blank for the few firms that did not give one (the figure then falls back to the firm name). */
  creditCode: string;
  project: string;
  /** Yuan. */
  amount: number;
  issuer: string;
  /** 有效, 撤销 or blank (= 有效). */
  status: string;
  department: string;
}

const FIRM_PLACES = [
  "某市",
  "东城",
  "西江",
  "南湖",
  "北辰",
  "华信",
  "中联",
  "恒达",
  "宏远",
  "金鼎",
  "瑞丰",
  "天成",
  "鑫源",
  "正泰",
  "博远",
  "安居",
  "广厦",
  "长城",
  "新华",
  "明珠",
];
const FIRM_WORDS = [
  "建设",
  "建筑工程",
  "市政工程",
  "路桥",
  "水利水电",
  "园林绿化",
  "装饰工程",
  "电力工程",
  "信息技术",
  "环境工程",
  "交通设施",
  "钢结构",
  "安装工程",
  "地基基础",
  "消防工程",
];
const FIRM_KINDS = ["有限公司", "集团有限公司", "股份有限公司", "有限责任公司"];
const FIRM_ROUNDS = ["", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九", "第十"];
const DISTRICTS = ["城关区", "高新区", "经开区", "东湖区", "西城区", "南山区", "北湖区", "滨江新区"];
const PLACES = [
  "人民路",
  "建设大道",
  "解放路",
  "滨河路",
  "中山路",
  "学府路",
  "长江路",
  "黄河路",
  "文化路",
  "迎宾大道",
  "第一中学",
  "中心医院",
  "体育中心",
  "污水处理厂",
  "老旧小区",
  "农贸市场",
  "公交枢纽",
  "产业园",
  "湿地公园",
  "职业技术学院",
];
const WORKS = [
  "道路改造工程",
  "雨污分流改造工程",
  "综合管廊工程",
  "教学楼新建工程",
  "绿化提升工程",
  "智能化改造项目",
  "照明改造工程",
  "供水管网改造工程",
  "停车场建设项目",
  "维修改造工程",
  "监理服务",
  "设计服务",
];
const ISSUERS = [
  "中国银行某市分行",
  "中国建设银行某市分行",
  "中国工商银行某市分行",
  "中国农业银行某市分行",
  "某市农村商业银行",
  "某市融资担保有限公司",
  "中国人民财产保险股份有限公司某市分公司",
  "中国平安财产保险股份有限公司某市分公司",
];
const DEPARTMENTS = ["交易一科", "交易二科", "交易三科", "综合科"];

const CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A 统一社会信用代码 with a correct GB 32100 check character, so the ledger gives no warnings. */
function creditCode(rng: () => number): string {
  let body = "914101";
  while (body.length < 17) body += CODE_ALPHABET[Math.floor(rng() * CODE_ALPHABET.length)];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CODE_ALPHABET.indexOf(body[i]) * CODE_WEIGHTS[i];
  return body + CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Firm i by mixed radix over the word lists, so names are distinct without a lookup table. */
function firmName(i: number): string {
  let k = i;
  const place = FIRM_PLACES[k % FIRM_PLACES.length];
  k = Math.floor(k / FIRM_PLACES.length);
  const word = FIRM_WORDS[k % FIRM_WORDS.length];
  k = Math.floor(k / FIRM_WORDS.length);
  const kind = FIRM_KINDS[k % FIRM_KINDS.length];
  k = Math.floor(k / FIRM_KINDS.length);
  const round = FIRM_ROUNDS[k % FIRM_ROUNDS.length];
  return `${place}${round}${word}${kind}`;
}

/** Serial numbers of 2021-01-01 and 2022-12-31: two years of letters, all inside 截至期末 of 2022. */
const FIRST_DAY = 44197;
const LAST_DAY = 44926;

/**
 * How a ledger is written: `flood` gives every row a 统一社会信用代码 with a wrong check character
 * (a clerk's bad import), so the reader has a warning on every row — the issue-flood case.
 */
export interface LedgerVariant {
  flood?: boolean;
}

/** A code of the right shape whose check character is wrong; blank codes become one too. */
function badCreditCode(code: string): string {
  if (code.length !== 18) return "91410100000000000X";
  const next = CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[17]) + 1) % CODE_ALPHABET.length];
  return code.slice(0, 17) + next;
}

/** The ledger's rows; the same count always gives the same rows. */
export function* guaranteeRows(count: number, seed = LEDGER_SEED, variant: LedgerVariant = {}): Generator<GuaranteeRow> {
  const rng = mulberry32(seed);
  // A real agency serves a few thousand firms; every firm bids many times.
  const firmCount = Math.max(20, Math.min(12_000, Math.floor(count / 8)));
  const firms: { name: string; code: string }[] = [];
  for (let i = 0; i < firmCount; i++) {
    const code = creditCode(rng);
    firms.push({ name: firmName(i), code: rng() < 0.04 ? "" : code });
  }
  for (let i = 0; i < count; i++) {
    const firm = firms[Math.floor(rng() * firmCount)];
    const issued = FIRST_DAY + Math.floor((i / Math.max(1, count)) * (LAST_DAY - FIRST_DAY + 1));
    const year = issued >= 44562 ? 2022 : 2021;
    const project =
      DISTRICTS[Math.floor(rng() * DISTRICTS.length)] +
      PLACES[Math.floor(rng() * PLACES.length)] +
      WORKS[Math.floor(rng() * WORKS.length)] +
      `（第${1 + Math.floor(rng() * 6)}标段）`;
    const s = rng();
    yield {
      no: `DZBH${year}-${String(i + 1).padStart(7, "0")}`,
      issued,
      firm: firm.name,
      creditCode: variant.flood ? badCreditCode(firm.code) : firm.code,
      project,
      amount: 100 * (100 + Math.floor(rng() * 7900)),
      issuer: ISSUERS[Math.floor(rng() * ISSUERS.length)],
      status: s < 0.03 ? "撤销" : s < 0.06 ? "" : "有效",
      department: DEPARTMENTS[Math.floor(rng() * DEPARTMENTS.length)],
    };
  }
}

function xmlEscape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

const COLS = "ABCDEFGHI";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The namespaces of SpreadsheetML, of its relationship ids, and of a package's relationships. */
const [MAIN_NS, REL_NS, PKG_REL_NS] = [
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://schemas.openxmlformats.org/package/2006/relationships",
];
const SHEET_NAME = "电子保函";
const SETTINGS_NAME = "报告设置";

class SharedStrings {
  readonly index = new Map<string, number>();
  readonly list: string[] = [];
  refs = 0;
  /** Set once every string is known: later lookups neither add strings nor count references. */
  frozen = false;
  of(s: string): number {
    if (this.frozen) return this.index.get(s)!;
    this.refs++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }
}

function stringCell(ref: string, sst: SharedStrings, s: string): string {
  return s === "" ? "" : `<c r="${ref}" t="s"><v>${sst.of(s)}</v></c>`;
}

function guaranteeRowXml(r: number, row: GuaranteeRow, sst: SharedStrings): string {
  return (
    `<row r="${r}" spans="1:9">` +
    stringCell(`A${r}`, sst, row.no) +
    `<c r="B${r}" s="1"><v>${row.issued}</v></c>` +
    stringCell(`C${r}`, sst, row.firm) +
    stringCell(`D${r}`, sst, row.creditCode) +
    stringCell(`E${r}`, sst, row.project) +
    `<c r="F${r}" s="2"><v>${row.amount}</v></c>` +
    stringCell(`G${r}`, sst, row.issuer) +
    stringCell(`H${r}`, sst, row.status) +
    stringCell(`I${r}`, sst, row.department) +
    "</row>"
  );
}

function settingsSheetXml(sst: SharedStrings): string {
  const rows: [string, string | number][] = [
    ["项目", "值"],
    ["年度", REPORT_YEAR],
    ["期间开始", `${REPORT_YEAR}-01-01`],
    ["期间结束", `${REPORT_YEAR}-12-31`],
    ["单位名称", "某市公共资源交易中心"],
    ["统计范围", "全部门"],
    ["工作簿ID", "b3c1e0d2-5a4f-4c7e-9e21-000000bench"],
  ];
  const body = rows
    .map(([k, v], i) => {
      const r = i + 1;
      const value = typeof v === "number" ? `<c r="B${r}"><v>${v}</v></c>` : stringCell(`B${r}`, sst, v);
      return `<row r="${r}" spans="1:2">${stringCell(`A${r}`, sst, k)}${value}</row>`;
    })
    .join("");
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:B${rows.length}"/><sheetData>${body}</sheetData></worksheet>`;
}

const CONTENT_TYPES =
  XML_HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
  "</Types>";

/** A relationships part: each [type, target] gets the next rId, from rId1. */
function relationships(...targets: [type: string, target: string][]): string {
  const items = targets.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/${type}" Target="${target}"/>`);
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${items.join("")}</Relationships>`;
}

const ROOT_RELS = relationships(["officeDocument", "xl/workbook.xml"]);

const WORKBOOK =
  XML_HEAD +
  `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
  `<sheet name="${SETTINGS_NAME}" sheetId="1" r:id="rId1"/><sheet name="${SHEET_NAME}" sheetId="2" r:id="rId2"/>` +
  "</sheets></workbook>";

const WORKBOOK_RELS = relationships(
  ["worksheet", "worksheets/sheet1.xml"],
  ["worksheet", "worksheets/sheet2.xml"],
  ["styles", "styles.xml"],
  ["sharedStrings", "sharedStrings.xml"],
);

const SHEET2_RELS = relationships(["table", "../tables/table1.xml"]);

// Style 1: the built-in short date (numFmt 14); style 2: money with thousands separators.
const STYLES =
  XML_HEAD +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

function tableXml(lastRow: number): string {
  const cols = GUARANTEE_HEADERS.map((h, i) => `<tableColumn id="${i + 1}" name="${h}"/>`).join("");
  return (
    XML_HEAD +
    `<table xmlns="${MAIN_NS}" id="1" name="${SHEET_NAME}" displayName="${SHEET_NAME}" ref="A1:I${lastRow}" totalsRowShown="0">` +
    `<autoFilter ref="A1:I${lastRow}"/><tableColumns count="9">${cols}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** 2022-12-31 00:00 local: zip times are wall-clock, so the stamp is the same in every time zone. */
const FIXED_MTIME = new Date(2022, 11, 31, 0, 0, 0);
const ROWS_PER_CHUNK = 2000;

function deflated(name: string): ZipDeflate {
  const f = new ZipDeflate(name, { level: 6 });
  f.mtime = FIXED_MTIME;
  return f;
}

export interface LedgerFileFacts {
  rows: number;
  bytes: number;
  uniqueStrings: number;
}

/** Every string of the package in first-use order, so the shared strings can be written first. */
function collectStrings(rows: number, variant: LedgerVariant): SharedStrings {
  const sst = new SharedStrings();
  settingsSheetXml(sst);
  for (const h of GUARANTEE_HEADERS) sst.of(h);
  for (const row of guaranteeRows(rows, LEDGER_SEED, variant)) guaranteeRowXml(0, row, sst);
  sst.frozen = true;
  return sst;
}

/**
 * Streams the package into `sink`. Shared strings go before the sheets (a second pass over the
 * seeded rows finds them): Excel itself writes them after, which makes exceljs's streaming reader
 * park each sheet in a temporary file first; this order gives the library its best case.
 */
export function writeLedgerXlsx(rows: number, sink: (chunk: Uint8Array) => void, variant: LedgerVariant = {}): LedgerFileFacts {
  let bytes = 0;
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else {
      bytes += data.length;
      sink(data);
    }
  });
  const part = (name: string, text: string): void => {
    const f = deflated(name);
    zip.add(f);
    f.push(strToU8(text), true);
  };
  const sst = collectStrings(rows, variant);
  part("[Content_Types].xml", CONTENT_TYPES);
  part("_rels/.rels", ROOT_RELS);
  part("xl/workbook.xml", WORKBOOK);
  part("xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
  part("xl/styles.xml", STYLES);

  const sstPart = deflated("xl/sharedStrings.xml");
  zip.add(sstPart);
  let text = `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${sst.refs}" uniqueCount="${sst.list.length}">`;
  for (let i = 0; i < sst.list.length; i++) {
    text += `<si><t>${xmlEscape(sst.list[i])}</t></si>`;
    if (text.length > 1 << 20) {
      sstPart.push(strToU8(text));
      text = "";
    }
  }
  sstPart.push(strToU8(text + "</sst>"), true);

  part("xl/worksheets/sheet1.xml", settingsSheetXml(sst));
  const lastRow = rows + 1;
  const sheet = deflated("xl/worksheets/sheet2.xml");
  zip.add(sheet);
  const header = GUARANTEE_HEADERS.map((h, i) => stringCell(`${COLS[i]}1`, sst, h)).join("");
  let chunk =
    XML_HEAD +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:I${lastRow}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="14.25"/><sheetData>' +
    `<row r="1" spans="1:9">${header}</row>`;
  let r = 2;
  for (const row of guaranteeRows(rows, LEDGER_SEED, variant)) {
    chunk += guaranteeRowXml(r++, row, sst);
    if ((r - 2) % ROWS_PER_CHUNK === 0) {
      sheet.push(strToU8(chunk));
      chunk = "";
    }
  }
  chunk += '</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';
  sheet.push(strToU8(chunk), true);
  part("xl/worksheets/_rels/sheet2.xml.rels", SHEET2_RELS);
  part("xl/tables/table1.xml", tableXml(lastRow));
  zip.end();
  if (failure) throw failure;
  return { rows, bytes, uniqueStrings: sst.list.length };
}

/** The ledger file in memory (small sizes, tests). */
export function ledgerXlsxBytes(rows: number, variant: LedgerVariant = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  writeLedgerXlsx(rows, (c) => chunks.push(c), variant);
  return concatBytes(...chunks);
}

export function ledgerPath(dataDir: string, rows: number, variant: LedgerVariant = {}): string {
  return `${dataDir}/eg-${rows}${variant.flood ? "-flood" : ""}-v${GENERATOR_VERSION}.xlsx`;
}

/**
 * The ledger file of `rows` rows in `dataDir`, written on first use. Written to a temporary name
 * and renamed, so an interrupted run never leaves a truncated file that a later run would trust.
 */
export function ensureLedgerFile(dataDir: string, rows: number, variant: LedgerVariant = {}): { path: string; generatedMs: number | null } {
  const path = ledgerPath(dataDir, rows, variant);
  if (existsSync(path)) return { path, generatedMs: null };
  mkdirSync(dirname(path), { recursive: true });
  const started = performance.now();
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeLedgerXlsx(rows, (c) => writeSync(fd, c), variant);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return { path, generatedMs: performance.now() - started };
}
