// What a workbook set up from nothing holds, whichever way it is made: the pane's 初始化工作簿 over
// Office.js and `ledger-report init` writing the file must agree on it (issue #13: one workbook spec).

/** The sheets a new workbook gets, in order: the two configuration sheets, then one a ledger, named in Chinese. */
export const NEW_WORKBOOK_SHEETS = ["报告设置", "指标定义", "学习记录", "共建单位", "电子保函", "活动记录", "人员", "队伍"];
