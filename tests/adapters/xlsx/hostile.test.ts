import ExcelJS from "exceljs";
import { crc32 } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import {
  XlsxReadError,
  readXlsx as readWith,
  readXlsxAsync,
  readXlsxWorkbook as readWorkbookWith,
  type ZipCodec,
} from "../../../src/adapters/xlsx";
import { nodeZipCodec } from "../../../src/adapters/xlsx/node-codec";
import { NS, deflatedSpaces, handXlsx, rawZip, worksheet } from "./fixtures";
import { thrown } from "../../helpers/thrown";

function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

async function exceljsFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("电子保函");
  for (let i = 0; i < 300; i++) ws.addRow([i, `单位${i}`, i * 1.5, i % 2 === 0]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const deflatedBySize = new Map<number, Uint8Array>();

/** A workbook whose one sheet inflates to `spaces` bytes of whitespace inside sheetData. */
function bomb(spaces: number, declaredSize?: number): Uint8Array {
  const base = handXlsx({ sheets: [{ name: "炸弹", rows: "" }] });
  const { unzipSync } = jest.requireActual("fflate") as typeof import("fflate");
  const parts = unzipSync(base);
  const prefix = `<worksheet ${NS}><sheetData><row><c><v>1</v></c></row>`;
  const suffix = "</sheetData></worksheet>";
  const data = deflatedBySize.get(spaces) ?? deflatedSpaces(prefix, spaces, suffix);
  deflatedBySize.set(spaces, data);
  return rawZip([
    ...Object.entries(parts)
      .filter(([name]) => name !== "xl/worksheets/sheet1.xml")
      .map(([name, d]) => ({ name, data: d })),
    {
      name: "xl/worksheets/sheet1.xml",
      data,
      method: 8,
      size: declaredSize ?? prefix.length + spaces + suffix.length,
      // Only bombs small enough to be read to the end need a true checksum.
      crc: spaces < 1e7 ? crc32(suffix, crc32(" ".repeat(spaces), crc32(prefix))) : 0,
    },
  ]);
}

// Every hostile file is read twice: with fflate's streaming inflate (the browser) and with Node's
// zlib (the command line); the limits and the messages must not depend on which.
describe.each([
  ["fflate", undefined],
  ["Node's zlib", nodeZipCodec],
] as [string, ZipCodec | undefined][])("reading hostile or wrong files, inflated by %s", (_name, codec) => {
  const readXlsx = (bytes: Uint8Array, opts: Parameters<typeof readWith>[1] = {}) => readWith(bytes, { ...opts, codec });
  const readXlsxWorkbook = (bytes: Uint8Array) => readWorkbookWith(bytes, { codec });

  it("refuses a 600 MB bomb from its declared size before inflating it", () => {
    const bytes = bomb(600 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(5_000_000);
    const err = thrown(XlsxReadError, () => readXlsx(bytes));
    expect(err.code).toBe("limit_uncompressed");
    expect(err.message).toContain("512 MiB");
    expect(err.messageEn).toContain("512 MiB");
  });

  it("stops a bomb that lies about its size while inflating, without holding the output", () => {
    const bytes = bomb(600 * 1024 * 1024, 1000);
    const before = process.memoryUsage().rss;
    const err = thrown(XlsxReadError, () => readXlsx(bytes, { limits: { maxUncompressedBytes: 96 * 1024 * 1024 } }));
    expect(err.code).toBe("limit_uncompressed");
    expect(err.messageEn).toContain("96 MiB");
    expect(process.memoryUsage().rss - before).toBeLessThan(80 * 1024 * 1024);
  });

  it("stops on the compression ratio when a ratio limit is set", () => {
    const err = thrown(XlsxReadError, () => readXlsx(bomb(20 * 1024 * 1024, 1000), { limits: { maxCompressionRatio: 100 } }));
    expect(err.code).toBe("limit_ratio");
    expect(err.messageEn).toContain("100:1");
  });

  it("reads the same bomb's small brother: whitespace is not an error", () => {
    expect(readXlsx(bomb(3 * 1024 * 1024)).tables[0].values).toEqual([[1]]);
  });

  it("calls a file cut off in the middle truncated", async () => {
    const bytes = await exceljsFile();
    expect(thrown(XlsxReadError, () => readXlsx(bytes.subarray(0, Math.floor(bytes.length * 0.6)))).code).toBe("truncated");
    expect(thrown(XlsxReadError, () => readXlsx(bytes.subarray(0, 10))).code).toBe("truncated");
  });

  it("calls a damaged ZIP directory corrupt", async () => {
    const bytes = (await exceljsFile()).slice();
    const view = new DataView(bytes.buffer);
    const eocd = bytes.length - 22;
    const cd = view.getUint32(eocd + 16, true);
    bytes[cd] = 0; // the first directory entry's signature
    expect(thrown(XlsxReadError, () => readXlsx(bytes)).code).toBe("corrupt");
  });

  it("never throws anything but XlsxReadError on a file with damaged bytes", async () => {
    const good = await exceljsFile();
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
    const outcomes = new Set<string>();
    for (let k = 0; k < 150; k++) {
      const bytes = good.slice();
      const flips = 1 + Math.floor(random() * 8);
      for (let f = 0; f < flips; f++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      try {
        readXlsx(bytes);
        outcomes.add("read");
      } catch (e) {
        if (!(e instanceof XlsxReadError)) throw e;
        outcomes.add(e.code);
      }
    }
    expect(outcomes.has("corrupt")).toBe(true);
  });

  it("catches a damaged part the inflater accepts by its checksum", () => {
    const bytes = handXlsx({ sheets: [{ name: "S", rows: `<row><c><v>123</v></c></row>` }] });
    const { unzipSync } = jest.requireActual("fflate") as typeof import("fflate");
    const parts = unzipSync(bytes);
    const sheet = new TextEncoder().encode(new TextDecoder().decode(parts["xl/worksheets/sheet1.xml"]));
    const entries = Object.entries(parts).map(([name, data]) => ({ name, data }));
    const stored = rawZip(entries);
    expect(readXlsx(stored).tables[0].values).toEqual([[123]]);
    // One digit changed in the stored sheet: still well-formed XML, only the checksum knows.
    const at = indexOfBytes(stored, sheet) + new TextDecoder().decode(sheet).indexOf("123");
    stored[at] = "9".charCodeAt(0);
    const err = thrown(XlsxReadError, () => readXlsx(stored));
    expect(err.code).toBe("corrupt");
    expect(err.messageEn).toContain("checksum mismatch in part xl/worksheets/sheet1.xml");
  });

  it("catches a deflated part whose checksum does not match, read here or on zlib's threads", async () => {
    const xml = strToU8(worksheet(`<row><c><v>123</v></c></row>`));
    const { deflateSync } = jest.requireActual("fflate") as typeof import("fflate");
    const { unzipSync } = jest.requireActual("fflate") as typeof import("fflate");
    const parts = unzipSync(handXlsx({ sheets: [{ name: "S", rows: "" }] }));
    const build = (crc: number) =>
      rawZip([
        ...Object.entries(parts)
          .filter(([name]) => name !== "xl/worksheets/sheet1.xml")
          .map(([name, data]) => ({ name, data })),
        { name: "xl/worksheets/sheet1.xml", data: deflateSync(xml), method: 8, size: xml.length, crc },
      ]);
    const good = build(crc32(xml));
    expect((await readXlsxAsync(good, { codec })).tables[0].values).toEqual([[123]]);
    const bad = build((crc32(xml) ^ 1) >>> 0);
    for (const err of [thrown(XlsxReadError, () => readXlsx(bad)), await readXlsxAsync(bad, { codec }).catch((e: XlsxReadError) => e)]) {
      expect(err).toBeInstanceOf(XlsxReadError);
      expect((err as XlsxReadError).messageEn).toContain("checksum mismatch in part xl/worksheets/sheet1.xml");
    }
  });

  it("refuses a ZIP holding two parts of the same name", () => {
    const bytes = handXlsx({ sheets: [{ name: "S", rows: `<row><c><v>1</v></c></row>` }] });
    const { unzipSync } = jest.requireActual("fflate") as typeof import("fflate");
    const entries = Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));
    entries.push({ name: "xl/worksheets/sheet1.xml", data: strToU8(worksheet(`<row><c><v>2</v></c></row>`)) });
    expect(thrown(XlsxReadError, () => readXlsx(rawZip(entries))).messageEn).toContain("two parts named xl/worksheets/sheet1.xml");
  });

  it("names a Word document renamed to .xlsx as a Word document", () => {
    const docx = zipSync({
      "[Content_Types].xml": strToU8(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
      "_rels/.rels": strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
      "word/document.xml": strToU8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`),
    });
    const err = thrown(XlsxReadError, () => readXlsx(docx, { name: "述职报告.xlsx" }));
    expect(err.code).toBe("not_spreadsheet");
    expect(err.message).toBe("「述职报告.xlsx」：这是 Word 文档（.docx），不是 Excel 工作簿，请选择 .xlsx 文件");
    expect(err.messageEn).toBe('"述职报告.xlsx": This is a Word document (.docx), not an Excel workbook; choose an .xlsx file');
  });

  it("calls a ZIP without a workbook not a spreadsheet", () => {
    const err = thrown(XlsxReadError, () => readXlsx(zipSync({ "readme.txt": strToU8("hello") })));
    expect(err.code).toBe("not_spreadsheet");
    expect(err.messageEn).toContain("xl/workbook.xml");
  });

  it("calls random bytes and empty input not a ZIP", () => {
    let seed = 7;
    const bytes = Uint8Array.from({ length: 4096 }, () => ((seed = (seed * 69069 + 1) >>> 0), seed >>> 24));
    bytes[0] = 0x12;
    expect(thrown(XlsxReadError, () => readXlsx(bytes)).code).toBe("not_zip");
    expect(thrown(XlsxReadError, () => readXlsx(new Uint8Array(0))).code).toBe("not_zip");
    expect(thrown(XlsxReadError, () => readXlsx(strToU8("姓名,金额\n张三,1\n"))).code).toBe("not_zip");
  });

  it("tells an old .xls from a password-protected .xlsx by the OLE directory", () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const xls = thrown(XlsxReadError, () => readXlsx(ole));
    expect(xls.code).toBe("xls_format");
    expect(xls.message).toContain("97-2003 (.xls)");
    const name = "EncryptedPackage";
    for (let i = 0; i < name.length; i++) ole[1024 + 2 * i] = name.charCodeAt(i);
    const enc = thrown(XlsxReadError, () => readXlsx(ole));
    expect(enc.code).toBe("encrypted");
    expect(enc.message).toContain("请在 Excel 中取消密码后再试");
  });

  it("refuses deeply nested XML in the workbook part and in a sheet", () => {
    const nest = (n: number) => "<a>".repeat(n) + "</a>".repeat(n);
    const inWorkbook = handXlsx({
      sheets: [{ name: "S", rows: "" }],
      extra: { "xl/workbook.xml": `<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>${nest(5000)}</workbook>` },
    });
    const e1 = thrown(XlsxReadError, () => readXlsx(inWorkbook));
    expect(e1.code).toBe("limit_depth");
    expect(e1.messageEn).toContain("xl/workbook.xml");
    const inSheet = handXlsx({ sheets: [{ name: "S", xml: worksheet(`<row><c><v>1</v></c></row>`, nest(100000)) }] });
    expect(thrown(XlsxReadError, () => readXlsx(inSheet)).code).toBe("limit_depth");
  });

  it("refuses a 40 000-character cell, naming its sheet and cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("共建单位");
    ws.getCell("A1").value = "单位";
    ws.getCell("B2").value = "长".repeat(40000);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const err = thrown(XlsxReadError, () => readXlsx(bytes));
    expect(err.code).toBe("limit_cell_length");
    expect(err.message).toBe("工作表「共建单位」单元格 B2 的内容超过 32767 个字符的上限（maxCellChars）");
    expect([err.sheet, err.cell]).toEqual(["共建单位", "B2"]);
  });

  it("refuses more cells than the cell limit, and a used range too large to fill", () => {
    const rows = Array.from({ length: 20 }, (_, r) => `<row><c><v>${r}</v></c><c><v>${r}</v></c></row>`).join("");
    const err = thrown(XlsxReadError, () => readXlsx(handXlsx({ sheets: [{ name: "人员", rows }] }), { limits: { maxCells: 30 } }));
    expect(err.code).toBe("limit_cells");
    expect(err.message).toContain("「人员」");
    expect(err.message).toContain("30");
    const far = handXlsx({
      sheets: [{ name: "远", rows: `<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>` }],
    });
    expect(thrown(XlsxReadError, () => readXlsxWorkbook(far)).code).toBe("limit_cells");
  });
});

describe("reading with the sheets inflated on zlib's threads", () => {
  it("refuses or reads every hostile file as the synchronous fflate read does", async () => {
    const files = [
      bomb(600 * 1024 * 1024),
      bomb(600 * 1024 * 1024, 1000),
      bomb(3 * 1024 * 1024),
      (await exceljsFile()).subarray(0, 3000),
      await exceljsFile(),
    ];
    const outcome = async (read: () => unknown) => {
      try {
        await read();
        return "read";
      } catch (e) {
        return e instanceof XlsxReadError ? e.code : `not an XlsxReadError: ${String(e)}`;
      }
    };
    const limits = { maxUncompressedBytes: 96 * 1024 * 1024 };
    const reference: string[] = [];
    const threaded: string[] = [];
    for (const bytes of files) {
      reference.push(await outcome(() => readWith(bytes, { limits })));
      threaded.push(await outcome(() => readXlsxAsync(bytes, { codec: nodeZipCodec, limits })));
    }
    expect(reference).toEqual(["limit_uncompressed", "limit_uncompressed", "read", "truncated", "read"]);
    expect(threaded).toEqual(reference);
  });
});
