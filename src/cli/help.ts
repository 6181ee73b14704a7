// Help texts, bilingual: clerks read the Chinese, IT admins the English.

export type Command = "init" | "check" | "figures" | "generate" | "refresh";

const COMMON = `
  --lang en        English messages (默认中文)
  -h, --help       显示帮助 / show this help

退出码 / exit codes: 0 成功 success · 1 台账有错误行（已排除，结果仍然输出）ledgers have errors (rows left out, output still written)
                     2 输入无法使用 the input cannot be used
`;

export const HELP: Record<Command | "main", string> = {
  main: `ledger-report — 台账成文：把 Excel 台账生成 GB/T 9704 格式的述职报告（Word），数字可刷新。

用法 / usage:
  ledger-report init <台账.xlsx>                      新建工作簿：各台账表格（下拉列表）、报告设置、指标定义
  ledger-report check <台账.xlsx> [--json]            校验台账，列出每个问题及单元格
  ledger-report figures <台账.xlsx> [--json]          计算各项指标：数值、报告文字、使用行数、来源
  ledger-report generate <台账.xlsx> -o <报告.docx>   生成述职报告
      [--year 2022] [--scope 交易一科]
  ledger-report refresh <台账.xlsx> <报告.docx> [-o 新报告.docx] [--overwrite-conflicts] [--other-workbook] [--json]
                                                      刷新已有报告中的数字，保留手写内容

每个命令都可以加 --help 查看说明。
${COMMON}`,
  init: `ledger-report init <台账.xlsx>

新建一个工作簿：每个台账一个 Excel 表格（带下拉列表、日期和金额格式），以及“报告设置”“指标定义”两张表。
文件已存在时不做任何修改并退出（退出码 2）。
Creates a new workbook with every ledger as an Excel table, plus the 报告设置 and 指标定义 sheets.
Refuses (exit 2) when the file exists: nothing is ever overwritten.
${COMMON}`,
  check: `ledger-report check <台账.xlsx> [--json]

校验工作簿中的台账：每个问题给出严重程度、单元格（如 电子保函!C12）和说明。
Checks the ledgers: every issue with its severity, cell and message (zh + en with --json).

  --json           输出 JSON：{"ledgers":[…],"issues":[{"severity","code","message","messageEn","cell"}]}
${COMMON}`,
  figures: `ledger-report figures <台账.xlsx> [--json] [--year 2022] [--scope 交易一科]

按“指标定义”计算每项指标：数值、报告中显示的文字、使用的行数及来源。
Computes every figure: value, report text, rows used, provenance.

  --json           {"figures":[{"id","name","value","text","rows","ledger","conditions","period"}],"issues":[…],"period":{"start","end"},"scope"}
  --year <年份>    报告年度（默认取自“报告设置”）/ report year
  --scope <部门>   统计范围：全部门或某一部门 / one department, or 全部门
${COMMON}`,
  generate: `ledger-report generate <台账.xlsx> -o <报告.docx> [--year 2022] [--scope 交易一科] [--json]

生成述职报告（GB/T 9704 版式）。每个数字都是可刷新的内容控件；有错误的台账行不计入，并提示行数。
Writes the report (.docx, GB/T 9704 layout); every figure is a linked content control.

  -o, --output <文件>  输出的 .docx（默认 述职报告-<年度>.docx）；不会覆盖输入的工作簿
  --force              输出文件已存在时覆盖它（默认拒绝，以免丢失您改过的报告）/ replace an existing output
  --year, --scope      同 figures
${COMMON}`,
  refresh: `ledger-report refresh <台账.xlsx> <报告.docx> [-o 新报告.docx] [--overwrite-conflicts] [--other-workbook] [--json]

用台账的最新数据刷新已生成的报告：只更新数字，保留您写的所有文字；您手工改过的数字作为冲突列出并保留。
Refreshes the figures of a generated report in place, keeping every word the clerk wrote.

  -o, --output <文件>      输出文件（默认 <报告>.refreshed.docx，已存在时自动加序号）；用报告本身的路径即原地刷新
  --overwrite-conflicts    手工修改过的数字也改为台账中的新值 / take the new value for hand-edited figures too
  --other-workbook         工作簿ID与报告记录的不同（或工作簿没有ID）时仍然刷新；默认不写入任何内容并退出（退出码 2）
                           refresh even when the workbook's 工作簿ID is not the report's (default: write nothing, exit 2)
  --json                   {"updated":[{"id","old","new"}],"unchanged":[…],"conflicts":[{"id","written","current","new"}],"removed":[…],"issues":[…]}
  --force                  -o 指定的文件已存在时覆盖 / replace an existing -o file
${COMMON}`,
};
