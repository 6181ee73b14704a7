// One exit-code contract for every command (init, check, figures, generate, refresh):
//   0  finished, nothing to look at;
//   1  finished (and written), but the clerk must look — for the reasons listed below;
//   2  the input cannot be used: nothing was written (a UsageError, an unreadable file).
// A command builds an Outcome from what it did and asks exitCode; it never picks 0 or 1 itself.
import type { Issue } from "../core/types";
import { OTHER_WORKBOOK } from "../core/errors";
import { isSettingSlot } from "../core/report/slots";
import { problemCount } from "../core/describe";
import { isPlaceholderText } from "../core/format";
import { listParams, pieceParams, texts, type Bilingual, type CliTextKey } from "./messages";
import { codeOf, type TextParams } from "../core/messages";

export const EXIT_OK = 0;
export const EXIT_MUST_LOOK = 1;
export const EXIT_UNUSABLE = 2;

/** What a finished command did, as far as the exit code cares. */
export interface Outcome {
  /** Every issue the ledgers raised. */
  issues?: readonly Issue[];
  /** The figures computed; one marked `unresolved` has no number the ledgers support. */
  figures?: readonly {
    id: string;
    name?: string;
    ledger?: string | null;
    unresolved?: unknown;
    /** A written 0 no record supports (its ledger has no records): see FigureResult.zeroToSee. */
    zeroToSee?: { code: string; cell?: string };
    /** Rows repeating another that both count in it (FigureResult.rowsCountedTwice): it may be too large. */
    rowsCountedTwice?: unknown;
    /** May be short by rows counted as 其他 it may have been meant to count: see FigureResult.rowsLeftOut. */
    rowsLeftOut?: { readAsOther?: { count: number; cells: string[] } };
  }[];
  /** Figures the clerk changed by hand that a refresh kept (not overwritten). */
  conflictsKept?: readonly { id: string }[];
  /**
   * Hand edits a refresh kept over a figure the ledgers did not move. One whose text no longer says
   * the ledgers' number (`999` or blank where they say 7) is a figure the ledgers do not support.
   */
  keptAsWritten?: readonly { id: string; agrees: boolean }[];
  /** What the written document's linked slots show (its link record): a blank setting shows its 待补. */
  slots?: readonly { id: string; name: string; text: string }[];
}

/** One reason the clerk must look, with how many things it concerns (also in the JSON as `mustLook`). */
export interface LookReason {
  code: string;
  count: number;
  message: string;
  messageEn: string;
}

/**
 * The reasons, in the order they are told. To add one (an unresolved scope, a wrong workbook kept on
 * purpose …), append a function here that returns a reason or null: every command picks it up.
 */
export const LOOK_REASONS: ((o: Outcome) => LookReason | null)[] = [
  function errorRowsExcluded(o) {
    // A missing column is not "some rows": the whole column was ignored, and it must say so.
    const missingColumn = (i: Issue) => i.code === "ledger.missing_column";
    // A definition or settings error is no ledger row: it is told by definitionErrors below.
    const errors = (o.issues ?? []).filter((i) => i.severity === "error" && !isConfigurationIssue(i));
    // A flood of one column's errors is one issue for many cells: each cell is an error (problemCount).
    const n = problemCount(
      errors.filter((i) => !missingColumn(i)),
      "error",
    );
    const columns = errors.filter(missingColumn).length;
    if (n + columns === 0) return null;
    const said = [
      ...(n === 0 ? [] : [texts("rows.excluded#rows", { count: n })]),
      ...(columns === 0 ? [] : [texts("rows.excluded#columns", { count: columns })]),
    ];
    // Chinese sentences follow each other; English ones are spaced.
    const message = said.map((t) => t.message).join("");
    const messageEn = said.map((t) => t.messageEn).join(" ");
    return { code: "rows.excluded", count: n + columns, message, messageEn };
  },
  function definitionErrors(o) {
    const found = (o.issues ?? []).filter((i) => i.severity === "error" && isConfigurationIssue(i));
    if (found.length === 0) return null;
    const cells = found.map((i) => i.cell ?? "").filter(Boolean);
    return reason("definitions.errors", found.length, pieceParams("cells", aside(cells)));
  },
  function duplicateKeys(o) {
    // Both rows are read (the engine cannot know which one is right): a figure counting both may be
    // too high — said only when one does (rowsCountedTwice), not when both are of 2021 or 撤销.
    return repeats(o, "key.duplicate", (counted) => (counted ? "keys.duplicate#counted" : "keys.duplicate"), "keys", keyColumns(o));
  },
  function repeatedRows(o) {
    // The same on a ledger without a key: a row repeated in full (a copied 学习记录 sheet).
    const ledgers = [...new Set((o.issues ?? []).filter((i) => i.code === "row.repeated").map((i) => i.ledger ?? ""))].filter(Boolean);
    return repeats(o, "row.repeated", (counted) => (counted ? "rows.repeated#counted" : "rows.repeated"), "ledgers", ledgers);
  },
  function blankSettings(o) {
    // A blank 联合发文单位 shows ［待补：联合发文单位］ in a sentence of the report: written, but not signable.
    const blank = (o.slots ?? []).filter((slot) => isSettingSlot(slot.id) && isPlaceholderText(slot.text));
    if (blank.length === 0) return null;
    const names = blank.map((slot) => slot.name);
    return reason(blank.length === 1 ? "settings.blank_shown" : "settings.blank_shown#many", blank.length, listParams("names", names));
  },
  function unresolvedFigures(o) {
    const unresolved = (o.figures ?? []).filter((f) => Boolean(f.unresolved));
    if (unresolved.length === 0) return null;
    // Each by name, with why and where to look: the clerk fixes them one by one.
    const lines = unresolved.map((f) => {
      const u = f.unresolved as { reason?: string; reasonEn?: string; cell?: string };
      const see = pieceParams("see", u.cell ? texts("see", { cell: u.cell }) : null);
      return texts("figures.unresolved#line", { name: f.name ?? f.id, reason: u.reason ?? "", reasonEn: u.reasonEn ?? "", ...see });
    });
    return reason("figures.unresolved", unresolved.length, lineParams(lines));
  },
  function periodEmpty(o) {
    // A ledger with records, none in the period: its figures are 0, which a clerk signs only after seeing why.
    // Only where a figure the document shows is such a 0 (issuesForDocument names one of those).
    const zeros = o.figures ? new Set(o.figures.filter((f) => f.zeroToSee?.code === "period_empty").map((f) => f.id)) : null;
    const told = (i: Issue) => i.code !== "figure.period_empty" || zeros === null || (i.figure !== undefined && zeros.has(i.figure));
    return warningsOnCountedLedgers({ ...o, issues: (o.issues ?? []).filter(told) }, "figure.period_empty", "ledgers.period_empty#then");
  },
  function ledgersEmpty(o) {
    // A ledger with its header and no records (a fresh init, a sheet added empty): its figures are 0
    // that no record supports. One line per ledger with its cell and the figures, then what to do.
    const zeros = (o.figures ?? []).filter((f) => f.zeroToSee?.code === "ledger_empty" && !f.unresolved);
    if (zeros.length === 0) return null;
    const byLedger = new Map<string, typeof zeros>();
    for (const f of zeros) {
      const key = f.ledger ?? "";
      byLedger.set(key, [...(byLedger.get(key) ?? []), f]);
    }
    const lines = [...byLedger].map(([ledger, figures]) => {
      const cell = figures.find((f) => f.zeroToSee?.cell)?.zeroToSee?.cell;
      const see = pieceParams("see", cell ? texts("see", { cell }) : null);
      return texts("ledgers.empty#line", {
        ledger,
        ...see,
        ...listParams(
          "names",
          figures.map((f) => f.name ?? f.id),
        ),
      });
    });
    return reason("ledgers.empty", zeros.length, lineParams(lines));
  },
  function rowsNotRead(o) {
    // A row that looks like a record but stands under a table or below a note line counts in no figure:
    // the figures of its ledger may be short by it, which a warning alone let pass with exit 0.
    return warningsOnCountedLedgers(o, ["row.outside_table", "row.after_notes"], "ledgers.rows_not_read#then");
  },
  function readAsOther(o) {
    // A word the ledger does not know counted as 其他 is only a warning at its cell: the figures asking
    // for another word (形式=专题研讨) may lack the row, which the clerk signs only after checking.
    const marked = (o.figures ?? []).filter((f) => f.rowsLeftOut?.readAsOther && !f.unresolved);
    if (marked.length === 0) return null;
    const cells = [...new Set(marked.flatMap((f) => f.rowsLeftOut!.readAsOther!.cells))];
    return reason("figures.read_as_other", marked.length, pieceParams("cells", aside(cells.slice(0, 3))));
  },
  function identityConflicts(o) {
    // One firm under two codes counts twice, two firms under one code once (figures/identity.ts): a
    // distinct count that met them cannot be sure, and was only a warning at the cells, with exit 0.
    // Only for a figure the outcome lists (generate: one the report shows).
    const figures = new Map((o.figures ?? []).map((f) => [f.id, f.name ?? f.id]));
    const found = (o.issues ?? []).filter(
      (i) => i.code.startsWith("figure.identity_") && (o.figures === undefined || (i.figure !== undefined && figures.has(i.figure))),
    );
    if (found.length === 0) return null;
    const names = [...new Set(found.map((i) => figures.get(i.figure ?? "") ?? i.figure ?? ""))].filter(Boolean);
    const cells = [...new Set(found.flatMap((i) => i.cells ?? (i.cell ? [i.cell] : [])))];
    const n = found.reduce((sum, i) => sum + (i.count ?? 1), 0);
    const quoted = { names: names.map((name) => `“${name}”`).join("、"), namesEn: names.map((name) => `"${name}"`).join(", ") };
    return reason("figures.identity", n, { ...quoted, ...pieceParams("cells", aside(cells.slice(0, 3))) });
  },
  function departmentBlank(o) {
    // Under a scope, rows with a blank 部门 were left out: the department's figures may be too low.
    return warningsOnCountedLedgers(o, "figure.department_blank", "ledgers.department_blank#then");
  },
  function yearOutsidePeriod(o) {
    // 年度 names the report (its title, its file), the period decides every number: when they disagree
    // the report says one year and counts another, so it is written but never passes unnoticed.
    const found = (o.issues ?? []).filter((i) => i.code === "settings.year_outside_period");
    if (found.length === 0) return null;
    // Worded from the issue's data (its year and period), never cut out of its message.
    const outside = (i: Issue) =>
      i.year === undefined || i.period === undefined
        ? texts("settings.year_outside_period#unknown")
        : texts("settings.year_outside_period#outside", { year: i.year, start: i.period.start, end: i.period.end });
    const said = found.map((i) =>
      texts("settings.year_outside_period", {
        ...pieceParams("outside", outside(i)),
        ...pieceParams("cell", aside(i.cell ? [i.cell] : [])),
      }),
    );
    return { code: "settings.year_outside_period", count: found.length, ...joinLines(said) };
  },
  function workbookYearDiffers(o) {
    // The refresh counted the report's year; the clerk may have meant the workbook's: the issue says --year.
    const found = (o.issues ?? []).filter((i) => i.code === "refresh.workbook_year_differs");
    return found.length === 0
      ? null
      : {
          code: "refresh.workbook_year_differs",
          count: found.length,
          message: found.map((i) => i.message).join("\n"),
          messageEn: found.map((i) => i.messageEn).join("\n"),
        };
  },
  function nextYearCarried(o) {
    // Next year's report keeps last year's 手工值, 落款日期 and the workbook's 年度 as they were:
    // each named, so none is signed for the new year without being looked at.
    const codes = ["refresh.manual_carried", "refresh.signature_date_early", "refresh.next_year_workbook_year"];
    const found = (o.issues ?? []).filter((i) => codes.includes(i.code));
    if (found.length === 0) return null;
    const lines = found.map((i) => ({ message: `  ${i.message}`, messageEn: `  ${i.messageEn}` }));
    return reason("refresh.next_year_carried", found.length, lineParams(lines));
  },
  function otherWorkbook(o) {
    // --other-workbook: done as asked, but every figure now comes from another workbook.
    const n = (o.issues ?? []).filter((i) => i.code === OTHER_WORKBOOK).length;
    return n === 0 ? null : { code: OTHER_WORKBOOK, count: n, ...texts("refresh.other_workbook#done") };
  },
  function placeholdersLeft(o) {
    // `fill`: a placeholder naming nothing (or one that could not be converted) is still in the document as typed.
    const n = (o.issues ?? []).filter((i) => i.code === "fill.unknown_placeholder" || i.code === "fill.placeholder_not_converted").length;
    return n === 0 ? null : reason("placeholders.left", n);
  },
  function conflictsKept(o) {
    const n = o.conflictsKept?.length ?? 0;
    return n === 0 ? null : reason("conflicts.kept", n);
  },
  function handEditsKept(o) {
    const n = (o.keptAsWritten ?? []).filter((k) => !k.agrees).length;
    return n === 0 ? null : reason("hand_edits.kept", n);
  },
];

export function mustLook(o: Outcome): LookReason[] {
  return LOOK_REASONS.map((reason) => reason(o)).filter((r): r is LookReason => r !== null);
}

/** 1 when anything needs the clerk's eye, else 0. (2 is never a finished command's: see UsageError.) */
export function exitCode(o: Outcome): typeof EXIT_OK | typeof EXIT_MUST_LOOK {
  return mustLook(o).length > 0 ? EXIT_MUST_LOOK : EXIT_OK;
}

/**
 * The warnings of one code about a ledger that a figure in the outcome counts (a ledger only a
 * figure the report does not show reads decides nothing), each with its cell, then what it means.
 */
function warningsOnCountedLedgers(
  o: Outcome,
  issueCode: string | readonly string[],
  then: "ledgers.period_empty#then" | "ledgers.department_blank#then" | "ledgers.rows_not_read#then",
): LookReason | null {
  const codes = typeof issueCode === "string" ? [issueCode] : issueCode;
  const counted = o.figures ? new Set(o.figures.filter((f) => !f.unresolved && f.ledger).map((f) => f.ledger)) : null;
  const found = (o.issues ?? []).filter(
    (i) => codes.includes(i.code) && (counted === null || (i.ledger !== undefined && counted.has(i.ledger))),
  );
  if (found.length === 0) return null;
  return { code: codeOf(then), count: found.length, ...joinLines([...found, texts(then)]) };
}

/**
 * Repeated rows (issue `code`, a flood counting each), worded by whether a figure of the outcome
 * counts two of them (FigureResult.rowsCountedTwice on a figure of their ledgers), the figures'
 * count then `{figures}`; `where` (key columns, ledgers) in brackets as `{<name>}`.
 */
function repeats(
  o: Outcome,
  code: "key.duplicate" | "row.repeated",
  key: (counted: boolean) => CliTextKey,
  name: string,
  where: readonly string[],
): LookReason | null {
  const found = (o.issues ?? []).filter((i) => i.code === code);
  const n = found.reduce((sum, i) => sum + (i.count ?? 1), 0);
  if (n === 0) return null;
  const ledgers = new Set(found.map((i) => i.ledger));
  const counted = (o.figures ?? []).filter((f) => Boolean(f.rowsCountedTwice) && f.ledger != null && ledgers.has(f.ledger)).length;
  return reason(key(counted > 0), n, { ...pieceParams(name, aside(where)), figures: counted });
}

/** A reason worded by the CLI's catalogue, its code the key's, `{count}` the things it concerns. */
function reason(key: CliTextKey, count: number, params: TextParams = {}): LookReason {
  return { code: codeOf(key), count, ...texts(key, { count, ...params }) };
}

/** Texts one a line, in each language. */
function joinLines(lines: readonly Bilingual[]): Bilingual {
  return { message: lines.map((l) => l.message).join("\n"), messageEn: lines.map((l) => l.messageEn).join("\n") };
}

/** Lines under a reason's first sentence, as its `{lines}`. */
function lineParams(lines: readonly Bilingual[]): TextParams {
  const joined = joinLines(lines);
  return { lines: joined.message, linesEn: joined.messageEn };
}

/** Cells or keys in brackets after what they belong to (`（A2、A3）`, ` (A2, A3)`), or nothing when there are none. */
function aside(items: readonly string[]): Bilingual | null {
  if (items.length === 0) return null;
  return { message: texts("aside", { text: items.join("、") }).message, messageEn: texts("aside", { text: items.join(", ") }).messageEn };
}

/** Errors of the configuration sheets (指标定义, 报告设置), not of ledger rows. */
function isConfigurationIssue(i: Issue): boolean {
  return i.code.startsWith("definition.") || i.code.startsWith("settings.");
}

/** The key columns the duplicates are in, as the issues give them (their `column`). */
function keyColumns(o: Outcome): string[] {
  const names = (o.issues ?? [])
    .filter((i) => i.code === "key.duplicate")
    .map((i) => i.column ?? "")
    .filter(Boolean);
  return [...new Set(names)];
}
