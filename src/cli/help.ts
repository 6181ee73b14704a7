// Help texts, bilingual: clerks read the Chinese, IT admins the English. Each command accepts exactly
// the options its help lists (OPTIONS), so a mistyped or misplaced option is an error, never ignored.

export const COMMANDS = ["init", "check", "figures", "generate", "fill", "refresh"] as const;
export type Command = (typeof COMMANDS)[number];

type OptionSpec = { type: "boolean" | "string"; short?: string };

const ALWAYS: Record<string, OptionSpec> = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  lang: { type: "string" },
};

/** What every command that reads the ledgers for a year and a department takes. */
const COMPUTING: Record<string, OptionSpec> = { ...ALWAYS, year: { type: "string" }, scope: { type: "string" } };
/** What every command that writes a report takes besides. */
const WRITING: Record<string, OptionSpec> = { ...COMPUTING, output: { type: "string", short: "o" }, force: { type: "boolean" } };

/** The options of each command, for node:util parseArgs. */
export const OPTIONS: Record<Command, Record<string, OptionSpec>> = {
  init: { ...ALWAYS, year: { type: "string" }, force: { type: "boolean" } },
  check: COMPUTING,
  figures: { ...COMPUTING, verbose: { type: "boolean" } },
  generate: WRITING,
  fill: WRITING,
  refresh: {
    ...WRITING,
    "overwrite-conflicts": { type: "boolean" },
    "other-workbook": { type: "boolean" },
    verbose: { type: "boolean" },
  },
};

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The closest of `known` to what was typed, when it is close enough to be a slip (≤ 2 edits, or a third of it). */
export function didYouMean(typed: string, known: readonly string[]): string | null {
  const t = typed.toLowerCase();
  let best: { name: string; d: number } | null = null;
  for (const name of known) {
    const d = editDistance(t, name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  if (!best) return null;
  return best.d <= Math.max(2, Math.floor(t.length / 3)) && best.d < t.length ? best.name : null;
}

const COMMON = `
  --json           结果以 JSON 输出到标准输出（出错时也是：{"version":1,"error":{"code","message","messageEn"}}）
                   / answer in JSON on stdout, errors included; every document carries "version": 1
  --lang en        English messages (默认中文)
  -h, --help       显示帮助 / show this help

退出码 / exit codes (every command):
  0  完成，无需处理 / done, nothing to look at
  1  已完成（文件已写入），但需要您查看：有错误行未计入、指标无法得出、保留了手工修改
     done (files written), but look: error rows left out, unresolved figures, hand edits kept
  2  输入无法使用，未写入任何文件 / the input cannot be used; nothing was written
`;

const YEAR = `  --year <年份>        报告年度（默认取自“报告设置”）；期间随之改为该年 / report year; the period moves with it`;
const SCOPE = `  --scope <部门>       统计范围：全部门或某一部门 / one department, or 全部门`;

export const HELP: Record<Command | "main", string> = {
  main: `ledger-report — 台账成文：把 Excel 台账生成 GB/T 9704 格式的述职报告（Word），数字可刷新。

用法 / usage:
  ledger-report init <台账.xlsx> [--year 2023] [--force]   新建工作簿：各台账表格（下拉列表）、报告设置、指标定义
  ledger-report check <台账.xlsx> [--json]            校验台账，列出每个问题及单元格
  ledger-report figures <台账.xlsx> [--json]          计算各项指标：数值、报告文字、使用行数、来源
  ledger-report generate <台账.xlsx> -o <报告.docx>   生成述职报告
      [--year 2022] [--scope 交易一科] [--force]
  ledger-report fill <台账.xlsx> <模板.docx|模板名称> -o <报告.docx>   用台账数字填写您自己的 Word 文档中的 {{占位符}}
      [--year 2022] [--scope 交易一科] [--force]
  ledger-report refresh <台账.xlsx> <报告.docx> [-o 新报告.docx] [--year 2023] [--overwrite-conflicts] [--other-workbook] [--force] [--verbose]
                                                      刷新已有报告中的数字，保留手写内容

每个命令都可以加 --help 查看说明。
${COMMON}`,
  init: `ledger-report init <台账.xlsx> [--year 2023] [--force] [--json]

新建一个工作簿：每个台账一个 Excel 表格（带下拉列表、日期和金额格式），以及“报告设置”“指标定义”两张表。
文件已存在时不做任何修改并退出（退出码 2）；要给已有工作簿补齐缺少的表，请在 Excel 中用“初始化工作簿”。
Creates a new workbook with every ledger as an Excel table, plus the 报告设置 and 指标定义 sheets.
Refuses (exit 2) when the file exists, unless --force.

  --year <年份>        写入“报告设置”的年度（默认为应报告的年度：今年，1–2 月为上一年）
                       the 年度 written into 报告设置 (default: the year whose report is due)
  --force              文件已存在时整个替换它——原有台账全部丢失 / replace an existing file, losing its ledgers
${COMMON}`,
  check: `ledger-report check <台账.xlsx> [--json] [--year 2022] [--scope 交易一科]

校验工作簿中的台账：每个问题给出严重程度、单元格（如 电子保函!C12）和说明。
Checks the ledgers: every issue with its severity, cell and message (zh + en with --json).

  --json 的结果        {"version":1,"ledgers":[…],"issues":[{"severity","code","message","messageEn","cell"}],"mustLook":[…]}
${YEAR}
${SCOPE}
${COMMON}`,
  figures: `ledger-report figures <台账.xlsx> [--json] [--year 2022] [--scope 交易一科] [--verbose]

按“指标定义”计算每项指标：数值、报告中显示的文字、使用的行数及来源。每项一行；表格指标显示为
“表格 5 行 · 合计 172.09 亿元”，加 --verbose 在其下缩进列出各行。
Computes every figure: value, report text, rows used, provenance. One line per figure; a table figure
reads “表格 5 行 · 合计 172.09 亿元” (its rows listed indented below it with --verbose).

  --verbose                在表格指标下列出其各行 / list a table figure's rows under it

  --json 的结果        {"version":1,"figures":[{"id","name","value","text","rows","ledger","conditions","period"}],"issues":[…],"period":{"start","end"},"scope","mustLook":[…]}
${YEAR}
${SCOPE}
${COMMON}`,
  generate: `ledger-report generate <台账.xlsx> -o <报告.docx> [--year 2022] [--scope 交易一科] [--force] [--json]

生成述职报告（GB/T 9704 版式）。每个数字都是可刷新的内容控件；有错误的台账行不计入，并提示行数。
Writes the report (.docx, GB/T 9704 layout); every figure is a linked content control.

  -o, --output <文件>  输出的 .docx（默认 述职报告-<年度>.docx）；不会覆盖输入的工作簿
  --force              输出文件已存在时覆盖它（默认拒绝，以免丢失您改过的报告）/ replace an existing output
${YEAR}
${SCOPE}
${COMMON}`,
  fill: `ledger-report fill <台账.xlsx> <模板.docx|模板名称> -o <报告.docx> [--year 2022] [--scope 交易一科] [--force] [--json]

填写您自己的 Word 文档：正文、表格、页眉页脚中的 {{占位符}} 换成台账中的数字，每个都成为可刷新的内容控件
（之后可用 refresh 刷新，与生成的报告相同）。占位符写指标编号或名称、或“报告设置”中的项目名称：
  {{eg.count}}  {{电子保函笔数}}  {{年度}}  {{单位名称}}
Word 把输入的文字拆成多段（拼写检查、修订号、半个加粗）也能识别；数字沿用占位符第一个字的格式，文档其余部分一字节不变。
不认识的占位符原样保留并列出所在段落（退出码 1）；台账无法得出的指标写成黄色的“［待补：名称］”（退出码 1）。
第二个参数不是文件时，按名称使用工作簿中保存的模板（Excel 任务窗格：报告模板 → 选择 Word 模板…）。
Fills {{placeholders}} in the clerk's own .docx (body, tables, headers, footers) with linked, refreshable
figures: a figure by id or name, a setting by its 报告设置 name. Unknown placeholders are listed and left
as typed (exit 1). A second argument that is no file names a template stored in the workbook.

  -o, --output <文件>  输出的 .docx（默认 <模板名>-<年度>.docx）；不会覆盖模板或工作簿
  --force              输出文件已存在时覆盖它 / replace an existing output
${YEAR}
${SCOPE}
  --json 的结果        {"version":1,"output","placeholders":[{"text","part","paragraph","id","converted"}],"figures":[…],"issues":[…],"mustLook":[…]}
${COMMON}`,
  refresh: `ledger-report refresh <台账.xlsx> <报告.docx> [-o 新报告.docx] [--year 2023] [--overwrite-conflicts] [--other-workbook] [--force] [--verbose] [--json]

用台账的最新数据刷新已生成的报告：只更新数字，保留您写的所有文字；您手工改过的数字作为冲突列出并保留。
列出改动了哪些数字，以及台账问题的个数（加 --verbose 列出每个问题）。
Refreshes the figures of a generated report, keeping every word the clerk wrote; prints what changed
and how many issues the ledgers have (--verbose lists them).

  -o, --output <文件>      输出文件（默认 <报告>.refreshed.docx；加 --year 时为改了年份的报告名，如 述职报告-2023.docx；
                           已存在时自动加序号）；用报告本身的路径即原地刷新
  --overwrite-conflicts    手工修改过的数字也改为台账中的新值 / take the new value for hand-edited figures too
  --other-workbook         工作簿ID与报告记录的不同（或工作簿没有ID）时仍然刷新；默认不写入任何内容并退出（退出码 2）
                           refresh even when the workbook's 工作簿ID is not the report's (default: write nothing, exit 2)
  --force                  -o 指定的文件已存在时覆盖 / replace an existing -o file
  --year <年份>            按该年度重新计算（默认为报告生成时的年度）/ recompute for that year (default: the report's own)
                           生成下一年度：用去年的报告（含您改过的文字）和今年的台账，--year 2023 把标题年份、期间和
                           每个指标的区间都换成 2023 年，保留您写的文字，手工改过的数字列出供核对、不覆盖；写入新文件
                           next year's report from last year's: same words, every year slot and figure for 2023,
                           hand-edited figures listed for review (never overwritten); written to a new file
  --scope <部门>           统计范围（默认为报告生成时的范围）/ scope (default: the report's own)
  --verbose                列出台账中的每个问题 / list every issue of the ledgers
  --json 的结果            {"version":1,"output","period":{"start","end"},"scope","updated":[{"id","name","old","new"}],"unchanged":[…],"conflicts":[{"id","name","written","current","new","resolution"}],"kept":[{"id","name","written","current","ledgers","agrees"}],"removed":[…],"issues":[…],"mustLook":[…]}
${COMMON}`,
};
