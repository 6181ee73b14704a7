// What the Word adapter needs from its surroundings: a Word.run, the requirement-set check, and
// the Common API's custom XML parts (the only link-part API on WordApi 1.3, Office 2019/2021).
// Defaults read the globals at call time, so the same code runs in Word, the playground and tests.
import { linkRecordToXml, parseLinkRecord } from "../../core/link";
import type { FoundControl } from "../../core/refresh/plan";
import type { LinkRecord } from "../../core/types";
import { officeRequirements } from "../office/requirements";

export type WordRun = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

export interface WordEnvironment {
  isSetSupported(name: string, version: string): boolean;
  /** `Office.context.document.customXmlParts`, where the host has it. */
  commonCustomXmlParts(): Office.CustomXmlParts | undefined;
}

/** A message for the clerk: Chinese first, English second. */
export interface WordMessage {
  message: string;
  messageEn: string;
}

/** A figure control as read through Word.run: what planRefresh needs, plus how to find it again. */
export interface WordFoundControl extends FoundControl {
  /** ContentControl.id, stable while the control lives; the write addresses the control by it. */
  wordId: number;
  tag: string;
  /**
   * ContentControl.text as read, where it differs from `text`: with Track Changes it still holds
   * the deleted old value, while `text` is what the clerk sees (the reviewed current text).
   */
  rawText?: string;
}

/** Where the link part was found, so the write replaces that one. */
export interface LinkPartRef {
  id: string;
  /** Which API read it: WordApi 1.4 (`word`) or the Common API (`common`). */
  via: "word" | "common";
}

function officeGlobal(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

export const defaultRun: WordRun = (batch) => Word.run(batch);

export function defaultEnvironment(): WordEnvironment {
  return {
    // Outside Office (a caller handing in its own run) there is nothing to ask: assume the newest.
    isSetSupported: officeRequirements(true),
    commonCustomXmlParts: () => officeGlobal()?.context?.document?.customXmlParts,
  };
}

export function environment(given?: Partial<WordEnvironment>): WordEnvironment {
  return { ...defaultEnvironment(), ...given };
}

/**
 * An error Office.js raised for a request (OfficeExtension.Error, or one shaped like it). Methods on
 * a null object have failed with ItemNotFound, GeneralException and others: the code says nothing
 * dependable, only that Office refused the request.
 */
export function isOfficeError(e: unknown): boolean {
  const OfficeExtension = (globalThis as { OfficeExtension?: { Error?: new (...a: never[]) => unknown } }).OfficeExtension;
  if (OfficeExtension?.Error && e instanceof OfficeExtension.Error) return true;
  const o = e as { code?: unknown; debugInfo?: unknown } | null;
  return typeof o?.code === "string" && typeof o.debugInfo === "object" && o.debugInfo !== null;
}

/** A loaded collection's items; Word on the web answers an empty custom XML part collection with `undefined` (office-js#6673). */
export function itemsOf<T>(collection: { items: T[] | undefined }): T[] {
  return collection.items ?? [];
}

/**
 * A custom XML part payload as Word takes it: without the `<?xml …?>` declaration, with which
 * CustomXmlPart updates have silently not applied (office-js#1643).
 */
export function partPayload(xml: string): string {
  return xml.replace(/^\uFEFF?\s*<\?xml[^?]*\?>\s*/, "");
}

/** A control's OOXML read as the clerk sees it: the content-control module's rules, shared with the file reader. */
export { currentTextOfOoxml } from "../docx/content-control";

/** Whether a control's OOXML holds tracked changes. */
export function hasTrackedChanges(ooxml: string): boolean {
  return /<w:(ins|del|moveFrom|moveTo)\b/.test(ooxml);
}

/** Whether a link part read back holds this record (compared as parsed, not as text: Word may re-serialise it). */
export function sameRecord(xml: string | null | undefined, record: LinkRecord): boolean {
  const parsed = parseLinkRecord(xml ?? "");
  return parsed.ok && linkRecordToXml(parsed.record) === linkRecordToXml(record);
}

/** The Common API's callbacks as a promise. */
export function asyncCall<T>(call: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    call((result) => {
      if ((result.status as unknown) === "failed") reject(new Error(result.error?.message ?? "Office call failed"));
      else resolve(result.value);
    });
  });
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** base64 without Buffer (browser) or btoa's binary-string detour (large files). */
export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out.push(B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63]);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out.push(B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + "==");
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out.push(B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + "=");
  }
  return out.join("");
}
