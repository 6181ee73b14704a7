// The setting slots a template may use, and the text each one shows for given settings.
import type { ReportSettings } from "../types";
import { chineseDate, placeholderText } from "../format";
import { periodEndText } from "../settings/dates";
import { ALL_DEPARTMENTS } from "../settings";

export const SETTING_SLOT_PREFIX = "setting.";

/** Setting slot id → Chinese name (the content control's alias in Word). */
export const SETTING_SLOT_NAMES: Readonly<Record<string, string>> = {
  "setting.year": "年度",
  "setting.next_year": "下一年度",
  "setting.period_end_month": "期末月份",
  "setting.org_name": "单位名称",
  "setting.org_short": "单位简称",
  "setting.reporter": "述职人",
  "setting.joint_issuer": "联合发文单位",
  "setting.platform_name": "平台名称",
  "setting.city": "城市",
  "setting.signature": "落款",
  "setting.signature_date": "落款日期",
  "setting.scope": "统计范围",
};

/**
 * The department a report is limited to, or "" for the whole agency: a scoped report must say so
 * (the template's line under the title), or its figures read as the agency's.
 */
export function scopeText(scope: string): string {
  const s = scope.trim();
  return s === "" || s === ALL_DEPARTMENTS ? "" : s;
}

export function isSettingSlot(id: string): boolean {
  return id.startsWith(SETTING_SLOT_PREFIX);
}

/**
 * The 成文日期 as GB/T 9704 §7.3.5 writes it: Arabic numerals, year, month and day in full, no zero
 * padding (2023年1月9日). A date typed as 2023-01-09, 2023/1/9, 2023.1.9 or 2023年01月09日 is written
 * that way; anything else (2023年1月, 二〇二三年一月九日) is the clerk's and kept as written.
 */
export function signatureDateText(raw: string): string {
  const text = raw.trim();
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return text;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return text;
  return chineseDate(`${year}-${month}-${day}`);
}

/**
 * The settings a clerk answers (单位名称, 联合发文单位, 城市 …). Left blank, each shows the yellow
 * ［待补：名称］ like an unresolved figure: a blank in the middle of a sentence (“与联合出台”) reads as
 * a finished report with a word missing. The year and period are never blank; a blank 统计范围 means
 * every department, and a blank 落款/落款日期 is not written (报告设置 says so): both show nothing.
 */
const ANSWERED_SLOTS: ReadonlySet<string> = new Set([
  "setting.org_name",
  "setting.org_short",
  "setting.reporter",
  "setting.joint_issuer",
  "setting.platform_name",
  "setting.city",
]);

export interface SettingSlot {
  id: string;
  name: string;
  /** What the report shows: the setting, or ［待补：名称］ when a setting the clerk answers is blank. */
  text: string;
  /** The setting is blank: the text is the placeholder, highlighted, and an optional block may drop it. */
  unresolved: boolean;
}

export function settingSlots(s: ReportSettings): SettingSlot[] {
  const text: Record<string, string> = {
    "setting.year": String(s.year),
    "setting.next_year": String(s.year + 1),
    "setting.period_end_month": periodEndText(s.periodEnd),
    "setting.org_name": s.orgName,
    "setting.org_short": s.orgShort,
    "setting.reporter": s.reporter,
    "setting.joint_issuer": s.jointIssuer,
    "setting.platform_name": s.platformName,
    "setting.city": s.city,
    "setting.signature": s.signature.trim(),
    // An ISO date reads as 2023年1月10日; anything else the clerk wrote is kept as written.
    "setting.signature_date": signatureDateText(s.signatureDate),
    "setting.scope": scopeText(s.scope),
  };
  return Object.keys(SETTING_SLOT_NAMES).map((id) => {
    const name = SETTING_SLOT_NAMES[id];
    const blank = ANSWERED_SLOTS.has(id) && text[id].trim() === "";
    return { id, name, text: blank ? placeholderText(name) : text[id], unresolved: blank };
  });
}
