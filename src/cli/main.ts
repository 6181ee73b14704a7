// ledger-report: the engine on .xlsx/.docx files. Exit codes, the same for every command (exit.ts):
// 0 nothing to look at, 1 finished but the clerk must look, 2 the input cannot be used and nothing
// was written (one line on stderr, or with --json one JSON error on stdout; never a stack trace).
import { LocalizedError, OTHER_WORKBOOK } from "../core/errors";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { XlsxReadError } from "../adapters/xlsx";
import { version as packageVersion } from "../../package.json";
import { readWorkbookFileAsync } from "../adapters/xlsx/workbook-file";
import { nodeZipCodec } from "../adapters/xlsx/node-codec";
import { runEngine, withRefusedDefinitions, type EngineResult } from "../core/engine";
import type { FigureResult, RawWorkbook, ReportSettings } from "../core/types";
import { placedCounts } from "../core/fill";
import { nearestValues } from "../core/figures/evaluate";
import { issuesForDocument } from "../core/refresh/shown";
import { createProgress } from "./progress";
import {
  formatRefresh,
  formatIssues,
  formatColumnMappingLines,
  formatFigures,
  formatLedgers,
  figuresJson,
  checkJson,
  refreshJson,
  issueCountLine,
  summaryLine,
  scopeNoteLine,
  figureMarkLines,
  type Lang,
} from "./output";
import { COMMANDS, HELP, OPTIONS, didYouMean, type Command } from "./help";
import { EXIT_UNUSABLE, exitCode, mustLook, type LookReason, type Outcome } from "./exit";
import { inLang, listParams, pieceParams, say, texts, type Bilingual, type CliTextKey } from "./messages";
import { codeOf, type TextParams } from "../core/messages";

/** An input the tool cannot use: reported as one line (or one JSON error), exit 2, nothing written. */
export class UsageError extends LocalizedError {
  /** `code`: stable, for scripts, in `--json` errors: `file.not_found`, `output.exists` … */
  constructor(message: string, messageEn: string, code = "usage") {
    super(code, message, messageEn);
  }
}

/** A refusal worded by the CLI's catalogue; its code is the key's (`output.exists#workbook` → `output.exists`). */
function refusal(key: CliTextKey, params: TextParams = {}): UsageError {
  const { message, messageEn } = texts(key, params);
  return new UsageError(message, messageEn, codeOf(key));
}

/** A reader's error about one file, its name first; the code names what was read (`report.not_docx`). */
function fileRefusal(file: string, e: Bilingual, code: string): UsageError {
  const { message, messageEn } = texts("file.error", { file, message: e.message, messageEn: e.messageEn });
  return new UsageError(message, messageEn, code);
}

/** The version of every JSON document the command prints. */
export const JSON_VERSION = 1;
/** The tool's version: package.json's, the one source (bundled into dist-cli by esbuild). */
export const TOOL_VERSION: string = packageVersion;

function printJson(io: Io, body: object): void {
  io.out(`${JSON.stringify({ version: JSON_VERSION, ...body }, null, 2)}\n`);
}

/** `mustLook` in a JSON result: why the exit code is 1 (empty when 0). */
function lookJson(reasons: LookReason[]) {
  return reasons.map(({ code, count, message, messageEn }) => ({ code, count, message, messageEn }));
}

const STEPS: StepKey[] = ["step.read_workbook", "step.check_ledgers", "step.compute_figures", "step.lay_out", "step.write_file"];

type StepKey = Extract<CliTextKey, `step.${string}`>;
/** A progress line whose steps are named by key and shown in the clerk's language. */
interface Steps {
  step(key: StepKey): void;
  done(): void;
}

function progressIn(lang: Lang, steps: StepKey[]): Steps {
  const progress = createProgress(steps.map((key) => say(key, {}, lang)));
  return { step: (key) => progress.step(say(key, {}, lang)), done: () => progress.done() };
}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Today, for `init`'s report year; tests fix it. */
  now?: () => Date;
}

export async function main(
  argv: string[],
  io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
): Promise<number> {
  const [command, ...rest] = argv;
  let lang: Lang = process.env.LEDGER_REPORT_LANG === "en" ? "en" : "zh";
  // Known before the arguments are parsed, so that even a bad argument is answered in JSON and in English.
  const json = rest.includes("--json");
  const langAt = rest.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (langAt >= 0 && (rest[langAt] === "--lang=en" || rest[langAt + 1] === "en")) lang = "en";
  const fail = (code: string, text: Bilingual, hint = ""): number => {
    if (json) printJson(io, { error: { code, message: text.message, messageEn: text.messageEn } });
    else io.err(`ledger-report: ${inLang(text, lang)}${hint}\n`);
    return EXIT_UNUSABLE;
  };
  // A refusal before any work, worded by its key (the code is the key's).
  const refuse = (key: CliTextKey, params: TextParams, hint = ""): number => fail(codeOf(key), texts(key, params), hint);
  const didYouMeanPiece = (guess: string | null) => pieceParams("guess", guess ? texts("usage.did_you_mean", { guess }) : null);

  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.out(HELP.main);
    return 0;
  }
  if (command === "--version" || command === "-v") {
    io.out(json ? `${JSON.stringify({ version: JSON_VERSION, tool: TOOL_VERSION })}\n` : `${TOOL_VERSION}\n`);
    return 0;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    const guess = didYouMean(command, COMMANDS);
    return refuse("usage.unknown_command", { command, ...didYouMeanPiece(guess) });
  }
  const cmd = command as Command;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: OPTIONS[cmd] });
  } catch (e) {
    // What went wrong is node's error code; only the option's name is read from its message
    // ("Option '-o, --output <value>' argument missing", "Unknown option '--forse'").
    const code = (e as { code?: unknown }).code;
    const bad = /'(?:-\w, )?(-[^'\s,]+)/.exec((e as Error).message)?.[1] ?? "";
    const known = Object.keys(OPTIONS[cmd]).map((o) => `--${o}`);
    const guess = bad.startsWith("--") ? didYouMean(bad.split("=")[0], known) : null;
    // Node says the same code for a value left off and a value given to a switch: the option's type tells them apart.
    const badValue = code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE";
    const valueMissing = badValue && OPTIONS[cmd][bad.slice(2)]?.type === "string";
    const valueGiven = badValue && !valueMissing;
    const key = valueMissing ? "usage.bad_option#value_missing" : valueGiven ? "usage.bad_option#value_given" : "usage.bad_option";
    const option = valueMissing || valueGiven ? bad : bad || (e as Error).message;
    return refuse(key, { command: cmd, option, ...didYouMeanPiece(guess) }, ` (ledger-report ${cmd} --help)`);
  }
  const { values: flags, positionals } = parsed as { values: Flags; positionals: string[] };
  // A language we do not speak is said, not answered in Chinese as if nothing happened.
  if (flags.lang !== undefined && flags.lang !== "en" && flags.lang !== "zh") return refuse("usage.bad_lang", { lang: flags.lang });
  if (flags.help) {
    io.out(HELP[cmd]);
    return 0;
  }
  try {
    switch (cmd) {
      case "init":
        return await init(positionals, flags, lang, io);
      case "check":
      case "figures":
      case "generate":
        return await analyse(cmd, positionals, flags, lang, io);
      case "fill":
        return await fill(positionals, flags, lang, io);
      case "refresh":
        return await refresh(positionals, flags, lang, io);
    }
  } catch (e) {
    if (e instanceof UsageError) return fail(e.code, e);
    if (e instanceof XlsxReadError) return fail(`workbook.${e.code}`, e);
    // A bug of ours: still one line, with a hint where the detail is.
    const detail = (e as Error)?.message ?? String(e);
    if (process.env.LEDGER_REPORT_DEBUG) io.err(`${(e as Error)?.stack}\n`);
    return refuse("internal", { detail });
  }
}

/** Every option any command takes; each command accepts only its own (help.ts OPTIONS). */
interface Flags {
  help?: boolean;
  json?: boolean;
  verbose?: boolean;
  output?: string;
  year?: string;
  scope?: string;
  lang?: string;
  "overwrite-conflicts"?: boolean;
  "other-workbook"?: boolean;
  force?: boolean;
}

/** What the clerk must look at, on stderr after the result (the JSON carries it as `mustLook`). */
function tellReasons(cmd: Command, reasons: LookReason[], lang: Lang, io: Io): void {
  for (const r of reasons) {
    // `check` has just listed the issues and `refresh` has offered --verbose with its count; the others say where the list is.
    const hint = r.code === "rows.excluded" && cmd !== "check" && cmd !== "refresh" ? say("rows.excluded#check_hint", {}, lang) : "";
    io.err(`${inLang(r, lang)}${hint}\n`);
  }
}

function requireInput(positionals: string[], missing: "usage.missing_input#workbook" | "usage.missing_input#new_workbook"): string {
  const p = positionals[0];
  if (!p) throw refusal(missing);
  return resolve(p);
}

function loadWorkbookBytes(path: string): Uint8Array {
  if (!existsSync(path)) throw refusal("file.not_found", { path });
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw refusal("file.unreadable", { path, reason: (e as NodeJS.ErrnoException).code ?? "?" });
  }
}

/** 校验台账 and 计算指标, the steps every command that reads figures takes: refuses a workbook without a
 * ledger and a --scope the ledgers do not know, rather than report on nothing. */
function computeFigures(workbook: RawWorkbook, input: string, overrides: Partial<ReportSettings>, progress: Steps): EngineResult {
  progress.step("step.check_ledgers");
  const result = runEngine(workbook, { overrides, generatedAt: generationTime() });
  progress.step("step.compute_figures");
  const noLedger = result.issues.find((i) => i.code === "workbook.no_ledger");
  if (noLedger) throw fileRefusal(basename(input), noLedger, "workbook.no_ledger");
  refuseUnknownScope(overrides, result);
  return result;
}

async function analyse(cmd: "check" | "figures" | "generate", positionals: string[], flags: Flags, lang: Lang, io: Io): Promise<number> {
  const input = requireInput(positionals, "usage.missing_input#workbook");
  const overrides = parseOverrides(flags);
  if (cmd === "generate" && flags.output !== undefined) checkOutput(resolve(flags.output), input, Boolean(flags.force));

  const progress = progressIn(lang, cmd === "generate" ? STEPS : STEPS.slice(0, 3));
  try {
    progress.step("step.read_workbook");
    const bytes = loadWorkbookBytes(input);
    const workbook = await readWorkbookFileAsync(bytes, basename(input), nodeZipCodec);
    const result = computeFigures(workbook, input, overrides, progress);
    // figures lists every definition: a refused 指标定义 row as unresolved, its error the reason, at its cell.
    if (cmd === "figures") result.figures = withRefusedDefinitions(result.figures, result.settings, result.issues);

    // A report is judged by the figures it shows; check and figures list (and judge) every definition.
    const shown = new Set(result.link.figures.map((f) => f.id));
    // Its warnings name only figures it shows, or say the figure is not in it.
    const issues = cmd === "generate" ? issuesForDocument(result.issues, result.figures, shown) : result.issues;
    const placed = cmd === "generate" ? result.figures.filter((f) => shown.has(f.id)) : result.figures;
    const outcome: Outcome = {
      issues,
      figures: placed,
      ...(cmd === "generate" ? { slots: result.link.figures } : {}),
    };
    const reasons = mustLook(outcome);
    if (cmd === "check") {
      progress.done();
      if (flags.json) printJson(io, { ...checkJson(result), mustLook: lookJson(reasons) });
      else
        io.out(
          `${formatLedgers(result, lang)}${formatIssues(result.issues, lang)}${formatColumnMappingLines(result.issues, lang)}${summaryLine(result, lang)}\n`,
        );
    } else if (cmd === "figures") {
      progress.done();
      if (flags.json) printJson(io, { ...figuresJson(result), mustLook: lookJson(reasons) });
      else io.out(`${formatFigures(result, lang, flags.verbose === true)}${summaryLine(result, lang)}\n`);
    } else {
      // Without -o the name carries the report's year, known once 报告设置 has been read.
      const output = flags.output !== undefined ? resolve(flags.output) : resolve(`述职报告-${result.settings.year}.docx`);
      if (flags.output === undefined) checkOutput(output, input, Boolean(flags.force));
      progress.step("step.lay_out");
      const bytesOut = await renderReport(result);
      progress.step("step.write_file");
      mkdirSync(dirname(output), { recursive: true });
      writeFileSync(output, bytesOut);
      progress.done();
      if (flags.json) printJson(io, { output, ...figuresJson({ ...result, issues }), mustLook: lookJson(reasons) });
      else
        io.out(
          `${summaryLine(result, lang)}\n${scopeNoteLine(result, lang)}${shortLines(placed, lang)}${say("generate.written", { path: output }, lang)}\n`,
        );
    }
    if (!flags.json) tellReasons(cmd, reasons, lang, io);
    return exitCode(outcome);
  } finally {
    progress.done();
  }
}

/** The placed figures that may be short by rows left out, or too large by rows counted twice, each by name with the cells (figureMarkLines). */
function shortLines(figures: readonly FigureResult[], lang: Lang): string {
  const lines = figureMarkLines(figures, lang);
  return lines.length ? `${lines.join("\n")}\n` : "";
}

/**
 * The clerk's own document may put a 截至期末 or 全部 figure (电子保函笔数 counts every guarantee up to
 * the period end) into a sentence about this year: said once, by name, so the words can be checked.
 */
function carriedOverNote(figures: readonly FigureResult[], lang: Lang): string {
  const carried = figures.filter((f) => f.ledger !== null && f.period.kind !== "current" && f.unresolved === undefined);
  if (carried.length === 0) return "";
  const named = carried.map((f) => f.name + say("aside", { text: f.period.label }, lang));
  return `${say("fill.carried_over", listParams("figures", named), lang)}\n`;
}

async function refresh(positionals: string[], flags: Flags, lang: Lang, io: Io): Promise<number> {
  const input = requireInput(positionals, "usage.missing_input#workbook");
  if (!positionals[1]) throw refusal("usage.missing_input#report");
  const reportPath = resolve(positionals[1]);
  const overrides = parseOverrides(flags);
  // The default never replaces anything: an earlier refreshed copy may hold the clerk's edits.
  const output = flags.output !== undefined ? resolve(flags.output) : freeName(refreshedName(reportPath, overrides.year));
  // Naming the report itself with -o is the one way to refresh it in place.
  if (output !== reportPath) checkOutput(output, input, Boolean(flags.force));
  const progress = progressIn(lang, ["step.read_workbook", "step.read_report", "step.compute_figures", "step.write_file"]);
  try {
    progress.step("step.read_workbook");
    const workbook = await readWorkbookFileAsync(loadWorkbookBytes(input), basename(input), nodeZipCodec);
    progress.step("step.read_report");
    if (!existsSync(reportPath)) throw refusal("file.not_found", { path: reportPath });
    const docxBytes = new Uint8Array(readFileSync(reportPath));
    const { refreshDocx, DocxReadError, OtherWorkbookError } = await loadRefresh();
    let result;
    try {
      progress.step("step.compute_figures");
      result = refreshDocx(workbook, docxBytes, {
        overwriteConflicts: Boolean(flags["overwrite-conflicts"]),
        overrides,
        generatedAt: generationTime(),
        allowOtherWorkbook: Boolean(flags["other-workbook"]),
      });
    } catch (e) {
      if (e instanceof DocxReadError) throw fileRefusal(basename(reportPath), e, `report.${e.code}`);
      if (e instanceof OtherWorkbookError) throw refusal(OTHER_WORKBOOK, { message: e.message, messageEn: e.messageEn });
      throw e;
    }
    const noLedger = result.issues.find((i) => i.code === "workbook.no_ledger");
    if (noLedger) throw fileRefusal(basename(input), noLedger, "workbook.no_ledger");
    // The same refusal as generate's, with the departments there are and the nearest one: the
    // ledgers are read once more for them, only on this way out.
    if (overrides.scope !== undefined && result.issues.some((i) => i.code === "settings.scope_unknown"))
      refuseUnknownScope(overrides, runEngine(workbook, { overrides }));
    progress.step("step.write_file");
    writeFileSync(output, result.bytes);
    progress.done();
    const { plan } = result;
    // The figures the report shows: one the ledgers cannot support is written as its placeholder.
    const inReport = new Set(plan.record.figures.map((f) => f.id));
    // Its warnings name only figures it shows, or say the figure is not in it.
    const issues = issuesForDocument(result.issues, result.figures, inReport);
    const placed = result.figures.filter((f) => inReport.has(f.id));
    const outcome: Outcome = {
      issues,
      figures: placed,
      conflictsKept: plan.conflicts.filter((c) => c.resolution === "keep"),
      keptAsWritten: plan.kept,
      slots: plan.record.figures,
    };
    const reasons = mustLook(outcome);
    if (flags.json) {
      printJson(io, { output, ...refreshJson(plan, issues, result.figures), mustLook: lookJson(reasons) });
    } else {
      io.out(formatRefresh(plan, lang, result.figures));
      // The report's figures that may be short by rows left out, by name with the cells, as generate says them.
      io.out(shortLines(placed, lang));
      if (flags.verbose) io.out(formatIssues(issues, lang));
      io.out(`${issueCountLine(issues, lang, !flags.verbose)}\n`);
      io.out(`${say("refresh.written", { path: output }, lang)}\n`);
      tellReasons("refresh", reasons, lang, io);
    }
    return exitCode(outcome);
  } finally {
    progress.done();
  }
}

async function fill(positionals: string[], flags: Flags, lang: Lang, io: Io): Promise<number> {
  const input = requireInput(positionals, "usage.missing_input#workbook");
  const templateArg = positionals[1];
  if (!templateArg) throw refusal("usage.missing_input#template");
  const overrides = parseOverrides(flags);
  const templatePath = resolve(templateArg);
  const isFile = existsSync(templatePath);
  if (flags.output !== undefined) {
    const output = resolve(flags.output);
    if (output === templatePath) throw refusal("output.is_input#template");
    checkOutput(output, input, Boolean(flags.force));
  }
  const progress = progressIn(lang, [
    "step.read_workbook",
    "step.check_ledgers",
    "step.compute_figures",
    "step.fill_template",
    "step.write_file",
  ]);
  try {
    progress.step("step.read_workbook");
    const workbookBytes = loadWorkbookBytes(input);
    const workbook = await readWorkbookFileAsync(workbookBytes, basename(input), nodeZipCodec);
    let template: { bytes: Uint8Array; name: string };
    if (isFile) template = { bytes: new Uint8Array(readFileSync(templatePath)), name: basename(templatePath) };
    else if (/\.docx$/i.test(templateArg) || /[\\/]/.test(templateArg)) throw refusal("file.not_found", { path: templatePath });
    else template = await storedTemplate(workbookBytes, templateArg.trim(), basename(input));
    const result = computeFigures(workbook, input, overrides, progress);
    progress.step("step.fill_template");
    const { fillFromEngine } = await import("../adapters/docx/fill");
    const { DocxReadError } = await import("../adapters/docx/patch");
    let filled;
    try {
      filled = fillFromEngine(template.bytes, result, {
        workbookName: basename(input),
        generatedAt: generationTime() ?? new Date().toISOString(),
        templateName: template.name,
      });
    } catch (e) {
      if (e instanceof DocxReadError) throw fileRefusal(template.name, e, `template.${e.code}`);
      throw e;
    }
    const output =
      flags.output !== undefined ? resolve(flags.output) : resolve(`${template.name.replace(/\.docx$/i, "")}-${result.settings.year}.docx`);
    if (flags.output === undefined) {
      if (output === templatePath) throw refusal("output.is_input#template");
      checkOutput(output, input, Boolean(flags.force));
    }
    progress.step("step.write_file");
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, filled.bytes);
    progress.done();
    // The figures the document shows: an unresolved one is written as its visible 待补 placeholder.
    const used = new Set(filled.ids);
    const figures = result.figures.filter((f) => used.has(f.id));
    // Its warnings name only figures it shows, or say the figure is not in it.
    const issues = [...issuesForDocument(result.issues, result.figures, used), ...filled.issues];
    const outcome: Outcome = { issues, figures, slots: filled.record.figures };
    const reasons = mustLook(outcome);
    if (flags.json) {
      printJson(io, {
        output,
        template: template.name,
        placeholders: filled.placeholders.map((p) => ({
          text: p.text,
          part: p.part,
          paragraph: p.paragraph,
          id: p.target?.id ?? null,
          converted: p.target !== null && !p.refused,
        })),
        figures: figures.map((f) => ({
          id: f.id,
          name: f.name,
          value: f.value,
          text: f.text,
          ...(f.unresolved ? { unresolved: f.unresolved } : {}),
          // Its ledger's rows left out that it could have counted: it may be short by them.
          rowsLeftOut: f.rowsLeftOut ?? null,
          // Rows repeating a key that both count in it: it may be too large by them.
          rowsCountedTwice: f.rowsCountedTwice ?? null,
        })),
        issues,
        mustLook: lookJson(reasons),
      });
    } else {
      // A figure the ledgers cannot support is converted too, but shows its yellow ［待补］: never called a number.
      const { placed, pending } = placedCounts(filled.placeholders, figures);
      io.out(`${say(pending ? "fill.placed#pending" : "fill.placed", { placed, total: filled.placeholders.length, pending }, lang)}\n`);
      if (filled.issues.length) io.out(formatIssues(filled.issues, lang));
      io.out(carriedOverNote(figures, lang));
      io.out(shortLines(figures, lang));
      io.out(`${summaryLine(result, lang)}\n${say("fill.written", { path: output }, lang)}\n`);
      tellReasons("fill", reasons, lang, io);
    }
    return exitCode(outcome);
  } finally {
    progress.done();
  }
}

/** A template stored in the workbook (报告模板 → 选择 Word 模板…), by its name; exit 2 naming the stored ones when absent. */
async function storedTemplate(workbookBytes: Uint8Array, name: string, workbookName: string): Promise<{ bytes: Uint8Array; name: string }> {
  const { readStoredTemplates } = await import("../adapters/xlsx/stored-templates");
  const stored = await readStoredTemplates(workbookBytes);
  const found = stored.find((t) => t.name === name);
  if (found) return { bytes: found.bytes, name: found.fileName || `${found.name}.docx` };
  const names = stored.map((t) => t.name);
  throw refusal(names.length ? "template.not_found" : "template.not_found#none_stored", {
    name,
    workbook: workbookName,
    ...listParams("stored", names),
  });
}

/** Refuses an output that would overwrite the workbook, is not a .docx, or exists (unless --force). */
function checkOutput(output: string, input: string, force: boolean): void {
  if (output === input) throw refusal("output.is_input");
  if (!/\.docx$/i.test(output)) throw refusal("output.not_docx", { path: output });
  if (!force && existsSync(output)) throw refusal("output.exists", { path: output });
}

/**
 * Where a refresh writes by default: `报告.refreshed.docx`; with --year (next year's report from last
 * year's), the report's name with its year changed (`述职报告-2022.docx` → `述职报告-2023.docx`), or
 * the year added (`报告.docx` → `报告-2023.docx`). Never the report itself.
 */
export function refreshedName(reportPath: string, year: number | undefined): string {
  const refreshed = reportPath.replace(/(\.docx)?$/i, ".refreshed.docx");
  if (year === undefined) return refreshed;
  const dir = reportPath.slice(0, reportPath.length - basename(reportPath).length);
  const name = basename(reportPath);
  const years = [...name.matchAll(/(?<!\d)(19|20)\d\d(?!\d)/g)];
  const last = years[years.length - 1];
  const renamed =
    last && last.index !== undefined
      ? name.slice(0, last.index) + String(year) + name.slice(last.index + 4)
      : name.replace(/(\.docx)?$/i, `-${year}.docx`);
  return renamed === name ? refreshed : dir + renamed;
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
  const [{ refreshDocx }, { DocxReadError }, { OtherWorkbookError }] = await Promise.all([
    import("../adapters/docx/refresh"),
    import("../adapters/docx/patch"),
    import("../core/refresh/recompute"),
  ]);
  return { refreshDocx, DocxReadError, OtherWorkbookError };
}

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text.trim()) || year < 1990 || year > 2100) throw refusal("usage.bad_year", { year: text });
  return year;
}

function parseOverrides(flags: { year?: string; scope?: string }): Partial<ReportSettings> {
  const overrides: Partial<ReportSettings> = {};
  if (flags.year !== undefined) overrides.year = parseYear(flags.year);
  if (flags.scope !== undefined) overrides.scope = flags.scope;
  return overrides;
}

/**
 * The generation time written into the link record: now, or SOURCE_DATE_EPOCH (seconds since 1970,
 * the reproducible-builds convention) so that two runs, or the CLI and the web page, can be compared.
 */
export function generationTime(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (!epoch || !/^\d+$/.test(epoch)) return undefined;
  return new Date(Number(epoch) * 1000).toISOString();
}

async function renderReport(result: EngineResult): Promise<Uint8Array> {
  const [{ renderDocx }, { nodeDeflater }] = await Promise.all([import("../adapters/docx"), import("../adapters/docx/node-deflater")]);
  return renderDocx(result.report, result.link, { deflater: nodeDeflater });
}

/** `--scope` naming no department of any ledger: nothing is written, and the departments there are are listed. */
function refuseUnknownScope(overrides: Partial<ReportSettings>, result: EngineResult): void {
  if (overrides.scope === undefined || !result.issues.some((i) => i.code === "settings.scope_unknown")) return;
  const scope = overrides.scope.trim();
  const known = result.departments;
  throw refusal(known.length ? "usage.scope_unknown" : "usage.scope_unknown#no_departments", {
    scope,
    ...scopeGuess(scope, known),
    ...listParams("departments", known),
  });
}

/** The department nearest a mistyped `--scope` (交易1科 → 交易一科), as the `did you mean` piece; blank when none is near. */
function scopeGuess(scope: string, departments: readonly string[]): TextParams {
  const nearest = nearestValues(scope, new Set(departments))[0];
  return pieceParams("guess", nearest ? texts("usage.did_you_mean#scope", { guess: nearest }) : null);
}

async function init(positionals: string[], flags: Flags, lang: Lang, io: Io): Promise<number> {
  const target = requireInput(positionals, "usage.missing_input#new_workbook");
  const existed = existsSync(target);
  if (existed && !flags.force) throw refusal("output.exists#workbook", { path: target });
  if (!/\.xlsx$/i.test(target)) throw refusal("output.not_xlsx", { path: target });
  const year = flags.year !== undefined ? parseYear(flags.year) : undefined;
  const { writeSetupWorkbook } = await import("../adapters/xlsx/setup-writer");
  const { newWorkbookSettings, settingsToRows } = await import("../core/settings");
  const { DEFINITION_HEADERS, DEFAULT_DEFINITIONS, definitionToRow } = await import("../core/figures");
  // The year due (or --year) and its period; names and 手工值 blank for the clerk (check names each blank cell).
  const settings = newWorkbookSettings(year !== undefined ? new Date(Date.UTC(year, 5, 1)) : (io.now?.() ?? new Date()), randomId());
  const bytes = await writeSetupWorkbook({
    settingsRows: settingsToRows(settings),
    definitionHeaders: DEFINITION_HEADERS,
    definitionRows: DEFAULT_DEFINITIONS.map(definitionToRow),
  });
  mkdirSync(dirname(target), { recursive: true });
  // Without --force, `wx` still refuses a file that appeared meanwhile.
  writeFileSync(target, bytes, { flag: flags.force ? "w" : "wx" });
  if (flags.json) printJson(io, { created: target, replaced: existed, year: settings.year });
  else io.out(`${say(existed ? "init.created#replaced" : "init.created", { path: target, year: settings.year }, lang)}\n`);
  return exitCode({});
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

/** Entry point of the `ledger-report` binary. */
/**
 * The terminal streams, for a reader that may stop reading: `ledger-report figures … | head` closes
 * the pipe after ten lines, and the next write failed with EPIPE as an unhandled error — a stack
 * trace. A closed stream is not the clerk's problem: what is left to print is dropped, the command
 * finishes its work (a report being written is still written) and exits with its own code.
 */
function closableIo(): Io {
  const closed = { out: false, err: false };
  const quietOnClose = (stream: NodeJS.WriteStream, which: keyof typeof closed) =>
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
      closed[which] = true;
    });
  quietOnClose(process.stdout, "out");
  quietOnClose(process.stderr, "err");
  return {
    out: (s) => void (closed.out || process.stdout.write(s)),
    err: (s) => void (closed.err || process.stderr.write(s)),
  };
}

export function run(): void {
  main(process.argv.slice(2), closableIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`ledger-report: ${(e as Error)?.message ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
