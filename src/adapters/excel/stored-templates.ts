// The Word templates stored in the open workbook (hidden sheet 报告模板库, core/fill/stored.ts), through
// Excel.run with ExcelApi 1.1 only — Excel 2016's level: worksheets by name from the loaded collection
// (no *OrNullObject), values read and written, visibility set.
import { rowsToTemplates, templatesToRows, TEMPLATE_HEADERS, TEMPLATE_SHEET, type StoredTemplate } from "../../core/fill/stored";

type Run = typeof Excel.run;

async function templateSheet(context: Excel.RequestContext): Promise<Excel.Worksheet | null> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.find((s) => s.name.trim() === TEMPLATE_SHEET) ?? null;
}

/** The templates the workbook stores, in the order stored; none when it has no 报告模板库 sheet. */
export function readWordTemplates(run: Run = Excel.run): Promise<StoredTemplate[]> {
  return run(async (context) => {
    const sheet = await templateSheet(context);
    if (!sheet) return [];
    const used = sheet.getUsedRange();
    used.load("values");
    await context.sync();
    const values = used.values;
    return rowsToTemplates(values).templates;
  });
}

/**
 * Stores a template under its name (replacing one of the same name) on the hidden sheet, made when
 * missing. The sheet is rewritten whole and rows left over from a longer earlier content are blanked.
 */
export function storeWordTemplate(template: StoredTemplate, run: Run = Excel.run): Promise<StoredTemplate[]> {
  return run(async (context) => {
    let sheet = await templateSheet(context);
    let before: StoredTemplate[] = [];
    let oldRows = 0;
    if (sheet) {
      const used = sheet.getUsedRange();
      used.load("values");
      await context.sync();
      before = rowsToTemplates(used.values).templates;
      oldRows = used.values.length;
    } else sheet = context.workbook.worksheets.add(TEMPLATE_SHEET);
    const kept = [...before.filter((t) => t.name !== template.name), template];
    const rows: string[][] = templatesToRows(kept);
    while (rows.length < oldRows) rows.push(TEMPLATE_HEADERS.map(() => ""));
    sheet.getRange(`A1:E${rows.length}`).values = rows;
    // Hidden, not very hidden: a clerk who wonders where the templates are can unhide the sheet.
    sheet.visibility = "Hidden";
    await context.sync();
    return kept;
  });
}
