import { createSimulatedWord, installSimulatedWordOffice, rootNamespace, type SimulatedWord } from "../../src/simulated-host/word";
import { generatedReport } from "../adapters/word/fixture";
import { WORD_MADE_DOCUMENT, wordMadePackage } from "../adapters/docx/word-made";

let sim: SimulatedWord;
let reportBytes: Uint8Array;

beforeAll(async () => {
  ({ bytes: reportBytes } = await generatedReport());
});
beforeEach(() => {
  sim = createSimulatedWord(reportBytes, { supportedSets: { WordApi: "1.4" } });
});

describe("the simulated Word host", () => {
  test("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    await expect(
      sim.Word.run(async (context) => {
        const controls = context.document.body.contentControls;
        controls.load("items/tag");
        await context.sync();
        return controls.items[0].text;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded", name: "RichApi.Error" });
    await expect(
      sim.Word.run(async (context) => {
        const part = context.document.customXmlParts.getByNamespace("urn:ledger-report:link:1").getOnlyItem();
        const xml = part.getXml();
        return xml.value;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("reads every property of a content control only after its load and sync, and still writes the ones Word lets a caller set", async () => {
    const names = ["id", "tag", "title", "text", "cannotDelete", "cannotEdit", "type", "appearance"] as const;
    await sim.Word.run(async (context) => {
      const control = context.document.body.contentControls.getFirst();
      for (const name of names) expect(() => control[name]).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      control.load();
      await context.sync();
      for (const name of names) expect({ [name]: control[name] }).not.toEqual({ [name]: undefined });
      control.title = "改过的标题";
      control.cannotDelete = true;
      control.load("title,cannotDelete");
      await context.sync();
      expect([control.title, control.cannotDelete]).toEqual(["改过的标题", true]);
    });
  });

  test("counts one round trip per sync with queued work, and none for an empty one", async () => {
    await sim.Word.run(async (context) => {
      await context.sync();
      context.document.body.load("text");
      await context.sync();
      context.document.body.contentControls.load("items/tag");
      await context.sync();
    });
    expect(sim.stats.syncs).toBe(2);
  });

  test("throws ApiNotFound for a method newer than the configured requirement sets", async () => {
    await expect(
      sim.Word.run(async (context) => {
        context.document.insertFileFromBase64("", "Replace");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    const old = createSimulatedWord(reportBytes, { supportedSets: { WordApi: "1.3" } });
    await expect(old.Word.run(async (context) => context.document.customXmlParts.load("items"))).rejects.toMatchObject({
      code: "ApiNotFound",
    });
    expect(old.commonCustomXmlParts).toBeUndefined();
  });

  test("replaces a control's text with insertText Replace and keeps the control, its id, tag and title", async () => {
    const before = sim.document.controls().find((c) => c.tag === "lr:eg.count")!;
    await sim.Word.run(async (context) => {
      context.document.body.contentControls.getById(before.id).insertText("99", "Replace");
      await context.sync();
    });
    const after = sim.document.controls().find((c) => c.tag === "lr:eg.count")!;
    expect(after).toEqual({ ...before, text: "99", current: "99" });
    expect(sim.document.paragraphs().some((p) => p.includes("共开立投标保证电子保函99笔"))).toBe(true);
  });

  test("runs a batch in order: a load queued before a write sees the text before it", async () => {
    const id = sim.document.controls().find((c) => c.tag === "lr:eg.count")!.id;
    const seen = await sim.Word.run(async (context) => {
      const control = context.document.body.contentControls.getById(id);
      control.load("text");
      control.insertText("7", "Replace");
      const after = context.document.body.contentControls.getById(id).load("text");
      await context.sync();
      return [control.text, after.text];
    });
    expect(seen).toEqual(["2", "7"]);
  });

  test("rejects the sync with ItemNotFound when a control addressed by id is gone", async () => {
    const id = sim.document.controls().find((c) => c.tag === "lr:partners.count")!.id;
    sim.document.deleteControl("lr:partners.count");
    await expect(
      sim.Word.run(async (context) => {
        context.document.body.contentControls.getById(id).insertText("5", "Replace");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(sim.stats.failedSyncs).toBe(1);
  });

  test("refuses to delete a control locked against deletion, as sdtLocked does", async () => {
    await expect(
      sim.Word.run(async (context) => {
        context.document.body.contentControls.getByTag("lr:eg.count").getFirst().delete(false);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(sim.document.controls().filter((c) => c.tag === "lr:eg.count")).toHaveLength(1);
  });

  test("lets the clerk delete a figure with its text, or keep the text and drop only the control", () => {
    const paragraphCount = sim.document.paragraphs().length;
    sim.document.deleteControl("lr:eg.count");
    expect(sim.document.paragraphs().some((p) => p.includes("共开立投标保证电子保函笔"))).toBe(true);
    sim.document.deleteControl("lr:eg.firms", 0, true);
    expect(sim.document.paragraphs().some((p) => p.includes("服务企业2家"))).toBe(true);
    expect(sim.document.controls().map((c) => c.tag)).not.toContain("lr:eg.firms");
    expect(sim.document.paragraphs()).toHaveLength(paragraphCount);
  });

  test("finds getByTag in document order, counting a figure used twice", async () => {
    const texts = await sim.Word.run(async (context) => {
      const cities = context.document.body.contentControls.getByTag("lr:setting.city").load("items/text,items/title");
      await context.sync();
      return cities.items.map((c) => `${c.title}:${c.text}`);
    });
    expect(texts).toEqual(["城市:某市", "城市:某市"]);
  });

  test("names the root namespace of a custom XML part, with or without a prefix", () => {
    expect(rootNamespace('<?xml version="1.0"?><link xmlns="urn:a"/>')).toBe("urn:a");
    expect(rootNamespace('<p:x xmlns:p="urn:b" xmlns="urn:c"><y/></p:x>')).toBe("urn:b");
    expect(rootNamespace("not xml")).toBeNull();
  });

  test("installs Office for host Word and restores the globals it replaced", async () => {
    const g: Record<string, unknown> = { Word: "previous" };
    const uninstall = installSimulatedWordOffice(g, sim, { language: "en-US" });
    const office = g.Office as {
      onReady(): Promise<{ host: string }>;
      context: { displayLanguage: string; requirements: { isSetSupported(n: string, v: string): boolean } };
    };
    expect((await office.onReady()).host).toBe("Word");
    expect(office.context.displayLanguage).toBe("en-US");
    expect([
      office.context.requirements.isSetSupported("WordApi", "1.4"),
      office.context.requirements.isSetSupported("WordApi", "1.5"),
    ]).toEqual([true, false]);
    expect(g.Word).toBe(sim.Word);
    uninstall();
    expect(g).toEqual({ Word: "previous" });
  });
});

describe("the simulated Word host under Track Changes", () => {
  test("keeps replaced text as a tracked deletion: in ContentControl.text and the OOXML, not in getReviewedText('Current')", async () => {
    const tracked = createSimulatedWord(reportBytes, { changeTracking: true });
    const id = tracked.document.controls().find((c) => c.tag === "lr:eg.count")!.id;
    const seen = await tracked.Word.run(async (context) => {
      const control = context.document.body.contentControls.getById(id);
      control.insertText("3", "Replace");
      control.load("text");
      const current = control.getReviewedText("Current");
      const original = control.getReviewedText("Original");
      const ooxml = control.getOoxml();
      context.document.load("changeTrackingMode");
      await context.sync();
      return {
        text: control.text,
        current: current.value,
        original: original.value,
        ooxml: ooxml.value,
        mode: context.document.changeTrackingMode,
      };
    });
    expect(seen).toMatchObject({ text: "23", current: "3", original: "2", mode: "TrackAll" });
    expect(seen.ooxml).toMatch(
      /<w:del [^>]*><w:r><w:delText xml:space="preserve">2<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">3<\/w:t>/,
    );
    expect(tracked.document.paragraphs().some((p) => p.includes("共开立投标保证电子保函3笔"))).toBe(true);
    tracked.document.acceptAllChanges();
    expect(tracked.document.controls().find((c) => c.id === id)!.text).toBe("3");
  });
});

describe("the simulated Word host's custom XML parts, as Word keeps them", () => {
  test("silently keeps the old XML when setXml is given a payload with an XML declaration (office-js#1643), unless told to apply it", async () => {
    const write = async (s: SimulatedWord, xml: string) =>
      s.Word.run(async (context) => {
        const part = context.document.customXmlParts.getByNamespace("urn:ledger-report:link:1").getOnlyItem();
        part.setXml(xml);
        await context.sync();
      });
    const before = sim.document.customXmlParts()[0].xml;
    const next = `<?xml version="1.0"?><link xmlns="urn:ledger-report:link:1" version="1"/>`;
    await write(sim, next);
    expect(sim.document.customXmlParts()[0].xml).toBe(before);
    expect(sim.stats.failedSyncs).toBe(0);
    await write(sim, next.replace(/^<\?xml[^>]*>/, ""));
    expect(sim.document.customXmlParts()[0].xml).toBe(`<link xmlns="urn:ledger-report:link:1" version="1"/>`);
    const lenient = createSimulatedWord(reportBytes, { xmlDeclarationUpdates: "applied" });
    await write(lenient, next);
    expect(lenient.document.customXmlParts()[0].xml).toBe(next);
  });

  test("answers an empty namespace's items as undefined when told to, as Word on the web did (office-js#6673)", async () => {
    const web = createSimulatedWord(undefined, { emptyScopedItems: "undefined" });
    const items = await web.Word.run(async (context) => {
      const scoped = context.document.customXmlParts.getByNamespace("urn:none");
      scoped.load("items");
      await context.sync();
      return scoped.items;
    });
    expect(items).toBeUndefined();
  });
});

describe("ContentControl.parentTableCellOrNullObject (WordApi 1.3)", () => {
  const control = (tag: string) =>
    `<w:sdt><w:sdtPr><w:tag w:val="${tag}"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>${tag}</w:t></w:r></w:p></w:sdtContent></w:sdt>`;
  const body =
    control("in-body") +
    `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr>` +
    `<w:tc><w:tcPr><w:tcW w:w="4300" w:type="dxa"/></w:tcPr>${control("own-width")}<w:p/></w:tc>` +
    `<w:tc>${control("grid-width")}<w:p/></w:tc></w:tr></w:tbl><w:p/>`;

  test("gives the cell a control stands in with its column width in points (its w:tcW, else its grid column), and a null object in the body", async () => {
    const word = createSimulatedWord(wordMadePackage(WORD_MADE_DOCUMENT.replace(/<w:body>[\s\S]*?(<w:sectPr)/, `<w:body>${body}$1`)), {
      supportedSets: { WordApi: "1.3" },
    });
    const cells = await word.Word.run(async (context) => {
      const controls = context.document.contentControls;
      controls.load("items/tag");
      await context.sync();
      const found = controls.items.map((c) => {
        const cell = c.parentTableCellOrNullObject;
        cell.load("columnWidth");
        return { tag: c.tag, cell };
      });
      await context.sync();
      return found.map(({ tag, cell }) => [tag, cell.isNullObject ? null : cell.columnWidth]);
    });
    expect(cells).toEqual([
      ["in-body", null],
      ["own-width", 4300 / 20],
      ["grid-width", 2000 / 20],
    ]);
  });
});

describe("Range.getBookmarks (WordApi 1.4), on the bookmarks a file opens with", () => {
  const body =
    `<w:p><w:bookmarkStart w:id="1" w:name="lr_eg_count"/><w:r><w:t>3372</w:t></w:r><w:bookmarkEnd w:id="1"/>` +
    `<w:r><w:t> 笔，</w:t></w:r><w:bookmarkStart w:id="2" w:name="_GoBack"/><w:r><w:t>另</w:t></w:r><w:bookmarkEnd w:id="2"/>` +
    `<w:bookmarkStart w:id="3" w:name="mine"/><w:r><w:t>备注</w:t></w:r><w:bookmarkEnd w:id="3"/></w:p>`;
  const file = () => wordMadePackage(WORD_MADE_DOCUMENT.replace(/<w:body>[\s\S]*?(<w:sectPr)/, `<w:body>${body}$1`));
  const names = (word: SimulatedWord, includeHidden?: boolean) =>
    word.Word.run(async (context) => {
      const found = context.document.body.getRange("Whole").getBookmarks(includeHidden);
      await context.sync();
      return found.value;
    });

  test("names the file's bookmarks in document order, the hidden ones (a leading _) only when asked", async () => {
    const word = createSimulatedWord(file(), { supportedSets: { WordApi: "1.4" } });
    expect(await names(word)).toEqual(["lr_eg_count", "mine"]);
    expect(await names(word, true)).toEqual(["lr_eg_count", "_GoBack", "mine"]);
  });

  test("is not there below WordApi 1.4", async () => {
    const word = createSimulatedWord(file(), { supportedSets: { WordApi: "1.3" } });
    await expect(names(word)).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
