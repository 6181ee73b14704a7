// A clerk's answers in 报告设置 for a workbook from `init`, which leaves them blank: a blank 单位名称
// or 联合发文单位 shows ［待补］ in the report and is a reason to look, so a "clean" workbook has them.
import ExcelJS from "exceljs";

export const CLERK_ANSWERS: Readonly<Record<string, string>> = {
  单位名称: "某市公共资源交易中心",
  单位简称: "市公共资源交易中心",
  述职人: "市公共资源交易中心党组书记",
  联合发文单位: "市住房和城乡建设局",
  平台名称: "公共资源交易平台",
  城市: "某市",
};

/** Writes the answers (texts, or a 年度 and dates) into the workbook's 报告设置 (by 项目 label); fails if a label is not there. */
export async function answerSettings(path: string, answers: Readonly<Record<string, ExcelJS.CellValue>> = CLERK_ANSWERS): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheet = wb.getWorksheet("报告设置");
  if (!sheet) throw new Error(`${path} has no 报告设置 sheet`);
  const missing = new Set(Object.keys(answers));
  sheet.eachRow((row) => {
    const label = String(row.getCell(1).value ?? "");
    if (label in answers) {
      row.getCell(2).value = answers[label];
      missing.delete(label);
    }
  });
  if (missing.size) throw new Error(`报告设置 of ${path} lacks ${[...missing].join("、")}`);
  await wb.xlsx.writeFile(path);
}
