import type { XMLValidationResult } from "xmllint-wasm";

export const MANIFEST_SCHEMA_DIR: string;
export function manifestSchemasPresent(): boolean;
export function validateManifest(xml: string): Promise<XMLValidationResult>;
