// What the engine tells the clerk, by issue code, in Chinese and English — like the pane's strings:
// one place to read, reword or translate an issue, instead of a literal at each place that reports it.
// A text is a template: `{name}` takes the parameter of that name (the same names in both languages,
// checked by tests/core/messages.test.ts, which also checks that every text is used somewhere).
// A key is the issue's code, or `code#variant` where one code is worded differently by case.
import type { Issue, Severity } from "./types";

export const ISSUE_TEXTS = {
  // 指标定义: the sheet, then its rows (the cell is prefixed by the reader).
  "definition.no_header": {
    zh: "{sheet} 工作表中没有“指标ID”表头行，已使用默认指标",
    en: "Sheet {sheet} has no header row with 指标ID; the default figures are used",
  },
  "definition.missing_columns": {
    zh: "{sheet} 缺少列：{columns}，按空白读取",
    en: "Sheet {sheet} lacks the columns {columnsEn}; they are read as blank",
  },
  "definition.empty": {
    zh: "{sheet} 工作表没有指标定义行，已使用默认指标",
    en: "Sheet {sheet} has no figure definitions; the default figures are used",
  },
  "definition.bad_id#blank": { zh: "指标ID为空，该行未读取", en: "figure id is blank; the row is skipped" },
  "definition.bad_id": {
    zh: "指标ID无法识别：“{id}”，应为小写英文字母开头，仅含小写字母、数字、_ 和 .",
    en: 'figure id not valid: "{id}"; expected a lower-case letter followed by lower-case letters, digits, _ or .',
  },
  "definition.duplicate_id": { zh: "指标ID“{id}”重复，已在 {first} 定义", en: 'figure id "{id}" is a duplicate of {first}' },
  "definition.unknown_ledger": {
    zh: "台账无法识别：“{ledger}”，应为 {known} 之一，手工指标留空",
    en: 'ledger not recognised: "{ledger}"; expected one of {knownEn}, or blank for a manual figure',
  },
  "definition.bad_aggregate": {
    zh: "统计方式无法识别：“{aggregate}”，应为 计数、去重计数:<列>、求和:<列>、分组计数:<分组列>[:前N] 或 分组求和:<求和列>:<分组列>[:前N]",
    en: 'aggregate not recognised: "{aggregate}"; expected 计数 (count), 去重计数:<column> (distinct), 求和:<column> (sum), 分组计数:<group column>[:前N] (a table of counts) or 分组求和:<sum column>:<group column>[:前N] (a table of sums)',
  },
  "definition.bad_period": {
    zh: "区间无法识别：“{period}”，应为 本期、截至期末 或 全部",
    en: 'period not recognised: "{period}"; expected 本期 (current period), 截至期末 (up to the period end) or 全部 (all)',
  },
  "definition.bad_format": {
    zh: "格式无法识别：“{format}”，应为 整数、余、亿元、万元 或 百分比",
    en: 'format not recognised: "{format}"; expected 整数, 余, 亿元, 万元 or 百分比',
  },
  "definition.bad_manual_value": { zh: "手工值应为数字：“{value}”", en: 'manual value must be a number: "{value}"' },
  "definition.count_as_amount": {
    zh: "统计方式“{aggregate}”得出的是笔数/个数，不能用格式“{format}”（万元、亿元、百分比只用于“求和:<金额列>”或手工值）；请改为 整数 或 余",
    en: 'aggregate "{aggregate}" gives a count, which cannot be formatted as "{format}" (万元, 亿元 and 百分比 are for 求和:<amount column> or a manual value); use 整数 or 余',
  },
  "definition.manual_negative": {
    zh: "手工值 {value} 是负数，而指标是次数、人数或金额，不应为负；请核对",
    en: "manual value {value} is negative, but a figure counts or sums something and cannot be below zero; please check",
  },
  "definition.manual_rounded": {
    zh: "手工值 {value} 按格式“{format}”将写作 {written}；如需小数，请改格式或手工值",
    en: 'manual value {value} is written as {written} under the format "{format}"; change the format or the value if the decimals matter',
  },
  "definition.manual_percent_fraction": {
    zh: "手工值 {value} 按格式“百分比”将写作 {written}（%）；如这是 Excel 百分比单元格（显示为 {percent}%），请在手工值中直接填 {percent}",
    en: "manual value {value} is written as {written} (%) under 百分比; if it is an Excel percent cell (showing {percent}%), type {percent} as the manual value",
  },

  // 列名对照 (the clerk's own header names).
  "column_map.no_header": {
    zh: "{cell} “{sheet}”中找不到“台账 / 标准列名 / 工作簿列名”表头行，其中的列名对照未使用",
    en: '{cell}: "{sheet}" has no 台账 / 标准列名 / 工作簿列名 (ledger / standard column / workbook header) header row; none of its mappings is used',
  },
  "column_map.unknown_ledger": {
    zh: "{cell} 列名对照中的台账“{ledger}”不存在（应为 {known} 之一），此行未使用",
    en: '{cell}: 列名对照 names the ledger "{ledger}", which does not exist (expected one of {knownEn}); the row is not used',
  },
  "column_map.unknown_column": {
    zh: "{cell} “{ledger}”台账没有标准列“{column}”（可用：{known}），此行未使用",
    en: '{cell}: ledger {ledger} has no standard column "{column}" (its columns: {knownEn}); the row is not used',
  },
  "column_map.blank_header": {
    zh: "{cell} 列名对照中“{ledger} / {column}”的工作簿列名为空，此行未使用",
    en: "{cell}: the workbook header of 列名对照 row {ledger} / {column} is blank; the row is not used",
  },
  "column_map.conflict": {
    zh: "{cell} 列名“{header}”已在 {first} 对照为“{firstColumn}”，不能再对照为“{column}”，此行未使用",
    en: '{cell}: the header "{header}" is already mapped to {firstColumn} at {first}; it cannot also be {column}, so the row is not used',
  },
  "column_map.header_not_found": {
    zh: "{cell} 列名对照中的“{header}”不在“{ledger}”台账的表头中（表头：{headers}），此行未使用",
    en: '{cell}: the header "{header}" named in 列名对照 is not in the header row of ledger {ledger} (headers: {headersEn}); the row is not used',
  },

  // The engine: scope and figures the report shows but 指标定义 lacks.
  "settings.scope_unknown": {
    zh: "{at}统计范围“{scope}”不是任何台账中的部门；台账中的部门有：{departments}（或填“{all}”）。按该范围统计的指标显示为待补。",
    en: '{atEn}the scope "{scope}" is no department of any ledger; the ledgers name these departments: {departmentsEn} (or {all} for all). The figures it would limit are left unresolved.',
  },
  "settings.scope_unknown#no_departments": {
    zh: "{at}统计范围“{scope}”不是任何台账中的部门；台账中没有任何部门信息（没有“部门”列，工作表名也未写明部门），只能填“{all}”。按该范围统计的指标显示为待补。",
    en: '{atEn}the scope "{scope}" is no department of any ledger; the ledgers name no department at all (no 部门 column, no department in a sheet name); only {all} can be used. The figures it would limit are left unresolved.',
  },
  // A ledger with its header and no records (ledger/read.ts), and the figures it makes 0 (figures/evaluate.ts).
  "ledger.empty": {
    zh: "“{ledger}”台账还没有任何记录：请在表头（第 {headerRow} 行）下逐行填入，必填列：{required}。在此之前用到它的指标按 0 计入报告，生成和刷新会提示确认（条件写了“允许为零”或填了手工值的指标除外）",
    en: "Ledger {ledger} has no records yet: enter them row by row under its header (row {headerRow}); required columns: {requiredEn}. Until then the figures that use it are 0 in the report, and generate and refresh ask you to look at them (unless their 条件 says 允许为零 or they have a 手工值)",
  },
  "ledger.empty#figure_reason": {
    zh: "“{ledger}”台账还没有任何记录，按 0 计入",
    en: "ledger {ledger} has no records yet, so it is 0",
  },
  // 条件 `列~文字` (包含) whose text no record of the ledger contains (figures/evaluate.ts).
  "figure.condition_value_absent#contains": {
    zh: "{at}条件“{condition}”：“{ledger}”台账中没有一条记录的“{column}”包含“{text}”（{near}）。指标“{name}”显示为“{placeholder}”，不会写成 0；请改成台账中的写法，或确属为零时在条件末尾加“; {allowZero}”。",
    en: '{at}condition "{condition}": no record of ledger {ledger} has a {column} containing "{text}" ({nearEn}). Figure “{name}” shows {placeholder}, never 0; write the text as the ledger does, or add "; {allowZero}" to the conditions if 0 is right.',
  },
  "figure.condition_value_absent#contains_reason": {
    zh: "条件“{condition}”：没有一条记录的“{column}”包含“{text}”（{near}）",
    en: 'condition "{condition}": no record\'s {column} contains "{text}" ({nearEn})',
  },
  "figure.condition_value_allowed_zero#contains": {
    zh: "{at}条件“{condition}”：台账中还没有一条记录的“{column}”包含“{text}”，按“{allowZero}”计算指标“{name}”",
    en: '{at}condition "{condition}": no record\'s {column} contains "{text}" yet; figure “{name}” is counted as {allowZero} says',
  },
  "figure.not_defined": {
    zh: "报告中有指标“{name}”（{id}），但“指标定义”中没有这一行：报告中改为显示“{placeholder}”。",
    en: "The report shows figure {id} ({name}), which 指标定义 does not define (any more); the report now shows the placeholder {placeholder}.",
  },
  "figure.not_defined#template": {
    zh: "报告模板使用指标“{name}”（{id}），但“指标定义”中没有这一行：报告中显示为“{placeholder}”。",
    en: "The report template uses figure {id} ({name}), which 指标定义 does not define; the report shows the placeholder {placeholder}.",
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type IssueTextKey = keyof typeof ISSUE_TEXTS;
export type TextParams = Record<string, string | number>;

/** The issue code a text key words: the key without its `#variant`. */
export function codeOf(key: IssueTextKey): string {
  const hash = key.indexOf("#");
  return hash < 0 ? key : key.slice(0, hash);
}

/**
 * The two texts of a key with its parameters put in. A parameter not given stays visible as `{name}`
 * (a wording slip shows in the message; it never silently drops a number).
 */
export function issueText(key: IssueTextKey, params: TextParams = {}): { message: string; messageEn: string } {
  const text = ISSUE_TEXTS[key];
  return { message: fillTemplate(text.zh, params), messageEn: fillTemplate(text.en, params) };
}

/** An issue from the catalogue; `cell` and `ledger` are set only when given. */
export function catalogueIssue(
  severity: Severity,
  key: IssueTextKey,
  params: TextParams,
  where: { cell?: string; ledger?: string } = {},
): Issue {
  const issue: Issue = { severity, code: codeOf(key), ...issueText(key, params) };
  if (where.cell !== undefined) issue.cell = where.cell;
  if (where.ledger !== undefined) issue.ledger = where.ledger;
  return issue;
}

function fillTemplate(template: string, params: TextParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
