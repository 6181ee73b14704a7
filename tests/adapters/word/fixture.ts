// A small hand-made workbook (three ledgers, a few rows each) and the report the real engine and
// renderer make from it, for the Word path's tests.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { renderDocx } from "../../../src/adapters/docx";
import { runEngine } from "../../../src/core/engine";
import { defaultSettings, settingsToRows } from "../../../src/core/settings";
import type { WordEnvironment } from "../../../src/adapters/word";
import { LINK_NAMESPACE, parseLinkRecord } from "../../../src/core/link";
import type { LinkRecord, RawCell, RawWorkbook } from "../../../src/core/types";
import type { SimulatedWord } from "../../../src/simulated-host/word";
import { SETTINGS_HEADERS } from "../../../src/core/workbook/spec";

export const GENERATED_AT = "2023-01-09T08:30:00.000Z";
export const REFRESHED_AT = "2023-02-01T09:00:00.000Z";

const STUDY: RawCell[] = ["日期", "形式", "主题"];
const PARTNERS: RawCell[] = ["单位名称", "协议签订日期"];
const GUARANTEES: RawCell[] = ["保函编号", "开立日期", "投标企业", "统一社会信用代码", "保证金金额（元）", "状态"];

export interface LedgerRows {
  study: RawCell[][];
  partners: RawCell[][];
  guarantees: RawCell[][];
}

export const FIRST_ROWS: LedgerRows = {
  study: [
    ["2022-03-01", "专题学习", "学习贯彻党的二十大精神"],
    ["2022-04-01", "专题研讨", "作风建设"],
  ],
  partners: [
    ["某社区党委", "2022-01-05"],
    ["某银行党支部", "2022-02-05"],
  ],
  guarantees: [
    ["BH-1", "2022-01-01", "甲公司", "", 100000000, ""],
    ["BH-2", "2022-02-01", "乙公司", "", 50000000, ""],
  ],
};

/** Late entries: one more of each, so every counted figure moves. */
export function withLateEntries(rows: LedgerRows = FIRST_ROWS): LedgerRows {
  return {
    study: [...rows.study, ["2022-11-20", "专题学习", "二十大报告原文"], ["2022-12-01", "专题研讨", "二十大精神"]],
    partners: [...rows.partners, ["某学校党支部", "2022-06-01"]],
    guarantees: [...rows.guarantees, ["BH-3", "2022-12-30", "丙公司", "", 120000000, ""]],
  };
}

export function ledgerWorkbook(rows: LedgerRows = FIRST_ROWS): RawWorkbook {
  return {
    name: "台账2022.xlsx",
    date1904: false,
    tables: [
      { sheet: "学习记录", top: 0, left: 0, values: [STUDY, ...rows.study] },
      { sheet: "共建单位", top: 0, left: 0, values: [PARTNERS, ...rows.partners] },
      { sheet: "电子保函", top: 0, left: 0, values: [GUARANTEES, ...rows.guarantees] },
      // The sample's names, so the report reads as the seed does (a workbook without them leaves gaps).
      { sheet: "报告设置", top: 0, left: 0, values: [[...SETTINGS_HEADERS], ...settingsToRows(defaultSettings(2022))] },
    ],
  };
}

/** The report as Generate makes it: engine, then the one OOXML renderer. */
export async function generatedReport(rows: LedgerRows = FIRST_ROWS) {
  const result = runEngine(ledgerWorkbook(rows), { overrides: { year: 2022 }, generatedAt: GENERATED_AT });
  const bytes = await renderDocx(result.report, result.link);
  return { bytes, link: result.link, report: result.report };
}

/** The same clerk's edits, made on the file itself, for comparing the Word path with the file patcher. */
export function editDocumentXml(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files["word/document.xml"] = strToU8(edit(strFromU8(files["word/document.xml"])));
  return zipSync(files);
}

export function typeInControlXml(xml: string, tag: string, text: string): string {
  const at = xml.indexOf(`<w:tag w:val="${tag}"/>`);
  if (at < 0) throw new Error(`no ${tag}`);
  const start = xml.indexOf("<w:sdtContent>", at) + "<w:sdtContent>".length;
  const end = xml.indexOf("</w:sdtContent>", start);
  return xml.slice(0, start) + `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` + xml.slice(end);
}

export function deleteControlXml(xml: string, tag: string): string {
  const at = xml.indexOf(`<w:tag w:val="${tag}"/>`);
  if (at < 0) throw new Error(`no ${tag}`);
  const start = xml.lastIndexOf("<w:sdt>", at);
  const end = xml.indexOf("</w:sdt>", at) + "</w:sdt>".length;
  return xml.slice(0, start) + xml.slice(end);
}

/** The Office environment the Word adapter sees when it runs in the simulated Word `sim`. */
export function wordEnvironment(sim: SimulatedWord): WordEnvironment {
  return {
    isSetSupported: (name, version) => sim.isSetSupported(name, version),
    commonCustomXmlParts: () => sim.commonCustomXmlParts as unknown as Office.CustomXmlParts | undefined,
  };
}

/** The document's custom XML parts in the link namespace. */
export function linkParts(sim: SimulatedWord) {
  return sim.document.customXmlParts().filter((p) => p.namespaceUri === LINK_NAMESPACE);
}

/** The document's one link record (a second one would be a bug: the test fails on it). */
export function storedLinkRecord(sim: SimulatedWord): LinkRecord {
  const parts = linkParts(sim);
  expect(parts).toHaveLength(1);
  const parsed = parseLinkRecord(parts[0].xml);
  if (!parsed.ok) throw new Error(parsed.messageEn);
  return parsed.record;
}
