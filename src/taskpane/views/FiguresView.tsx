import { useMemo, useState } from "react";
import {
  Badge,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { EngineResult } from "../../core/engine";
import type { FigureDefinition, FigureResult } from "../../core/types";
import type { RowSelection } from "../../adapters/excel/types";
import { DEFINITIONS_SHEET } from "../../core/ledger/schema";
import { useI18n, type Lang, type Translate } from "../i18n";
import {
  ManualSaveError,
  canEditManual,
  definitionRow,
  figureSections,
  figureSourceParts,
  manualAdvice,
  manualInputText,
  parseManualInput,
  figuresScope,
  identityConflictsByFigure,
} from "../model";
import { ALL_DEPARTMENTS } from "../../core/settings";
import { ErrorNotice } from "../components/ErrorNotice";
import { clerkMessage } from "../components/review";
import { useAction } from "../shell/useAction";
import type { Problem } from "../shell/action";
import { describePlace, describePlacesIn, describeValue } from "../../core/describe";
import { tableCells } from "../../core/figures/grouped";
import { FIGURE_ROW, PLAIN_LIST, SECTION_TITLE } from "../components/styles";
import { shortCells } from "../components/cells";
import { shortRowsWords } from "../components/left-out";

export { shortCells };

/** Writes a manual figure's value into 指标定义 and refreshes the figures; resolves with the cell written. */
export type SaveManual = (figureId: string, value: number | null) => Promise<{ cell: string }>;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  sectionTitle: SECTION_TITLE,
  list: PLAIN_LIST,
  figure: FIGURE_ROW,
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  text: {
    color: tokens.colorBrandForeground1,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  leftOut: { color: tokens.colorStatusWarningForeground1, overflowWrap: "anywhere" },
  nowrap: { whiteSpace: "nowrap" },
  action: { alignSelf: "flex-start", minWidth: 0, paddingInline: 0 },
  manual: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalXS, minWidth: 0 },
  manualRow: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  manualInput: { flexGrow: 1, minWidth: 0, maxWidth: "12em" },
  /** A table figure as a small table: each cell apart, so no two cells run together into one number. */
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
    },
    "& th": { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  },
  groupCell: { overflowWrap: "anywhere", textAlign: "start" },
  /** The numbers in the figure's colour, right-aligned under their header, never broken. */
  numberCell: { textAlign: "end", whiteSpace: "nowrap" },
  numberValue: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  totalRow: { "& td": { borderBottom: "none", borderTop: `1px solid ${tokens.colorNeutralStroke1}` } },
});

/**
 * A table figure's rows in the 指标 list as the report's table shows them (header, a row per group,
 * 合计), then its rounding note: each cell apart, so no two cells wrap into one number.
 */
function FigureTableView({ table, name }: { table: NonNullable<FigureResult["table"]>; name: string }) {
  const styles = useStyles();
  const [header, ...rows] = tableCells(table);
  const align = (k: number) => (k === 0 ? styles.groupCell : styles.numberCell);
  return (
    <>
      <table className={styles.table} aria-label={name} data-testid="figure-table">
        <thead>
          <tr>
            {header.map((h, k) => (
              <th key={k} scope="col" className={align(k)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => {
            const total = r === rows.length - 1;
            return (
              <tr key={r} className={total ? styles.totalRow : undefined} data-testid={total ? "figure-table-total" : "figure-table-row"}>
                {row.map((c, k) => (
                  <td key={k} className={k === 0 ? styles.groupCell : mergeClasses(styles.numberCell, styles.numberValue)}>
                    {c}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {table.note && (
        <Caption1 className={styles.muted} data-testid="figure-table-note">
          {table.note}
        </Caption1>
      )}
    </>
  );
}

/** Why a figure is 待补, in the pane's language, with the cell to look at. */
export function unresolvedLine(u: NonNullable<FigureResult["unresolved"]>, t: Translate, lang: Lang): string {
  // Places as the clerk reads them (`2022年学习记录台账 · B4`), in the reason and in the pointer.
  const reason = describePlacesIn(lang === "zh-CN" ? u.reason : u.reasonEn);
  return u.cell ? `${reason}${t("unresolvedAt", { cell: describePlace(u.cell) })}` : reason;
}

/** The adapter's own words when it has them (they say what to do), else a general instruction. */
function manualSaveProblem(error: unknown, name: string, t: Translate, lang: Lang): Problem {
  const cause = error instanceof ManualSaveError ? error.cause : error;
  if (error instanceof ManualSaveError && error.stage === "refresh") {
    return { what: t("errorManualRefreshWhat", { cell: error.cell ?? "" }), todo: t("errorManualRefreshTodo") };
  }
  const cell = (cause as { cell?: unknown } | null)?.cell;
  return {
    what: t("errorManualWhat", { name }),
    where: typeof cell === "string" ? t("errorManualWhere", { cell }) : undefined,
    todo: clerkMessage(cause, lang) ?? t("errorManualTodo"),
  };
}

/** The editable 手工值 of one figure: validated as typed, saved with 保存 or Enter. */
function ManualEditor(props: { figure: FigureResult; save: SaveManual }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { figure } = props;
  // null = not edited: the input follows the figure, so a fresh read shows the workbook's value.
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const text = draft ?? manualInputText(figure.value);
  const parsed = parseManualInput(text);
  const invalid = parsed.ok
    ? undefined
    : parsed.reason === "negative"
      ? t("manualInvalidNegative")
      : t("manualInvalidNumber", { text: text.trim() });

  async function save() {
    if (!parsed.ok || saving) return;
    setSaving(true);
    setSaved(null);
    const value = parsed.value;
    await action.run({
      stage: "save",
      work: async () => {
        const { cell } = await props.save(figure.id, value);
        setDraft(null);
        setSaved(t(value === null ? "manualCleared" : "manualSaved", { cell }));
      },
      fail: (_, err) => manualSaveProblem(err, figure.name, t, lang),
    });
    setSaving(false);
  }

  return (
    <div className={styles.manual} data-testid="manual-editor">
      <Field label={t("manualLabel")} hint={t("manualHint")} validationState={invalid ? "error" : "none"} validationMessage={invalid}>
        <div className={styles.manualRow}>
          <Input
            className={styles.manualInput}
            value={text}
            inputMode="decimal"
            aria-label={t("manualInputName", { name: figure.name })}
            data-testid="manual-input"
            onChange={(_, data) => {
              setDraft(data.value);
              setSaved(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void save();
              }
            }}
          />
          <Button
            disabled={!!invalid || saving}
            aria-label={t("manualSaveName", { name: figure.name })}
            data-testid="manual-save"
            onClick={() => void save()}
          >
            {saving ? t("manualSaving") : t("manualSave")}
          </Button>
        </div>
      </Field>
      {/* Always mounted, so screen readers announce the outcome when it appears. */}
      <div role="status" aria-live="polite">
        {saved && (
          <MessageBar intent="success" data-testid="manual-saved">
            <MessageBarBody>{saved}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {action.error && <ErrorNotice error={action.error} />}
    </div>
  );
}

/** Rows of a figure grouped by sheet, in ledger order: 查看来源 selects one sheet at a time. */
function rowsBySheet(refs: { sheet: string; row: number }[]): { sheet: string; refs: { sheet: string; row: number }[] }[] {
  const groups: { sheet: string; refs: { sheet: string; row: number }[] }[] = [];
  for (const ref of refs) {
    let group = groups.find((g) => g.sheet === ref.sheet);
    if (!group) groups.push((group = { sheet: ref.sheet, refs: [] }));
    group.refs.push(ref);
  }
  return groups;
}

/** Selects rows in Excel; resolves false when it failed (the pane shows why). */
/** Selects a figure's rows: what was selected, null where nothing is (the web page says where), false when it failed. */
export type SelectRows = (refs: { sheet: string; row: number }[]) => Promise<RowSelection | null | false> | void;

function FigureItem(props: {
  figure: FigureResult;
  definition?: FigureDefinition;
  /** Where its distinct count met a firm's name and code disagreeing (identityConflictsByFigure). */
  identity?: { count: number; cells: string[] };
  onSelectRows: SelectRows;
  onSaveManual?: SaveManual;
}) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { figure, definition } = props;
  const sheets = useMemo(() => rowsBySheet(figure.rowRefs), [figure.rowRefs]);
  /** Which sheet the next 查看来源 selects; what the last one selected. */
  const [turn, setTurn] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);

  async function showSource() {
    const index = turn % sheets.length;
    const group = sheets[index];
    setSelected(null);
    const outcome = await props.onSelectRows(group.refs);
    if (outcome === false) return;
    setTurn(index + 1);
    // Only what the host really selected is said: a page that selects nothing says the places itself.
    if (!outcome) return;
    const of = sheets.length > 1 ? t("figureSourceSheetOf", { index: index + 1, count: sheets.length }) : "";
    setSelected(
      outcome.kind === "rows"
        ? t("figureSourceSelected", { sheet: outcome.sheet, rows: outcome.rows }) + of
        : t("figureSourceBlock", { sheet: outcome.sheet, counted: outcome.counted, address: outcome.address, rows: outcome.rows }) + of,
    );
  }
  const editable = figure.manual && !!props.onSaveManual && canEditManual(figure, definition);
  const advice = manualAdvice(figure, definition);
  // A refused 指标定义 row has no definition, but its row is where the clerk corrects it.
  const row = definitionRow(figure, definition);
  const source = figure.manual
    ? [figure.ledger ? t("figureManualLedgerMissing", { ledger: figure.ledger }) : t("figureManual")]
    : [...figureSourceParts(figure, lang), t("figureRows", { rows: figure.rows })];
  const value = describeValue(figure.value, definition?.format ?? "integer", lang);
  return (
    <li className={styles.figure} data-testid="figure" data-figure={figure.id}>
      <div className={styles.head}>
        <Body1Strong className={styles.name}>{figure.name}</Body1Strong>
        {figure.unresolved ? (
          <Badge appearance="tint" color="warning" data-testid="figure-unresolved">
            {t("unresolvedBadge")}
          </Badge>
        ) : figure.table ? null : (
          <Text className={styles.text} data-testid="figure-text">
            {figure.text}
          </Text>
        )}
      </div>
      {!figure.unresolved && figure.table && <FigureTableView table={figure.table} name={figure.name} />}
      <Caption1 className={styles.muted} data-testid={figure.unresolved ? "figure-unresolved-reason" : undefined}>
        {figure.unresolved ? unresolvedLine(figure.unresolved, t, lang) : value === null ? t("figureNoValue") : t("figureValue", { value })}
      </Caption1>
      {/* Its ledger's rows with errors count in no figure: this number may be short by them (LEDGERS.md). */}
      {figure.rowsLeftOut && (
        <Caption1 className={styles.leftOut} data-testid="figure-rows-left-out">
          {/* Short: it stands under every figure of the ledger; the 台账 tab names each cell's sheet and problem. */}
          {t("figureRowsLeftOut", { rows: shortRowsWords({ ledger: figure.ledger ?? "", ...figure.rowsLeftOut }, t) })}
        </Caption1>
      )}
      {/* Rows repeating a key (保函编号) both count: this number may be too large by them (counted-twice.ts).
          Each sheet said (shortCells): the repeat is often on a copied sheet (`电子保函 (2)`), which is the news. */}
      {/* One firm under two codes counted twice, two under one code once: the count cannot be sure (figures/identity.ts). */}
      {props.identity && !figure.unresolved && (
        <Caption1 className={styles.leftOut} data-testid="figure-identity">
          {t("figureIdentity", {
            count: props.identity.count,
            cells: shortCells(props.identity.cells).join(lang === "zh-CN" ? "、" : ", "),
          })}
        </Caption1>
      )}
      {figure.rowsCountedTwice && (
        <Caption1 className={styles.leftOut} data-testid="figure-rows-counted-twice">
          {t("figureRowsCountedTwice", {
            count: figure.rowsCountedTwice.count,
            ledger: figure.ledger ?? "",
            cells: [
              ...shortCells(figure.rowsCountedTwice.cells),
              ...(figure.rowsCountedTwice.count > figure.rowsCountedTwice.cells.length ? ["…"] : []),
            ].join(lang === "zh-CN" ? "、" : ", "),
          })}
        </Caption1>
      )}
      {/* With the editor below labelled 手工值, a bare 手工值 source line would only repeat it. */}
      {!(editable && figure.ledger === null) && (
        <Caption1 className={styles.muted} data-testid="figure-source">
          {source.map((part, i) => (
            <span key={part}>
              {i > 0 && " · "}
              {/* A count and its unit stay together at 320 px (never a lone 行). */}
              <span className={i === source.length - 1 ? styles.nowrap : undefined}>{part}</span>
            </span>
          ))}
        </Caption1>
      )}
      {figure.manual && props.onSaveManual && (editable || advice !== null) ? (
        editable ? (
          <ManualEditor figure={figure} save={props.onSaveManual} />
        ) : (
          <Caption1 className={styles.muted} data-testid="manual-advice">
            {advice === "notDefined" ? t("manualNotDefined", { id: figure.id, name: figure.name }) : t("manualBuiltIn")}
          </Caption1>
        )
      ) : figure.manual ? (
        row !== undefined && (
          <Button
            className={styles.action}
            appearance="transparent"
            size="small"
            title={t("figureEditManualHint", { name: figure.name })}
            data-testid="edit-definition"
            onClick={() => props.onSelectRows([{ sheet: DEFINITIONS_SHEET, row }])}
          >
            {t("figureEditManual")}
          </Button>
        )
      ) : (
        figure.rowRefs.length > 0 && (
          <Button
            className={styles.action}
            appearance="transparent"
            size="small"
            title={t("figureShowSourceHint", { name: figure.name, rows: figure.rowRefs.length })}
            data-testid="show-source"
            onClick={() => void showSource()}
          >
            {sheets.length > 1 && turn > 0 ? t("figureShowSourceNext") : t("figureShowSource")}
          </Button>
        )
      )}
      <div role="status" aria-live="polite">
        {selected && (
          <Caption1 className={styles.muted} data-testid="source-selected">
            {selected}
          </Caption1>
        )}
      </div>
    </li>
  );
}

export function FiguresView(props: {
  result: EngineResult;
  onSelectRows: SelectRows;
  /** When given, manual figures are edited in place; without it they offer to select their 指标定义 row. */
  onSaveManual?: SaveManual;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const unusedTitle = t("figuresUnused");
  const sections = useMemo(() => figureSections(props.result, unusedTitle), [props.result, unusedTitle]);
  const definitions = useMemo(() => new Map(props.result.definitions.map((d) => [d.id, d])), [props.result]);
  const identity = useMemo(() => identityConflictsByFigure(props.result.issues), [props.result]);
  if (sections.length === 0) return <Caption1 className={styles.muted}>{t("figuresEmpty")}</Caption1>;
  const scope = figuresScope(props.result, ALL_DEPARTMENTS);
  return (
    <div className={styles.root} data-testid="figures-view">
      {scope && (
        <MessageBar intent="info" layout="multiline" data-testid="figures-scope">
          <MessageBarBody>{t("listScope", { scope })}</MessageBarBody>
        </MessageBar>
      )}
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
              <FigureItem
                key={figure.id}
                figure={figure}
                definition={definitions.get(figure.id)}
                identity={identity.get(figure.id)}
                onSelectRows={props.onSelectRows}
                onSaveManual={props.onSaveManual}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
