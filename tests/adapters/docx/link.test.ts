import fc from "fast-check";
import { LINK_NAMESPACE, linkRecordToXml, parseLinkRecord, sanitizeXmlText, slotIdFromTag, slotTag } from "../../../src/core/link";
import type { LinkRecord } from "../../../src/core/types";
import { fixtureLink } from "./fixture";

const HOSTILE = "a<b>&c\"d'e ]]> f\tg\nh\r\ni\rj 😀 \u200F\u202Eرتل\u202C  ";

function withText(text: string): LinkRecord {
  return {
    version: 1,
    workbookId: text,
    workbookName: text,
    templateId: text,
    period: { start: text, end: text },
    scope: text,
    generatedAt: text,
    figures: [
      { id: text, name: text, value: null, text, fingerprint: text, ledger: text, conditions: text, rows: 0 },
      { id: "plain", name: "", value: -0.125, text: "", fingerprint: "", ledger: null, conditions: "", rows: 3 },
    ],
  };
}

function roundTrip(r: LinkRecord) {
  const parsed = parseLinkRecord(linkRecordToXml(r));
  if (!parsed.ok) throw new Error(`${parsed.reason}: ${parsed.messageEn}`);
  return parsed.record;
}

describe("the link record", () => {
  test("reads back exactly what was written for a generated report", () => {
    const link = fixtureLink();
    expect(roundTrip(link)).toEqual(link);
  });

  test("is stored in the ledger-report namespace with version 1", () => {
    const xml = linkRecordToXml(fixtureLink());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    expect(xml).toContain(`<link xmlns="${LINK_NAMESPACE}" version="1">`);
    expect(LINK_NAMESPACE).toBe("urn:ledger-report:link:1");
  });

  test("keeps markup characters, ]]>, tabs, line breaks, carriage returns, emoji and bidi marks in every field", () => {
    const record = withText(HOSTILE);
    const xml = linkRecordToXml(record);
    expect(xml).not.toContain("]]>");
    expect(roundTrip(record)).toEqual(record);
  });

  test("keeps a missing value and a missing ledger apart from zero and the empty string", () => {
    const back = roundTrip(withText(""));
    expect(back.figures[0].value).toBeNull();
    expect(back.figures[0].ledger).toBe("");
    expect(back.figures[1].ledger).toBeNull();
    expect(back.figures[1].value).toBe(-0.125);
  });

  test("drops characters XML cannot hold and keeps the rest", () => {
    const dirty = "1\u0000 2\u0008\u000B\u001F3\uD800x\uDC00y\uFFFE\uFFFF😀";
    const back = roundTrip(withText(dirty));
    expect(back.scope).toBe("1 23xy😀");
    expect(back.figures[0].text).toBe("1 23xy😀");
  });

  test("reads back any string, cleaned of what XML 1.0 cannot hold", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.double({ noNaN: true }), (s, value) => {
        const record = withText(s);
        record.figures[1].value = Object.is(value, -0) ? 0 : value;
        const back = roundTrip(record);
        expect(back.figures[0].name).toBe(sanitizeXmlText(s));
        expect(back.workbookId).toBe(sanitizeXmlText(s));
        expect(back.figures[1].value).toBe(record.figures[1].value);
      }),
      { numRuns: 300 },
    );
  });

  test("tells a part that belongs to someone else from a damaged one", () => {
    const foreign = parseLinkRecord('<?xml version="1.0"?><root xmlns="urn:other"><a/></root>');
    expect(foreign).toMatchObject({ ok: false, reason: "not_link" });
    const noNamespace = parseLinkRecord('<link version="1"/>');
    expect(noNamespace).toMatchObject({ ok: false, reason: "not_link" });
    const broken = parseLinkRecord(`<link xmlns="${LINK_NAMESPACE}" version="1"><workbook`);
    expect(broken).toMatchObject({ ok: false, reason: "malformed" });
    const incomplete = parseLinkRecord(`<link xmlns="${LINK_NAMESPACE}" version="1"><template>x</template></link>`);
    expect(incomplete).toMatchObject({ ok: false, reason: "malformed" });
    if (!incomplete.ok) {
      expect(incomplete.message).toContain("报告关联数据不完整");
      expect(incomplete.messageEn).toContain("incomplete");
    }
  });

  test("says a record from a newer version needs a newer Ledger Report", () => {
    const byAttribute = parseLinkRecord(linkRecordToXml(fixtureLink()).replace('version="1"', 'version="2"'));
    expect(byAttribute).toMatchObject({ ok: false, reason: "newer_version" });
    const byNamespace = parseLinkRecord('<link xmlns="urn:ledger-report:link:2" version="2"/>');
    expect(byNamespace).toMatchObject({ ok: false, reason: "newer_version" });
    if (!byNamespace.ok) {
      expect(byNamespace.message).toBe("此报告由更新版本的台账成文生成，请升级后再刷新数据。");
      expect(byNamespace.messageEn).toBe("This report was made by a newer version of Ledger Report; update it before refreshing figures.");
    }
  });

  test("rejects a figure whose row count is not a number", () => {
    const xml = linkRecordToXml(fixtureLink()).replace('rows="12"', 'rows="twelve"');
    expect(parseLinkRecord(xml)).toMatchObject({ ok: false, reason: "malformed" });
  });
});

describe("slot tags", () => {
  test("prefix the figure id with lr: and read it back", () => {
    expect(slotTag("guarantee.count")).toBe("lr:guarantee.count");
    expect(slotIdFromTag("lr:guarantee.count")).toBe("guarantee.count");
  });

  test("ignore controls that are not ours", () => {
    expect(slotIdFromTag("guarantee.count")).toBeNull();
    expect(slotIdFromTag("lr:")).toBeNull();
    expect(slotIdFromTag("LR:x")).toBeNull();
  });
});

describe("sanitizeXmlText", () => {
  test("keeps tab, line feed, carriage return, paired surrogates and private characters", () => {
    expect(sanitizeXmlText("\t\n\r😀\u00A0\u007F\uFFFD")).toBe("\t\n\r😀\u00A0\u007F\uFFFD");
  });

  test("drops C0 controls, lone surrogates and the two non-characters", () => {
    expect(sanitizeXmlText("a\u0001b\u000Cc\uDBFFd\uDFFFe\uFFFEf\uFFFF")).toBe("abcdef");
    expect(sanitizeXmlText("\uDC00\uD800")).toBe("");
  });
});
