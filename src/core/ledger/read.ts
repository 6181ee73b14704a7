// Raw tables → typed ledger rows and the issues a clerk must see. Everything about a ledger
// (columns, types, aliases, keys) comes from LEDGER_SPECS; this file only knows how clerks lay
// out their sheets. It must never throw: a broken cell becomes an issue at that cell.
import type {
  CellRange,
  FieldValue,
  Issue,
  Ledger,
  LedgerName,
  LedgerRow,
  LedgerSet,
  LedgerSource,
  LeftOutRow,
  RawCell,
  RawTable,
  RawWorkbook,
  ReadAsOtherRow,
  RowAccount,
  Severity,
  SkipReason,
} from "../types";
import { columnLetters, quoteSheet } from "../address";
import { COLUMN_MAP_SHEET, DEFINITIONS_SHEET, LEDGER_SPECS, SETTINGS_SHEET, type ColumnSpec, type LedgerSpec } from "./schema";
import { isColumnMapTable, readColumnMappings, unusedMappingIssues, type ColumnMapping } from "./mapping";
import { matchHeader, MatchRank, suggestHeaders, type HeaderMatch, type Suggestion, type UnitRefusal } from "./headers";
import { cleanText, displayCell, foldHeader, foldKey, foldText, isBlankCell, isExcelError, isTrimSpace, keyText } from "./text";
import { parseDate, parseNumberParts, parseYesNo, scaleByPowerOfTen } from "./values";
import { creditCodeCheck, creditCodeProblem, isValidCreditCode, type CreditCodeProblem } from "./creditcode";
import { COPIED_SHEET, matchLedgerName } from "./names";
import { KeyIndex } from "./key-index";
import { leftMost, recordCell, repeatedRecords } from "./repeats";
import { ColumnarLedger, columnarLedger } from "./columnar";
import { BLANK, NUMBER, OTHER, TEXT, tableColumns, type CellColumns } from "./raw-columns";
import { cellDigest } from "../hash";
import { catalogueIssue, codeOf, issueText, type IssueTextKey, type TextParams } from "../messages";

const HEADER_SEARCH_ROWS = 10;
const ROW_NUMBER_HEADER = "序号";
const CREDIT_CODE_COLUMN = "统一社会信用代码";
const DEPARTMENT_COLUMN = "部门";
// 汇总 is what Chinese Excel writes in a table's totals row; clerks type it on plain sheets too.
/**
 * A total line's first cell, folded and without spaces: a total word (合计, 共计, 总人数 …), after at most
 * a measure or a page (`人数合计`, `本页小计`), then at most
 * what a clerk writes after it — a measure (人数, 金额), a unit in brackets (`合计（人）`), a colon and a
 * number (`合计：15人`). A 人员 ledger has no date a total line would lack, so a total line read as a
 * record would be counted as a person: every such label is one (a clerk's 共计/合计人数 were).
 */
const TOTAL_LINE =
  /^(?:人数|金额|笔数|件数|次数|个数|家数|本页|本年|全年)?(?:合计|小计|总计|汇总|共计|累计|总数|总人数|总额|总金额|总笔数|总件数)(?:人数|金额|笔数|件数|次数|个数|家数|数)?(?:\([^()]{0,8}\))?(?::?[\d,.]*(?:人次|人|笔|家|次|个|件|名|元|万元|亿元)?)?$/;
/** The characters a total word starts with (TOTAL_LINE), for mayEndRecords' quick look. */
const TOTAL_STARTS = ["合", "小", "总", "汇", "共", "累", "人", "金", "笔", "件", "次", "个", "家", "本", "全"];
// A note or signature line under the data: nothing below it is a record.
const NOTE_WORDS = ["注:", "说明:"];
const SIGNATURE_WORDS = ["制表人", "填表人", "审核人"];
const NOTE_PREFIXES = [...NOTE_WORDS, ...SIGNATURE_WORDS];
/** A problem seen in more cells of one column than this is reported once, with its count and range. */
const FLOOD_SHOWN = 5;
const INTEGER_SUFFIXES = ["人次", "人", "次", "名", "个"];
const SPACES = /\s+/g;

/** One header cell bound to a canonical column, or kept under its folded header. */
interface Binding {
  index: number;
  name: string;
  header: string;
  spec: ColumnSpec | null;
  /** `电子保函!C` — the row number completes the address. */
  prefix: string;
  /** Index into LedgerState.prefixes, so a key can remember where it was first seen as a number. */
  prefixIndex: number;
  /** Power of ten the header's unit asks for (`（万元）` → 4) on money columns. */
  power: number;
}

interface LedgerState {
  spec: LedgerSpec;
  sources: LedgerSource[];
  /** Row accounting by sheet, in the order the sheets were read. */
  accounts: Map<string, RowAccount>;
  /** The tables read, with what is needed to account for the rows around them. */
  read: ReadSource[];
  columns: Ledger["columns"];
  /** The records kept (rows without an error), column by column. */
  records: ColumnarLedger;
  excluded: number;
  /** First row of each key, as prefixIndex * ROW_SPAN + Excel row: no address string per row. */
  keys: Map<string, KeyIndex>;
  prefixes: string[];
  headerFound: boolean;
  /** Groups of this ledger's row issues by column (`sheet!C`), severity and code. */
  floods: Map<string, FloodsBySeverity>;
  /**
   * The flood report() last added to, with the column, key and severity it was found by: a flood
   * is one problem down one column, so the next call is nearly always the same one (no lookups).
   */
  lastFlood: { prefix: string; key: IssueTextKey; severity: Severity; flood: Flood } | null;
  /** Set by report() when the row being read has an error issue. */
  failed: boolean;
  /** The cells (`sheet!C`) report() gave an error at in the row being read: only errors add here. */
  rowErrors: string[];
  /** Rows that look like records and count in no figure, with what could be read of them. */
  leftOut: LeftOutRow[];
  /** The cells (`sheet!C`) of the row being read whose unknown word report() was told is read as 其他. */
  rowOther: string[];
  /** Rows kept with such a cell (Ledger.readAsOther). */
  readAsOther: ReadAsOtherRow[];
  /** Every header cell's text of every source, for a 列名对照 row naming none of them. */
  headers: string[];
  missingColumns: NonNullable<Ledger["missingColumns"]>;
}

/** Above Excel's last row (1 048 576), so a row number and a prefix index share one number. */
const ROW_SPAN = 2097152;

/** A source as read: where it sits, how its columns were bound, which of its rows were non-blank. */
interface ReadSource {
  table: RawTable;
  /** Its cells. */
  grid: Grid;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** Null when no header was found. */
  bindings: Binding[] | null;
  /** The first note or signature line under the data, as a sheet row (0-based), or -1. */
  notesAt: number;
  /** Department named by the sheet or table name. */
  department: string | undefined;
}

/** One column's floods, by severity then code: looked up per row, so no key string is built per row. */
type FloodsBySeverity = Record<Severity, Map<string, Flood>>;

/** One problem in many cells of one column: kept as its first few issues and a count. */
interface Flood {
  /** Indexes in Context.issues of the members: the first is where a flood is reported. */
  slots: number[];
  members: Issue[];
  count: number;
  prefix: string;
  firstRow: number;
  lastRow: number;
}

interface Context {
  date1904: boolean;
  periodEnd: string | null;
  issues: Issue[];
  /**
   * Every group of row issues (one column, one code and severity), for settling at the end:
   * 100,000 bad cells must not make 100,000 issues.
   */
  floods: Flood[];
  /** Ledgers repeat the same dates and firms thousands of times. */
  serials: Map<number, string | null>;
  creditCodes: Map<string, string | null>;
  /** The rows of 列名对照. */
  mappings: ColumnMapping[];
  digest: ((ledger: LedgerName, column: string) => boolean) | null;
  /** textFactsOf each strings table met (the workbook's shared strings, or one table's). */
  textFacts: Map<readonly (string | null)[], Uint8Array>;
  /**
   * While a cell's outcome is worked out once for its string (readCell's problems depend on the
   * text alone), report() collects them here instead, to be said at each row that has the string.
   */
  capture: Captured[] | null;
}

/** A problem report() was asked for while capturing: said again, with the row, by replay(). */
interface Captured {
  severity: Severity;
  key: IssueTextKey;
  params: (at: string) => TextParams;
  column: string | undefined;
}

const CACHE_LIMIT = 100000;
const isFiniteNumber = Number.isFinite;

function dateOf(ctx: Context, raw: RawCell): string | null {
  if (typeof raw === "number") {
    const hit = ctx.serials.get(raw);
    if (hit !== undefined) return hit;
  }
  const d = parseDate(raw, ctx.date1904);
  const iso = d.ok ? d.iso : null;
  if (typeof raw === "number" && ctx.serials.size < CACHE_LIMIT) ctx.serials.set(raw, iso);
  return iso;
}

/** The code in canonical form (half-width, no spaces, upper case) when it is valid, else null. */
function normalCreditCode(ctx: Context, text: string): string | null {
  // Nearly every code is already canonical: checking it costs less than looking it up. One typed
  // in the alphabet with a wrong check character is canonical too: invalid, with no second pass.
  const check = creditCodeCheck(text);
  if (check === 0) return text;
  if (check === 1) return null;
  // Printable ASCII without lower case or spaces folds to itself: a code typed wrong that way (a
  // whole column of them is the issue flood of #10) is simply invalid — no folding, and no cache
  // entry per distinct code (100,000 of them were a 100,000-entry map).
  if (isCanonicalAscii(text)) return null;
  const hit = ctx.creditCodes.get(text);
  if (hit !== undefined) return hit;
  const code = foldText(text).replace(SPACES, "").toUpperCase();
  const result = isValidCreditCode(code) ? code : null;
  if (ctx.creditCodes.size < CACHE_LIMIT) ctx.creditCodes.set(text, result);
  return result;
}

/** Only printable ASCII other than a–z: what foldText, dropping spaces and upper-casing leave as it is. */
function isCanonicalAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127 || (c >= 97 && c <= 122)) return false;
  }
  return true;
}

export function readLedgers(
  wb: RawWorkbook,
  opts: {
    periodEnd?: string;
    /**
     * The columns figures will read (figureColumns): their cells are digested as they are kept,
     * while in the processor's cache (ColumnarLedger.writeCell). Only a matter of speed: figures
     * digest any other column themselves, to the same fingerprint.
     */
    digest?: (ledger: LedgerName, column: string) => boolean;
  } = {},
): LedgerSet {
  const issues: Issue[] = [];
  const periodEnd = typeof opts.periodEnd === "string" && /^\d{4}-\d{2}-\d{2}$/.test(opts.periodEnd) ? opts.periodEnd : null;
  const columnMap = readColumnMappings(wb);
  const ctx: Context = {
    date1904: !!(wb && wb.date1904),
    periodEnd,
    issues,
    floods: [],
    serials: new Map(),
    creditCodes: new Map(),
    mappings: columnMap.mappings,
    digest: opts.digest ?? null,
    textFacts: new Map(),
    capture: null,
  };
  const tables: RawTable[] = wb && Array.isArray(wb.tables) ? wb.tables : [];
  const hidden = new Set(wb && Array.isArray(wb.hiddenSheets) ? wb.hiddenSheets : []);

  const found = new Map<LedgerName, { table: RawTable; department?: string }[]>();
  for (const table of tables) {
    if (!table || typeof table !== "object") continue;
    const sheetKey = foldKey(String(table.sheet ?? ""));
    if (sheetKey === SETTINGS_SHEET || sheetKey === DEFINITIONS_SHEET || isColumnMapTable(table)) continue;
    const match = whichLedger(table);
    if (!match) continue;
    const list = found.get(match.ledger) ?? [];
    list.push({ table, department: match.department });
    found.set(match.ledger, list);
  }

  if (found.size === 0) {
    issues.push({
      severity: "error",
      code: "workbook.no_ledger",
      ...issueText("workbook.no_ledger", {
        names: LEDGER_SPECS.map((s) => s.name).join("、"),
        namesEn: LEDGER_SPECS.map((s) => `${s.name}/${s.english}`).join(", "),
      }),
    });
    return { ledgers: {}, issues };
  }

  const ledgers: Partial<Record<LedgerName, Ledger>> = {};
  const rowAccounts: RowAccount[] = [];
  const headersByLedger = new Map<LedgerName, string[]>();
  for (const spec of LEDGER_SPECS) {
    const sources = found.get(spec.name);
    if (!sources) {
      issues.push(missingLedger(spec));
      continue;
    }
    const state: LedgerState = {
      spec,
      sources: [],
      accounts: new Map(),
      read: [],
      floods: new Map(),
      lastFlood: null,
      columns: [],
      records: new ColumnarLedger(),
      excluded: 0,
      keys: new Map(),
      prefixes: [],
      headerFound: false,
      failed: false,
      rowErrors: [],
      leftOut: [],
      rowOther: [],
      readAsOther: [],
      headers: [],
      missingColumns: [],
    };
    for (const s of sources) readSource(ctx, state, s.table, s.department);
    accountAroundTables(ctx, state);
    for (const account of state.accounts.values()) rowAccounts.push(account);
    const records = state.records.finish();
    if (!spec.columns.some((c) => c.unique)) warnRepeatedRecords(ctx, state, records);
    if (state.headerFound) {
      const ledger = columnarLedger(
        { name: spec.name, sources: state.sources, columns: state.columns, excluded: state.excluded, missingColumns: state.missingColumns },
        records,
      );
      if (records.length === 0 && state.excluded === 0) issues.push(emptyLedger(state));
      if (state.leftOut.length > 0) ledger.leftOut = state.leftOut;
      if (state.readAsOther.length > 0) ledger.readAsOther = state.readAsOther;
      issues.push(...hiddenSources(state, hidden));
      ledgers[spec.name] = ledger;
      headersByLedger.set(spec.name, [...new Set(state.headers)]);
    }
  }
  issues.push(...columnMap.issues, ...unusedMappingIssues(columnMap.mappings, headersByLedger));
  return { ledgers, issues: settleFloods(ctx), rowAccounts };
}

/**
 * One warning per hidden sheet the ledger read a header from, at that header: its rows count in the
 * figures though no one sees them (a hidden copy doubles them). A copy's name (`… (2)`) is said too.
 */
function hiddenSources(state: LedgerState, hidden: ReadonlySet<string>): Issue[] {
  if (hidden.size === 0) return [];
  const out: Issue[] = [];
  const said = new Set<string>();
  for (const source of state.sources) {
    if (!hidden.has(source.sheet) || said.has(source.sheet)) continue;
    said.add(source.sheet);
    const rows = state.sources.filter((s) => s.sheet === source.sheet).reduce((n, s) => n + s.rowsRead, 0);
    const read = state.read.find((r) => r.sheet === source.sheet && r.bindings !== null);
    const cell = `${quoteSheet(source.sheet)}!${columnLetters(read?.left ?? 0)}${source.headerRow}`;
    const copy = COPIED_SHEET.test(source.sheet);
    const params = {
      sheet: source.sheet,
      rows,
      ledger: state.spec.name,
      copy: copy ? "（名称像是 Excel 复制出的工作表）" : "",
      copyEn: copy ? " (its name is the one Excel gives a copied sheet)" : "",
    };
    out.push(catalogueIssue("warning", "sheet.hidden", params, { ledger: state.spec.name, cell }));
  }
  return out;
}

/**
 * A ledger found with its header but not one record: its figures are 0, which must not pass unseen.
 * One line per ledger says what to fill: under which header row, and the required columns as the
 * sheet heads them (a fresh `init` has every ledger empty, and `check` should read as a to-do list).
 */
function emptyLedger(state: LedgerState): Issue {
  const name = state.spec.name;
  const first = state.read.find((r) => r.bindings !== null);
  const source = state.sources[0];
  const cell = first && source ? `${quoteSheet(first.sheet)}!${columnLetters(first.left)}${source.headerRow}` : undefined;
  const required = state.spec.columns
    .filter((c) => c.required)
    .map((c) => state.columns.find((found) => found.name === c.name)?.header ?? c.name);
  const params = { ledger: name, headerRow: source?.headerRow ?? 1, required: required.join("、"), requiredEn: required.join(", ") };
  return catalogueIssue("warning", "ledger.empty", params, { ledger: name, ...(cell !== undefined ? { cell } : {}) });
}

function whichLedger(table: RawTable): { ledger: LedgerName; department?: string } | null {
  const bySheet = matchLedgerName(String(table.sheet ?? ""));
  if (typeof table.table === "string" && table.table.length > 0) {
    const byTable = matchLedgerName(table.table);
    if (byTable) {
      // A table named `EGuarantees` on sheet `电子保函-交易二科` still belongs to 交易二科.
      if (!byTable.department && bySheet && bySheet.ledger === byTable.ledger && bySheet.department) {
        return { ledger: byTable.ledger, department: bySheet.department };
      }
      return byTable;
    }
  }
  return bySheet;
}

function missingLedger(spec: LedgerSpec): Issue {
  if (spec.optional) {
    return {
      severity: "info",
      code: "ledger.missing",
      ...issueText("ledger.missing#optional", { ledger: spec.name, ledgerEn: `${spec.name} (${spec.english})` }),
      ledger: spec.name,
    };
  }
  return {
    severity: "warning",
    code: "ledger.missing",
    ...issueText("ledger.missing", {
      ledger: spec.name,
      ledgerEn: `${spec.name} (${spec.english})`,
      names: spec.name,
      namesEn: `${spec.name} or ${spec.english}`,
    }),
    ledger: spec.name,
  };
}

function num(n: unknown): number {
  return typeof n === "number" && Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
}

function headerText(cell: RawCell): string {
  if (typeof cell === "string") return cell;
  if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
  return "";
}

/**
 * What the reader learns of a text from the text alone, once per distinct string: bit 1 set once
 * known, bit 2 blank (only spaces), bit 4 may start a note, signature or total line.
 */
const TEXT_KNOWN = 1;
const TEXT_BLANK = 2;
const TEXT_MAY_END = 4;

function textFactsOf(ctx: Context, strings: readonly (string | null)[]): Uint8Array {
  let facts = ctx.textFacts.get(strings);
  if (facts === undefined) ctx.textFacts.set(strings, (facts = new Uint8Array(strings.length)));
  return facts;
}

function textFact(facts: Uint8Array, strings: readonly (string | null)[], index: number): number {
  let f = facts[index];
  if (f === 0) {
    const s = strings[index] ?? "";
    f = TEXT_KNOWN | (isBlankCell(s) ? TEXT_BLANK : 0) | (mayEndRecords(s) ? TEXT_MAY_END : 0);
    facts[index] = f;
  }
  return f;
}

/**
 * Cells of one table, column by column (tableColumns: the .xlsx reader's own columns, or made from
 * `values`), with every merged area reading as its top-left value.
 */
class Grid {
  readonly cols: CellColumns;
  readonly height: number;
  readonly width: number;
  readonly merged: Map<number, RawCell> | null;
  /** textFactsOf the table's strings. */
  readonly facts: Uint8Array;

  constructor(ctx: Context, table: RawTable, top: number, left: number) {
    this.cols = tableColumns(table);
    this.height = this.cols.height;
    this.width = this.cols.width;
    this.facts = textFactsOf(ctx, this.cols.strings);
    this.merged = Array.isArray(table.merges) && table.merges.length > 0 ? this.spread(table.merges, top, left) : null;
  }

  private spread(merges: CellRange[], top: number, left: number): Map<number, RawCell> | null {
    const map = new Map<number, RawCell>();
    const height = this.height;
    for (const m of merges) {
      if (!m || ![m.top, m.left, m.bottom, m.right].every((v) => typeof v === "number" && Number.isFinite(v))) continue;
      const r0 = Math.max(m.top - top, 0);
      const r1 = Math.min(m.bottom - top, height - 1);
      const c0 = Math.max(m.left - left, 0);
      const c1 = Math.min(m.right - left, this.width - 1);
      if (r0 > r1 || c0 > c1) continue;
      const inside = m.top - top >= 0 && m.left - left >= 0;
      const value = inside ? this.cols.cell(m.top - top, m.left - left) : null;
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          if (r === m.top - top && c === m.left - left) continue;
          map.set(r * this.width + c, value);
        }
      }
    }
    return map.size > 0 ? map : null;
  }

  cell(r: number, c: number): RawCell {
    if (this.merged !== null) {
      const key = r * this.width + c;
      if (this.merged.has(key)) return this.merged.get(key)!;
    }
    return this.cols.cell(r, c);
  }

  /** Whether row r's own cell c is blank (a merged area standing in for it does not count). */
  isBlankAt(r: number, c: number): boolean {
    const cols = this.cols;
    const i = cols.at(r, c);
    const kind = cols.kinds[i];
    if (kind === BLANK) return true;
    if (kind === NUMBER) return false;
    if (kind === TEXT) return (textFact(this.facts, cols.strings, cols.payload[i] | 0) & TEXT_BLANK) !== 0;
    return isBlankCell(cols.others[cols.payload[i] | 0]);
  }

  /** A row is blank by its own cells: a merged 部门 running into an empty row does not make it a record. */
  isBlankRow(r: number): boolean {
    if (r < 0 || r >= this.height) return true;
    for (let c = 0; c < this.width; c++) if (!this.isBlankAt(r, c)) return false;
    return true;
  }

  /** Whether cell (r, c), not blank, is text that may start a note, signature or total line. */
  mayEndRecordsAt(r: number, c: number): boolean {
    if (this.merged !== null) {
      const v = this.cell(r, c);
      return typeof v === "string" && mayEndRecords(v);
    }
    const cols = this.cols;
    const i = cols.at(r, c);
    const kind = cols.kinds[i];
    if (kind === TEXT) return (textFact(this.facts, cols.strings, cols.payload[i] | 0) & TEXT_MAY_END) !== 0;
    if (kind !== OTHER) return false;
    const v = cols.others[cols.payload[i] | 0];
    return typeof v === "string" && mayEndRecords(v);
  }
}

/** An issue of one ledger, worded from the catalogue. */
function issue(severity: Severity, key: IssueTextKey, ledger: string, cell: string | undefined, params: TextParams): Issue {
  const i: Issue = { severity, code: codeOf(key), ...issueText(key, params), ledger };
  if (cell !== undefined) i.cell = cell;
  return i;
}

function readSource(ctx: Context, state: LedgerState, table: RawTable, department: string | undefined): void {
  const spec = state.spec;
  const ledger = spec.name;
  const sheet = String(table.sheet ?? "");
  const top = num(table.top);
  const left = num(table.left);
  const grid = new Grid(ctx, table, top, left);
  const sheetRef = quoteSheet(sheet);
  const address = (r: number, c: number) => `${sheetRef}!${columnLetters(left + c)}${top + r + 1}`;
  const where = table.table ? `${sheet}（表格 ${table.table}）` : sheet;
  const whereEn = table.table ? `${sheet} (table ${table.table})` : sheet;
  const bottom = top + grid.height - 1;
  // A table beside an earlier one of this ledger (their rows overlap) accounts for its rows alone.
  const beside = table.table ? state.read.some((r) => r.sheet === sheet && r.top <= bottom && top <= r.bottom) : false;
  const account = accountOf(state, sheet, beside ? table.table : undefined);
  const read: ReadSource = {
    table,
    grid,
    sheet,
    top,
    left,
    bottom: top + grid.height - 1,
    right: left + grid.width - 1,
    bindings: null,
    notesAt: -1,
    department,
  };
  state.read.push(read);

  if (table.mergesUnknown) {
    ctx.issues.push(issue("info", "merges.unknown", ledger, undefined, { where, whereEn }));
  }

  const required = spec.columns.filter((c) => c.required);
  let headerRow = -1;
  const searchRows = Math.min(HEADER_SEARCH_ROWS, grid.height);
  for (let r = 0; r < searchRows && headerRow < 0; r++) {
    const matched = new Set<string>();
    for (let c = 0; c < grid.width; c++) {
      const m = matchHeader(spec, headerText(grid.cell(r, c)), ctx.mappings);
      if (m && m.column.required) matched.add(m.column.name);
    }
    if (matched.size > 0 && matched.size * 2 >= required.length) headerRow = r;
  }
  if (headerRow < 0) {
    const expected = required.map((c) => c.name).join("、");
    ctx.issues.push(
      issue("error", "ledger.no_header", ledger, grid.height > 0 ? address(0, 0) : undefined, {
        where,
        whereEn,
        rows: HEADER_SEARCH_ROWS,
        ledger,
        expected,
        expectedEn: required.map((c) => `${c.name} (${c.aliases?.[0] ?? ""})`).join(", "),
      }),
    );
    for (let r = 0; r < grid.height; r++) if (!grid.isBlankRow(r)) skip(account, "no_header");
    suggestUnfoundHeader(ctx, state, grid, searchRows, address, where, whereEn, top);
    return;
  }
  state.headerFound = true;
  const bindings = bindHeaderRow(ctx, state, grid, headerRow, address, { sheet, where, whereEn, sheetRef, left, top });
  const skipped: boolean[] = new Array(grid.width).fill(false);
  for (let c = 0; c < grid.width; c++) if (foldHeader(headerText(grid.cell(headerRow, c))) === ROW_NUMBER_HEADER) skipped[c] = true;
  for (const b of bindings) {
    if (b.spec && !state.columns.some((c) => c.name === b.name)) {
      state.columns.push({ name: b.name, header: b.header, column: columnLetters(left + b.index) });
    }
  }

  const source: LedgerSource = { sheet, headerRow: top + headerRow + 1, rowsRead: 0 };
  if (table.table) source.table = table.table;
  if (department) source.department = department;
  state.sources.push(source);

  const departmentSlot = bindings.findIndex((b) => b.name === DEPARTMENT_COLUMN && b.spec !== null);
  const letters: Record<string, string> = {};
  for (const b of bindings) letters[b.name] = columnLetters(left + b.index);
  // Each binding's column in the ledger's records (a later sheet of the same ledger may have more
  // columns, or fewer: a row fills its own and leaves the others blank), and room for every row
  // of the table at once.
  const records = state.records;
  const slots = bindings.map((b) => records.columnIndex(b.name));
  records.reserve(Math.max(0, grid.height - headerRow - 1));
  // A key column's index (checkUnique) sized for this table's rows at once.
  for (const b of bindings) {
    if (b.spec?.unique && !state.keys.has(b.spec.name)) state.keys.set(b.spec.name, new KeyIndex(grid.height - headerRow - 1));
  }
  const shape: RowShape = {
    bindings,
    slots,
    digested: bindings.map((b) => ctx.digest !== null && ctx.digest(ledger, b.name)),
    scratch: new Array<FieldValue>(bindings.length).fill(null),
    scratchDigests: new Float64Array(bindings.length),
    columnAt: bindings.map((b) => grid.cols.at(0, b.index)),
    outcomes: bindings.map(() => undefined),
    direct: bindings.map((b) => b.spec !== null && b.spec.unique === true),
    source: records.addSource(sheet, Object.freeze(letters)),
    departmentSlot,
    department,
    sheet,
    top,
  };
  read.bindings = bindings;
  // Rows above the header are titles (a merged title, a 填报单位 line); an Excel table's totals
  // row is Excel's, never a record, whatever it says.
  for (let r = 0; r < headerRow; r++) if (!grid.isBlankRow(r)) skip(account, "title");
  skip(account, "header");
  const totalsRows = Math.max(0, Math.min(num(table.totalsRows), grid.height - headerRow - 1));
  const dataEnd = grid.height - totalsRows;
  for (let r = dataEnd; r < grid.height; r++) if (!grid.isBlankRow(r)) skip(account, "total");
  let noteLines = 0;
  let notes: Issue | null = null;
  for (let r = headerRow + 1; r < dataEnd; r++) {
    // A row is blank by its own cells: a merged 部门 running into an empty row does not make it a record.
    if (grid.isBlankRow(r)) continue;
    account.nonBlankRows++;
    // One pass finds the first non-blank cell and whether anything besides 序号 is filled:
    // templates often come with 序号 numbered down rows nobody has used yet. Merged areas count
    // here (a merged 部门 is the row's first cell); without any, the cells' kinds say it.
    let firstCol = -1;
    let filled = false;
    for (let c = 0; c < grid.width; c++) {
      if (grid.merged !== null ? isBlankCell(grid.cell(r, c)) : grid.isBlankAt(r, c)) continue;
      if (firstCol < 0) firstCol = c;
      if (!skipped[c]) {
        filled = true;
        break;
      }
    }
    // Only a text that may start a note, signature or total line is read as text here.
    const first: RawCell = firstCol >= 0 && grid.mayEndRecordsAt(r, firstCol) ? grid.cell(r, firstCol) : null;
    const line = typeof first === "string" ? lineKind(first) : null;
    if (line === "note" || line === "signature") {
      // 注：/制表人 end the ledger: what follows is read no more, but every row is still looked at.
      account.skipped[line] = (account.skipped[line] ?? 0) + 1;
      if (read.notesAt < 0) {
        read.notesAt = top + r;
        const at = `${sheetRef}!${columnLetters(left + firstCol)}${top + r + 1}`;
        notes = issue("info", "row.notes_skipped", ledger, at, { at });
        ctx.issues.push(notes);
      }
      noteLines++;
      continue;
    }
    if (line === "total") {
      skip(account, "total", false);
      report(ctx, state, "info", "row.total_skipped", `${sheetRef}!${columnLetters(left + firstCol)}`, top + r + 1, (at) => ({
        at,
        text: String(first).trim(),
      }));
      continue;
    }
    if (read.notesAt >= 0) {
      skip(account, "after_notes", false);
      if (looksLikeRecord(bindings, (c) => grid.cell(r, c))) rowAfterNotes(ctx, state, read, shape, grid, r, firstCol);
      continue;
    }
    if (firstCol < 0 || !filled) {
      skip(account, "row_number_only", false);
      continue;
    }
    source.rowsRead++;
    const excludedBefore = state.excluded;
    readRow(ctx, state, grid, shape, r);
    if (state.excluded > excludedBefore) account.excluded++;
    else account.records++;
  }
  if (notes !== null) {
    const at = notes.cell!;
    Object.assign(notes, issueText("row.notes_skipped", { at, lines: noteLines }));
  }
}

/** A sheet row with cells outside every table, gathered from the regions around the tables. */
interface OutsideRow {
  row: number;
  /** Non-blank cells outside every table. */
  cells: number;
  /** Sheet column and value of the leftmost of them. */
  firstCol: number;
  first: RawCell;
  /** Set when the row has non-blank cells inside a table that is not this ledger's. */
  otherTable: boolean;
  /** The region rows it was seen in, to look its cells up by column. */
  parts: { left: number; values: RawCell[] }[];
}

function validRect(r: unknown): r is CellRange {
  const m = r as CellRange;
  return (
    !!m &&
    [m.top, m.left, m.bottom, m.right].every((v) => typeof v === "number" && Number.isFinite(v)) &&
    m.top <= m.bottom &&
    m.left <= m.right
  );
}

/**
 * The rows of a table's sheet that no table of this ledger reads — titles above it, rows typed
 * below or beside it, notes under it, other tables — each accounted for under a reason. One that
 * would be a record is a warning at its cell: the clerk believes the ledger holds it.
 */
function accountAroundTables(ctx: Context, state: LedgerState): void {
  const bySheet = new Map<string, ReadSource[]>();
  for (const read of state.read) {
    if (!read.table.table || !read.table.around || !Array.isArray(read.table.around.regions)) continue;
    const list = bySheet.get(read.sheet) ?? [];
    list.push(read);
    bySheet.set(read.sheet, list);
  }
  for (const [sheet, reads] of bySheet) {
    const mine: CellRange[] = reads.map((r) => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right }));
    const given = (reads[0].table.around!.tables ?? []).filter(validRect);
    // This ledger's tables first: a cell in one of them is never "another table".
    const rects = [...mine, ...given.filter((g) => !mine.some((m) => m.top === g.top && m.left === g.left))];
    const ownTables = mine.length;
    const rows = new Map<number, OutsideRow>();
    const seen = new Set<unknown>();
    for (const read of reads) {
      for (const region of read.table.around!.regions) {
        if (!region || seen.has(region) || !Array.isArray(region.values)) continue;
        seen.add(region);
        const top = num(region.top);
        const left = num(region.left);
        // The usual sheet is one table as wide as the used range: a row inside one of this ledger's
        // tables from edge to edge has nothing outside it (tables never overlap) and is passed over.
        const wide = mine.filter((rect) => rect.left <= left);
        for (let i = 0; i < region.values.length; i++) {
          const line = region.values[i];
          if (!Array.isArray(line) || line.length === 0) continue;
          const R = top + i;
          const last = left + line.length - 1;
          let inside = false;
          for (let t = 0; t < wide.length && !inside; t++) inside = R >= wide[t].top && R <= wide[t].bottom && wide[t].right >= last;
          if (inside) continue;
          let info: OutsideRow | undefined;
          const note = (): OutsideRow => {
            if (info === undefined) {
              info = rows.get(R);
              if (info === undefined) {
                info = { row: R, cells: 0, firstCol: -1, first: null, otherTable: false, parts: [] };
                rows.set(R, info);
              }
              info.parts.push({ left, values: line });
            }
            return info;
          };
          for (let c = 0; c < line.length; c++) {
            const C = left + c;
            let inside = -1;
            for (let t = 0; t < rects.length; t++) {
              const rect = rects[t];
              if (R >= rect.top && R <= rect.bottom && C >= rect.left && C <= rect.right) {
                inside = t;
                break;
              }
            }
            if (inside >= 0) {
              // A table accounts for its own cells; another table's only tell that the row is not empty.
              const end = Math.min(line.length - 1, rects[inside].right - left);
              if (inside >= ownTables) for (let k = c; k <= end; k++) if (!isBlankCell(line[k])) note().otherTable = true;
              c = end;
              continue;
            }
            if (isBlankCell(line[c])) continue;
            const row = note();
            row.cells++;
            if (row.firstCol < 0 || C < row.firstCol) {
              row.firstCol = C;
              row.first = line[c];
            }
          }
        }
      }
    }
    if (rows.size === 0) continue;
    const account = accountOf(state, sheet);
    const firstTop = Math.min(...mine.map((m) => m.top));
    for (const row of [...rows.values()].sort((a, b) => a.row - b.row)) {
      const R = row.row;
      const holder = reads.find((r) => R >= r.top && R <= r.bottom);
      // A row one of this ledger's tables holds was counted there, whatever lies beside it.
      if (holder && !holder.grid.isBlankRow(R - holder.top)) continue;
      if (row.cells === 0) {
        if (row.otherTable) skip(account, "other_table");
        continue;
      }
      if (R < firstTop) {
        skip(account, "title");
        continue;
      }
      const kind = typeof row.first === "string" ? lineKind(row.first) : null;
      if (kind !== null) {
        skip(account, kind);
        continue;
      }
      skip(account, "outside_table");
      const near = holder ?? [...reads].reverse().find((r) => r.bottom < R) ?? reads[0];
      const cellAt = (C: number): RawCell => {
        for (const part of row.parts) {
          const v = part.values[C - part.left];
          if (v !== undefined && !isBlankCell(v)) return v;
        }
        return null;
      };
      const recordLike = holder
        ? row.cells >= 2
        : near.bindings !== null && looksLikeRecord(near.bindings, (index) => cellAt(near.left + index));
      if (!recordLike) continue;
      const name = near.table.table ?? "";
      const prefix = `${quoteSheet(sheet)}!${columnLetters(row.firstCol)}`;
      report(ctx, state, "warning", holder ? "row.outside_table#beside" : "row.outside_table", prefix, R + 1, (at) => ({
        at,
        table: name,
      }));
      if (near.bindings !== null) {
        // A row below the table is read under the table's columns; one beside it has columns of
        // its own, which nothing binds: every cell of it could be anything.
        const peeked = holder
          ? { values: {}, unread: [...near.bindings.map((b) => b.name), DEPARTMENT_COLUMN], department: null }
          : peekRow(ctx, near.bindings, (index) => cellAt(near.left + index), near.department);
        state.leftOut.push({ sheet, row: R + 1, reason: "outside_table", ...peeked, cells: [prefix + (R + 1)] });
      }
    }
  }
}

/** The row accounting of one ledger's sheet. */
function accountOf(state: LedgerState, sheet: string, table?: string): RowAccount {
  const key = table === undefined ? sheet : `${sheet}\u0000${table}`;
  let account = state.accounts.get(key);
  if (!account) {
    account = { ledger: state.spec.name, sheet, nonBlankRows: 0, records: 0, excluded: 0, skipped: {} };
    if (table !== undefined) account.table = table;
    state.accounts.set(key, account);
  }
  return account;
}

/** Counts a skipped row (and, unless already counted, the non-blank row it is). */
function skip(account: RowAccount, reason: SkipReason, count = true): void {
  if (count) account.nonBlankRows++;
  account.skipped[reason] = (account.skipped[reason] ?? 0) + 1;
}

/** What a line whose first cell may be a note, signature or total word is. */
function lineKind(text: string): "note" | "signature" | "total" | null {
  const word = foldText(text).replace(SPACES, "");
  if (NOTE_WORDS.some((p) => word.startsWith(p))) return "note";
  if (SIGNATURE_WORDS.some((p) => word.startsWith(p))) return "signature";
  if (TOTAL_LINE.test(word)) return "total";
  return null;
}

/**
 * Whether a row the reader does not take would be a record if it were read: it fills at least two
 * of the columns bound to the ledger, half of the bound required ones among them — the test the
 * header row passes, applied to a row.
 */
function looksLikeRecord(bindings: Binding[], cellAt: (index: number) => RawCell): boolean {
  let bound = 0;
  let required = 0;
  let requiredFilled = 0;
  for (const b of bindings) {
    if (b.spec === null) continue;
    const filled = !isBlankCell(cellAt(b.index));
    if (filled) bound++;
    if (b.spec.required) {
      required++;
      if (filled) requiredFilled++;
    }
  }
  return bound >= 2 && requiredFilled > 0 && requiredFilled * 2 >= required;
}

function rowAfterNotes(ctx: Context, state: LedgerState, read: ReadSource, shape: RowShape, grid: Grid, r: number, firstCol: number): void {
  const noteRow = read.notesAt + 1;
  const prefix = `${quoteSheet(read.sheet)}!${columnLetters(read.left + firstCol)}`;
  const row = shape.top + r + 1;
  report(ctx, state, "warning", "row.after_notes", prefix, row, (at) => ({ at, noteRow }));
  const peeked = peekRow(ctx, shape.bindings, (c) => grid.cell(r, c), shape.department);
  state.leftOut.push({ sheet: read.sheet, row, reason: "after_notes", ...peeked, cells: [prefix + row] });
}

/**
 * What can be read of a row the reader does not take as a record, as readCell would read it but
 * with no issue: a cell its column cannot read (an unparseable date, an unknown 状态, an Excel
 * error, a blank required cell, a word read as 其他) is `unread` — it could hold anything.
 */
function peekRow(
  ctx: Context,
  bindings: Binding[],
  cellAt: (index: number) => RawCell,
  sheetDepartment: string | undefined,
): Pick<LeftOutRow, "values" | "unread" | "department"> {
  const values: Record<string, FieldValue> = {};
  const unread: string[] = [];
  for (const b of bindings) {
    const raw = cellAt(b.index);
    const value = b.spec === null ? looseValue(raw) : peekCell(ctx, b, b.spec, raw);
    if (value === undefined) unread.push(b.name);
    else values[b.name] = value;
  }
  return { values, unread, department: departmentOf(values, unread, sheetDepartment) };
}

/** One cell as its column reads it, or undefined when it cannot be read (see peekRow). */
function peekCell(ctx: Context, b: Binding, col: ColumnSpec, raw: RawCell): FieldValue | undefined {
  if (isBlankCell(raw)) return col.blankMeans !== undefined ? col.blankMeans : col.required ? undefined : null;
  if (isExcelError(raw)) return undefined;
  switch (col.type) {
    case "date":
      return dateOf(ctx, raw) ?? undefined;
    case "money":
    case "integer": {
      let n: number;
      if (typeof raw === "number" && isFiniteNumber(raw)) n = b.power > 0 ? scaleByPowerOfTen(raw, b.power) : raw;
      else {
        const parts = parseNumberParts(raw, col.type === "integer" ? INTEGER_SUFFIXES : undefined);
        if (parts === null) return undefined;
        n = b.power > 0 && !parts.ownUnit ? scaleByPowerOfTen(parts.value, b.power) : parts.value;
      }
      if (n < 0 || (col.type === "integer" && !Number.isInteger(n))) return undefined;
      return n === 0 ? 0 : n;
    }
    case "enum":
    case "yesno": {
      const canonical = col.type === "yesno" ? parseYesNo(raw) : enumValue(col, raw);
      if (canonical !== null) return canonical;
      // A word a record would read as 其他 may have been meant as any of the column's words: unread.
      if (col.unknownIsError || (col.values ?? []).includes("其他")) return undefined;
      return looseValue(raw);
    }
    default: {
      const value = looseText(raw);
      if (value === null || col.name !== CREDIT_CODE_COLUMN) return value;
      return normalCreditCode(ctx, value) ?? value;
    }
  }
}

/** A left-out row's department as keepRecord gives a record's: its own 部门, else its sheet's. */
function departmentOf(values: Record<string, FieldValue>, unread: string[], sheetDepartment: string | undefined): string | null {
  if (unread.includes(DEPARTMENT_COLUMN)) return null;
  const own = values[DEPARTMENT_COLUMN];
  return typeof own === "string" && own.length > 0 ? own : (sheetDepartment ?? null);
}

/**
 * A row with an error, kept out of every figure: what its cells read as (readRow's `values`), its
 * error cells unread, and a cell in error elsewhere too (an Excel error in an optional column) or
 * with a word read as 其他 (it may have been meant as any word of its column).
 */
function leftOutRow(state: LedgerState, grid: Grid, shape: RowShape, r: number, values: FieldValue[]): LeftOutRow {
  const rowNumber = shape.top + r + 1;
  const errors = state.rowErrors;
  const read: Record<string, FieldValue> = {};
  const unread: string[] = [];
  const bindings = shape.bindings;
  for (let k = 0; k < bindings.length; k++) {
    const b = bindings[k];
    const v = values[k];
    const other = state.rowOther.includes(b.prefix);
    if (other || errors.includes(b.prefix) || (v === null && b.spec !== null && !isBlankCell(grid.cell(r, b.index)))) unread.push(b.name);
    else read[b.name] = v;
  }
  const cells = errors.length === 1 ? [errors[0] + rowNumber] : [...new Set(errors)].map((prefix) => prefix + rowNumber);
  state.rowErrors = [];
  return {
    sheet: shape.sheet,
    row: rowNumber,
    reason: "error",
    values: read,
    unread,
    department: departmentOf(read, unread, shape.department),
    cells,
  };
}

/**
 * Binds the header row's cells to the ledger's columns (matchHeader: 列名对照, exact, alias; the
 * unit part of the match), one cell per column — the strongest, else the left-most — and reports
 * every header that named a column but was not used, and every column not bound with the header
 * it probably is. Cells bound to nothing are kept under their folded header, for conditions.
 */
function bindHeaderRow(
  ctx: Context,
  state: LedgerState,
  grid: Grid,
  headerRow: number,
  address: (r: number, c: number) => string,
  place: { sheet: string; where: string; whereEn: string; sheetRef: string; left: number; top: number },
): Binding[] {
  const { sheet, where, whereEn, sheetRef, left, top } = place;
  const spec = state.spec;
  const ledger = spec.name;
  const cells: { index: number; text: string; folded: string; match: HeaderMatch | null; refused: UnitRefusal[] }[] = [];
  for (let c = 0; c < grid.width; c++) {
    const text = headerText(grid.cell(headerRow, c));
    const folded = foldHeader(text);
    if (folded.length === 0 || folded === ROW_NUMBER_HEADER) continue;
    const refused: UnitRefusal[] = [];
    const match = matchHeader(spec, text, ctx.mappings, refused);
    if (match?.mapping) match.mapping.used = true;
    cells.push({ index: c, text, folded, match, refused });
    state.headers.push(cleanText(text));
  }
  // The winner of each column: highest rank, then left-most.
  const winner = new Map<string, (typeof cells)[number]>();
  for (const cell of cells) {
    if (!cell.match) continue;
    const best = winner.get(cell.match.column.name);
    if (!best || cell.match.rank > best.match!.rank) winner.set(cell.match.column.name, cell);
  }
  const headerAt = (index: number) => address(headerRow, index);
  const bindings: Binding[] = [];
  const used = new Set<string>();
  for (const cell of cells) {
    let name: string;
    let col: ColumnSpec | null = null;
    let power = 0;
    const won = cell.match !== null && winner.get(cell.match.column.name) === cell;
    if (won) {
      col = cell.match!.column;
      name = col.name;
      power = cell.match!.power;
    } else {
      name = cell.folded;
      for (let n = 2; used.has(name) || spec.columns.some((c) => c.name === name); n++) name = `${cell.folded}#${n}`;
    }
    used.add(name);
    // A header that named a column which another header holds: say which one is read, here.
    const lost = cell.match && !won ? cell.match.column : cell.refused.find((r) => winner.has(r.column.name))?.column;
    if (lost) {
      const other = winner.get(lost.name)!;
      const at = headerAt(cell.index);
      const otherAt = columnLetters(left + other.index) + (top + headerRow + 1);
      ctx.issues.push(
        issue("info", "column.not_used", ledger, at, {
          at,
          header: cleanText(cell.text),
          column: lost.name,
          otherAt,
          otherHeader: cleanText(other.text),
          mapped: other.match!.rank === MatchRank.Mapped ? "（列名对照）" : "",
          mappedEn: other.match!.rank === MatchRank.Mapped ? " (per 列名对照)" : "",
        }),
      );
    }
    const prefix = `${sheetRef}!${columnLetters(left + cell.index)}`;
    bindings.push({ index: cell.index, name, header: cleanText(cell.text), spec: col, prefix, prefixIndex: state.prefixes.length, power });
    state.prefixes.push(prefix);
  }

  // Columns this header row lacks, and the free header each one probably is.
  const missing = spec.columns.filter((c) => !winner.has(c.name));
  if (missing.length === 0) return bindings;
  const free = cells.filter((c) => !c.match || winner.get(c.match.column.name) !== c).map((c) => ({ index: c.index, text: c.text }));
  const suggestions = new Map(suggestHeaders(missing, free).map((s) => [s.column.name, s]));
  const headerRowNumber = top + headerRow + 1;
  for (const col of missing) {
    const hint = suggestions.get(col.name);
    const cell = hint ? headerAt(hint.index) : address(headerRow, 0);
    state.missingColumns.push({ name: col.name, sheet, cell, required: col.required });
    if (!col.required && !hint) continue;
    const english = col.aliases?.find((a) => /^[\x00-\x7f]+$/.test(a));
    const colEn = english ? `${col.name} (${english})` : col.name;
    const words = { column: col.name, columnEn: colEn, where, whereEn, row: headerRowNumber, mapSheet: COLUMN_MAP_SHEET };
    if (hint) {
      const header = cleanText(headerText(grid.cell(headerRow, hint.index)));
      const line = `${ledger} | ${col.name} | ${header}`;
      const i = issue(
        col.required ? "error" : "info",
        col.required ? "ledger.missing_column#suggestion" : "ledger.column_suggestion",
        ledger,
        cell,
        { ...words, cell, header, line },
      );
      i.columnMapping = { ledger, column: col.name, header };
      ctx.issues.push(i);
    } else {
      ctx.issues.push(issue("error", "ledger.missing_column", ledger, cell, { ...words, cell }));
    }
  }
  return bindings;
}

/**
 * No row had half the required columns — often because several headers were renamed. The row most
 * like a header (at least one required column by name, and with the suggestions at least half)
 * gets the same question per column as a found header row, so 列名对照 can make it one.
 */
function suggestUnfoundHeader(
  ctx: Context,
  state: LedgerState,
  grid: Grid,
  searchRows: number,
  address: (r: number, c: number) => string,
  where: string,
  whereEn: string,
  top: number,
): void {
  const spec = state.spec;
  const required = spec.columns.filter((c) => c.required);
  let best: { row: number; hints: Suggestion[] } | null = null;
  for (let r = 0; r < searchRows; r++) {
    const matched = new Set<string>();
    const free: { index: number; text: string }[] = [];
    for (let c = 0; c < grid.width; c++) {
      const text = headerText(grid.cell(r, c));
      if (foldHeader(text).length === 0) continue;
      const m = matchHeader(spec, text, ctx.mappings);
      if (m) matched.add(m.column.name);
      else free.push({ index: c, text });
    }
    if (matched.size === 0) continue;
    const hints = suggestHeaders(
      required.filter((c) => !matched.has(c.name)),
      free,
    );
    const score = [...matched].filter((n) => required.some((c) => c.name === n)).length + hints.length;
    if (hints.length > 0 && score * 2 >= required.length && (!best || hints.length > best.hints.length)) best = { row: r, hints };
  }
  if (!best) return;
  const rowNumber = top + best.row + 1;
  for (const hint of best.hints) {
    const col = hint.column;
    const cell = address(best.row, hint.index);
    const header = cleanText(headerText(grid.cell(best.row, hint.index)));
    const line = `${spec.name} | ${col.name} | ${header}`;
    const english = col.aliases?.find((a) => /^[\x00-\x7f]+$/.test(a));
    const colEn = english ? `${col.name} (${english})` : col.name;
    const i = issue("error", "ledger.missing_column#header_unsure", spec.name, cell, {
      cell,
      header,
      column: col.name,
      columnEn: colEn,
      where,
      whereEn,
      row: rowNumber,
      mapSheet: COLUMN_MAP_SHEET,
      line,
    });
    i.columnMapping = { ledger: spec.name, column: col.name, header };
    ctx.issues.push(i);
  }
}

// First characters of the note and total words: a cell starting otherwise (nearly every record's
// first cell) needs no folding to know it is neither.
const NOTE_OR_TOTAL_STARTS = new Set([...NOTE_PREFIXES, ...TOTAL_STARTS].map((w) => w.charCodeAt(0)));

function mayEndRecords(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Spaces (ASCII, no-break, ideographic) are folded away before the words are compared.
    if (isTrimSpace(c)) continue;
    return NOTE_OR_TOTAL_STARTS.has(c);
  }
  return false;
}

interface RowShape {
  bindings: Binding[];
  /** bindings[k]'s column in the ledger's records. */
  slots: number[];
  /** Whether figures read bindings[k]'s column: its cells are then written with their digests. */
  digested: boolean[];
  /** The row being read, by binding, before it is known to have no error; its cells' digests (or NO_DIGEST). */
  scratch: FieldValue[];
  scratchDigests: Float64Array;
  /** Where bindings[k]'s column starts in the grid's kinds and payload: row r is at columnAt[k] + r. */
  columnAt: number[];
  /** bindings[k]'s outcomes by string index, made when its column first has a text. */
  outcomes: (TextOutcomes | undefined)[];
  /**
   * Whether bindings[k]'s texts are read as they are, each time: a key column's (保函编号), whose
   * texts nearly all differ — remembering 100,000 outcomes used once gains nothing.
   */
  direct: boolean[];
  /** This source in the ledger's records. */
  source: number;
  /** The binding of 部门, or -1. */
  departmentSlot: number;
  department: string | undefined;
  sheet: string;
  top: number;
}

/**
 * Reports a problem at one cell of a row (`prefix` is `sheet!C`, the row completes it). The
 * messages are built only for the first few cells of a column: past those, a flood of the same
 * problem costs a counter, not an issue per row.
 */
function report(
  ctx: Context,
  state: LedgerState,
  severity: Severity,
  key: IssueTextKey,
  prefix: string,
  row: number,
  params: (at: string) => TextParams,
  column?: string,
): void {
  if (ctx.capture !== null) {
    ctx.capture.push({ severity, key, params, column });
    return;
  }
  if (severity === "error") {
    state.failed = true;
    state.rowErrors.push(prefix);
  } else if (key === READ_AS_OTHER) state.rowOther.push(prefix);
  const last = state.lastFlood;
  let flood: Flood | undefined;
  let byCode: Map<string, Flood> | null = null;
  const code = last !== null && last.prefix === prefix && last.key === key && last.severity === severity ? null : codeOf(key);
  if (code === null) flood = last!.flood;
  else {
    let bySeverity = state.floods.get(prefix);
    if (bySeverity === undefined) state.floods.set(prefix, (bySeverity = { error: new Map(), warning: new Map(), info: new Map() }));
    byCode = bySeverity[severity];
    flood = byCode.get(code);
    if (flood !== undefined) state.lastFlood = { prefix, key, severity, flood };
  }
  if (flood !== undefined) {
    flood.count++;
    if (row > flood.lastRow) flood.lastRow = row;
    if (row < flood.firstRow) flood.firstRow = row;
    if (flood.members.length < FLOOD_SHOWN) {
      const member = rowIssue(state, severity, key, prefix + row, params, column);
      flood.members.push(member);
      flood.slots.push(ctx.issues.length);
      ctx.issues.push(member);
    }
    return;
  }
  const first = rowIssue(state, severity, key, prefix + row, params, column);
  const fresh: Flood = { slots: [ctx.issues.length], members: [first], count: 1, prefix, firstRow: row, lastRow: row };
  byCode!.set(code!, fresh);
  state.lastFlood = { prefix, key, severity, flood: fresh };
  ctx.floods.push(fresh);
  ctx.issues.push(first);
}

/** One row's issue from the catalogue, naming the column it is about when the caller gives it. */
function rowIssue(
  state: LedgerState,
  severity: Severity,
  key: IssueTextKey,
  at: string,
  params: (at: string) => TextParams,
  column?: string,
): Issue {
  const found = issue(severity, key, state.spec.name, at, params(at));
  if (column !== undefined) found.column = column;
  return found;
}
/** The issues in the order they were found, each flood of one column as one issue where its first cell was. */
function settleFloods(ctx: Context): Issue[] {
  const grouped = new Map<number, Flood | null>();
  for (const flood of ctx.floods) {
    if (flood.count <= FLOOD_SHOWN) continue;
    grouped.set(flood.slots[0], flood);
    for (let k = 1; k < flood.slots.length; k++) grouped.set(flood.slots[k], null);
  }
  if (grouped.size === 0) return ctx.issues;
  const out: Issue[] = [];
  for (let i = 0; i < ctx.issues.length; i++) {
    const flood = grouped.get(i);
    if (flood === undefined) out.push(ctx.issues[i]);
    else if (flood !== null) out.push(floodIssue(flood));
  }
  return out;
}

/** 12345 → "12,345". */
function groupThousands(n: number): string {
  const digits = String(n);
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return out;
}

function floodIssue(flood: Flood): Issue {
  const first = flood.members[0];
  const bang = flood.prefix.lastIndexOf("!");
  const letters = flood.prefix.slice(bang + 1);
  const range = `${flood.prefix}${flood.firstRow}:${letters}${flood.lastRow}`;
  const cells = flood.members.map((m) => m.cell!);
  const short = cells.map((c) => c.slice(bang + 1));
  // Not toLocaleString: its first call loads ICU's number formats (~10 ms) for one comma.
  const n = groupThousands(flood.count);
  // The first cell's own words, without its address: the count and range now lead.
  const own = (text: string) => (text.startsWith(first.cell!) ? text.slice(first.cell!.length).replace(/^[\s:：]+/, "") : text);
  const grouped: Issue = {
    severity: first.severity,
    code: first.code,
    // A problem of whole rows is said of rows, not of "one column" (its cells are where each row starts).
    ...issueText(first.code.startsWith("row.") ? "flood.same_problem#rows" : "flood.same_problem", {
      count: n,
      range,
      cells: short.join("、"),
      cellsEn: short.join(", "),
      first: short[0],
      problem: own(first.message),
      problemEn: own(first.messageEn),
    }),
    cell: first.cell,
    count: flood.count,
    cells,
    range,
  };
  if (first.ledger !== undefined) grouped.ledger = first.ledger;
  if (first.column !== undefined) grouped.column = first.column;
  return grouped;
}

/**
 * One sheet row → one record, in steps: each bound cell read by its column's type (readCell),
 * then, if no cell had an error, the record kept (keepRecord). A row with an error is counted as
 * excluded and kept nowhere.
 *
 * A text cell's outcome — its value, its digest, the problem it has — depends on its text alone,
 * so it is worked out once per distinct string of the column (textOutcome) and its problem said
 * again at each row that has it. Measured on the 100,000-row bench (CPU ms, load 6–11 on 2 cores,
 * so ±20 %): readCell, cleanText, normalCreditCode and the digests fell from ~40 % of readLedgers'
 * samples to ~10 %, but readLedgers as a whole stayed where it was (warm, minimum of 12: 196–236
 * before, 197–283 after): the outcome lookups by string index miss the processor's cache as the
 * strings did, and the key column, the records' writes and the flood's counting are per row.
 */
function readRow(ctx: Context, state: LedgerState, grid: Grid, shape: RowShape, r: number): void {
  const bindings = shape.bindings;
  const rowNumber = shape.top + r + 1;
  const values = shape.scratch;
  const digests = shape.scratchDigests;
  state.failed = false;
  if (state.rowErrors.length > 0) state.rowErrors = [];
  if (state.rowOther.length > 0) state.rowOther = [];
  const cols = grid.cols;
  const plain = grid.merged === null;
  const kinds = cols.kinds;
  const payload = cols.payload;
  for (let k = 0; k < bindings.length; k++) {
    const b = bindings[k];
    let raw: RawCell;
    if (!plain) raw = grid.cell(r, b.index);
    else {
      const at = shape.columnAt[k] + r;
      const kind = kinds[at];
      if (kind === TEXT) {
        // An integer key: a float64 one sends every array access by it down V8's generic path.
        const index = payload[at] | 0;
        if (!shape.direct[k]) {
          values[k] = textCell(ctx, state, shape, k, cols.strings, index, rowNumber);
          continue;
        }
        raw = cols.strings[index] ?? "";
      } else raw = kind === NUMBER ? payload[at] : kind === BLANK ? null : cols.others[payload[at] | 0];
    }
    values[k] = b.spec === null ? looseValue(raw) : readCell(ctx, state, b, b.spec, raw, rowNumber);
    digests[k] = NO_DIGEST;
  }
  if (state.failed) {
    state.excluded++;
    state.leftOut.push(leftOutRow(state, grid, shape, r, values));
  } else {
    keepRecord(state, shape, values, rowNumber);
    if (state.rowOther.length > 0) state.readAsOther.push(readAsOtherRow(state, shape, values, rowNumber));
  }
}

/** The issue an unknown word read as 其他 raises: report() notes its cell for the row being read. */
const READ_AS_OTHER: IssueTextKey = "enum.unknown#other";

/** A record kept with words read as 其他 (state.rowOther): its values as kept and those cells. */
function readAsOtherRow(state: LedgerState, shape: RowShape, values: FieldValue[], rowNumber: number): ReadAsOtherRow {
  const read: Record<string, FieldValue> = {};
  const columns: string[] = [];
  const cells: string[] = [];
  for (let k = 0; k < shape.bindings.length; k++) {
    const b = shape.bindings[k];
    read[b.name] = values[k];
    if (state.rowOther.includes(b.prefix)) {
      columns.push(b.name);
      cells.push(b.prefix + rowNumber);
    }
  }
  return { sheet: shape.sheet, row: rowNumber, values: read, columns, cells, department: departmentOf(read, [], shape.department) };
}

/**
 * Binding k's text cell at string `index`: its outcome, worked out the first time the column has
 * that string, with its problems said again at this row. Its own function, not part of readRow's
 * loop: one large optimised function took TurboFan ~40 ms (CPU) to compile, three times over.
 */
function textCell(
  ctx: Context,
  state: LedgerState,
  shape: RowShape,
  k: number,
  strings: readonly (string | null)[],
  index: number,
  rowNumber: number,
): FieldValue {
  const b = shape.bindings[k];
  const outcomes = shape.outcomes[k] ?? (shape.outcomes[k] = new TextOutcomes(strings.length));
  let o = outcomes.slot[index] - 1;
  if (o < 0) o = textOutcome(ctx, state, b, outcomes, strings, index, shape.digested[k]);
  const problem = outcomes.problems[o];
  if (problem !== null) {
    if (problem !== MANY) report(ctx, state, problem.severity, problem.key, b.prefix, rowNumber, outcomes.params[o]!, problem.column);
    else replay(ctx, state, b, outcomes.many.get(o)!, rowNumber);
  }
  // No key check: a key column is read directly (RowShape.direct).
  shape.scratchDigests[k] = outcomes.digests[o];
  return outcomes.values[o];
}

function replay(ctx: Context, state: LedgerState, b: Binding, said: Captured[], rowNumber: number): void {
  for (let p = 0; p < said.length; p++) {
    const c = said[p];
    report(ctx, state, c.severity, c.key, b.prefix, rowNumber, c.params, c.column);
  }
}

/** A digest no cell has (digests are 32-bit integers): keepRecord then digests the value itself. */
const NO_DIGEST = 0.5;

/**
 * One column's outcomes, by string index (of its source's strings): `slot` leads from the index to
 * the outcome's place in small dense arrays, so the column's few distinct texts stay in the
 * processor's cache (three arrays by string index had their reads miss it).
 */
class TextOutcomes {
  /** Per string index, its outcome's place plus one; 0 not yet worked out. */
  readonly slot: Int32Array;
  readonly values: FieldValue[] = [];
  /** cellDigest of each value, for a column figures read (else NO_DIGEST). */
  readonly digests: number[] = [];
  /**
   * The problem to say at each row with the text (null: none; MANY: more than one, in `many`),
   * shared by every text with the same kind of problem, and its words' parameters by text — read
   * only for the few cells of a flood that are named. On the flood file every row says one: an
   * array of problems per text cost two more cache misses a row than this (~30 ms).
   */
  readonly problems: (Problem | null)[] = [];
  readonly params: (((at: string) => TextParams) | undefined)[] = [];
  readonly many = new Map<number, Captured[]>();
  /** The column's kinds of problem, by severity, key and column. */
  readonly kinds = new Map<string, Problem>();
  constructor(size: number) {
    this.slot = new Int32Array(size);
  }
}

/** A kind of problem a text has: what report() needs besides the row and the words' parameters. */
interface Problem {
  severity: Severity;
  key: IssueTextKey;
  column: string | undefined;
}

/** Stands for more than one problem of one text. */
const MANY: Problem = { severity: "info", key: "flood.same_problem", column: undefined };

/**
 * Works out the outcome of the text at `index` in binding b's column — its value, digest and the
 * problems readCell reports, which depend on the text alone — and returns its place.
 */
function textOutcome(
  ctx: Context,
  state: LedgerState,
  b: Binding,
  outcomes: TextOutcomes,
  strings: readonly (string | null)[],
  index: number,
  digested: boolean,
): number {
  const o = outcomes.values.length;
  const raw = strings[index] ?? "";
  const captured: Captured[] = [];
  ctx.capture = captured;
  let value: FieldValue;
  try {
    value = b.spec === null ? looseValue(raw) : readCell(ctx, state, b, b.spec, raw, 0, false);
  } finally {
    ctx.capture = null;
  }
  outcomes.values.push(value);
  outcomes.digests.push(digested ? cellDigest(value) : NO_DIGEST);
  if (captured.length === 1) {
    const c = captured[0];
    const kind = `${c.severity}\u0000${c.key}\u0000${c.column ?? ""}`;
    let problem = outcomes.kinds.get(kind);
    if (problem === undefined) outcomes.kinds.set(kind, (problem = { severity: c.severity, key: c.key, column: c.column }));
    outcomes.problems.push(problem);
    outcomes.params.push(c.params);
  } else {
    outcomes.problems.push(captured.length === 0 ? null : MANY);
    outcomes.params.push(undefined);
    if (captured.length > 1) outcomes.many.set(o, captured);
  }
  outcomes.slot[index] = o + 1;
  return o;
}

/** A cell of a column the ledger knows, as its type reads it; problems are reported at the cell. */
function readCell(
  ctx: Context,
  state: LedgerState,
  b: Binding,
  col: ColumnSpec,
  raw: RawCell,
  rowNumber: number,
  unique = true,
): FieldValue {
  if (isBlankCell(raw)) return blankCell(ctx, state, b, col, rowNumber);
  let value: FieldValue;
  switch (col.type) {
    case "date":
      value = readDate(ctx, state, b, col, raw, rowNumber);
      break;
    case "money":
    case "integer":
      value = readNumber(ctx, state, b, col, raw, rowNumber);
      break;
    case "enum":
    case "yesno":
      value = readChoice(ctx, state, b, col, raw, rowNumber);
      break;
    default:
      value = readText(ctx, state, b, col, raw, rowNumber);
  }
  if (unique && col.unique && typeof value === "string") checkUnique(ctx, state, b, col, value, raw, rowNumber);
  return value;
}

/**
 * A column as a cell's message names it: its name, and the clerk's own header beside it when the
 * sheet calls it something else (`形式（学习方式）`, read through 列名对照 or an alias) — the clerk
 * looks for the header the sheet shows.
 */
function columnSaid(b: Binding, col: ColumnSpec): string {
  const header = b.header.trim();
  const folded = foldHeader(header);
  return folded === "" || folded === col.name ? col.name : `${col.name}（${header}）`;
}

/** A blank cell: its documented meaning (状态 blank = 有效), an error when the column is required, else null. */
function blankCell(ctx: Context, state: LedgerState, b: Binding, col: ColumnSpec, rowNumber: number): FieldValue {
  if (col.blankMeans !== undefined) return col.blankMeans;
  if (col.required) {
    report(ctx, state, "error", "required.blank", b.prefix, rowNumber, (at) => ({ at, column: columnSaid(b, col) }));
  } else if (col.name === state.spec.dateColumn) {
    // An optional date (队伍's 成立日期): the record is kept, and counted as LEDGERS.md's rule for
    // undated records says — there all along, so in 截至期末 and 全部 but in no 本期 figure.
    report(ctx, state, "warning", "date.blank", b.prefix, rowNumber, (at) => ({ at, column: col.name }));
  }
  return null;
}

function readDate(ctx: Context, state: LedgerState, b: Binding, col: ColumnSpec, raw: RawCell, rowNumber: number): FieldValue {
  const iso = dateOf(ctx, raw);
  if (iso === null) {
    const error = isExcelError(raw);
    report(ctx, state, "error", error ? "date.unparseable#excel_error" : "date.unparseable", b.prefix, rowNumber, (at) => ({
      at,
      shown: displayCell(raw),
    }));
    return null;
  }
  if (ctx.periodEnd !== null && iso > ctx.periodEnd && col.name === state.spec.dateColumn) {
    report(ctx, state, "info", "date.after_period", b.prefix, rowNumber, (at) => ({ at, date: iso, periodEnd: ctx.periodEnd! }));
  }
  return iso;
}

function readNumber(ctx: Context, state: LedgerState, b: Binding, col: ColumnSpec, raw: RawCell, rowNumber: number): FieldValue {
  let n: number;
  if (typeof raw === "number" && isFiniteNumber(raw)) {
    // The common case, a number cell: no parse, and no parts object per cell.
    n = b.power > 0 ? scaleByPowerOfTen(raw, b.power) : raw;
  } else {
    const parts = parseNumberParts(raw, col.type === "integer" ? INTEGER_SUFFIXES : undefined);
    if (parts === null) {
      const error = isExcelError(raw);
      report(ctx, state, "error", error ? "number.invalid#excel_error" : "number.invalid", b.prefix, rowNumber, (at) => ({
        at,
        column: col.name,
        shown: displayCell(raw),
      }));
      return null;
    }
    n = b.power > 0 && !parts.ownUnit ? scaleByPowerOfTen(parts.value, b.power) : parts.value;
  }
  if (n < 0) {
    report(ctx, state, "error", "number.negative", b.prefix, rowNumber, (at) => ({ at, column: col.name, shown: displayCell(raw) }));
    return null;
  }
  if (col.type === "integer" && !Number.isInteger(n)) {
    report(ctx, state, "error", "number.invalid#not_whole", b.prefix, rowNumber, (at) => ({
      at,
      column: col.name,
      shown: displayCell(raw),
    }));
    return null;
  }
  // -0 from a formula would print as "-0".
  return n === 0 ? 0 : n;
}

/** An enumeration or yes/no cell in its canonical spelling; an unknown one is 其他 (warning) or, for a status, an error. */
function readChoice(ctx: Context, state: LedgerState, b: Binding, col: ColumnSpec, raw: RawCell, rowNumber: number): FieldValue {
  if (isExcelError(raw)) {
    excelErrorInText(ctx, state, col, b.prefix, rowNumber, displayCell(raw));
    return null;
  }
  const canonical = col.type === "yesno" ? parseYesNo(raw) : enumValue(col, raw);
  if (canonical !== null) return canonical;
  const allowed = col.type === "yesno" ? ["是", "否"] : (col.values ?? []);
  if (col.unknownIsError) {
    // A status decides whether the row counts: guessing 有效 would be a silent wrong number.
    const words = [...allowed, ...Object.keys(col.synonyms ?? {})];
    report(ctx, state, "error", "enum.unknown_status", b.prefix, rowNumber, (at) => ({
      at,
      column: col.name,
      shown: displayCell(raw),
      words: words.join("、"),
      wordsEn: words.join(", "),
      blankMeans: col.blankMeans ?? allowed[0],
    }));
    return null;
  }
  const fallback = allowed.includes("其他") ? "其他" : null;
  report(ctx, state, "warning", fallback ? "enum.unknown#other" : "enum.unknown", b.prefix, rowNumber, (at) => ({
    at,
    column: col.name,
    shown: displayCell(raw),
    allowed: allowed.join("、"),
    allowedEn: allowed.join(", "),
  }));
  return fallback ?? looseValue(raw);
}

/** Text as stored (trimmed); a 统一社会信用代码 in canonical form, or as written with a warning saying what is wrong. */
function readText(ctx: Context, state: LedgerState, b: Binding, col: ColumnSpec, raw: RawCell, rowNumber: number): FieldValue {
  if (isExcelError(raw)) {
    excelErrorInText(ctx, state, col, b.prefix, rowNumber, displayCell(raw));
    return null;
  }
  const value = looseText(raw);
  if (value === null || col.name !== CREDIT_CODE_COLUMN) return value;
  const code = normalCreditCode(ctx, value);
  if (code !== null) return code;
  report(ctx, state, "warning", "creditcode.invalid", b.prefix, rowNumber, (at) => {
    const [why, whyEn] = creditCodeWhy(creditCodeProblem(foldText(value).replace(SPACES, "").toUpperCase()));
    return { at, shown: displayCell(raw), why, whyEn };
  });
  return value;
}

/** A key column (保函编号, 单位名称): a value seen before is a warning naming the first row; both rows count. */
function checkUnique(ctx: Context, state: LedgerState, b: Binding, col: ColumnSpec, value: string, raw: RawCell, rowNumber: number): void {
  let seen = state.keys.get(col.name);
  if (!seen) state.keys.set(col.name, (seen = new KeyIndex()));
  const earlier = seen.firstOrAdd(keyText(value), b.prefixIndex * ROW_SPAN + rowNumber);
  if (earlier === undefined) return;
  const first = state.prefixes[Math.floor(earlier / ROW_SPAN)] + (earlier % ROW_SPAN);
  report(
    ctx,
    state,
    "warning",
    "key.duplicate",
    b.prefix,
    rowNumber,
    (at) => ({ at, column: col.name, shown: displayCell(raw), first }),
    col.name,
  );
}

/**
 * On a ledger without a key, each record whose every value repeats an earlier record's (repeats.ts):
 * a warning at its row naming the first. Both rows stay records — which one is the mistake is the
 * clerk's to say — and the figures counting both say they may be too large (figures/counted-twice.ts).
 */
function warnRepeatedRecords(ctx: Context, state: LedgerState, records: ColumnarLedger): void {
  const firstOf = repeatedRecords(records);
  if (firstOf === null) return;
  const prefixes = records.sources.map((s) => {
    const letter = s.letters === null ? undefined : leftMost(Object.values(s.letters));
    return `${quoteSheet(s.sheet)}!${letter ?? ""}`;
  });
  for (let i = 0; i < firstOf.length; i++) {
    const at = firstOf[i];
    if (at < 0) continue;
    const first = recordCell(records, at);
    report(ctx, state, "warning", "row.repeated", prefixes[records.sourceIndex(i)], records.rowNumber(i), (cell) => ({ at: cell, first }));
  }
}

/** A row without errors into the ledger's records: its cells, its place, its department (its own 部门, else its sheet's). */
function keepRecord(state: LedgerState, shape: RowShape, values: FieldValue[], rowNumber: number): void {
  const records = state.records;
  const at = records.length;
  const slots = shape.slots;
  const digested = shape.digested;
  const digests = shape.scratchDigests;
  for (let k = 0; k < slots.length; k++) {
    if (!digested[k]) records.cells(slots[k])[at] = values[k];
    else if (digests[k] !== NO_DIGEST) records.writeCellDigest(slots[k], at, values[k], digests[k]);
    else records.writeCell(slots[k], at, values[k]);
  }
  const own = shape.departmentSlot >= 0 ? values[shape.departmentSlot] : null;
  const department = typeof own === "string" && own.length > 0 ? own : (shape.department ?? null);
  records.addRow(shape.source, rowNumber, department);
}

/** Which rule a credit code breaks, in words: a wrong length, characters GB 32100 does not use, or a check character that does not fit. */
function creditCodeWhy(problem: CreditCodeProblem | null): [string, string] {
  if (problem === null || problem.kind === "length") {
    const n = problem?.length ?? 0;
    return [`应为18位，现为${n}位`, `it must have 18 characters, not ${n}`];
  }
  if (problem.kind === "characters") {
    const shown = problem.characters.map((c) => `“${c}”`).join("、");
    return [
      `含有不允许的字符${shown}（只能是数字和除 I、O、S、V、Z 以外的大写字母）`,
      `it holds characters a code cannot have: ${problem.characters.map((c) => `"${c}"`).join(", ")} (only digits and capital letters other than I, O, S, V, Z)`,
    ];
  }
  return [
    `末位校验码与前17位不符：按GB 32100应为“${problem.expected}”，现为“${problem.found}”，请核对是否有字符抄错`,
    `its check character does not fit the first 17: by GB 32100 it would be "${problem.expected}", not "${problem.found}" — check for a mistyped character`,
  ];
}

/** The address of one cell of a ledger row (`电子保函!G12`), or undefined when the row has no such column. */
export function rowCellAddress(row: LedgerRow, column: string): string | undefined {
  const letter = row.columns?.[column];
  return letter === undefined ? undefined : `${quoteSheet(row.sheet)}!${letter}${row.row}`;
}

function excelErrorInText(ctx: Context, state: LedgerState, col: ColumnSpec, prefix: string, rowNumber: number, shown: string): void {
  // A failed lookup in an optional column leaves the record usable; in a required one it does not.
  report(ctx, state, col.required ? "error" : "warning", "cell.excel_error", prefix, rowNumber, (at) => ({ at, column: col.name, shown }));
}

const ENUM_KEYS = new Map<ColumnSpec, Map<string, string>>();
/** Canonical spellings by the text as written: a status column holds two or three spellings a million times. */
const ENUM_SEEN = new Map<ColumnSpec, Map<string, string | null>>();

function enumValue(col: ColumnSpec, raw: RawCell): string | null {
  const text = typeof raw === "string" ? raw : typeof raw === "boolean" ? (raw ? "TRUE" : "FALSE") : String(raw);
  let seen = ENUM_SEEN.get(col);
  if (!seen) ENUM_SEEN.set(col, (seen = new Map()));
  const hit = seen.get(text);
  if (hit !== undefined) return hit;
  let keys = ENUM_KEYS.get(col);
  if (!keys) {
    keys = new Map((col.values ?? []).map((v) => [foldKey(v), v]));
    for (const [word, value] of Object.entries(col.synonyms ?? {})) if (!keys.has(foldKey(word))) keys.set(foldKey(word), value);
    ENUM_KEYS.set(col, keys);
  }
  const result = keys.get(foldKey(text)) ?? null;
  if (seen.size >= 1000) seen.clear();
  seen.set(text, result);
  return result;
}

function looseText(raw: RawCell): string | null {
  if (typeof raw === "string") {
    const t = cleanText(raw);
    return t.length > 0 ? t : null;
  }
  if (typeof raw === "number") return Number.isFinite(raw) ? String(raw) : null;
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (raw === null || raw === undefined) return null;
  return cleanText(String(raw)) || null;
}

/** Values of columns the ledger does not know: kept as they are, for conditions. */
function looseValue(raw: RawCell): FieldValue {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw === "boolean") return raw;
  if (isExcelError(raw)) return null;
  return looseText(raw);
}
