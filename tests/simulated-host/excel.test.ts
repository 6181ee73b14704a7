import { createSimulatedExcel, installSimulatedOffice, simWorkbookFromXlsx } from "../../src/simulated-host";
import { SIZED_PER_TASK, SimObjectCore } from "../../src/simulated-host/common";
import type { RawCell } from "../../src/core/types";
import fc from "fast-check";
import { clone, settingsSheet, sheet, smallWorkbook } from "../adapters/excel/fixtures";

describe("simulated Excel host", () => {
  // The reads before sync are the point of this test: the lint rule that forbids them is what it checks the host enforces.
  /* eslint-disable office-addins/call-sync-after-load */
  it("throws PropertyNotLoaded for a property read before load and sync, like Office.js", async () => {
    const sim = createSimulatedExcel(smallWorkbook());
    await sim.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("学习记录");
      expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded", name: "RichApi.Error" }));
      ws.load("name");
      // Queued is not enough: the value only arrives with the sync.
      expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(ws.name).toBe("学习记录");
      expect(() => ws.visibility).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("gives every object one rule for its properties: each a bare load reads is PropertyNotLoaded before the sync and the loaded value after", async () => {
    const sim = createSimulatedExcel(smallWorkbook());
    await sim.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("StudySessions");
      const objects: Record<string, { load(): unknown }> = {
        workbook: context.workbook,
        worksheet: context.workbook.worksheets.getItem("学习记录"),
        table,
        column: table.columns.getItemAt(0),
        rows: table.rows,
        range: table.getRange(),
        format: table.getRange().format,
        areas: context.workbook.worksheets.getItem("学习记录").getRanges("A1:B2, D4"),
      };
      // The rule holds for every scalar the simulated class describes (what a bare load reads there);
      // among them, those of Office.js the adapters read must be described.
      const scalars = Object.fromEntries(Object.entries(objects).map(([kind, object]) => [kind, SimObjectCore.loadedOf(object)]));
      const required: Record<string, string[]> = {
        workbook: ["name"],
        worksheet: ["name", "visibility", "position", "id"],
        table: ["name", "showTotals", "showHeaders", "id", "showFilterButton", "style"],
        column: ["name", "index", "id"],
        rows: ["count"],
        range: ["address", "values", "text", "numberFormat", "rowIndex", "columnCount"],
        format: ["columnWidth"],
        areas: ["address", "areaCount", "cellCount"],
      };
      for (const [kind, names] of Object.entries(required))
        expect({ [kind]: scalars[kind] }).toEqual({ [kind]: expect.arrayContaining(names) });
      const read = (kind: string, name: string) => (objects[kind] as unknown as Record<string, unknown>)[name];
      for (const [kind, names] of Object.entries(scalars))
        for (const name of names) expect(() => read(kind, name)).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      for (const object of Object.values(objects)) object.load();
      await context.sync();
      for (const [kind, names] of Object.entries(scalars))
        for (const name of names) expect({ [`${kind}.${name}`]: read(kind, name) }).not.toEqual({ [`${kind}.${name}`]: undefined });
      expect(read("table", "name")).toBe("StudySessions");
      expect(read("column", "index")).toBe(0);
      expect(read("areas", "areaCount")).toBe(2);
      // A navigation is one object, made once, whose properties a `nav/…` path loads.
      expect(table.worksheet).toBe(table.worksheet);
      table.load("worksheet/name");
      await context.sync();
      expect(table.worksheet.name).toBe("学习记录");
    });
  });
  /* eslint-enable office-addins/call-sync-after-load */

  it("runs a whole queue in one round trip and counts it", async () => {
    const sim = createSimulatedExcel(smallWorkbook());
    await sim.Excel.run(async (context) => {
      const tables = context.workbook.tables.load({ name: true, worksheet: { name: true } });
      const range = context.workbook.worksheets.getItem("电子保函-交易二科").getRange("B3:C4").load(["address", "values"]);
      await context.sync();
      expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([
        ["StudySessions", "学习记录"],
        ["Table9", "汇总"],
        ["ReportSettings", "报告设置"],
      ]);
      expect(range.address).toBe("'电子保函-交易二科'!B3:C4");
      expect(range.values).toEqual([
        [44600, "某建设有限公司"],
        ["#N/A", "某路桥有限公司"],
      ]);
    });
    expect(sim.stats.syncs).toBe(1);
  });

  it("answers a sync in a later task, as the host's reply does: work queued before it runs first", async () => {
    // In Office the batch goes to the host and its answer comes back as a message: a new task, so
    // the pane paints and takes input between round trips. Answering within the task (microtasks
    // only) would make a many-block read one long task that real Office never has.
    const sim = createSimulatedExcel(smallWorkbook());
    const order: string[] = [];
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("学习记录").load("name");
      setTimeout(() => order.push("timer queued before the sync"), 0);
      await context.sync();
      order.push("sync answered");
    });
    expect(order).toEqual(["timer queued before the sync", "sync answered"]);
  });

  it("fails the sync with ItemNotFound for a missing sheet, and reports a null object for the OrNullObject form", async () => {
    const sim = createSimulatedExcel(smallWorkbook());
    await sim.Excel.run(async (context) => {
      const maybe = context.workbook.worksheets.getItemOrNullObject("人员");
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
      context.workbook.worksheets.getItem("人员");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("rejects a response over the payload limit and returns nothing from that batch", async () => {
    const cells = Array.from({ length: 2000 }, (_, i) => [`row ${i}`, "有效", i]);
    const sim = createSimulatedExcel({ date1904: false, sheets: [sheet("人员", cells)] }, { payloadLimitBytes: 10_000 });
    await sim.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("人员");
      const small = ws.getRange("A1").load("values");
      const big = ws.getRange("A1:C2000").load("values");
      await expect(context.sync()).rejects.toMatchObject({
        code: "ResponsePayloadSizeLimitExceeded",
      });
      expect(() => small.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => big.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    expect(sim.stats).toMatchObject({
      syncs: 1,
      failedSyncs: 1,
      maxResponseBytes: 0,
      errors: ["ResponsePayloadSizeLimitExceeded"],
    });
  });

  it("sizes a large response exactly, in slices that give the pane's thread back: sizing is the host's work, not the pane's", async () => {
    const cells = Array.from({ length: 5 * SIZED_PER_TASK }, (_, i) => [`第${i}行`, "有效", i, i % 2 === 0]);
    const sim = createSimulatedExcel({ date1904: false, sheets: [sheet("人员", cells)] });
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks++;
      if (ticking) setTimeout(tick, 0);
    };
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("人员").getRange(`A1:D${cells.length}`).load("values");
      await context.sync();
      const ticksBefore = ticks;
      setTimeout(tick, 0);
      range.load("values");
      await context.sync();
      ticking = false;
      // Timers ran between the slices: the sync was never one task.
      expect(ticks - ticksBefore).toBeGreaterThanOrEqual(4);
    });
    expect(sim.stats.responseBytes).toEqual([Buffer.byteLength(JSON.stringify(cells)), Buffer.byteLength(JSON.stringify(cells))]);
  });

  it("finds the used range (values only) that a scan of every cell finds, whatever the sheet's shape", async () => {
    const naive = (cells: RawCell[][]) => {
      let r: { top: number; left: number; bottom: number; right: number } | null = null;
      cells.forEach((line, row) =>
        line?.forEach((v, col) => {
          if (v === null || v === "" || v === undefined) return;
          r = r
            ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) }
            : { top: row, left: col, bottom: row, right: col };
        }),
      );
      return r;
    };
    const cell = fc.oneof(fc.constant(null), fc.constant(""), fc.constant("值"), fc.integer());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 9 }), async (cells) => {
        const expected = naive(cells);
        fc.pre(expected !== null);
        const sim = createSimulatedExcel({ date1904: false, sheets: [sheet("表", cells)] });
        const range = await sim.Excel.run(async (context) => {
          const used = context.workbook.worksheets.getItem("表").getUsedRange(true).load("rowIndex,columnIndex,rowCount,columnCount");
          await context.sync();
          return {
            top: used.rowIndex,
            left: used.columnIndex,
            bottom: used.rowIndex + used.rowCount - 1,
            right: used.columnIndex + used.columnCount - 1,
          };
        });
        expect(range).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects a request over the payload limit before writing anything", async () => {
    const wb = { date1904: false, sheets: [sheet("人员", [["姓名"]])] };
    const sim = createSimulatedExcel(wb, { payloadLimitBytes: 1000 });
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("人员").getRange("A2:A201").values = Array.from({ length: 200 }, () => ["一位同事的名字"]);
      await expect(context.sync()).rejects.toMatchObject({
        code: "RequestPayloadSizeLimitExceeded",
      });
    });
    expect(wb.sheets[0].cells).toEqual([["姓名"]]);
  });

  it("refuses writes to a protected sheet with AccessDenied and leaves its cells alone", async () => {
    const wb = {
      date1904: false,
      sheets: [settingsSheet([["年度", "2021"]], { protected: true })],
    };
    const before = clone(wb);
    const sim = createSimulatedExcel(wb);
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("报告设置").getRange("B2").values = [["2022"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    expect(wb).toEqual(before);
  });

  it("grows a table when a row is written directly below it", async () => {
    const wb = { date1904: false, sheets: [settingsSheet([["年度", "2021"]])] };
    const sim = createSimulatedExcel(wb);
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("报告设置").getRange("A3:B3").values = [["城市", "某市"]];
      await context.sync();
    });
    expect(wb.sheets[0].tables[0].range).toEqual({ top: 0, left: 0, bottom: 2, right: 1 });
  });

  it("gives a table's header, body and columns, and a range's merged areas one by one", async () => {
    const sim = createSimulatedExcel(smallWorkbook());
    await sim.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("StudySessions");
      const header = table.getHeaderRowRange().load("address");
      const body = table.getDataBodyRange().load("address,rowCount");
      const columns = table.columns.load("items/name");
      const sheet = context.workbook.worksheets.getItem("电子保函-交易二科");
      const merged = sheet.getUsedRange(true).getMergedAreasOrNullObject();
      merged.areas.load("address");
      const none = header.getMergedAreasOrNullObject();
      await context.sync();
      expect([header.address, body.address, body.rowCount]).toEqual(["学习记录!A1:C1", "学习记录!A2:C3", 2]);
      expect(columns.items.map((c) => c.name)).toEqual(["日期", "形式", "主题"]);
      expect(merged.isNullObject).toBe(false);
      expect(merged.areas.items.map((a) => a.address)).toEqual(["'电子保函-交易二科'!A1:D1"]);
      expect(none.isNullObject).toBe(true);
    });
  });

  it("splits a table with a totals row into header, data body and totals row (ExcelApi 1.1), and refuses a totals row it does not show", async () => {
    const cells = [
      ["保函编号", "金额"],
      ["BH-1", 1],
      ["BH-2", 2],
      ["汇总", 3],
    ];
    const sim = createSimulatedExcel({
      date1904: false,
      sheets: [
        sheet("电子保函", cells, { tables: [{ name: "EG", range: { top: 0, left: 0, bottom: 3, right: 1 }, showTotals: true }] }),
        sheet("其他", [["a"], ["b"]], {
          tables: [{ name: "NoHeader", range: { top: 0, left: 0, bottom: 1, right: 0 }, showHeaders: false }],
        }),
      ],
    });
    await sim.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("EG").load("showTotals,showHeaders");
      const whole = table.getRange().load("address");
      const body = table.getDataBodyRange().load("address");
      const totals = table.getTotalRowRange().load("address");
      const rows = table.rows.load("count");
      const bare = context.workbook.tables.getItem("NoHeader").load("showHeaders");
      const bareBody = context.workbook.tables.getItem("NoHeader").getDataBodyRange().load("address");
      await context.sync();
      expect([table.showTotals, table.showHeaders, whole.address, body.address, totals.address, rows.count]).toEqual([
        true,
        true,
        "电子保函!A1:B4",
        "电子保函!A2:B3",
        "电子保函!A4:B4",
        2,
      ]);
      expect([bare.showHeaders, bareBody.address]).toEqual([false, "其他!A1:A2"]);
    });
    await expect(
      sim.Excel.run(async (context) => {
        context.workbook.tables.getItem("NoHeader").getTotalRowRange().load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("throws ApiNotFound for a method above the supported requirement sets", async () => {
    const sim = createSimulatedExcel(smallWorkbook(), { apiSets: { ExcelApi: "1.12" } });
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("学习记录").getRange("A1:C3");
      expect(() => range.getMergedAreasOrNullObject()).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      await context.sync();
    });
  });

  it("answers DATE(1904,1,1) in the workbook's date system", async () => {
    for (const [date1904, serial] of [
      [false, 1462],
      [true, 0],
    ] as const) {
      const sim = createSimulatedExcel({ date1904, sheets: [] });
      const value = await sim.Excel.run(async (context) => {
        const r = context.workbook.functions.date(1904, 1, 1).load("value");
        await context.sync();
        return r.value;
      });
      expect(value).toBe(serial);
    }
  });

  it("converts the .xlsx reader's sheets to sheet coordinates", () => {
    const wb = simWorkbookFromXlsx({
      date1904: true,
      sheets: [
        {
          name: "队伍",
          hidden: true,
          top: 1,
          left: 2,
          cells: [["名称", "类型"]],
          merges: [],
          tables: [{ name: "Teams", range: { top: 1, left: 2, bottom: 1, right: 3 } }],
        },
      ],
    });
    expect(wb).toEqual({
      date1904: true,
      sheets: [
        {
          name: "队伍",
          cells: [[], [null, null, "名称", "类型"]],
          merges: [],
          tables: [{ name: "Teams", range: { top: 1, left: 2, bottom: 1, right: 3 } }],
          visibility: "Hidden",
        },
      ],
    });
  });

  it("installs Office and Excel globals that answer onReady, requirement sets and the language", async () => {
    const sim = createSimulatedExcel(smallWorkbook(), { apiSets: { ExcelApi: "1.9" } });
    const g: Record<string, unknown> = {};
    const uninstall = installSimulatedOffice(g, sim, { host: "Excel", language: "zh-CN" });
    const office = g.Office as typeof Office;
    await expect(office.onReady()).resolves.toMatchObject({ host: "Excel" });
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(office.context.displayLanguage).toBe("zh-CN");
    expect(g.Excel).toBe(sim.Excel);
    uninstall();
    expect(g).toEqual({});
  });
});

describe("simulated Excel host: WorksheetCollection.onChanged", () => {
  it("registers a handler at the sync, calls it after an edit (not inside it) and names the source", async () => {
    const sim = createSimulatedExcel(smallWorkbook());
    const seen: { address: string; triggerSource?: string }[] = [];
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => {
        seen.push({ address: args.address, triggerSource: args.triggerSource });
      });
      expect(sim.changeHandlerCount()).toBe(0);
      await context.sync();
    });
    expect(sim.changeHandlerCount()).toBe(1);
    sim.edit("学习记录", "B4", "x");
    expect(seen).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual([{ address: "B4", triggerSource: "Unknown" }]);
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("学习记录").getRange("B5").values = [["y"]];
      await context.sync();
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen[1]).toEqual({ address: "B5", triggerSource: "ThisLocalAddin" });
  });

  it("has no onChanged before ExcelApi 1.9", async () => {
    const sim = createSimulatedExcel(smallWorkbook(), { apiSets: { ExcelApi: "1.8" } });
    await expect(
      sim.Excel.run(async (context) => {
        context.workbook.worksheets.onChanged.add(async () => undefined);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("simulated Excel host: data validation (ExcelApi 1.8)", () => {
  const blankSheet = () => createSimulatedExcel({ date1904: false, sheets: [sheet("台账", [["日期"]])] });

  it("keeps a range's rule, error alert, prompt and ignoreBlanks as one validation and reads them back", async () => {
    const sim = blankSheet();
    await sim.Excel.run(async (context) => {
      const v = context.workbook.worksheets.getItem("台账").getRange("A2:A501").dataValidation;
      v.rule = { date: { formula1: "1990-01-01", formula2: "2099-12-31", operator: "Between" } };
      v.errorAlert = { showAlert: true, style: "Warning", title: "日期", message: "日期应为日期" };
      v.prompt = { showPrompt: true, title: "日期", message: "例如 2022-03-01" };
      v.ignoreBlanks = false;
      await context.sync();
      const cell = context.workbook.worksheets.getItem("台账").getRange("A7").dataValidation.load("type,errorAlert,prompt,ignoreBlanks");
      await context.sync();
      expect([cell.type, cell.errorAlert.style, cell.prompt.message, cell.ignoreBlanks]).toEqual([
        "Date",
        "Warning",
        "例如 2022-03-01",
        false,
      ]);
    });
    expect(sim.workbook.sheets[0].validations).toHaveLength(1);
  });

  it("answers Excel's defaults where a range has no validation: type None, alert on, no prompt, blanks ignored", async () => {
    const sim = blankSheet();
    await sim.Excel.run(async (context) => {
      const v = context.workbook.worksheets.getItem("台账").getRange("B2").dataValidation.load("type,errorAlert,prompt,ignoreBlanks");
      await context.sync();
      expect([v.type, v.errorAlert.showAlert, v.prompt.showPrompt, v.ignoreBlanks]).toEqual(["None", true, false, true]);
    });
  });

  it("gives a range with only a prompt the type None", async () => {
    const sim = blankSheet();
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("台账").getRange("D2:D501");
      range.dataValidation.prompt = { showPrompt: true, title: "统计", message: "计数" };
      const v = range.dataValidation.load("type");
      await context.sync();
      expect(v.type).toBe("None");
    });
  });

  it.each([
    [
      "two criteria in one rule",
      { list: { inCellDropDown: true, source: "是,否" }, wholeNumber: { formula1: 0, operator: "GreaterThan" } },
    ],
    ["an empty list", { list: { inCellDropDown: true, source: "" } }],
    ["an unknown operator", { wholeNumber: { formula1: 0, operator: "AtLeast" } }],
    ["Between without formula2", { decimal: { formula1: 0, operator: "Between" } }],
  ])("fails the sync with InvalidArgument for %s", async (_what, rule) => {
    const sim = blankSheet();
    await expect(
      sim.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("台账").getRange("A2:A9").dataValidation.rule = rule as Excel.DataValidationRule;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(sim.workbook.sheets[0].validations ?? []).toEqual([]);
  });

  it("refuses an error alert style other than Stop, Warning or Information", async () => {
    const sim = blankSheet();
    await expect(
      sim.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("台账").getRange("A2").dataValidation.errorAlert = {
          showAlert: true,
          style: "Loud" as Excel.DataValidationAlertStyle,
          title: "",
          message: "",
        };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("has no dataValidation before ExcelApi 1.8 and no Table.showFilterButton before 1.3", async () => {
    const old = createSimulatedExcel(smallWorkbook(), { apiSets: { ExcelApi: "1.7" } });
    await old.Excel.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem("学习记录").getRange("A2").dataValidation).toThrow(
        expect.objectContaining({ code: "ApiNotFound" }),
      );
    });
    const older = createSimulatedExcel(smallWorkbook(), { apiSets: { ExcelApi: "1.2" } });
    await older.Excel.run(async (context) => {
      expect(() => {
        context.workbook.tables.getItem("StudySessions").showFilterButton = false;
      }).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
  });
});
