/**
 * Report template markup. A template is plain text, one block per line; blank lines are ignored.
 *
 *   %% text              a comment, ignored
 *   = text               the title (公文标题, centred)
 *   # text               a level-1 heading on its own line (一、…, 黑体); `##`, `###` for levels 2 and 3
 *   ~                    an empty paragraph (the blank line GB/T 9704 keeps under the title)
 *   > text               a right-aligned paragraph without indent (落款, 落款日期)
 *   ^ text               a centred paragraph without indent (a 题注 under the title, such as the scope line)
 *   text                 a body paragraph: justified, first line indented two characters
 *   ? <any of the above> an optional block, left out when every slot in it renders blank
 *
 * Inside a line:
 *   {{figure.id}}        a figure slot, e.g. {{eg.amount}}: the figure's text, linked to the ledgers
 *   {{setting.key}}      a setting slot from 报告设置, e.g. {{setting.year}} (see SETTING_SLOT_NAMES)
 *   [kai]…[/kai]         runs in 楷体 — a run-in heading such as （一）…。 at the start of a paragraph;
 *                        also [hei]…[/hei] and [bold]…[/bold]; styles do not nest
 *   [wbr]                in a title, a place it may break when it needs two lines or more (GB/T 9704
 *                        §7.3.1: break between words); marked points replace the renderer's own word list
 *   \x                   the character x taken literally (\{  \[  \\  or a leading \# \= \> \^ \? \~ \%)
 *
 * Only the marks above are markup: any other `[`, `#` or `>` inside a line is text.
 */
import type { RunStyle } from "../types";
import { SETTING_SLOT_NAMES, isSettingSlot } from "./slots";
import { LocalizedError } from "../errors";

export type TemplatePiece =
  | { kind: "text"; text: string; style?: RunStyle }
  | { kind: "slot"; id: string; style?: RunStyle }
  /** `[wbr]`: a point where a title may break. */
  | { kind: "wbr" };

export interface TemplateBlock {
  kind: "title" | "heading" | "paragraph";
  /** Heading level; absent for other blocks. */
  level?: 1 | 2 | 3;
  /** Paragraph alignment and first-line indent; absent for titles and headings. */
  align?: "both" | "right" | "center";
  indent?: boolean;
  optional: boolean;
  pieces: TemplatePiece[];
  /** 1-based line in the template text. */
  line: number;
}

/** A mistake in a template's markup, with the line it is on. */
export class TemplateError extends LocalizedError {
  constructor(
    readonly line: number,
    message: string,
    messageEn: string,
  ) {
    super("template.markup", `模板第 ${line} 行：${message}`, `template line ${line}: ${messageEn}`);
  }
}

const FIGURE_ID = /^[a-z][a-z0-9_.]*$/;

function parseInline(src: string, line: number): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let style: RunStyle | undefined;
  let buf = "";
  const flush = () => {
    if (buf) pieces.push(style ? { kind: "text", text: buf, style } : { kind: "text", text: buf });
    buf = "";
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "\\" && i + 1 < src.length) {
      buf += src[i + 1];
      i += 2;
      continue;
    }
    if (src.startsWith("{{", i)) {
      const close = src.indexOf("}}", i + 2);
      if (close < 0) throw new TemplateError(line, "插槽缺少结尾的 }}", "a slot has no closing }}");
      const id = src.slice(i + 2, close).trim();
      if (isSettingSlot(id) ? !(id in SETTING_SLOT_NAMES) : !FIGURE_ID.test(id))
        throw new TemplateError(line, `未知的插槽 {{${id}}}`, `unknown slot {{${id}}}`);
      flush();
      pieces.push(style ? { kind: "slot", id, style } : { kind: "slot", id });
      i = close + 2;
      continue;
    }
    if (src.startsWith("[wbr]", i)) {
      flush();
      pieces.push({ kind: "wbr" });
      i += "[wbr]".length;
      continue;
    }
    const tag = /^\[(\/?)(kai|hei|bold)\]/.exec(src.slice(i));
    if (tag) {
      const name = tag[2] as RunStyle;
      if (tag[1]) {
        if (style !== name) throw new TemplateError(line, `[/${name}] 没有对应的 [${name}]`, `[/${name}] closes nothing`);
        flush();
        style = undefined;
      } else {
        if (style) throw new TemplateError(line, `[${name}] 不能嵌套在 [${style}] 中`, `[${name}] cannot nest inside [${style}]`);
        flush();
        style = name;
      }
      i += tag[0].length;
      continue;
    }
    buf += ch;
    i++;
  }
  if (style) throw new TemplateError(line, `[${style}] 没有结束标记 [/${style}]`, `[${style}] is never closed`);
  flush();
  return pieces;
}

export function parseTemplate(text: string): TemplateBlock[] {
  const blocks: TemplateBlock[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    let src = raw.trim();
    if (!src || src.startsWith("%%")) return;
    let optional = false;
    if (src.startsWith("?")) {
      optional = true;
      src = src.slice(1).trimStart();
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(src);
    if (src.startsWith("= ") || src === "=") {
      blocks.push({ kind: "title", optional, pieces: parseInline(src.slice(1).trimStart(), line), line });
    } else if (heading) {
      const level = heading[1].length as 1 | 2 | 3;
      blocks.push({ kind: "heading", level, optional, pieces: parseInline(heading[2], line), line });
    } else if (src === "~") {
      blocks.push({ kind: "paragraph", align: "both", indent: false, optional, pieces: [], line });
    } else if (src.startsWith(">")) {
      blocks.push({
        kind: "paragraph",
        align: "right",
        indent: false,
        optional,
        pieces: parseInline(src.slice(1).trimStart(), line),
        line,
      });
    } else if (src.startsWith("^")) {
      blocks.push({
        kind: "paragraph",
        align: "center",
        indent: false,
        optional,
        pieces: parseInline(src.slice(1).trimStart(), line),
        line,
      });
    } else {
      blocks.push({ kind: "paragraph", align: "both", indent: true, optional, pieces: parseInline(src, line), line });
    }
  });
  return blocks;
}
