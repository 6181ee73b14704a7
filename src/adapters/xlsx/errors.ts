// Every way a file can fail to read, as one error type with a clerk-facing message in both languages.
import { LocalizedError } from "../../core/errors";

export type XlsxErrorCode =
  | "not_zip"
  | "xls_format"
  | "encrypted"
  | "not_spreadsheet"
  | "truncated"
  | "corrupt"
  | "limit_uncompressed"
  | "limit_cells"
  | "limit_cell_length"
  | "limit_depth"
  | "limit_ratio";

export class XlsxReadError extends LocalizedError {
  declare readonly code: XlsxErrorCode;

  constructor(code: XlsxErrorCode, message: string, messageEn: string, where?: { sheet?: string; cell?: string }) {
    super(code, message, messageEn, where);
    // Keeps `instanceof` working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, XlsxReadError.prototype);
  }
}

const MiB = 1024 * 1024;

function sizeText(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}

/** The messages, in one place so the wording stays consistent across the reader. */
export const fail = {
  notZip: () =>
    new XlsxReadError(
      "not_zip",
      "这不是有效的 .xlsx 工作簿（文件不是 ZIP 格式），请在 Excel 中另存为 .xlsx 后再试",
      "This is not a valid .xlsx workbook (the file is not a ZIP archive); save it as .xlsx in Excel and try again",
    ),
  xls: () =>
    new XlsxReadError(
      "xls_format",
      "这是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 中另存为 .xlsx 后再试",
      "This is an old Excel 97-2003 (.xls) file; save it as .xlsx in Excel and try again",
    ),
  encrypted: () =>
    new XlsxReadError(
      "encrypted",
      "此文件受密码保护，无法读取，请在 Excel 中取消密码后再试",
      "This file is password-protected and cannot be read; remove the password in Excel and try again",
    ),
  /** `kind` names what the file is instead (`Word 文档（.docx）` / `a Word document (.docx)`). */
  notSpreadsheet: (kindZh: string, kindEn: string, adviceZh = "请选择 .xlsx 文件", adviceEn = "choose an .xlsx file") =>
    new XlsxReadError(
      "not_spreadsheet",
      `这是${kindZh}，不是 Excel 工作簿，${adviceZh}`,
      `This is ${kindEn}, not an Excel workbook; ${adviceEn}`,
    ),
  truncated: (detail: string) =>
    new XlsxReadError(
      "truncated",
      `文件不完整（可能在下载或复制时被截断：${detail}），请重新获取完整的文件`,
      `The file is incomplete (probably cut off while downloading or copying: ${detail}); get a complete copy`,
    ),
  corrupt: (detail: string, where?: { sheet?: string; cell?: string }) =>
    new XlsxReadError(
      "corrupt",
      `文件已损坏，无法读取（${detail}），请在 Excel 中打开并另存后再试`,
      `The file is corrupt and cannot be read (${detail}); open it in Excel, save it again and retry`,
      where,
    ),
  uncompressed: (limit: number) =>
    new XlsxReadError(
      "limit_uncompressed",
      `文件解压后超过 ${sizeText(limit)} 的上限（maxUncompressedBytes），无法读取`,
      `The file is larger than the ${sizeText(limit)} uncompressed-size limit (maxUncompressedBytes)`,
    ),
  ratio: (part: string, limit: number) =>
    new XlsxReadError(
      "limit_ratio",
      `文件中的 ${part} 压缩比超过 ${limit}:1 的上限（maxCompressionRatio），疑似恶意文件`,
      `Part ${part} is compressed more than the ${limit}:1 limit (maxCompressionRatio); the file looks malicious`,
    ),
  cells: (sheet: string, limit: number) =>
    new XlsxReadError(
      "limit_cells",
      `工作表「${sheet}」的单元格超过 ${limit} 个的上限（maxCells），无法读取`,
      `Sheet "${sheet}" has more than the ${limit}-cell limit (maxCells)`,
      { sheet },
    ),
  cellLength: (sheet: string, cell: string, limit: number) =>
    new XlsxReadError(
      "limit_cell_length",
      `工作表「${sheet}」单元格 ${cell} 的内容超过 ${limit} 个字符的上限（maxCellChars）`,
      `Cell ${cell} on sheet "${sheet}" holds more than the ${limit}-character limit (maxCellChars)`,
      { sheet, cell },
    ),
  depth: (part: string, limit: number) =>
    new XlsxReadError(
      "limit_depth",
      `文件中的 ${part} XML 嵌套超过 ${limit} 层的上限（maxXmlDepth），疑似恶意文件`,
      `Part ${part} nests XML deeper than the ${limit}-level limit (maxXmlDepth); the file looks malicious`,
    ),
};

/** Anything thrown that is not ours (fflate, saxes, a bug) becomes `corrupt`, so callers see one type. */
export function asXlsxError(e: unknown): XlsxReadError {
  if (e instanceof XlsxReadError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  const text = e instanceof Error ? e.message : String(e);
  // fflate's code 0 is "unexpected EOF": the deflate stream stops before its last block.
  if (code === 0 && /unexpected EOF/i.test(text)) return fail.truncated("unexpected end of compressed data");
  // zlib's word for the same thing.
  if (code === "Z_BUF_ERROR") return fail.truncated("unexpected end of compressed data");
  if (e instanceof RangeError) return fail.corrupt(`out of memory or invalid size: ${text.slice(0, 120)}`);
  return fail.corrupt(text.split("\n")[0].slice(0, 160));
}
