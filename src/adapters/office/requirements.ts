// Platform and requirement-set checks, once for every host: which Office the add-in runs in and which
// API sets it has. The Excel and Word adapters and the pane's start ask here, each saying what it
// assumes where Office.context.requirements is missing (outside Office, or an old build).

/** Asks whether the host supports an API requirement set, e.g. ("ExcelApi", "1.7"). */
export type RequirementCheck = (name: string, version: string) => boolean;

/** Office.PlatformType values as strings; the playground's simulated Office may not define the enum. */
export type PanePlatform = "PC" | "OfficeOnline" | "Mac" | "iOS" | "Android" | "Universal" | "unknown";

const PLATFORMS: PanePlatform[] = ["PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal"];

/** The API sets a pane cannot start without; the adapters degrade on their own for anything newer. */
export const PANE_REQUIREMENTS = {
  /** Tables, data validation and worksheet events of Excel 2019 and later. */
  excel: ["ExcelApi", "1.7"],
  /** WordApi 1.3 lists content controls; the link part (1.4) and the insert (1.5) degrade in the adapter. */
  word: ["WordApi", "1.3"],
} as const satisfies Record<string, readonly [string, string]>;

function officeContext(): Office.Context | undefined {
  return (globalThis as { Office?: typeof Office }).Office?.context;
}

/**
 * The requirement check of `context` (by default the running Office's). Where there are no
 * requirements to ask, every set is answered with `outsideOffice`: the Excel reader assumes none,
 * the Word adapter and the pane's start assume the newest and let a failing call report itself.
 * A check that throws (a half-loaded host) answers no.
 */
export function officeRequirements(outsideOffice: boolean, context: () => Office.Context | undefined = officeContext): RequirementCheck {
  return (name, version) => {
    try {
      const requirements = context()?.requirements;
      return requirements ? !!requirements.isSetSupported(name, version) : outsideOffice;
    } catch {
      return false;
    }
  };
}

/** Whether the pane for `host` can start in `context`; outside Office it tries and reports errors itself. */
export function paneSupported(host: keyof typeof PANE_REQUIREMENTS, context: Office.Context | undefined): boolean {
  const [name, version] = PANE_REQUIREMENTS[host];
  return officeRequirements(true, () => context)(name, version);
}

/** Which Office the pane runs in: PC, Mac, the web…; "unknown" outside Office or for a new platform. */
export function platformOf(context: Office.Context | undefined): PanePlatform {
  const platform = String(context?.platform ?? context?.diagnostics?.platform ?? "");
  return PLATFORMS.find((p) => p === platform) ?? "unknown";
}
