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
  "definition.outside_table": {
    zh: "{cell} 这一行在表格“{table}”下方，不在表格内，没有作为指标读取。如果它是一个指标，请扩展表格把它包含进来（表设计 → 调整表格大小）",
    en: "{cell}: this row is below table {table}, outside it, and was not read as a figure. If it is one, extend the table to include it (Table Design → Resize Table)",
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
  "definition.manual_chinese_numeral": {
    zh: "{cell} 手工值“{value}”按数字 {number} 读取；报告中写作阿拉伯数字",
    en: '{cell} manual value "{value}" is read as the number {number}; the report writes it in Arabic digits',
  },
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

  // 报告设置 (report settings) and the overrides a caller gives (--year, the pane's choices).
  "settings.no_header": {
    zh: "工作表“{sheet}”中没有“项目/值”表头行，已使用默认设置。",
    en: "Sheet {sheet} has no 项目/值 (item/value) header row; default settings are used.",
  },
  "settings.missing": {
    zh: "工作簿中没有“{sheet}”工作表：按 {year} 年全年统计，单位名称、述职人等留空（可用“初始化工作簿”创建该表）。",
    en: 'The workbook has no {sheet} (report settings) sheet: the whole year {year} is counted and the names are left blank ("Set up workbook" creates it).',
  },
  "settings.year_outside_period": {
    zh: "年度 {year} 不在统计期间 {start} 至 {end} 内，请核对。",
    en: "Year {year} is outside the period {start} to {end}; please check.",
  },
  "settings.bad_value#year": {
    zh: "{cell}：{label}“{value}”不是有效的年份，已使用 {fallback}。",
    en: '{cell}: {label} "{value}" is not a valid year; using {fallback}.',
  },
  "settings.bad_value#date": {
    zh: "{cell}：{label}“{value}”不是有效的日期（可写 2022-01-01、2022/1/1 或 2022年1月1日），已使用 {fallback}。",
    en: '{cell}: {label} "{value}" is not a date (write 2022-01-01, 2022/1/1 or 2022年1月1日); using {fallback}.',
  },
  "settings.excel_error": {
    zh: "{cell}：{label}是错误值 {value}，已使用默认值。",
    en: "{cell}: {label} is the error value {value}; the default is used.",
  },
  "settings.blank#year": {
    zh: "{cell}：年度为空，已按 {year} 年计算。请填写报告年度。",
    en: "{cell}: 年度 (year) is blank; {year} is used. Fill in the report year.",
  },
  "settings.blank": {
    zh: "{cell}：{label}为空，报告中相应位置显示为“［待补：{label}］”。",
    en: "{cell}: {label} is blank; the report shows the placeholder ［待补：{label}］ there.",
  },
  "settings.period_reversed": {
    zh: "{at}：期间结束 {end} 早于期间开始 {start}，已使用 {year} 年全年。",
    en: "{at}: period end {end} is before period start {start}; using the whole year {year}.",
  },
  "settings.period_reversed#given": {
    zh: "期间结束 {end} 早于期间开始 {start}，已使用 {year} 年全年。",
    en: "Period end {end} is before period start {start}; using the whole year {year}.",
  },
  "settings.items_missing": {
    zh: "{sheet}中没有这些项目：{items}，报告中相应位置显示为“［待补：…］”（可在“项目”列添加）。",
    en: "{sheet} lacks these items: {itemsEn}; the report shows placeholders (［待补：…］) there (add them in the 项目 column).",
  },
  "settings.template_unknown": {
    zh: "{cell}：没有名为“{template}”的报告模板，已使用内置模板 {builtIn}。",
    en: '{cell}: there is no report template "{template}"; the built-in template {builtIn} is used.',
  },
  "settings.bad_override": {
    zh: "指定的{label}“{value}”无效，已忽略。",
    en: 'The {labelEn} given ("{value}") is not valid and was ignored.',
  },

  // Refreshing a report from the ledgers.
  "refresh.workbook_year_differs": {
    zh: "{at}工作簿的年度是 {year}，而这份报告是 {reportYear} 年的（期间 {start} 至 {end}）：已按报告的期间刷新。如要生成 {year} 年的报告，请加 --year {year}。",
    en: "{atEn}the workbook's year is {year}, but this report is for {reportYear} (period {start} to {end}): refreshed for the report's period. For the {year} report, add --year {year}.",
  },
  // Next year's report from last year's: what carries over unchanged is said, never passed silently.
  "refresh.manual_carried": {
    zh: "{at}{name} {text} 仍是 {year} 年的手工值，请在报告设置/指标定义中核对。",
    en: "{atEn}{name} {text} is still the hand-entered value of {year}: check it in 报告设置/指标定义.",
  },
  "refresh.signature_date_early": {
    zh: "{at}落款日期 {date} 早于新报告期间的结束日 {end}，请在“报告设置”中改为 {reportYear} 年度结束之后的日期。",
    en: "{atEn}the signature date {date} is before the end of the new report's period, {end}: set a date after {reportYear} ends in 报告设置.",
  },
  "refresh.next_year_workbook_year": {
    zh: "{at}工作簿的年度是 {year}，而新报告是 {reportYear} 年度的（期间 {start} 至 {end}）：请确认台账已记到 {reportYear} 年，并把“报告设置”中的年度改为 {reportYear}。",
    en: "{atEn}the workbook's year is {year}, but the new report is for {reportYear} (period {start} to {end}): make sure the ledgers hold {reportYear}'s records, and set the year in 报告设置 to {reportYear}.",
  },
  "refresh.other_workbook": {
    zh: "这份报告是由另一个工作簿生成的（报告记录的工作簿ID为 {reportId}，当前工作簿“报告设置”中为 {workbookId}）。已按您的确认用当前工作簿刷新。",
    en: "this report was generated from another workbook (the report records workbook ID {reportId}; 报告设置 of this workbook says {workbookIdEn}). Refreshed from this workbook as you confirmed.",
  },

  // `fill`: a {{placeholder}} left as typed in the clerk's document (adapters/docx/fill.ts), said with
  // where it stands (正文/页眉/页脚, paragraph, its text) and why.
  "fill.unknown_placeholder": {
    zh: "{where}第 {paragraph} 段“{text}”中的 {typed} 不是任何指标（编号或名称）或报告设置项的名称，已原样保留。{near}",
    en: '{typed} in paragraph {paragraph} of the {whereEn} ("{text}") names no figure (id or name) and no 报告设置 item; it was left as typed.{nearEn}',
  },
  "fill.unknown_placeholder#near": {
    zh: "是不是“{name}”？",
    en: 'Did you mean "{name}"?',
  },
  "fill.unknown_placeholder#broken_definition": {
    zh: "{where}第 {paragraph} 段中的 {typed} 对应的指标定义有误，没有算出数字，已原样保留：请改正 {cell}（{error}）。",
    en: "{typed} in paragraph {paragraph} of the {whereEn} names a figure whose definition is broken; it was left as typed. Correct {cell} ({errorEn}).",
  },
  "fill.placeholder_not_converted": {
    zh: "{where}第 {paragraph} 段中的 {typed} {why}，无法转为指标，已原样保留：请在 Word 中重新输入这个占位符。",
    en: "{typed} in paragraph {paragraph} of the {whereEn} cannot become a figure ({whyEn}); it was left as typed. Type the placeholder again in Word.",
  },
  "fill.placeholder_not_converted#table": {
    zh: "表格指标须单独成段：{where}第 {paragraph} 段“{text}”中的 {typed} {why}，已原样保留（不会把表格压成一行文字）：请把它单独放在正文或表格单元格的一段里。",
    en: 'A table figure needs a paragraph of its own: {typed} in paragraph {paragraph} of the {whereEn} ("{text}") {whyEn}; it was left as typed (a table is never flattened into a line of text). Put it alone in a paragraph of the body or of a table cell.',
  },
  // `{why}` of placeholder_not_converted: what keeps the placeholder from becoming a control.
  "fill.refused#crosses_edge": {
    zh: "跨越了超链接、域或修订的边界",
    en: "it crosses the edge of a hyperlink, field or revision",
  },
  "fill.refused#lies_inside": {
    zh: "中间夹有 {name}",
    en: "a {name} lies inside it",
  },
  "fill.refused#table_in_header": {
    zh: "在页眉或页脚中，那里不放表格",
    en: "is in a header or footer, where no table goes",
  },
  "fill.refused#table_shares_paragraph": {
    zh: "与其他文字同在一段",
    en: "shares its paragraph with other text",
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
  // A ledger with its header and no records (ledger/read.ts); the figures it makes 0 say so by UNRESOLVED_TEXTS.ledger_empty.
  "ledger.empty": {
    zh: "“{ledger}”台账还没有任何记录：请在表头（第 {headerRow} 行）下逐行填入，必填列：{required}。在此之前用到它的指标按 0 计入报告，生成和刷新会提示确认（条件写了“允许为零”或填了手工值的指标除外）",
    en: "Ledger {ledger} has no records yet: enter them row by row under its header (row {headerRow}); required columns: {requiredEn}. Until then the figures that use it are 0 in the report, and generate and refresh ask you to look at them (unless their 条件 says 允许为零 or they have a 手工值)",
  },
  // 条件 `列~文字` (包含) whose text no record of the ledger contains (figures/evaluate.ts).
  "figure.condition_value_absent#contains": {
    zh: "{at}条件“{condition}”：“{ledger}”台账中没有一条记录的“{column}”包含“{text}”（{near}）。指标“{name}”显示为“{placeholder}”，不会写成 0；请改成台账中的写法，或确属为零时在条件末尾加“; {allowZero}”。",
    en: '{at}condition "{condition}": no record of ledger {ledger} has a {column} containing "{text}" ({nearEn}). Figure “{name}” shows {placeholder}, never 0; write the text as the ledger does, or add "; {allowZero}" to the conditions if 0 is right.',
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

  // Reading the ledgers: the workbook, each ledger's header, then its rows (`{at}` is the cell).
  "workbook.no_ledger": {
    zh: "工作簿中未找到任何台账：工作表或表格名称应包含台账名称（{names}）",
    en: "No ledger found in the workbook: a sheet or table name must contain a ledger name ({namesEn})",
  },
  "ledger.missing#optional": {
    // Said before 指标定义 is read: true whether or not a 手工值 is filled (a blank one leaves the figure unresolved).
    zh: "未找到可选台账“{ledger}”：用到它的指标使用“指标定义”中的手工值，手工值为空的指标显示为待补",
    en: "Optional ledger {ledgerEn} not found: its figures use their manual values from 指标定义, and those whose manual value is blank stay unresolved",
  },
  // A ledger's rows read from a sheet hidden in Excel (ledger/read.ts): counted, but nobody sees them.
  "sheet.hidden": {
    zh: "工作表“{sheet}”是隐藏的，其中 {rows} 行已作为“{ledger}”台账计入指标{copy}：请取消隐藏后核对；若是多余的副本，请删除该工作表",
    en: "Sheet {sheet} is hidden, and its {rows} row(s) are counted as ledger {ledger}{copyEn}: unhide it and check; if it is a copy left over, delete the sheet",
  },
  "ledger.missing": {
    zh: "未找到“{ledger}”台账：应有名称包含“{names}”的工作表或表格",
    en: "Ledger {ledgerEn} not found: expected a sheet or table whose name contains {namesEn}",
  },
  "merges.unknown": {
    zh: "{where}：无法读取合并单元格，合并区域中除左上角外的单元格按空白读取",
    en: "{whereEn}: merged cells could not be read; cells of a merged area other than its top-left read as blank",
  },
  "ledger.no_header": {
    zh: "{where}：前{rows}行中找不到“{ledger}”台账的表头，应包含：{expected}",
    en: "{whereEn}: no header row for ledger {ledger} in the first {rows} rows; expected columns: {expectedEn}",
  },
  "column.not_used": {
    zh: "{at}「{header}」未作为“{column}”读取：已使用 {otherAt}「{otherHeader}」{mapped}；本列按原列名保留，仅供条件使用",
    en: '{at} "{header}" is not read as {column}: {otherAt} "{otherHeader}" is{mappedEn}; this column is kept under its own header, for conditions only',
  },
  "ledger.missing_column#suggestion": {
    zh: "{cell}「{header}」是不是“{column}”？{where}：第{row}行表头缺少必填列“{column}”，整列未读取，用到“{column}”的指标无法计算。若是，请在“{mapSheet}”工作表添加一行：{line}",
    en: '{cell} "{header}": is this {columnEn}? In {whereEn}, the header in row {row} lacks the required column {columnEn}; the whole column is ignored and figures that use {column} cannot be computed. If it is, add a row to sheet {mapSheet}: {line}',
  },
  "ledger.column_suggestion": {
    zh: "{cell}「{header}」是不是“{column}”？{where}：第{row}行表头没有“{column}”列，整列未读取，用到“{column}”的指标无法计算。若是，请在“{mapSheet}”工作表添加一行：{line}",
    en: '{cell} "{header}": is this {columnEn}? In {whereEn}, the header in row {row} has no column {columnEn}; the whole column is ignored and figures that use {column} cannot be computed. If it is, add a row to sheet {mapSheet}: {line}',
  },
  "ledger.missing_column": {
    zh: "{cell} {where}：第{row}行表头缺少必填列“{column}”，也没有相近的列名；整列未读取，用到“{column}”的指标无法计算。请添加该列，或在“{mapSheet}”工作表写明哪一列是“{column}”（台账 / 标准列名 / 工作簿列名）",
    en: "{cell}: in {whereEn}, the header in row {row} lacks the required column {columnEn} and no header is close to it; the whole column is ignored and figures that use {column} cannot be computed. Add the column, or name the header that holds it in sheet {mapSheet} (台账 / 标准列名 / 工作簿列名)",
  },
  "ledger.missing_column#header_unsure": {
    zh: "{cell}「{header}」是不是“{column}”？{where}：第{row}行像是表头，但缺少必填列“{column}”，整张表未读取。若是，请在“{mapSheet}”工作表添加一行：{line}",
    en: '{cell} "{header}": is this {columnEn}? In {whereEn}, row {row} looks like the header but lacks the required column {columnEn}, so the whole sheet is ignored. If it is, add a row to sheet {mapSheet}: {line}',
  },
  "row.total_skipped": {
    zh: "{at} “{text}”行是合计行，不是记录，已跳过",
    en: "{at}: total row ({text}) is not a record and was skipped",
  },
  "row.notes_skipped": {
    zh: "{at} 注释、制表人等 {lines} 行不是记录，已跳过；这些行下方的行不作为记录读取",
    en: "{at}: {lines} note or signature line(s) (注：, 制表人 …) are not records and were skipped; rows below them are not read as records",
  },
  "row.outside_table#beside": {
    zh: "{at} 这一行的数据在表格“{table}”旁边，不在表格的列中，没有作为记录读取。如果它是一条记录，请把它移进表格，或扩展表格（表设计 → 调整表格大小）",
    en: "{at}: this row's data is beside table {table}, outside its columns, and was not read as a record. If it is a record, move it into the table or extend the table (Table Design → Resize Table)",
  },
  "row.outside_table": {
    zh: "{at} 这一行在表格“{table}”下方，不在表格内，没有作为记录读取。如果它是一条记录，请扩展表格把它包含进来（表设计 → 调整表格大小）",
    en: "{at}: this row is below table {table}, outside it, and was not read as a record. If it is a record, extend the table to include it (Table Design → Resize Table)",
  },
  "row.after_notes": {
    zh: "{at} 这一行在第{noteRow}行的注释/制表人行下方，没有作为记录读取。如果它是一条记录，请把它移到合计行和制表人行的上方",
    en: "{at}: this row is below the note/signature line in row {noteRow} and was not read as a record. If it is a record, move it above the total and signature lines",
  },
  "required.blank": { zh: "{at} {column}为必填项，不能为空", en: "{at}: {column} is required but blank" },
  "date.blank": {
    zh: "{at} {column}为空：按期末前已有计入“截至期末”和“全部”的统计，不计入“本期”的统计；请填写{column}",
    en: "{at}: {column} is blank; counted as existing by the period end (in 截至期末 and 全部 figures) but in no 本期 figure — fill in the date",
  },
  "date.unparseable#excel_error": { zh: "{at} 日期为错误值：{shown}", en: "{at}: the date cell holds the error {shown}" },
  "date.unparseable": { zh: "{at} 日期无法识别：“{shown}”", en: '{at}: date not recognised: "{shown}"' },
  "date.after_period": {
    zh: "{at} 日期 {date} 晚于报告期末 {periodEnd}，不计入截至期末的统计",
    en: "{at}: date {date} is after the period end {periodEnd}; not counted in figures up to the period end",
  },
  "number.invalid#excel_error": { zh: "{at} {column}为错误值：{shown}", en: "{at}: {column} holds the error {shown}" },
  "number.invalid": { zh: "{at} {column}不是数字：“{shown}”", en: '{at}: {column} is not a number: "{shown}"' },
  "number.invalid#not_whole": { zh: "{at} {column}应为整数：“{shown}”", en: '{at}: {column} must be a whole number: "{shown}"' },
  "number.negative": { zh: "{at} {column}不能为负数：“{shown}”", en: '{at}: {column} cannot be negative: "{shown}"' },
  "enum.unknown_status": {
    zh: "{at} {column}“{shown}”无法识别，应为：{words}（或留空表示“{blankMeans}”）；在改为其中之一之前，该行不计入任何指标",
    en: '{at}: {column} "{shown}" is not recognised; it must be one of {wordsEn} (or blank for {blankMeans}); the row is left out of every figure until it is',
  },
  "enum.unknown#other": {
    zh: "{at} {column}“{shown}”不在可选值（{allowed}）中，按“其他”统计",
    en: '{at}: {column} "{shown}" is not one of {allowedEn}; counted as 其他',
  },
  "enum.unknown": {
    zh: "{at} {column}“{shown}”不在可选值（{allowed}）中，按原值保留",
    en: '{at}: {column} "{shown}" is not one of {allowedEn}; kept as written',
  },
  "creditcode.invalid": {
    zh: "{at} 统一社会信用代码“{shown}”有误：{why}",
    en: '{at}: unified social credit code "{shown}" is invalid: {whyEn}',
  },
  // Said of the rows, not of figures: neither row may count (both of 2021, or 撤销). A figure that did
  // count both carries rowsCountedTwice and says "may be too large" itself (figures/counted-twice.ts).
  "key.duplicate": {
    zh: "{at} {column}“{shown}”与 {first} 重复：两行都作为记录读取，请核对后删去或改正其中一行",
    en: '{at}: {column} "{shown}" duplicates {first}; both rows are read as records — check them and delete or correct one',
  },
  // A ledger without a key (学习记录, 人员 …): a row the same as an earlier one in every value read (ledger/repeats.ts).
  "row.repeated": {
    zh: "{at} 这一行与 {first} 所在行的每一项都相同（如复制出的工作表）：两行都作为记录读取，请核对后删去多余的一行",
    en: "{at}: this row repeats the row of {first} in every value (as a copied sheet does); both rows are read as records — check them and delete the extra one",
  },
  "cell.excel_error": { zh: "{at} {column}为错误值：{shown}", en: "{at}: {column} holds the error {shown}" },
  // Many cells of one column with one problem: one issue of the first one's code, around its own words.
  "flood.same_problem": {
    zh: "同一列共 {count} 处同类问题（{range}），如 {cells} 等。{first}：{problem}",
    en: "{count} cells of one column have the same problem ({range}), such as {cellsEn}. {first}: {problemEn}",
  },
  // The same, of a problem about whole rows (row.*: a repeated row, a total line, a row outside the table).
  "flood.same_problem#rows": {
    zh: "共 {count} 行有同类问题（{range}），如 {cells} 等。{first}：{problem}",
    en: "{count} rows have the same problem ({range}), such as {cellsEn}. {first}: {problemEn}",
  },

  // Evaluating figures: rows the engine reads differently from what they say, and figures without a number.
  "partner.terminated_without_date": {
    zh: "{where} 状态为终止，但没有终止日期：按期末前已终止计算。请填写终止日期，以便往年报告保持原数。",
    en: "{whereEn}: 状态 is 终止 (terminated) but 终止日期 is blank; counted as terminated before the period end. Fill in the date so earlier reports keep their figures.",
  },
  "partner.active_with_end_date": {
    zh: "{where} 状态为有效{blank}，但终止日期 {day} 表明期末（{periodEnd}）前已终止：按已终止计算。如仍在共建，请删去终止日期；否则请把状态改为终止。",
    en: "{whereEn}: 状态 says 有效 (active){blankEn} but 终止日期 {day} says it ended by the period end ({periodEnd}); counted as ended. Clear the date if the partnership goes on, or set 状态 to 终止.",
  },
  "figure.ledger_missing": {
    zh: "{ledger} 台账缺失，指标“{name}”使用手工值",
    en: 'Ledger {ledger} is missing; figure "{name}" uses its manual value',
  },
  "figure.manual_for_empty_ledger": {
    zh: "{ledger} 台账还没有记录，指标“{name}”使用手工值 {value}",
    en: 'Ledger {ledger} has no records yet; figure "{name}" uses its manual value {value}',
  },
  "figure.manual_not_used": {
    zh: "{ledger} 台账已有记录，指标“{name}”按台账计算，手工值 {value} 不再使用",
    en: 'Ledger {ledger} has records; figure "{name}" is counted from it and its manual value {value} is no longer used',
  },
  // One wording for every code that leaves a figure without a number (the code says why).
  "figure.unresolved": {
    zh: "指标“{name}”无法计算：{reason}。报告中显示为“{placeholder}”，不会写成 0。",
    en: 'Figure "{name}" cannot be computed: {reasonEn}. The report shows the placeholder {placeholder}, never 0.',
  },
  "figure.condition_value_allowed_zero": {
    zh: "{prefix}条件“{column}={value}”：台账中还没有这个值，按“允许为零”计算指标“{name}”",
    en: '{prefix}condition "{column}={value}": no record has this value yet; figure “{name}” is counted as 允许为零 says',
  },
  "figure.condition_value_absent": {
    zh: "{prefix}条件“{column}={value}”在“{ledger}”台账中一条记录也没有（{near}）。指标“{name}”显示为“{placeholder}”，不会写成 0；请改成台账中的写法，或确属为零时在条件末尾加“; {allowZero}”。",
    en: '{prefix}condition "{column}={value}" matches no record of ledger {ledger} ({nearEn}). Figure “{name}” shows the placeholder {placeholder}, never 0; write the value as the ledger does, or add "; {allowZero}" to the conditions if 0 is right.',
  },
  "figure.sum_not_numbers": {
    zh: "{prefix}统计“求和:{column}”无法计算：“{ledger}”台账的“{column}”列中没有数字（{found}）。指标“{name}”显示为“{placeholder}”，不会写成 0；请求和一个金额或数量列，或改用 计数。",
    en: '{prefix}aggregate "求和:{column}" cannot be computed: column {column} of ledger {ledger} holds no number ({foundEn}). Figure “{name}” shows the placeholder {placeholder}, never 0; sum an amount or quantity column, or use 计数 (count).',
  },
  // The reason a figure of such a ledger carries (zeroToSee), said once per ledger in a review.
  "figure.period_empty#figure_reason": {
    zh: "“{ledger}”台账在{period} 内没有记录，按 0 计入",
    en: "ledger {ledger} has no record in {periodEn}, so it is 0",
  },
  "figure.period_empty": {
    zh: "{at}“{ledger}”台账有 {records} 条记录，但没有一条在{period} 内，{dated}；用到它的指标（如“{name}”）按 0 计入报告。请确认 0 无误，或核对“报告设置”中的年度和期间。",
    en: '{atEn}ledger {ledger} has {records} record(s), none in {periodEn}; {datedEn}. Its figures (such as "{name}") are 0 in the report: make sure 0 is right, or check the year and period in 报告设置.',
  },
  "figure.not_shown#note": {
    zh: "（“{name}”不在本文档中。）",
    en: ' ("{name}" is not in this document.)',
  },
  "figure.department_blank": {
    zh: "{cell}：“{ledger}”台账有 {rows} 行未填部门，未计入 {scope} 的统计（{where}）；全部门的报告计入这些行。如它们属于 {scope}，请在“部门”列填上。",
    en: "{cell}: {rows} row(s) of ledger {ledger} have a blank 部门 (department) and are not counted for {scope} ({whereEn}); the all-department report counts them. If they belong to {scope}, fill in 部门.",
  },
  "figure.sum_text_cell": {
    zh: "{cell}“{text}”不是数字，未计入“{name}”（求和:{column}）；如是金额或数量，请只填数字",
    en: '{cell} "{text}" is not a number and is not added into “{name}” (求和:{column}); type the number alone if it is an amount',
  },
  "figure.sum_text_cell#many": {
    zh: "“{column}”列共 {count} 个单元格不是数字（如 {cells} 等；{first}“{text}”），未计入“{name}”（求和:{column}）；如是金额或数量，请只填数字",
    en: '{count} cells of column {column} are not numbers (such as {cellsEn}; {first} "{text}") and are not added into “{name}” (求和:{column}); type the numbers alone if they are amounts',
  },
  // One firm under two codes, or one code for two firms (figures/identity.ts): each alone while few, else grouped.
  "figure.identity_name_codes": {
    zh: "{nameColumn}“{shared}”有 {count} 个{codeColumn}：{listed}，按 {count} 家计入“{figureName}”；如是同一家，请统一{codeColumn}",
    en: '{nameColumn} "{shared}" has {count} different {codeColumn} values: {listedEn}; counted as {count} in "{figureName}". If it is one firm, make its codes the same',
  },
  "figure.identity_code_names": {
    zh: "{codeColumn} {shared} 对应 {count} 个{nameColumn}：{listed}，按 1 家计入“{figureName}”；请核对名称",
    en: '{codeColumn} {shared} stands with {count} different {nameColumn} values: {listedEn}; counted once in "{figureName}". Please check the names',
  },
  "figure.identity_name_codes#many": {
    zh: "{count} 个{nameColumn}各有不止一个{codeColumn}（如 {cells} 等）。例如：{examples}",
    en: "{count} {nameColumn} values each have more than one {codeColumn} (such as {cellsEn}). For example: {examplesEn}",
  },
  "figure.identity_code_names#many": {
    zh: "{count} 个{codeColumn}各对应不止一个{nameColumn}（如 {cells} 等）。例如：{examples}",
    en: "{count} {codeColumn} values each stand with more than one {nameColumn} (such as {cellsEn}). For example: {examplesEn}",
  },
  "figure.date_column_missing": {
    zh: "{ledger} 台账没有“{column}”列，指标“{name}”按全部记录计算",
    en: 'Ledger {ledger} has no column "{column}"; figure "{name}" counts all records',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

/**
 * Why a figure has no number (its `unresolved`; and `zeroToSee`, a 0 to be seen), keyed by the
 * unresolved code, under the same template rules: the reason is the part after “无法计算：” in
 * figure.unresolved's text, and what the CLI and the pane list beside the figure's name. A
 * `code#variant` is one code worded by case, or a piece of that code's reason (the values near a
 * mistyped one, what a column holds instead of numbers).
 */
export const UNRESOLVED_TEXTS = {
  manual_blank: {
    zh: "手工指标的手工值为空",
    en: "it is a manual figure and its manual value is blank",
  },
  ledger_missing: {
    zh: "未找到“{ledger}”台账，手工值也为空",
    en: "ledger {ledger} is missing and the manual value is blank",
  },
  scope_unknown: {
    zh: "统计范围“{scope}”不是任何台账中的部门",
    en: 'the scope "{scope}" is no department of any ledger',
  },
  scope_no_department: {
    zh: "{sheet} 中的“{ledger}”记录没有部门信息（没有“部门”列，工作表名也未写明部门），无法只统计“{scope}”",
    en: 'the {ledger} records in {sheet} say nothing about their department (no 部门 column, no department in the sheet name), so they cannot be limited to "{scope}"',
  },
  "scope_no_department#blank": {
    zh: "{sheet} 中的“{ledger}”记录没有部门信息（“部门”列全是空白，工作表名也未写明部门），无法只统计“{scope}”",
    en: 'the {ledger} records in {sheet} say nothing about their department (their 部门 column is blank in every row, and the sheet name names none), so they cannot be limited to "{scope}"',
  },
  scope_not_in_ledger: {
    zh: "“{ledger}”台账中没有部门为“{scope}”的记录（其中的部门：{found}），无法判断“{scope}”是没有此项还是记在别处",
    en: 'no {ledger} record belongs to "{scope}" (its departments: {foundEn}), so a 0 could not tell "none" from "kept elsewhere"',
  },
  column_missing: {
    zh: "“{ledger}”台账中没有{role}“{column}”",
    en: 'ledger {ledger} has no {roleEn} "{column}"',
  },
  "column_missing#sheet": {
    zh: "{sheet} 中没有{role}“{column}”",
    en: '{sheet} has no {roleEn} "{column}"',
  },
  // `{role}` of column_missing: what the column is to the figure (“没有条件列‘形式’”).
  "column_missing#role_condition": {
    zh: "条件列",
    en: "condition column",
  },
  "column_missing#role_sum": {
    zh: "求和列",
    en: "sum column",
  },
  "column_missing#role_distinct": {
    zh: "去重计数列",
    en: "distinct-count column",
  },
  "column_missing#role_date": {
    zh: "日期列",
    en: "date column",
  },
  "column_missing#role_group": {
    zh: "分组列",
    en: "group column",
  },
  condition_value_absent: {
    zh: "条件“{column}={value}”在台账中一条记录也没有（{near}）",
    en: 'condition "{column}={value}" matches no record ({nearEn})',
  },
  "condition_value_absent#contains": {
    zh: "条件“{condition}”：没有一条记录的“{column}”包含“{text}”（{near}）",
    en: 'condition "{condition}": no record\'s {column} contains "{text}" ({nearEn})',
  },
  // `{near}` of condition_value_absent (and of its issues): the values like the one typed, else the column's first few.
  "condition_value_absent#nearest": {
    zh: "最接近的有：{values}",
    en: "the nearest found: {valuesEn}",
  },
  "condition_value_absent#values": {
    zh: "该列的值有：{values}",
    en: "the column holds {valuesEn}",
  },
  "condition_value_absent#values_more": {
    zh: "该列的值有：{values} 等",
    en: "the column holds {valuesEn}, …",
  },
  "condition_value_absent#no_values": {
    zh: "该列没有任何值",
    en: "the column holds no value",
  },
  sum_not_numbers: {
    zh: "“{column}”列中没有数字（{found}），无法求和",
    en: "column {column} holds no number ({foundEn}), so it cannot be summed",
  },
  // `{found}` of sum_not_numbers (and of figure.sum_not_numbers): what the column holds instead.
  "sum_not_numbers#text_cells": {
    zh: "{count} 个单元格都是文字，如 {cell}“{text}”",
    en: 'its {count} filled cells are text, such as {cell} "{text}"',
  },
  "sum_not_numbers#blank": {
    zh: "整列都是空白",
    en: "it is blank in every record",
  },
  // A counted 0, not an unresolved figure: FigureResult.zeroToSee.
  ledger_empty: {
    zh: "“{ledger}”台账还没有任何记录，按 0 计入",
    en: "ledger {ledger} has no records yet, so it is 0",
  },
  definition_error: {
    zh: "“指标定义”中这一行有误：{error}",
    en: "its 指标定义 row has an error: {errorEn}",
  },
  not_defined: {
    zh: "“指标定义”中没有指标 {id}",
    en: "指标定义 has no figure {id}",
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type IssueTextKey = keyof typeof ISSUE_TEXTS;
export type UnresolvedTextKey = keyof typeof UNRESOLVED_TEXTS;
type RoleOf<K> = K extends `column_missing#role_${infer Role}` ? Role : never;
/** What a column a figure needs is to it (`condition`, `sum` …), worded by column_missing#role_<role>. */
export type ColumnRole = RoleOf<UnresolvedTextKey>;
export type TextParams = Record<string, string | number>;
/** The code a key words: the key without its `#variant`. */
export type CodeOf<K extends string> = K extends `${infer Code}#${string}` ? Code : K;
/** Every code a figure's `unresolved` (or `zeroToSee`) can have: each has its text above. */
export type UnresolvedCode = CodeOf<UnresolvedTextKey>;

/** The issue code a text key words: the key without its `#variant`. */
export function codeOf<K extends string>(key: K): CodeOf<K> {
  const hash = key.indexOf("#");
  return (hash < 0 ? key : key.slice(0, hash)) as CodeOf<K>;
}

/** The `{role}` of column_missing in both languages (“条件列”, "condition column"). */
export function roleParams(role: ColumnRole): TextParams {
  const { reason, reasonEn } = unresolvedText(`column_missing#role_${role}`);
  return { role: reason, roleEn: reasonEn };
}

/** Why a figure has no number, by its code: the code and both reasons (the caller adds the cell). */
export function unresolvedText<K extends UnresolvedTextKey>(
  key: K,
  params: TextParams = {},
): { code: CodeOf<K>; reason: string; reasonEn: string } {
  const text = UNRESOLVED_TEXTS[key];
  return { code: codeOf(key), reason: fillTemplate(text.zh, params), reasonEn: fillTemplate(text.en, params) };
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

/** A template with its `{name}`s put in; a parameter not given stays visible as `{name}`. */
export function fillTemplate(template: string, params: TextParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
