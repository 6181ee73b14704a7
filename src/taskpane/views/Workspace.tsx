// The Excel pane's three tabs over one engine result — 台账, 指标, 生成 — shown by the pane in Excel
// and by the web page over a file; each host passes what its clerk can do in them.
import { useState, type ComponentProps } from "react";
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { EngineResult } from "../../core/engine";
import { useI18n } from "../i18n";
import type { PaneServices } from "../services";
import { FRESH_LEDGERS_MEMORY, LedgersView, type LedgersViewMemory } from "./LedgersView";
import { FiguresView } from "./FiguresView";
import { GenerateView } from "./GenerateView";

export type TabId = "ledgers" | "figures" | "generate";

const TABS: { id: TabId; label: "tabLedgers" | "tabFigures" | "tabGenerate" }[] = [
  { id: "ledgers", label: "tabLedgers" },
  { id: "figures", label: "tabFigures" },
  { id: "generate", label: "tabGenerate" },
];

/** The clerk first sees what needs fixing; with nothing to fix, the way to the report. */
export function firstTab(result: EngineResult): TabId {
  return result.issues.some((i) => i.severity !== "info") ? "ledgers" : "generate";
}

const useStyles = makeStyles({
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalM})` },
});

export function Workspace(props: {
  result: EngineResult;
  services: PaneServices;
  tab: TabId;
  onTab: (tab: TabId) => void;
  ledgers: Omit<ComponentProps<typeof LedgersView>, "result" | "memory" | "onMemory">;
  figures: Omit<ComponentProps<typeof FiguresView>, "result">;
  generate: Omit<ComponentProps<typeof GenerateView>, "result" | "services">;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { result, tab } = props;
  // The 台账 tab unmounts while another tab shows: what the clerk opened there is kept here.
  const [ledgersMemory, setLedgersMemory] = useState<LedgersViewMemory>(FRESH_LEDGERS_MEMORY);
  return (
    <>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => props.onTab(data.value as TabId)}
        aria-label={t("tabsLabel")}
      >
        {TABS.map(({ id, label }) => (
          <Tab key={id} value={id} data-testid={`tab-${id}`}>
            {t(label)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={t(TABS.find((x) => x.id === tab)!.label)}>
        {tab === "ledgers" && <LedgersView result={result} {...props.ledgers} memory={ledgersMemory} onMemory={setLedgersMemory} />}
        {tab === "figures" && <FiguresView result={result} {...props.figures} />}
        {/* Stays mounted so a generated report survives a look at the other tabs. */}
        <div hidden={tab !== "generate"}>
          <GenerateView services={props.services} result={result} {...props.generate} />
        </div>
      </div>
    </>
  );
}
