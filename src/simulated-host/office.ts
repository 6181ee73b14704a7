// Puts a simulated `Office` and `Excel` on a global object, so the task pane runs unchanged in the
// playground and the browser tests: Office.onReady resolves with the host, requirement sets are
// answered from the simulated host's list (or an override), language and theme are fixed.
import { SimErrorCodes, SimRichApiError, type SimulatedExcel } from "./excel";
import { installGlobals, officeGlobal, RequirementSets } from "./common";

export interface SimulatedOfficeOptions {
  host: "Excel";
  /** Office.context.displayLanguage, e.g. `zh-CN`. */
  language: string;
  /** Overrides the requirement sets the simulated host reports, e.g. { ExcelApi: "1.12" }. */
  supportedSets?: Record<string, string>;
  /** Office.context.platform; default OfficeOnline (the 5 MB limit applies there). */
  platform?: "OfficeOnline" | "PC" | "Mac";
  theme?: {
    bodyBackgroundColor: string;
    bodyForegroundColor: string;
    controlBackgroundColor: string;
    controlForegroundColor: string;
  };
}

/** Installs `Office`, `Excel` and `OfficeExtension` on `globalObj`; returns a function that removes them. */
export function installSimulatedOffice(
  target: object,
  excelSim: SimulatedExcel,
  options: SimulatedOfficeOptions = { host: "Excel", language: "zh-CN" },
): () => void {
  const supportedSets = options.supportedSets ? new RequirementSets(options.supportedSets) : null;
  const office = officeGlobal({
    ...options,
    isSetSupported: (name, version) =>
      supportedSets ? supportedSets.isSetSupported(name, version) : excelSim.isSetSupported(name, version),
  });
  return installGlobals(target as Record<string, unknown>, {
    Office: office,
    Excel: excelSim.Excel,
    OfficeExtension: { Error: SimRichApiError, ErrorCodes: SimErrorCodes },
  });
}
