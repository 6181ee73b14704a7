// The GB/T 9704 style sheet (see shared/design/GBT9704.md). Named styles rather than direct
// formatting, so a clerk restyles the whole report in Word and headings reach the navigation pane.

import type { IDocumentDefaultsOptions } from "docx";
import { style, type FontSet, type OoxmlElement } from "./oxml";

export type FontChoice = "gb2312" | "windows";

export interface ReportFonts {
  body: FontSet;
  kai: FontSet;
  hei: FontSet;
  title: FontSet;
  pageNumber: FontSet;
}

/** The standard's faces, or the ones Windows 10+ ships (it has no _GB2312 faces). */
export function reportFonts(choice: FontChoice): ReportFonts {
  return choice === "windows"
    ? {
        body: { eastAsia: "仿宋" },
        kai: { eastAsia: "楷体" },
        hei: { eastAsia: "黑体" },
        title: { eastAsia: "华文中宋" },
        pageNumber: { eastAsia: "宋体" },
      }
    : {
        body: { eastAsia: "仿宋_GB2312" },
        kai: { eastAsia: "楷体_GB2312" },
        hei: { eastAsia: "黑体" },
        title: { eastAsia: "方正小标宋简体" },
        pageNumber: { eastAsia: "宋体" },
      };
}

import { BODY_STYLE_NAME, STYLE } from "./style-names";

export { BODY_STYLE_NAME, STYLE } from "./style-names";

/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
const SIZE_TITLE = 44;
/** The title's size in points, for fitting its lines to the text block. */
export const TITLE_POINTS = SIZE_TITLE / 2;
const SIZE_BODY = 32;
const SIZE_PAGE_NUMBER = 28;

/** 22 lines in the 225 mm text block; 580 would give only 21. */
export const LINE_PITCH = 579;
/** −0.25 pt per character so 28 characters of 16 pt fit the 156 mm line. */
const CHARACTER_SPACING = -5;

export function documentDefaults(fonts: ReportFonts): IDocumentDefaultsOptions {
  return {
    run: {
      font: {
        ascii: fonts.body.eastAsia,
        eastAsia: fonts.body.eastAsia,
        hAnsi: fonts.body.eastAsia,
        cs: fonts.body.eastAsia,
        hint: "eastAsia",
      },
      size: SIZE_BODY,
      // Latin text is en-US so digits and Latin words keep Latin line breaking: with zh-CN here,
      // LibreOffice breaks a number like 10 across two lines (GB/T 15835 forbids splitting a number).
      language: { value: "en-US", eastAsia: "zh-CN" },
    },
  };
}

export function reportStyles(fonts: ReportFonts): OoxmlElement[] {
  const body = {
    // Without overflowPunct LibreOffice hangs a line-final 。 past the margin and leaves it off the page.
    paragraph: {
      overflowPunct: true,
      snapToGrid: true,
      line: LINE_PITCH,
      before: 0,
      after: 0,
      firstLineChars: 200,
      firstLine: 2 * 320,
      jc: "both" as const,
    },
    run: { fonts: fonts.body, spacing: CHARACTER_SPACING, size: SIZE_BODY, zhCN: true },
  };
  return [
    // Word's default paragraph style (Chinese Word calls it 正文), for what a clerk adds outside the
    // report's paragraphs when the file is opened on its own. No paragraph of the report uses it.
    style({ type: "paragraph", id: "Normal", name: "Normal", aliases: "正文", isDefault: true, ...body }),
    style({ type: "paragraph", id: STYLE.body, name: BODY_STYLE_NAME, next: STYLE.body, uiPriority: 9, ...body }),
    style({
      type: "paragraph",
      id: STYLE.title,
      name: "公文标题",
      basedOn: STYLE.body,
      next: STYLE.body,
      uiPriority: 10,
      // Off the grid: a 22 pt line snapped to a 29 pt pitch would be pushed to two grid lines.
      paragraph: { keepNext: true, snapToGrid: false, after: LINE_PITCH, firstLineChars: 0, jc: "center", outlineLevel: 0 },
      run: { fonts: fonts.title, bold: false, spacing: 0, size: SIZE_TITLE },
    }),
    // GB/T 9704 §7.3.3's levels: 一、 in 黑体, （一） in 楷体, 1. in 仿宋 bold; each keeps with what follows.
    ...[
      { id: STYLE.heading1, name: "一级标题", font: fonts.hei, bold: false },
      { id: STYLE.heading2, name: "二级标题", font: fonts.kai, bold: false },
      { id: STYLE.heading3, name: "三级标题", font: fonts.body, bold: true },
    ].map((level, outlineLevel) =>
      style({
        type: "paragraph",
        id: level.id,
        name: level.name,
        basedOn: STYLE.body,
        next: STYLE.body,
        uiPriority: 11 + outlineLevel,
        paragraph: { keepNext: true, jc: "left", outlineLevel },
        run: { fonts: level.font, bold: level.bold },
      }),
    ),
    style({
      type: "paragraph",
      id: STYLE.table,
      name: "表格文字",
      basedOn: STYLE.body,
      uiPriority: 14,
      paragraph: { snapToGrid: false, line: "auto", firstLineChars: 0, jc: "center" },
      run: { size: 28, spacing: 0 },
    }),
    style({
      type: "paragraph",
      id: STYLE.tableHeader,
      name: "表格表头",
      basedOn: STYLE.table,
      uiPriority: 14,
      run: { bold: true },
    }),
    style({
      type: "paragraph",
      id: STYLE.pageNumber,
      name: "页码",
      basedOn: STYLE.body,
      uiPriority: 15,
      paragraph: { snapToGrid: false, line: "auto", firstLineChars: 0 },
      run: { fonts: fonts.pageNumber, spacing: 0, size: SIZE_PAGE_NUMBER },
    }),
    style({ type: "character", id: STYLE.runInKai, name: "楷体小标题", uiPriority: 16, run: { fonts: fonts.kai } }),
    style({ type: "character", id: STYLE.runInHei, name: "黑体小标题", uiPriority: 17, run: { fonts: fonts.hei } }),
  ];
}
