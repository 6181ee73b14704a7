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

/**
 * The data rows of a sheet as records of the named columns' raw values, each keyed by its first header;
 * a column may be found under alternative headers (`["投标企业", "企业名称"]`). A missing column throws.
 */
function records(workbook: ExcelJS.Workbook, sheetName: string, headerRow: number, headers: (string | string[])[]): Record<string, Cell>[] {
  const sheet = dataRows(workbook, sheetName, headerRow);
  const columns = headers.map((h) => (typeof h === "string" ? [h] : h)).map((names) => [names[0], column(sheet, ...names)] as const);
  return sheet.rows.map((row) => Object.fromEntries(columns.map(([name, c]) => [name, row.getCell(c).value])));
}

const countOf = (values: string[], wanted: string) => values.filter((v) => v === wanted).length;

export async function naiveSampleFigures(xlsxPath: string): Promise<Record<string, number>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const figures: Record<string, number> = {};

  // 学习记录 — 本期
  let topic = 0;
  let seminar = 0;
  let youthOnline = 0;
  let lecture = 0;
  for (const r of records(workbook, "2022年学习记录台账", 4, ["日期", "形式", "主题", "组织"])) {
    const date = dateOf(r.日期);
    const form = text(r.形式);
    const subject = text(r.主题);
    const org = text(r.组织);
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
    const columns = ["保函编号", "开立日期", ["投标企业", "企业名称"], "统一社会信用代码", ["保证金金额（元）", "保证金金额(元)"], "状态"];
    for (const r of records(workbook, name, header, columns)) {
      const date = dateOf(r.开立日期);
      const amount = amountOf(r["保证金金额（元）"]);
      const firm = text(r.投标企业);
      const code = text(r.统一社会信用代码);
      if (text(r.保函编号) === "" || firm === "" || date === null) continue;
      if (amount === null || amount < 0) continue;
      if (text(r.状态) === "撤销") continue;
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
  let partnerCount = 0;
  for (const r of records(workbook, "共建单位", 1, ["单位名称", "协议签订日期", "状态", "终止日期"])) {
    const date = dateOf(r.协议签订日期);
    if (text(r.单位名称) === "" || date === null) continue;
    if (!byPeriodEnd(date)) continue;
    // Active at the period end unless terminated by then; 终止 without a date counts as terminated.
    const ended = dateOf(r.终止日期);
    const terminated = text(r.状态) === "终止" && (ended === null || ended <= PERIOD_END);
    if (!terminated) partnerCount++;
  }
  figures["partners.count"] = partnerCount;

  // 活动记录 — 本期
  const activityTypes: string[] = [];
  for (const r of records(workbook, "活动记录", 2, ["日期", "类型", "内容"])) {
    const date = dateOf(r.日期);
    const type = text(r.类型);
    if (date === null || type === "" || text(r.内容) === "") continue;
    if (inPeriod(date)) activityTypes.push(type);
  }
  figures["community_groups.count"] = countOf(activityTypes, "社区群");
  figures["donations.count"] = countOf(activityTypes, "捐赠");

  // 队伍 — 截至期末
  const teamTypes: string[] = [];
  for (const r of records(workbook, "队伍", 1, ["名称", "类型", "成立日期"])) {
    const type = text(r.类型);
    if (text(r.名称) === "" || type === "") continue;
    if (text(r.成立日期) !== "") {
      const date = dateOf(r.成立日期);
      if (date === null || !byPeriodEnd(date)) continue;
    }
    teamTypes.push(type);
  }
  figures["teams.vanguard.count"] = countOf(teamTypes, "党员先锋队");
  figures["teams.volunteer.count"] = countOf(teamTypes, "青年志愿服务队");

  // 人员 — 全部
  let baolian = 0;
  let commando = 0;
  let doubleReport = 0;
  let commended = 0;
  const communities = new Set<string>();
  for (const r of records(workbook, "人员", 1, ["姓名", "双报到社区", "包联社区", "青年突击队", "表扬"])) {
    if (text(r.姓名) === "") continue;
    const community = text(r.双报到社区);
    if (text(r.包联社区) !== "") baolian++;
    if (text(r.青年突击队) === "是") commando++;
    if (community !== "") {
      doubleReport++;
      communities.add(community);
    }
    if (text(r.表扬) !== "") commended++;
  }
  figures["cadres.baolian.count"] = baolian;
  figures["cadres.commando.count"] = commando;
  figures["staff.double_report.count"] = doubleReport;
  figures["communities.count"] = communities.size;
  figures["staff.commended.count"] = commended;

  return figures;
}
