// What the command line itself says — its refusals (exit 2), the reasons to look (exit 1), its listings
// and summaries — in Chinese and English, in one place to read, reword or translate, as the engine's
// issues are in core/messages.ts. The same template rules: `{name}` takes the parameter of that name,
// `{nameEn}` its English wording (a list joined with commas instead of 、); tests/cli/messages.test.ts
// checks both languages take the same parameters and that every text is used somewhere.
// A key is the error or reason code it words where it has one (`output.exists`), or `code#variant`.
// (help.ts keeps each command's help as one whole bilingual text: a clerk reads the Chinese line and an
// IT admin the English one below it, whatever --lang says.)
import type { MessageLang } from "../core/errors";
import { fillTemplate, type TextParams } from "../core/messages";

export type Lang = MessageLang;

export const CLI_TEXTS = {
  // Small pieces the texts below put together, punctuated as each language punctuates.
  aside: {
    zh: "（{text}）",
    en: " ({text})",
  },
  see: {
    zh: "（见 {cell}）",
    en: " (see {cell})",
  },
  quoted: {
    zh: "“{text}”",
    en: '"{text}"',
  },

  // The steps a progress line names (shown on a terminal once a job takes longer than a second).
  "step.read_workbook": {
    zh: "读取工作簿",
    en: "reading the workbook",
  },
  "step.check_ledgers": {
    zh: "校验台账",
    en: "checking the ledgers",
  },
  "step.compute_figures": {
    zh: "计算指标",
    en: "computing the figures",
  },
  "step.lay_out": {
    zh: "排版",
    en: "laying out the report",
  },
  "step.write_file": {
    zh: "写入文件",
    en: "writing the file",
  },
  "step.read_report": {
    zh: "读取报告",
    en: "reading the report",
  },
  "step.fill_template": {
    zh: "填写模板",
    en: "filling the template",
  },

  // Refusals: nothing was written (exit 2). The key is the `--json` error's code.
  "usage.unknown_command": {
    zh: "未知命令“{command}”。{guess}用 ledger-report --help 查看可用命令。",
    en: 'unknown command "{command}".{guessEn} See ledger-report --help.',
  },
  "usage.did_you_mean": {
    zh: "您是不是要用 {guess}？",
    en: " Did you mean {guess}?",
  },
  "usage.did_you_mean#scope": {
    zh: "您是不是要用“{guess}”？",
    en: ' Did you mean "{guess}"?',
  },
  "usage.bad_option": {
    zh: "{command} 不接受选项 {option}。{guess}",
    en: "{command} has no option {option}.{guessEn}",
  },
  "usage.bad_option#value_missing": {
    zh: "{command}：选项 {option} 缺少取值。",
    en: "{command}: option {option} needs a value.",
  },
  "usage.bad_option#value_given": {
    zh: "{command}：选项 {option} 不带取值，请去掉“=”及其后的内容。",
    en: '{command}: option {option} takes no value; drop the "=" and what follows.',
  },
  "usage.bad_lang": {
    zh: "--lang 只能是 zh 或 en，而不是“{lang}”。",
    en: '--lang must be zh or en, not "{lang}".',
  },
  "usage.bad_year": {
    zh: "--year 应为四位年份，而不是“{year}”。",
    en: '--year must be a four-digit year, not "{year}".',
  },
  "usage.missing_input#workbook": {
    zh: "缺少工作簿（.xlsx）文件。",
    en: "missing workbook (.xlsx) file.",
  },
  "usage.missing_input#new_workbook": {
    zh: "缺少要创建的工作簿文件。",
    en: "missing workbook to create file.",
  },
  "usage.missing_input#report": {
    zh: "缺少要刷新的报告（.docx）。",
    en: "missing the report (.docx) to refresh.",
  },
  "usage.missing_input#template": {
    zh: "缺少要填写的 Word 模板（.docx 文件，或工作簿中保存的模板名称）。",
    en: "missing the Word template to fill (a .docx file, or the name of a template stored in the workbook).",
  },
  "usage.scope_unknown": {
    zh: "--scope “{scope}”不是任何台账中的部门，未写入任何文件。{guess}台账中的部门有：{departments}（或用“全部门”）。",
    en: '--scope "{scope}" is no department of any ledger; nothing was written.{guessEn} The ledgers name: {departmentsEn} (or 全部门 for all).',
  },
  "usage.scope_unknown#no_departments": {
    zh: "--scope “{scope}”无法使用：台账中没有任何部门信息（没有“部门”列，工作表名也未写明部门），未写入任何文件。",
    en: '--scope "{scope}" cannot be used: the ledgers name no department (no 部门 column, none in a sheet name); nothing was written.',
  },
  "file.not_found": {
    zh: "找不到文件：{path}",
    en: "file not found: {path}",
  },
  "file.unreadable": {
    zh: "无法读取文件：{path}（{reason}）",
    en: "cannot read file: {path} ({reason})",
  },
  // A reader's error (the workbook, the report, the template) said with the file's name first.
  "file.error": {
    zh: "{file}：{message}",
    en: "{file}: {messageEn}",
  },
  "output.is_input": {
    zh: "输出文件不能覆盖输入的工作簿。",
    en: "the output must not overwrite the input workbook.",
  },
  "output.is_input#template": {
    zh: "输出文件不能覆盖模板。",
    en: "the output must not overwrite the template.",
  },
  "output.not_docx": {
    zh: "输出文件应以 .docx 结尾：{path}",
    en: "the output must end in .docx: {path}",
  },
  "output.not_xlsx": {
    zh: "工作簿文件名应以 .xlsx 结尾：{path}",
    en: "the workbook name must end in .xlsx: {path}",
  },
  "output.exists": {
    zh: "{path} 已存在，未做任何修改。请换一个文件名，或加 --force 覆盖。",
    en: "{path} already exists; nothing was changed. Choose another name, or add --force to replace it.",
  },
  "output.exists#workbook": {
    zh: "{path} 已存在，未做任何修改。请换一个文件名，或在 Excel 中用“初始化工作簿”补齐缺少的工作表（加 --force 则整个替换，原有台账全部丢失）。",
    en: '{path} already exists; nothing was changed. Choose a new name, or use "Set up workbook" in Excel to add what is missing (--force replaces the whole file, losing its ledgers).',
  },
  "template.not_found": {
    zh: "找不到文件“{name}”，工作簿“{workbook}”中也没有名为“{name}”的模板。保存的模板有：{stored}。",
    en: 'no file "{name}", and workbook "{workbook}" stores no template by that name. Stored templates: {storedEn}.',
  },
  "template.not_found#none_stored": {
    zh: "找不到文件“{name}”，工作簿“{workbook}”中也没有保存任何模板（在 Excel 任务窗格中用“报告模板 → 选择 Word 模板…”保存）。",
    en: 'no file "{name}", and workbook "{workbook}" stores no templates (save one in the Excel pane: 报告模板 → 选择 Word 模板…).',
  },
  "refresh.other_workbook": {
    zh: "{message}如确认要用这个工作簿刷新，请加 --other-workbook。",
    en: "{messageEn} If this is the right workbook, add --other-workbook.",
  },
  internal: {
    zh: "内部错误：{detail}（设置 LEDGER_REPORT_DEBUG=1 可查看详细信息）",
    en: "internal error: {detail} (set LEDGER_REPORT_DEBUG=1 for details)",
  },

  // What a finished command printed.
  "init.created": {
    zh: "已创建 {path}：各台账表格、报告设置（年度 {year}）、指标定义。请在“报告设置”中填写单位名称等，在“指标定义”中填写手工值；ledger-report check 会列出仍为空的单元格。",
    en: "Created {path}: every ledger as a table, 报告设置 (year {year}) and 指标定义. Fill in the names in 报告设置 and the 手工值 in 指标定义; `ledger-report check` lists what is still blank.",
  },
  "init.created#replaced": {
    zh: "已替换 {path}：各台账表格、报告设置（年度 {year}）、指标定义。请在“报告设置”中填写单位名称等，在“指标定义”中填写手工值；ledger-report check 会列出仍为空的单元格。",
    en: "Replaced {path}: every ledger as a table, 报告设置 (year {year}) and 指标定义. Fill in the names in 报告设置 and the 手工值 in 指标定义; `ledger-report check` lists what is still blank.",
  },
  "generate.written": {
    zh: "报告已写入：{path}",
    en: "Report written: {path}",
  },
  "refresh.written": {
    zh: "已写入刷新后的报告：{path}",
    en: "Refreshed report written: {path}",
  },
  "fill.written": {
    zh: "文档已写入：{path}",
    en: "Document written: {path}",
  },
  "fill.placed": {
    zh: "已填写 {placed} 个占位符（共 {total} 个），均为可刷新的数字。",
    en: "{placed} of {total} placeholder(s) filled with linked figures.",
  },
  "fill.placed#pending": {
    zh: "已填写 {placed} 个占位符（共 {total} 个），均可刷新；其中 {pending} 个显示［待补］（台账还给不出这个数字）。",
    en: "{placed} of {total} placeholder(s) filled with linked figures; {pending} of them show [待补] (the ledgers cannot give the number yet).",
  },
  "fill.carried_over": {
    zh: "注意：{figures} 含本期以前的记录，不只是本期数；如文档中写的是“本年”，请在“指标定义”的“区间”列改为“本期”。",
    en: 'Note: {figuresEn} also count records before this period; if a sentence says "this year", set 区间 to 本期 in 指标定义.',
  },
  "summary.line": {
    zh: "指标 {figures} 项，期间 {start} 至 {end}，范围 {scope}；排除错误行 {excluded} 行；错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个。",
    en: "{figures} figures, {start}–{end}, scope {scopeEn}; {excluded} row(s) excluded; {errors} error(s), {warnings} warning(s), {infos} note(s).",
  },
  "summary.scope_note": {
    zh: "报告只统计“{scope}”，已在标题下注明：（统计范围：{scope}）",
    en: "The report counts {scope} only and says so under its title: （统计范围：{scope}）",
  },
  "issues.none": {
    zh: "没有发现问题。",
    en: "No issues.",
  },
  "issues.count": {
    zh: "台账问题：错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个。{more}",
    en: "Ledger issues: {errors} error(s), {warnings} warning(s), {infos} note(s).{moreEn}",
  },
  "issues.count#more": {
    zh: "加 --verbose 列出明细。",
    en: " --verbose lists them.",
  },
  "issues.count#none": {
    zh: "台账没有问题。",
    en: "The ledgers have no issues.",
  },
  "severity.error": {
    zh: "错误",
    en: "error",
  },
  "severity.warning": {
    zh: "警告",
    en: "warning",
  },
  "severity.info": {
    zh: "提示",
    en: "info",
  },
  // Column headers of the aligned listings, tab between columns.
  "ledgers.header": {
    zh: "台账\t行数\t排除\t位置",
    en: "ledger\trows\texcluded\tfound in",
  },
  "ledgers.account": {
    zh: "  {ledger} · {sheet}：{account}",
    en: "  {ledger} · {sheet}: {account}",
  },
  "figures.header": {
    zh: "指标ID\t名称\t报告文字\t行数\t来源",
    en: "id\tname\ttext\trows\tsource",
  },
  "figures.manual": {
    zh: "手工值",
    en: "manual",
  },
  // The 来源 of a figure without a number: no ledger to count and no 手工值 to take — not "手工值".
  "figures.manual#ledger_missing": {
    zh: "待补：无“{ledger}”台账，手工值为空",
    en: "unresolved: no {ledger} ledger, manual value blank",
  },
  "figures.manual#definition_error": {
    zh: "待补：指标定义有误，见 {cell}",
    en: "unresolved: definition error, see {cell}",
  },
  "figures.manual#blank": {
    zh: "待补：手工值为空",
    en: "unresolved: manual value blank",
  },
  "figures.table": {
    zh: "表格 {rows} 行 · 合计 {total}{note}",
    en: "table, {rows} rows · total {total}{noteEn}",
  },
  "figures.rows_left_out": {
    zh: "“{ledger}”有 {count} 行未计入任何指标（{cells}：有错误，或在表格、注释行之外），而它们可能应计入{names}，这些指标可能偏少：改正后再运行。",
    en: "{count} row(s) of {ledger} count in no figure ({cellsEn}: an error, or outside the table or below a note line) and could belong in {namesEn}, which may be short: fix them and run again.",
  },
  "figures.rows_read_as_other": {
    zh: "可能偏少：“{ledger}”有 {count} 行的{columns}不在可选值中，已按“其他”统计（{cells}），没有计入{names}：若应计入其中之一，请改为可选值后再运行。",
    en: "May be short: {count} row(s) of {ledger} have a {columnsEn} that is not one of its values, counted as 其他 ({cellsEn}), not in {namesEn}: if one belongs there, change it to one of the values and run again.",
  },
  "figures.rows_counted_twice": {
    zh: "可能偏大：“{ledger}”有 {count} 行编号重复且都已计入（{cells}），计入了{names}：请核对，删去或改正重复的行后再运行。",
    en: "May be too large: {count} row(s) of {ledger} repeat the key of another row and both are counted ({cellsEn}), in {namesEn}: check them, delete or correct the repeated rows and run again.",
  },
  // A ledger without a key (学习记录, 人员): rows the same as an earlier one in every value (ledger/repeats.ts).
  "figures.rows_counted_twice#repeated": {
    zh: "可能偏大：“{ledger}”有 {count} 行与前面一行完全相同且都已计入（{cells}），计入了{names}：请核对，删去多余的行后再运行。",
    en: "May be too large: {count} row(s) of {ledger} repeat another row in every value and both are counted ({cellsEn}), in {namesEn}: check them, delete the extra rows and run again.",
  },
  "figures.table#rounding_note": {
    zh: " · 附四舍五入注",
    en: " · rounding note",
  },
  "column_map.intro": {
    zh: "若上面的猜测正确，请在“列名对照”工作表（没有就新建，列为 台账 / 标准列名 / 工作簿列名）添加以下行（可直接粘贴到 Excel）：",
    en: "If the guesses above are right, add these rows to sheet 列名对照 (create it if absent; columns 台账 / 标准列名 / 工作簿列名; they paste into Excel as cells):",
  },
  // A refresh, figure by figure (the labels padded so the names line up), then its totals.
  "refresh.updated": {
    zh: "已更新  {name}  {old} → {new}",
    en: "updated   {name}  {old} → {new}",
  },
  "refresh.zeros": {
    zh: "按 0 写入，请确认  {reason}{see}：",
    en: "written as 0, to confirm  {reasonEn}{seeEn}:",
  },
  "refresh.zeros#line": {
    zh: "  {name}：{old} → {new}",
    en: "  {name}: {old} → {new}",
  },
  "refresh.zeros#line_unchanged": {
    zh: "  {name}：{new}（未变，仍按 0 计入）",
    en: "  {name}: {new} (unchanged, still 0)",
  },
  "refresh.overwritten": {
    zh: "已覆盖  {name}  {current} → {new}",
    en: "overwritten  {name}  {current} → {new}",
  },
  "refresh.conflict": {
    zh: "手工修改  {name}  保留您的文字{current}（台账为 {new}）",
    en: "conflict  {name}  kept your text {current} (ledgers say {new})",
  },
  "refresh.kept": {
    zh: "保留写法  {name}  {current}（台账：{new}）",
    en: "kept      {name}  {current} (ledgers: {new})",
  },
  "refresh.removed": {
    zh: "已删除  {name}  （文档中已没有这个数字，未重新插入）",
    en: "removed   {name}  (not in the document; not re-inserted)",
  },
  "refresh.period": {
    zh: "期间 {start} 至 {end}，范围 {scope}",
    en: "period {start}–{end}, scope {scopeEn}",
  },
  "refresh.totals": {
    zh: "更新 {updated} 项{overwrote}，未变 {unchanged} 项，保留手工修改 {conflicts} 项，保留写法 {kept} 项（台账未变化），已删除 {removed} 项。",
    en: "{updated} updated{overwroteEn}, {unchanged} unchanged, {conflicts} hand edit(s) kept, {kept} kept as you wrote them (ledgers unchanged), {removed} removed.",
  },
  "refresh.totals#overwritten": {
    zh: "，覆盖手工修改 {count} 项",
    en: ", {count} overwritten",
  },

  // Why a finished command exits 1 (exit.ts): the key is the reason's code (`mustLook` in the JSON).
  "rows.excluded#rows": {
    zh: "台账中有 {count} 个错误，相关行未计入指标。",
    en: "{count} error(s) in the ledgers: those rows were left out of the figures.",
  },
  "rows.excluded#columns": {
    zh: "缺少 {count} 个必填列，这些列整列未读取，用到它们的指标无法计算。",
    en: "{count} required column(s) are missing, so those whole columns were ignored and the figures that use them cannot be computed.",
  },
  "rows.excluded#check_hint": {
    zh: "运行 ledger-report check 查看明细。",
    en: " Run `ledger-report check` to list them.",
  },
  "definitions.errors": {
    zh: "“指标定义”或“报告设置”中有 {count} 个错误{cells}：出错的指标未计算、设置已用默认值。",
    en: "{count} error(s) in 指标定义 or 报告设置{cellsEn}: those figures were not computed, those settings fell back to defaults.",
  },
  // Counting is claimed only where a figure (of the document, for generate, fill and refresh) carries rowsCountedTwice.
  "keys.duplicate": {
    zh: "{count} 个编号重复{keys}，两行都作为记录读取，没有指标把重复的两行都计入，请核对。",
    en: "{count} key(s) are duplicated{keysEn}; both rows are read as records, and no figure counts both — please check them.",
  },
  "keys.duplicate#counted": {
    zh: "{count} 个编号重复{keys}，{figures} 项指标把重复的两行都计入了，可能偏大，请核对。",
    en: "{count} key(s) are duplicated{keysEn}; {figures} figure(s) count both rows and may be too large — please check them.",
  },
  "rows.repeated": {
    zh: "{count} 行与前面一行完全相同{ledgers}，两行都作为记录读取，没有指标把两行都计入，请核对。",
    en: "{count} row(s) repeat an earlier row in every value{ledgersEn}; both are read as records, and no figure counts both — please check them.",
  },
  "rows.repeated#counted": {
    zh: "{count} 行与前面一行完全相同{ledgers}，{figures} 项指标把两行都计入了，可能偏大，请核对。",
    en: "{count} row(s) repeat an earlier row in every value{ledgersEn}; {figures} figure(s) count both and may be too large — please check them.",
  },
  "settings.blank_shown": {
    zh: "报告设置中 {names} 为空，报告中显示为黄色的“待补”占位：请在“报告设置”中填写后刷新。",
    en: "{namesEn} is blank in 报告设置; the report shows a highlighted placeholder there: fill it in 报告设置, then refresh.",
  },
  "settings.blank_shown#many": {
    zh: "报告设置中 {names} 为空，报告中显示为黄色的“待补”占位：请在“报告设置”中填写后刷新。",
    en: "{namesEn} are blank in 报告设置; the report shows a highlighted placeholder there: fill them in 报告设置, then refresh.",
  },
  "figures.unresolved": {
    zh: "{count} 项指标无法由台账得出，报告中显示为黄色的“待补”占位，不会写成 0：\n{lines}",
    en: "{count} figure(s) could not be computed from the ledgers; the report shows a highlighted placeholder for each, never 0:\n{linesEn}",
  },
  "figures.unresolved#line": {
    zh: "  {name}：{reason}{see}",
    en: "  {name}: {reasonEn}{seeEn}",
  },
  "figures.identity": {
    zh: "{count} 处投标企业与统一社会信用代码不一致{cells}：{names}按规则计数（一个企业两个代码算 2 家，两个企业同一代码算 1 家），数字可能不准，请核对这些行。",
    en: "{count} place(s) where a firm's name and credit code disagree{cellsEn}: {namesEn} counted them by the rule (one name under two codes is two firms, two names under one code one), so the number may be off: please check those rows.",
  },
  "figures.read_as_other": {
    zh: "{count} 项指标可能偏少：台账中不在可选值中的词已按“其他”统计{cells}，没有计入这些指标，请核对。",
    en: "{count} figure(s) may be short: words in the ledgers that are not among their column's values were counted as 其他{cellsEn}, not in those figures: please check them.",
  },
  "ledgers.rows_not_read#then": {
    zh: "以上各行看起来是记录，但没有计入任何指标，这些台账的指标可能偏少，请确认。",
    en: "Those rows look like records but count in no figure, so those ledgers' figures may be short: make sure that is right.",
  },
  "ledgers.period_empty#then": {
    zh: "以上台账的指标按 0 计入报告，请确认。",
    en: "Those ledgers' figures are 0 in the report: make sure that is right.",
  },
  "ledgers.empty": {
    zh: "{count} 项指标因台账没有记录而按 0 计入报告：\n{lines}\n请先在表头下填入记录；确属为零的指标，在“指标定义”的条件末尾加“; 允许为零”。",
    en: '{count} figure(s) are 0 in the report because their ledger has no records:\n{linesEn}\nEnter the records under the header first; where 0 is right, add "; 允许为零" to the figure\'s 条件 in 指标定义.',
  },
  "ledgers.empty#line": {
    zh: "  “{ledger}”台账还没有任何记录{see}：{names}",
    en: "  ledger {ledger} has no records yet{seeEn}: {namesEn}",
  },
  "ledgers.department_blank#then": {
    zh: "这些行未计入本部门的指标，请核对。",
    en: "Those rows are not in this department's figures: please check them.",
  },
  "settings.year_outside_period": {
    zh: "{outside}{cell}：报告标题写的年度与数字统计的期间不是同一年。请改正“报告设置”中的期间开始、期间结束（或清空它们，期间即为该年度全年）。",
    en: "{outsideEn}{cellEn}: the report is titled one year but its figures count another. Correct 期间开始/期间结束 in 报告设置 (or clear them: the period is then the whole year).",
  },
  "settings.year_outside_period#outside": {
    zh: "年度 {year} 不在统计期间 {start} 至 {end} 内",
    en: "Year {year} is outside the period {start} to {end}",
  },
  "settings.year_outside_period#unknown": {
    zh: "年度不在统计期间内",
    en: "The year is outside the period",
  },
  "refresh.next_year_carried": {
    zh: "以下内容从上一年度原样带入新报告，请核对：\n{lines}",
    en: "These were carried over from last year's report as they were; check them:\n{linesEn}",
  },
  "refresh.other_workbook#done": {
    zh: "报告已按您的确认用另一个工作簿刷新，请逐项核对数字。",
    en: "The report was refreshed from another workbook, as you confirmed: check every figure.",
  },
  "placeholders.left": {
    zh: "{count} 个占位符没有换成数字，已原样留在文档中（见上面所列段落）。",
    en: "{count} placeholder(s) were not replaced and stay in the document as typed (see the paragraphs listed).",
  },
  "conflicts.kept": {
    zh: "{count} 项数字您手工改过，已保留您的文字（加 --overwrite-conflicts 改为台账中的值）。",
    en: "{count} figure(s) you changed by hand were kept as you wrote them (--overwrite-conflicts takes the ledgers' values).",
  },
  "hand_edits.kept": {
    zh: "{count} 项数字您手工改过，与台账不一致，已保留您的写法（上面“保留写法”一行中括号内为台账的值；加 --overwrite-conflicts 改为台账中的值）。",
    en: "{count} figure(s) you changed by hand no longer match the ledgers and were kept as you wrote them (the \"kept\" lines show the ledgers' value in brackets; --overwrite-conflicts takes the ledgers' values).",
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type CliTextKey = keyof typeof CLI_TEXTS;

/** A text in both languages: what a refusal, a reason to look and an issue carry. */
export interface Bilingual {
  message: string;
  messageEn: string;
}

/** The one language choice: the text of a pair (a reason, an issue, an error) in the clerk's language. */
export function inLang(text: Bilingual, lang: Lang): string {
  return lang === "en" ? text.messageEn : text.message;
}

/** A text in both languages with its parameters put in. */
export function texts(key: CliTextKey, params: TextParams = {}): Bilingual {
  const text = CLI_TEXTS[key];
  return { message: fillTemplate(text.zh, params), messageEn: fillTemplate(text.en, params) };
}

/** A text in the clerk's language. */
export function say(key: CliTextKey, params: TextParams = {}, lang: Lang): string {
  return inLang(texts(key, params), lang);
}

/** A list as each language writes one: `a、b` and `a, b`, under `name` and `nameEn`. */
export function listParams(name: string, items: readonly string[]): TextParams {
  return { [name]: items.join("、"), [`${name}En`]: items.join(", ") };
}

/**
 * An optional piece of a text (the `did you mean`, the cells in brackets): both languages of it
 * under `name` and `nameEn`, or both blank when it is not said.
 */
export function pieceParams(name: string, piece: Bilingual | null): TextParams {
  return { [name]: piece?.message ?? "", [`${name}En`]: piece?.messageEn ?? "" };
}
