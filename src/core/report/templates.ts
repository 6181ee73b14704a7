// The built-in templates, by id. Kept apart from the report builder so that reading 报告设置 can
// check a template id without pulling in the builder.
import { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_NAME } from "../../templates/default";

export interface Template {
  id: string;
  name: string;
  /** Markup, see template.ts. */
  text: string;
}

export const DEFAULT_TEMPLATE_ID = "default";

export const TEMPLATES: readonly Template[] = [{ id: DEFAULT_TEMPLATE_ID, name: DEFAULT_TEMPLATE_NAME, text: DEFAULT_TEMPLATE }];

/** Template ids are matched ignoring case and surrounding spaces, as a clerk may type `Default `. */
export function templateById(id: string): Template | undefined {
  const wanted = id.trim().toLowerCase();
  return TEMPLATES.find((t) => t.id.toLowerCase() === wanted);
}
