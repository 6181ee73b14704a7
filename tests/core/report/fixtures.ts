// Shared data for the report tests: the seed's blanks, as the seed writes them.
import type { FigureResult } from "../../../src/core/types";

/** Every figure of LEDGERS.md's default table, with the mask the seed shows and the text around it. */
export const SEED_FIGURE_BLANKS: { id: string; mask: string; context: string }[] = [
  { id: "goals.count", mask: "20", context: "目标要求20条" },
  { id: "study.topic.count", mask: "*", context: "专题学习党的二十大精神*次" },
  { id: "study.seminar.count", mask: "*", context: "专题研讨*次" },
  { id: "study.youth_online.count", mask: "*", context: "线上学习研讨*次" },
  { id: "study.lecture.count", mask: "*", context: "主题宣讲活动*次" },
  { id: "xxqg.threshold", mask: "40", context: "不满40分" },
  { id: "xxqg.rank", mask: "10", context: "全市前10名" },
  { id: "eg.count", mask: "****", context: "电子保函****笔" },
  // 余 belongs to the figure's text: an exact count is printed without it.
  { id: "eg.firms", mask: "****余", context: "服务企业****余家" },
  { id: "eg.amount", mask: "****", context: "减少企业资金占用****亿元" },
  { id: "partners.count", mask: "11", context: "与11家党建共建单位" },
  { id: "community_groups.count", mask: "*", context: "加入*个社区群" },
  { id: "donations.count", mask: "*", context: "先后*次向包联社区进行捐赠" },
  { id: "teams.vanguard.count", mask: "***", context: "***支党员“先锋队”" },
  { id: "teams.volunteer.count", mask: "*", context: "*支青年志愿服务队" },
  { id: "cadres.baolian.count", mask: "**", context: "**名包联干部" },
  { id: "cadres.commando.count", mask: "*", context: "派出*名青年党员干部" },
  { id: "staff.double_report.count", mask: "***", context: "***名党员干部（含聘用人员）" },
  { id: "communities.count", mask: "**余", context: "**余个居住地社区" },
  { id: "staff.commended.count", mask: "*", context: "*名工作人员受到" },
];

/** Masked names of the seed, per setting slot, in the order the slots occur. */
export const SEED_SETTING_MASKS: Record<string, string[]> = {
  "setting.reporter": ["某党组书记"],
  "setting.org_short": ["**局"],
  "setting.joint_issuer": ["****局"],
  "setting.platform_name": ["**平台"],
  "setting.city": ["**", "******"],
};

export function figure(id: string, text: string, extra: Partial<FigureResult> = {}): FigureResult {
  return {
    id,
    name: `名称:${id}`,
    value: Number(text) || null,
    text,
    rows: 0,
    ledger: null,
    conditions: "",
    period: { kind: "current", label: "本期", start: "2022-01-01", end: "2022-12-31" },
    rowRefs: [],
    fingerprint: `fp:${id}`,
    manual: false,
    ...extra,
  };
}
