import { officeRequirements, paneSupported, platformOf } from "../../../src/adapters/office/requirements";

/** An Office.context with the given requirement sets, e.g. { ExcelApi: "1.9" }. */
function contextWith(sets: Record<string, string>, platform?: string): Office.Context {
  // Requirement-set versions compare by minor number: 1.14 is after 1.9.
  const minor = (v: string) => Number(v.split(".")[1]);
  const isSetSupported = (name: string, version: string) => sets[name] !== undefined && minor(sets[name]) >= minor(version);
  return { requirements: { isSetSupported }, platform } as unknown as Office.Context;
}

describe("requirement-set checks", () => {
  it("answers from the host's requirements where Office has them", () => {
    const can = officeRequirements(false, () => contextWith({ ExcelApi: "1.9" }));
    expect(can("ExcelApi", "1.7")).toBe(true);
    expect(can("ExcelApi", "1.14")).toBe(false);
    expect(can("WordApi", "1.3")).toBe(false);
  });

  it("answers every set with what the caller assumes when there is no Office to ask", () => {
    expect(officeRequirements(false, () => undefined)("ExcelApi", "1.1")).toBe(false);
    expect(officeRequirements(true, () => undefined)("WordApi", "1.7")).toBe(true);
  });

  it("answers no when the host's check throws, whatever is assumed outside Office", () => {
    const broken = {
      requirements: {
        isSetSupported: () => {
          throw new Error("not loaded");
        },
      },
    } as unknown as Office.Context;
    expect(officeRequirements(true, () => broken)("WordApi", "1.3")).toBe(false);
  });

  it("reads the running Office's requirements by default, at call time", () => {
    const can = officeRequirements(false);
    expect(can("ExcelApi", "1.7")).toBe(false);
    (globalThis as { Office?: unknown }).Office = { context: contextWith({ ExcelApi: "1.7" }) };
    try {
      expect(can("ExcelApi", "1.7")).toBe(true);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  it("starts the Excel pane from ExcelApi 1.7 and the Word pane from WordApi 1.3, and tries outside Office", () => {
    expect(paneSupported("excel", contextWith({ ExcelApi: "1.6" }))).toBe(false);
    expect(paneSupported("excel", contextWith({ ExcelApi: "1.7" }))).toBe(true);
    expect(paneSupported("word", contextWith({ WordApi: "1.2" }))).toBe(false);
    expect(paneSupported("word", contextWith({ WordApi: "1.3" }))).toBe(true);
    expect(paneSupported("word", undefined)).toBe(true);
  });
});

describe("platformOf", () => {
  it("names the platforms Office reports and calls anything else unknown", () => {
    expect(platformOf(contextWith({}, "Mac"))).toBe("Mac");
    expect(platformOf(contextWith({}, "OfficeOnline"))).toBe("OfficeOnline");
    expect(platformOf(contextWith({}, "Holodeck"))).toBe("unknown");
    expect(platformOf(undefined)).toBe("unknown");
  });

  it("falls back to the diagnostics' platform where the context has none", () => {
    expect(platformOf({ diagnostics: { platform: "PC" } } as unknown as Office.Context)).toBe("PC");
  });
});
