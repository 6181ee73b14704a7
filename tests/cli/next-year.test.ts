// Next year's report from last year's, end to end on files: generate 2022 → the clerk rewrites a
// sentence and types one figure by hand → `refresh --year 2023` with the 2023 ledgers. Words kept,
// every year slot and figure for 2023, the hand-typed figure listed for review and left as typed,
// and a new file beside the old one (which is not touched).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import { refreshedName } from "../../src/cli/main";
import { cli } from "../helpers/cli";
import { readLinkedDocx } from "../../src/adapters/docx/patch";
import { editControl, SAMPLE, unzipText, withDocumentXml } from "../adapters/docx/refresh/clerk";

const dir = mkdtempSync(path.join(tmpdir(), "lr-next-year-"));
const SENTENCE = "三是明确重点工作。";
const REWRITTEN = "三是明确年度重点工作（经办人改写）。";
const NEW_GUARANTEES = 3;

function texts(bytes: Uint8Array): Map<string, string> {
  return new Map(readLinkedDocx(bytes).controls.map((c) => [c.id, c.text]));
}

let lastYear: string;
let edited: string;
let ledgers2023: string;

beforeAll(async () => {
  lastYear = path.join(dir, "述职报告-2022.docx");
  const generated = await cli("generate", SAMPLE, "-o", lastYear);
  if (!existsSync(lastYear)) throw new Error(`generate failed (${generated.code}): ${generated.err}`);
  // The clerk's edits, saved as 述职报告-2022.docx again: a sentence rewritten and 专题研讨次数 typed over.
  const bytes = new Uint8Array(readFileSync(lastYear));
  const xml = unzipText(bytes).text("word/document.xml");
  if (!xml.includes(SENTENCE)) throw new Error("the sample report no longer has the sentence this test rewrites");
  const seminar = texts(bytes).get("study.seminar.count")!;
  const withWords = xml.replace(SENTENCE, REWRITTEN);
  edited = lastYear;
  writeFileSync(
    edited,
    withDocumentXml(
      bytes,
      editControl(withWords, "study.seminar.count", (sdt) => sdt.replace(`>${seminar}</w:t>`, ">十余</w:t>")),
    ),
  );

  // The 2023 ledgers: the same workbook with three guarantees issued in 2023 in 交易二科's sheet.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("电子保函（交易二科）")!;
  const model = sheet.getRow(5).values as ExcelJS.CellValue[];
  for (let n = 1; n <= NEW_GUARANTEES; n++) {
    const row = sheet.insertRow(5, []);
    model.forEach((v, c) => (row.getCell(c).value = v ?? null));
    row.getCell(1).value = `DZBH2023${String(n).padStart(6, "0")}`;
    row.getCell(2).value = new Date(Date.UTC(2023, 2, n));
  }
  ledgers2023 = path.join(dir, "台账2023.xlsx");
  writeFileSync(ledgers2023, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
});

describe("ledger-report refresh --year 2023 (next year's report)", () => {
  test("keeps the clerk's words, moves every year slot and figure to 2023, lists the hand-typed figure and writes 述职报告-2023.docx", async () => {
    const before = new Uint8Array(readFileSync(edited));
    const r = await cli("refresh", ledgers2023, edited, "--year", "2023", "--json");
    expect([0, 1]).toContain(r.code);
    const json = JSON.parse(r.out);
    expect(json.output).toBe(path.join(dir, "述职报告-2023.docx"));
    // The old report is not touched.
    expect(new Uint8Array(readFileSync(edited))).toEqual(before);

    const after = new Uint8Array(readFileSync(json.output));
    const xml = unzipText(after).text("word/document.xml");
    expect(xml).toContain(REWRITTEN);
    const now = texts(after);
    // Year slots: the title's year, the period's end, 下一年度.
    expect(now.get("setting.year")).toBe("2023");
    expect(now.get("setting.next_year")).toBe("2024");
    expect(readLinkedDocx(after).record.period).toEqual({ start: "2023-01-01", end: "2023-12-31" });
    // Every figure the clerk did not type shows what the 2023 ledgers say for 2023.
    const figures = JSON.parse((await cli("figures", ledgers2023, "--year", "2023", "--json")).out).figures as {
      id: string;
      text: string;
    }[];
    const for2023 = new Map(figures.map((f) => [f.id, f.text]));
    for (const [id, text] of now) if (for2023.has(id) && id !== "study.seminar.count") expect([id, text]).toEqual([id, for2023.get(id)]);
    expect(json.updated.find((u: { id: string }) => u.id === "eg.count")).toBeDefined();
    // The hand-typed figure is listed for review and left as typed.
    expect(now.get("study.seminar.count")).toBe("十余");
    const listed = [...json.conflicts, ...json.kept].map((c: { id: string }) => c.id);
    expect(listed).toContain("study.seminar.count");
    expect(r.code).toBe(1);
  });

  test("names what it carries over from 2022 as it was — each 手工值 and the workbook's 年度 — and exits 1", async () => {
    const r = await cli("refresh", ledgers2023, edited, "--year", "2023", "-o", path.join(dir, "carried-2023.docx"), "--json");
    expect(r.code).toBe(1);
    const carried = (JSON.parse(r.out).mustLook as { code: string; message: string; messageEn: string }[]).find(
      (l) => l.code === "refresh.next_year_carried",
    );
    expect(carried).toBeDefined();
    // Every 手工值 of the sample's report by name and value, as last year's.
    expect(carried!.message).toMatch(/目标要求条数 \d+ 仍是 2022 年的手工值/);
    expect(carried!.message).toMatch(/指标定义!H\d+/);
    expect(carried!.message).toContain("工作簿的年度是 2022");
    expect(carried!.messageEn).toContain("2023");
  });

  test("lists the 0s of a ledger with no record in 2023 apart from the updates, its reason once, in Chinese and English", async () => {
    const r = await cli("refresh", ledgers2023, edited, "--year", "2023", "-o", path.join(dir, "zeros-2023.docx"));
    const lines = r.out.split("\n");
    // 活动记录 holds nothing of 2023: its two figures are 0s to confirm, under one line with the reason and its cell.
    const head = lines.findIndex((l) => l.startsWith("按 0 写入，请确认") && l.includes("“活动记录”"));
    expect(head).toBeGreaterThanOrEqual(0);
    expect(lines[head]).toContain("2023-01-01 至 2023-12-31");
    expect(lines[head]).toContain("（见 活动记录!B2）");
    expect(lines.filter((l) => l.includes("“活动记录”台账在"))).toHaveLength(1);
    expect(lines[head + 1]).toMatch(/^ {2}加入社区群个数：\d+ → 0$/);
    expect(lines[head + 2]).toMatch(/^ {2}捐赠次数：\d+ → 0$/);
    expect(lines.filter((l) => l.startsWith("已更新") && /社区群|捐赠/.test(l))).toEqual([]);
    // A 0 counted from a ledger that has 2023 records is an ordinary update; so is a number that moved.
    expect(lines.some((l) => /^已更新 {2}电子保函笔数 {2}\d+ → \d+$/.test(l))).toBe(true);
    const en = await cli("refresh", ledgers2023, edited, "--year", "2023", "-o", path.join(dir, "zeros-2023-en.docx"), "--lang", "en");
    expect(en.out).toMatch(
      /written as 0, to confirm {2}ledger 活动记录 has no record in the period 2023-01-01 to 2023-12-31, so it is 0 \(see 活动记录!B2\):\n {2}加入社区群个数: \d+ → 0/,
    );
    expect(en.out).not.toMatch(/^updated +捐赠次数/m);
    const json = JSON.parse(
      (await cli("refresh", ledgers2023, edited, "--year", "2023", "-o", path.join(dir, "zeros-2023-json.docx"), "--json")).out,
    );
    expect(json.zeros).toEqual([
      expect.objectContaining({
        ledger: "活动记录",
        cell: "活动记录!B2",
        figures: [
          expect.objectContaining({ id: "community_groups.count", new: "0" }),
          expect.objectContaining({ id: "donations.count", new: "0" }),
        ],
      }),
    ]);
  });

  test("the default name follows the year: the report's year changed, or the year added", () => {
    expect(refreshedName("/d/述职报告-2022.docx", 2023)).toBe("/d/述职报告-2023.docx");
    expect(refreshedName("/d/2022年度述职报告.docx", 2023)).toBe("/d/2023年度述职报告.docx");
    expect(refreshedName("/d/报告.docx", 2023)).toBe("/d/报告-2023.docx");
    expect(refreshedName("/d/述职报告-2023.docx", 2023)).toBe("/d/述职报告-2023.refreshed.docx");
    expect(refreshedName("/d/报告.docx", undefined)).toBe("/d/报告.refreshed.docx");
  });

  test("--help shows how to make next year's report", async () => {
    const r = await cli("refresh", "--help");
    expect(r.out).toContain("--year");
    expect(r.out).toContain("生成下一年度");
  });
});
