// 更新已有报告 reads the clerk's file once: the review replans per choice and the save patches that
// plan — the same file the one-shot refresh (the CLI's) writes with the same choices.
import { renderDocx } from "../../../../src/adapters/docx";
import * as patch from "../../../../src/adapters/docx/patch";
import { prepareRefresh, refreshDocx } from "../../../../src/adapters/docx/refresh";
import { runEngine } from "../../../../src/core/engine";
import { editControl, laterWorkbook, sampleWorkbook, unzipText, withDocumentXml } from "./clerk";

const GENERATED = "2023-01-05T01:30:00.000Z";
const REFRESHED = "2023-02-05T01:30:00.000Z";
const EDITED = "partners.count";

async function editedReport(): Promise<Uint8Array> {
  const first = runEngine(sampleWorkbook(), { generatedAt: GENERATED });
  const bytes = await renderDocx(first.report, first.link);
  const text = first.link.figures.find((f) => f.id === EDITED)!.text;
  const xml = unzipText(bytes).text("word/document.xml");
  return withDocumentXml(
    bytes,
    editControl(xml, EDITED, (sdt) => sdt.replace(`>${text}</w:t>`, ">十一</w:t>")),
  );
}

describe("prepareRefresh", () => {
  let report: Uint8Array;
  beforeAll(async () => {
    report = await editedReport();
  });

  test("reads the report file once however often the clerk changes a choice and saves", () => {
    const read = jest.spyOn(patch, "readLinkedDocx");
    const refresh = prepareRefresh(laterWorkbook(), report, { generatedAt: REFRESHED });
    refresh.patch(refresh.replan({ [EDITED]: "take" }));
    refresh.patch(refresh.replan({ [EDITED]: "keep" }));
    expect(read).toHaveBeenCalledTimes(1);
    read.mockRestore();
  });

  test("gives the document's previous link record, so the review names figures without reading again", () => {
    const refresh = prepareRefresh(laterWorkbook(), report, { generatedAt: REFRESHED });
    expect(refresh.previous.generatedAt).toBe(GENERATED);
    expect(refresh.previous.figures.some((f) => f.id === EDITED)).toBe(true);
  });

  test("a replanned choice writes the same file as the one-shot refresh with that choice", () => {
    const refresh = prepareRefresh(laterWorkbook(), report, { generatedAt: REFRESHED });
    expect(refresh.plan.conflicts.map((c) => c.id)).toContain(EDITED);
    for (const choice of ["take", "keep"] as const) {
      const plan = refresh.replan({ [EDITED]: choice });
      const once = refreshDocx(laterWorkbook(), report, { generatedAt: REFRESHED, choices: { [EDITED]: choice } });
      expect(plan).toEqual(once.plan);
      expect(unzipText(refresh.patch(plan)).text("word/document.xml")).toBe(unzipText(once.bytes).text("word/document.xml"));
    }
  });
});
