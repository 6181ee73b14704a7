// `ledger-report refresh` end to end on files: a report generated from last month's ledgers,
// refreshed from this month's, with and without a hand edit, and the inputs it must refuse.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import { Document, Packer, Paragraph } from "docx";
import { cli } from "../helpers/cli";
import { readLinkedDocx } from "../../src/adapters/docx/patch";
import { editControl, SAMPLE, unzipText, withDocumentXml, withPart } from "../adapters/docx/refresh/clerk";

const GUARANTEES_TWO = "电子保函（交易二科）";

const dir = mkdtempSync(path.join(tmpdir(), "lr-refresh-cli-"));
const lastMonth = path.join(dir, "上月台账.xlsx");
const report = path.join(dir, "报告.docx");
let reportBytes: Uint8Array;

function texts(bytes: Uint8Array): Map<string, string> {
  return new Map(readLinkedDocx(bytes).controls.map((c) => [c.id, c.text]));
}

beforeAll(async () => {
  // Last month: three guarantees not yet entered in 交易二科's sheet.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(GUARANTEES_TWO);
  if (!sheet) throw new Error(`sample has no sheet ${GUARANTEES_TWO}`);
  const header = sheet.getRow(4).getCell(1).value;
  if (header !== "保函编号") throw new Error(`row 4 of ${GUARANTEES_TWO} is not the header: ${header}`);
  sheet.spliceRows(5, 3);
  writeFileSync(lastMonth, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  const generated = await cli("generate", lastMonth, "-o", report);
  if (!existsSync(report)) throw new Error(`generate failed (${generated.code}): ${generated.err}`);
  reportBytes = new Uint8Array(readFileSync(report));
});

function copyOfReport(name: string, bytes: Uint8Array = reportBytes): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe("ledger-report refresh", () => {
  test("names the report's figures that may be short by rows left out, with the rows' cells, as generate does", async () => {
    const r = await cli("refresh", SAMPLE, report, "-o", path.join(dir, "可能偏少.docx"));
    const lines = r.out.split("\n").filter((l) => l.includes("行未计入任何指标"));
    // G1660 (a negative 2022 amount) could count in every guarantee figure; B44 (a 专题学习 whose date is the error) in the topic count.
    expect(lines.find((l) => l.includes("G1660"))).toContain("可能应计入“电子保函笔数”、“服务企业家数”");
    expect(lines.find((l) => l.includes("B44"))).toContain("可能应计入“专题学习党的二十大精神次数”，");
  });

  test("updates the guarantee count, writes 报告.refreshed.docx beside the input, leaves the input alone and exits 1 for the sample's error rows", async () => {
    const r = await cli("refresh", SAMPLE, report, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual([
      "version",
      "output",
      "period",
      "scope",
      "updated",
      "zeros",
      "unchanged",
      "conflicts",
      "kept",
      "removed",
      "issues",
      "mustLook",
    ]);
    // The sample has error rows, a duplicated key (both rows counted), a record-like row below a note
    // line (counted in no figure) and a 形式 读书班 counted as 其他 (not in the 专题研讨 count): four reasons to look.
    expect(json.mustLook.map((m: { code: string }) => m.code)).toEqual([
      "rows.excluded",
      "keys.duplicate",
      "ledgers.rows_not_read",
      "figures.read_as_other",
    ]);
    expect(json.output).toBe(path.join(dir, "报告.refreshed.docx"));
    const before = texts(reportBytes);
    const after = texts(new Uint8Array(readFileSync(json.output)));
    const count = json.updated.find((u: { id: string }) => u.id === "eg.count");
    expect(count).toEqual({ id: "eg.count", name: "电子保函笔数", old: before.get("eg.count"), new: after.get("eg.count") });
    expect(Number(count.new) - Number(count.old)).toBe(3);
    expect(json.conflicts).toEqual([]);
    expect(json.removed).toEqual([]);
    expect(json.unchanged).toContain("partners.count");
    expect(new Uint8Array(readFileSync(report))).toEqual(reportBytes);
  });

  test("keeps a hand-edited figure, lists it as a conflict with all three texts and exits 1", async () => {
    const xml = unzipText(reportBytes).text("word/document.xml");
    const written = texts(reportBytes).get("eg.count")!;
    const edited = copyOfReport(
      "手改.docx",
      withDocumentXml(
        reportBytes,
        editControl(xml, "eg.count", (sdt) => sdt.replace(`>${written}</w:t>`, ">三千余</w:t>")),
      ),
    );
    const r = await cli("refresh", SAMPLE, edited, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.output).toBe(path.join(dir, "手改.refreshed.docx"));
    expect(json.conflicts).toEqual([
      { id: "eg.count", name: "电子保函笔数", written, current: "三千余", new: String(Number(written) + 3), resolution: "keep" },
    ]);
    expect(json.mustLook.map((m: { code: string }) => m.code)).toEqual([
      "rows.excluded",
      "keys.duplicate",
      "ledgers.rows_not_read",
      "figures.read_as_other",
      "conflicts.kept",
    ]);
    expect(json.updated.map((u: { id: string }) => u.id)).not.toContain("eg.count");
    expect(texts(new Uint8Array(readFileSync(json.output))).get("eg.count")).toBe("三千余");

    const taken = await cli("refresh", SAMPLE, edited, "--json", "--overwrite-conflicts", "-o", path.join(dir, "覆盖.docx"));
    expect(taken.code).toBe(1); // the sample's error rows, no longer the conflict
    expect(JSON.parse(taken.out).mustLook.map((m: { code: string }) => m.code)).toEqual([
      "rows.excluded",
      "keys.duplicate",
      "ledgers.rows_not_read",
      "figures.read_as_other",
    ]);
    expect(JSON.parse(taken.out).conflicts.map((c: { id: string }) => c.id)).toEqual(["eg.count"]);
    expect(texts(new Uint8Array(readFileSync(path.join(dir, "覆盖.docx")))).get("eg.count")).toBe(String(Number(written) + 3));
  });

  test("refuses a Word document that is not a generated report in one line, exit 2, writing nothing", async () => {
    const plain = copyOfReport(
      "普通文档.docx",
      new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("会议纪要")] }] }))),
    );
    const r = await cli("refresh", SAMPLE, plain);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("普通文档.docx：这个文档不是由台账生成的报告");
    expect(existsSync(path.join(dir, "普通文档.refreshed.docx"))).toBe(false);
  });

  test("refuses a report made by a newer version of the link format, exit 2, writing nothing", async () => {
    const newer = copyOfReport(
      "新版.docx",
      withPart(reportBytes, "customXml/item1.xml", (xml) =>
        xml.replace("urn:ledger-report:link:1", "urn:ledger-report:link:2").replace('version="1"', 'version="2"'),
      ),
    );
    const r = await cli("refresh", SAMPLE, newer, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("新版.docx: This report was made by a newer version of Ledger Report");
    expect(existsSync(path.join(dir, "新版.refreshed.docx"))).toBe(false);
  });
});
