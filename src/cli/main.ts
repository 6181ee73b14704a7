// ledger-report: the engine on .xlsx/.docx files. Exit 0 success, 1 the ledgers have error-severity
// issues (the work is still done), 2 the input cannot be used (one line on stderr, no stack trace).
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readXlsxAsync, XlsxReadError } from "../adapters/xlsx";
import { nodeZipCodec } from "../adapters/xlsx/node-codec";
import { matchLedgerName, SETTINGS_SHEET, DEFINITIONS_SHEET, COLUMN_MAP_SHEET, COLUMN_MAP_TABLE } from "../core/ledger";
import { runEngine, type EngineResult } from "../core/engine";
import type { ReportSettings } from "../core/types";
import { createProgress } from "./progress";
import { formatRefresh, formatIssues, formatFigures, formatLedgers, figuresJson, checkJson, summaryLine, type Lang } from "./output";
import { formatColumnMappingLines } from "./output";
import { HELP, type Command } from "./help";

/** An input the tool cannot use: reported as one line, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

const STEPS = ["读取工作簿", "校验台账", "计算指标", "排版", "写入文件"];

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export async function main(
  argv: string[],
  io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
): Promise<number> {
  const [command, ...rest] = argv;
  let lang: Lang = process.env.LEDGER_REPORT_LANG === "en" ? "en" : "zh";
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.out(HELP.main);
    return 0;
  }
  if (command === "--version" || command === "-v") {
    io.out("0.1.0\n");
    return 0;
  }
  if (!(command in HELP) || command === "main") {
    io.err(`ledger-report: 未知命令“${command}”。用 ledger-report --help 查看可用命令。 (unknown command)\n`);
    return 2;
  }
  const cmd = command as Command;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h" },
        json: { type: "boolean" },
        output: { type: "string", short: "o" },
        year: { type: "string" },
        scope: { type: "string" },
        lang: { type: "string" },
        "overwrite-conflicts": { type: "boolean" },
        force: { type: "boolean" },
      },
    });
  } catch (e) {
    io.err(`ledger-report ${cmd}: ${(e as Error).message}\n${HELP[cmd]}`);
    return 2;
  }
  const { values: flags, positionals } = parsed;
  if (flags.lang === "en") lang = "en";
  if (flags.help) {
    io.out(HELP[cmd]);
    return 0;
  }
  try {
    switch (cmd) {
      case "init":
        return await init(positionals, lang, io);
      case "check":
      case "figures":
      case "generate":
        return await analyse(cmd, positionals, flags, lang, io);
      case "refresh":
        return await refresh(positionals, flags, lang, io);
      default:
        io.out(HELP[cmd]);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`ledger-report: ${lang === "en" ? e.messageEn : e.message}\n`);
      return 2;
    }
    if (e instanceof XlsxReadError) {
      io.err(`ledger-report: ${lang === "en" ? e.messageEn : e.message}\n`);
      return 2;
    }
    // A bug of ours: still one line, with a hint where the detail is.
    io.err(`ledger-report: 内部错误：${(e as Error)?.message ?? e}（设置 LEDGER_REPORT_DEBUG=1 可查看详细信息）\n`);
    if (process.env.LEDGER_REPORT_DEBUG) io.err(`${(e as Error)?.stack}\n`);
    return 2;
  }
}

function requireInput(positionals: string[], what: string, whatEn: string): string {
  const p = positionals[0];
  if (!p) throw new UsageError(`缺少${what}文件。`, `missing ${whatEn} file.`);
  return resolve(p);
}

function loadWorkbookBytes(path: string): Uint8Array {
  if (!existsSync(path)) throw new UsageError(`找不到文件：${path}`, `file not found: ${path}`);
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new UsageError(`无法读取文件：${path}（${(e as NodeJS.ErrnoException).code ?? "?"}）`, `cannot read file: ${path}`);
  }
}

/** Sheets worth reading: ledgers and the configuration sheets (列名对照 too); the rest are skipped unread. */
export function wantSheet(sheetName: string, tableNames: string[]): boolean {
  if (sheetName === SETTINGS_SHEET || sheetName === DEFINITIONS_SHEET) return true;
  if (sheetName.trim() === COLUMN_MAP_SHEET || tableNames.includes(COLUMN_MAP_TABLE)) return true;
  return matchLedgerName(sheetName) !== null || tableNames.some((t) => matchLedgerName(t) !== null);
}

async function analyse(
  cmd: "check" | "figures" | "generate",
  positionals: string[],
  flags: { json?: boolean; output?: string; year?: string; scope?: string; force?: boolean },
  lang: Lang,
  io: Io,
): Promise<number> {
  const input = requireInput(positionals, "工作簿（.xlsx）", "workbook (.xlsx)");
  const overrides = parseOverrides(flags);
  if (cmd === "generate" && flags.output !== undefined) checkOutput(resolve(flags.output), input, Boolean(flags.force));

  const progress = createProgress(cmd === "generate" ? STEPS : STEPS.slice(0, 3));
  try {
    progress.step("读取工作簿");
    const bytes = loadWorkbookBytes(input);
    const workbook = await readXlsxAsync(bytes, { name: basename(input), wantSheet, codec: nodeZipCodec });
    progress.step("校验台账");
    const result = runEngine(workbook, { overrides });
    progress.step("计算指标");
    const noLedger = result.issues.find((i) => i.code === "workbook.no_ledger");
    if (noLedger) throw new UsageError(`${basename(input)}：${noLedger.message}`, `${basename(input)}: ${noLedger.messageEn}`);

    const hasErrors = result.issues.some((i) => i.severity === "error");
    if (cmd === "check") {
      progress.done();
      io.out(
        flags.json
          ? `${JSON.stringify(checkJson(result), null, 2)}\n`
          : `${formatLedgers(result, lang)}${formatIssues(result.issues, lang)}${formatColumnMappingLines(result.issues, lang)}${summaryLine(result, lang)}\n`,
      );
    } else if (cmd === "figures") {
      progress.done();
      io.out(
        flags.json ? `${JSON.stringify(figuresJson(result), null, 2)}\n` : `${formatFigures(result, lang)}${summaryLine(result, lang)}\n`,
      );
    } else {
      // Without -o the name carries the report's year, known once 报告设置 has been read.
      const output = flags.output !== undefined ? resolve(flags.output) : resolve(`述职报告-${result.settings.year}.docx`);
      if (flags.output === undefined) checkOutput(output, input, Boolean(flags.force));
      progress.step("排版");
      const bytesOut = await renderReport(result);
      progress.step("写入文件");
      mkdirSync(dirname(output), { recursive: true });
      writeFileSync(output, bytesOut);
      progress.done();
      if (flags.json) io.out(`${JSON.stringify({ output, ...figuresJson(result) }, null, 2)}\n`);
      else io.out(`${summaryLine(result, lang)}\n${lang === "en" ? "Report written" : "报告已写入"}：${output}\n`);
    }
    if (hasErrors && !flags.json) io.err(errorHint(result, lang));
    return hasErrors ? 1 : 0;
  } finally {
    progress.done();
  }
}

async function refresh(
  positionals: string[],
  flags: { json?: boolean; output?: string; year?: string; scope?: string; "overwrite-conflicts"?: boolean; force?: boolean },
  lang: Lang,
  io: Io,
): Promise<number> {
  const input = requireInput(positionals, "工作簿（.xlsx）", "workbook (.xlsx)");
  if (!positionals[1]) throw new UsageError("缺少要刷新的报告（.docx）。", "missing the report (.docx) to refresh.");
  const reportPath = resolve(positionals[1]);
  // The default never replaces anything: an earlier refreshed copy may hold the clerk's edits.
  const output = flags.output !== undefined ? resolve(flags.output) : freeName(reportPath.replace(/(\.docx)?$/i, ".refreshed.docx"));
  // Naming the report itself with -o is the one way to refresh it in place.
  if (output !== reportPath) checkOutput(output, input, Boolean(flags.force));
  const overrides = parseOverrides(flags);
  const progress = createProgress(["读取工作簿", "读取报告", "计算指标", "写入文件"]);
  try {
    progress.step("读取工作簿");
    const workbook = await readXlsxAsync(loadWorkbookBytes(input), { name: basename(input), wantSheet, codec: nodeZipCodec });
    progress.step("读取报告");
    if (!existsSync(reportPath)) throw new UsageError(`找不到文件：${reportPath}`, `file not found: ${reportPath}`);
    const docxBytes = new Uint8Array(readFileSync(reportPath));
    const { refreshDocx, DocxReadError } = await loadRefresh();
    let result;
    try {
      progress.step("计算指标");
      result = refreshDocx(workbook, docxBytes, { overwriteConflicts: Boolean(flags["overwrite-conflicts"]), overrides });
    } catch (e) {
      if (e instanceof DocxReadError)
        throw new UsageError(`${basename(reportPath)}：${e.message}`, `${basename(reportPath)}: ${e.messageEn}`);
      throw e;
    }
    const noLedger = result.issues.find((i) => i.code === "workbook.no_ledger");
    if (noLedger) throw new UsageError(`${basename(input)}：${noLedger.message}`, `${basename(input)}: ${noLedger.messageEn}`);
    progress.step("写入文件");
    writeFileSync(output, result.bytes);
    progress.done();
    const { plan } = result;
    if (flags.json) {
      io.out(
        `${JSON.stringify({ output, updated: plan.updated, unchanged: plan.unchanged, conflicts: plan.conflicts.map(({ id, written, current, new: n }) => ({ id, written, current, new: n })), removed: plan.removed, issues: result.issues.map((i) => ({ severity: i.severity, code: i.code, message: i.message, messageEn: i.messageEn, cell: i.cell ?? null })) }, null, 2)}\n`,
      );
    } else {
      const notable = result.issues.filter((i) => i.severity !== "info");
      if (notable.length) io.out(formatIssues(notable, lang));
      io.out(formatRefresh(plan, lang));
      io.out(`${lang === "en" ? "Refreshed report written" : "已写入刷新后的报告"}：${output}\n`);
    }
    const keptConflicts = plan.conflicts.some((c) => c.resolution === "keep");
    return keptConflicts ? 1 : 0;
  } finally {
    progress.done();
  }
}

/** Refuses an output that would overwrite the workbook, is not a .docx, or exists (unless --force). */
function checkOutput(output: string, input: string, force: boolean): void {
  if (output === input) throw new UsageError("输出文件不能覆盖输入的工作簿。", "the output must not overwrite the input workbook.");
  if (!/\.docx$/i.test(output)) throw new UsageError(`输出文件应以 .docx 结尾：${output}`, `the output must end in .docx: ${output}`);
  if (!force && existsSync(output))
    throw new UsageError(
      `${output} 已存在，未做任何修改。请换一个文件名，或加 --force 覆盖。`,
      `${output} already exists; nothing was changed. Choose another name, or add --force to replace it.`,
    );
}

/** `报告.refreshed.docx`, or `报告.refreshed-2.docx` … when that exists. */
function freeName(path: string): string {
  if (!existsSync(path)) return path;
  for (let n = 2; ; n++) {
    const candidate = path.replace(/\.docx$/i, `-${n}.docx`);
    if (!existsSync(candidate)) return candidate;
  }
}

async function loadRefresh() {
  const [{ refreshDocx }, { DocxReadError }] = await Promise.all([import("../adapters/docx/refresh"), import("../adapters/docx/patch")]);
  return { refreshDocx, DocxReadError };
}

function parseOverrides(flags: { year?: string; scope?: string }): Partial<ReportSettings> {
  const overrides: Partial<ReportSettings> = {};
  if (flags.year !== undefined) {
    const year = Number(flags.year);
    if (!Number.isInteger(year) || year < 1990 || year > 2100)
      throw new UsageError(`--year 应为四位年份，而不是“${flags.year}”。`, `--year must be a four-digit year, not "${flags.year}".`);
    overrides.year = year;
  }
  if (flags.scope !== undefined) overrides.scope = flags.scope;
  return overrides;
}

async function renderReport(result: EngineResult): Promise<Uint8Array> {
  const { renderDocx } = await import("../adapters/docx");
  return renderDocx(result.report, result.link);
}

function errorHint(result: EngineResult, lang: Lang): string {
  const issues = result.issues;
  const n = issues.filter((i) => i.severity === "error").length;
  const rows = Object.values(result.ledgers.ledgers).reduce((sum, l) => sum + (l?.excluded ?? 0), 0);
  // A missing column is not "some rows": the whole column was ignored, and it must say so.
  const columns = issues.filter((i) => i.code === "ledger.missing_column").length;
  if (lang === "en") {
    const parts = [`${rows} row(s) were left out`];
    if (columns > 0)
      parts.push(
        `${columns} required column(s) are missing, so those whole columns were ignored and the figures that use them cannot be computed`,
      );
    return `${n} error(s) in the ledgers: ${parts.join("; ")}. Run \`ledger-report check\` to list them.\n`;
  }
  const parts = [`${rows} 行未计入指标`];
  if (columns > 0) parts.push(`缺少 ${columns} 个必填列，这些列整列未读取，用到它们的指标无法计算`);
  return `台账中有 ${n} 个错误：${parts.join("；")}。运行 ledger-report check 查看明细。\n`;
}

async function init(positionals: string[], lang: Lang, io: Io): Promise<number> {
  const target = requireInput(positionals, "要创建的工作簿", "workbook to create");
  if (existsSync(target))
    throw new UsageError(
      `${target} 已存在，未做任何修改。请换一个文件名，或在 Excel 中用“初始化工作簿”补齐缺少的工作表。`,
      `${target} already exists; nothing was changed. Choose a new name, or use "Set up workbook" in Excel to add what is missing.`,
    );
  if (!/\.xlsx$/i.test(target))
    throw new UsageError(`工作簿文件名应以 .xlsx 结尾：${target}`, `the workbook name must end in .xlsx: ${target}`);
  const { writeSetupWorkbook } = await import("../adapters/xlsx/setup-writer");
  const { defaultSettings, settingsToRows } = await import("../core/settings");
  const { DEFINITION_HEADERS, DEFAULT_DEFINITIONS, definitionToRow } = await import("../core/figures");
  const settings = { ...defaultSettings(), workbookId: randomId() };
  const bytes = await writeSetupWorkbook({
    settingsRows: settingsToRows(settings),
    definitionHeaders: DEFINITION_HEADERS,
    definitionRows: DEFAULT_DEFINITIONS.map(definitionToRow),
  });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes, { flag: "wx" });
  io.out(
    lang === "en"
      ? `Created ${target}: every ledger as a table, 报告设置 and 指标定义.\n`
      : `已创建 ${target}：各台账表格、报告设置、指标定义。\n`,
  );
  return 0;
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

/** Entry point of the `ledger-report` binary. */
export function run(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`ledger-report: ${(e as Error)?.message ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
