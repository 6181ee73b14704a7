// Byte arrays joined end to end: the zip reader's and the sheet scanner's carried-over chunks, and the
// zip writer's output. One function, so a fix (or a faster copy) reaches every caller.

/** The parts, one after another, in a new array (a single part is copied too: callers may keep the parts). */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
