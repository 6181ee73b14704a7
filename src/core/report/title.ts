// Where a long title breaks. GB/T 9704 §7.3.1: a title of more than one line breaks so that each
// line keeps its words whole (回行时要做到词意完整) and the lines are balanced (排列对称) — never
// `…抓党` / `建工作…`. The renderer asks `titleBreaks` for the offsets and writes explicit line breaks;
// a title that fits on one line is not broken.
import type { Run } from "../types";

/**
 * Words that may end a line and begin the next: organisations, roles, document kinds, the parts of a
 * 述职报告's title. A break is allowed only between two of them (or at a slot's edge, or beside
 * punctuation), and never inside one, so a word missing here costs a break point, never a word.
 */
const WORDS = [
  "年度",
  "上半年",
  "下半年",
  "全年",
  "公共资源交易中心",
  "公共资源交易",
  "交易中心",
  "中心",
  "管理局",
  "服务中心",
  "委员会",
  "办公室",
  "人民政府",
  "政府",
  "机关",
  "党组",
  "党委",
  "党组书记",
  "党委书记",
  "党支部书记",
  "支部书记",
  "书记",
  "党支部",
  "支部",
  "主任",
  "局长",
  "负责人",
  "领导班子",
  "班子",
  "抓党建工作",
  "党建工作",
  "基层党建",
  "党风廉政建设",
  "全面从严治党",
  "工作",
  "述职报告",
  "述责述廉报告",
  "工作总结",
  "工作报告",
  "报告",
  "总结",
  "情况",
  "实施方案",
  "方案",
  "通知",
  "意见",
  "的",
  "和",
  "及",
];

/** Words that bind to what follows: a line may start with them but never end with them. */
const PREFIXES = ["关于", "市", "省", "县", "区", "局", "抓", "做好", "加强", "推进", "落实"];

/** Never at a line's start (GB/T 15834 and common 禁则). */
const NO_LINE_START = new Set("，。、；：？！）》」』”’〕】…—·%％");
/** Never at a line's end. */
const NO_LINE_END = new Set("（《「『“‘〔【");

/** Width in ems of the title's 2号 face: Chinese and full-width characters one em, Latin digits and letters about half. */
export function titleWidth(text: string): number {
  let w = 0;
  // 0.6 rather than 0.5: the fallback faces set digits a little wider, and a line must never overflow.
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.6 : 1;
  return w;
}

function occurrences(text: string, words: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const w of words) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) out.push({ start: i, end: i + w.length });
  return out;
}

const isDigit = (ch: string | undefined) => ch !== undefined && /[0-9０-９]/.test(ch);
const isLatin = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/**
 * The offsets (0 < i < text.length, in UTF-16 units) where a line may break: between words of the
 * lexicon or at a slot's edge, never inside a locked range (a slot: its text is a content control,
 * and a break inside it would read as a hand edit at refresh), never after a digit (a number stays
 * with its unit), never against the 禁则 of punctuation.
 */
export function titleBreakCandidates(text: string, locked: readonly { start: number; end: number }[] = []): number[] {
  const words = occurrences(text, WORDS);
  const prefixes = occurrences(text, PREFIXES);
  const inside = (i: number, r: { start: number; end: number }) => r.start < i && i < r.end;
  const out: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const before = text[i - 1];
    const after = text[i];
    if (locked.some((r) => inside(i, r))) continue;
    if (words.some((r) => inside(i, r)) || prefixes.some((r) => inside(i, r))) continue;
    if (isDigit(before) || (isLatin(before) && isLatin(after))) continue;
    if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) continue;
    if (prefixes.some((r) => r.end === i) && !words.some((r) => r.end === i)) continue;
    const leftEnds = words.some((r) => r.end === i) || locked.some((r) => r.end === i) || NO_LINE_START.has(before) || /[\s]/.test(before);
    const rightStarts =
      words.some((r) => r.start === i) ||
      prefixes.some((r) => r.start === i) ||
      locked.some((r) => r.start === i) ||
      NO_LINE_END.has(after) ||
      isDigit(after);
    if (leftEnds && rightStarts) out.push(i);
  }
  return out;
}

/**
 * The breaks that set `text` in the fewest lines of at most `maxWidth` ems, the lines as even as the
 * break points allow (the longest line as short as possible, then the least spread). Empty when the
 * title fits on one line — or when no choice of the allowed breaks fits, and the renderer's own
 * wrapping is the lesser evil.
 */
export function chooseTitleBreaks(text: string, candidates: readonly number[], maxWidth: number): number[] {
  if (titleWidth(text) <= maxWidth) return [];
  const points = [...new Set(candidates)].filter((i) => i > 0 && i < text.length).sort((a, b) => a - b);
  const widthOf = (from: number, to: number) => titleWidth(text.slice(from, to).trim());
  const maxLines = Math.min(points.length + 1, 6);
  for (let lines = 2; lines <= maxLines; lines++) {
    let best: { breaks: number[]; longest: number; spread: number } | null = null;
    const search = (from: number, nextPoint: number, left: number, chosen: number[]) => {
      if (left === 1) {
        const last = widthOf(from, text.length);
        if (last > maxWidth) return;
        const widths = [...chosen, text.length].map((end, k, all) => widthOf(k === 0 ? 0 : all[k - 1], end));
        const longest = Math.max(...widths);
        const mean = widths.reduce((a, b) => a + b, 0) / widths.length;
        const spread = widths.reduce((a, w) => a + (w - mean) ** 2, 0);
        const better =
          !best ||
          longest < best.longest - 1e-9 ||
          (Math.abs(longest - best.longest) < 1e-9 &&
            (spread < best.spread - 1e-9 || (Math.abs(spread - best.spread) < 1e-9 && chosen[0] > best.breaks[0])));
        if (better) best = { breaks: [...chosen], longest, spread };
        return;
      }
      for (let p = nextPoint; p < points.length; p++) {
        const w = widthOf(from, points[p]);
        if (w > maxWidth) break;
        search(points[p], p + 1, left - 1, [...chosen, points[p]]);
      }
    };
    search(0, 0, lines, []);
    if (best) return (best as { breaks: number[] }).breaks;
  }
  return [];
}

/** What a title block offers the chooser: its text, and the slot ranges no break may enter. */
export function titleText(runs: readonly Run[]): { text: string; locked: { start: number; end: number }[] } {
  let text = "";
  const locked: { start: number; end: number }[] = [];
  for (const r of runs) {
    if (r.kind === "slot") locked.push({ start: text.length, end: text.length + r.text.length });
    text += r.text;
  }
  return { text, locked };
}

/**
 * Where the title made of `runs` breaks to fit lines of `maxWidth` ems: at the template's marked
 * points when it marks any (`marks`, offsets into the title's text), else at word boundaries.
 */
export function titleBreaks(runs: readonly Run[], maxWidth: number, marks?: readonly number[]): number[] {
  const { text, locked } = titleText(runs);
  const candidates =
    marks && marks.length ? marks.filter((i) => !locked.some((r) => r.start < i && i < r.end)) : titleBreakCandidates(text, locked);
  return chooseTitleBreaks(text, candidates, maxWidth);
}
