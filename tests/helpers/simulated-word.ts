// A document opened in the simulated Word with Office's globals installed, as the Word pane sees it,
// and taken away again after each test — the one way the Word adapter's tests open a document.
import { createSimulatedWord, installSimulatedWordOffice, type SimulatedWord, type SimWordOptions } from "../../src/simulated-host/word";

const installed: (() => void)[] = [];
afterEach(() => {
  while (installed.length) installed.pop()!();
});

/** Opens `bytes` in a simulated Word (Chinese UI) with `Word`/`Office` installed on globalThis until the test ends. */
export function openInWord(bytes?: Uint8Array, options: SimWordOptions = {}): SimulatedWord {
  const sim = createSimulatedWord(bytes, options);
  installed.push(installSimulatedWordOffice(globalThis as unknown as Record<string, unknown>, sim, { language: "zh-CN" }));
  return sim;
}
