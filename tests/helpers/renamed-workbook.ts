// A workbook a clerk made, with one header renamed (形式 → 学习方式) and, when asked, the 列名对照
// row that answers it — written by exceljs, as another program would, for the file-reading paths.
import ExcelJS from "exceljs";

export const RENAMED_STUDY_ROWS: [string, string, string, string][] = [
  ["2022-03-01", "专题学习", "学习贯彻党的二十大精神", "党组"],
  ["2022-04-01", "专题学习", "党的二十大报告专题学习", "党支部"],
  ["2022-05-01", "专题研讨", "作风建设", "党组"],
  ["2022-06-01", "主题宣讲", "二十大精神进社区", "党支部"],
  ["2022-07-01", "线上研讨", "青年理论学习", "青年理论学习小组"],
];

export async function renamedStudyWorkbook(opts: { mapping?: [string, string, string][] } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const study = wb.addWorksheet("学习记录");
  study.addRow(["2022年学习记录台账"]);
  study.addRow([]);
  study.addRow([]);
  study.addRow(["序号", "日期", "学习方式", "主题", "组织"]);
  RENAMED_STUDY_ROWS.forEach((r, i) => study.addRow([i + 1, ...r]));
  const partners = wb.addWorksheet("共建单位");
  partners.addRow(["单位名称", "协议签订日期"]);
  partners.addRow(["某社区党委", "2022-01-05"]);
  const eg = wb.addWorksheet("电子保函");
  eg.addRow(["保函编号", "开立日期", "投标企业", "保证金金额（元）"]);
  eg.addRow(["BH-1", "2022-03-01", "甲公司", 100000]);
  const settings = wb.addWorksheet("报告设置");
  settings.addRow(["项目", "值"]);
  settings.addRow(["年度", "2022"]);
  if (opts.mapping) {
    const map = wb.addWorksheet("列名对照");
    map.addRow(["台账", "标准列名", "工作簿列名"]);
    for (const row of opts.mapping) map.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The four study figures, counted by hand from RENAMED_STUDY_ROWS. */
export const STUDY_COUNTS = {
  "study.topic.count": 2,
  "study.seminar.count": 1,
  "study.youth_online.count": 1,
  "study.lecture.count": 1,
};
