import { compareReading, looksLikeWorkbook } from "../../src/web/files";
import type { OpenedFile } from "../../src/web/file-source";

const file = (over: Partial<OpenedFile>): OpenedFile => ({
  name: "台账.xlsx",
  lastModified: 1_000,
  size: 3,
  bytes: new Uint8Array([1, 2, 3]),
  ...over,
});

describe("reading the workbook again", () => {
  it("says unchanged when the time and every byte are the same", () => {
    expect(compareReading(file({}), file({})).kind).toBe("unchanged");
  });

  it("says changed when the file was saved again, even with the same size", () => {
    expect(compareReading(file({}), file({ lastModified: 2_000, bytes: new Uint8Array([1, 2, 4]) })).kind).toBe("changed");
  });

  it("says changed when the bytes differ though the time does not (a copy put over it)", () => {
    expect(compareReading(file({}), file({ bytes: new Uint8Array([9, 2, 3]) })).kind).toBe("changed");
  });

  it("says another file when the clerk, asked to choose it again, chose a different name", () => {
    expect(compareReading(file({}), file({ name: "别的.xlsx" })).kind).toBe("other");
  });

  it("through a kept handle is always the same file, even when it was renamed", () => {
    const handle = { kind: "file" as const, name: "新名.xlsx", getFile: async () => new File([], "新名.xlsx") };
    expect(compareReading(file({}), file({ name: "新名.xlsx", handle })).kind).toBe("unchanged");
  });
});

describe("what the page takes as a workbook", () => {
  it("is an .xlsx in any case, and not .xls, .et or a report", () => {
    expect(["a.xlsx", "B.XLSX"].every(looksLikeWorkbook)).toBe(true);
    expect(["a.xls", "a.et", "报告.docx", "a.xlsx.zip"].some(looksLikeWorkbook)).toBe(false);
  });
});
