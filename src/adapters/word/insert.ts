// Putting a rendered report (.docx bytes from adapters/docx) into the open document. Word never
// imports the file's custom XML parts, so the link record is stored separately afterwards.
import { unzipSync, strFromU8 } from "fflate";
import { LINK_NAMESPACE, linkRecordToXml } from "../../core/link";
import type { LinkRecord } from "../../core/types";
import { BODY_STYLE_NAME } from "../docx/style-names";
import { asyncCall, bytesToBase64, defaultRun, environment, itemsOf, partPayload, sameRecord } from "./host";
import type { WordEnvironment, WordMessage, WordRun } from "./host";

/** How the first body paragraph looks: font, size (pt) and line spacing (pt). */
export interface BodyLook {
  font: string;
  size: number;
  lineSpacing: number;
}

/** Thrown before anything is sent when the report cannot be inserted (too large). */
export class WordInsertError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

/** Word takes files up to 4 MB through insertFileFromBase64. */
export const INSERT_FILE_LIMIT = 4 * 1024 * 1024;

export interface InsertResult {
  /** `document`: Document.insertFileFromBase64 (WordApi 1.5, keeps page setup and footers); `body`: Body.insertFileFromBase64 (1.1). */
  path: "document" | "body";
  /** The first body paragraph as Word shows it after the insert (null where none was found). */
  look?: BodyLook | null;
  linkPart: "added" | "replaced" | "unavailable" | "unverified";
  warnings: WordMessage[];
}

/** What the report's own file brings, and what of the open document it must not take over (WordApi 1.5). */
export const INSERT_FILE_OPTIONS = {
  importTheme: false,
  importStyles: true,
  importParagraphSpacing: true,
  importPageColor: false,
} as const;

/**
 * The options for this host: each member only where its own requirement set is supported —
 * importCustomXmlParts is WordApi 1.6 (off: the record is stored separately, and a second copy from
 * the file would be a duplicate), importDifferentOddEvenPages 1.7 (GB/T 9704's alternating page numbers).
 */
export function insertFileOptions(isSetSupported: (name: string, version: string) => boolean): Record<string, boolean> {
  const options: Record<string, boolean> = { ...INSERT_FILE_OPTIONS };
  if (isSetSupported("WordApi", "1.6")) options.importCustomXmlParts = false;
  if (isSetSupported("WordApi", "1.7")) options.importDifferentOddEvenPages = true;
  return options;
}

const ODD_EVEN_WARNING: WordMessage = {
  message:
    "页码不再左右交替：此版本的 Word 插入文件时不带“奇偶页不同”设置（需要 WordApi 1.7）。修复：布局 › 页面设置 › 版式，勾选“奇偶页不同”；或在 Excel 中生成 .docx 文件后直接用 Word 打开。",
  messageEn:
    "Page numbers no longer alternate sides: this version of Word does not bring the Different Odd & Even Pages setting when inserting a file (WordApi 1.7). To fix: Layout › Page Setup › Layout, tick Different odd and even; or generate the .docx from Excel and open it in Word.",
};

/** The body style's look as the report's own file defines it (styles.xml, style LRBody). */
export function expectedBodyLook(bytes: Uint8Array): BodyLook | null {
  let styles: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === "word/styles.xml" });
    styles = files["word/styles.xml"] ? strFromU8(files["word/styles.xml"]) : "";
  } catch {
    return null;
  }
  const m = /<w:style\b[^>]*w:styleId="LRBody"[^>]*>([\s\S]*?)<\/w:style>/.exec(styles);
  if (!m) return null;
  const font = /<w:rFonts\b[^>]*w:eastAsia="([^"]+)"/.exec(m[1])?.[1];
  const size = /<w:sz\b[^>]*w:val="(\d+)"/.exec(m[1])?.[1];
  const line = /<w:spacing\b[^>]*w:line="(\d+)"[^>]*w:lineRule="exact"/.exec(m[1])?.[1];
  if (!font || !size || !line) return null;
  return { font, size: Number(size) / 2, lineSpacing: Number(line) / 20 };
}

/** What Word changed in the body's look, and how to put it back; null when nothing. */
export function lookWarning(expected: BodyLook, seen: BodyLook): WordMessage | null {
  const zh: string[] = [];
  const en: string[] = [];
  if (seen.font !== expected.font) {
    zh.push(`字体 ${expected.font} → ${seen.font}`);
    en.push(`font ${expected.font} → ${seen.font}`);
  }
  if (Math.abs(seen.size - expected.size) > 0.01) {
    zh.push(`字号 ${expected.size} 磅 → ${seen.size} 磅`);
    en.push(`size ${expected.size} pt → ${seen.size} pt`);
  }
  if (Math.abs(seen.lineSpacing - expected.lineSpacing) > 0.01) {
    zh.push(`行距 ${expected.lineSpacing} 磅 → ${seen.lineSpacing} 磅`);
    en.push(`line spacing ${expected.lineSpacing} pt → ${seen.lineSpacing} pt`);
  }
  if (!zh.length) return null;
  return {
    message: `插入后 Word 改变了正文格式：${zh.join("；")}。原因：当前文档中已有同名样式“${BODY_STYLE_NAME}”（或其默认格式），Word 保留了文档原来的定义。修复：在“开始 › 样式”中右击“${BODY_STYLE_NAME}”→“修改”改回上述格式；或在新建的空白文档中插入；或在 Excel 中生成 .docx 文件后直接用 Word 打开。`,
    messageEn: `After inserting, Word changed the body text: ${en.join("; ")}. The document already had a style named ${BODY_STYLE_NAME} (or its defaults) and Word kept the document's definition. To fix: in Home › Styles, right-click ${BODY_STYLE_NAME} › Modify and set it back; or insert into a new blank document; or generate the .docx from Excel and open it in Word.`,
  };
}

const BODY_PATH_WARNING: WordMessage = {
  message:
    "此版本的 Word 只能插入正文（需要 WordApi 1.5 才能保留版面），页码页脚和页面设置未能保留。如需完整的公文版式，请在 Excel 中生成 .docx 文件后用 Word 打开。",
  messageEn:
    "This version of Word can insert the body only (WordApi 1.5 keeps the layout): the page-number footers and page setup were not kept. For the full layout, generate the .docx from Excel and open it in Word.",
};

const NO_LINK_WARNING: WordMessage = {
  message: "报告已插入，但此版本的 Word 无法保存链接信息，以后无法在 Word 中刷新数字。",
  messageEn: "The report was inserted, but this version of Word cannot store the link data; its figures cannot be refreshed in Word later.",
};

const UNVERIFIED_LINK_WARNING: WordMessage = {
  message: "报告已插入，但读回的链接信息与写入的不一致，以后在 Word 中刷新可能无法区分手工修改。请保存文档，关闭后重新打开再插入一次。",
  messageEn:
    "The report was inserted, but the link data read back differs from what was written; a later refresh in Word may not tell hand edits apart. Save, reopen and insert again.",
};

/** Replaces the document's content with the report and stores its link record (one record only). */
export async function insertReport(
  bytes: Uint8Array,
  link: LinkRecord,
  run: WordRun = defaultRun,
  env?: Partial<WordEnvironment>,
): Promise<InsertResult> {
  const host = environment(env);
  if (bytes.length > INSERT_FILE_LIMIT) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new WordInsertError(
      `报告文件有 ${mb} MB，超过 Word 插入文件 4 MB 的上限，未插入。请在 Excel 中生成 .docx 文件后直接用 Word 打开。`,
      `The report file is ${mb} MB, over Word's 4 MB limit for inserting a file; nothing was inserted. Generate the .docx from Excel and open it in Word instead.`,
    );
  }
  const base64 = bytesToBase64(bytes);
  const expected = expectedBodyLook(bytes);
  const xml = partPayload(linkRecordToXml(link));
  const path: InsertResult["path"] = host.isSetSupported("WordApi", "1.5") ? "document" : "body";
  const wordParts = host.isSetSupported("WordApi", "1.4");
  const result: InsertResult = { path, linkPart: "unavailable", warnings: path === "body" ? [BODY_PATH_WARNING] : [] };

  await run(async (context) => {
    if (path === "document") context.document.insertFileFromBase64(base64, "Replace", insertFileOptions(host.isSetSupported));
    else context.document.body.insertFileFromBase64(base64, "Replace");
    // Read back in the same sync how the body came out: Word keeps the destination's definition of a
    // style the document already has, and its document defaults.
    const paragraphs = context.document.body.paragraphs;
    paragraphs.load("items/style,items/font/name,items/font/size,items/lineSpacing");
    const readLook = () => {
      const first = paragraphs.items.find((p) => p.style === BODY_STYLE_NAME || p.style === "LRBody");
      result.look = first ? { font: first.font.name, size: first.font.size, lineSpacing: first.lineSpacing } : null;
    };
    if (!wordParts) {
      await context.sync();
      readLook();
      return;
    }
    const existing = context.document.customXmlParts.getByNamespace(LINK_NAMESPACE);
    existing.load("items/id");
    await context.sync();
    readLook();
    // A record left from an earlier report describes controls that are gone: replace it.

    const [first, ...rest] = itemsOf(existing);
    let written = first ?? context.document.customXmlParts.add(xml);
    if (first) first.setXml(xml);
    for (const p of rest) p.delete();
    let check = written.getXml();
    await context.sync();
    // eslint-disable-next-line office-addins/load-object-before-read -- getXml() returns a ClientResult, known after the sync above
    if (!sameRecord(check.value, link)) {
      // The update did not take: a new part in place of the old one.
      const replacement = context.document.customXmlParts.add(xml);
      written.delete();
      written = replacement;
      check = written.getXml();
      await context.sync();
    }
    result.linkPart = !sameRecord(check.value, link) ? "unverified" : first ? "replaced" : "added";
  });

  if (!wordParts) {
    const parts = host.isSetSupported("CustomXmlParts", "1.1") ? host.commonCustomXmlParts() : undefined;
    if (parts) {
      const old = (await asyncCall<Office.CustomXmlPart[] | undefined>((cb) => parts.getByNamespaceAsync(LINK_NAMESPACE, cb))) ?? [];
      const added = await asyncCall<Office.CustomXmlPart>((cb) => parts.addAsync(xml, cb));
      for (const p of old) await asyncCall<void>((cb) => p.deleteAsync(cb));
      const back = await asyncCall<string>((cb) => added.getXmlAsync(cb));
      result.linkPart = !sameRecord(back, link) ? "unverified" : old.length ? "replaced" : "added";
    }
  }
  if (path === "document" && !host.isSetSupported("WordApi", "1.7")) result.warnings.push(ODD_EVEN_WARNING);
  const changed = expected && result.look ? lookWarning(expected, result.look) : null;
  if (changed) result.warnings.push(changed);
  if (result.linkPart === "unavailable") result.warnings.push(NO_LINK_WARNING);
  if (result.linkPart === "unverified") result.warnings.push(UNVERIFIED_LINK_WARNING);
  return result;
}
