// Bounds that keep a hostile or absurd file from exhausting memory or time.

export interface XlsxLimits {
  /** Total bytes inflated from the archive, all parts together (default 512 MiB). */
  maxUncompressedBytes: number;
  /** Non-blank cells in the workbook, and the size of any one sheet's used range (default 5 000 000). */
  maxCells: number;
  /** Characters in one cell — Excel's own limit is 32 767. */
  maxCellChars: number;
  /** Element nesting in any XML part (default 64; real parts nest fewer than 12). */
  maxXmlDepth: number;
  /** Inflated/compressed size of any one part; off unless set (typical XML is 5–20:1, bombs 1000:1). */
  maxCompressionRatio?: number;
}

export const DEFAULT_LIMITS: XlsxLimits = {
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxCells: 5_000_000,
  maxCellChars: 32767,
  maxXmlDepth: 64,
};

export function resolveLimits(partial?: Partial<XlsxLimits>): XlsxLimits {
  const out: XlsxLimits = { ...DEFAULT_LIMITS };
  if (partial) {
    for (const key of Object.keys(partial) as (keyof XlsxLimits)[]) {
      const v = partial[key];
      if (typeof v === "number" && v > 0) out[key] = v;
    }
  }
  return out;
}
