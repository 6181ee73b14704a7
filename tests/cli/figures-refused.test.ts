// `figures` judges every definition (README): a 指标定义 row that was refused — 区间 blank or `本年`, an
// operator it does not know, a condition with a value missing — is listed as an unresolved figure,
// its error the reason, at its cell; never left out of the listing (a clerk's round-10 finding 4:
// `指标 30 项` for 35 rows).
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { cli } from "../helpers/cli";

const sample = resolve(__dirname, "../../examples/sample-ledgers.xlsx");
const dir = mkdtempSync(join(tmpdir(), "lr-figures-refused-"));
const workbook = join(dir, "指标定义有误.xlsx");

/** 编号, 名称, 台账, 统计方式, 条件, 区间, 格式, 手工值 — each refused for the reason in its name. */
const REFUSED = [
  ["y.blank_period", "区间空", "电子保函", "计数", "", "", "整数", ""],
  ["y.this_year", "区间本年", "电子保函", "计数", "", "本年", "整数", ""],
  ["y.gt", "大于", "电子保函", "计数", "保证金金额>1000000", "本期", "整数", ""],
  ["y.pipe", "竖线尾", "学习记录", "计数", "形式=专题学习|", "本期", "整数", ""],
];

type JsonFigure = {
  id: string;
  name: string;
  value: number | null;
  unresolved: { code: string; reason: string; reasonEn: string; cell: string | null } | null;
};

let rows: Record<string, number>;
beforeAll(async () => {
  copyFileSync(sample, workbook);
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbook);
  const sheet = wb.getWorksheet("指标定义")!;
  // The rows are typed below the definitions, so the sheet is a plain range (no Excel table to extend).
  for (const name of Object.keys((sheet as unknown as { tables: Record<string, unknown> }).tables)) sheet.removeTable(name);
  rows = {};
  for (const values of REFUSED) rows[values[0]] = sheet.addRow(values).number;
  await wb.xlsx.writeFile(workbook);
}, 60000);

describe("figures with refused 指标定义 rows", () => {
  it("lists each refused row as an unresolved figure with its row's error and cell, in --json, and counts it", async () => {
    const check = await cli("check", workbook, "--json");
    const errors = (
      JSON.parse(check.out) as { issues: { severity: string; figure: string | null; cell: string | null; message: string }[] }
    ).issues.filter((i) => i.severity === "error" && REFUSED.some((r) => r[0] === i.figure));
    expect(errors.map((e) => e.figure).sort()).toEqual(REFUSED.map((r) => r[0]).sort());

    const r = await cli("figures", workbook, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { figures: JsonFigure[] };
    for (const error of errors) {
      const figure = json.figures.find((f) => f.id === error.figure);
      expect(figure).toBeDefined();
      expect(figure!.value).toBeNull();
      expect(figure!.unresolved?.cell).toBe(error.cell);
      expect(figure!.unresolved?.cell).toMatch(new RegExp(`^指标定义!.${rows[error.figure!]}$`));
      expect(figure!.unresolved?.code).toBe("definition_error");
      // The row's own error, not "not defined".
      expect(figure!.unresolved?.reason).not.toContain("未定义");
      expect(error.message).toContain(figure!.unresolved!.reason.replace(/^.*有误：/, "").slice(0, 8));
      expect(figure!.unresolved?.reasonEn).toMatch(/[A-Za-z]/);
    }
    // Each definition row is one figure: none listed twice, none left out.
    const ids = json.figures.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  }, 120000);

  it("the text listing shows them as 待补 with their cells, and its count includes them", async () => {
    const plain = await cli("figures", sample);
    const plainCount = Number(/指标 (\d+) 项/.exec(plain.out)![1]);
    const r = await cli("figures", workbook);
    expect(Number(/指标 (\d+) 项/.exec(r.out)![1])).toBe(plainCount + REFUSED.length);
    const en = await cli("figures", workbook, "--lang", "en");
    expect(Number(/(\d+) figures/.exec(en.out)?.[1])).toBe(plainCount + REFUSED.length);
    for (const [id, name] of REFUSED) {
      // Its line in the listing: the 待补 placeholder, and where to correct it — never 手工值 (no manual value stands in).
      const at = `指标定义!.${rows[id]}`;
      expect(r.out).toMatch(
        new RegExp(`^${id.replace(".", "\\.")}\\s+${name}\\s+［待补：${name}］\\s+0\\s+待补：指标定义有误，见 ${at}$`, "m"),
      );
      expect(en.out).toMatch(new RegExp(`^${id.replace(".", "\\.")}\\s.*unresolved: definition error, see ${at}$`, "m"));
      // And the error itself, at the same cell, in the unresolved list.
      expect(r.out + r.err).toMatch(new RegExp(`^  ${name}：“指标定义”中这一行有误：.*（见 ${at}）$`, "m"));
    }
  }, 120000);
});
