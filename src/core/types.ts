// The shapes every part of the product agrees on. `core/` is pure: no Office, no DOM, no Node.
// Source adapters (Excel live workbook, .xlsx file) produce a RawWorkbook; target adapters
// (.docx file, live Word document) consume a ReportDocument and a LinkRecord.

import type { ColumnarLedger } from "./ledger/columnar";
import type { CellColumns } from "./ledger/raw-columns";
import type { UnresolvedCode } from "./messages";

/**
 * One cell as `Range.values` gives it: a number (dates are serial numbers), text, a boolean, or
 * "" for a blank cell. Excel error cells arrive as their error text (`#N/A`, `#REF!` …), exactly
 * as Office.js returns them; `isExcelError` tells them apart.
 */
export type RawCell = string | number | boolean | null;

/** A rectangle of cells, zero-based and inclusive, in sheet coordinates. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A rectangle of values read from one sheet: an Excel table (ListObject, header row included)
 * or, for a sheet without tables, its used range.
 */
export interface RawTable {
  sheet: string;
  /** Excel table name when the values come from a ListObject. */
  table?: string;
  /** Zero-based sheet row and column of values[0][0]. */
  top: number;
  left: number;
  values: RawCell[][];
  /**
   * The same cells column by column, when the source has them so (the .xlsx reader: text as
   * shared-string indices); the ledger reader reads these, or makes them from `values`
   * (tableColumns). Not enumerable: a copy or a clone is a table of `values`.
   */
  columns?: CellColumns;
  /** Merged areas that intersect this table, in sheet coordinates (the file reader knows them). */
  merges?: CellRange[];
  /** Set when the source could not tell merged cells apart (they then read as blanks). */
  mergesUnknown?: boolean;
  /**
   * For an Excel table: how many of its first rows are its header (`headerRowCount`, 0 or 1) and
   * how many of its last rows are its totals row (`totalsRowCount`/`showTotals`). A totals row is
   * never a record. Absent on a plain sheet's used range.
   */
  headerRows?: number;
  totalsRows?: number;
  /** For an Excel table: the rest of its sheet, so rows typed below or beside the table are seen. */
  around?: RawSurroundings;
}

/**
 * What a sheet holds outside its Excel tables. Each region is a rectangle of values in sheet
 * coordinates; together they cover the sheet's used range except, possibly, the tables' cells.
 * Cells inside any of `tables` are ignored (each table accounts for its own rows), so a source
 * may hand the whole used range as one region (the file reader) or only the strips around the
 * tables (the Excel adapter).
 */
export interface RawSurroundings {
  /** Every Excel table on the sheet, this one included, header and totals rows included. */
  tables: CellRange[];
  regions: { top: number; left: number; values: RawCell[][] }[];
}

export interface RawWorkbook {
  /** File or workbook name, for messages and the link record. */
  name?: string;
  /** True when the workbook uses the 1904 date system. */
  date1904: boolean;
  tables: RawTable[];
  /**
   * The sheets hidden in Excel (hidden or very hidden), when the source knows (workbook.xml's
   * `state`, Office.js `Worksheet.visibility`): a ledger read from one is said (`sheet.hidden`) —
   * a hidden copy of a sheet (`电子保函 (2)`) would otherwise count its rows unseen.
   */
  hiddenSheets?: string[];
}

export type Severity = "error" | "warning" | "info";

/** A problem found in the input, always in the clerk's language first, with the cell when known. */
export interface Issue {
  severity: Severity;
  /** Stable machine code, e.g. `date.unparseable`, `required.blank`, `definition.bad_aggregate`. */
  code: string;
  /** Chinese message shown to the clerk. */
  message: string;
  /** English message. */
  messageEn: string;
  /** A1-style address with the sheet, e.g. `电子保函!C12`; absent when the issue has no cell. */
  cell?: string;
  /** Chinese ledger name, when the issue belongs to a ledger. */
  ledger?: string;
  /**
   * Set when one issue stands for the same problem in many cells of one column (a flood): how many
   * cells, the first few of them (`cell` is the first), and the range from the first to the last.
   */
  count?: number;
  cells?: string[];
  range?: string;
  /**
   * The 列名对照 row that would settle a missing column (`学习记录 | 形式 | 学习方式`): the pane offers
   * to write it, `check` prints it.
   */
  columnMapping?: { ledger: LedgerName; column: string; header: string };
  /**
   * The ledger column the issue is about, by its standard name (`保函编号` on `key.duplicate`): for
   * whoever words it again (the CLI's exit reasons), which never reads it back out of the message.
   */
  column?: string;
  /** On `settings.year_outside_period`: the 年度 and the period it lies outside. */
  year?: number;
  period?: { start: string; end: string };
  /** The figure id the issue is about: for `--json` and a details line (messages name the figure). */
  figure?: string;
  /** A broken 指标定义 row's 名称, so a placeholder naming that figure can point at the row's cell. */
  figureName?: string;
  /** The 报告设置 item (its 项目, e.g. 联合发文单位) a settings issue is about. */
  setting?: string;
  /**
   * The catalogue's params the message was worded from, where it names one figure as an example
   * (`figure.period_empty`'s {name}): whoever knows which figures a document shows words it again
   * naming one of those (core/refresh/shown.ts), never by editing the message.
   */
  words?: Record<string, string | number>;
}

/** Canonical (Chinese) ledger names. */
export type LedgerName = "学习记录" | "共建单位" | "电子保函" | "活动记录" | "人员" | "队伍";

/**
 * A value after parsing: dates become ISO `YYYY-MM-DD` text, money and integers become numbers,
 * enumerations their canonical spelling, other text trimmed; blank is null.
 */
export type FieldValue = string | number | boolean | null;

export interface LedgerRow {
  /** Sheet the row was read from and its 1-based Excel row number. */
  sheet: string;
  row: number;
  /** Values by canonical column name (`日期`, `保证金金额` …), plus unknown columns by their folded header. */
  values: Record<string, FieldValue>;
  /** 部门 of the row, else the department named by its sheet/table, else null. */
  department: string | null;
  /**
   * Column letters by column name (`保证金金额` → `G`), one object shared by every row of a source;
   * with sheet and row it gives a cell's address (`cellAddress` in core/ledger). Absent for rows
   * built by hand.
   */
  columns?: Readonly<Record<string, string>>;
}

export interface LedgerSource {
  sheet: string;
  table?: string;
  /** Department named by the sheet or table name (`电子保函-交易二科` → 交易二科). */
  department?: string;
  /** 1-based Excel row of the header. */
  headerRow: number;
  /** Records read (after skipping blank, total and note rows). */
  rowsRead: number;
}

export interface Ledger {
  name: LedgerName;
  sources: LedgerSource[];
  /** Canonical columns found, with the header text the clerk used. */
  columns: { name: string; header: string; column: string }[];
  /** Rows without error issues — the ones figures count. */
  rows: LedgerRow[];
  /** Number of rows excluded because of error-severity issues. */
  excluded: number;
  /**
   * Columns of the ledger's spec a source's header row did not bind: the whole column is absent
   * from that source's rows. `cell` is where the missing-column issue stands (the likely header,
   * else the header row's first cell). Absent for ledgers built by hand.
   */
  missingColumns?: { name: string; sheet: string; cell: string; required: boolean }[];
  /**
   * The rows that look like records and count in no figure — an error at one of their cells, or
   * typed below/beside an Excel table or below a 注：/制表人 line — with what could be read of them,
   * so each figure says it may be short only by the rows it could have counted (figures/left-out.ts).
   * Set by the reader; absent for ledgers built by hand (then every figure of a ledger with
   * `excluded` rows is marked).
   */
  leftOut?: LeftOutRow[];
  /**
   * The rows kept with a word their enumeration does not know, read as 其他 (`enum.unknown#other`):
   * a figure asking for another word does not count them, though the clerk may have meant it
   * (`专题研讨会` for 专题研讨) — so it says it may be short by them (figures/left-out.ts). Set by the
   * reader only when there are such rows.
   */
  readAsOther?: ReadAsOtherRow[];
  /**
   * The rows' values by column, as the reader kept them: what figures read (`columnarOf`). Set by
   * the reader, and only while `rows` is the list it read (a row's record there is frozen); a
   * ledger built by hand has none and its columns are gathered from its rows.
   */
  readonly columnar?: ColumnarLedger;
}

/** A row that counts in no figure, and what could be read of it (see Ledger.leftOut). */
export interface LeftOutRow {
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  /** An error at one of its cells, or typed where no record is read. */
  reason: "error" | "outside_table" | "after_notes";
  /** Cells read as their columns read them (状态 blank = 有效), by column name as in LedgerRow.values. */
  values: Record<string, FieldValue>;
  /**
   * Columns whose cell could not be read — the error itself, a blank required cell, an Excel error:
   * it could hold anything, so every condition on it could match. `部门` here: the department is unknown.
   */
  unread: string[];
  /** Its own 部门, else its sheet's; null when neither says. */
  department: string | null;
  /** Where to look: its error cells, or its first cell. */
  cells: string[];
}

/** A row kept and counted with an unknown word read as 其他 in some of its columns (see Ledger.readAsOther). */
export interface ReadAsOtherRow {
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  /** The row's values as kept, by column name (those columns hold 其他). */
  values: Record<string, FieldValue>;
  /** The columns whose word was read as 其他, and their cells, in the same order. */
  columns: string[];
  cells: string[];
  /** Its own 部门, else its sheet's; null when neither says. */
  department: string | null;
}

export interface LedgerSet {
  ledgers: Partial<Record<LedgerName, Ledger>>;
  issues: Issue[];
  /** Every non-blank row of every sheet a ledger reads, accounted for: one entry per ledger and sheet. */
  rowAccounts?: RowAccount[];
}

/**
 * Why a non-blank row of a ledger's sheet is not a record: `title` (above the header), `header`,
 * `total` (合计/小计/总计/汇总 or a table's totals row), `note` (注：/说明：), `signature`
 * (制表人/填表人/审核人), `after_notes` (below a note or signature line), `outside_table` (below or
 * beside an Excel table), `other_table` (inside another table on the sheet), `row_number_only`
 * (a pre-numbered 序号 and nothing else), `no_header` (a sheet whose header was not found).
 */
export type SkipReason =
  "title" | "header" | "total" | "note" | "signature" | "after_notes" | "outside_table" | "other_table" | "row_number_only" | "no_header";

/** One sheet of one ledger: nonBlankRows = records + excluded + Σ skipped. */
export interface RowAccount {
  ledger: LedgerName;
  sheet: string;
  /**
   * Set when a table of this ledger sits beside another of it on the sheet (their rows overlap):
   * one sheet row may then hold a record of each, so that table accounts for its rows on its own.
   */
  table?: string;
  /** Rows with any cell not empty after trimming. */
  nonBlankRows: number;
  /** Rows read as records without an error. */
  records: number;
  /** Rows read but left out of the figures because of an error issue. */
  excluded: number;
  skipped: Partial<Record<SkipReason, number>>;
}

/** 报告设置: everything the report needs besides the figures. */
export interface ReportSettings {
  year: number;
  /** Inclusive ISO dates. */
  periodStart: string;
  periodEnd: string;
  /** 单位名称, e.g. 某市公共资源交易中心 */
  orgName: string;
  /** 单位简称, e.g. 市公共资源交易中心 (used as **局) */
  orgShort: string;
  /** 述职人, e.g. 市公共资源交易中心党组书记 (the title line) */
  reporter: string;
  /** 联合发文单位 (****局) */
  jointIssuer: string;
  /** 平台名称 (**平台) */
  platformName: string;
  /** 城市 (**电子保函管理办法) */
  city: string;
  /** 全部门, or one department's name */
  scope: string;
  /** Template id; `default` is the built-in 述职报告. */
  template: string;
  /** A GUID written once into the workbook. */
  workbookId: string;
  /** Signature line under the closing, and the date line (blank = none). */
  signature: string;
  signatureDate: string;
}

/**
 * How a figure counts. A count or sum with `group` is a table figure (`分组计数:区域`,
 * `分组求和:保证金金额:担保机构:前5`): one row per value of the group column, see figures/grouped.ts.
 */
export type Aggregate =
  | { kind: "count"; group?: Grouping }
  | { kind: "distinct"; column: string; fallback?: string }
  | { kind: "sum"; column: string; group?: Grouping };

/** The column a table figure groups by, and how many of its largest groups it shows before 其他. */
export interface Grouping {
  column: string;
  top?: number;
}

/**
 * A table figure's value: the header, one row per group (largest first; 未填 for a blank group
 * value and 其他 for the groups past 前N come last), then 合计. Every cell is the text shown.
 */
export interface FigureTable {
  header: string[];
  rows: { group: string; value: number; text: string; share: string; kind?: "blank" | "other" }[];
  total: { value: number; text: string; share: string };
  /** The rounding note (figures/grouped.ts ROUNDING_NOTE) when the shown parts do not add up; absent when they do. */
  note?: string;
}

export type Condition =
  | { kind: "eq"; column: string; values: string[] }
  | { kind: "ne"; column: string; values: string[] }
  | { kind: "contains"; column: string; text: string }
  | { kind: "blank"; column: string }
  | { kind: "notBlank"; column: string };

/** 本期 · 截至期末 · 全部 */
export type PeriodKind = "current" | "toEnd" | "all";

/** 整数 · 余 · 亿元 · 万元 · 百分比 */
export type FormatKind = "integer" | "approx" | "yi" | "wan" | "percent";

export interface FigureDefinition {
  id: string;
  name: string;
  /** Null for a manual figure. */
  ledger: LedgerName | null;
  aggregate: Aggregate;
  conditions: Condition[];
  period: PeriodKind;
  format: FormatKind;
  manualValue: number | null;
  /**
   * 条件 says `允许为零`: a condition value no record has yet is meant, and the figure's 0 is right.
   * Without it such a value is taken for a typo and the figure is unresolved.
   */
  allowZero?: boolean;
  /** The 指标定义 row it was read from (1-based), when it came from the workbook. */
  sourceRow?: number;
  /** Cells of that row a clerk may have to fill or fix (`指标定义!H3`), when it came from the workbook. */
  cells?: { manual?: string; conditions?: string; aggregate?: string };
}

/**
 * Why a figure has no number: the report shows a visible placeholder in its control instead (never
 * a 0), and the clerk is told where to look.
 */
export interface Unresolved {
  /** Stable machine code, which also says which reason: one of UNRESOLVED_TEXTS (core/messages.ts), where each is worded. */
  code: UnresolvedCode;
  reason: string;
  reasonEn: string;
  /** Where to fix it: the 手工值 cell, the ledger's header row, the 统计范围 setting … */
  cell?: string;
}

export interface FigureResult {
  id: string;
  name: string;
  /** The number before formatting (yuan for money), or null when it cannot be computed (see unresolved). */
  value: number | null;
  /** Exactly what the report shows, e.g. `1300余`, `15.00`, or the placeholder `［待补：名称］`. */
  text: string;
  /** Set when the figure cannot be supported by the ledgers: value is null and text the placeholder. */
  unresolved?: Unresolved;
  /**
   * A table figure's rows; then `value` is the 合计 and `text` every cell, row by row, one per line.
   * Null for a table figure the ledgers cannot support (its placeholder still gets a block of its own).
   */
  table?: FigureTable | null;
  /**
   * Set on a counted 0 the clerk signs only after seeing why: its ledger has a header and no records
   * (`ledger_empty`), or records but none in the figure's period (`period_empty`, e.g. next year's
   * report from this year's workbook). Unlike `unresolved` the 0 is written; `generate`/`refresh`
   * exit 1, the pane lists it before Generate and every review sets it apart before saving. An empty
   * ledger's is absent when 条件 says 允许为零 (the 0 is the clerk's).
   */
  zeroToSee?: { code: "ledger_empty" | "period_empty"; reason: string; reasonEn: string; cell?: string };
  /**
   * Set when its ledger has rows left out for errors (LEDGERS.md: such a row counts in no figure), or
   * rows counted as 其他 this figure may have been meant to count (`readAsOther`): the number may be
   * short by them. How many, and the first cells whose errors (or unknown words) did it.
   */
  rowsLeftOut?: {
    count: number;
    cells: string[];
    /**
     * Of those, the rows that are counted, but as 其他: a word the ledger does not know (`专题研讨会`)
     * in a column the figure asks for another word of (形式=专题研讨) — they may belong here. How
     * many, their cells and columns (a subset of `count` and, where shown, of `cells`).
     */
    readAsOther?: { count: number; cells: string[]; columns: string[] };
  };
  /**
   * Set when the figure counts two or more rows of one key (保函编号, 单位名称 repeated — both rows
   * count, LEDGERS.md): the number may be too large by them. How many rows repeat a key counted
   * before, and the first cells of them (figures/counted-twice.ts).
   */
  rowsCountedTwice?: { count: number; cells: string[] };
  /** Number of ledger rows used (0 for manual figures). */
  rows: number;
  /**
   * The one department the figure was counted for (统计范围/--scope); absent for the whole agency.
   * Whoever shows the figure by its name says it too, so a department's count never reads as the agency's.
   */
  scope?: string;
  ledger: LedgerName | null;
  /** The conditions as written, e.g. `状态≠撤销`. */
  conditions: string;
  /** `本期` / `截至期末` / `全部`, and the resolved dates. */
  period: { kind: PeriodKind; label: string; start: string | null; end: string };
  /** `sheet!row` of every row used, in ledger order — what 查看来源 selects. */
  rowRefs: { sheet: string; row: number }[];
  /** Stable hash of the rows used; changes when a contributing cell changes. */
  fingerprint: string;
  manual: boolean;
}

/** A run of a paragraph: literal text, or a slot bound to a figure or a setting. */
export type Run =
  | { kind: "text"; text: string; style?: RunStyle }
  /** `unresolved`: the slot shows a placeholder the clerk must see (highlighted in the document). */
  | { kind: "slot"; id: string; name: string; text: string; style?: RunStyle; unresolved?: boolean };

/** Character emphasis used by GB/T 9704 run-in headings (（一）… in 楷体, 一是 in plain body). */
export type RunStyle = "kai" | "hei" | "bold";

export type Block =
  /** `breaks`: where the template allows the title to break (offsets into its text); absent, at word boundaries. */
  | { kind: "title"; runs: Run[]; breaks?: number[] }
  | { kind: "heading"; level: 1 | 2 | 3; runs: Run[] }
  | { kind: "paragraph"; runs: Run[]; align?: "both" | "right" | "center"; indent?: boolean }
  | { kind: "table"; rows: Run[][][] }
  /**
   * A table figure on its own: a block-level control around its table (or around the placeholder
   * paragraph while the ledgers cannot support it). The slot's text is the table's text.
   */
  | { kind: "tableFigure"; slot: Extract<Run, { kind: "slot" }>; table: FigureTable | null };

export interface ReportDocument {
  blocks: Block[];
  settings: ReportSettings;
  figures: FigureResult[];
}

/** What the document remembers about how it was made; stored as the custom XML part. */
export interface LinkRecord {
  version: 1;
  workbookId: string;
  workbookName: string;
  templateId: string;
  period: { start: string; end: string };
  scope: string;
  generatedAt: string;
  figures: LinkedFigure[];
}

export interface LinkedFigure {
  id: string;
  name: string;
  value: number | null;
  /** The exact text written into the control. */
  text: string;
  fingerprint: string;
  ledger: string | null;
  conditions: string;
  rows: number;
  /**
   * Set for a table figure (stored as kind="table"): its control holds a w:tbl, and `text` is every
   * cell's text, row by row, one per line — what a reader of the control sees.
   */
  kind?: "table";
  /** The table to write, on a freshly computed record only (not stored: `text` says it). */
  table?: FigureTable;
}
