// 初始化工作簿 in the live workbook: add whichever ledger sheets, 报告设置 and 指标定义 are missing,
// leave every existing sheet as it is — except a blank 工作簿ID in an existing 报告设置, which is
// filled once. Each added sheet is its own sync, so one that fails (a protected workbook
// structure, a clashing table name) is reported by name and the others still go in.
import { DEFINITIONS_SHEET, LEDGER_SPECS, SETTINGS_SHEET } from "../../core/ledger/schema";
import type { SetUpResult } from "./types";
import { errorCode, foldName, ledgerOfName } from "./shared";
import type { RequirementCheck } from "../office/requirements";
import { addDefinitionsSheet, addLedgerSheet, addSettingsSheet } from "./sheets";
import { locateSettings, queueSettingsWrites } from "./settings";

export interface SetUpConfig {
  /** 报告设置 项目/值 rows without the header, e.g. settingsToRows(defaultSettings(year)). */
  settingsRows: [string, string][];
  /** 指标定义 header and rows, e.g. DEFINITION_HEADERS and DEFAULT_DEFINITIONS.map(definitionToRow). */
  definitionHeaders: string[];
  definitionRows: (string | number)[][];
}

export interface SetUpOptions {
  isSetSupported: RequirementCheck;
  newWorkbookId: () => string;
}

export const WORKBOOK_ID_ITEM = "工作簿ID";

function reasonOf(sheet: string, e: unknown): string {
  if (errorCode(e) === "AccessDenied") {
    return `工作簿或工作表受保护，无法写入「${sheet}」。请撤销保护后重试。 / The workbook or sheet is protected, so "${sheet}" could not be written. Unprotect it and try again.`;
  }
  const detail = String((e as Error)?.message ?? e);
  return `无法写入「${sheet}」：${detail} / Could not write "${sheet}": ${detail}`;
}

/** The settings rows with a fresh workbook id in a blank 工作簿ID (added when the rows lack it). */
function withWorkbookId(rows: [string, string][], newId: () => string): [string, string][] {
  const key = foldName(WORKBOOK_ID_ITEM);
  let found = false;
  const out = rows.map(([item, value]): [string, string] => {
    if (foldName(item) !== key) return [item, value];
    found = true;
    return [item, value.trim() ? value : newId()];
  });
  if (!found) out.push([WORKBOOK_ID_ITEM, newId()]);
  return out;
}

export async function setUpLiveWorkbook(run: typeof Excel.run, config: SetUpConfig, opts: SetUpOptions): Promise<SetUpResult> {
  return run(async (context) => {
    const result: SetUpResult = { added: [], kept: [], failed: [] };
    const sync = async (): Promise<void> => {
      await context.sync();
    };
    const sheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name,items/worksheet/name");
    await sync();
    const sheetNames = sheets.items.map((s) => s.name);
    const keep = (name: string) => {
      if (!result.kept.includes(name)) result.kept.push(name);
    };
    const add = async (sheet: string, queue: () => void) => {
      try {
        queue();
        await sync();
        result.added.push(sheet);
      } catch (e) {
        result.failed.push({ sheet, reason: reasonOf(sheet, e) });
      }
    };
    const byName = (wanted: string) => {
      const key = foldName(wanted);
      return sheetNames.find((n) => foldName(n) === key) ?? sheetNames.find((n) => foldName(n).includes(key));
    };

    const settingsSheet = byName(SETTINGS_SHEET);
    if (settingsSheet === undefined) {
      const rows = withWorkbookId(config.settingsRows, opts.newWorkbookId);
      await add(SETTINGS_SHEET, () => addSettingsSheet(context, rows, opts.isSetSupported));
    } else {
      keep(settingsSheet);
      try {
        const at = await locateSettings(context, sync);
        if (at) {
          const id = at.items.get(foldName(WORKBOOK_ID_ITEM));
          const blank = !id || String(id.value ?? "").trim() === "";
          if (blank && at.protected) {
            result.failed.push({
              sheet: at.sheet,
              reason: reasonOf(at.sheet, { code: "AccessDenied" }),
            });
          } else if (blank) {
            queueSettingsWrites(context, at, [[WORKBOOK_ID_ITEM, opts.newWorkbookId()]], true);
            await sync();
          }
        }
      } catch (e) {
        result.failed.push({ sheet: settingsSheet, reason: reasonOf(settingsSheet, e) });
      }
    }

    const definitionsSheet = byName(DEFINITIONS_SHEET);
    if (definitionsSheet === undefined) {
      await add(DEFINITIONS_SHEET, () =>
        addDefinitionsSheet(context, config.definitionHeaders, config.definitionRows, opts.isSetSupported),
      );
    } else keep(definitionsSheet);

    for (const spec of LEDGER_SPECS) {
      const found = new Set<string>();
      for (const name of sheetNames) if (ledgerOfName(name)?.name === spec.name) found.add(name);
      for (const t of tables.items) if (ledgerOfName(t.name)?.name === spec.name) found.add(t.worksheet.name);
      if (found.size) {
        for (const name of sheetNames) if (found.has(name)) keep(name);
        continue;
      }
      await add(spec.name, () => addLedgerSheet(context, spec, opts.isSetSupported));
    }
    return result;
  });
}
