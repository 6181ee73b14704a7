// A table figure in a generated report: a block-level control around a three-line table that a
// refresh rewrites in place when groups appear or disappear — and never over a clerk's edit.
import { execFile } from "child_process";
import { promisify } from "util";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import { runEngine } from "../../../../src/core/engine";
import { renderDocx } from "../../../../src/adapters/docx";
import { refreshDocx } from "../../../../src/adapters/docx/refresh";
import { readLinkedDocx } from "../../../../src/adapters/docx/patch";
import { readXlsx } from "../../../../src/adapters/xlsx";
import { isSheetRead } from "../../../../src/core/ledger/sheets";
import { parseLinkRecord } from "../../../../src/core/link";
import { main } from "../../../../src/cli/main";
import type { RawWorkbook } from "../../../../src/core/types";
import { TABLE_TEMPLATE } from "../../../helpers/table-template";
import { validateWordXml } from "../../../helpers/ooxml";
import { hasSoffice } from "../../../helpers/render";
import { editControl, outside, SAMPLE, sdtSpan, unzipText, withDocumentXml } from "./clerk";
import { cellsOfTableText, ROUNDING_NOTE } from "../../../../src/core/figures/grouped";
import { BY_ISSUER, issuerWorkbook } from "../../../helpers/issuer-workbook";

/** The 指标定义 row of the table figure: the year's guarantees by issuer (前N and 其他: tests/core/figures/grouped.test.ts). */

const dir = mkdtempSync(path.join(tmpdir(), "lr-table-figure-"));

/** The sample workbook with the table figure defined, and `edit` applied to its 交易二科 guarantees (header at row 4). */
async function workbookFile(name: string, edit: (sheet: ExcelJS.Worksheet) => void = () => {}): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  // 指标定义 is an Excel table (ExcelJS cannot grow a loaded one): its last row, a figure this
  // template does not use, becomes the table figure's.
  const defs = workbook.getWorksheet("指标定义")!;
  BY_ISSUER.forEach((v, c) => (defs.getRow(defs.rowCount).getCell(c + 1).value = v));
  edit(workbook.getWorksheet("电子保函（交易二科）")!);
  const file = path.join(dir, name);
  writeFileSync(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

function read(file: string): RawWorkbook {
  return readXlsx(new Uint8Array(readFileSync(file)), { name: path.basename(file), wantSheet: isSheetRead });
}

/** Guarantees of 2022 by an issuer the ledgers did not have. */
function newIssuer(sheet: ExcelJS.Worksheet, count: number): void {
  const model = sheet.getRow(5).values as ExcelJS.CellValue[];
  for (let n = 1; n <= count; n++) {
    const row = sheet.insertRow(5, []);
    model.forEach((v, c) => (row.getCell(c).value = v ?? null));
    row.getCell(1).value = `DZBH2022${990000 + n}`;
    row.getCell(2).value = new Date(Date.UTC(2022, 5, n));
    row.getCell(7).value = "新设融资担保有限公司";
  }
}

/** The groups (first column) of the table in the control, as the patcher reads its text. */
function groups(bytes: Uint8Array): string[] {
  const text = readLinkedDocx(bytes).controls.find((c) => c.id === "eg.by_issuer")!.text;
  return cellsOfTableText(text)!
    .slice(1, -1)
    .map((row) => row[0]);
}

let base: string;
let reportBytes: Uint8Array;
let baseGroups: string[];

beforeAll(async () => {
  base = await workbookFile("台账.xlsx");
  const result = runEngine(read(base), { template: TABLE_TEMPLATE, generatedAt: "2023-01-10T00:00:00Z" });
  reportBytes = await renderDocx(result.report, result.link);
  writeFileSync(path.join(dir, "报告.docx"), reportBytes);
  baseGroups = groups(reportBytes);
});

describe("a table figure in a generated report", () => {
  test("is one block-level control holding a w:tbl whose cells read as the figure's text", () => {
    const xml = unzipText(reportBytes).text("word/document.xml");
    const control = /<w:sdt><w:sdtPr>(?:(?!<\/w:sdtPr>).)*lr:eg\.by_issuer(?:(?!<\/w:sdt>).)*<\/w:sdt>/s.exec(xml)?.[0];
    expect(control).toBeDefined();
    expect(control).toMatch(/<w:sdtContent><w:tbl>/);
    expect(control!.match(/<w:tr>/g)!.length).toBe(1 + baseGroups.length + 1);
    const result = runEngine(read(base), { template: TABLE_TEMPLATE });
    const figure = result.figures.find((f) => f.id === "eg.by_issuer")!;
    expect(readLinkedDocx(reportBytes).controls.find((c) => c.id === "eg.by_issuer")!.text).toBe(figure.text);
    expect(baseGroups.length).toBeGreaterThan(2);
  });

  test("is a three-line table: thick rules above and below, a thin one under the header, no vertical rules", () => {
    const xml = unzipText(reportBytes).text("word/document.xml");
    expect(xml).toMatch(
      /<w:tblBorders><w:top w:val="single" w:sz="12"[^>]*\/><w:left w:val="nil"\/><w:bottom w:val="single" w:sz="12"[^>]*\/><w:right w:val="nil"\/><w:insideH w:val="nil"\/><w:insideV w:val="nil"\/><\/w:tblBorders>/,
    );
    expect(xml).toMatch(/<w:tblHeader\/>.*?<w:tcBorders><w:bottom w:val="single" w:sz="6"/s);
    expect(xml).toMatch(/<w:pStyle w:val="LRTableText"\/>/);
  });

  test("records the figure as a table in the link part", () => {
    const part = Object.entries(unzipText(reportBytes).files).find(
      ([n, b]) => /^customXml\/item\d+\.xml$/.test(n) && Buffer.from(b).toString().includes("urn:ledger-report"),
    )!;
    const parsed = parseLinkRecord(Buffer.from(part[1]).toString());
    expect(parsed.ok && parsed.record.figures.find((f) => f.id === "eg.by_issuer")?.kind).toBe("table");
  });

  test("is valid WordprocessingML", async () => {
    const outcome = await validateWordXml(unzipText(reportBytes).text("word/document.xml"));
    if (outcome) expect(outcome.errors).toEqual([]);
  });
});

describe("refreshing a table figure", () => {
  test("grows when a group appears: the new issuer gets its row, everything outside the control stays byte for byte", async () => {
    const grown = read(await workbookFile("新增机构.xlsx", (s) => newIssuer(s, 3)));
    const { plan, bytes } = refreshDocx(grown, reportBytes);
    expect(plan.updated.map((u) => u.id)).toContain("eg.by_issuer");
    const after = groups(bytes);
    expect(after).toContain("新设融资担保有限公司");
    expect(after).toHaveLength(baseGroups.length + 1);
    const beforeDoc = readLinkedDocx(reportBytes);
    const afterDoc = readLinkedDocx(bytes);
    expect(outside(afterDoc.documentXml, afterDoc.controls)).toEqual(outside(beforeDoc.documentXml, beforeDoc.controls));
    const outcome = await validateWordXml(afterDoc.documentXml);
    if (outcome) expect(outcome.errors).toEqual([]);
  });

  test("shrinks when groups disappear: with one issuer left, one row and 合计", async () => {
    // Every 2022 guarantee of 交易二科 given one issuer, and 交易一科's sheet emptied of 2022 rows by a condition.
    const only = await workbookFile("一家机构.xlsx", (s) => {
      s.eachRow((row, n) => {
        if (n > 4 && typeof row.getCell(1).value === "string" && String(row.getCell(1).value).startsWith("DZBH"))
          row.getCell(7).value = "唯一担保公司";
      });
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(only);
    const one = workbook.getWorksheet("电子保函-交易一科")!;
    one.eachRow((row, n) => {
      if (n > 2 && row.getCell(8).value) row.getCell(8).value = "唯一担保公司";
    });
    await workbook.xlsx.writeFile(only);
    const { plan, bytes } = refreshDocx(read(only), reportBytes);
    expect(plan.updated.map((u) => u.id)).toContain("eg.by_issuer");
    expect(groups(bytes)).toEqual(["唯一担保公司"]);
    const rows = cellsOfTableText(readLinkedDocx(bytes).controls.find((c) => c.id === "eg.by_issuer")!.text)!;
    expect(rows[rows.length - 1]).toEqual(["合计", rows[1][1], "100.0%"]);
    const outcome = await validateWordXml(readLinkedDocx(bytes).documentXml);
    if (outcome) expect(outcome.errors).toEqual([]);
  });

  test("a cell the clerk edited by hand is a conflict to review: the table is kept as the clerk left it", async () => {
    const xml = unzipText(reportBytes).text("word/document.xml");
    const first = baseGroups[0];
    const edited = withDocumentXml(
      reportBytes,
      editControl(xml, "eg.by_issuer", (sdt) => sdt.replace(`>${first}</w:t>`, `>${first}（含分支机构）</w:t>`)),
    );
    const grown = read(await workbookFile("新增机构2.xlsx", (s) => newIssuer(s, 3)));
    const { plan, bytes } = refreshDocx(grown, edited);
    expect(plan.conflicts.map((c) => [c.id, c.resolution])).toEqual([["eg.by_issuer", "keep"]]);
    expect(readLinkedDocx(bytes).controls.find((c) => c.id === "eg.by_issuer")!.text).toContain(`${first}（含分支机构）`);
    expect(groups(bytes)).not.toContain("新设融资担保有限公司");
  });

  test("ledger-report refresh rewrites the table from the workbook file and says it was updated", async () => {
    const grown = await workbookFile("新增机构3.xlsx", (s) => newIssuer(s, 3));
    const output = path.join(dir, "报告-新.docx");
    let out = "";
    const code = await main(["refresh", grown, path.join(dir, "报告.docx"), "-o", output, "--json"], {
      out: (s) => (out += s),
      err: () => {},
    });
    expect([0, 1]).toContain(code);
    expect(existsSync(output)).toBe(true);
    expect(JSON.parse(out).updated.map((u: { id: string }) => u.id)).toContain("eg.by_issuer");
    expect(groups(new Uint8Array(readFileSync(output)))).toContain("新设融资担保有限公司");
  });
});

const describeIfSoffice = hasSoffice() ? describe : describe.skip;

/** Whether a paragraph style, or a style it is based on, makes its text bold. */
function boldInStyle(styles: string, id: string): boolean {
  for (let at: string | undefined = id, depth = 0; at && depth < 10; depth++) {
    const style: string | undefined = new RegExp(`<w:style\\b[^>]*w:styleId="${at}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles)?.[1];
    if (!style) return false;
    const bold = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(style)?.[0].match(/<w:b(?: w:val="(\w+)")?\/>/);
    if (bold) return !bold[1] || !["0", "false", "off"].includes(bold[1]);
    at = /<w:basedOn w:val="([^"]+)"/.exec(style)?.[1];
  }
  return false;
}

/** The file as LibreOffice writes it back: `soffice --headless --convert-to docx`, in a profile of its own. */
async function resaveWithLibreOffice(file: string): Promise<Uint8Array> {
  const profile = mkdtempSync(path.join(tmpdir(), "lo-"));
  const out = mkdtempSync(path.join(tmpdir(), "lr-lo-table-"));
  try {
    await promisify(execFile)(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "docx", "--outdir", out, file],
      { timeout: 240000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return new Uint8Array(readFileSync(path.join(out, path.basename(file))));
}
if (!hasSoffice()) console.log("soffice not found: skipping the table figure's LibreOffice round trip");

describeIfSoffice("a table figure's report re-saved by LibreOffice (soffice --convert-to docx)", () => {
  let resaved: Uint8Array;

  beforeAll(async () => {
    const profile = mkdtempSync(path.join(tmpdir(), "lo-"));
    const out = mkdtempSync(path.join(tmpdir(), "lr-lo-table-"));
    try {
      await promisify(execFile)(
        "soffice",
        [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "docx", "--outdir", out, path.join(dir, "报告.docx")],
        { timeout: 240000 },
      );
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    resaved = new Uint8Array(readFileSync(path.join(out, "报告.docx")));
  }, 300000);

  test("refresh finds the table again and grows it, the tag restored", async () => {
    const grown = read(await workbookFile("新增机构-LO.xlsx", (s) => newIssuer(s, 3)));
    const { plan, bytes } = refreshDocx(grown, resaved);
    expect(plan.removed).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.updated.map((u) => u.id)).toContain("eg.by_issuer");
    expect(groups(bytes)).toContain("新设融资担保有限公司");
    expect(unzipText(bytes).text("word/document.xml")).toContain('<w:tag w:val="lr:eg.by_issuer"/>');
    // LibreOffice renamed the table text style (to StyleNN); the table's cells name ours, so it is back (a missing style lays the table out one character wide).
    expect(unzipText(bytes).text("word/styles.xml")).toMatch(/<w:style\b[^>]*w:styleId="LRTableText"/);
    if (process.env.LR_KEEP_LO_TABLE) writeFileSync(process.env.LR_KEEP_LO_TABLE, bytes);
  });

  test("the header cells stay bold through the LibreOffice round trip: LibreOffice empties the first cell's run properties, the bold is in the paragraph's style", () => {
    const xml = unzipText(resaved).text("word/document.xml");
    const styles = unzipText(resaved).text("word/styles.xml");
    const table = xml.slice(xml.indexOf("<w:tbl>"), xml.indexOf("</w:tr>", xml.indexOf("<w:tbl>")));
    const cells = [...table.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1]);
    expect(cells).toHaveLength(3);
    // The situation: LibreOffice wrote the first cell's text in runs without their bold.
    expect(cells[0]).not.toMatch(/<w:rPr>(?:(?!<\/w:rPr>).)*<w:b\/>/s);
    for (const cell of cells) expect(boldInStyle(styles, /<w:pStyle w:val="([^"]+)"/.exec(cell)![1])).toBe(true);
    // And after a refresh the header is written again on its bold style.
    const { bytes } = refreshDocx(read(base), resaved);
    const refreshed = unzipText(bytes);
    const header = /<w:tblHeader\/>[\s\S]*?<\/w:tr>/.exec(refreshed.text("word/document.xml"))![0];
    for (const id of [...header.matchAll(/<w:pStyle w:val="([^"]+)"/g)].map((m) => m[1]))
      expect(boldInStyle(refreshed.text("word/styles.xml"), id)).toBe(true);
  });

  test("LibreOffice dissolved the table's control: the bare table, its first cell holding untagged copies (the situation this guards)", () => {
    const xml = unzipText(resaved).text("word/document.xml");
    expect(xml).not.toContain("lr:eg.by_issuer");
    expect(xml).toMatch(/<w:tc>(?:(?!<\/w:tc>)[\s\S])*lr_eg_by_issuer/);
  });

  test("refresh from the same ledgers: no conflict, the control back around one clean table, the header cell said once, valid WordprocessingML", async () => {
    const { plan, bytes } = refreshDocx(read(base), resaved);
    expect(plan.conflicts).toEqual([]);
    expect(plan.kept).toEqual([]);
    expect(plan.removed).toEqual([]);
    const again = readLinkedDocx(bytes);
    const control = again.controls.find((c) => c.id === "eg.by_issuer")!;
    expect(control.anchor).toBe("tag");
    expect(groups(bytes)).toEqual(baseGroups);
    expect(control.text.split("\n")[0]).toBe("出函机构");
    const outcome = await validateWordXml(again.documentXml);
    if (outcome) expect(outcome.errors).toEqual([]);
  });
});

describe("the rounding note of a table figure in a report file (CLI refresh, 更新已有报告)", () => {
  const thirds = ["甲银行", "乙担保", "丙保险"];
  const addsUp = ["甲银行", "甲银行", "乙担保"];

  function controlXml(bytes: Uint8Array): string {
    const xml = unzipText(bytes).text("word/document.xml");
    const { start, end } = sdtSpan(xml, "eg.by_issuer");
    return xml.slice(start, end);
  }

  test("a refresh whose shares stop adding up writes the note under the table inside the control; the next refresh that adds up removes it", async () => {
    const first = runEngine(issuerWorkbook(addsUp), { template: TABLE_TEMPLATE, generatedAt: "2023-01-10T00:00:00Z" });
    const report = await renderDocx(first.report, first.link);
    expect(controlXml(report)).not.toContain(ROUNDING_NOTE);

    const noted = refreshDocx(issuerWorkbook(thirds), report);
    expect(noted.plan.updated.map((u) => u.id)).toContain("eg.by_issuer");
    // Inside the control, after the table: the note is the figure's rendering, rewritten with it.
    expect(controlXml(noted.bytes)).toMatch(new RegExp(`</w:tbl><w:p>(?:(?!</w:p>).)*${ROUNDING_NOTE}`, "s"));
    expect(
      readLinkedDocx(noted.bytes)
        .controls.find((c) => c.id === "eg.by_issuer")!
        .text.split("\n")
        .pop(),
    ).toBe(ROUNDING_NOTE);
    const outcome = await validateWordXml(readLinkedDocx(noted.bytes).documentXml);
    if (outcome) expect(outcome.errors).toEqual([]);

    // The untouched table with its note is no hand edit.
    const same = refreshDocx(issuerWorkbook(thirds), noted.bytes);
    expect(same.plan.conflicts).toEqual([]);
    expect(same.plan.kept).toEqual([]);
    expect(same.plan.unchanged).toContain("eg.by_issuer");

    const back = refreshDocx(issuerWorkbook(addsUp), noted.bytes);
    expect(back.plan.updated.map((u) => u.id)).toContain("eg.by_issuer");
    expect(controlXml(back.bytes)).not.toContain(ROUNDING_NOTE);
    expect(readLinkedDocx(back.bytes).controls.find((c) => c.id === "eg.by_issuer")!.text).toBe(
      first.figures.find((f) => f.id === "eg.by_issuer")!.text,
    );
  });

  test("a clerk's edit of the note is a hand edit: a conflict to review, the note kept as the clerk wrote it", async () => {
    const first = runEngine(issuerWorkbook(thirds), { template: TABLE_TEMPLATE, generatedAt: "2023-01-10T00:00:00Z" });
    const report = await renderDocx(first.report, first.link);
    const xml = unzipText(report).text("word/document.xml");
    const edited = withDocumentXml(
      report,
      editControl(xml, "eg.by_issuer", (sdt) => sdt.replace(ROUNDING_NOTE, "注：占比四舍五入。")),
    );
    const { plan, bytes } = refreshDocx(issuerWorkbook([...thirds, "丁银行"]), edited);
    expect(plan.conflicts.map((c) => [c.id, c.resolution])).toEqual([["eg.by_issuer", "keep"]]);
    expect(controlXml(bytes)).toContain("注：占比四舍五入。");
  });
});

describeIfSoffice("a table figure with its rounding note, re-saved by LibreOffice", () => {
  const thirds = ["甲银行", "乙担保", "丙保险"];
  let resaved: Uint8Array;

  beforeAll(async () => {
    const first = runEngine(issuerWorkbook(thirds), { template: TABLE_TEMPLATE, generatedAt: "2023-01-10T00:00:00Z" });
    const source = path.join(dir, "注报告.docx");
    writeFileSync(source, await renderDocx(first.report, first.link));
    resaved = await resaveWithLibreOffice(source);
  }, 300000);

  test("refresh from the same ledgers finds the table and its note again: no conflict, one note inside the control", () => {
    const { plan, bytes } = refreshDocx(issuerWorkbook(thirds), resaved);
    expect(plan.conflicts).toEqual([]);
    expect(plan.kept).toEqual([]);
    const xml = unzipText(bytes).text("word/document.xml");
    expect(xml.split(ROUNDING_NOTE)).toHaveLength(2);
    const { start, end } = sdtSpan(xml, "eg.by_issuer");
    expect(xml.slice(start, end)).toContain(ROUNDING_NOTE);
  });

  test("a refresh whose shares add up again removes the note LibreOffice left after the table", () => {
    const { plan, bytes } = refreshDocx(issuerWorkbook(["甲银行", "甲银行", "乙担保"]), resaved);
    expect(plan.conflicts).toEqual([]);
    expect(plan.updated.map((u) => u.id)).toContain("eg.by_issuer");
    expect(unzipText(bytes).text("word/document.xml")).not.toContain(ROUNDING_NOTE);
  });
});
