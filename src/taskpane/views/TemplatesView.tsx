// 报告模板 in the Excel pane: the built-in 述职报告 and the clerk's own Word templates stored in this
// workbook (hidden sheet 报告模板库), so every department sharing the workbook fills the same document.
// 选择 Word 模板… stores one; 填写并下载 fills a stored one from the ledgers (the `fill` engine, in the pane).
import { useEffect, useState } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { TEMPLATES } from "../../core/report";
import { templateNameOf, type StoredTemplate } from "../../core/fill/stored";
import { placedCounts } from "../../core/fill";
import type { FigureResult } from "../../core/types";
import { useI18n, type Lang, type Translate } from "../i18n";
import { templateLabel } from "../template-label";
import type { FillResult } from "../../adapters/docx/fill";
import { MUTED, PLAIN_LIST, ROW_NAME, SECTION, SECTION_TITLE } from "../components/styles";
import type { PaneServices } from "../services";
import { ErrorNotice } from "../components/ErrorNotice";
import { clerkMessage } from "../components/review";
import { LiveRegion, OutcomeRegion } from "../components/LiveRegion";
import { ProgressLine } from "../components/ProgressLine";
import { useAction } from "../shell/useAction";
import { FilePicker, fileBytes } from "../components/FilePicker";
import { saveBytes } from "../download";
import { PaneSection } from "../components/PaneSection";

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
  // One line per placeholder left as typed.
  lines: { whiteSpace: "pre-line" },
});

/**
 * What 填写并下载 says: how many placeholders became figures, then every one left as typed in fill's
 * own words (named nothing, its 指标定义 row broken, a table figure inside a line of text, split
 * across a field) — the same issues `ledger-report fill` lists, never a count that leaves one out.
 */
export function filledNote(
  result: Pick<FillResult, "placeholders" | "issues">,
  figures: readonly Pick<FigureResult, "id" | "unresolved">[],
  t: Translate,
  lang: Lang,
): { text: string; leftAsTyped: number } {
  const { placed, pending } = placedCounts(result.placeholders, figures);
  const left = result.issues.filter((i) => i.code.startsWith("fill."));
  const lines = [
    t("templatesFilled", { n: placed }) + (pending ? t("templatesPending", { n: pending }) : ""),
    ...left.map((i) => (lang === "zh-CN" ? i.message : i.messageEn)),
  ];
  return { text: lines.join("\n"), leftAsTyped: left.length + pending };
}

export function TemplatesView({ services }: { services: PaneServices }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const action = useAction();
  const [stored, setStored] = useState<StoredTemplate[] | null>(null);
  const [note, setNote] = useState<{ text: string; leftAsTyped: number } | null>(null);
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
      message: t("templatesStoring"),
      work: async () => {
        const bytes = await fileBytes(file);
        if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error(t("templatesNotDocx"));
        return templates!.store({ name, fileName: file.name, savedAt: new Date().toISOString().slice(0, 10), bytes });
      },
      fail: () => ({ what: t("templatesFailStore"), where: file.name, todo: t("templatesTodo") }),
      // The note below says it (and is read aloud there): said here too it would show twice.
      done: () => "",
    });
    if (result) {
      setStored(result);
      setNote({ text: t("templatesStoredDone", { name }), leftAsTyped: 0 });
    }
  }

  async function fill(template: StoredTemplate) {
    setNote(null);
    const result = await action.run({
      stage: "fill",
      message: t("templatesFilling"),
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
        return { filled, figures: engine.figures };
      },
      // A damaged or oversized template says what is wrong with it (DocxReadError's words), as the CLI does.
      fail: (_, err) => ({
        what: t("templatesFailFill"),
        where: template.fileName || template.name,
        todo: clerkMessage(err, lang) ?? t("templatesTodo"),
      }),
      // The progress line's 正在用台账数字填写模板… goes; the note below says how the fill came out.
      done: () => "",
    });
    if (result) setNote(filledNote(result.filled, result.figures, t, lang));
  }

  const busy = action.busy !== null;
  return (
    <PaneSection id="templates" title={t("templatesTitle")} intro={t("templatesIntro")} testId="templates-view">
      <ul className={styles.list} data-testid="template-list">
        {TEMPLATES.map((template) => (
          <li key={template.id} className={styles.row} data-testid="template-builtin">
            <span className={styles.name}>{templateLabel(template, t)}</span>
            <Caption1 className={styles.muted}>{t("templatesBuiltIn")}</Caption1>
          </li>
        ))}
        {(stored ?? []).map((template) => (
          <li key={template.name} className={styles.row} data-testid="template-stored" data-name={template.name}>
            <span className={styles.name}>{template.name}</span>
            <Caption1 className={styles.muted}>{t("templatesStored", { at: template.savedAt })}</Caption1>
            <Button size="small" disabled={busy} data-testid={`template-fill-${template.name}`} onClick={() => void fill(template)}>
              {t("templatesFill")}
            </Button>
          </li>
        ))}
      </ul>
      <div>
        <FilePicker
          accept=".docx"
          label={t("templatesChooseLabel")}
          text={t("templatesChoose")}
          disabled={busy}
          testId="template-choose"
          onFile={(f) => void store(f)}
        />
      </div>
      {action.busy && <ProgressLine text={action.busy} />}
      {action.error && <ErrorNotice ref={action.errorRef} error={action.error} />}
      <OutcomeRegion testId="template-outcome">
        {note && (
          <MessageBar intent={note.leftAsTyped ? "warning" : "success"} layout="multiline" data-testid="template-note">
            <MessageBarBody className={styles.lines}>{note.text}</MessageBarBody>
          </MessageBar>
        )}
      </OutcomeRegion>
      <LiveRegion text={action.live} testId="templates-live" />
    </PaneSection>
  );
}
