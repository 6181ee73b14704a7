// A clerk's own word for a 形式 or 类型 (`专题研讨会`, `捐款`) is a warning at its cell and the row
// counts as 其他: on the command line the figures asking for another word say they may be short by
// it, by name and with the cell (figures, generate, --json), and the command exits 1 — a report whose
// 专题研讨次数 lacks the clerk's 专题研讨会 is never signed unnoticed. The clerk's copyH.xlsx, in small.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "lr-read-as-other-"));
const NOW = new Date("2023-02-10T08:00:00Z");
const cli = (...argv: string[]) => runCli(argv, NOW);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A workbook whose 学习记录 row 3 says `seminar` and 活动记录 row 3 says `donation`. */
async function workbook(name: string, seminar: string, donation: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const study = wb.addWorksheet("学习记录");
  study.addRow(["日期", "形式", "主题", "组织", "参加人数"]);
  study.addRow([day("2022-03-01"), "专题学习", "学习党的二十大精神", "党支部", 30]);
  study.addRow([day("2022-08-01"), seminar, "营商环境", "党支部", 10]);
  const partners = wb.addWorksheet("共建单位");
  partners.addRow(["单位名称", "协议签订日期", "共建内容", "状态"]);
  partners.addRow(["某社区党委", day("2021-05-01"), "共建", "有效"]);
  const activities = wb.addWorksheet("活动记录");
  activities.addRow(["日期", "类型", "内容", "对象"]);
  activities.addRow([day("2022-05-01"), "社区群", "加入社区群", "某社区"]);
  activities.addRow([day("2022-10-10"), donation, "捐款", "某村"]);
  const settings = wb.addWorksheet("报告设置");
  settings.addRow(["项目", "值"]);
  settings.addRow(["年度", 2022]);
  const file = join(dir, name);
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

describe("a word read as 其他 on the command line", () => {
  let variants: string;
  let known: string;
  beforeAll(async () => {
    variants = await workbook("自己的写法.xlsx", "专题研讨会", "捐款");
    known = await workbook("可选值.xlsx", "专题研讨", "捐赠");
  });

  it("generate exits 1 and names the figures that may be short, with the cells read as 其他", async () => {
    const { code, out, err } = await cli("generate", variants, "-o", join(dir, "报告.docx"), "--force");
    expect(code).toBe(1);
    const study = out.split("\n").find((l) => l.includes("“学习记录”"));
    expect(study).toMatch(/^可能偏少：“学习记录”有 1 行的“形式”不在可选值中，已按“其他”统计（学习记录!B3）/);
    expect(study).toContain("“专题研讨次数”");
    // 专题学习 also asks for a 形式, but the row's 主题 is not about 二十大: it could not count there.
    expect(study).not.toContain("专题学习");
    const activity = out.split("\n").find((l) => l.includes("“活动记录”"));
    expect(activity).toContain("（活动记录!B3）");
    expect(activity).toContain("“捐赠次数”");
    expect(err).toContain("按“其他”统计（学习记录!B3、活动记录!B3）");
  });

  it("figures --json carries the mark on each figure it may be missing from, null on the others, and the reason in mustLook", async () => {
    const { code, out } = await cli("figures", variants, "--json");
    expect(code).toBe(1);
    const json = JSON.parse(out) as {
      figures: { id: string; value: number; rowsLeftOut: unknown }[];
      mustLook: { code: string; count: number }[];
    };
    const byId = new Map(json.figures.map((f) => [f.id, f]));
    expect(byId.get("study.seminar.count")).toMatchObject({
      value: 0,
      rowsLeftOut: { count: 1, cells: ["学习记录!B3"], readAsOther: { count: 1, cells: ["学习记录!B3"], columns: ["形式"] } },
    });
    expect(byId.get("donations.count")).toMatchObject({
      value: 0,
      rowsLeftOut: { count: 1, cells: ["活动记录!B3"], readAsOther: { count: 1, cells: ["活动记录!B3"], columns: ["类型"] } },
    });
    expect(byId.get("study.topic.count")?.rowsLeftOut).toBeNull();
    expect(json.mustLook.map((r) => r.code)).toContain("figures.read_as_other");
  });

  it("says it in English too", async () => {
    const { out } = await cli("figures", variants, "--lang", "en");
    expect(out).toMatch(/May be short: 1 row\(s\) of 学习记录 have a "形式" that is not one of its values, counted as 其他 \(学习记录!B3\)/);
  });

  it("the same workbook with the ledger's own words counts them, and has no such reason to exit 1", async () => {
    const { out } = await cli("figures", known, "--json");
    const json = JSON.parse(out) as { figures: { id: string; value: number; rowsLeftOut: unknown }[]; mustLook: { code: string }[] };
    expect(json.figures.find((f) => f.id === "study.seminar.count")).toMatchObject({ value: 1, rowsLeftOut: null });
    expect(json.figures.find((f) => f.id === "donations.count")).toMatchObject({ value: 1, rowsLeftOut: null });
    // Its other reasons (ledgers it lacks) are the variants' too: the words read as 其他 add exactly one.
    const variantsLook = JSON.parse((await cli("figures", variants, "--json")).out).mustLook as { code: string }[];
    expect(variantsLook.map((r) => r.code)).toEqual([...json.mustLook.map((r) => r.code), "figures.read_as_other"]);
  });
});
