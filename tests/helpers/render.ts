// Renders a .docx through LibreOffice to PDF, for checks a person would make by looking: page size,
// page count, the text that actually reached the page. Returns null where LibreOffice is missing.

import { execFile } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { basename, dirname, join } from "path";
import { promisify } from "util";

const run = promisify(execFile);

function which(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export function hasSoffice(): boolean {
  return which("soffice") !== null;
}

export interface RenderedPdf {
  /** Path of the PDF, beside the .docx. */
  pdf: string;
  /** `pdftotext -layout` output; pages are separated by form feeds. */
  text: string;
  pages: number;
  /** Page size in points as pdfinfo reports it, e.g. `595.304 x 841.89 pts (A4)`. */
  pageSize: string;
}

export async function renderPdf(docxPath: string): Promise<RenderedPdf | null> {
  const soffice = which("soffice");
  if (!soffice) return null;
  // A private profile per run: parallel LibreOffice instances sharing one profile block each other.
  const profile = mkdtempSync(join(tmpdir(), "lo-"));
  const outDir = dirname(docxPath);
  try {
    await run(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, docxPath], {
      timeout: 180000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, basename(docxPath).replace(/\.docx$/i, "") + ".pdf");
  if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF from ${docxPath}`);
  const { stdout: text } = await run("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  const { stdout: info } = await run("pdfinfo", [pdf]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? "0");
  const pageSize = /^Page size:\s+(.*)$/m.exec(info)?.[1]?.trim() ?? "";
  return { pdf, text, pages, pageSize };
}

/** Page 1 as a PNG at the given resolution, for a person to look at. */
export async function renderPng(pdfPath: string, dpi = 60): Promise<string> {
  const prefix = pdfPath.replace(/\.pdf$/i, "");
  await run("pdftoppm", ["-r", String(dpi), "-png", "-f", "1", "-l", "1", "-singlefile", pdfPath, prefix]);
  return prefix + ".png";
}

export function readPdfBytes(path: string): Uint8Array {
  return readFileSync(path);
}
