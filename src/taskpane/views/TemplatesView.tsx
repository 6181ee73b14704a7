// 报告模板 in the Excel pane: the built-in 述职报告 and the clerk's own Word templates stored in this
// workbook (hidden sheet 报告模板库), so every department sharing the workbook fills the same document.
// 选择 Word 模板… stores one; 填写并下载 fills a stored one from the ledgers (the `fill` engine, in the pane).
import { useEffect, useState } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { TEMPLATES } from "../../core/report";
import { templateNameOf, type StoredTemplate } from "../../core/fill/stored";
import { sectionSay, useI18n } from "../i18n";
import { MUTED, PLAIN_LIST, ROW_NAME, SECTION, SECTION_TITLE } from "../components/styles";
import type { PaneServices } from "../services";
import { ErrorNotice } from "../components/ErrorNotice";
import { LiveRegion } from "../components/LiveRegion";
import { ProgressLine } from "../components/ProgressLine";
import { useAction } from "../shell/useAction";
import { FilePicker, fileBytes } from "../components/FilePicker";
import { saveBytes } from "../download";

const WORDS = {
  title: ["报告模板", "Report templates"],
  intro: [
    "除内置的述职报告外，可把您自己的 Word 文档（含 {{指标名称}} 等占位符）保存到本工作簿，共用工作簿的各部门都能用它填写同样的文档。",
    "Besides the built-in report, store your own Word document (with placeholders such as {{figure name}}) in this workbook, so every department sharing it fills the same document.",
  ],
  builtIn: ["内置", "built in"],
  stored: ["保存于 {at}", "stored {at}"],
  choose: ["选择 Word 模板…", "Choose Word template…"],
  chooseLabel: ["选择要保存到工作簿的 Word 模板（.docx）", "Choose a Word template (.docx) to store in the workbook"],
  storing: ["正在把模板保存到工作簿…", "Storing the template in the workbook…"],
  storedDone: [
    "已把“{name}”保存到工作簿（隐藏工作表“报告模板库”）。命令行：ledger-report fill 台账.xlsx {name}",
    "Stored “{name}” in the workbook (hidden sheet 报告模板库). Command line: ledger-report fill workbook.xlsx {name}",
  ],
  fill: ["填写并下载", "Fill and download"],
  filling: ["正在用台账数字填写模板…", "Filling the template from the ledgers…"],
  filled: ["已填写 {n} 个占位符。", "Filled {n} placeholder(s)."],
  unknown: ["未识别、原样保留：{list}", "Not recognised, left as typed: {list}"],
  notDocx: ["这不是 Word 文档（.docx）", "This is not a Word document (.docx)"],
  failStore: ["模板未能保存到工作簿", "The template could not be stored in the workbook"],
  failFill: ["模板未能填写", "The template could not be filled"],
  todo: [
    "请确认选择的是 .docx 文件、工作簿未受保护，然后再试。",
    "Make sure you picked a .docx file and the workbook is not protected, then try again.",
  ],
} as const;

const say = sectionSay(WORDS);

const useStyles = makeStyles({
  section: SECTION,
  title: SECTION_TITLE,
  muted: MUTED,
  list: PLAIN_LIST,
  row: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  name: ROW_NAME,
});

export function TemplatesView({ services }: { services: PaneServices }) {
  const { lang } = useI18n();
  const styles = useStyles();
  const action = useAction();
  const [stored, setStored] = useState<StoredTemplate[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const templates = services.templates;

  useEffect(() => {
    if (!templates) return;
    templates.list().then(setStored, () => setStored([]));
  }, [templates]);
  if (!templates) return null;

  async function store(file: File) {
    setNote(null);
    const name = templateNameOf(file.name);
    const result = await action.run({
      stage: "store",
      message: say(lang, "storing"),
      work: async () => {
        const bytes = await fileBytes(file);
        if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error(say(lang, "notDocx"));
        return templates!.store({ name, fileName: file.name, savedAt: new Date().toISOString().slice(0, 10), bytes });
      },
      fail: () => ({ what: say(lang, "failStore"), where: file.name, todo: say(lang, "todo") }),
      done: () => say(lang, "storedDone", { name }),
    });
    if (result) {
      setStored(result);
      setNote(say(lang, "storedDone", { name }));
    }
  }

  async function fill(template: StoredTemplate) {
    setNote(null);
    const result = await action.run({
      stage: "fill",
      message: say(lang, "filling"),
      work: async () => {
        const { workbook } = await services.source.read();
        const engine = await services.runEngine(workbook);
        const { fillFromEngine } = await import(/* webpackChunkName: "fill" */ "../../adapters/docx/fill");
        const filled = fillFromEngine(template.bytes, engine, {
          workbookName: workbook.name ?? "",
          generatedAt: new Date().toISOString(),
          templateName: template.fileName || `${template.name}.docx`,
        });
        saveBytes(filled.bytes, `${template.name}-${engine.settings.year}.docx`, services.platform);
        return filled;
      },
      fail: () => ({ what: say(lang, "failFill"), where: template.fileName || template.name, todo: say(lang, "todo") }),
    });
    if (result) {
      const converted = result.placeholders.filter((p) => p.target && !p.refused).length;
      const unknown = result.placeholders.filter((p) => !p.target).map((p) => p.text);
      setNote(
        [say(lang, "filled", { n: converted }), unknown.length ? say(lang, "unknown", { list: unknown.join(" ") }) : ""].join(" ").trim(),
      );
    }
  }

  const busy = action.busy !== null;
  return (
    <section className={styles.section} aria-labelledby="templates-title" data-testid="templates-view">
      <Subtitle2 as="h2" id="templates-title" className={styles.title}>
        {say(lang, "title")}
      </Subtitle2>
      <Caption1 className={styles.muted}>{say(lang, "intro")}</Caption1>
      <ul className={styles.list} data-testid="template-list">
        {TEMPLATES.map((t) => (
          <li key={t.id} className={styles.row} data-testid="template-builtin">
            <span className={styles.name}>{t.name}</span>
            <Caption1 className={styles.muted}>{say(lang, "builtIn")}</Caption1>
          </li>
        ))}
        {(stored ?? []).map((t) => (
          <li key={t.name} className={styles.row} data-testid="template-stored" data-name={t.name}>
            <span className={styles.name}>{t.name}</span>
            <Caption1 className={styles.muted}>{say(lang, "stored", { at: t.savedAt })}</Caption1>
            <Button size="small" disabled={busy} data-testid={`template-fill-${t.name}`} onClick={() => void fill(t)}>
              {say(lang, "fill")}
            </Button>
          </li>
        ))}
      </ul>
      <div>
        <FilePicker
          accept=".docx"
          label={say(lang, "chooseLabel")}
          text={say(lang, "choose")}
          disabled={busy}
          testId="template-choose"
          onFile={(f) => void store(f)}
        />
      </div>
      {action.busy && <ProgressLine text={action.busy} />}
      {action.error && <ErrorNotice ref={action.errorRef} error={action.error} />}
      {note && (
        <MessageBar intent="success" layout="multiline" data-testid="template-note">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      <LiveRegion text={action.live} testId="templates-live" />
    </section>
  );
}
