// Putting a rendered report (.docx bytes from adapters/docx) into the open document. Word never
// imports the file's custom XML parts, so the link record is stored separately afterwards.
import { LINK_NAMESPACE, linkRecordToXml } from "../../core/link";
import type { LinkRecord } from "../../core/types";
import {
  asyncCall,
  bytesToBase64,
  defaultRun,
  environment,
  itemsOf,
  partPayload,
  sameRecord,
  type WordEnvironment,
  type WordMessage,
  type WordRun,
} from "./host";

export interface InsertResult {
  /** `document`: Document.insertFileFromBase64 (WordApi 1.5, keeps page setup and footers); `body`: Body.insertFileFromBase64 (1.1). */
  path: "document" | "body";
  linkPart: "added" | "replaced" | "unavailable" | "unverified";
  warnings: WordMessage[];
}

/** What the report's own file brings, and what of the open document it must not take over. */
export const INSERT_FILE_OPTIONS = {
  importTheme: false,
  importStyles: true,
  importParagraphSpacing: true,
  importPageColor: false,
  importDifferentOddEvenPages: true,
} as const;

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
  const base64 = bytesToBase64(bytes);
  const xml = partPayload(linkRecordToXml(link));
  const path: InsertResult["path"] = host.isSetSupported("WordApi", "1.5") ? "document" : "body";
  const wordParts = host.isSetSupported("WordApi", "1.4");
  const result: InsertResult = { path, linkPart: "unavailable", warnings: path === "body" ? [BODY_PATH_WARNING] : [] };

  await run(async (context) => {
    if (path === "document") context.document.insertFileFromBase64(base64, "Replace", { ...INSERT_FILE_OPTIONS });
    else context.document.body.insertFileFromBase64(base64, "Replace");
    if (!wordParts) {
      await context.sync();
      return;
    }
    const existing = context.document.customXmlParts.getByNamespace(LINK_NAMESPACE);
    existing.load("items/id");
    await context.sync();
    // A record left from an earlier report describes controls that are gone: replace it.
    // eslint-disable-next-line office-addins/load-object-before-read -- loaded with existing.load("items/id") and synced
    const [first, ...rest] = itemsOf(existing);
    let written = first ?? context.document.customXmlParts.add(xml);
    if (first) first.setXml(xml);
    for (const p of rest) p.delete();
    let check = written.getXml();
    await context.sync();
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
  if (result.linkPart === "unavailable") result.warnings.push(NO_LINK_WARNING);
  if (result.linkPart === "unverified") result.warnings.push(UNVERIFIED_LINK_WARNING);
  return result;
}
