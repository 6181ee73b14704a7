// The names of the report files the panes save: never the name of the file they were made from.

/**
 * Next year's report's name from last year's: its year changed (`述职报告-2022.docx` →
 * `述职报告-2023.docx`), or the year added (`报告-2023.docx`) — never last year's name.
 */
export function nextYearFileName(fileName: string, year: number): string {
  const base = fileName.replace(/\.docx$/i, "").trim() || "报告";
  const years = [...base.matchAll(/(?<!\d)(19|20)\d\d(?!\d)/g)];
  const last = years[years.length - 1];
  const renamed = last?.index !== undefined ? base.slice(0, last.index) + String(year) + base.slice(last.index + 4) : `${base}-${year}`;
  return `${renamed === base ? `${base}-${year}` : renamed}.docx`;
}

/** `述职报告-2022.docx` → `述职报告-2022.refreshed.docx`: the clerk's file is never overwritten. */
export function refreshedFileName(fileName: string): string {
  const base = fileName.replace(/\.docx$/i, "").trim() || "报告";
  return `${base}.refreshed.docx`;
}
