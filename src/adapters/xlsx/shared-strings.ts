// A scanner for the shared-strings part alone. Its grammar is small and fixed — `<sst>` holding `<si>`
// items, each a `<t>` or rich runs `<r><rPr>…</rPr><t>…</t></r>`, phonetic runs `<rPh>` left out — so
// a general SAX parser spends most of its time on work the part does not need: events, attribute
// objects, a character-by-character state machine. This one splits the decoded text at `<` with
// native string search and builds only the strings it keeps.
//
// It reads the plain XML every writer produces and checks it as strictly as saxes does: tags that
// nest and match, one root, attributes quoted and not repeated, only the five predefined entities and
// valid character references, no disallowed characters, no `]]>` in text. On anything else — a
// DOCTYPE (and so any declared entity), a processing instruction, a malformed tag, a suspiciously huge
// token — it does not guess: it throws SharedStringsFallback, and the caller re-reads the part with
// saxes, which gives today's result or today's error, word for word. Plain parts never take that path.
import { fail } from "./errors";
import type { XlsxLimits } from "./limits";
import type { SharedStrings } from "./sheet-scanner";
import { decodeXString } from "./xml-text";
import { LT, GT, SLASH, BANG, QUESTION, COLON, EQUALS, DQUOTE, SQUOTE, CR, RBRACKET, tagEnd } from "../../core/xml-markup";
import { XmlDecoder } from "./zip";

/** The part left the plain grammar; `reason` says where, for tests and debugging. */
export class SharedStringsFallback extends Error {
  constructor(readonly reason: string) {
    super(`shared strings need the general XML parser: ${reason}`);
    this.name = "SharedStringsFallback";
  }
}

/** An unfinished tag, comment, CDATA section or entity this long goes to the general parser. */
const MAX_PENDING_CHARS = 4 * 1024 * 1024;

// What the handler distinguishes, by local name (after the first colon, as saxes-based code split it).
const K_OTHER = 0;
const K_SI = 1;
const K_T = 2;
const K_RPH = 3;

/**
 * Characters XML 1.0 forbids anywhere in a document, and lone surrogates (TextDecoder never makes
 * them, but pushText may be handed anything). The unicode-aware test is several times slower, so it
 * runs only when the quick one sees a control character or any surrogate.
 */
const MAYBE_DISALLOWED = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/;
const DISALLOWED = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/u;
/** Text that needs more than a copy: a line end to normalise, an entity, a possible `]]>`. */
const TEXT_SPECIAL = /[\r&\]]/;
/** The XML declaration as writers emit it; anything fancier (version 1.1, odd spacing) goes to saxes. */
const XML_DECL =
  /^<\?xml[ \t\r\n]+version=(["'])1\.0\1(?:[ \t\r\n]+encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone=(["'])(?:yes|no)\3)?[ \t\r\n]*\?>$/;
const NAMED_ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const HEX_REF = /^#x[0-9a-fA-F]+$/;
const DEC_REF = /^#[0-9]+$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === COLON;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

/** The XML 1.0 Char production, which a character reference must match. */
function isXmlChar(code: number): boolean {
  return (
    code === 9 ||
    code === 10 ||
    code === 13 ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Entities decoded exactly as saxes decodes them; null for anything saxes would refuse (an undeclared
 * name, `&#X41;`, a reference to a disallowed character, an `&` without `;`).
 */
function decodeEntitiesStrict(raw: string): string | null {
  let amp = raw.indexOf("&");
  if (amp < 0) return raw;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0) return null;
    const body = raw.slice(amp + 1, semi);
    let value: string | undefined;
    if (body.charCodeAt(0) === 35 /* # */) {
      const code = HEX_REF.test(body) ? parseInt(body.slice(2), 16) : DEC_REF.test(body) ? parseInt(body.slice(1), 10) : NaN;
      if (!isXmlChar(code)) return null;
      value = String.fromCodePoint(code);
    } else {
      value = NAMED_ENTITY[body];
      if (value === undefined || !Object.prototype.hasOwnProperty.call(NAMED_ENTITY, body)) return null;
    }
    out += raw.slice(last, amp) + value;
    last = semi + 1;
    amp = raw.indexOf("&", last);
  }
  return out + raw.slice(last);
}

/** Names the handler never needs to tell apart still go on the stack; the common ones cost no allocation. */
function nameAt(b: string, s: number, e: number): string {
  const len = e - s;
  const c0 = b.charCodeAt(s);
  if (len === 1) {
    if (c0 === 116) return "t";
    if (c0 === 114) return "r";
  } else if (len === 2) {
    if (c0 === 115 && b.charCodeAt(s + 1) === 105) return "si";
  } else if (len === 3) {
    const c1 = b.charCodeAt(s + 1);
    const c2 = b.charCodeAt(s + 2);
    if (c0 === 114 && c1 === 80) {
      if (c2 === 114) return "rPr";
      if (c2 === 104) return "rPh";
    } else if (c0 === 115 && c1 === 115 && c2 === 116) return "sst";
  }
  return b.substring(s, e);
}

function kindOf(b: string, ns: number, ne: number, colon: number): number {
  const s = colon < 0 ? ns : colon + 1;
  const len = ne - s;
  if (len === 1) return b.charCodeAt(s) === 116 ? K_T : K_OTHER;
  if (len === 2) return b.charCodeAt(s) === 115 && b.charCodeAt(s + 1) === 105 ? K_SI : K_OTHER;
  if (len === 3) return b.charCodeAt(s) === 114 && b.charCodeAt(s + 1) === 80 && b.charCodeAt(s + 2) === 104 ? K_RPH : K_OTHER;
  return K_OTHER;
}

function lineEnds(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

function isAllSpace(b: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isSpace(b.charCodeAt(i))) return false;
  return true;
}

export class SharedStringsScanner {
  private readonly out: (string | null)[] = [];
  private readonly decoder = new XmlDecoder();
  private pending = "";
  /** The bytes given to the decoder so far end with a whole character. */
  private decoderClean = true;
  /** Open elements, outermost first. */
  private readonly stack: string[] = [];
  private sawRoot = false;
  private closedRoot = false;
  /** The XML declaration is allowed only as the very first thing in the part. */
  private atStart = true;
  // The item being read; the same state, and the same transitions, as the saxes-based reader had.
  private inSi = false;
  private inT = false;
  private phonetic = 0;
  /** The item's text: its first piece, and the rest only when there is more than one (rich runs). */
  private first = "";
  private parts: string[] | null = null;
  private length = 0;
  private tooLong = false;
  private readonly maxTextChars: number;

  constructor(
    /** Zip path, for messages about the part. */
    private readonly part: string,
    private readonly limits: XlsxLimits,
  ) {
    // Escapes like `_x000D_` shrink on decoding, hence the margin before giving up on the string.
    this.maxTextChars = limits.maxCellChars * 7;
  }

  /** Inflated bytes of the part, in chunks of any size. */
  pushBytes(chunk: Uint8Array): void {
    const n = chunk.length;
    let p = 0;
    while (p < n) {
      if (this.betweenItems()) {
        p = this.plainItems(chunk, p);
        if (p >= n) return;
      }
      // The general path takes the rest up to the end of the next item, where the state can be
      // between items again; a piece ending in `>` leaves no half character in the decoder.
      const close = indexOfBytes(chunk, SI_CLOSE, p);
      const q = close < 0 ? n : close + SI_CLOSE.length;
      const text = this.decoder.decode(q === n && p === 0 ? chunk : chunk.subarray(p, q));
      this.decoderClean = close >= 0;
      if (text) this.pushText(text);
      p = q;
    }
  }

  /** Nothing is pending and the next token is one of the root's children: plainItems may read on. */
  private betweenItems(): boolean {
    return (
      this.decoderClean &&
      this.pending === "" &&
      !this.inSi &&
      this.stack.length === 1 &&
      this.stack.length + 2 <= this.limits.maxXmlDepth &&
      this.decoder.utf8
    );
  }

  /**
   * The item nearly every writer writes — `<si><t>text</t></si>`, the text without entities, CR,
   * `]` or control characters — read straight from the bytes, and its string decoded on its own:
   * a flat string of exactly its characters, with no view into a large decoded chunk. Returns where
   * the first item it does not take starts (anything else goes to the general path, which gives
   * the same strings).
   */
  private plainItems(b: Uint8Array, p: number): number {
    const n = b.length;
    for (;;) {
      let i = p;
      while (i < n && isSpace(b[i])) i++;
      if (!bytesAt(b, i, SI_T_OPEN)) return p;
      let j = i + SI_T_OPEN.length;
      if (b[j] === GT) j++;
      else if (bytesAt(b, j, PRESERVE)) j += PRESERVE.length;
      else return p;
      // One pass checks the bytes and decodes them into `codes`: one- to three-byte characters
      // here, anything else (a character outside the BMP, malformed UTF-8) by TextDecoder after.
      const ts = j;
      let k = 0;
      let decoder = false;
      while (j < n) {
        const c = b[j];
        if (c < 0x80) {
          if (c === LT) break;
          if (c < 32 ? c !== 9 && c !== 10 : c === 38 || c === RBRACKET) return p;
          codes[k++] = c;
          j++;
        } else if (c >= 0xc2 && c < 0xe0 && (b[j + 1] & 0xc0) === 0x80) {
          codes[k++] = ((c & 0x1f) << 6) | (b[j + 1] & 0x3f);
          j += 2;
        } else if (c >= 0xe0 && c < 0xf0 && (b[j + 1] & 0xc0) === 0x80 && (b[j + 2] & 0xc0) === 0x80) {
          const code = ((c & 0x0f) << 12) | ((b[j + 1] & 0x3f) << 6) | (b[j + 2] & 0x3f);
          // U+FFFE and U+FFFF are not XML characters: the general path refuses them.
          if (code >= 0xfffe) return p;
          // Overlong forms and encoded surrogates are malformed: TextDecoder replaces them.
          if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) decoder = true;
          codes[k++] = code;
          j += 3;
        } else {
          decoder = true;
          j++;
        }
      }
      if (!bytesAt(b, j, T_SI_CLOSE)) return p;
      const raw = decoder || k > 512 ? utf8.decode(b.subarray(ts, j)) : codesText(k);
      if (raw.length > this.maxTextChars) this.out.push(null);
      else {
        const text = decodeXString(raw);
        this.out.push(text.length > this.limits.maxCellChars ? null : text);
      }
      p = j + T_SI_CLOSE.length;
    }
  }

  /** Text of the part, in chunks of any size (split only between whole characters). */
  pushText(text: string): void {
    if (MAYBE_DISALLOWED.test(text) && DISALLOWED.test(text)) throw new SharedStringsFallback("a character XML does not allow");
    const buf = this.pending ? this.pending + text : text;
    const p = this.run(buf);
    this.pending = p < buf.length ? buf.slice(p) : "";
    if (this.pending.length > MAX_PENDING_CHARS) throw new SharedStringsFallback("a token that never ends");
  }

  /** The strings by index: rich runs joined, phonetic runs left out, null past maxCellChars. */
  finish(): SharedStrings {
    const rest = this.decoder.end();
    if (rest) this.pushText(rest);
    const tail = this.pending;
    this.pending = "";
    if (tail) {
      if (tail.charCodeAt(0) === LT) throw new SharedStringsFallback("the part ends inside a tag");
      this.text(tail, 0, tail.length);
    }
    if (!this.sawRoot || this.stack.length) throw new SharedStringsFallback("the part ends before its root closes");
    return this.out;
  }

  /** Processes every complete token in `b`; returns where the unfinished remainder starts. */
  private run(b: string): number {
    const n = b.length;
    let p = 0;
    while (p < n) {
      if (b.charCodeAt(p) !== LT) {
        const lt = b.indexOf("<", p);
        if (lt < 0) {
          const cut = this.safeTextEnd(b, p, n);
          if (cut > p) {
            this.text(b, p, cut);
            this.atStart = false;
          }
          return cut;
        }
        this.text(b, p, lt);
        this.atStart = false;
        p = lt;
      }
      if (p + 1 >= n) return p;
      const c1 = b.charCodeAt(p + 1);
      if (c1 === BANG) {
        if (n - p < 9 && (isPrefixOf(b, p, n, "<![CDATA[") || isPrefixOf(b, p, n, "<!--"))) return p;
        if (b.startsWith("<!--", p)) {
          const e = b.indexOf("-->", p + 4);
          if (e < 0) return p;
          // `--` may not appear inside a comment (which also rules out `--->`).
          const dashes = b.indexOf("--", p + 4);
          if (dashes < e) throw new SharedStringsFallback("a malformed comment");
          p = e + 3;
        } else if (b.startsWith("<![CDATA[", p)) {
          if (!this.stack.length) throw new SharedStringsFallback("CDATA outside the root");
          const e = b.indexOf("]]>", p + 9);
          if (e < 0) return p;
          if (this.inT && !this.tooLong) this.onText(lineEnds(b.substring(p + 9, e)));
          p = e + 3;
        } else throw new SharedStringsFallback("a DOCTYPE or other declaration");
      } else if (c1 === QUESTION) {
        if (!this.atStart || p !== 0) throw new SharedStringsFallback("a processing instruction");
        const e = b.indexOf("?>", p + 2);
        if (e < 0) return p;
        if (!XML_DECL.test(b.substring(p, e + 2))) throw new SharedStringsFallback("an unusual XML declaration");
        p = e + 2;
      } else {
        // An element tag; '>' may legally sit inside a quoted attribute value.
        const i = tagEnd(b, p + 1);
        if (i < 0) return p;
        this.tag(b, p, i);
        p = i + 1;
      }
      this.atStart = false;
    }
    return p;
  }

  /**
   * How much of a text run that reaches the end of the buffer can be read now: not an entity missing
   * its `;`, nor a CR that may be the start of CR LF, nor `]` that may be the start of `]]>`.
   */
  private safeTextEnd(b: string, p: number, n: number): number {
    const amp = b.lastIndexOf("&", n - 1);
    if (amp >= p && b.indexOf(";", amp) < 0) return amp;
    let cut = n;
    if (b.charCodeAt(cut - 1) === CR) return cut - 1;
    if (cut > p && b.charCodeAt(cut - 1) === RBRACKET) cut--;
    if (cut > p && b.charCodeAt(cut - 1) === RBRACKET) cut--;
    return cut;
  }

  /** Text between tags, b[s, e). */
  private text(b: string, s: number, e: number): void {
    if (s === e) return;
    if (!this.stack.length) {
      if (!isAllSpace(b, s, e)) throw new SharedStringsFallback("text outside the root");
      return;
    }
    const raw = b.substring(s, e);
    if (!TEXT_SPECIAL.test(raw)) {
      if (this.inT && !this.tooLong) this.onText(raw);
      return;
    }
    if (raw.indexOf("]]>") >= 0) throw new SharedStringsFallback("]]> in text");
    const decoded = decodeEntitiesStrict(lineEnds(raw));
    if (decoded === null) throw new SharedStringsFallback("an entity XML does not define");
    if (this.inT && !this.tooLong) this.onText(decoded);
  }

  /** One tag from `<` at s to `>` at e. */
  private tag(b: string, s: number, e: number): void {
    let i = s + 1;
    const closing = b.charCodeAt(i) === SLASH;
    if (closing) i++;
    const ns = i;
    if (!isNameStart(b.charCodeAt(i))) throw new SharedStringsFallback("an unusual tag name");
    let colon = -1;
    for (; i < e; i++) {
      const ch = b.charCodeAt(i);
      if (!isNameChar(ch)) break;
      if (ch === COLON && colon < 0) colon = i;
    }
    const ne = i;
    if (closing) {
      while (i < e && isSpace(b.charCodeAt(i))) i++;
      const top = this.stack[this.stack.length - 1];
      if (i !== e || top === undefined || !sameName(b, ns, ne, top)) {
        throw new SharedStringsFallback("a closing tag that does not match");
      }
      this.stack.pop();
      if (!this.stack.length) this.closedRoot = true;
      this.close(kindOf(b, ns, ne, colon));
      return;
    }
    if (this.closedRoot) throw new SharedStringsFallback("a second root element");
    // Nearly every tag in the part is a bare `<si>`, `<t>` or `<r>`.
    const selfClosing = ne === e ? false : this.attributes(b, ne, e);
    // saxes counts a self-closing element as one level too; so does the limit here.
    if (this.stack.length + 1 > this.limits.maxXmlDepth) throw fail.depth(this.part, this.limits.maxXmlDepth);
    this.sawRoot = true;
    const kind = kindOf(b, ns, ne, colon);
    this.open(kind);
    if (selfClosing) {
      if (!this.stack.length) this.closedRoot = true;
      this.close(kind);
    } else this.stack.push(nameAt(b, ns, ne));
  }

  /** Checks the attributes in b[from, e) as saxes would; returns whether the tag closes itself. */
  private attributes(b: string, from: number, e: number): boolean {
    let i = from;
    let names: string[] | null = null;
    for (;;) {
      const ws = i;
      while (i < e && isSpace(b.charCodeAt(i))) i++;
      if (i === e) return false;
      if (b.charCodeAt(i) === SLASH) {
        if (i + 1 !== e) throw new SharedStringsFallback("a '/' inside a tag");
        return true;
      }
      if (i === ws || !isNameStart(b.charCodeAt(i))) throw new SharedStringsFallback("an unusual attribute");
      const an = i;
      while (i < e && isNameChar(b.charCodeAt(i))) i++;
      const name = b.substring(an, i);
      while (i < e && isSpace(b.charCodeAt(i))) i++;
      if (b.charCodeAt(i) !== EQUALS) throw new SharedStringsFallback("an attribute without a value");
      i++;
      while (i < e && isSpace(b.charCodeAt(i))) i++;
      const q = b.charCodeAt(i);
      if (q !== DQUOTE && q !== SQUOTE) throw new SharedStringsFallback("an unquoted attribute value");
      const ve = b.indexOf(q === DQUOTE ? '"' : "'", i + 1);
      // The tag's end was found outside quotes, so the value closes before it.
      const value = b.substring(i + 1, ve);
      if (value.indexOf("<") >= 0) throw new SharedStringsFallback("'<' in an attribute value");
      if (value.indexOf("&") >= 0 && decodeEntitiesStrict(value) === null) throw new SharedStringsFallback("an entity XML does not define");
      if (value.indexOf("]]>") >= 0) throw new SharedStringsFallback("]]> in an attribute value");
      if (names) {
        if (names.includes(name)) throw new SharedStringsFallback("a repeated attribute");
        names.push(name);
      } else names = [name];
      i = ve + 1;
    }
  }

  private open(kind: number): void {
    if (kind === K_SI) {
      this.inSi = true;
      this.first = "";
      this.parts = null;
      this.length = 0;
      this.tooLong = false;
      this.phonetic = 0;
    } else if (!this.inSi) return;
    else if (kind === K_RPH) this.phonetic++;
    else if (kind === K_T && this.phonetic === 0) this.inT = true;
  }

  private close(kind: number): void {
    if (kind === K_T) this.inT = false;
    else if (kind === K_RPH) this.phonetic--;
    else if (kind === K_SI && this.inSi) {
      this.inSi = false;
      if (this.tooLong) this.out.push(null);
      else {
        let s = decodeXString(this.parts ? this.parts.join("") : this.first);
        // V8 keeps a substring of 13 or more characters as a view into the decoded chunk it was
        // cut from, so one kept firm name would hold a whole chunk alive for as long as the
        // workbook lives. Concatenating and cutting again copies just this string.
        if (s.length >= 13 && this.parts === null) s = (" " + s).slice(1);
        this.out.push(s.length > this.limits.maxCellChars ? null : s);
      }
      this.first = "";
      this.parts = null;
    }
  }

  private onText(text: string): void {
    this.length += text.length;
    if (this.length > this.maxTextChars) {
      this.tooLong = true;
      this.first = "";
      this.parts = null;
    } else if (this.parts) this.parts.push(text);
    else if (this.length === text.length) this.first = text;
    else this.parts = [this.first, text];
  }
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const SI_T_OPEN = ascii("<si><t");
const PRESERVE = ascii(' xml:space="preserve">');
const T_SI_CLOSE = ascii("</t></si>");
const SI_CLOSE = ascii("</si>");
const utf8 = new TextDecoder("utf-8");

function bytesAt(b: Uint8Array, at: number, word: Uint8Array): boolean {
  if (at + word.length > b.length) return false;
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word[k]) return false;
  return true;
}

function indexOfBytes(b: Uint8Array, word: Uint8Array, from: number): number {
  const first = word[0];
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) if (bytesAt(b, i, word)) return i;
  return -1;
}

/** Character codes of the string being decoded; reused, so decoding allocates only the string. */
const codes: number[] = [];

/**
 * The first k of `codes` as a flat string — no Uint8Array view per string as TextDecoder needs
 * (12 MB of views for 100,000 strings).
 */
function codesText(k: number): string {
  if (k < 13) {
    // Short strings are copied by `+=`; from 13 characters V8 would build a rope instead.
    let out = "";
    for (let j = 0; j < k; j++) out += String.fromCharCode(codes[j]);
    return out;
  }
  // apply() takes the whole array, so the codes go to a reused array of exactly k elements:
  // setting `codes.length` instead is a runtime call, 100 ns a string.
  let exact = EXACT[k];
  if (exact === undefined) EXACT[k] = exact = new Array<number>(k).fill(0);
  for (let j = 0; j < k; j++) exact[j] = codes[j];
  return String.fromCharCode.apply(null, exact);
}

/** Arrays of each length up to 512, by length, for codesText. */
const EXACT: number[][] = [];

function sameName(b: string, s: number, e: number, name: string): boolean {
  const len = e - s;
  if (len !== name.length) return false;
  if (len > 4) return b.startsWith(name, s);
  for (let k = 0; k < len; k++) if (b.charCodeAt(s + k) !== name.charCodeAt(k)) return false;
  return true;
}

function isPrefixOf(b: string, p: number, n: number, word: string): boolean {
  for (let i = p; i < n; i++) if (i - p >= word.length || b.charCodeAt(i) !== word.charCodeAt(i - p)) return false;
  return true;
}
