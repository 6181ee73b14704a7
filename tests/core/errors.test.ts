import { LocalizedError } from "../../src/core/errors";
import { OtherWorkbookError } from "../../src/core/refresh/recompute";
import { WorkbookSourceError } from "../../src/adapters/excel/shared";
import { XlsxReadError } from "../../src/adapters/xlsx/errors";
import { DocxReadError } from "../../src/adapters/docx/patch";
import { WordLinkError } from "../../src/adapters/word/read";
import { WordInsertError } from "../../src/adapters/word/insert";
import { UsageError } from "../../src/cli/main";

describe("every error the clerk reads", () => {
  const errors: LocalizedError[] = [
    new WorkbookSourceError("excel.sheet_missing", "找不到工作表「人员」", 'Sheet "人员" was not found', { cell: "人员!A2" }),
    new XlsxReadError("corrupt", "文件已损坏", "the file is damaged", { sheet: "人员", cell: "B2" }),
    new DocxReadError("not_docx" as never, "不是 Word 文档", "not a Word document"),
    new WordLinkError("no_link" as never, "文档没有链接记录", "the document has no link record"),
    new WordInsertError("报告太大", "the report is too large"),
    new UsageError("找不到文件：a.xlsx", "file not found: a.xlsx", "file.not_found"),
    new OtherWorkbookError({ report: { id: "r-1", name: "甲.xlsx" }, workbook: { id: "w-2", name: "乙.xlsx" } } as never),
  ];

  it.each(errors.map((e) => [e.constructor.name, e]))("%s is a LocalizedError with a code, Chinese and English text", (name, e) => {
    expect(e).toBeInstanceOf(LocalizedError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(name);
    expect(e.code).toMatch(/^[a-z][a-z_.]*$/);
    expect(e.text("zh")).toBe(e.message);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(e.text("en")).toBe(e.messageEn);
    expect(e.messageEn).toMatch(/[a-z]{3}/);
  });

  it("keeps the sheet, the cell and the cause it was given", () => {
    const cause = new Error("GeneralException");
    const e = new WorkbookSourceError("excel.read_failed", "读取失败", "could not read", { cell: "人员!A2", cause });
    expect([e.cell, (e as { cause?: unknown }).cause]).toEqual(["人员!A2", cause]);
    expect([errors[1].sheet, errors[1].cell]).toEqual(["人员", "B2"]);
  });
});
