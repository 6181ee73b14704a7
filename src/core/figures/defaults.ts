// The figures of the seed report (LEDGERS.md "The default figures"), and their sheet form.
// Set-up writes these rows into 指标定义; readDefinitions reads them back unchanged.
import type { Aggregate, Condition, FigureDefinition, FormatKind, LedgerName, PeriodKind } from "../types";
import { formatLabel } from "../format";
import { ALLOW_ZERO_CLAUSE, aggregateToText, conditionsToText, parseConditions, periodLabel } from "./syntax";

export const DEFINITION_HEADERS: string[] = ["指标ID", "名称", "台账", "统计", "条件", "区间", "格式", "手工值"];

function conditions(text: string): Condition[] {
  const parsed = parseConditions(text);
  if (!Array.isArray(parsed)) throw new Error(`default definition condition: ${parsed.errorEn}`);
  return parsed;
}

/** A figure the clerk types in 指标定义: blank until they do, so a new workbook carries no answers. */
function manual(id: string, name: string): FigureDefinition {
  return {
    id,
    name,
    ledger: null,
    aggregate: { kind: "count" },
    conditions: [],
    period: "all",
    format: "integer",
    manualValue: null,
  };
}

function counted(
  id: string,
  name: string,
  ledger: LedgerName,
  where: string,
  period: PeriodKind,
  format: FormatKind = "integer",
  aggregate: Aggregate = { kind: "count" },
): FigureDefinition {
  return {
    id,
    name,
    ledger,
    aggregate,
    conditions: conditions(where),
    period,
    format,
    manualValue: null,
  };
}

export const DEFAULT_DEFINITIONS: FigureDefinition[] = [
  manual("goals.count", "目标要求条数"),
  counted("study.topic.count", "专题学习党的二十大精神次数", "学习记录", "形式=专题学习; 主题~二十大", "current"),
  counted("study.seminar.count", "专题研讨次数", "学习记录", "形式=专题研讨", "current"),
  counted("study.youth_online.count", "青年线上学习研讨次数", "学习记录", "形式=线上研讨; 组织~青年", "current"),
  counted("study.lecture.count", "主题宣讲活动次数", "学习记录", "形式=主题宣讲", "current"),
  manual("xxqg.threshold", "学习强国约谈分数线"),
  manual("xxqg.rank", "学习强国全市排名（前N名）"),
  counted("eg.count", "电子保函笔数", "电子保函", "状态≠撤销", "toEnd"),
  counted("eg.firms", "服务企业家数", "电子保函", "状态≠撤销", "toEnd", "approx", {
    kind: "distinct",
    column: "统一社会信用代码",
    fallback: "投标企业",
  }),
  counted("eg.amount", "减少企业资金占用（亿元）", "电子保函", "状态≠撤销", "toEnd", "yi", {
    kind: "sum",
    column: "保证金金额",
  }),
  counted("partners.count", "党建共建单位数", "共建单位", "状态≠终止", "toEnd"),
  counted("community_groups.count", "加入社区群个数", "活动记录", "类型=社区群", "current"),
  counted("donations.count", "捐赠次数", "活动记录", "类型=捐赠", "current"),
  counted("teams.vanguard.count", "党员先锋队支数", "队伍", "类型=党员先锋队", "toEnd"),
  counted("teams.volunteer.count", "青年志愿服务队支数", "队伍", "类型=青年志愿服务队", "toEnd"),
  counted("cadres.baolian.count", "包联干部人数", "人员", "包联社区 非空", "all"),
  counted("cadres.commando.count", "派出青年突击队党员干部人数", "人员", "青年突击队=是", "all"),
  counted("staff.double_report.count", "双报到党员干部人数（含聘用人员）", "人员", "双报到社区 非空", "all"),
  counted("communities.count", "居住地社区个数", "人员", "双报到社区 非空", "all", "approx", {
    kind: "distinct",
    column: "双报到社区",
  }),
  counted("staff.commended.count", "受到表扬的工作人员人数", "人员", "表扬 非空", "all"),
];

/**
 * The hand values of the seed report (2022): the sample workbook's answers, and no one else's — a
 * new workbook leaves every 手工值 blank.
 */
export const SEED_MANUAL_VALUES: Readonly<Record<string, number>> = { "goals.count": 20, "xxqg.threshold": 40, "xxqg.rank": 10 };

/** The definitions with the seed report's hand values filled in (the sample workbook's 指标定义). */
export function withSeedManualValues(defs: readonly FigureDefinition[]): FigureDefinition[] {
  return defs.map((d) => (d.ledger === null && d.id in SEED_MANUAL_VALUES ? { ...d, manualValue: SEED_MANUAL_VALUES[d.id] } : d));
}

/**
 * The definition as a 指标定义 row, in DEFINITION_HEADERS order. A manual figure leaves 统计 and
 * 区间 blank when they are the defaults readDefinitions assumes, so the sheet stays readable.
 */
export function definitionToRow(def: FigureDefinition): (string | number)[] {
  const isManual = def.ledger === null;
  const aggregate = isManual && def.aggregate.kind === "count" ? "" : aggregateToText(def.aggregate);
  const period = isManual && def.period === "all" ? "" : periodLabel(def.period);
  return [
    def.id,
    def.name,
    def.ledger ?? "",
    aggregate,
    [conditionsToText(def.conditions), def.allowZero ? ALLOW_ZERO_CLAUSE : ""].filter(Boolean).join("; "),
    period,
    formatLabel(def.format),
    def.manualValue ?? "",
  ];
}
