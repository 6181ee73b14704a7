// Figures that may be short (rows left out) or too large (rows repeating a key, both counted), one line
// per ledger and rows: where 生成报告 and 报告模板's 填写并下载 list them and ask about them.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { BULLET_LIST } from "./styles";
import { shortCells } from "./cells";
import { shortRowsKey, shortRowsWords, type ShortRows } from "./left-out";

/** One ledger's rows and the figures they mark (the Excel pane's model.ts MayBeShort has this shape). */
export interface MarkGroup {
  ledger: string;
  count: number;
  cells: string[];
  figures: readonly { id: string; name: string; text: string }[];
  /** Of a may-be-short group's rows, those counted as 其他: said apart (left-out.ts). */
  readAsOther?: ShortRows["readAsOther"];
}

const useStyles = makeStyles({
  list: BULLET_LIST,
  name: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * How many rows and where (each sheet said: a ledger kept on several sheets has a G5 on each), then the
 * ledger's figures with the value the document will show — the same words as 更新已有报告's question.
 */
export function MarkGroups(props: { groups: readonly MarkGroup[]; large?: boolean }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const kind = props.large ? "large" : "short";
  return (
    <ul className={styles.list}>
      {props.groups.map((g) => (
        <li key={shortRowsKey(g)} data-testid={`${kind}-ledger`} data-ledger={g.ledger}>
          <span className={styles.name}>
            {props.large
              ? t("reviewTooLargeLedger", {
                  ledger: g.ledger,
                  count: g.count,
                  // Repeats are capped at a few cells: the rest said as "…", never a count that looks complete.
                  cells: [...shortCells(g.cells), ...(g.count > g.cells.length ? ["…"] : [])].join(t("listSeparator")),
                })
              : t("reviewLeftOutLedger", { rows: shortRowsWords(g, t) })}
          </span>
          {lang === "zh-CN" ? "" : " "}
          {g.figures.map((f, i) => (
            <span key={f.id} data-testid={`${kind}-figure`} data-figure={f.id}>
              {i > 0 ? t("listSeparator") : ""}
              {f.name}
              {lang === "zh-CN" ? "：" : ": "}
              {f.text}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}
