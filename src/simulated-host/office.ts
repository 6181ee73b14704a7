// Puts a simulated `Office` and `Excel` on a global object, so the task pane runs unchanged in the
// playground and the browser tests: Office.onReady resolves with the host, requirement sets are
// answered from the simulated host's list (or an override), language and theme are fixed.
import { SimErrorCodes, SimRichApiError, type SimulatedExcel } from "./excel";
import { installGlobals } from "./common";

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

const HOST_TYPES = {
  Word: "Word",
  Excel: "Excel",
  PowerPoint: "PowerPoint",
  Outlook: "Outlook",
  OneNote: "OneNote",
  Project: "Project",
  Access: "Access",
} as const;

const LIGHT_THEME = {
  bodyBackgroundColor: "#FFFFFF",
  bodyForegroundColor: "#000000",
  controlBackgroundColor: "#FFFFFF",
  controlForegroundColor: "#000000",
};

function atLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** Installs `Office`, `Excel` and `OfficeExtension` on `globalObj`; returns a function that removes them. */
export function installSimulatedOffice(
  target: object,
  excelSim: SimulatedExcel,
  options: SimulatedOfficeOptions = { host: "Excel", language: "zh-CN" },
): () => void {
  const globalObj = target as Record<string, unknown>;
  const platform = options.platform ?? "OfficeOnline";
  const isSetSupported = (name: string, version?: string): boolean => {
    if (options.supportedSets) {
      const have = options.supportedSets[name];
      return have !== undefined && atLeast(have, version ?? "1.1");
    }
    return excelSim.isSetSupported(name, version);
  };
  const info = { host: HOST_TYPES[options.host], platform };
  const office = {
    HostType: HOST_TYPES,
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: info.host,
      platform,
      displayLanguage: options.language,
      contentLanguage: options.language,
      officeTheme: { ...LIGHT_THEME, ...options.theme },
      requirements: { isSetSupported },
    },
  };
  return installGlobals(globalObj, {
    Office: office,
    Excel: excelSim.Excel,
    OfficeExtension: { Error: SimRichApiError, ErrorCodes: SimErrorCodes },
  });
}
