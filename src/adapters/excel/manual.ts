// Writing a manual figure's 手工值 back into 指标定义: find the definitions the engine would read
// (sheet 指标定义, or table FigureDefinitions — src/core/figures/read.ts), the row whose 指标ID is
// the figure, and write that one cell. The clerk may be co-authoring, so nothing else is written
// and nothing read earlier is trusted: the row is looked up again in the same Excel.run.
import { DEFINITION_FIELD_HEADERS } from "../../core/figures";
import { DEFINITIONS_SHEET } from "../../core/ledger/schema";
import { cellAddress } from "../../core/address";
import type { RawCell } from "../../core/types";
import { DEFINITIONS_TABLE, WorkbookSourceError, errorCode, foldName, isPayloadLimitError } from "./shared";

// The header spellings readDefinitions accepts. The header row is the
// first with the first 指标ID spelling, as there.
const ID_HEADERS = DEFINITION_FIELD_HEADERS.id.map(foldName);
const MANUAL_HEADERS = DEFINITION_FIELD_HEADERS.manual.map(foldName);
const HEADER_ROW_KEY = ID_HEADERS[0];

/** A block of cells read from the sheet: values and number formats from (top, left). */
interface Block {
  sheet: string;
  top: number;
  left: number;
  values: RawCell[][];
  formats: string[][];
}

/** The 手工值 cell of one figure, and whether it is formatted as text. */
export interface ManualCell {
  sheet: string;
  row: number;
  col: number;
  textFormat: boolean;
}

function text(cell: RawCell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

export function notSetUpError(): WorkbookSourceError {
  return new WorkbookSourceError(
    "excel.definitions_missing",
    `工作簿中没有“${DEFINITIONS_SHEET}”工作表，指标目前使用内置定义，手工值无处保存。请先点“初始化工作簿”添加“${DEFINITIONS_SHEET}”，再修改手工值。`,
    `The workbook has no "${DEFINITIONS_SHEET}" sheet: the figures use the built-in definitions, so there is nowhere to save a manual value. Run 初始化工作簿 (Set up workbook) to add "${DEFINITIONS_SHEET}", then change the value.`,
  );
}

export function protectedDefinitionsError(cell: string, sheet: string, cause?: unknown): WorkbookSourceError {
  return new WorkbookSourceError(
    "excel.sheet_protected",
    `工作表「${sheet}」受保护，无法写入手工值（${cell}）。请在“审阅 → 撤销工作表保护”后重试。`,
    `Sheet "${sheet}" is protected, so the manual value (${cell}) could not be written. Unprotect it (Review → Unprotect Sheet) and try again.`,
    { cell, cause },
  );
}

/**
 * Finds the 手工值 cell of `figureId` in the blocks that could hold 指标定义, in the order the
 * engine would consider them (the first with a 指标ID header row wins). Throws the clerk's error
 * when there is no 指标定义, no header, no 手工值 column or no such figure.
 */
export function locateManualCell(blocks: Block[], figureId: string): ManualCell {
  if (blocks.length === 0) throw notSetUpError();
  let block: Block | undefined;
  let headerIndex = -1;
  for (const candidate of blocks) {
    headerIndex = candidate.values.findIndex((row) => row.some((c) => typeof c === "string" && foldName(c) === HEADER_ROW_KEY));
    if (headerIndex >= 0) {
      block = candidate;
      break;
    }
  }
  if (!block) {
    const first = blocks[0];
    const cell = cellAddress(first.sheet, first.top, first.left);
    throw new WorkbookSourceError(
      "excel.definitions_no_header",
      `“${first.sheet}”工作表中没有“指标ID”表头行，指标目前使用内置定义。请补上表头行（指标ID、名称、台账……手工值），或删除该表后点“初始化工作簿”。`,
      `Sheet "${first.sheet}" has no header row with 指标ID, so the built-in definitions are used. Add the header row (指标ID, 名称, 台账 … 手工值), or delete the sheet and run 初始化工作簿 (Set up workbook).`,
      { cell },
    );
  }
  const header = block.values[headerIndex].map((c) => foldName(text(c)));
  const idCol = header.findIndex((h) => ID_HEADERS.includes(h));
  const manualCol = header.findIndex((h) => MANUAL_HEADERS.includes(h));
  const headerCell = cellAddress(block.sheet, block.top + headerIndex, block.left);
  if (manualCol < 0) {
    throw new WorkbookSourceError(
      "excel.manual_column_missing",
      `“${block.sheet}”的表头行（${headerCell} 所在行）没有“手工值”列。请在表头行末尾添加“手工值”列后重试。`,
      `The header row of "${block.sheet}" (the row of ${headerCell}) has no 手工值 (manual value) column. Add a 手工值 column to the header row and try again.`,
      { cell: headerCell },
    );
  }
  const wanted = figureId.trim();
  for (let r = headerIndex + 1; r < block.values.length; r++) {
    if (text(block.values[r][idCol]) !== wanted) continue;
    return {
      sheet: block.sheet,
      row: block.top + r,
      col: block.left + manualCol,
      textFormat: (block.formats[r]?.[manualCol] ?? "General") === "@",
    };
  }
  throw new WorkbookSourceError(
    "excel.figure_not_found",
    `“${block.sheet}”中没有指标ID为“${wanted}”的行，它可能已被删除或改名。请点“重新读取”后再试。`,
    `"${block.sheet}" has no row with the figure id "${wanted}"; it may have been deleted or renamed. Click “Read again” and try again.`,
    { cell: headerCell },
  );
}

function checkValue(value: number | null): void {
  if (value !== null && !Number.isFinite(value)) {
    throw new WorkbookSourceError(
      "excel.bad_manual_value",
      `手工值应为数字：“${String(value)}”`,
      `The manual value must be a number: "${String(value)}"`,
    );
  }
}

const CELLS = "values,numberFormat,rowIndex,columnIndex";

function blockOf(sheet: string, range: Excel.Range): Block {
  return { sheet, top: range.rowIndex, left: range.columnIndex, values: range.values, formats: range.numberFormat };
}

/**
 * Sync 1 asks for everything at once: the sheet names, and — speculatively — the cells of sheet
 * 指标定义 and of the sheet holding table FigureDefinitions, through *OrNullObject calls so an
 * absent one reads as null. Should a host refuse calls chained on a null object, the definitions
 * are looked up step by step instead (one round trip more).
 */
async function readCandidates(context: Excel.RequestContext): Promise<Block[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  const namedSheet = context.workbook.worksheets.getItemOrNullObject(DEFINITIONS_SHEET);
  namedSheet.load("name");
  const namedRange = namedSheet.getUsedRangeOrNullObject(true).load(CELLS);
  const table = context.workbook.tables.getItemOrNullObject(DEFINITIONS_TABLE);
  table.load("name");
  const tableSheet = table.worksheet.load("name");
  // The table's sheet rather than Table.getRange(), which has no null-object form.
  const tableRange = table.worksheet.getUsedRangeOrNullObject(true).load(CELLS);
  try {
    await context.sync();
  } catch (e) {
    if (isPayloadLimitError(e)) throw e;
    return readCandidatesStepByStep(context);
  }
  const blocks: Block[] = [];
  if (!namedSheet.isNullObject) {
    // A blank 指标定义 still means "set up"; its empty block then finds no header row.
    blocks.push(
      namedRange.isNullObject ? { sheet: namedSheet.name, top: 0, left: 0, values: [], formats: [] } : blockOf(namedSheet.name, namedRange),
    );
  }
  if (!table.isNullObject && !tableRange.isNullObject && (namedSheet.isNullObject || tableSheet.name !== namedSheet.name))
    blocks.push(blockOf(tableSheet.name, tableRange));
  const order = sheets.items.map((s) => s.name);
  return blocks.sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet));
}

/** The careful way: names first, then only the ranges that exist. */
async function readCandidatesStepByStep(context: Excel.RequestContext): Promise<Block[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name,items/worksheet/name");
  await context.sync();
  const probes: { sheet: string; range: Excel.Range }[] = [];
  for (const { name } of sheets.items) {
    const isNamed = name.trim() === DEFINITIONS_SHEET;
    const table = tables.items.find((t) => t.worksheet.name === name && foldName(t.name) === foldName(DEFINITIONS_TABLE));
    if (isNamed) probes.push({ sheet: name, range: context.workbook.worksheets.getItem(name).getUsedRange(true) });
    else if (table) probes.push({ sheet: name, range: context.workbook.tables.getItem(table.name).getRange() });
  }
  if (!probes.length) return [];
  for (const probe of probes) probe.range.load(CELLS);
  await context.sync();
  return probes.map(({ sheet, range }) => blockOf(sheet, range));
}

/** Writes one figure's 手工值 (a number, or blank for null); returns the cell written (`指标定义!H3`). */
export async function writeManualValueLive(run: typeof Excel.run, figureId: string, value: number | null): Promise<{ cell: string }> {
  checkValue(value);
  return run(async (context) => {
    const at = locateManualCell(await readCandidates(context), figureId);
    const address = cellAddress(at.sheet, at.row, at.col);
    const cell = context.workbook.worksheets.getItem(at.sheet).getCell(at.row, at.col);
    // A number typed into a text-formatted cell stays text in Excel; the cell becomes General so
    // the clerk sees a number. Any other format (e.g. #,##0) is the clerk's and is kept.
    if (value !== null && at.textFormat) cell.numberFormat = [["General"]];
    cell.values = [[value === null ? "" : value]];
    try {
      await context.sync();
    } catch (e) {
      throw errorCode(e) === "AccessDenied" ? protectedDefinitionsError(address, at.sheet, e) : e;
    }
    return { cell: address };
  });
}
