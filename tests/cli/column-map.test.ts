// `check` on a workbook with a renamed header prints the 列名对照 row to add; with that row added,
// the figures are the exact counts.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "../helpers/cli";
import { renamedStudyWorkbook, STUDY_COUNTS } from "../helpers/renamed-workbook";

const dir = mkdtempSync(join(tmpdir(), "lr-colmap-"));

describe("ledger-report and 列名对照", () => {
  it("check names the header cell, says the whole column is ignored and prints the row to add", async () => {
    const file = join(dir, "renamed.xlsx");
    writeFileSync(file, await renamedStudyWorkbook());
    const r = await cli("check", file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/学习记录!C4\s+「学习方式」是不是“形式”？/);
    expect(r.out).toContain("整列未读取");
    // The line to paste: three cells, tab separated.
    expect(r.out.split("\n")).toContain("学习记录\t形式\t学习方式");
    expect(r.err).toContain("缺少 1 个必填列，这些列整列未读取");
    expect(r.err).not.toContain("相关行未计入指标");
  });

  it("check --lang en says it in English", async () => {
    const file = join(dir, "renamed-en.xlsx");
    writeFileSync(file, await renamedStudyWorkbook());
    const r = await cli("check", file, "--lang", "en");
    expect(r.out).toMatch(/"学习方式": is this 形式 \(Form\)\?/);
    expect(r.out.split("\n")).toContain("学习记录\t形式\t学习方式");
    expect(r.err).toContain("whole columns were ignored");
  });

  it("check --json carries the row to add on the issue", async () => {
    const file = join(dir, "renamed-json.xlsx");
    writeFileSync(file, await renamedStudyWorkbook());
    const r = await cli("check", file, "--json");
    const issue = JSON.parse(r.out).issues.find((i: { code: string }) => i.code === "ledger.missing_column");
    expect(issue).toMatchObject({ cell: "学习记录!C4", columnMapping: { ledger: "学习记录", column: "形式", header: "学习方式" } });
  });

  it("with the row in 列名对照, figures are the exact counts and check is clean", async () => {
    const file = join(dir, "mapped.xlsx");
    writeFileSync(file, await renamedStudyWorkbook({ mapping: [["学习记录", "形式", "学习方式"]] }));
    const check = await cli("check", file, "--json");
    // Only this ledger is in the workbook, so other figures are unresolved (exit 1); nothing is about columns.
    const json = JSON.parse(check.out);
    expect(json.issues.filter((i: { code: string }) => /missing_column|column_map/.test(i.code))).toEqual([]);
    expect(json.mustLook.map((r: { code: string }) => r.code)).not.toContain("rows.excluded");
    const r = await cli("figures", file, "--json");
    const figures: { id: string; value: number }[] = JSON.parse(r.out).figures;
    for (const [id, count] of Object.entries(STUDY_COUNTS)) expect([id, figures.find((f) => f.id === id)!.value]).toEqual([id, count]);
  });

  it("a 列名对照 row naming no header of the ledger is a warning at its cell", async () => {
    const file = join(dir, "bad-mapping.xlsx");
    writeFileSync(file, await renamedStudyWorkbook({ mapping: [["学习记录", "形式", "学习类型"]] }));
    const r = await cli("check", file, "--json");
    const issue = JSON.parse(r.out).issues.find((i: { code: string }) => i.code === "column_map.header_not_found");
    expect(issue).toMatchObject({ severity: "warning", cell: "列名对照!C2" });
  });
});
