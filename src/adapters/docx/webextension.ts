// The task-pane web extension parts that make Word open the Ledger Report pane together with a
// generated report ("Automatically open a task pane with a document" in the Office Add-ins docs).

import { escapeXmlAttribute } from "../../core/link";
import { newGuid, relationshipsPart, type PackageAdditions } from "./package";

export interface WebExtensionOptions {
  /** The add-in's id from its manifest (a GUID), or the store's asset id. */
  id: string;
  /** The add-in version, four parts as in the manifest (`1.0.0.0`). */
  version: string;
  /** Where Word looks the add-in up; centralized deployment by default. */
  store?: string;
  /** `EXCatalog` (centralized deployment), `OMEX` (AppSource), `SPCatalog`, `FileSystem`, `Registry`. */
  storeType?: string;
  /** Pane width in pixels. */
  width?: number;
}

const NS_WEBEXTENSION = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const NS_TASKPANES = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const REL_WEBEXTENSION = "http://schemas.microsoft.com/office/2011/relationships/webextension";
const CT_TASKPANES = "application/vnd.ms-office.webextensiontaskpanes+xml";
const CT_WEBEXTENSION = "application/vnd.ms-office.webextension+xml";

const DIR = "word/webextensions";

export function taskpaneWebExtension(o: WebExtensionOptions): PackageAdditions {
  const a = escapeXmlAttribute;
  const store = o.store ?? "EXCatalog";
  const storeType = o.storeType ?? "EXCatalog";
  return {
    parts: [
      {
        path: `${DIR}/webextension1.xml`,
        data:
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
          `<we:webextension xmlns:we="${NS_WEBEXTENSION}" id="${newGuid()}">` +
          `<we:reference id="${a(o.id)}" version="${a(o.version)}" store="${a(store)}" storeType="${a(storeType)}"/>` +
          `<we:alternateReferences/>` +
          `<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties>` +
          `<we:bindings/>` +
          `<we:snapshot xmlns:r="${NS_R}"/>` +
          `</we:webextension>`,
      },
      {
        path: `${DIR}/_rels/taskpanes.xml.rels`,
        data: relationshipsPart([{ id: "rId1", type: REL_WEBEXTENSION, target: "webextension1.xml" }]),
      },
      {
        path: `${DIR}/taskpanes.xml`,
        data:
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
          `<wetp:taskpanes xmlns:wetp="${NS_TASKPANES}">` +
          `<wetp:taskpane dockstate="right" visibility="0" width="${o.width ?? 350}" row="4">` +
          `<wetp:webextensionref xmlns:r="${NS_R}" r:id="rId1"/>` +
          `</wetp:taskpane></wetp:taskpanes>`,
      },
    ],
    contentTypes: [
      { partName: `/${DIR}/taskpanes.xml`, contentType: CT_TASKPANES },
      { partName: `/${DIR}/webextension1.xml`, contentType: CT_WEBEXTENSION },
    ],
    documentRelationships: [],
    packageRelationships: [{ id: "LedgerReportTaskpanes", type: REL_TASKPANES, target: `${DIR}/taskpanes.xml` }],
  };
}
