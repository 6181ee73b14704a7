import { readXlsx, readXlsxWorkbook, toRawWorkbook } from "../../../src/adapters/xlsx";
import { exceljsXlsx, handXlsx, worksheet } from "./fixtures";

describe("reading an .xlsx workbook", () => {
  it("reads an exceljs-written ledger with its table, merges and hidden sheet", async () => {
    const bytes = await exceljsXlsx((wb) => {
      const ws = wb.addWorksheet("电子保函");
      ws.getCell("A1").value = "电子保函台账";
      ws.mergeCells("A1:C1");
      ws.addTable({
        name: "电子保函_交易二科",
        ref: "A3",
        columns: [{ name: "日期" }, { name: "金额" }, { name: "状态" }],
        rows: [
          [new Date(Date.UTC(2024, 2, 1)), 1500000, "正常"],
          [new Date(Date.UTC(2024, 5, 30)), 2500000.5, "撤销"],
        ],
      });
      const hidden = wb.addWorksheet("报告设置", { state: "hidden" });
      hidden.addRow(["项目", "值"]);
      hidden.addRow(["年度", 2024]);
      hidden.addRow(["启用", true]);
    });
    const x = readXlsxWorkbook(bytes);
    expect(x.date1904).toBe(false);
    expect(x.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["电子保函", false],
      ["报告设置", true],
    ]);
    expect(x.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(x.sheets[0].tables).toEqual([
      { name: "电子保函_交易二科", range: { top: 2, left: 0, bottom: 4, right: 2 }, headerRows: 1, totalsRows: 0 },
    ]);

    const raw = toRawWorkbook(x, "台账.xlsx");
    expect(raw.name).toBe("台账.xlsx");
    // Core says where a ledger is read from a hidden sheet: the raw workbook names them.
    expect(raw.hiddenSheets).toEqual(["报告设置"]);
    expect(raw.tables).toEqual([
      {
        sheet: "电子保函",
        table: "电子保函_交易二科",
        top: 2,
        left: 0,
        values: [
          ["日期", "金额", "状态"],
          [45352, 1500000, "正常"],
          [45473, 2500000.5, "撤销"],
        ],
        merges: [],
        headerRows: 1,
        totalsRows: 0,
        // The sheet around the table (the title above it), for the rows no table reads.
        around: { tables: [{ top: 2, left: 0, bottom: 4, right: 2 }], regions: [{ top: 0, left: 0, values: x.sheets[0].cells }] },
      },
      {
        sheet: "报告设置",
        top: 0,
        left: 0,
        values: [
          ["项目", "值"],
          ["年度", 2024],
          ["启用", true],
        ],
        merges: [],
      },
    ]);
  });

  it('gives the used range of values from its first non-blank cell, blanks filled with ""', () => {
    const bytes = handXlsx({
      sheets: [
        {
          name: "学习记录",
          rows: `<row r="3"><c r="C3" s="1"/><c r="D3"><v>1</v></c></row><row r="5"><c r="B5" t="inlineStr"><is><t>x</t></is></c></row><row r="900"><c r="A900" s="2"/></row>`,
        },
      ],
    });
    const sheet = readXlsxWorkbook(bytes).sheets[0];
    expect([sheet.top, sheet.left]).toEqual([2, 1]);
    expect(sheet.cells).toEqual([
      ["", "", 1],
      ["", "", ""],
      ["x", "", ""],
    ]);
  });

  it("reads shared strings with rich runs joined and phonetic guides left out", () => {
    const bytes = handXlsx({
      sharedStrings: `<si><r><rPr><b/></rPr><t>共建</t></r><r><t xml:space="preserve"> 单位</t></r><rPh sb="0" eb="2"><t>きょうけん</t></rPh><phoneticPr fontId="1"/></si><si><t>a&amp;b_x000D_&#x41;</t></si><si><t><![CDATA[<x>]]></t></si>`,
      sheets: [
        { name: "共建单位", rows: `<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>99</v></c></row>` },
      ],
    });
    expect(readXlsxWorkbook(bytes).sheets[0].cells).toEqual([["共建 单位", "a&b\rA", "<x>"]]);
  });

  it('marks the 1904 date system and converts t="d" cells with it', () => {
    const bytes = handXlsx({
      date1904: true,
      sheets: [{ name: "S", rows: `<row><c t="d"><v>2024-03-01</v></c><c><v>43890</v></c></row>` }],
    });
    const raw = readXlsx(bytes);
    expect(raw.date1904).toBe(true);
    expect(raw.tables[0].values).toEqual([[43890, 43890]]);
  });

  it("tells veryHidden sheets as hidden and finds tables through each sheet's relationships", () => {
    const bytes = handXlsx({
      sheets: [
        {
          name: "人员",
          state: "veryHidden",
          rows: `<row><c t="inlineStr"><is><t>姓名</t></is></c></row><row><c t="inlineStr"><is><t>张三</t></is></c></row>`,
        },
        {
          name: "活动记录",
          rows: `<row r="2"><c r="B2" t="inlineStr"><is><t>日期</t></is></c><c r="C2" t="inlineStr"><is><t>名称</t></is></c></row><row r="3"><c r="B3"><v>45000</v></c></row><row r="9"><c r="F9"><v>7</v></c></row>`,
          tables: [{ name: "活动", ref: "B2:C1048576" }],
        },
      ],
    });
    const x = readXlsxWorkbook(bytes);
    expect(x.sheets.map((s) => s.hidden)).toEqual([true, false]);
    const raw = toRawWorkbook(x);
    expect(raw.hiddenSheets).toEqual(["人员"]);
    // A table declared down to the last row stops at the sheet's last used row.
    expect(raw.tables[1]).toEqual({
      sheet: "活动记录",
      table: "活动",
      top: 1,
      left: 1,
      values: [["日期", "名称"], [45000, ""], ...Array.from({ length: 6 }, () => ["", ""])],
      merges: [],
      headerRows: 1,
      totalsRows: 0,
      around: { tables: [{ top: 1, left: 1, bottom: 1048575, right: 2 }], regions: [{ top: 1, left: 1, values: x.sheets[1].cells }] },
    });
  });

  it("hands no region around a table that holds the whole used range, and one around a table with cells beside it", () => {
    const rows = (extra: string) =>
      `<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>名称</t></is></c></row>` +
      `<row r="2"><c r="A2"><v>45000</v></c><c r="B2" t="inlineStr"><is><t>甲</t></is></c>${extra}</row>`;
    const bytes = handXlsx({
      sheets: [
        { name: "整表", rows: rows(""), tables: [{ name: "整表", ref: "A1:B1048576" }] },
        { name: "旁有", rows: rows(`<c r="D2" t="inlineStr"><is><t>备注</t></is></c>`), tables: [{ name: "旁有", ref: "A1:B2" }] },
      ],
    });
    const x = readXlsxWorkbook(bytes);
    const [whole, beside] = toRawWorkbook(x).tables;
    // Nothing can lie outside a table that covers every used row and column: core then has no region to walk.
    expect(whole.around).toEqual({ tables: [{ top: 0, left: 0, bottom: 1048575, right: 1 }], regions: [] });
    expect(beside.around).toEqual({
      tables: [{ top: 0, left: 0, bottom: 1, right: 1 }],
      regions: [{ top: 0, left: 0, values: x.sheets[1].cells }],
    });
  });

  it("reads only the sheets wantSheet asks for, telling it each sheet's table names", () => {
    const bytes = handXlsx({
      sheets: [
        { name: "封面", rows: `<row><c><v>1</v></c></row>` },
        { name: "保函", rows: `<row><c><v>2</v></c></row>`, tables: [{ name: "保函表", ref: "A1:A1" }] },
      ],
    });
    const asked: [string, string[]][] = [];
    const x = readXlsxWorkbook(bytes, { wantSheet: (name, tables) => (asked.push([name, tables]), name !== "封面") });
    expect(asked).toEqual([
      ["封面", []],
      ["保函", ["保函表"]],
    ]);
    expect(x.sheets[0].cells).toEqual([]);
    expect(x.sheets[0].skipped).toBe(true);
    expect(toRawWorkbook(x).tables.map((t) => t.table)).toEqual(["保函表"]);
  });

  it("finds parts however the generator spelled their paths (absolute targets, letter case)", () => {
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const bytes = handXlsx({
      sheets: [{ name: "S", rows: `<row><c><v>5</v></c></row>` }],
      extra: {
        "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/XL/Worksheets/Sheet1.xml"/></Relationships>`,
      },
    });
    expect(readXlsx(bytes).tables[0].values).toEqual([[5]]);
  });

  it("reads a sheet written in UTF-16", () => {
    const xml = worksheet(`<row><c t="inlineStr"><is><t>中文</t></is></c></row>`).replace("UTF-8", "UTF-16");
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    const bytes = handXlsx({ sheets: [{ name: "S", rows: "" }] });
    // Swap the sheet part for its UTF-16 form by rebuilding with the raw bytes.
    const { unzipSync, zipSync } = jest.requireActual("fflate") as typeof import("fflate");
    const files = unzipSync(bytes);
    files["xl/worksheets/sheet1.xml"] = utf16;
    expect(readXlsx(zipSync(files)).tables[0].values).toEqual([["中文"]]);
  });
});
