// XML text and entities, one module for every part of every package (the .docx writer and patcher,
// the link record, the .xlsx reader): escaping on the way in, entities and character references on
// the way out. XML 1.0 cannot carry some code points at all, not even as character references, so
// text from the ledgers is cleaned before it reaches any part of the package; escaping alone would
// still leave a file that Word refuses to open.

const NOT_IN_XML_1_0 =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops characters XML 1.0 cannot hold: C0 controls except tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. */
export function sanitizeXmlText(s: string): string {
  return s.replace(NOT_IN_XML_1_0, "");
}

/**
 * Escapes element text. CR is written as a reference because parsers fold a literal CR into LF, and
 * `>` is escaped so `]]>` can never appear in content.
 */
export function escapeXmlText(s: string): string {
  return sanitizeXmlText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** Escapes an attribute value; whitespace is written as references because attribute normalisation turns it into spaces. */
export function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Decodes the five predefined entities and character references, as a parser does; a reference
 * to no character (beyond U+10FFFF) and anything else is left as written, never dropped.
 */
export function decodeXmlEntities(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(ENTITY, (whole, body: string) => {
    if (body.charCodeAt(0) !== 35 /* # */) return NAMED[body];
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!(code >= 0 && code <= 0x10ffff)) return whole;
    return String.fromCodePoint(code);
  });
}
