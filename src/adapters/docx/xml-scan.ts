// A tag scanner that reports byte-exact offsets, for patching document.xml in place: everything
// outside the spans we replace must stay exactly as Word (or the clerk) left it, which a parse and
// re-serialise would not guarantee. It understands quoted attributes (a `>` inside a value),
// comments, CDATA, processing instructions and the doctype, which is all XML can throw at a tag.
import { tagEnd } from "../../core/xml-markup";

export interface XmlTag {
  kind: "open" | "close" | "empty";
  name: string;
  /** Offset of `<` and of the character after `>`. */
  start: number;
  end: number;
  /** Raw attribute text, for the few attributes we read. */
  attrs: string;
}

export class XmlScanError extends Error {}

/** Calls `onTag` for each element tag in document order; text between tags is left to the caller. */
export function scanTags(xml: string, onTag: (tag: XmlTag) => void): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (xml.startsWith("<!--", lt)) {
      i = skipTo(xml, lt + 4, "-->");
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      i = skipTo(xml, lt + 9, "]]>");
      continue;
    }
    if (next === 63 /* ? */) {
      i = skipTo(xml, lt + 2, "?>");
      continue;
    }
    if (next === 33 /* ! */) {
      i = skipTo(xml, lt + 2, ">");
      continue;
    }
    // Find the closing `>` outside quoted attribute values.
    const j = tagEnd(xml, lt + 1);
    if (j < 0) throw new XmlScanError(`unterminated tag at offset ${lt}`);
    const closing = next === 47; /* / */
    const selfClosing = !closing && xml.charCodeAt(j - 1) === 47 && j - 1 > lt;
    // The name runs from after `<` (or `</`) to the first space, `/` or `>`; read by hand, as this is the hot loop.
    const nameStart = closing ? lt + 2 : lt + 1;
    let k = nameStart;
    for (; k < j; k++) {
      const c = xml.charCodeAt(k);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
    }
    if (k === nameStart) throw new XmlScanError(`malformed tag at offset ${lt}`);
    onTag({
      kind: closing ? "close" : selfClosing ? "empty" : "open",
      name: xml.slice(nameStart, k),
      start: lt,
      end: j + 1,
      attrs: xml.slice(k, selfClosing ? j - 1 : j),
    });
    i = j + 1;
  }
}

function skipTo(xml: string, from: number, end: string): number {
  const k = xml.indexOf(end, from);
  if (k < 0) throw new XmlScanError(`unterminated ${end} construct`);
  return k + end.length;
}

const attributePatterns = new Map<string, RegExp>();

/** Reads one attribute (by qualified name) from raw attribute text, unescaped. */
export function attribute(attrs: string, qname: string): string | null {
  let re = attributePatterns.get(qname);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${qname.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    attributePatterns.set(qname, re);
  }
  const m = re.exec(attrs);
  if (!m) return null;
  return unescapeXml(m[2] ?? m[3] ?? "");
}

/** Entities and character references resolved (core's one implementation, shared with the .xlsx reader). */
import { decodeXmlEntities as unescapeXml } from "../../core/link/xmltext";

export { unescapeXml };

/**
 * The character data between two tags as a parser gives it: references resolved, CDATA sections
 * taken literally, comments and processing instructions left out.
 */
export function characterData(raw: string): string {
  if (!raw.includes("<")) return unescapeXml(raw);
  let out = "";
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  let at = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    out += unescapeXml(raw.slice(at, m.index)) + (m[1] ?? "");
    at = re.lastIndex;
  }
  return out + unescapeXml(raw.slice(at));
}

// Text going into document.xml must also lose what XML 1.0 cannot hold; one implementation for every part.
export { escapeXmlText } from "../../core/link/xmltext";
