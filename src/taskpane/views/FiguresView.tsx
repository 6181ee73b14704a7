import { useMemo } from "react";
import { Body1Strong, Button, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { EngineResult } from "../../core/engine";
import type { FigureDefinition, FigureResult } from "../../core/types";
import { DEFINITIONS_SHEET } from "../../core/ledger/schema";
import { useI18n } from "../i18n";
import { figureSections, figureSourceParts } from "../model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  sectionTitle: { margin: 0, overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  figure: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  head: { display: "flex", flexWrap: "wrap", alignItems: "baseline", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  text: { color: tokens.colorBrandForeground1, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  action: { alignSelf: "flex-start", minWidth: 0, paddingInline: 0 },
});

function FigureItem(props: {
  figure: FigureResult;
  definition?: FigureDefinition;
  onSelectRows: (refs: { sheet: string; row: number }[]) => void;
}) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { figure, definition } = props;
  const numbers = useMemo(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }), [lang]);
  const source = figure.manual
    ? [t("figureManual")]
    : [...figureSourceParts(figure), t("figureRows", { rows: figure.rows })];
  return (
    <li className={styles.figure} data-testid="figure" data-figure={figure.id}>
      <div className={styles.head}>
        <Body1Strong className={styles.name}>{figure.name}</Body1Strong>
        <Text className={styles.text} data-testid="figure-text">
          {figure.text}
        </Text>
      </div>
      <Caption1 className={styles.muted}>
        {figure.value === null ? t("figureNoValue") : t("figureValue", { value: numbers.format(figure.value) })}
      </Caption1>
      <Caption1 className={styles.muted}>{source.join(" · ")}</Caption1>
      {figure.manual
        ? definition?.sourceRow !== undefined && (
            <Button
              className={styles.action}
              appearance="transparent"
              size="small"
              title={t("figureEditManualHint", { name: figure.name })}
              onClick={() => props.onSelectRows([{ sheet: DEFINITIONS_SHEET, row: definition.sourceRow! }])}
            >
              {t("figureEditManual")}
            </Button>
          )
        : figure.rowRefs.length > 0 && (
            <Button
              className={styles.action}
              appearance="transparent"
              size="small"
              title={t("figureShowSourceHint", { name: figure.name, rows: figure.rowRefs.length })}
              data-testid="show-source"
              onClick={() => props.onSelectRows(figure.rowRefs)}
            >
              {t("figureShowSource")}
            </Button>
          )}
    </li>
  );
}

export function FiguresView(props: { result: EngineResult; onSelectRows: (refs: { sheet: string; row: number }[]) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const unusedTitle = t("figuresUnused");
  const sections = useMemo(() => figureSections(props.result, unusedTitle), [props.result, unusedTitle]);
  const definitions = useMemo(() => new Map(props.result.definitions.map((d) => [d.id, d])), [props.result]);
  if (sections.length === 0) return <Caption1 className={styles.muted}>{t("figuresEmpty")}</Caption1>;
  return (
    <div className={styles.root} data-testid="figures-view">
      {sections.map((section) => (
        <section
          key={section.title}
          className={styles.section}
          data-testid="figure-section"
          data-unused={section.title === unusedTitle ? "true" : undefined}
        >
          <Subtitle2 as="h3" className={styles.sectionTitle}>
            {section.title}
          </Subtitle2>
          <ul className={styles.list}>
            {section.figures.map((figure) => (
              <FigureItem key={figure.id} figure={figure} definition={definitions.get(figure.id)} onSelectRows={props.onSelectRows} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
