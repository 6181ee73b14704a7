// The one shape of an error the clerk reads: a stable code (for scripts, JSON and tests), the Chinese
// text (also Error.message) and the English text, and where it happened when known. Core, adapters
// and the CLI throw subclasses of it, so every caller words any of them the same way.
export type MessageLang = "zh" | "en";

export class LocalizedError extends Error {
  readonly code: string;
  /** English text; a reader may prefix it with the file's name, as it does `message`. */
  messageEn: string;
  /** Sheet and A1 cell the problem was found at, when there is one. */
  sheet?: string;
  cell?: string;

  constructor(code: string, message: string, messageEn: string, where: { sheet?: string; cell?: string; cause?: unknown } = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.messageEn = messageEn;
    if (where.sheet !== undefined) this.sheet = where.sheet;
    if (where.cell !== undefined) this.cell = where.cell;
    // Error.cause as ES2022 defines it (set here, since not every host's lib declares it).
    if (where.cause !== undefined) Object.defineProperty(this, "cause", { value: where.cause, configurable: true, writable: true });
  }

  /** The message in the clerk's language. */
  text(lang: MessageLang): string {
    return lang === "en" ? this.messageEn : this.message;
  }
}

/**
 * The code of a refresh stopped because the workbook is not the report's. The panes know that error
 * by this code, never by its class name, which a production build's minifier renames.
 */
export const OTHER_WORKBOOK = "refresh.other_workbook";
