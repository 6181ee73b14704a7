// Hand-built workbooks for the simulated host.
import type { RawCell } from "../../../src/core/types";
import { createExcelWorkbookSource, type ExcelWorkbookSourceOptions } from "../../../src/adapters/excel";
import { createSimulatedExcel, type SimOptions, type SimSheet, type SimWorkbook } from "../../../src/simulated-host";
import { GUARANTEE_HEADERS } from "../../../bench/generate-ledger";

export function sheet(name: string, cells: RawCell[][], extra: Partial<SimSheet> = {}): SimSheet {
  return { name, cells, merges: [], tables: [], ...extra };
}

/** Settings rows as the engine writes them: 项目/值 header then pairs. */
export function settingsSheet(pairs: [string, string][], extra: Partial<SimSheet> = {}): SimSheet {
  const cells: RawCell[][] = [["项目", "值"], ...pairs];
  return sheet("报告设置", cells, {
    tables: [{ name: "ReportSettings", range: { top: 0, left: 0, bottom: pairs.length, right: 1 } }],
    ...extra,
  });
}

/**
 * A small workbook the way clerks keep one: a ledger as a table, a department's ledger as a plain
 * range under a merged title, settings, and sheets that are not ledgers.
 */
export function smallWorkbook(): SimWorkbook {
  return {
    date1904: false,
    name: "台账2022.xlsx",
    sheets: [
      sheet("说明", [["这个工作簿记录本单位各类台账"]]),
      sheet(
        "学习记录",
        [
          ["日期", "形式", "主题"],
          [44571, "专题学习", "学习贯彻党的二十大精神"],
          [44600, "专题研讨", "作风建设"],
        ],
        { tables: [{ name: "StudySessions", range: { top: 0, left: 0, bottom: 2, right: 2 } }] },
      ),
      sheet(
        "电子保函-交易二科",
        [
          ["2022年电子保函台账", null, null, null],
          ["保函编号", "开立日期", "投标企业", "保证金金额（元）"],
          ["EG-001", 44600, "某建设有限公司", 500000],
          ["EG-002", "#N/A", "某路桥有限公司", 120000.5],
        ],
        { merges: [{ top: 0, left: 0, bottom: 0, right: 3 }] },
      ),
      sheet("汇总", [["合计", 3]], {
        tables: [{ name: "Table9", range: { top: 0, left: 0, bottom: 0, right: 1 } }],
      }),
      settingsSheet([
        ["年度", "2022"],
        ["工作簿ID", "wb-1"],
      ]),
    ],
  };
}

/** A 电子保函 ledger table of `rows` records × 9 columns, like a city's several years of letters. */
export function largeLedgerWorkbook(rows: number): SimWorkbook {
  const header: RawCell[] = [...GUARANTEE_HEADERS];
  const cells: RawCell[][] = [header];
  for (let i = 0; i < rows; i++) {
    cells.push([
      `EG2022${String(i).padStart(7, "0")}`,
      44562 + (i % 365),
      `某某建设工程有限公司${i % 977}`,
      `91350100MA${String(i % 99991).padStart(8, "0")}`,
      `市政道路改造工程第${i % 313}标段`,
      10000 + (i % 5000) * 10.5,
      i % 3 === 0 ? "中国银行某某分行" : "某某融资担保有限公司",
      i % 50 === 0 ? "撤销" : "有效",
      i % 2 === 0 ? "交易一科" : "交易二科",
    ]);
  }
  return {
    date1904: false,
    sheets: [
      sheet("电子保函", cells, {
        tables: [{ name: "EGuarantees", range: { top: 0, left: 0, bottom: rows, right: 8 } }],
      }),
      settingsSheet([["年度", "2022"]]),
    ],
  };
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The pane's workbook source over a simulated Excel holding `wb`; `options` as the pane would pass them. */
export function sourceOver(wb: SimWorkbook, simOpts: SimOptions = {}, options: ExcelWorkbookSourceOptions = {}) {
  const sim = createSimulatedExcel(wb, simOpts);
  const source = createExcelWorkbookSource(sim.Excel.run, { isSetSupported: sim.isSetSupported, ...options });
  return { sim, source };
}

/** Every cell that differs between two versions of the workbook, as `sheet!A1` → new value. */
export function changedCells(before: SimWorkbook, after: SimWorkbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const b of after.sheets) {
    const a = before.sheets.find((s) => s.name === b.name)?.cells ?? [];
    for (let r = 0; r < Math.max(a.length, b.cells.length); r++) {
      for (let c = 0; c < Math.max(a[r]?.length ?? 0, b.cells[r]?.length ?? 0); c++) {
        const x = a[r]?.[c] ?? null;
        const y = b.cells[r]?.[c] ?? null;
        if (x !== y) out[`${b.name}!${String.fromCharCode(65 + c)}${r + 1}`] = y;
      }
    }
  }
  return out;
}
