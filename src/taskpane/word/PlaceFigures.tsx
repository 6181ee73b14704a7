// 放置指标 in the Word pane: the figures and settings of a workbook file the clerk picks, grouped by
// ledger and searchable by name; 插入 puts one at the cursor as a linked control, 将占位符转为指标 turns
// the document's own {{…}} into linked figures. Either gives a document without a link record one.
import { useMemo, useState } from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { settingSlots } from "../../core/report";
import type { PlaceResult, PlaceSource } from "../../adapters/word/place";
import { sectionSay, useI18n, type Lang } from "../i18n";
import { MUTED, PLAIN_LIST, ROW_NAME, SECTION, SECTION_TITLE } from "../components/styles";
import { ErrorNotice } from "../components/ErrorNotice";
import { LiveRegion } from "../components/LiveRegion";
import { ProgressLine } from "../components/ProgressLine";
import { useAction } from "../shell/useAction";
import { FilePicker, fileBytes } from "../components/FilePicker";
import type { WordPaneServices } from "./services";

/** The pane's words for this section, both languages side by side. */
const WORDS = {
  title: ["放置指标", "Place figures"],
  intro: [
    "选择台账工作簿后，可在光标处插入指标，或把文档中的 {{名称}} 占位符换成可刷新的指标。",
    "Pick the ledger workbook, then insert a figure at the cursor or turn the document's {{name}} placeholders into refreshable figures.",
  ],
  pick: ["选择工作簿…", "Choose workbook…"],
  pickLabel: ["选择台账工作簿（.xlsx）", "Choose the ledger workbook (.xlsx)"],
  reading: ["正在读取工作簿…", "Reading the workbook…"],
  from: ["指标来自：{name}", "Figures from: {name}"],
  convert: ["将占位符转为指标", "Turn placeholders into figures"],
  converting: ["正在转换占位符…", "Converting placeholders…"],
  search: ["按名称查找指标", "Find a figure by name"],
  insert: ["插入", "Insert"],
  inserting: ["正在插入…", "Inserting…"],
  settings: ["报告设置", "Report settings"],
  manual: ["手工填写", "Typed in 指标定义"],
  none: ["没有名称含“{q}”的指标。", "No figure's name contains “{q}”."],
  placed: ["已放入 {n} 个指标：{names}。", "Placed {n} figure(s): {names}."],
  noneFound: ["文档中没有找到 {{…}} 占位符。", "No {{…}} placeholders were found in the document."],
  unknown: [
    "以下占位符不是任何指标或设置的名称，已原样保留：{list}",
    "These placeholders name no figure or setting and were left as typed: {list}",
  ],
  failed: ["未能放入指标", "The figures could not be placed"],
  failedWhere: ["在当前 Word 文档中", "In the open Word document"],
  failedTodo: [
    "请确认光标在正文中、文档未被保护，然后再试。",
    "Make sure the cursor is in the body and the document is not protected, then try again.",
  ],
  readFailed: ["无法读取工作簿", "The workbook cannot be read"],
  readTodo: ["请确认选择的是台账 .xlsx 文件。", "Make sure you picked the ledger .xlsx file."],
} as const;

const say = sectionSay(WORDS);

const useStyles = makeStyles({
  section: SECTION,
  title: SECTION_TITLE,
  muted: MUTED,
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  group: { margin: 0, padding: 0, listStyleType: "none" },
  groupName: { marginBlockStart: tokens.spacingVerticalS },
  row: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    paddingBlock: "2px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  name: { overflowWrap: "anywhere", minWidth: "4em", flex: "1 1 8em" },
  // A long setting (述职人) is cut with an ellipsis rather than squeezing the name into a column of single characters.
  value: {
    color: tokens.colorNeutralForeground2,
    flex: "0 1 auto",
    maxWidth: "45%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
});

interface Entry {
  id: string;
  name: string;
  text: string;
  group: string;
}

/** Every figure and setting the source offers, grouped: each ledger in turn, then typed-in figures, then settings. */
function entries(source: PlaceSource, lang: Lang): Entry[] {
  const figures = source.figures.map((f) => ({ id: f.id, name: f.name, text: f.text, group: f.ledger ?? say(lang, "manual") }));
  const settings = settingSlots(source.settings)
    .filter((s) => s.text.trim() !== "")
    .map((s) => ({ id: s.id, name: s.name, text: s.text, group: say(lang, "settings") }));
  return [...figures, ...settings];
}

export function PlaceFigures(props: { services: WordPaneServices; onChanged: () => Promise<void> | void }) {
  const { lang } = useI18n();
  const styles = useStyles();
  const action = useAction();
  const [source, setSource] = useState<PlaceSource | null>(null);
  const [query, setQuery] = useState("");
  const [outcome, setOutcome] = useState<PlaceResult | null>(null);
  const { services } = props;
  const all = useMemo(() => (source ? entries(source, lang) : []), [source, lang]);
  const q = query.replace(/\s+/g, "");
  const shown = q ? all.filter((e) => e.name.replace(/\s+/g, "").includes(q) || e.id.includes(q)) : all;
  const groups = [...new Set(shown.map((e) => e.group))];

  if (!services.insertFigure || !services.convertPlaceholders) return null;

  async function pick(file: File) {
    setOutcome(null);
    await action.run({
      stage: "read",
      message: say(lang, "reading"),
      work: async () => {
        const workbook = await services.readWorkbookFile(await fileBytes(file), file.name);
        const engine = services.runEngine(workbook);
        setSource({ figures: engine.figures, settings: engine.settings, workbookName: file.name });
      },
      fail: () => ({ what: say(lang, "readFailed"), where: file.name, todo: say(lang, "readTodo") }),
    });
  }

  async function place(message: keyof typeof WORDS, work: () => Promise<PlaceResult>) {
    setOutcome(null);
    const result = await action.run({
      stage: "place",
      message: say(lang, message),
      work,
      fail: () => ({ what: say(lang, "failed"), where: say(lang, "failedWhere"), todo: say(lang, "failedTodo") }),
      done: (r: PlaceResult) => summary(r),
    });
    if (result) {
      setOutcome(result);
      await props.onChanged();
    }
  }

  function summary(r: PlaceResult): string {
    const lines: string[] = [];
    if (r.placed.length)
      lines.push(
        say(lang, "placed", { n: r.placed.length, names: [...new Set(r.placed.map((p) => p.name))].join(lang === "zh-CN" ? "、" : ", ") }),
      );
    else if (r.unknown.length === 0) lines.push(say(lang, "noneFound"));
    if (r.unknown.length) lines.push(say(lang, "unknown", { list: r.unknown.join(" ") }));
    for (const w of r.warnings) lines.push(lang === "zh-CN" ? w.message : w.messageEn);
    return lines.join(" ");
  }

  const busy = action.busy !== null;
  return (
    <section className={styles.section} aria-labelledby="place-title" data-testid="place-figures">
      <Subtitle2 as="h2" id="place-title" className={styles.title}>
        {say(lang, "title")}
      </Subtitle2>
      <Caption1 className={styles.muted}>{say(lang, "intro")}</Caption1>
      <div className={styles.actions}>
        <FilePicker
          accept=".xlsx"
          label={say(lang, "pickLabel")}
          text={say(lang, "pick")}
          disabled={busy}
          testId="place-workbook"
          onFile={(file) => void pick(file)}
        />
        {source && (
          <Button
            appearance="primary"
            disabled={busy}
            data-testid="convert-placeholders"
            onClick={() => void place("converting", () => services.convertPlaceholders!(source))}
          >
            {say(lang, "convert")}
          </Button>
        )}
      </div>
      {action.busy && <ProgressLine text={action.busy} />}
      {action.error && <ErrorNotice ref={action.errorRef} error={action.error} />}
      {outcome && (
        <MessageBar
          intent={outcome.unknown.length || outcome.warnings.length ? "warning" : "success"}
          layout="multiline"
          data-testid="place-outcome"
        >
          <MessageBarBody>{summary(outcome)}</MessageBarBody>
        </MessageBar>
      )}
      {source && (
        <>
          <Caption1 className={styles.muted} data-testid="place-source">
            {say(lang, "from", { name: source.workbookName })}
          </Caption1>
          <Input
            type="search"
            value={query}
            placeholder={say(lang, "search")}
            aria-label={say(lang, "search")}
            data-testid="figure-search"
            onChange={(_, d) => setQuery(d.value)}
          />
          {shown.length === 0 && <Caption1 data-testid="figure-search-empty">{say(lang, "none", { q: query.trim() })}</Caption1>}
          {groups.map((group) => (
            <div key={group}>
              <Body1Strong as="h3" className={styles.groupName}>
                {group}
              </Body1Strong>
              <ul className={styles.group} aria-label={group}>
                {shown
                  .filter((e) => e.group === group)
                  .map((e) => (
                    <li key={e.id} className={styles.row} data-testid={`place-${e.id}`}>
                      <span className={styles.name}>{e.name}</span>
                      <span className={styles.value} title={e.text}>
                        {e.text}
                      </span>
                      <Button
                        size="small"
                        disabled={busy}
                        aria-label={`${say(lang, "insert")} ${e.name}`}
                        data-testid={`insert-figure-${e.id}`}
                        onClick={() => void place("inserting", () => services.insertFigure!(e.id, source))}
                      >
                        {say(lang, "insert")}
                      </Button>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </>
      )}
      <LiveRegion text={action.live} testId="place-live" />
    </section>
  );
}
