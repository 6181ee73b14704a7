// Sheet 列名对照: the clerk's answer when a ledger's header is not one the product knows
// (`学习记录 | 形式 | 学习方式` — "学习方式 is our 形式"). Read from the same raw tables as the
// ledgers, so the file reader, the live Excel read and the Word pane's file read all honour it.
// A row that cannot be honoured is an issue at its own cell, never silently dropped.
import type { Issue, LedgerName, RawCell, RawTable, RawWorkbook } from "../types";
import { cellAddress } from "../address";
import { COLUMN_MAP_HEADERS, COLUMN_MAP_SHEET, COLUMN_MAP_TABLE, LEDGER_SPECS, type ColumnSpec, type LedgerSpec } from "./schema";
import { cleanText, foldHeader, foldKey, headerUnit } from "./text";
import { matchLedgerName } from "./names";
import { catalogueIssue, type IssueTextKey, type TextParams } from "../messages";

const HEADER_SEARCH_ROWS = 10;

/** Header spellings of the three columns, folded (the first is what the pane writes). */
const FIELD_HEADERS: Record<"ledger" | "column" | "header", string[]> = {
  ledger: [COLUMN_MAP_HEADERS[0], "Ledger"],
  column: [COLUMN_MAP_HEADERS[1], "标准列", "Column", "StandardColumn"],
  header: [COLUMN_MAP_HEADERS[2], "工作簿列", "实际列名", "Header", "WorkbookHeader"],
};

export interface ColumnMapping {
  ledger: LedgerName;
  /** The canonical column (`形式`). */
  column: string;
  /** The workbook's header as the clerk wrote it in 列名对照 (`学习方式`). */
  header: string;
  /** `列名对照!C2`: where the row's 工作簿列名 is, for issues about it. */
  cell: string;
  /** Set by the reader when some source's header row holds this header. */
  used: boolean;
}

/** True for the sheet or table that holds 列名对照 (readers skip it as a ledger). */
export function isColumnMapTable(table: RawTable): boolean {
  const sheet = foldKey(String(table?.sheet ?? ""));
  const name = foldKey(String(table?.table ?? ""));
  return sheet === foldKey(COLUMN_MAP_SHEET) || name === foldKey(COLUMN_MAP_SHEET) || name === foldKey(COLUMN_MAP_TABLE);
}

/**
 * Whether a header cell is the one a mapping names. A mapping that names a unit (`保证金额（元）`)
 * must match it; one without (`保证金额`) matches the header whatever its unit.
 */
export function mappingMatches(mapping: ColumnMapping, headerText: string): boolean {
  if (headerUnit(mapping.header) !== "") return foldKey(mapping.header) === foldKey(headerText);
  return foldHeader(mapping.header).toLowerCase() === foldHeader(headerText).toLowerCase();
}

function text(cell: RawCell | undefined): string {
  if (typeof cell === "string") return cleanText(cell);
  if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
  return "";
}

function ledgerOf(name: string): LedgerSpec | null {
  const key = foldKey(name);
  if (key.length === 0) return null;
  const exact = LEDGER_SPECS.find((s) => [s.name, s.english, ...s.aliases].some((n) => foldKey(n) === key));
  if (exact) return exact;
  const match = matchLedgerName(name);
  return match ? (LEDGER_SPECS.find((s) => s.name === match.ledger) ?? null) : null;
}

function columnOf(spec: LedgerSpec, name: string): ColumnSpec | null {
  const key = foldHeader(name).toLowerCase();
  if (key.length === 0) return null;
  return (
    spec.columns.find((c) => foldHeader(c.name).toLowerCase() === key) ??
    spec.columns.find((c) => (c.aliases ?? []).some((a) => foldHeader(a).toLowerCase() === key)) ??
    null
  );
}

function warning(key: IssueTextKey, cell: string, params: TextParams, ledger?: string): Issue {
  return catalogueIssue("warning", key, { cell, ...params }, ledger ? { cell, ledger } : { cell });
}

/**
 * The header row of a 列名对照 block (within its first rows) and where its three columns are, or
 * null. The reader and the pane's writer both use it, so a row written is a row read.
 */
export function locateColumnMapHeader(rows: readonly (readonly RawCell[] | undefined)[]): {
  row: number;
  columns: { ledger: number; column: number; header: number };
} | null {
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, rows.length); r++) {
    const row = Array.isArray(rows[r]) ? rows[r]! : [];
    const find = (spellings: string[]) => row.findIndex((c) => spellings.some((s) => foldKey(s) === foldKey(text(c))));
    const found = { ledger: find(FIELD_HEADERS.ledger), column: find(FIELD_HEADERS.column), header: find(FIELD_HEADERS.header) };
    if (found.ledger >= 0 && found.column >= 0 && found.header >= 0) return { row: r, columns: found };
  }
  return null;
}

/** Whether a 列名对照 row (as read) says the same as `entry`: same ledger, column and header after folding. */
export function sameMappingRow(
  cells: { ledger: RawCell; column: RawCell; header: RawCell },
  entry: { ledger: string; column: string; header: string },
): boolean {
  const spec = ledgerOf(text(cells.ledger));
  const target = ledgerOf(entry.ledger);
  if (!spec || spec !== target) return false;
  if (columnOf(spec, text(cells.column))?.name !== columnOf(spec, entry.column)?.name) return false;
  return foldKey(text(cells.header)) === foldKey(entry.header);
}

/** Every usable row of 列名对照 (sheet or table), and an issue at the cell of every row that is not. */
export function readColumnMappings(wb: RawWorkbook): { mappings: ColumnMapping[]; issues: Issue[] } {
  const mappings: ColumnMapping[] = [];
  const issues: Issue[] = [];
  const tables = wb && Array.isArray(wb.tables) ? wb.tables.filter((t) => t && typeof t === "object" && isColumnMapTable(t)) : [];
  for (const table of tables) readTable(table, mappings, issues);
  return { mappings, issues };
}

function readTable(table: RawTable, mappings: ColumnMapping[], issues: Issue[]): void {
  const rows = Array.isArray(table.values) ? table.values : [];
  const top = typeof table.top === "number" && table.top >= 0 ? Math.floor(table.top) : 0;
  const left = typeof table.left === "number" && table.left >= 0 ? Math.floor(table.left) : 0;
  const sheet = String(table.sheet ?? COLUMN_MAP_SHEET);
  const at = (r: number, c: number) => cellAddress(sheet, top + r, left + c);

  const located = locateColumnMapHeader(rows);
  if (!located) {
    const anything = rows.some((row) => Array.isArray(row) && row.some((c) => text(c) !== ""));
    if (anything) {
      issues.push(warning("column_map.no_header", at(0, 0), { sheet }));
    }
    return;
  }

  const { row: headerRow, columns: cols } = located;
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = Array.isArray(rows[r]) ? rows[r] : [];
    const ledgerText = text(row[cols.ledger]);
    const columnText = text(row[cols.column]);
    const headerText = text(row[cols.header]);
    if (!ledgerText && !columnText && !headerText) continue;
    const spec = ledgerOf(ledgerText);
    if (!spec) {
      const cell = at(r, cols.ledger);
      issues.push(
        warning("column_map.unknown_ledger", cell, {
          ledger: ledgerText,
          known: LEDGER_SPECS.map((s) => s.name).join("、"),
          knownEn: LEDGER_SPECS.map((s) => `${s.name}/${s.english}`).join(", "),
        }),
      );
      continue;
    }
    const column = columnOf(spec, columnText);
    if (!column) {
      const cell = at(r, cols.column);
      issues.push(
        warning(
          "column_map.unknown_column",
          cell,
          {
            ledger: spec.name,
            column: columnText,
            known: spec.columns.map((c) => c.name).join("、"),
            knownEn: spec.columns.map((c) => c.name).join(", "),
          },
          spec.name,
        ),
      );
      continue;
    }
    const cell = at(r, cols.header);
    if (!headerText) {
      issues.push(warning("column_map.blank_header", cell, { ledger: spec.name, column: column.name }, spec.name));
      continue;
    }
    const clash = mappings.find(
      (m) =>
        m.ledger === spec.name && m.column !== column.name && foldHeader(m.header).toLowerCase() === foldHeader(headerText).toLowerCase(),
    );
    if (clash) {
      issues.push(
        warning(
          "column_map.conflict",
          cell,
          { header: headerText, first: clash.cell, firstColumn: clash.column, column: column.name },
          spec.name,
        ),
      );
      continue;
    }
    mappings.push({ ledger: spec.name, column: column.name, header: headerText, cell, used: false });
  }
}

/** After the ledgers are read: a mapping no header row used is an issue at its 工作簿列名 cell. */
export function unusedMappingIssues(mappings: ColumnMapping[], headersByLedger: Map<LedgerName, string[]>): Issue[] {
  const issues: Issue[] = [];
  for (const m of mappings) {
    if (m.used) continue;
    const headers = headersByLedger.get(m.ledger);
    // A ledger that was not found is reported as missing already.
    if (!headers) continue;
    issues.push(
      warning(
        "column_map.header_not_found",
        m.cell,
        {
          header: m.header,
          ledger: m.ledger,
          headers: headers.length > 0 ? headers.join("、") : "（无）",
          headersEn: headers.join(", ") || "none",
        },
        m.ledger,
      ),
    );
  }
  return issues;
}
