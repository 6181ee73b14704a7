import { strToU8, zipSync } from "fflate";
import { readXlsx } from "../../../src/adapters/xlsx";
import { NS, handXlsx } from "./fixtures";

/** 100 000 ledger rows × 9 columns, the shape of a busy 电子保函 sheet, written straight as XML. */
function bigLedger(rows: number): Uint8Array {
  const departments = ["交易一科", "交易二科", "交易三科", "综合科", "信息科"];
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1:I${rows + 1}"/><sheetData>`];
  parts.push(
    `<row r="1">${["编号", "日期", "部门", "金额", "状态", "项目", "备注", "数量", "退回"].map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("")}</row>`,
  );
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    parts.push(
      `<row r="${r}" spans="1:9"><c r="A${r}"><v>${i + 1}</v></c><c r="B${r}" s="1"><v>${45000 + (i % 365)}</v></c>` +
        `<c r="C${r}" t="s"><v>${9 + (i % 5)}</v></c><c r="D${r}"><v>${(i * 1234.5) % 99999}</v></c>` +
        `<c r="E${r}" t="str"><f>IF(H${r}=0,"撤销","正常")</f><v>${i % 13 === 0 ? "撤销" : "正常"}</v></c>` +
        `<c r="F${r}" t="inlineStr"><is><t>XM-${i}</t></is></c><c r="G${r}"/><c r="H${r}"><v>${i % 13}</v></c><c r="I${r}" t="b"><v>${i % 2}</v></c></row>`,
    );
  }
  parts.push("</sheetData></worksheet>");
  const base = handXlsx({
    sheets: [{ name: "电子保函", rows: "" }],
    sharedStrings: ["编号", "日期", "部门", "金额", "状态", "项目", "备注", "数量", "退回", ...departments],
  });
  const { unzipSync } = jest.requireActual("fflate") as typeof import("fflate");
  const files = unzipSync(base);
  files["xl/worksheets/sheet1.xml"] = strToU8(parts.join(""));
  return zipSync(files, { level: 1 });
}

describe("reading a large workbook", () => {
  it("reads a 100 000-row sheet completely and correctly", () => {
    const rows = 100_000;
    const bytes = bigLedger(rows);
    const before = process.memoryUsage().rss;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const wb = readXlsx(bytes);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const values = wb.tables[0].values;
    console.log(
      `100k rows × 9 columns: ${(bytes.length / 1e6).toFixed(1)} MB file read in ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms CPU), ` +
        `RSS +${((process.memoryUsage().rss - before) / 1e6).toFixed(0)} MB (machine shared; not asserted)`,
    );
    expect(values.length).toBe(rows + 1);
    expect(values[0]).toEqual(["编号", "日期", "部门", "金额", "状态", "项目", "备注", "数量", "退回"]);
    expect(values[1]).toEqual([1, 45000, "交易一科", 0, "撤销", "XM-0", "", 0, false]);
    expect(values[rows]).toEqual([
      rows,
      45000 + ((rows - 1) % 365),
      "信息科",
      ((rows - 1) * 1234.5) % 99999,
      "正常",
      `XM-${rows - 1}`,
      "",
      (rows - 1) % 13,
      true,
    ]);
    let total = 0;
    let revoked = 0;
    for (let i = 1; i <= rows; i++) {
      total += values[i][3] as number;
      if (values[i][4] === "撤销") revoked++;
    }
    let expectedTotal = 0;
    for (let i = 0; i < rows; i++) expectedTotal += (i * 1234.5) % 99999;
    expect(total).toBe(expectedTotal);
    expect(revoked).toBe(Math.ceil(rows / 13));
  });
});
