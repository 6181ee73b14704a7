// A built-in template's name as the pane shows it. Apart from i18n/index so that module does not pull
// in the built-in template's text (the Word pane never lists templates).
import { DEFAULT_TEMPLATE_ID } from "../core/report/templates";
import type { Translate } from "./i18n";

/**
 * A built-in template's name in the pane's language: the workbook stores its id, and its Chinese name
 * would stand untranslated among English labels. A template the clerk stored keeps the clerk's name.
 */
export function templateLabel(template: { id: string; name: string }, t: Translate): string {
  return template.id === DEFAULT_TEMPLATE_ID ? t("templateDefaultName") : template.name;
}
