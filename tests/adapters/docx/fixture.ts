// A hand-built report in the shape of the seed 述职报告: title, level-1 heading, run-in kai heading,
// figure slots, a signature line on the right and a small table.

import { defaultSettings } from "../../../src/core/settings";
import type { FigureResult, LinkRecord, ReportDocument, ReportSettings, Run } from "../../../src/core/types";

export const settings: ReportSettings = {
  ...defaultSettings(2022),
  workbookId: "6F1C2B9E-4A1D-4C7B-9C1E-2D3F4A5B6C7D",
  signature: "市公共资源交易中心党组书记",
  signatureDate: "2023年1月9日",
};

function figure(id: string, name: string, value: number, text: string, ledger: FigureResult["ledger"], rows: number): FigureResult {
  return {
    id,
    name,
    value,
    text,
    rows,
    ledger,
    conditions: "状态≠撤销",
    period: { kind: "current", label: "本期", start: "2022-01-01", end: "2022-12-31" },
    rowRefs: [],
    fingerprint: `fp-${id}`,
    manual: false,
  };
}

export const figures: FigureResult[] = [
  figure("study.topic", "专题学习次数", 12, "12", "学习记录", 12),
  figure("study.seminar", "专题研讨次数", 6, "6", "学习记录", 6),
  figure("guarantee.count", "电子保函笔数", 1386, "1386", "电子保函", 1386),
  figure("guarantee.firms", "服务企业家数", 1342, "1300余", "电子保函", 1386),
  figure("guarantee.amount", "减少资金占用", 1500000000, "15.00", "电子保函", 1386),
  figure("partner.count", "共建单位数", 11, "11", "共建单位", 11),
];

const t = (text: string, style?: "kai" | "hei" | "bold"): Run => ({ kind: "text", text, style });
const slot = (id: string): Run => {
  const f = figures.find((x) => x.id === id)!;
  return { kind: "slot", id, name: f.name, text: f.text };
};

export function fixtureDocument(): ReportDocument {
  return {
    settings: { ...settings },
    figures: figures.map((f) => ({ ...f })),
    blocks: [
      { kind: "title", runs: [t("2022年度市公共资源交易中心党组书记抓党建工作述职报告")] },
      {
        kind: "paragraph",
        runs: [
          t(
            "作为市公共资源交易中心党组书记及党支部书记，坚持以党的政治建设为统领，凝聚班子成员，扎实推动全面从严治党向纵深发展。现将具体工作作以下述职：",
          ),
        ],
      },
      { kind: "heading", level: 1, runs: [t("一、抓基层党建工作情况")] },
      {
        kind: "paragraph",
        runs: [
          t("（一）抓政治建设提站位，推进党建责任落细落实。", "kai"),
          t("一是明确重点工作。进行专题学习党的二十大精神"),
          slot("study.topic"),
          t("次，专题研讨"),
          slot("study.seminar"),
          t("次。截止2022年12月底，我市公共资源交易平台共开立投标保证电子保函"),
          slot("guarantee.count"),
          t("笔，服务企业"),
          slot("guarantee.firms"),
          t("家，累计减少企业资金占用"),
          slot("guarantee.amount"),
          t("亿元。与"),
          slot("partner.count"),
          t("家党建共建单位签订共建协议。"),
        ],
      },
      {
        kind: "paragraph",
        runs: [
          t("（二）抓组织建设强活力，提升机关党建工作能力。", "kai"),
          t(
            "一是严肃党内政治生活，高标准开展民主生活会和组织生活。按照《全市各领域党支部规范化建设指导意见》，严格落实市委组织部、市直机关工委的工作部署，严格执行“三会一课”制度，抓好年度民主生活会、组织生活会、民主评议党员工作的开展。二是创建模范机关，深化“最强党支部”创建。结合全市“最强党支部”提质升级方案，将“最强党支部”建设与“模范机关建设”工作相融合，进一步强化党支部标准化规范化建设。三是常态化开展“我为群众办实事”实践活动。结合工作实际，将党史学习教育常态化、长效化真正落实到为民办实事上来。",
          ),
        ],
      },
      { kind: "heading", level: 2, runs: [t("（三）抓作风建设促提升")] },
      { kind: "heading", level: 3, runs: [t("1. 严肃党内政治生活")] },
      {
        kind: "table",
        rows: [
          [[t("指标")], [t("数值")]],
          [[t("电子保函笔数")], [slot("guarantee.count")]],
          [[t("共建单位数")], [slot("partner.count")]],
        ],
      },
      { kind: "paragraph", runs: [t("以上述职如有不妥之处，请批评指正。")] },
      { kind: "paragraph", runs: [t(settings.signature)], indent: false, align: "right" },
      { kind: "paragraph", runs: [t(settings.signatureDate)], indent: false, align: "right" },
    ],
  };
}

export function fixtureLink(doc: ReportDocument = fixtureDocument()): LinkRecord {
  return {
    version: 1,
    workbookId: settings.workbookId,
    workbookName: "台账2022.xlsx",
    templateId: "default",
    period: { start: settings.periodStart, end: settings.periodEnd },
    scope: settings.scope,
    generatedAt: "2023-01-09T08:30:00.000Z",
    figures: doc.figures.map((f) => ({
      id: f.id,
      name: f.name,
      value: f.value,
      text: f.text,
      fingerprint: f.fingerprint,
      ledger: f.ledger,
      conditions: f.conditions,
      rows: f.rows,
    })),
  };
}
