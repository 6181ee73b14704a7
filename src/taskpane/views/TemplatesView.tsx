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
import { ConfirmDialog } from "../components/ConfirmDialog";
import { MarkGroups } from "../components/MarkGroups";
import { shortRowsBody } from "../components/left-out";
import { askTitle } from "../components/review";
import { carriedOverFigures, filledMarks, groupedCount, type MayBeShort } from "../model";

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
  text: { display: "block", overflowWrap: "anywhere" },
});

/** A filled document and what it shows that the clerk is asked about (or told) before and after the download. */
interface Filled {
  bytes: Uint8Array;
  fileName: string;
  note: { text: string; leftAsTyped: number };
  short: MayBeShort[];
  large: MayBeShort[];
  /** The 截至期末 notice, in the pane's language, or "" when no 截至期末/全部 figure is placed. */
  carried: string;
}

/** The 截至期末 and 全部 figures by name with their 区间, as `ledger-report fill` names them. */
export function carriedOverNote(figures: readonly FigureResult[], placedIds: readonly string[], t: Translate, lang: Lang): string {
  const carried = carriedOverFigures(figures, placedIds);
  if (carried.length === 0) return "";
  const named = carried.map((f) => (lang === "zh-CN" ? `${f.name}（${f.period.label}）` : `${f.name} (${f.period.label})`));
  return t("templatesCarriedOver", { figures: named.join(t("listSeparator")) });
}

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
  /** The last fill: its marks stay listed under the note; `asking` while the question waits for an answer. */
  const [filled, setFilled] = useState<Filled | null>(null);
  const [asking, setAsking] = useState(false);
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
    setFilled(null);
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
        return { filled, figures: engine.figures, fileName: `${template.name}-${engine.settings.year}.docx` };
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
    if (!result) return;
    const marks = filledMarks(result.figures, result.filled.ids);
    const made: Filled = {
      bytes: result.filled.bytes,
      fileName: result.fileName,
      note: filledNote(result.filled, result.figures, t, lang),
      ...marks,
      carried: carriedOverNote(result.figures, result.filled.ids, t, lang),
    };
    setFilled(made);
    setNote(made.note);
    // Figures that may be short or too large are downloaded only when the clerk says so, having seen
    // which (as 生成报告 asks): 取消 downloads nothing.
    if (made.short.length + made.large.length > 0) setAsking(true);
    else download(made);
  }

  function download(made: Filled) {
    saveBytes(made.bytes, made.fileName, services.platform);
  }

  function cancelDownload() {
    setAsking(false);
    if (note) setNote({ text: `${note.text}\n${t("templatesNotDownloaded")}`, leftAsTyped: note.leftAsTyped });
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
          <MessageBar
            intent={
              note.leftAsTyped || (filled && filled.short.length + filled.large.length + filled.carried.length) ? "warning" : "success"
            }
            layout="multiline"
            data-testid="template-note"
          >
            <MessageBarBody>
              <span className={styles.lines}>{note.text}</span>
              {filled && <FilledMarks filled={filled} />}
            </MessageBarBody>
          </MessageBar>
        )}
      </OutcomeRegion>
      <LiveRegion text={action.live} testId="templates-live" />
      <ConfirmDialog
        open={asking && filled !== null}
        testId="template-marks-dialog"
        title={
          filled
            ? askTitle({ zeros: 0, short: groupedCount(filled.short), large: groupedCount(filled.large) }, t, "templatesMarksTitle")
            : ""
        }
        confirm={{ text: t("templatesMarksConfirm"), testId: "template-marks-confirm" }}
        cancelTestId="template-marks-cancel"
        onConfirm={() => {
          setAsking(false);
          if (filled) download(filled);
        }}
        onCancel={cancelDownload}
      >
        {filled && <FilledMarks filled={filled} />}
      </ConfirmDialog>
    </PaneSection>
  );
}

/** The filled document's figures that may be short or too large, by ledger and rows, then the 截至期末 notice. */
function FilledMarks({ filled }: { filled: Filled }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      {filled.short.length > 0 && <span className={styles.text}>{shortRowsBody(filled.short, t)}</span>}
      {filled.short.length > 0 && <MarkGroups groups={filled.short} />}
      {filled.large.length > 0 && <span className={styles.text}>{t("reviewTooLargeAskBody")}</span>}
      {filled.large.length > 0 && <MarkGroups groups={filled.large} large />}
      {filled.carried && (
        <span className={styles.text} data-testid="template-carried-over">
          {filled.carried}
        </span>
      )}
    </>
  );
}
