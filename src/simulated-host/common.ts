// What both simulated hosts share: Office.js load specs, and putting globals in place for a page.

export type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown>;

/** Every load form Office.js accepts → property paths (`name`, `items/name`, `worksheet/name`). */
export function loadPaths(spec: LoadSpec | undefined): string[] {
  if (spec === undefined || spec === null) return [];
  const list = (s: string | string[]) => (Array.isArray(s) ? s : s.split(",")).map((p) => p.trim()).filter(Boolean);
  if (typeof spec === "string" || Array.isArray(spec)) return list(spec);
  if ("select" in spec || "expand" in spec) {
    const o = spec as { select?: string | string[]; expand?: string | string[] };
    return [...list(o.select ?? []), ...list(o.expand ?? [])];
  }
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      // $all, $top, $skip: options, not properties.
      if (k.startsWith("$")) continue;
      if (v === true) out.push(prefix + k);
      else if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
    }
  };
  walk(spec as Record<string, unknown>, "");
  return out;
}

/** Sets the given globals and returns a function that puts back what was there before. */
export function installGlobals(globalObj: Record<string, unknown>, values: Record<string, unknown>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((k) => [k, globalObj[k]]));
  Object.assign(globalObj, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete globalObj[key];
      else globalObj[key] = value;
    }
  };
}
