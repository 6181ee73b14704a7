// The add-in manifest checked offline against Microsoft's manifest XSDs (office-addin-manifest validate
// needs the network), one way for the manifest test and the intranet build's browser test. CommonJS
// with a .d.ts beside it, so both the TypeScript tests and the .mjs browser scripts import it.
const { existsSync, readFileSync } = require("node:fs");
const { join, resolve } = require("node:path");
const { validateXML } = require("xmllint-wasm");

/** Where the schemas are: ../shared beside the checkout; tests skip their schema checks when absent. */
const MANIFEST_SCHEMA_DIR = resolve(__dirname, "../../../shared/schemas/addin-manifest");
const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";
/** The schemas OfficeAppManifestV1_1 imports. */
const IMPORTS = [
  "OfficeAppBasicTypesV1_0.xsd",
  "MailAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_1.xsd",
  "TaskPaneAppVersionOverridesV1_0.xsd",
  "ContentAppVersionOverridesV1_0.xsd",
];

function manifestSchemasPresent() {
  return existsSync(join(MANIFEST_SCHEMA_DIR, ROOT_SCHEMA));
}

/** xmllint's verdict on a manifest against OfficeAppManifestV1_1 and its imports. */
function validateManifest(xml) {
  const read = (name) => readFileSync(join(MANIFEST_SCHEMA_DIR, name), "utf8");
  return validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [{ fileName: ROOT_SCHEMA, contents: read(ROOT_SCHEMA) }],
    preload: IMPORTS.map((fileName) => ({ fileName, contents: read(fileName) })),
  });
}

module.exports = { MANIFEST_SCHEMA_DIR, manifestSchemasPresent, validateManifest };
