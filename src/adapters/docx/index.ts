// ReportDocument + LinkRecord → a complete GB/T 9704 .docx whose figures are linked content controls.
// The one formatting implementation: the Word adapter inserts these same bytes with
// insertFileFromBase64, so the file and the live document look alike.

import { AlignmentType, Document, DocumentDefaults, Footer, PageNumber, Paragraph, TextRun } from "docx";
import type { LinkRecord, ReportDocument } from "../../core/types";
import { LINK_NAMESPACE, linkRecordToXml, sanitizeXmlText } from "../../core/link";
import { blockChildren, ControlIds, runsText } from "./body";
import { applyAdditions, customXmlPart, mergeAdditions } from "./package";
import { taskpaneWebExtension, type WebExtensionOptions } from "./webextension";
import { documentDefaults, LINE_PITCH, reportFonts, reportStyles, STYLE, type FontChoice } from "./styles";
import { packDocument, type PackageDeflater } from "./zip-out";

export { sanitizeXmlText } from "../../core/link";
export type { WebExtensionOptions } from "./webextension";
export type { PackageDeflater } from "./zip-out";

export interface RenderOptions {
  /** `gb2312`: the faces GB/T 9704 names (仿宋_GB2312 …); `windows`: the ones Windows 10+ ships (仿宋 …). */
  fonts?: FontChoice;
  /** When given, Word opens the Ledger Report task pane with the document. */
  webExtension?: WebExtensionOptions;
  /** A native deflater (Node's zlib, `node-deflater.ts`) to zip the package with; docx's own zip without one. Same parts either way. */
  deflater?: PackageDeflater;
}

/** A4 and the GB/T 9704 margins, in twips. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: 2098,
  bottom: 1984,
  left: 1587,
  right: 1474,
  header: 851,
  // Puts the page number's line about 7 mm under the text block (§7.5).
  footer: 1247,
} as const;

/** One 14 pt character, the page number's distance from the edge of the text block. */
const ONE_CHARACTER_14PT = 280;

function pageNumberFooter(side: "odd" | "even"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: ONE_CHARACTER_14PT } : { left: ONE_CHARACTER_14PT },
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] })],
      }),
    ],
  });
}

export async function renderDocx(doc: ReportDocument, link: LinkRecord, opts: RenderOptions = {}): Promise<Uint8Array> {
  const fonts = reportFonts(opts.fonts ?? "gb2312");
  const title = doc.blocks.find((b) => b.kind === "title");
  const document = new Document({
    title: title && title.kind === "title" ? sanitizeXmlText(runsText(title.runs)) : undefined,
    creator: "台账成文 Ledger Report",
    evenAndOddHeaderAndFooters: true,
    // Given importedStyles, docx leaves out its own sheet (Heading1…, Title, Hyperlink) and keeps only
    // these: the report's styles and nothing a clerk would have to wade through.
    styles: { importedStyles: [new DocumentDefaults(documentDefaults(fonts)), ...reportStyles(fonts)] },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: PAGE.header,
              footer: PAGE.footer,
              gutter: 0,
            },
          },
          grid: { type: "lines", linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: blockChildren(doc.blocks, new ControlIds()),
      },
    ],
  });
  let additions = customXmlPart(linkRecordToXml(link), LINK_NAMESPACE);
  if (opts.webExtension) additions = mergeAdditions(additions, taskpaneWebExtension(opts.webExtension));
  const parts = applyAdditions(document, additions);
  return packDocument(document, parts, opts.deflater);
}
