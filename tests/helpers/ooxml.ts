// Offline schema validation of WordprocessingML parts against the ISO/IEC 29500 transitional and
// Microsoft extension XSDs kept in shared/schemas (see its README). Catches what Word rejects and
// LibreOffice forgives: element order in w:pPr, a w:sdt without w:sdtContent, misspelt elements.

import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import path from "path";
import { validateXML, memoryPages } from "xmllint-wasm";

const SCHEMAS = path.resolve(__dirname, "../../../shared/schemas");
const OOXML = path.join(SCHEMAS, "ooxml");

export interface ValidationOutcome {
  valid: boolean;
  errors: string[];
}

interface SchemaFile {
  fileName: string;
  contents: string;
}

let cache: SchemaFile[] | null = null;

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith(".xsd")) out.push(full);
  }
  return out;
}

/** Every .xsd under ooxml/, named by its path relative to ooxml/ so relative imports resolve. */
function schemaFiles(): SchemaFile[] | null {
  if (!existsSync(OOXML)) return null;
  if (!cache) {
    cache = walk(OOXML, []).map((full) => ({
      fileName: path.relative(OOXML, full).split(path.sep).join("/"),
      contents: readFileSync(full, "utf8"),
    }));
  }
  return cache;
}

/**
 * Markup Compatibility (ISO/IEC 29500-3) attributes are processed away before a consumer validates a
 * part; the schemas do not model them, so they are stripped here the same way.
 */
function withoutMarkupCompatibility(xml: string): string {
  return xml.replace(/\s[A-Za-z0-9_]+:Ignorable="[^"]*"/g, "");
}

async function validate(xml: string, entry: string, name: string): Promise<ValidationOutcome | null> {
  const files = schemaFiles();
  if (!files) {
    console.log(`schemas not found at ${OOXML}: skipping schema validation`);
    return null;
  }
  const main = files.find((f) => f.fileName === entry);
  if (!main) throw new Error(`entry schema ${entry} missing under ${OOXML}`);
  const result = await validateXML({
    xml: [{ fileName: name, contents: withoutMarkupCompatibility(xml) }],
    schema: [main],
    preload: files.filter((f) => f !== main),
    initialMemoryPages: 64 * memoryPages.MiB,
    maxMemoryPages: 512 * memoryPages.MiB,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/** Validates word/document.xml (or any part rooted in the main WordprocessingML namespace: styles, settings, footers). */
export function validateWordXml(documentXml: string): Promise<ValidationOutcome | null> {
  return validate(documentXml, "microsoft/wml-2010.xsd", "document.xml");
}

/** Validates a custom XML properties part (customXml/itemPropsN.xml). */
export function validateCustomXmlProps(xml: string): Promise<ValidationOutcome | null> {
  return validate(xml, "ISO-IEC29500-4_2016/shared-customXmlDataProperties.xsd", "itemProps.xml");
}
