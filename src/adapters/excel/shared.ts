// What the workbook-source parts share: which sheet and table names matter, payload sizes, errors.
import { LocalizedError } from "../../core/errors";
import { LEDGER_SPECS } from "../../core/ledger/schema";
import type { LedgerSpec } from "../../core/ledger/schema";
import type { CellRange } from "../../core/types";
import { parseRef, splitAreas, splitSheet } from "../../core/address";
import { matchLedgerName } from "../../core/ledger/names";
import { DEFINITIONS_TABLE, SETTINGS_TABLE } from "../../core/workbook/spec";

export { DEFINITIONS_TABLE, SETTINGS_TABLE };

/** Folds a sheet/table name for matching: full-width → half-width, no spaces, lower case. */
export function foldName(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/**
 * The ledger a sheet or table name belongs to, if any (`2022年电子保函台账（交易一科）` → 电子保函).
 * The core decides, so the pane reads exactly the sheets the engine will use.
 */
export function ledgerOfName(name: string): LedgerSpec | null {
  const match = matchLedgerName(name);
  return match ? (LEDGER_SPECS.find((spec) => spec.name === match.ledger) ?? null) : null;
}

/** Rows a block's size is measured on; past this, evenly spaced rows stand for the rest. */
export const SIZED_ROWS = 512;

/** JSON bytes (UTF-8) of one cell value, as JSON.stringify would write it, without writing it. */
function cellJsonBytes(v: unknown): number {
  if (typeof v === "string") {
    let n = 2;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09) n += 2;
      else if (c < 0x20) n += 6;
      else if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < v.length) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }
  if (typeof v === "number") return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === "boolean") return v ? 4 : 5;
  return 4; // null (and what JSON writes as null)
}

function rowJsonBytes(row: readonly unknown[]): number {
  let n = 2 + Math.max(0, row.length - 1);
  for (let i = 0; i < row.length; i++) n += cellJsonBytes(row[i]);
  return n;
}

/**
 * Bytes a block of values takes as JSON on the wire — what the 5 MB limit counts — measured without
 * serialising it: a block of a few MB written out by JSON.stringify held the pane's thread for
 * ~190 ms at 100k rows. Up to SIZED_ROWS rows are measured exactly; a longer block is measured on
 * evenly spaced rows (the first and last among them) and scaled to its length. This sizes the next
 * blocks only: a block Excel still refuses is retried smaller, so an estimate can never lose data.
 */
export function blockJsonBytes(values: readonly (readonly unknown[])[]): number {
  const rows = values.length;
  if (rows <= SIZED_ROWS) {
    let n = 2 + Math.max(0, rows - 1);
    for (const row of values) n += rowJsonBytes(row);
    return n;
  }
  let sampled = 0;
  for (let k = 0; k < SIZED_ROWS; k++) sampled += rowJsonBytes(values[Math.round((k * (rows - 1)) / (SIZED_ROWS - 1))]);
  return 2 + (rows - 1) + Math.round((sampled / SIZED_ROWS) * rows);
}

export function errorCode(e: unknown): string {
  return (e as { code?: unknown })?.code && typeof (e as { code: unknown }).code === "string" ? (e as { code: string }).code : "";
}

export function isPayloadLimitError(e: unknown): boolean {
  const code = errorCode(e);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") return true;
  return /payload size has exceeded the limit/i.test(String((e as Error)?.message ?? ""));
}

/** A failure worded for the clerk: Chinese first, English, and the sheet or cell when known. */
export class WorkbookSourceError extends LocalizedError {}

/** `Sheet1!A1:C9` (or `A1:C9`) → the rectangle, zero-based; null for whole rows/columns or garbage. */
export function rectOfAddress(address: string): CellRange | null {
  return parseRef(splitSheet(address).ref, { cellsOnly: true });
}

/** Splits a RangeAreas address at the commas between areas, not those inside quoted sheet names. */
export const areaAddresses = splitAreas;
