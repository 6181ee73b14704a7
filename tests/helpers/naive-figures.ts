// The golden reference for the sample workbook: the 17 ledger-based default figures counted the
// dumbest way that is still right — known sheet names, known header rows, loops and explicit
// string tests. It shares no code with src/core on purpose: when the engine and this disagree,
// one of them is wrong, and the cell that differs tells which.
import ExcelJS from "exceljs";

const PERIOD_START = "2022-01-01";
const PERIOD_END = "2022-12-31";

type Cell = ExcelJS.CellValue;

function text(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("result" in value) return text(value.result as Cell);
    if ("text" in value) return String(value.text).trim();
    return "";
  }
  return String(value).trim();
}

function foldDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
}

function isoOf(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** ISO date, or null when the cell is not a date in any form a clerk is allowed to use. */
function dateOf(value: Cell): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") {
    // 1900 date system; serials past 60 sit one day after the real count (the 1900-02-29 quirk).
    if (value < 61) return null;
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86400000).toISOString().slice(0, 10);
  }
  const s = foldDigits(text(value));
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (!m) m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Yuan, or null when the cell is not an amount; negative amounts come back negative. */
function amountOf(value: Cell): number | null {
  if (typeof value === "number") return value;
  let s = foldDigits(text(value)).replace(/[,，\s]/g, "");
  if (s.startsWith("￥") || s.startsWith("¥")) s = s.slice(1);
  let factor = 1;
  if (s.endsWith("万元")) {
    factor = 10000;
    s = s.slice(0, -2);
  } else if (s.endsWith("万")) {
    factor = 10000;
    s = s.slice(0, -1);
  } else if (s.endsWith("元")) {
    s = s.slice(0, -1);
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Math.round(Number(s) * factor * 100) / 100;
}

const inPeriod = (date: string) => date >= PERIOD_START && date <= PERIOD_END;
const byPeriodEnd = (date: string) => date <= PERIOD_END;

interface SheetRows {
  /** Header text → column number. */
  col: Record<string, number>;
  rows: ExcelJS.Row[];
}

/**
 * Data rows of a sheet whose header is on a known row: blank rows and total rows are skipped,
 * and a 注：/制表人 line ends the data.
 */
function dataRows(workbook: ExcelJS.Workbook, sheetName: string, headerRow: number): SheetRows {
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`sample has no sheet ${sheetName}`);
  const col: Record<string, number> = {};
  sheet.getRow(headerRow).eachCell((cell, c) => (col[text(cell.value)] = c));
  const rows: ExcelJS.Row[] = [];
  // exceljs recomputes these on every read by walking all rows.
  const lastRow = sheet.rowCount;
  const lastColumn = sheet.columnCount;
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    let first = "";
    for (let c = 1; c <= lastColumn && first === ""; c++) {
      // A merged cell other than its top-left reads as the master's value in exceljs; only the
      // master counts as "written here".
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) continue;
      first = text(cell.value);
    }
    if (first === "") continue;
    if (first.startsWith("注") || first.startsWith("制表人")) break;
    const squeezed = first.replace(/\s/g, "");
    if (squeezed === "合计" || squeezed === "小计" || squeezed === "总计") continue;
    rows.push(row);
  }
  return { col, rows };
}

function column(sheet: SheetRows, ...headers: string[]): number {
  for (const h of headers) if (sheet.col[h]) return sheet.col[h];
  throw new Error(`no column ${headers.join("/")}`);
}

export async function naiveSampleFigures(xlsxPath: string): Promise<Record<string, number>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const figures: Record<string, number> = {};

  // 学习记录 — 本期
  const study = dataRows(workbook, "2022年学习记录台账", 4);
  const sDate = column(study, "日期");
  const sForm = column(study, "形式");
  const sTopic = column(study, "主题");
  const sOrg = column(study, "组织");
  let topic = 0;
  let seminar = 0;
  let youthOnline = 0;
  let lecture = 0;
  for (const row of study.rows) {
    const date = dateOf(row.getCell(sDate).value);
    const form = text(row.getCell(sForm).value);
    const subject = text(row.getCell(sTopic).value);
    const org = text(row.getCell(sOrg).value);
    if (date === null || form === "" || subject === "") continue;
    if (!inPeriod(date)) continue;
    if (form === "专题学习" && subject.includes("二十大")) topic++;
    if (form === "专题研讨") seminar++;
    if (form === "线上研讨" && org.includes("青年")) youthOnline++;
    if (form === "主题宣讲") lecture++;
  }
  figures["study.topic.count"] = topic;
  figures["study.seminar.count"] = seminar;
  figures["study.youth_online.count"] = youthOnline;
  figures["study.lecture.count"] = lecture;

  // 电子保函 — 截至期末, two sheets
  let egCount = 0;
  let egAmount = 0;
  // A firm is its code; a row without one is the firm of a coded row of the same name, else its name.
  const firmCodes = new Set<string>();
  const codedNames = new Set<string>();
  const uncodedNames = new Set<string>();
  const sameName = (name: string) => foldDigits(name).normalize("NFKC").replace(/\s/g, "").toLowerCase();
  for (const [name, header] of [
    ["电子保函-交易一科", 2],
    ["电子保函（交易二科）", 4],
  ] as const) {
    const eg = dataRows(workbook, name, header);
    const cNo = column(eg, "保函编号");
    const cDate = column(eg, "开立日期");
    const cFirm = column(eg, "投标企业", "企业名称");
    const cCode = column(eg, "统一社会信用代码");
    const cAmount = column(eg, "保证金金额（元）", "保证金金额(元)");
    const cStatus = column(eg, "状态");
    for (const row of eg.rows) {
      const date = dateOf(row.getCell(cDate).value);
      const amount = amountOf(row.getCell(cAmount).value);
      const firm = text(row.getCell(cFirm).value);
      const code = text(row.getCell(cCode).value);
      if (text(row.getCell(cNo).value) === "" || firm === "" || date === null) continue;
      if (amount === null || amount < 0) continue;
      if (text(row.getCell(cStatus).value) === "撤销") continue;
      if (!byPeriodEnd(date)) continue;
      egCount++;
      egAmount += amount;
      if (code !== "") {
        firmCodes.add(code);
        codedNames.add(sameName(firm));
      } else uncodedNames.add(sameName(firm));
    }
  }
  figures["eg.count"] = egCount;
  figures["eg.firms"] = firmCodes.size + [...uncodedNames].filter((n) => !codedNames.has(n)).length;
  figures["eg.amount"] = Math.round(egAmount * 100) / 100;

  // 共建单位 — 截至期末
  const partners = dataRows(workbook, "共建单位", 1);
  const pName = column(partners, "单位名称");
  const pDate = column(partners, "协议签订日期");
  const pStatus = column(partners, "状态");
  const pEnd = column(partners, "终止日期");
  let partnerCount = 0;
  for (const row of partners.rows) {
    const date = dateOf(row.getCell(pDate).value);
    if (text(row.getCell(pName).value) === "" || date === null) continue;
    if (!byPeriodEnd(date)) continue;
    // Active at the period end unless terminated by then; 终止 without a date counts as terminated.
    const ended = dateOf(row.getCell(pEnd).value);
    const terminated = text(row.getCell(pStatus).value) === "终止" && (ended === null || ended <= PERIOD_END);
    if (!terminated) partnerCount++;
  }
  figures["partners.count"] = partnerCount;

  // 活动记录 — 本期
  const activities = dataRows(workbook, "活动记录", 2);
  const aDate = column(activities, "日期");
  const aType = column(activities, "类型");
  const aContent = column(activities, "内容");
  let groups = 0;
  let donations = 0;
  for (const row of activities.rows) {
    const date = dateOf(row.getCell(aDate).value);
    const type = text(row.getCell(aType).value);
    if (date === null || type === "" || text(row.getCell(aContent).value) === "") continue;
    if (!inPeriod(date)) continue;
    if (type === "社区群") groups++;
    if (type === "捐赠") donations++;
  }
  figures["community_groups.count"] = groups;
  figures["donations.count"] = donations;

  // 队伍 — 截至期末
  const teams = dataRows(workbook, "队伍", 1);
  const tName = column(teams, "名称");
  const tType = column(teams, "类型");
  const tDate = column(teams, "成立日期");
  let vanguard = 0;
  let volunteer = 0;
  for (const row of teams.rows) {
    const type = text(row.getCell(tType).value);
    if (text(row.getCell(tName).value) === "" || type === "") continue;
    const founded = row.getCell(tDate).value;
    if (text(founded) !== "") {
      const date = dateOf(founded);
      if (date === null || !byPeriodEnd(date)) continue;
    }
    if (type === "党员先锋队") vanguard++;
    if (type === "青年志愿服务队") volunteer++;
  }
  figures["teams.vanguard.count"] = vanguard;
  figures["teams.volunteer.count"] = volunteer;

  // 人员 — 全部
  const people = dataRows(workbook, "人员", 1);
  const hName = column(people, "姓名");
  const hDouble = column(people, "双报到社区");
  const hPaired = column(people, "包联社区");
  const hCommando = column(people, "青年突击队");
  const hPraise = column(people, "表扬");
  let baolian = 0;
  let commando = 0;
  let doubleReport = 0;
  let commended = 0;
  const communities = new Set<string>();
  for (const row of people.rows) {
    if (text(row.getCell(hName).value) === "") continue;
    const community = text(row.getCell(hDouble).value);
    if (text(row.getCell(hPaired).value) !== "") baolian++;
    if (text(row.getCell(hCommando).value) === "是") commando++;
    if (community !== "") {
      doubleReport++;
      communities.add(community);
    }
    if (text(row.getCell(hPraise).value) !== "") commended++;
  }
  figures["cadres.baolian.count"] = baolian;
  figures["cadres.commando.count"] = commando;
  figures["staff.double_report.count"] = doubleReport;
  figures["communities.count"] = communities.size;
  figures["staff.commended.count"] = commended;

  return figures;
}
