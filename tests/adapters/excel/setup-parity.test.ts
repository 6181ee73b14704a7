// `ledger-report init` (the .xlsx writer) and the pane's 初始化工作簿 (Office.js, here against the
// simulated Excel) must lay out the same workbook: both realise core/workbook/spec.ts. Each side is
// drawn as a plain picture — sheet order, tables, every cell's value, every data row's number format
// and validation, frozen rows, column widths — and the two pictures are compared whole.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/main";
import { createExcelWorkbookSource } from "../../../src/adapters/excel";
import { defaultSetUpConfig } from "../../../src/adapters/excel/setup-defaults";
import { createSimulatedExcel, type SimSheet, type SimValidation } from "../../../src/simulated-host";
import { formatRef } from "../../../src/simulated-host/a1";
import { columnLetters } from "../../../src/core/address";
import { VALIDATED_ROWS, widthInPoints, workbookLayout, type ValidationRule, type ValidationSpec } from "../../../src/core/workbook/spec";

/**
 * The rows compared: every row the spec's formats and validations reach (2 … VALIDATED_ROWS + 1) and,
 * for validations, one beyond. The file's number formats also stand as column styles, so they reach
 * rows further down that Office.js cannot format without writing each cell; those are not compared.
 */
const LAST_ROW = VALIDATED_ROWS + 2;
const LAST_FORMATTED_ROW = VALIDATED_ROWS + 1;
const NOW = new Date(Date.UTC(2024, 1, 10));
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface SheetPicture {
  name: string;
  frozenRows: number;
  tables: { name: string; ref: string; filterButtons: boolean; style: string }[];
  /** Row by row over the table, blanks as null. */
  values: (string | number | null)[][];
  /** Per column letter: runs of rows 1 … LAST_ROW with the same format (`2-501 yyyy-mm-dd`). */
  formats: Record<string, string[]>;
  /** Per column letter: runs of rows 1 … LAST_ROW with the same validation, as the spec words it. */
  validations: Record<string, string[]>;
  /** Column widths in points. */
  widths: number[];
}

/** Consecutive rows with the same text, as `from-to text`. */
function runs(texts: string[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= texts.length; i++) {
    if (i === texts.length || texts[i] !== texts[start]) {
      out.push(`${start + 1}-${i} ${texts[start]}`);
      start = i;
    }
  }
  return out;
}

function blank(v: unknown): string | number | null {
  if (v === undefined || v === null || v === "") return null;
  return typeof v === "number" ? v : String(v);
}

/** The random 工作簿ID differs on every set-up; it must be an id on both sides, and is compared as one. */
function maskWorkbookId(values: (string | number | null)[][]): void {
  for (const row of values) {
    if (row[0] === "工作簿ID") {
      expect(String(row[1])).toMatch(ID);
      row[1] = "<工作簿ID>";
    }
  }
}

// ── the file: what `init` wrote, read back with exceljs ──

type ExcelJsValidation = {
  type: string;
  operator?: string;
  allowBlank?: boolean;
  formulae?: unknown[];
  showErrorMessage?: boolean;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
};

function specOfFileValidation(v: ExcelJsValidation | undefined): ValidationSpec | null {
  if (!v) return null;
  const f = v.formulae ?? [];
  const isoDate = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
  const rule: ValidationRule =
    v.type === "list"
      ? { kind: "list", choices: String(f[0]).replace(/^"|"$/g, "").split(",") }
      : v.type === "date" && (v.operator ?? "between") === "between" // SpreadsheetML's default operator
        ? { kind: "date", from: isoDate(f[0]), to: isoDate(f[1]) }
        : (v.type === "whole" || v.type === "decimal") && v.operator === "greaterThanOrEqual"
          ? { kind: v.type, atLeast: Number(f[0]) }
          : v.type === "any"
            ? { kind: "any" }
            : ({ kind: `unexpected ${v.type} ${v.operator}` } as unknown as ValidationRule);
  // A prompt-only validation checks nothing, blank or not; SpreadsheetML writes no allowBlank for it.
  const spec: ValidationSpec = { rule, allowBlank: rule.kind === "any" || !!v.allowBlank };
  if (v.showErrorMessage)
    spec.error = { style: (v.errorStyle ?? "stop") as "stop" | "warning", title: v.errorTitle ?? "", message: v.error ?? "" };
  if (v.showInputMessage) spec.prompt = { title: v.promptTitle ?? "", message: v.prompt ?? "" };
  return spec;
}

async function pictureOfFile(bytes: Buffer): Promise<SheetPicture[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((sheet) => {
    const model = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJsValidation> } }).dataValidations.model;
    const tables = sheet.getTables().map((t) => {
      const table = (
        t as unknown as { table: { name: string; tableRef: string; columns: { filterButton?: boolean }[]; style?: { theme?: string } } }
      ).table;
      return {
        name: table.name,
        ref: table.tableRef,
        filterButtons: table.columns.every((c) => c.filterButton !== false),
        style: table.style?.theme ?? "",
      };
    });
    const [, bottom] = /:[A-Z]+(\d+)$/.exec(tables[0].ref)!.map(Number);
    const width = sheet.getRow(1).cellCount;
    const values = Array.from({ length: bottom }, (_, r) =>
      Array.from({ length: width }, (_, c) => blank(sheet.getCell(r + 1, c + 1).value)),
    );
    const formats: Record<string, string[]> = {};
    const validations: Record<string, string[]> = {};
    const widths: number[] = [];
    for (let c = 0; c < width; c++) {
      const letter = columnLetters(c);
      const rows = Array.from({ length: LAST_ROW }, (_, r) => r + 1);
      formats[letter] = runs(rows.slice(0, LAST_FORMATTED_ROW).map((r) => sheet.getCell(r, c + 1).numFmt || "General"));
      validations[letter] = runs(rows.map((r) => JSON.stringify(specOfFileValidation(model[`${letter}${r}`]))));
      widths.push(widthInPoints(sheet.getColumn(c + 1).width ?? 0));
    }
    maskWorkbookId(values);
    return {
      name: sheet.name,
      frozenRows: (sheet.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 0,
      tables,
      values,
      formats,
      validations,
      widths,
    };
  });
}

// ── the live workbook: what the pane's set-up did to the simulated Excel ──

function specOfLiveValidation(v: SimValidation | undefined): ValidationSpec | null {
  if (!v) return null;
  const rule = v.rule as Record<string, { source?: string; formula1?: unknown; formula2?: unknown; operator?: string }>;
  const [key] = Object.keys(rule);
  const c = rule[key] ?? {};
  const parsed: ValidationRule =
    key === "list"
      ? { kind: "list", choices: String(c.source).split(",") }
      : key === "date" && c.operator === "Between"
        ? { kind: "date", from: String(c.formula1), to: String(c.formula2) }
        : (key === "wholeNumber" || key === "decimal") && c.operator === "GreaterThanOrEqualTo"
          ? { kind: key === "wholeNumber" ? "whole" : "decimal", atLeast: Number(c.formula1) }
          : key === undefined
            ? { kind: "any" }
            : ({ kind: `unexpected ${key} ${c.operator}` } as unknown as ValidationRule);
  const spec: ValidationSpec = { rule: parsed, allowBlank: parsed.kind === "any" || (v.ignoreBlanks ?? true) };
  const alert = v.errorAlert;
  // Office.js shows an alert by default; a validation the file writer gave no message has none.
  if (alert?.showAlert && alert.message)
    spec.error = { style: alert.style.toLowerCase() as "stop" | "warning", title: alert.title, message: alert.message };
  if (v.prompt?.showPrompt) spec.prompt = { title: v.prompt.title, message: v.prompt.message };
  return spec;
}

function pictureOfLive(sheet: SimSheet): SheetPicture {
  const tables = sheet.tables.map((t) => ({
    name: t.name,
    ref: formatRef(t.range),
    filterButtons: t.showFilterButton !== false,
    style: t.style ?? "TableStyleMedium2",
  }));
  const range = sheet.tables[0].range;
  const width = range.right + 1;
  const values = Array.from({ length: range.bottom + 1 }, (_, r) => Array.from({ length: width }, (_, c) => blank(sheet.cells[r]?.[c])));
  const formats: Record<string, string[]> = {};
  const validations: Record<string, string[]> = {};
  const widths: number[] = [];
  for (let c = 0; c < width; c++) {
    const letter = columnLetters(c);
    const rows = Array.from({ length: LAST_ROW }, (_, r) => r);
    formats[letter] = runs(rows.slice(0, LAST_FORMATTED_ROW).map((r) => sheet.numberFormats?.[`${r},${c}`] ?? "General"));
    const at = (r: number) =>
      sheet.validations?.find((v) => v.range.top <= r && r <= v.range.bottom && v.range.left <= c && c <= v.range.right);
    validations[letter] = runs(rows.map((r) => JSON.stringify(specOfLiveValidation(at(r)))));
    widths.push(sheet.columnWidths?.[c] ?? 48);
  }
  maskWorkbookId(values);
  return { name: sheet.name, frozenRows: sheet.frozenRows ?? 0, tables, values, formats, validations, widths };
}

describe("a new workbook from `init` and from the pane's 初始化工作簿", () => {
  let file: SheetPicture[];
  let live: SheetPicture[];

  beforeAll(async () => {
    const target = join(mkdtempSync(join(tmpdir(), "lr-parity-")), "台账.xlsx");
    const io = { out: () => undefined, err: (s: string) => process.stderr.write(s), now: () => NOW };
    expect(await main(["init", target], io)).toBe(0);
    file = await pictureOfFile(readFileSync(target));

    const sim = createSimulatedExcel({ date1904: false, sheets: [] });
    const source = createExcelWorkbookSource(sim.Excel.run, {
      isSetSupported: sim.isSetSupported,
      setUpConfig: () => defaultSetUpConfig(NOW),
    });
    const result = await source.setUp();
    expect(result.failed).toEqual([]);
    live = sim.workbook.sheets.map(pictureOfLive);
  }, 60000);

  it("has the same sheets in the same order", () => {
    expect(live.map((s) => s.name)).toEqual(file.map((s) => s.name));
    expect(file.map((s) => s.name)).toEqual(
      workbookLayout({ settingsRows: [], definitionHeaders: [], definitionRows: [] }).map((l) => l.sheet),
    );
  });

  it.each(workbookLayout({ settingsRows: [], definitionHeaders: [], definitionRows: [] }).map((l) => l.sheet))(
    "lays %s out alike: tables, cells, formats, validations, frozen header and widths",
    (name) => {
      const a = file.find((s) => s.name === name)!;
      const b = live.find((s) => s.name === name)!;
      expect(b.tables).toEqual(a.tables);
      expect(b.values).toEqual(a.values);
      expect(b.formats).toEqual(a.formats);
      expect(b.validations).toEqual(a.validations);
      expect(b.frozenRows).toEqual(a.frozenRows);
      expect(b.widths).toEqual(a.widths);
    },
  );

  it("really carries the formats and validations the clerk relies on (the comparison is not of two empty pictures)", () => {
    const guarantees = file.find((s) => s.name === "电子保函")!;
    expect(guarantees.formats.B).toEqual(["1-1 General", `2-${VALIDATED_ROWS + 1} yyyy-mm-dd`]);
    expect(guarantees.validations.B[1]).toContain('"kind":"date"');
    expect(guarantees.validations.F[1]).toContain('"kind":"decimal"');
    expect(guarantees.validations.H[1]).toContain("请从下拉列表中选择：有效、撤销");
    const definitions = live.find((s) => s.name === "指标定义")!;
    expect(definitions.validations.D[1]).toContain("计数 · 去重计数:列名 · 求和:列名");
  });
});
