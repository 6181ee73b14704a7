import { SheetScanner } from "../../../src/adapters/xlsx/sheet-scanner";
import { resolveLimits } from "../../../src/adapters/xlsx/limits";
import type { RawCell } from "../../../src/core/types";
import { XlsxReadError } from "../../../src/adapters/xlsx/errors";

const SST = ["共建单位", "A&B"];

function scan(xml: string, chunk: number, opts: { date1904?: boolean; limits?: Parameters<typeof resolveLimits>[0] } = {}) {
  const cells: [number, number, RawCell][] = [];
  const scanner = new SheetScanner({
    sheet: "电子保函",
    part: "xl/worksheets/sheet1.xml",
    sharedStrings: SST,
    date1904: opts.date1904 ?? false,
    limits: resolveLimits(opts.limits),
    onCell: (r, c, v) => cells.push([r, c, v]),
  });
  const bytes = new TextEncoder().encode(xml);
  for (let i = 0; i < bytes.length; i += chunk) scanner.pushBytes(bytes.subarray(i, i + chunk));
  scanner.finish();
  return { cells, merges: scanner.merges, dimension: scanner.dimension };
}

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!-- a comment with <c r="Z9"><v>9</v></c> inside -->
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:dimension ref="A1:F4"/>
  <x:sheetData>
    <x:row r="1">
      <x:c r="A1" t="s"><x:v>0</x:v></x:c>
      <x:c r="B1" t="s" s="3"><x:v>1</x:v></x:c>
      <x:c r="C1" t="inlineStr"><x:is><x:t xml:space="preserve"> 中文 &lt;b&gt; </x:t></x:is></x:c>
      <x:c r="D1" t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>富</x:t></x:r><x:r><x:t>文本</x:t></x:r><x:rPh sb="0" eb="1"><x:t>フ</x:t></x:rPh></x:is></x:c>
      <x:c r="E1" t="str"><x:f>A1&amp;"x"</x:f><x:v>共建单位x</x:v></x:c>
      <x:c r="F1" s="1"/>
    </x:row>
    <row>
      <c><v>1.5</v></c><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c><c t="n"><v>-2.5E-3</v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c>
    </row>
    <row r="4" attr="a>b">
      <c r="B4" t="d"><v>2024-03-01T12:00:00</v></c>
      <c t="d"><v>1900-01-01</v></c>
      <c t="str"><v><![CDATA[x &amp; <y>]]></v></c>
      <c t="str"><v>&#x4E2D;&#25991;_x000D_</v></c>
      <c><f>SUM(A2)</f></c>
      <c t="inlineStr"><is><t></t></is></c>
    </row>
    <?some-pi data?>
  </x:sheetData>
  <x:mergeCells count="2"><x:mergeCell ref="A1:B1"/><x:mergeCell ref="C3:D4"/></x:mergeCells>
</x:worksheet>`;

const EXPECTED: [number, number, RawCell][] = [
  [0, 0, "共建单位"],
  [0, 1, "A&B"],
  [0, 2, " 中文 <b> "],
  [0, 3, "富文本"],
  [0, 4, "共建单位x"],
  [1, 0, 1.5],
  [1, 1, true],
  [1, 2, false],
  [1, 3, "#N/A"],
  [1, 4, -0.0025],
  [1, 5, "#DIV/0!"],
  [3, 1, 45352.5],
  [3, 2, 1],
  [3, 3, "x &amp; <y>"],
  [3, 4, "中文\r"],
];

describe("the worksheet cell scanner", () => {
  it.each([1, 7, 4096, 1 << 20])("reads every cell type the same way when fed %i bytes at a time", (chunk) => {
    const out = scan(SHEET, chunk);
    expect(out.cells).toEqual(EXPECTED);
    expect(out.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 3 },
    ]);
    expect(out.dimension).toEqual({ top: 0, left: 0, bottom: 3, right: 5 });
  });

  it('converts t="d" dates to 1904-system serials when the workbook uses 1904', () => {
    const out = scan(
      `<worksheet><sheetData><row><c t="d"><v>1904-01-02</v></c><c t="d"><v>2024-03-01</v></c></row></sheetData></worksheet>`,
      3,
      { date1904: true },
    );
    expect(out.cells).toEqual([
      [0, 0, 1],
      [0, 1, 43890],
    ]);
  });

  it("numbers rows without r after the previous row and cells without r after the previous cell", () => {
    const xml = `<worksheet><sheetData><row r="3"><c r="C3"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>`;
    expect(scan(xml, 5).cells).toEqual([
      [2, 2, 1],
      [2, 3, 2],
      [3, 0, 3],
    ]);
  });

  it("keeps numbers exactly as Number() would read them, long or short", () => {
    const values = ["0.1", "45000", "-0.30000000000000004", "1234567890123456789", "1E+300", "3.14159265358979", " 7 "];
    const xml = `<worksheet><sheetData><row>${values.map((v) => `<c><v>${v}</v></c>`).join("")}</row></sheetData></worksheet>`;
    expect(scan(xml, 4096).cells.map((c) => c[2])).toEqual(values.map(Number));
  });

  it("reads literal line breaks as XML does (CR LF → LF) but keeps a CR written as a reference", () => {
    const xml = `<worksheet><sheetData><row><c t="inlineStr"><is><t>a\r\nb\rc&#13;d_x000D_e</t></is></c><c t="str"><v><![CDATA[x\r\ny]]></v></c></row></sheetData></worksheet>`;
    for (const chunk of [1, 3, 4096]) {
      expect(scan(xml, chunk).cells).toEqual([
        [0, 0, "a\nb\nc\rd\re"],
        [0, 1, "x\ny"],
      ]);
    }
  });

  it("reads an empty or blank value as a blank cell, not as zero or the first shared string", () => {
    const xml = `<worksheet><sheetData><row><c><v></v></c><c><v> </v></c><c t="s"><v> </v></c><c t="s"><v/></c><c t="b"><v/></c><c><v>0</v></c></row></sheetData></worksheet>`;
    expect(scan(xml, 4096).cells).toEqual([[0, 5, 0]]);
  });

  it("ignores cells outside sheetData and text outside values", () => {
    const xml = `<worksheet><sheetPr><c r="A1"><v>9</v></c></sheetPr><sheetData><row><c><f>1+1</f><v>2</v></c></row></sheetData><extLst><c><v>5</v></c></extLst></worksheet>`;
    expect(scan(xml, 2).cells).toEqual([[0, 0, 2]]);
  });

  it("stops a cell longer than the character limit, naming the sheet and cell", () => {
    const xml = `<worksheet><sheetData><row r="12"><c r="C12" t="inlineStr"><is><t>${"长".repeat(40000)}</t></is></c></row></sheetData></worksheet>`;
    let err: unknown;
    try {
      scan(xml, 4096);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(XlsxReadError);
    expect((err as XlsxReadError).code).toBe("limit_cell_length");
    expect((err as XlsxReadError).message).toContain("电子保函");
    expect((err as XlsxReadError).message).toContain("C12");
    expect((err as XlsxReadError).messageEn).toContain("32767");
  });

  it("refuses XML nested deeper than the depth limit", () => {
    const xml = `<worksheet>${"<a>".repeat(100)}${"</a>".repeat(100)}</worksheet>`;
    expect(() => scan(xml, 4096)).toThrow(expect.objectContaining({ code: "limit_depth" }));
  });

  it("reads the common cell form on its short path exactly as the general path reads it", () => {
    // Unprefixed `<c …><v>…</v></c>` cells take the short path; the same cells with an `x:` prefix
    // take the general one, so the two must agree at every chunking.
    const cells = [
      `<c r="A1" t="s"><v>0</v></c>`,
      `<c r='B1' s="2" t='s'><v>1</v></c>`,
      `<c\tr="C1"\n t="n"  s="1"><v>45000.5</v></c>`,
      `<c r="D1"><v> 7 </v></c>`,
      `<c r="E1" t="s"><v>9</v></c>`,
      `<c r="F1" t="s"><v> </v></c>`,
      `<c r="G1"><v></v></c>`,
      `<c r="H1"><v>1E+3</v></c>`,
      `<c r="I1" t="s"><v>-1</v></c>`,
      `<c r="J1"><v>&#49;2</v></c>`,
      `<c r="K1" t="str"><v>12</v></c>`,
      `<c r="L1" t="s" r="Z9"><v>0</v></c>`,
      `<c><v>3</v></c>`,
      `<c r="AA1"/>`,
      `<c><v>4</v></c>`,
    ].join("");
    const plain = `<worksheet><sheetData><row r="1">${cells}</row><row><c t="s"><v>1</v></c></row></sheetData></worksheet>`;
    const prefixed = plain.replace(/<(\/?)(worksheet|sheetData|row|c|v)\b/g, "<$1x:$2");
    const general = scan(prefixed, 1 << 20).cells;
    expect(general).toEqual([
      [0, 0, "共建单位"],
      [0, 1, "A&B"],
      [0, 2, 45000.5],
      [0, 3, 7],
      [0, 7, 1000],
      [0, 9, 12],
      [0, 10, "12"],
      [0, 11, "共建单位"],
      [0, 12, 3],
      [0, 27, 4],
      [1, 0, "A&B"],
    ]);
    for (const chunk of [1, 2, 5, 13, 64, 1 << 20]) expect(scan(plain, chunk).cells).toEqual(general);
  });

  it("reports a sheet whose XML stops mid-way as corrupt", () => {
    expect(() => scan(`<worksheet><sheetData><row><c><v>1</v>`, 4096)).toThrow(expect.objectContaining({ code: "corrupt" }));
  });
});

describe("the scanner's sink", () => {
  function sinkScan(xml: string, sharedStrings: (string | null)[]) {
    const got: string[] = [];
    const scanner = new SheetScanner({
      sheet: "电子保函",
      part: "xl/worksheets/sheet1.xml",
      sharedStrings,
      date1904: false,
      limits: resolveLimits({ maxCellChars: 5 }),
      sink: {
        number: (r, c, v) => got.push(`${r},${c} number ${v}`),
        shared: (r, c, i) => got.push(`${r},${c} shared ${i}`),
        value: (r, c, v) => got.push(`${r},${c} value ${String(v)}`),
      },
    });
    scanner.pushText(xml);
    scanner.finish();
    return got;
  }
  const sheet = (cells: string) => `<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;

  it("hands a shared string on as its index, by the fast and the general path alike", () => {
    // B1 has a formula, so the general path reads it.
    const got = sinkScan(sheet(`<c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><f>X</f><v>1</v></c><c r="C1"><v>7</v></c>`), ["a", "b"]);
    expect(got).toEqual(["0,0 shared 1", "0,1 shared 1", "0,2 number 7"]);
  });

  it("leaves out a shared string that is empty or past the table, as a blank cell", () => {
    const got = sinkScan(sheet(`<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>9</v></c><c r="C1" t="s"><f>X</f><v>0</v></c>`), [""]);
    expect(got).toEqual([]);
  });

  it("names the cell whose shared string is too long, whichever path reads it", () => {
    expect(() => sinkScan(sheet(`<c r="B1" t="s"><v>0</v></c>`), [null])).toThrow(/B1/);
    expect(() => sinkScan(sheet(`<c r="C1" t="s"><f>X</f><v>0</v></c>`), [null])).toThrow(/C1/);
  });

  it("hands on everything else as its value", () => {
    const got = sinkScan(sheet(`<c r="A1" t="b"><v>1</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c>`), []);
    expect(got).toEqual(["0,0 value true", "0,1 value x"]);
  });
});
