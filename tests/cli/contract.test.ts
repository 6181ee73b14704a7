// The command-line contract, command by command: one meaning per exit code (0 nothing to look at,
// 1 finished but look, 2 unusable input and nothing written), JSON on stdout for every answer when
// --json is given (errors too, all with "version": 1), and the small courtesies of the help.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { cli } from "../helpers/cli";
import { EXIT_MUST_LOOK, EXIT_OK, LOOK_REASONS, exitCode, mustLook } from "../../src/cli/exit";
import { COMMANDS, didYouMean, HELP } from "../../src/cli/help";
import { formatRefresh } from "../../src/cli/output";
import { readLedgers } from "../../src/core/ledger";
import type { Issue, RawTable } from "../../src/core/types";
import type { Cell } from "exceljs";
import { editControl, withDocumentXml } from "../adapters/docx/refresh/clerk";
import { readLinkedDocx } from "../../src/adapters/docx/patch";
import { rawTable } from "../helpers/raw-workbook";
import { linkRecordOf } from "../helpers/link-record";
import { answerSettings } from "../helpers/answered-settings";

const sample = resolve(__dirname, "../../examples/sample-ledgers.xlsx");

const dir = mkdtempSync(join(tmpdir(), "lr-contract-"));
/**
 * A workbook from `init` with its three 手工值 and its 报告设置 answers filled in (a fresh one leaves
 * them blank: a blank manual figure is unresolved, a blank 单位名称 shows ［待补］) and every counted
 * figure's 条件 ending 允许为零 (its ledgers have no records, and a 0 no record supports is asked about
 * unless the clerk allowed it): every ledger present, no rows, no issue — nothing to look at.
 */
const clean = join(dir, "干净.xlsx");
let cleanReport: string;
let sampleReport: string;
/** The clean workbook a year on: the same workbook (same 工作簿ID) with 目标要求条数 changed to 21. */
const moved = join(dir, "干净-改.xlsx");
const unusable = join(dir, "表格.xlsx");
const existingDocx = join(dir, "已有.docx");

beforeAll(async () => {
  expect((await cli("init", clean)).code).toBe(0);
  await fillManualValues(clean, { "goals.count": 20, "xxqg.threshold": 40, "xxqg.rank": 10 });
  await answerSettings(clean);
  await allowZeroEverywhere(clean);
  cleanReport = join(dir, "干净.docx");
  expect((await cli("generate", clean, "-o", cleanReport)).code).toBe(0);
  writeFileSync(moved, readFileSync(clean));
  await fillManualValues(moved, { "goals.count": 21 });
  sampleReport = join(dir, "样例.docx");
  await cli("generate", sample, "-o", sampleReport);
  writeFileSync(unusable, "日期,形式,主题\n2022-01-01,专题学习,二十大\n");
  writeFileSync(existingDocx, "the clerk's edited report");
}, 120000);

/**
 * Opens the workbook file, hands each row of 指标定义 below its header to `edit` with its cells by
 * header (a header that is not there fails the test), and saves the file.
 */
async function editDefinitionRows(path: string, edit: (cell: (header: string) => Cell) => void): Promise<void> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheet = wb.getWorksheet("指标定义")!;
  const header = sheet.getRow(1).values as unknown[];
  const column = (name: string) => {
    expect({ [name]: header.indexOf(name) }).not.toEqual({ [name]: -1 });
    return header.indexOf(name);
  };
  sheet.eachRow((row, r) => {
    if (r > 1) edit((name) => row.getCell(column(name)));
  });
  await wb.xlsx.writeFile(path);
}

/** Adds `; 允许为零` to the 条件 of every figure counted from a ledger: the clerk signs its 0. */
function allowZeroEverywhere(path: string): Promise<void> {
  return editDefinitionRows(path, (cell) => {
    if (!cell("台账").value) return;
    const conditions = String(cell("条件").value ?? "");
    cell("条件").value = conditions ? `${conditions}; 允许为零` : "允许为零";
  });
}

function fillManualValues(path: string, values: Record<string, number | null>): Promise<void> {
  return editDefinitionRows(path, (cell) => {
    const id = String(cell("指标ID").value ?? "");
    if (id in values) cell("手工值").value = values[id];
  });
}

function handEdited(report: string, id: string, text: string): string {
  const bytes = new Uint8Array(readFileSync(report));
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
  const edited = editControl(xml, id, (sdt) => sdt.replace(/(<w:sdtContent>.*?<w:t(?: [^>]*)?>)[^<]*(<\/w:t>)/s, `$1${text}$2`));
  const file = join(dir, `手改-${id}-${readdirSync(dir).length}.docx`);
  writeFileSync(file, withDocumentXml(bytes, edited));
  return file;
}

describe("the exit code is decided in one place", () => {
  const error: Issue = { severity: "error", code: "x", message: "错", messageEn: "bad", cell: "学习记录!C3" };
  const warning: Issue = { ...error, severity: "warning" };
  /** The settings reader's warning for 年度 2026 against a 2025 period (报告设置!B2), with the message given. */
  const yearOutsidePeriod = (message: string, messageEn: string): Issue => ({
    severity: "warning",
    code: "settings.year_outside_period",
    message,
    messageEn,
    cell: "报告设置!B2",
    year: 2026,
    period: { start: "2025-01-01", end: "2025-12-31" },
  });

  test("0 when nothing needs the clerk's eye, warnings included", () => {
    expect(exitCode({})).toBe(EXIT_OK);
    expect(exitCode({ issues: [warning], figures: [{ id: "a" }], conflictsKept: [] })).toBe(EXIT_OK);
  });

  test("1 for error rows left out, for an unresolved figure, for a hand edit kept — each a named reason", () => {
    expect(mustLook({ issues: [error, error] })).toEqual([expect.objectContaining({ code: "rows.excluded", count: 2 })]);
    expect(mustLook({ figures: [{ id: "eg.count", name: "电子保函笔数", unresolved: true }] })).toEqual([
      expect.objectContaining({ code: "figures.unresolved", count: 1, message: expect.stringContaining("电子保函笔数") }),
    ]);
    expect(mustLook({ conflictsKept: [{ id: "eg.count" }] })).toEqual([expect.objectContaining({ code: "conflicts.kept", count: 1 })]);
    for (const o of [{ issues: [error] }, { figures: [{ id: "a", unresolved: "no rows" }] }, { conflictsKept: [{ id: "a" }] }])
      expect(exitCode(o)).toBe(EXIT_MUST_LOOK);
  });

  test("1 for a duplicated key, counting each duplicate (a flood of them too), not claiming a figure counted both when none did", () => {
    const header = ["保函编号", "开立日期", "投标企业", "保证金金额（元）"];
    const rows = [
      ["BH-1", "2022-01-01", "甲", 100],
      ...Array.from({ length: 7 }, (_, i) => [i === 0 ? "BH-1" : `BH-D`, "2022-01-02", "乙", 200]),
    ];
    const tables: RawTable[] = [
      rawTable("学习记录", [
        ["日期", "形式", "主题"],
        ["2022-03-01", "党课", "廉政党课"],
      ]),
      rawTable("共建单位", [
        ["单位名称", "协议签订日期"],
        ["某社区", "2022-01-05"],
      ]),
      { sheet: "电子保函", top: 0, left: 0, values: [header, ...rows] },
    ];
    const issues = readLedgers({ name: "重复.xlsx", date1904: false, tables }).issues;
    // BH-1 once more, BH-D six times with five duplicates: six duplicated rows in all.
    expect(mustLook({ issues })).toEqual([
      expect.objectContaining({
        code: "keys.duplicate",
        count: 6,
        message: "6 个编号重复（保函编号），两行都作为记录读取，没有指标把重复的两行都计入，请核对。",
      }),
    ]);
    expect(exitCode({ issues })).toBe(EXIT_MUST_LOOK);
    // A figure of another ledger carrying the mark says nothing about these keys.
    const elsewhere = [{ id: "study", ledger: "学习记录", rowsCountedTwice: { count: 1, cells: ["学习记录!A3"] } }];
    expect(mustLook({ issues, figures: elsewhere })[0].message).toContain("没有指标把重复的两行都计入");
  });

  test("a duplicated key some figure of its ledger counted twice says how many figures may be too large", () => {
    const duplicate: Issue = {
      severity: "warning",
      code: "key.duplicate",
      message: "电子保函!A3 …",
      messageEn: "电子保函!A3 …",
      cell: "电子保函!A3",
      ledger: "电子保函",
      column: "保函编号",
    };
    const marked = { count: 1, cells: ["电子保函!A3"] };
    const figures = [
      { id: "eg.count", ledger: "电子保函", rowsCountedTwice: marked },
      { id: "eg.amount", ledger: "电子保函", rowsCountedTwice: marked },
      { id: "eg.firms", ledger: "电子保函" },
    ];
    const [reason] = mustLook({ issues: [duplicate], figures });
    expect(reason).toMatchObject({ code: "keys.duplicate", count: 1 });
    expect(reason.message).toBe("1 个编号重复（保函编号），2 项指标把重复的两行都计入了，可能偏大，请核对。");
    expect(reason.messageEn).toBe(
      "1 key(s) are duplicated (保函编号); 2 figure(s) count both rows and may be too large — please check them.",
    );
  });

  test("1 for rows repeated in full on a ledger without a key, counted twice or not, said as rows and their ledgers", () => {
    const repeated = (ledger: string, cell: string, count?: number): Issue => ({
      severity: "warning",
      code: "row.repeated",
      message: `${cell} …`,
      messageEn: `${cell} …`,
      cell,
      ledger,
      ...(count !== undefined ? { count } : {}),
    });
    const issues = [repeated("学习记录", "'学习记录 (2)'!A2", 6), repeated("人员", "'人员 (2)'!A2")];
    const [notCounted] = mustLook({ issues, figures: [{ id: "study", ledger: "学习记录" }] });
    expect(notCounted).toMatchObject({ code: "rows.repeated", count: 7 });
    expect(notCounted.message).toBe("7 行与前面一行完全相同（学习记录、人员），两行都作为记录读取，没有指标把两行都计入，请核对。");
    const figures = [{ id: "study", ledger: "学习记录", rowsCountedTwice: { count: 6, cells: ["'学习记录 (2)'!A2"] } }];
    const [counted] = mustLook({ issues, figures });
    expect(counted.message).toBe("7 行与前面一行完全相同（学习记录、人员），1 项指标把两行都计入了，可能偏大，请核对。");
    expect(exitCode({ issues, figures })).toBe(EXIT_MUST_LOOK);
  });

  test("1 when a distinct count met a firm's name and code that disagree: the figure named, with the cells", () => {
    const conflict = (code: string, cell: string): Issue => ({
      severity: "warning",
      code,
      message: `${cell} …`,
      messageEn: `${cell} …`,
      ledger: "电子保函",
      figure: "eg.firms",
      cell,
    });
    const issues = [conflict("figure.identity_name_codes", "电子保函!D5"), conflict("figure.identity_code_names", "电子保函!C8")];
    const figures = [{ id: "eg.firms", name: "服务企业家数", ledger: "电子保函" }];
    const [reason] = mustLook({ issues, figures });
    expect(reason).toMatchObject({ code: "figures.identity", count: 2 });
    expect(reason.message).toBe(
      "2 处投标企业与统一社会信用代码不一致（电子保函!D5、电子保函!C8）：“服务企业家数”按规则计数（一个企业两个代码算 2 家，两个企业同一代码算 1 家），数字可能不准，请核对这些行。",
    );
    expect(reason.messageEn).toContain('"服务企业家数"');
    expect(exitCode({ issues, figures })).toBe(EXIT_MUST_LOOK);
    // A report that does not show the figure is not held up by it.
    expect(mustLook({ issues, figures: [{ id: "eg.count", name: "电子保函笔数", ledger: "电子保函" }] })).toEqual([]);
  });

  test("1 for a 年度 outside the statistics period: the title says one year, the figures count another", () => {
    const outside = yearOutsidePeriod(
      "年度 2026 不在统计期间 2025-01-01 至 2025-12-31 内，请核对。",
      "Year 2026 is outside the period 2025-01-01 to 2025-12-31; please check.",
    );
    const [reason] = mustLook({ issues: [outside] });
    expect(reason).toMatchObject({ code: "settings.year_outside_period", count: 1 });
    expect(reason.message).toContain("报告设置!B2");
    expect(reason.message).toContain("期间开始");
    expect(reason.messageEn).toContain("报告设置!B2");
    expect(exitCode({ issues: [outside] })).toBe(EXIT_MUST_LOOK);
  });

  test("1 for next year's report carrying over a 手工值, an early 落款日期 or the workbook's 年度, each named", () => {
    const carried = (code: string, message: string): Issue => ({ severity: "warning", code, message, messageEn: message });
    const issues = [
      carried("refresh.manual_carried", "指标定义!H2：目标要求条数 7 仍是 2025 年的手工值，请在报告设置/指标定义中核对。"),
      carried("refresh.signature_date_early", "报告设置!B15：落款日期 2026-01-10 早于新报告期间的结束日 2026-12-31"),
      carried("refresh.next_year_workbook_year", "报告设置!B2：工作簿的年度是 2025，而新报告是 2026 年度的"),
    ];
    const [reason] = mustLook({ issues });
    expect(reason).toMatchObject({ code: "refresh.next_year_carried", count: 3 });
    for (const i of issues) expect(reason.message).toContain(i.message);
    expect(exitCode({ issues: [issues[0]] })).toBe(EXIT_MUST_LOOK);
  });

  test("1 for a figure that is 0 because its ledger has no records, one line per ledger naming its figures", () => {
    const empty = (id: string, name: string, ledger: string) => ({
      id,
      name,
      ledger,
      zeroToSee: { code: "ledger_empty", reason: `“${ledger}”台账还没有任何记录，按 0 计入`, reasonEn: "no records", cell: `${ledger}!A1` },
    });
    const figures = [
      empty("eg.count", "电子保函笔数", "电子保函"),
      empty("eg.firms", "服务企业家数", "电子保函"),
      empty("partners.count", "党建共建单位数", "共建单位"),
    ];
    const [reason] = mustLook({ figures });
    expect(reason).toMatchObject({ code: "ledgers.empty", count: 3 });
    const lines = reason.message.split("\n");
    expect(lines.filter((l) => l.includes("电子保函笔数"))).toEqual([expect.stringContaining("服务企业家数")]);
    expect(lines.find((l) => l.includes("电子保函笔数"))).toContain("电子保函!A1");
    expect(lines.find((l) => l.includes("党建共建单位数"))).toContain("共建单位!A1");
    expect(reason.message).toContain("允许为零");
    expect(reason.messageEn).toContain("电子保函!A1");
    expect(exitCode({ figures })).toBe(EXIT_MUST_LOOK);
    // The same 0 the clerk allowed (no zeroToSee) needs no look.
    expect(exitCode({ figures: [{ id: "eg.count", name: "电子保函笔数", ledger: "电子保函" }] })).toBe(EXIT_OK);
  });

  test("names the duplicated key's column from the issue's data, whatever its message says", () => {
    const duplicate = (message: string, column: string): Issue => ({
      severity: "warning",
      code: "key.duplicate",
      message,
      messageEn: message,
      cell: "电子保函!A3",
      ledger: "电子保函",
      column,
    });
    // An English-only message, a reworded one: the column still comes from the data.
    const issues = [duplicate("A3: the guarantee number duplicates A2", "保函编号"), duplicate("与 B2 相同的单位出现了两次", "单位名称")];
    expect(mustLook({ issues })).toEqual([
      expect.objectContaining({
        code: "keys.duplicate",
        count: 2,
        message: "2 个编号重复（保函编号、单位名称），两行都作为记录读取，没有指标把重复的两行都计入，请核对。",
      }),
    ]);
  });

  test("words a 年度 outside the period from the issue's year and period, not from its message", () => {
    const outside = yearOutsidePeriod("年度与期间不一致", "The year and the period disagree.");
    const [reason] = mustLook({ issues: [outside] });
    expect(reason.message).toContain("年度 2026 不在统计期间 2025-01-01 至 2025-12-31 内（报告设置!B2）：报告标题写的年度");
    expect(reason.messageEn).toContain(
      "Year 2026 is outside the period 2025-01-01 to 2025-12-31 (报告设置!B2): the report is titled one year",
    );
    expect(reason.message).not.toContain("不一致");
  });

  test("tells errors of 指标定义 apart from ledger rows left out, naming their cells", () => {
    // An error as the row error is, but in 指标定义.
    const definition: Issue = { ...error, code: "definition.bad_aggregate", message: "指标定义!D5 统计方式无法识别", cell: "指标定义!D5" };
    const reasons = mustLook({ issues: [error, definition] });
    expect(reasons.map((r) => [r.code, r.count])).toEqual([
      ["rows.excluded", 1],
      ["definitions.errors", 1],
    ]);
    expect(reasons[1].message).toContain("指标定义!D5");
    expect(reasons[0].message).toContain("台账中有 1 个错误");
  });

  test("takes a new reason by appending to LOOK_REASONS, for every command at once", () => {
    LOOK_REASONS.push((o) =>
      (o.issues ?? []).some((i) => i.code === "scope.unknown") ? { code: "scope", count: 1, message: "范围", messageEn: "scope" } : null,
    );
    try {
      expect(exitCode({ issues: [{ ...warning, code: "scope.unknown" }] })).toBe(EXIT_MUST_LOOK);
    } finally {
      LOOK_REASONS.pop();
    }
  });
});

describe("exit codes, command by command", () => {
  test("init: 0 when it creates the workbook, 2 when the file exists (unchanged) or is not .xlsx", async () => {
    const fresh = join(dir, "新建.xlsx");
    expect((await cli("init", fresh)).code).toBe(0);
    const before = readFileSync(fresh);
    const again = await cli("init", fresh);
    expect(again.code).toBe(2);
    expect(readFileSync(fresh).equals(before)).toBe(true);
    expect((await cli("init", join(dir, "台账.txt"))).code).toBe(2);
    expect(existsSync(join(dir, "台账.txt"))).toBe(false);
  });

  test("generate on a fresh init with its 手工值 and 报告设置 filled: 1, naming per empty ledger the figures written as 0", async () => {
    const fresh = join(dir, "新建-手工值.xlsx");
    expect((await cli("init", fresh)).code).toBe(0);
    await fillManualValues(fresh, { "goals.count": 20, "xxqg.threshold": 40, "xxqg.rank": 10 });
    await answerSettings(fresh);
    const r = await cli("generate", fresh, "-o", join(dir, "新建-手工值.docx"), "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { mustLook: { code: string; message: string }[] };
    expect(json.mustLook.map((l) => l.code)).toEqual(["ledgers.empty"]);
    const lines = json.mustLook[0].message.split("\n");
    for (const [ledger, figure] of [
      ["电子保函", "电子保函笔数"],
      ["共建单位", "党建共建单位数"],
      ["学习记录", "专题研讨次数"],
    ])
      expect(lines.filter((l) => l.includes(`“${ledger}”`))).toEqual([expect.stringContaining(figure)]);
  });

  test("check on a fresh init says, one line per ledger, under which row and which columns to fill", async () => {
    const fresh = join(dir, "新建-检查.xlsx");
    expect((await cli("init", fresh)).code).toBe(0);
    const r = await cli("check", fresh);
    expect(r.code).toBe(1);
    const lines = (r.out + r.err).split("\n");
    for (const ledger of ["学习记录", "共建单位", "电子保函", "活动记录", "人员", "队伍"]) {
      const told = lines.filter((l) => l.includes(`“${ledger}”台账还没有任何记录：请在表头`));
      expect(told).toHaveLength(1);
      expect(told[0]).toMatch(/第 1 行.*必填列：/);
    }
    expect(lines.find((l) => l.includes("“电子保函”台账还没有任何记录：请在表头"))).toContain("保函编号");
  });

  test.each(["check", "figures", "generate"])("%s: 0 on a clean workbook, 1 on the sample's error rows, 2 on a CSV", async (cmd) => {
    const out = (name: string) => (cmd === "generate" ? ["-o", join(dir, `${cmd}-${name}.docx`)] : []);
    expect((await cli(cmd, clean, ...out("clean"))).code).toBe(0);
    expect((await cli(cmd, sample, ...out("sample"))).code).toBe(1);
    const bad = await cli(cmd, unusable, ...out("bad"));
    expect(bad.code).toBe(2);
    if (cmd === "generate") expect(existsSync(join(dir, "generate-bad.docx"))).toBe(false);
  });

  test.each(["check", "figures", "generate"])(
    "%s: 1 on a workbook whose 保函编号 is duplicated, saying the figures that counted both rows may be too large",
    async (cmd) => {
      const ExcelJS = (await import("exceljs")).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(clean);
      const sheet = wb.getWorksheet("电子保函")!;
      const header = sheet.getRow(1).values as unknown[];
      for (const r of [2, 3]) {
        const row = sheet.getRow(r);
        row.getCell(header.indexOf("保函编号")).value = "BH-2022-001";
        row.getCell(header.indexOf("开立日期")).value = new Date(Date.UTC(2022, 2, r));
        row.getCell(header.indexOf("投标企业")).value = `企业${r}`;
        row.getCell(header.indexOf("保证金金额（元）")).value = 1000 * r;
      }
      const twice = join(dir, `重复-${cmd}.xlsx`);
      await wb.xlsx.writeFile(twice);
      const run = await cli(cmd, twice, ...(cmd === "generate" ? ["-o", join(dir, `重复-${cmd}.docx`)] : []));
      expect(run.code).toBe(1);
      expect(run.out + run.err).toMatch(/1 个编号重复（保函编号），\d+ 项指标把重复的两行都计入了，可能偏大，请核对/);
    },
  );

  test("refresh: 0 on a clean workbook, 1 on the sample's error rows — as generate on the same workbook — 2 on a document that is no report", async () => {
    expect((await cli("refresh", clean, cleanReport, "-o", join(dir, "r-clean.docx"))).code).toBe(0);
    const generated = await cli("generate", sample, "-o", join(dir, "again.docx"));
    const refreshed = await cli("refresh", sample, sampleReport, "-o", join(dir, "r-sample.docx"));
    expect(refreshed.code).toBe(1);
    expect(refreshed.code).toBe(generated.code);
    const notReport = join(dir, "不是报告.docx");
    writeFileSync(notReport, strToU8("plain text"));
    const bad = await cli("refresh", clean, notReport, "-o", join(dir, "r-bad.docx"));
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, "r-bad.docx"))).toBe(false);
  });

  test("generate and fill: 1 when 年度 was changed but 期间 was not, naming the cell", async () => {
    const forgot = join(dir, "忘改期间.xlsx");
    writeFileSync(forgot, readFileSync(clean));
    // Last year's workbook with the period typed in, moved on by its 年度 only.
    await answerSettings(forgot, { 年度: 2026, 期间开始: new Date(Date.UTC(2025, 0, 1)), 期间结束: new Date(Date.UTC(2025, 11, 31)) });
    const r = await cli("generate", forgot, "-o", join(dir, "忘改期间.docx"), "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).mustLook).toEqual([expect.objectContaining({ code: "settings.year_outside_period" })]);
    const f = await cli("fill", forgot, cleanReport, "-o", join(dir, "忘改期间-fill.docx"));
    expect(f.code).toBe(1);
    expect(f.err).toMatch(/年度 2026 不在统计期间 .*报告设置!B\d+/);
  });

  test("refresh without --year from next year's workbook: says the period it used and suggests --year, exit 1", async () => {
    const nextYear = join(dir, "干净-明年.xlsx");
    writeFileSync(nextYear, readFileSync(clean));
    const reportYear = Number(readLinkedDocx(new Uint8Array(readFileSync(cleanReport))).record.period.end.slice(0, 4));
    const y = reportYear + 1;
    await answerSettings(nextYear, { 年度: y, 期间开始: new Date(Date.UTC(y, 0, 1)), 期间结束: new Date(Date.UTC(y, 11, 31)) });
    const r = await cli("refresh", nextYear, cleanReport, "-o", join(dir, "r-next.docx"));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`期间 ${reportYear}-01-01 至 ${reportYear}-12-31`);
    expect(r.err).toContain(`--year ${reportYear + 1}`);
    const asked = await cli(
      "refresh",
      nextYear,
      cleanReport,
      "-o",
      join(dir, "r-next-year.docx"),
      "--year",
      String(reportYear + 1),
      "--json",
    );
    expect(JSON.parse(asked.out).period.start).toBe(`${reportYear + 1}-01-01`);
    expect(JSON.parse(asked.out).mustLook.map((m: { code: string }) => m.code)).not.toContain("refresh.workbook_year_differs");
  });

  test("refresh: 1 when a hand edit is kept, 0 when --overwrite-conflicts takes the ledgers' value", async () => {
    // A conflict needs both: the clerk changed the text and the workbook's value moved (20 → 21).
    const edited = handEdited(cleanReport, "goals.count", "十五");
    const kept = await cli("refresh", moved, edited, "-o", join(dir, "r-kept.docx"));
    expect(kept.code).toBe(1);
    expect(kept.err).toContain("--overwrite-conflicts");
    expect((await cli("refresh", moved, edited, "-o", join(dir, "r-taken.docx"), "--overwrite-conflicts")).code).toBe(0);
  });

  test("refresh: 1 when it writes a 待补 placeholder (a 手工值 cleared since the report)", async () => {
    const cleared = join(dir, "干净-清空.xlsx");
    writeFileSync(cleared, readFileSync(clean));
    await fillManualValues(cleared, { "goals.count": null });
    const r = await cli("refresh", cleared, cleanReport, "-o", join(dir, "r-cleared.docx"), "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).mustLook.map((m: { code: string }) => m.code)).toEqual(["figures.unresolved"]);
  });

  test("refresh --other-workbook: done as asked, and 1 so the clerk checks every figure", async () => {
    const r = await cli("refresh", moved, sampleReport, "-o", join(dir, "r-other.docx"), "--other-workbook", "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).mustLook.map((m: { code: string }) => m.code)).toContain("refresh.other_workbook");
  });

  test("--lang other than zh or en is refused, not answered in Chinese as if nothing happened", async () => {
    const r = await cli("check", clean, "--lang", "fr");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--lang");
  });

  test("refresh: 1 when a hand edit that says another number stands over an unmoved value, the ledgers' value beside it", async () => {
    // The clean workbook has no guarantees: the ledgers say 0, the clerk typed 五.
    const edited = handEdited(cleanReport, "eg.count", "五");
    const r = await cli("refresh", clean, edited, "-o", join(dir, "r-stands.docx"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("保留写法  电子保函笔数  “五”（台账：0）");
    expect(r.err).toContain("手工改过，与台账不一致");
    const emptied = await cli("refresh", clean, handEdited(cleanReport, "eg.count", ""), "-o", join(dir, "r-emptied.docx"), "--json");
    expect(emptied.code).toBe(1);
    expect(JSON.parse(emptied.out).mustLook.map((m: { code: string }) => m.code)).toEqual(["hand_edits.kept"]);
  });

  test("refresh: 0 when the clerk wrote the ledgers' own number another way (零 for 0), still shown beside it", async () => {
    const r = await cli("refresh", clean, handEdited(cleanReport, "eg.count", "零"), "-o", join(dir, "r-zero.docx"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("“零”（台账：0）");
  });
});

describe("--json", () => {
  test.each([
    ["init", () => ["init", join(dir, `j-${Date.now()}.xlsx`)]],
    ["check", () => ["check", sample]],
    ["figures", () => ["figures", sample]],
    ["generate", () => ["generate", sample, "-o", join(dir, `j-${Date.now()}.docx`)]],
    ["refresh", () => ["refresh", sample, sampleReport, "-o", join(dir, `j-${Date.now()}.docx`)]],
  ])("%s answers with one JSON document carrying version 1 and why the clerk must look", async (_, args) => {
    const r = await cli(...args(), "--json");
    const j = JSON.parse(r.out);
    expect(j.version).toBe(1);
    expect(r.err).toBe("");
    if (r.code === 1) expect(j.mustLook.map((m: { code: string }) => m.code)).toContain("rows.excluded");
  });

  test.each([
    ["a missing file", ["check", "/nonexistent/台账.xlsx"], "file.not_found"],
    ["a CSV named .xlsx", ["figures", unusable], "workbook.not_zip"],
    ["an existing output", ["generate", sample, "-o", existingDocx], "output.exists"],
    ["an unknown command", ["chek", sample], "usage.unknown_command"],
    ["an unknown option", ["generate", sample, "--forse"], "usage.bad_option"],
    ["a bad year", ["figures", sample, "--year", "22"], "usage.bad_year"],
    ["a document that is no report", ["refresh", sample, sample], null],
  ])("answers %s in JSON on stdout, exit 2, nothing on stderr", async (_, argv, code) => {
    const r = await cli(...(argv as string[]), "--json");
    expect(r.code).toBe(2);
    expect(r.err).toBe("");
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(["version", "error"]);
    expect(j.version).toBe(1);
    expect(Object.keys(j.error)).toEqual(["code", "message", "messageEn"]);
    if (code) expect(j.error.code).toBe(code);
    expect(j.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(j.error.messageEn).toMatch(/^[\x20-\x7e]/);
    expect(j.error.messageEn).not.toBe(j.error.message);
  });
});

describe("refresh output", () => {
  test("puts a table figure's change on one console line, its cells joined by ' / '", () => {
    const record = linkRecordOf([], {
      workbookId: "",
      workbookName: "",
      period: { start: "2025-01-01", end: "2025-12-31" },
      generatedAt: "",
    });
    // A plan whose only change is the table figure's.
    const nothingElse = { unchanged: [], conflicts: [], kept: [], removed: [], notInDocument: [], writes: [] };
    const text = formatRefresh(
      {
        updated: [{ id: "eg.by_issuer", old: "出函机构\n数量\n某银行\n3", new: "［待补：按出函机构］" }],
        ...nothingElse,
        record,
        names: { "eg.by_issuer": "按出函机构" },
      },
      "zh",
    );
    expect(text.split("\n")[0]).toBe("已更新  按出函机构  出函机构 / 数量 / 某银行 / 3 → ［待补：按出函机构］");
    expect(text).toContain("期间 2025-01-01 至 2025-12-31，范围 全部门");
  });

  test("prints what changed and a count of the issues; --verbose lists them", async () => {
    const plain = await cli("refresh", sample, sampleReport, "-o", join(dir, "v1.docx"));
    expect(plain.out).toMatch(/台账问题：错误 \d+ 个，警告 \d+ 个，提示 \d+ 个。加 --verbose 列出明细。/);
    expect(plain.out).not.toMatch(/^错误\s/m);
    const verbose = await cli("refresh", sample, sampleReport, "-o", join(dir, "v2.docx"), "--verbose");
    expect(verbose.out).toMatch(/^错误\s/m);
  });

  test("counts an overwritten hand edit once, not as both updated and a conflict", async () => {
    const edited = handEdited(cleanReport, "goals.count", "十五");
    const text = await cli("refresh", moved, edited, "-o", join(dir, "o1.docx"), "--overwrite-conflicts");
    expect(text.out).toMatch(/更新 0 项，覆盖手工修改 1 项，未变 \d+ 项，保留手工修改 0 项/);
    expect(text.out.match(/目标要求条数/g)).toHaveLength(1);
    const j = JSON.parse((await cli("refresh", moved, edited, "-o", join(dir, "o2.docx"), "--overwrite-conflicts", "--json")).out);
    expect(j.updated.map((u: { id: string }) => u.id)).not.toContain("goals.count");
    expect(j.conflicts).toEqual([
      expect.objectContaining({ id: "goals.count", name: "目标要求条数", current: "十五", resolution: "take" }),
    ]);
  });

  test("--year recomputes for that year", async () => {
    const j = JSON.parse((await cli("refresh", sample, sampleReport, "-o", join(dir, "y.docx"), "--year", "2023", "--json")).out);
    expect(j.updated.map((u: { id: string }) => u.id)).toContain("setting.year");
    expect(j.updated.find((u: { id: string }) => u.id === "setting.year").new).toBe("2023");
  });
});

describe("help and courtesy", () => {
  test.each(COMMANDS)("%s --help lists each option once", (cmd) => {
    const options = HELP[cmd].match(/^\s+(--[a-z-]+)(?! 的结果)/gm)!.map((o) => o.trim());
    expect(options.length).toBeGreaterThan(0);
    expect(new Set(options).size).toBe(options.length);
  });

  test.each(["init", "generate", "refresh"] as const)("%s --help shows --force and --year", async (cmd) => {
    const r = await cli(cmd, "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("--force");
    expect(r.out).toContain("--year");
    expect(HELP[cmd]).toBe(r.out);
  });

  test("init --year writes that year into 报告设置, and --force replaces an existing file", async () => {
    const file = join(dir, "年度.xlsx");
    expect((await cli("init", file, "--year", "2023")).code).toBe(0);
    const figures = JSON.parse((await cli("figures", file, "--json")).out);
    expect(figures.period).toEqual({ start: "2023-01-01", end: "2023-12-31" });
    const replaced = await cli("init", file, "--force", "--year", "2024", "--json");
    expect(replaced.code).toBe(0);
    expect(JSON.parse(replaced.out)).toMatchObject({ version: 1, replaced: true, year: 2024 });
  });

  test.each([
    ["chek", "check"],
    ["genrate", "generate"],
    ["refesh", "refresh"],
    ["figure", "figures"],
    ["INIT", "init"],
  ])("a mistyped command %s is answered with “did you mean %s”", async (typed, meant) => {
    expect(didYouMean(typed, COMMANDS)).toBe(meant);
    const r = await cli(typed, sample);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`您是不是要用 ${meant}？`);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  test("a word far from every command gets no guess", () => {
    expect(didYouMean("frobnicate", COMMANDS)).toBeNull();
    expect(didYouMean("x", COMMANDS)).toBeNull();
  });

  test("an option the command does not take is refused with a guess, not ignored", async () => {
    const r = await cli("check", sample, "--overwrite-conflict");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--overwrite-conflict");
    const typo = await cli("generate", sample, "--forse", "--lang", "en");
    expect(typo.err).toContain("Did you mean --force?");
  });

  test("check's footer does not tell the clerk to run check; generate's does", async () => {
    const check = await cli("check", sample);
    expect(check.code).toBe(1);
    expect(check.out + check.err).not.toContain("ledger-report check");
    expect(check.err).toContain("台账中有");
    const figures = await cli("figures", sample);
    expect(figures.err).toContain("ledger-report check");
  });
});
