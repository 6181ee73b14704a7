// One exit-code contract for every command (init, check, figures, generate, refresh):
//   0  finished, nothing to look at;
//   1  finished (and written), but the clerk must look — for the reasons listed below;
//   2  the input cannot be used: nothing was written (a UsageError, an unreadable file).
// A command builds an Outcome from what it did and asks exitCode; it never picks 0 or 1 itself.
import type { Issue } from "../core/types";
import { OTHER_WORKBOOK } from "../core/errors";
import { isSettingSlot } from "../core/report/slots";
import { isPlaceholderText } from "../core/format";

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
    const n = errors.filter((i) => !missingColumn(i)).length;
    const columns = errors.filter(missingColumn).length;
    if (n + columns === 0) return null;
    const rows = n === 0 ? "" : `台账中有 ${n} 个错误，相关行未计入指标。`;
    const rowsEn = n === 0 ? "" : `${n} error(s) in the ledgers: those rows were left out of the figures.`;
    const cols = columns === 0 ? "" : `缺少 ${columns} 个必填列，这些列整列未读取，用到它们的指标无法计算。`;
    const colsEn =
      columns === 0
        ? ""
        : `${columns} required column(s) are missing, so those whole columns were ignored and the figures that use them cannot be computed.`;
    return { code: "rows.excluded", count: n + columns, message: rows + cols, messageEn: [rowsEn, colsEn].filter(Boolean).join(" ") };
  },
  function definitionErrors(o) {
    const found = (o.issues ?? []).filter((i) => i.severity === "error" && isConfigurationIssue(i));
    if (found.length === 0) return null;
    const cells = found.map((i) => i.cell).filter(Boolean);
    const at = cells.length ? `（${cells.join("、")}）` : "";
    const atEn = cells.length ? ` (${cells.join(", ")})` : "";
    return {
      code: "definitions.errors",
      count: found.length,
      message: `“指标定义”或“报告设置”中有 ${found.length} 个错误${at}：出错的指标未计算、设置已用默认值。`,
      messageEn: `${found.length} error(s) in 指标定义 or 报告设置${atEn}: those figures were not computed, those settings fell back to defaults.`,
    };
  },
  function duplicateKeys(o) {
    // Both rows are counted (the engine cannot know which one is right), so a figure may be too high.
    const n = (o.issues ?? []).filter((i) => i.code === "key.duplicate").reduce((sum, i) => sum + (i.count ?? 1), 0);
    const keys = keyColumns(o);
    return n === 0
      ? null
      : {
          code: "keys.duplicate",
          count: n,
          message: `${n} 个编号重复${keys.length ? `（${keys.join("、")}）` : ""}，两行都已计入指标，请核对。`,
          messageEn: `${n} key(s) are duplicated${keys.length ? ` (${keys.join(", ")})` : ""}; both rows were counted in the figures — please check them.`,
        };
  },
  function blankSettings(o) {
    // A blank 联合发文单位 shows ［待补：联合发文单位］ in a sentence of the report: written, but not signable.
    const blank = (o.slots ?? []).filter((slot) => isSettingSlot(slot.id) && isPlaceholderText(slot.text));
    if (blank.length === 0) return null;
    const names = blank.map((slot) => slot.name);
    return {
      code: "settings.blank_shown",
      count: blank.length,
      message: `报告设置中 ${names.join("、")} 为空，报告中显示为黄色的“待补”占位：请在“报告设置”中填写后刷新。`,
      messageEn: `${names.join(", ")} ${blank.length === 1 ? "is" : "are"} blank in 报告设置; the report shows a highlighted placeholder there: fill ${blank.length === 1 ? "it" : "them"} in 报告设置, then refresh.`,
    };
  },
  function unresolvedFigures(o) {
    const unresolved = (o.figures ?? []).filter((f) => Boolean(f.unresolved));
    if (unresolved.length === 0) return null;
    // Each by name, with why and where to look: the clerk fixes them one by one.
    const line = (f: (typeof unresolved)[number], en: boolean) => {
      const u = f.unresolved as { reason?: string; reasonEn?: string; cell?: string };
      const why = (en ? u.reasonEn : u.reason) ?? "";
      const at = u.cell ? (en ? ` (see ${u.cell})` : `（见 ${u.cell}）`) : "";
      return en ? `  ${f.name ?? f.id}: ${why}${at}` : `  ${f.name ?? f.id}：${why}${at}`;
    };
    return {
      code: "figures.unresolved",
      count: unresolved.length,
      message: `${unresolved.length} 项指标无法由台账得出，报告中显示为黄色的“待补”占位，不会写成 0：\n${unresolved.map((f) => line(f, false)).join("\n")}`,
      messageEn: `${unresolved.length} figure(s) could not be computed from the ledgers; the report shows a highlighted placeholder for each, never 0:\n${unresolved.map((f) => line(f, true)).join("\n")}`,
    };
  },
  function periodEmpty(o) {
    // A ledger with records, none in the period: its figures are 0, which a clerk signs only after seeing why.
    return zerosToSee(
      o,
      "figure.period_empty",
      "ledgers.period_empty",
      "以上台账的指标按 0 计入报告，请确认。",
      "Those ledgers' figures are 0 in the report: make sure that is right.",
    );
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
      const names = figures.map((f) => f.name ?? f.id);
      return {
        zh: `  “${ledger}”台账还没有任何记录${cell ? `（见 ${cell}）` : ""}：${names.join("、")}`,
        en: `  ledger ${ledger} has no records yet${cell ? ` (see ${cell})` : ""}: ${names.join(", ")}`,
      };
    });
    return {
      code: "ledgers.empty",
      count: zeros.length,
      message: `${zeros.length} 项指标因台账没有记录而按 0 计入报告：\n${lines.map((l) => l.zh).join("\n")}\n请先在表头下填入记录；确属为零的指标，在“指标定义”的条件末尾加“; 允许为零”。`,
      messageEn: `${zeros.length} figure(s) are 0 in the report because their ledger has no records:\n${lines.map((l) => l.en).join("\n")}\nEnter the records under the header first; where 0 is right, add "; 允许为零" to the figure's 条件 in 指标定义.`,
    };
  },
  function departmentBlank(o) {
    // Under a scope, rows with a blank 部门 were left out: the department's figures may be too low.
    return zerosToSee(
      o,
      "figure.department_blank",
      "ledgers.department_blank",
      "这些行未计入本部门的指标，请核对。",
      "Those rows are not in this department's figures: please check them.",
    );
  },
  function yearOutsidePeriod(o) {
    // 年度 names the report (its title, its file), the period decides every number: when they disagree
    // the report says one year and counts another, so it is written but never passes unnoticed.
    const found = (o.issues ?? []).filter((i) => i.code === "settings.year_outside_period");
    if (found.length === 0) return null;
    const at = (i: Issue, en: boolean) => (i.cell ? (en ? ` (${i.cell})` : `（${i.cell}）`) : "");
    // Worded from the issue's data (its year and period), never cut out of its message.
    const outside = (i: Issue, en: boolean) =>
      i.year === undefined || i.period === undefined
        ? en
          ? "The year is outside the period"
          : "年度不在统计期间内"
        : en
          ? `Year ${i.year} is outside the period ${i.period.start} to ${i.period.end}`
          : `年度 ${i.year} 不在统计期间 ${i.period.start} 至 ${i.period.end} 内`;
    return {
      code: "settings.year_outside_period",
      count: found.length,
      message: found
        .map(
          (i) =>
            `${outside(i, false)}${at(i, false)}：报告标题写的年度与数字统计的期间不是同一年。请改正“报告设置”中的期间开始、期间结束（或清空它们，期间即为该年度全年）。`,
        )
        .join("\n"),
      messageEn: found
        .map(
          (i) =>
            `${outside(i, true)}${at(i, true)}: the report is titled one year but its figures count another. Correct 期间开始/期间结束 in 报告设置 (or clear them: the period is then the whole year).`,
        )
        .join("\n"),
    };
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
    return found.length === 0
      ? null
      : {
          code: "refresh.next_year_carried",
          count: found.length,
          message: `以下内容从上一年度原样带入新报告，请核对：\n${found.map((i) => `  ${i.message}`).join("\n")}`,
          messageEn: `These were carried over from last year's report as they were; check them:\n${found.map((i) => `  ${i.messageEn}`).join("\n")}`,
        };
  },
  function otherWorkbook(o) {
    // --other-workbook: done as asked, but every figure now comes from another workbook.
    const n = (o.issues ?? []).filter((i) => i.code === OTHER_WORKBOOK).length;
    return n === 0
      ? null
      : {
          code: OTHER_WORKBOOK,
          count: n,
          message: "报告已按您的确认用另一个工作簿刷新，请逐项核对数字。",
          messageEn: "The report was refreshed from another workbook, as you confirmed: check every figure.",
        };
  },
  function placeholdersLeft(o) {
    // `fill`: a placeholder naming nothing (or one that could not be converted) is still in the document as typed.
    const n = (o.issues ?? []).filter((i) => i.code === "fill.unknown_placeholder" || i.code === "fill.placeholder_not_converted").length;
    return n === 0
      ? null
      : {
          code: "placeholders.left",
          count: n,
          message: `${n} 个占位符没有换成数字，已原样留在文档中（见上面所列段落）。`,
          messageEn: `${n} placeholder(s) were not replaced and stay in the document as typed (see the paragraphs listed).`,
        };
  },
  function conflictsKept(o) {
    const n = o.conflictsKept?.length ?? 0;
    return n === 0
      ? null
      : {
          code: "conflicts.kept",
          count: n,
          message: `${n} 项数字您手工改过，已保留您的文字（加 --overwrite-conflicts 改为台账中的值）。`,
          messageEn: `${n} figure(s) you changed by hand were kept as you wrote them (--overwrite-conflicts takes the ledgers' values).`,
        };
  },
  function handEditsKept(o) {
    const n = (o.keptAsWritten ?? []).filter((k) => !k.agrees).length;
    return n === 0
      ? null
      : {
          code: "hand_edits.kept",
          count: n,
          message: `${n} 项数字您手工改过，与台账不一致，已保留您的写法（上面“保留写法”一行中括号内为台账的值；加 --overwrite-conflicts 改为台账中的值）。`,
          messageEn: `${n} figure(s) you changed by hand no longer match the ledgers and were kept as you wrote them (the "kept" lines show the ledgers' value in brackets; --overwrite-conflicts takes the ledgers' values).`,
        };
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
function zerosToSee(o: Outcome, issueCode: string, code: string, then: string, thenEn: string): LookReason | null {
  const counted = o.figures ? new Set(o.figures.filter((f) => !f.unresolved && f.ledger).map((f) => f.ledger)) : null;
  const found = (o.issues ?? []).filter(
    (i) => i.code === issueCode && (counted === null || (i.ledger !== undefined && counted.has(i.ledger))),
  );
  if (found.length === 0) return null;
  return {
    code,
    count: found.length,
    message: `${found.map((i) => i.message).join("\n")}\n${then}`,
    messageEn: `${found.map((i) => i.messageEn).join("\n")}\n${thenEn}`,
  };
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
