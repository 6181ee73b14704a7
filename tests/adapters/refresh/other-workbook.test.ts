// Refreshing a report from a workbook other than its own writes nothing unless the clerk says so;
// refreshing it from its own workbook a year on keeps what was true at its period's end.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../helpers/cli";
import { HELP } from "../../../src/cli/help";
import { readLinkedDocx } from "../../../src/adapters/docx/patch";
import { SAMPLE } from "./clerk";

const withSample = existsSync(SAMPLE) ? describe : describe.skip;
const dir = mkdtempSync(path.join(tmpdir(), "lr-other-workbook-"));

/** The CLI on 6 Dec 2026, so the generated report's date is fixed. */
const cli = (...argv: string[]) => runCli(argv, new Date(2026, 11, 6));

async function editedSample(name: string, edit: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  edit(workbook);
  const file = path.join(dir, name);
  writeFileSync(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

function settingCell(workbook: ExcelJS.Workbook, item: string): ExcelJS.Cell {
  const sheet = workbook.getWorksheet("报告设置")!;
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === item) return sheet.getCell(r, 2);
  throw new Error(`报告设置 has no ${item}`);
}

withSample("ledger-report refresh from another workbook", () => {
  const report = path.join(dir, "报告.docx");
  let sampleId: string;
  beforeAll(async () => {
    const generated = await cli("generate", SAMPLE, "-o", report);
    if (!existsSync(report)) throw new Error(`generate failed (${generated.code}): ${generated.err}`);
    sampleId = readLinkedDocx(new Uint8Array(readFileSync(report))).record.workbookId;
  });

  it("from a fresh workbook (another id) exits 2, names both workbooks and ids, and writes nothing", async () => {
    const fresh = path.join(dir, "新台账.xlsx");
    expect((await cli("init", fresh)).code).toBe(0);
    const out = path.join(dir, "刷新.docx");
    const r = await cli("refresh", fresh, report, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(sampleId);
    expect(r.err).toContain("sample-ledgers.xlsx");
    expect(r.err).toContain("新台账.xlsx");
    expect(r.err).toContain("--other-workbook");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(dir, "报告.refreshed.docx"))).toBe(false);
  });

  it("from a workbook without 工作簿ID while the report has one exits 2 and writes nothing", async () => {
    const noId = await editedSample("无ID.xlsx", (wb) => {
      settingCell(wb, "工作簿ID").value = "";
    });
    const out = path.join(dir, "无ID刷新.docx");
    const r = await cli("refresh", noId, report, "-o", out, "--json");
    expect(r.code).toBe(2);
    // --json: the refusal is the JSON answer, naming both workbooks.
    const answer = JSON.parse(r.out);
    expect(answer).toMatchObject({ version: 1, error: { code: "refresh.other_workbook" } });
    expect(answer.error.message).toContain("没有工作簿ID");
    expect(answer.error.message).toContain("sample-ledgers.xlsx");
    expect(existsSync(out)).toBe(false);
  });

  it("goes ahead with --other-workbook, and says so among the issues", async () => {
    const other = await editedSample("另一个ID.xlsx", (wb) => {
      settingCell(wb, "工作簿ID").value = "00000000-0000-4000-8000-000000000000";
    });
    const out = path.join(dir, "确认刷新.docx");
    const r = await cli("refresh", other, report, "-o", out, "--other-workbook", "--json");
    expect([0, 1]).toContain(r.code);
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(r.out).issues.map((i: { code: string }) => i.code)).toContain("refresh.other_workbook");
  });

  it("documents --other-workbook in refresh --help", () => {
    expect(HELP.refresh).toContain("--other-workbook");
    expect(HELP.main).toContain("--other-workbook");
  });
});

withSample("a 2022 report refreshed with 2023 data", () => {
  it("keeps its 11 partners when a unit terminated in 2023 is marked 终止 with its date", async () => {
    const report = path.join(dir, "2022报告.docx");
    expect([0, 1]).toContain((await cli("generate", SAMPLE, "-o", report)).code);
    const before = readLinkedDocx(new Uint8Array(readFileSync(report))).controls.find((c) => c.id === "partners.count")!.text;
    expect(before).toBe("11");
    const later = await editedSample("2023台账.xlsx", (wb) => {
      const sheet = wb.getWorksheet("共建单位")!;
      if (sheet.getCell(1, 5).value !== "状态" || sheet.getCell(1, 6).value !== "终止日期") throw new Error("共建单位 columns moved");
      sheet.getCell(2, 5).value = "终止";
      sheet.getCell(2, 6).value = new Date(Date.UTC(2023, 2, 1));
    });
    const out = path.join(dir, "2022报告-2023刷新.docx");
    const r = await cli("refresh", later, report, "-o", out, "--json");
    expect([0, 1]).toContain(r.code);
    const json = JSON.parse(r.out);
    expect(json.unchanged).toContain("partners.count");
    expect(readLinkedDocx(new Uint8Array(readFileSync(out))).controls.find((c) => c.id === "partners.count")!.text).toBe("11");
    // The same workbook's 2023 report no longer counts it.
    const figures = JSON.parse((await cli("figures", later, "--year", "2023", "--json")).out).figures;
    expect(figures.find((f: { id: string }) => f.id === "partners.count").value).toBe(10);
  });
});
