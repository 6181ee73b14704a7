// The setting slots a template may use, and the text each one shows for given settings.
import type { ReportSettings } from "../types";
import { chineseDate } from "../format";
import { periodEndText } from "../settings/dates";

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
};

export function isSettingSlot(id: string): boolean {
  return id.startsWith(SETTING_SLOT_PREFIX);
}

export function settingSlots(s: ReportSettings): { id: string; name: string; text: string }[] {
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
    "setting.signature_date": chineseDate(s.signatureDate.trim()),
  };
  return Object.keys(SETTING_SLOT_NAMES).map((id) => ({ id, name: SETTING_SLOT_NAMES[id], text: text[id] }));
}
