// The web page's words: its own (choosing the file, places in words, what is kept for this session),
// and the few pane messages that say "Excel" or "written back", replaced — through the same
// I18nContext the pane's views read — by what is true on a page over files.
import { makeT, type Lang, type Messages, type Translate } from "../taskpane/i18n";

const webZh = {
  pageTitle: "台账成文 · 网页版",
  otherLanguage: "English",
  tagline: "把台账工作簿（.xlsx）变成述职报告（.docx）。不用安装加载项，也不用联网。",
  privacy: "文件只在这台电脑的浏览器里读取，不会上传到任何地方。",
  chooseWorkbook: "选择台账工作簿…",
  chooseWorkbookLabel: "选择台账工作簿（.xlsx，Excel、WPS 或 LibreOffice 保存的均可）",
  dropHere: "或者把 .xlsx 文件拖到这里",
  dropAnywhere: "松开鼠标，读取这个工作簿",
  notWorkbook: "“{file}”不是 .xlsx 工作簿。请选择台账工作簿；Word 报告请在“生成”里的“更新已有报告”中选择。",
  openingFile: "正在读取 {file}…",
  fileModified: "修改于 {time}",
  chooseOther: "换一个工作簿…",
  chooseOtherLabel: "选择另一个台账工作簿（.xlsx）",
  reloadTitle: "从磁盘重新读取 {file}（在 Excel 或 WPS 中改好并保存之后）",
  reloadChooseAgain: "这个浏览器不能直接重新读取文件：请在弹出的窗口中再次选择 {file}。",
  rereadUnchanged: "已重新读取：{file} 没有变化（修改于 {time}）。",
  rereadChanged: "已重新读取：{file} 在 {time} 修改过，指标已按新内容重新计算。",
  rereadOther: "已打开另一个工作簿：{file}（修改于 {time}）。",
  rereadFailedWhat: "无法重新读取 {file}",
  rereadFailedTodo: "文件可能已被移动、改名，或正在 Excel/WPS 中保存。请点“换一个工作簿…”重新选择它。",
  openFailedWhat: "无法读取 {file}",
  openFailedTodo: "请确认它是 Excel、WPS 或 LibreOffice 保存的 .xlsx 工作簿（不是 .xls 或 .et），没有设置打开密码，然后重新选择。",
  placeTitle: "在文件中的位置",
  placeCell: "工作表“{sheet}”，第 {row} 行 {column} 列（{cell}）",
  placeRows: "工作表“{sheet}”：{runs}（共 {count} 行）",
  placeRowRun: "第 {from}–{to} 行",
  placeRowOne: "第 {row} 行",
  placeMoreRuns: "等 {count} 段",
  placeRunSeparator: "、",
  placeHowTo: "在 Excel 或 WPS 中打开 {file}，切换到该工作表即可看到。网页不能替你选中单元格。",
  placeClose: "关闭",
  sessionTitle: "本次修改只用于在这里生成的报告",
  sessionBody: "网页不能写回工作簿：{items}。要长期保存，请在 Excel 或 WPS 的“报告设置”“指标定义”中修改。",
  sessionSetting: "{label} = {value}",
  sessionManual: "{name} 手工值 = {value}",
  sessionManualBlank: "{name} 手工值已清空",
  setUpWeb:
    "网页不会修改你的工作簿，所以不能在这里补齐工作表。请在 Excel 中用台账成文加载项的“补齐缺少的工作表”，或在 Excel/WPS 中按“指标定义”里的台账名称添加工作表。缺少台账的指标会使用手工值。",
  emptyWebTitle: "{file} 中没有找到台账",
  emptyWebBody:
    "台账成文按工作表名或表格名找台账（学习记录、共建单位、电子保函……）。请确认选对了文件；新建台账工作簿可以用 Excel 中的台账成文加载项“初始化工作簿”，或命令行 ledger-report init。",
} as const;

export type WebKey = keyof typeof webZh;

const webEn: Record<WebKey, string> = {
  pageTitle: "Ledger Report · web",
  otherLanguage: "中文",
  tagline: "Turns a ledger workbook (.xlsx) into the annual report (.docx). No add-in to install, no network needed.",
  privacy: "The file is read in this browser on this computer and is not uploaded anywhere.",
  chooseWorkbook: "Choose the ledger workbook…",
  chooseWorkbookLabel: "Choose the ledger workbook (.xlsx, as saved by Excel, WPS or LibreOffice)",
  dropHere: "or drop the .xlsx file here",
  dropAnywhere: "Release to read this workbook",
  notWorkbook:
    "“{file}” is not an .xlsx workbook. Choose the ledger workbook; pick a Word report under Generate → Update an existing report.",
  openingFile: "Reading {file}…",
  fileModified: "modified {time}",
  chooseOther: "Another workbook…",
  chooseOtherLabel: "Choose another ledger workbook (.xlsx)",
  reloadTitle: "Read {file} again from disk (after fixing and saving it in Excel or WPS)",
  reloadChooseAgain: "This browser cannot read the file again by itself: choose {file} again in the dialog.",
  rereadUnchanged: "Read again: {file} has not changed (modified {time}).",
  rereadChanged: "Read again: {file} was modified at {time}; the figures were recomputed from it.",
  rereadOther: "Opened another workbook: {file} (modified {time}).",
  rereadFailedWhat: "{file} could not be read again",
  rereadFailedTodo: "It may have been moved or renamed, or Excel/WPS may still be saving it. Choose it again with “Another workbook…”.",
  openFailedWhat: "{file} could not be read",
  openFailedTodo:
    "Check that it is an .xlsx workbook saved by Excel, WPS or LibreOffice (not .xls or .et) without a password, then choose it again.",
  placeTitle: "Where it is in the file",
  placeCell: "Sheet “{sheet}”, row {row}, column {column} ({cell})",
  placeRows: "Sheet “{sheet}”: {runs} ({count} rows)",
  placeRowRun: "rows {from}–{to}",
  placeRowOne: "row {row}",
  placeMoreRuns: "and {count} more runs",
  placeRunSeparator: ", ",
  placeHowTo: "Open {file} in Excel or WPS and go to that sheet. A web page cannot select cells for you.",
  placeClose: "Close",
  sessionTitle: "Changes made here apply only to reports made on this page",
  sessionBody: "The page cannot write into the workbook: {items}. To keep them, change 报告设置 or 指标定义 in Excel or WPS.",
  sessionSetting: "{label} = {value}",
  sessionManual: "{name} manual value = {value}",
  sessionManualBlank: "{name} manual value cleared",
  setUpWeb:
    "The web page never changes your workbook, so it cannot add sheets. Use Add the missing sheets in the Ledger Report add-in in Excel, or add the sheets in Excel/WPS under the ledger names 指标定义 uses. Figures of a missing ledger use their manual values.",
  emptyWebTitle: "No ledgers found in {file}",
  emptyWebBody:
    "Ledger Report finds ledgers by sheet or table name (学习记录, 共建单位, 电子保函 …). Check that this is the right file; a new ledger workbook is made by Set up workbook in the Excel add-in or by `ledger-report init`.",
};

/** Pane messages that are not true on the web page. */
const paneZh: Partial<Messages> = {
  reloadHint: "从磁盘重新读取这个工作簿（在 Excel 或 WPS 中改好并保存之后）",
  workbookUnnamed: "所选工作簿",
  issueSelectHint: "显示 {cell} 在文件中的位置",
  figureShowSourceHint: "显示 {name} 使用的 {rows} 行在文件中的位置",
  figureEditManualHint: "显示 {name} 在“指标定义”中的位置",
  manualHint: "按 Enter 或“保存”，本次生成的报告就使用这个值；网页不会把它写回工作簿。",
  manualSaved: "本次报告将使用这个值（对应 {cell}，文件没有被修改）",
  manualCleared: "本次报告不使用手工值（对应 {cell}，文件没有被修改）",
  manualBuiltIn: "这个工作簿没有“指标定义”工作表，正在使用内置指标定义；手工值请在 Excel 或 WPS 中添加“指标定义”后填写。",
  errorManualTodo: "工作簿没有被修改。请点“重新读取”后重试。",
  errorManualRefreshWhat: "手工值已记下（{cell}），但重新计算指标失败",
  errorManualRefreshTodo: "请点“重新读取”，指标会按这个手工值重新计算。",
  fieldYearHint: "统计期间随年度改变；只用于在这里生成的报告，不会写回工作簿。",
  settingsSaved: "已用于本次生成（网页不会写回“报告设置”）",
  errorReadTodo: "请点“重新读取”；如果仍然失败，请点“换一个工作簿…”重新选择文件。",
  errorWhereWorkbook: "所选工作簿",
  setUpMissing: "补齐缺少的工作表",
  setUpConfirmTitle: "在网页中不能补齐工作表",
  setUpConfirmBody: webZh.setUpWeb,
  setUpConfirm: "知道了",
  saveBlockedGeneric: "浏览器阻止了下载。请允许这个网页下载文件后再点“保存报告”。",
  updateBody:
    "选择以前生成、之后在 Word 或 WPS 中编辑过的报告（.docx），按这个工作簿的台账更新其中的数字。你修改过的文字会保留；原文件不会被改动，更新后的报告以新文件名下载。",
  updateSaveBlockedGeneric: "浏览器阻止了下载。请允许这个网页下载文件后再点“保存更新后的报告”。",
  issuesMore: "另有 {count} 条未列出，请在“台账”中查看。",
};

const paneEn: Partial<Messages> = {
  reloadHint: "Read this workbook again from disk (after fixing and saving it in Excel or WPS)",
  workbookUnnamed: "The chosen workbook",
  issueSelectHint: "Show where {cell} is in the file",
  figureShowSourceHint: "Show where the {rows} rows {name} uses are in the file",
  figureEditManualHint: "Show where {name} is in 指标定义",
  manualHint: "Press Enter or Save and reports made here use this value; the page does not write it into the workbook.",
  manualSaved: "Reports made here use this value (for {cell}; the file was not changed)",
  manualCleared: "Reports made here use no manual value (for {cell}; the file was not changed)",
  manualBuiltIn:
    "This workbook has no 指标定义 sheet, so the built-in definitions are in use; add 指标定义 in Excel or WPS to type manual values.",
  errorManualTodo: "The workbook was not changed. Click “Read again” and try again.",
  errorManualRefreshWhat: "The manual value was kept ({cell}), but the figures could not be recomputed",
  errorManualRefreshTodo: "Click “Read again” to recompute the figures with this manual value.",
  fieldYearHint: "The period follows the year; it applies to reports made here and is not written into the workbook.",
  settingsSaved: "Used for reports made here (the page does not write 报告设置)",
  errorReadTodo: "Click “Read again”; if it still fails, choose the file again with “Another workbook…”.",
  errorWhereWorkbook: "the chosen workbook",
  setUpMissing: "Add the missing sheets",
  setUpConfirmTitle: "Sheets cannot be added on the web page",
  setUpConfirmBody: webEn.setUpWeb,
  setUpConfirm: "OK",
  saveBlockedGeneric: "The browser blocked the download. Allow downloads for this page, then choose Save report again.",
  updateBody:
    "Pick a report made earlier and edited in Word or WPS (.docx) to update its figures from this workbook's ledgers. Your edited text is kept; the original file is not touched and the updated report downloads under a new name.",
  updateSaveBlockedGeneric: "The browser blocked the download. Allow downloads for this page, then choose Save the updated report again.",
  issuesMore: "{count} more not listed; see them under Ledgers.",
};

function fill(template: string, params: Record<string, string | number> | undefined, numbers: Intl.NumberFormat): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? numbers.format(value) : value;
  });
}

/** The pane's translate with the web page's replacements: what the shared views read on this page. */
export function makeWebPaneT(lang: Lang): Translate {
  const base = makeT(lang);
  const overrides = lang === "zh-CN" ? paneZh : paneEn;
  const numbers = new Intl.NumberFormat(lang);
  return (key, params) => {
    const own = overrides[key];
    return own === undefined ? base(key, params) : fill(own, params, numbers);
  };
}

export type WebTranslate = (key: WebKey, params?: Record<string, string | number>) => string;

export function makeWebT(lang: Lang): WebTranslate {
  const messages = lang === "zh-CN" ? webZh : webEn;
  const numbers = new Intl.NumberFormat(lang);
  return (key, params) => fill(messages[key], params, numbers);
}

/** `?lang=en|zh` first (tests, screenshots), then the browser's language; Chinese for any zh-*. */
/**
 * Chinese unless the address asks for English (`?lang=en`, which the page's own English/中文 switch
 * sets): the page is for Chinese agencies, and a clerk on an English-language browser still expects
 * the page the README and their colleagues show — the browser's language is not asked.
 */
export function webLang(search: string): Lang {
  return /^en/i.test(new URLSearchParams(search).get("lang") ?? "") ? "en-US" : "zh-CN";
}

/** `2026年12月6日 15:20` / `Dec 6, 2026, 3:20 PM` in the clerk's local time. */
export function formatModified(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: lang === "zh-CN" ? "long" : "medium", timeStyle: "short" }).format(new Date(ms));
}
