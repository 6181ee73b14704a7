// 报告设置: the two-column 项目/值 sheet that makes the workbook alone decide the report.
// Reading never fails: a bad cell is an issue at that cell and the default stands in for it.
import type { Issue, RawCell, RawTable, RawWorkbook, ReportSettings } from "../types";
import { SETTINGS_SHEET } from "../ledger/schema";
import { cellAddress } from "../address";
import { foldWidth, isoDate, parseSettingDate, shiftYears } from "./dates";
import { DEFAULT_TEMPLATE_ID, templateById } from "../report/templates";
import { catalogueIssue, type IssueTextKey, type TextParams } from "../messages";

export { periodEndText, parseSettingDate } from "./dates";

export const ALL_DEPARTMENTS = "全部门";

export const SETTINGS_ITEMS: { key: keyof ReportSettings; label: string; labelEn: string; help: string }[] = [
  { key: "year", label: "年度", labelEn: "Year", help: "报告年度，如 2022。只填年度时，统计期间为该自然年。" },
  { key: "periodStart", label: "期间开始", labelEn: "Period start", help: "统计期间第一天，如 2022-01-01；空白表示 1 月 1 日。" },
  { key: "periodEnd", label: "期间结束", labelEn: "Period end", help: "统计期间最后一天（含），如 2022-12-31；空白表示 12 月 31 日。" },
  { key: "orgName", label: "单位名称", labelEn: "Organisation", help: "单位全称，如 某市公共资源交易中心。" },
  { key: "orgShort", label: "单位简称", labelEn: "Organisation (short)", help: "正文中“作为××党组书记”处的单位名称。" },
  { key: "reporter", label: "述职人", labelEn: "Reporter", help: "标题中的述职人，如 市公共资源交易中心党组书记。" },
  { key: "jointIssuer", label: "联合发文单位", labelEn: "Joint issuer", help: "与本单位联合出台通知的单位，如 市住房和城乡建设局。" },
  { key: "platformName", label: "平台名称", labelEn: "Platform name", help: "开立电子保函的平台，如 公共资源交易平台。" },
  { key: "city", label: "城市", labelEn: "City", help: "管理办法名称前的地名，如 某市。" },
  { key: "scope", label: "统计范围", labelEn: "Scope", help: "全部门，或一个部门的名称（只统计该部门的台账行）。" },
  { key: "template", label: "报告模板", labelEn: "Template", help: "报告模板编号；default 为内置述职报告。" },
  { key: "workbookId", label: "工作簿ID", labelEn: "Workbook ID", help: "初始化时写入的唯一编号，用于报告与工作簿的关联，请勿修改。" },
  { key: "signature", label: "落款", labelEn: "Signature", help: "结束语下方右对齐的署名；空白则不写。" },
  { key: "signatureDate", label: "落款日期", labelEn: "Signature date", help: "署名下方的日期，如 2023-01-10；空白则不写。" },
];

/** The sample settings of the seed report (a 2022 report of a city trading centre), for any year. */
export function defaultSettings(year = 2022): ReportSettings {
  return {
    year,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    orgName: "某市公共资源交易中心",
    orgShort: "市公共资源交易中心",
    reporter: "市公共资源交易中心党组书记",
    jointIssuer: "市住房和城乡建设局",
    platformName: "公共资源交易平台",
    city: "某市",
    scope: ALL_DEPARTMENTS,
    template: "default",
    workbookId: "",
    signature: "",
    signatureDate: "",
  };
}

/**
 * The year whose report is due on a given day: this year's, except in January and February, when
 * last year's report is still being written. `now` is a parameter so tests can fix the day.
 */
export function reportYearDue(now: Date): number {
  return now.getMonth() <= 1 ? now.getFullYear() - 1 : now.getFullYear();
}

/** Settings items a report needs a clerk's answer for; a new workbook leaves them blank. */
export const ANSWER_ITEMS = ["orgName", "orgShort", "reporter", "jointIssuer", "platformName", "city"] as const;

/**
 * What 初始化工作簿 and `init` write into 报告设置: the year due and its whole-year period, every
 * department, the built-in template and the new workbook id — and no names: those are the clerk's
 * answers, and a sample's would be printed as if they were.
 */
export function newWorkbookSettings(now: Date, workbookId = ""): ReportSettings {
  const year = reportYearDue(now);
  const s = defaultSettings(year);
  for (const key of ANSWER_ITEMS) s[key] = "";
  return { ...s, workbookId };
}

/** The 项目/值 data rows (without the header row, SETTINGS_HEADERS of the workbook spec), in SETTINGS_ITEMS order. */
export function settingsToRows(s: ReportSettings): [string, string][] {
  return SETTINGS_ITEMS.map((item) => [item.label, String(s[item.key] ?? "")]);
}

const EXCEL_ERROR = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

function fold(text: string): string {
  return foldWidth(text).replace(/\s+/g, "").toLowerCase();
}

const ITEM_BY_LABEL = new Map<string, (typeof SETTINGS_ITEMS)[number]>();
for (const item of SETTINGS_ITEMS) {
  ITEM_BY_LABEL.set(fold(item.label), item);
  ITEM_BY_LABEL.set(fold(item.labelEn), item);
  ITEM_BY_LABEL.set(fold(item.key), item);
}

function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  return String(cell).trim();
}

function parseYear(cell: RawCell): number | null {
  const n =
    typeof cell === "number"
      ? cell
      : Number(
          foldWidth(String(cell))
            .trim()
            .replace(/\s*年(度)?$/, ""),
        );
  return Number.isInteger(n) && n >= 1900 && n <= 9999 ? n : null;
}

/** A settings issue worded from the catalogue, at its cell when it has one. */
function issue(severity: Issue["severity"], key: IssueTextKey, params: TextParams, cell?: string): Issue {
  return catalogueIssue(severity, key, params, cell ? { cell } : {});
}

interface Found {
  value: RawCell;
  cell: string;
}

/** The 项目/值 block of a table: header row = first row with a 项目 cell; 值 column = header 值, else the next one. */
function locateItems(t: RawTable): Map<(typeof SETTINGS_ITEMS)[number]["key"], Found> | null {
  for (let r = 0; r < t.values.length; r++) {
    const row = t.values[r];
    const itemCol = row.findIndex((c) => typeof c === "string" && fold(c) === "项目");
    if (itemCol < 0) continue;
    const named = row.findIndex((c) => typeof c === "string" && fold(c) === "值");
    const valueCol = named >= 0 ? named : itemCol + 1;
    const found = new Map<(typeof SETTINGS_ITEMS)[number]["key"], Found>();
    for (let rr = r + 1; rr < t.values.length; rr++) {
      const label = t.values[rr][itemCol];
      if (typeof label !== "string") continue;
      const item = ITEM_BY_LABEL.get(fold(label));
      // Unknown 项目 rows belong to the clerk; the first of two rows for one item wins.
      if (!item || found.has(item.key)) continue;
      found.set(item.key, { value: t.values[rr][valueCol] ?? "", cell: cellAddress(t.sheet, t.top + rr, t.left + valueCol) });
    }
    return found;
  }
  return null;
}

/** Whether readSettings takes this table (a sheet or table named 报告设置). */
export function isSettingsTable(t: RawTable): boolean {
  return t.sheet.trim() === SETTINGS_SHEET || (t.table ?? "").trim() === SETTINGS_SHEET;
}

export function readSettings(
  wb: RawWorkbook,
  overrides: Partial<ReportSettings> = {},
): {
  settings: ReportSettings;
  issues: Issue[];
  fromWorkbook: boolean;
  /** The 值 cell of each item found in 报告设置 (`报告设置!B11`), for issues that point there. */
  cells: Partial<Record<keyof ReportSettings, string>>;
} {
  const issues: Issue[] = [];
  const candidates = wb.tables.filter(isSettingsTable);
  let items: ReturnType<typeof locateItems> = null;
  for (const t of candidates) {
    items = locateItems(t);
    if (items) break;
  }

  let settings: ReportSettings;
  if (!items) {
    // No answers without the sheet: the sample's names would be printed as this unit's.
    settings = defaultSettings();
    for (const key of ANSWER_ITEMS) settings[key] = "";
    issues.push(
      candidates.length
        ? issue("warning", "settings.no_header", { sheet: SETTINGS_SHEET })
        : issue("info", "settings.missing", { sheet: SETTINGS_SHEET, year: settings.year }),
    );
  } else {
    settings = fromItems(items, wb.date1904, issues);
  }
  settings = applyOverrides(settings, overrides, issues);
  if (!settings.scope.trim()) settings.scope = ALL_DEPARTMENTS;
  const startYear = Number(settings.periodStart.slice(0, 4));
  const endYear = Number(settings.periodEnd.slice(0, 4));
  if (settings.year !== startYear && settings.year !== endYear)
    issues.push({
      ...issue(
        "warning",
        "settings.year_outside_period",
        { year: settings.year, start: settings.periodStart, end: settings.periodEnd },
        items?.get("year")?.cell,
      ),
      // The parts themselves: whoever words this again (the CLI's exit reason) reads them, not the message.
      year: settings.year,
      period: { start: settings.periodStart, end: settings.periodEnd },
    });
  const cells: Partial<Record<keyof ReportSettings, string>> = {};
  if (items) for (const [key, found] of items) cells[key] = found.cell;
  return { settings, issues, fromWorkbook: items !== null, cells };
}

function fromItems(items: Map<keyof ReportSettings, Found>, date1904: boolean, issues: Issue[]): ReportSettings {
  const base = defaultSettings();
  const text: Partial<Record<keyof ReportSettings, string>> = {};
  const bad = (f: Found, label: string, key: "settings.bad_value#year" | "settings.bad_value#date", fallback: string) =>
    issues.push(issue("error", key, { cell: f.cell, label, value: cellText(f.value), fallback }, f.cell));

  for (const [key, f] of items) {
    if (typeof f.value === "string" && EXCEL_ERROR.test(f.value.trim())) {
      const label = SETTINGS_ITEMS.find((i) => i.key === key)!.label;
      issues.push(issue("error", "settings.excel_error", { cell: f.cell, label, value: f.value.trim() }, f.cell));
      continue;
    }
    text[key] = cellText(f.value);
  }

  let year = base.year;
  const yearCell = items.get("year");
  if (yearCell && text.year === "") {
    // Never a silent year: the report would be dated and counted for a year no one chose.
    issues.push(issue("warning", "settings.blank#year", { cell: yearCell.cell, year: base.year }, yearCell.cell));
  }
  if (yearCell && text.year) {
    const y = parseYear(yearCell.value);
    if (y === null) bad(yearCell, "年度", "settings.bad_value#year", String(base.year));
    else year = y;
  }
  const s = defaultSettings(year);

  const date = (key: "periodStart" | "periodEnd", label: string): string | null => {
    const f = items.get(key);
    if (!f || !text[key]) return null;
    const iso = parseSettingDate(f.value, date1904);
    if (!iso) bad(f, label, "settings.bad_value#date", label === "期间开始" ? s.periodStart : s.periodEnd);
    return iso;
  };
  const start = date("periodStart", "期间开始");
  const end = date("periodEnd", "期间结束");
  if (start) s.periodStart = start;
  if (end) s.periodEnd = end;
  if (s.periodStart > s.periodEnd) {
    const at = items.get("periodEnd")?.cell ?? items.get("periodStart")?.cell;
    issues.push(issue("error", "settings.period_reversed", { at: at ?? SETTINGS_SHEET, start: s.periodStart, end: s.periodEnd, year }, at));
    s.periodStart = `${year}-01-01`;
    s.periodEnd = `${year}-12-31`;
  }

  const absent: string[] = [];
  for (const key of ANSWER_ITEMS) {
    const f = items.get(key);
    if (!f) {
      // A row deleted from 报告设置 is as blank as an emptied one, not the sample's answer.
      s[key] = "";
      absent.push(SETTINGS_ITEMS.find((i) => i.key === key)!.label);
      continue;
    }
    if (text[key] === undefined) continue;
    s[key] = text[key]!;
    if (text[key] === "") {
      const label = SETTINGS_ITEMS.find((i) => i.key === key)!.label;
      issues.push({ ...issue("warning", "settings.blank", { cell: f.cell, label }, f.cell), setting: label });
    }
  }
  if (absent.length)
    issues.push(
      issue("warning", "settings.items_missing", { sheet: SETTINGS_SHEET, items: absent.join("、"), itemsEn: absent.join(", ") }),
    );
  for (const key of ["workbookId", "signature"] as const) if (text[key] !== undefined) s[key] = text[key]!;
  // Blank scope means every department; a blank or unknown template falls back to the built-in one.
  if (text.scope) s.scope = text.scope;
  const tpl = items.get("template");
  if (tpl && text.template) {
    if (templateById(text.template)) s.template = text.template;
    else
      issues.push(
        issue("warning", "settings.template_unknown", { cell: tpl.cell, template: text.template, builtIn: DEFAULT_TEMPLATE_ID }, tpl.cell),
      );
  }

  const sig = items.get("signatureDate");
  if (sig && text.signatureDate !== undefined) {
    // A date typed into Excel arrives as a serial; free text (二〇二三年一月) is kept as written.
    s.signatureDate = text.signatureDate === "" ? "" : (parseSettingDate(sig.value, date1904) ?? text.signatureDate);
  }
  return s;
}

function applyOverrides(s: ReportSettings, o: Partial<ReportSettings>, issues: Issue[]): ReportSettings {
  const out = { ...s };
  const badOverride = (label: string, value: unknown, en: string) =>
    issues.push(issue("error", "settings.bad_override", { label, labelEn: en, value: String(value) }));

  for (const item of SETTINGS_ITEMS) {
    const v = o[item.key];
    if (v === undefined || item.key === "year" || item.key === "periodStart" || item.key === "periodEnd") continue;
    (out as Record<string, unknown>)[item.key] = String(v);
  }

  if (o.year !== undefined) {
    const y = parseYear(o.year as RawCell);
    if (y === null) badOverride("年度", o.year, "year");
    else {
      // The period follows a changed year unless the caller chose the period too.
      if (o.periodStart === undefined && o.periodEnd === undefined && y !== s.year) {
        out.periodStart = shiftYears(s.periodStart, y - s.year);
        out.periodEnd = shiftYears(s.periodEnd, y - s.year);
      }
      out.year = y;
    }
  }
  for (const [key, label, en] of [
    ["periodStart", "期间开始", "period start"],
    ["periodEnd", "期间结束", "period end"],
  ] as const) {
    const v = o[key];
    if (v === undefined) continue;
    const iso = parseSettingDate(v, false);
    if (!iso) badOverride(label, v, en);
    else out[key] = iso;
  }
  if (out.periodStart > out.periodEnd) {
    issues.push(issue("error", "settings.period_reversed#given", { start: out.periodStart, end: out.periodEnd, year: out.year }));
    out.periodStart = isoDate(out.year, 1, 1)!;
    out.periodEnd = isoDate(out.year, 12, 31)!;
  }
  return out;
}
