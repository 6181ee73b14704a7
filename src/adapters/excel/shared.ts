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

/** Bytes a value takes as JSON on the wire (UTF-8) — what the 5 MB limit counts. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value);
  if (s === undefined) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
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
