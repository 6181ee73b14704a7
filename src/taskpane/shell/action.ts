// One way for every pane action (read a file, patch a report, insert, set up, save…) to say what it is
// doing, to announce it, and to fail: the stage it was in decides the clerk's words, and the raw error
// always goes along for IT. Plain TypeScript, so the rules are tested without React or a DOM.
import { technicalDetail, type PaneError } from "../components/ErrorNotice";
import { yieldToPaint } from "./paint";

/** What the clerk reads when an action fails; the technical detail is added by the runner. */
export type Problem = Omit<PaneError, "detail">;

/** What a view shows while and after an action runs. */
export interface ActionState {
  /** The progress line's text while the action runs; null when idle. */
  busy: string | null;
  /** What the live region announces (progress, then the outcome). */
  live: string;
  /** The failure of the last action, in the clerk's words. */
  error: PaneError | null;
}

export const IDLE: ActionState = { busy: null, live: "", error: null };

/**
 * Enters a stage: its message (when given) becomes the progress line and is announced, and the page
 * paints before the synchronous work that follows (reading a file, the engine, the patcher).
 */
export type Step<S extends string> = (stage: S, message?: string) => Promise<void>;

export interface ActionSpec<S extends string, R> {
  /** The stage the action starts in. */
  stage: S;
  /** Shown and announced from the start; without it the action runs without a progress line. */
  message?: string;
  work: (step: Step<S>) => Promise<R>;
  /**
   * The clerk's words for a failure in this stage; `null` when the view handled it itself (for example
   * by asking which workbook), and then nothing is shown as an error.
   */
  fail: (stage: S, error: unknown) => Problem | null;
  /** Announced once the work has finished. */
  done?: (result: R) => string | undefined;
}

/** A failure as the clerk and IT read it: the clerk's words and the raw error's every detail. */
export function paneError(problem: Problem, error: unknown): PaneError {
  return { ...problem, detail: technicalDetail(error) };
}

/**
 * Runs one action against a view's state: clears the last error, shows and announces progress stage
 * by stage, and on failure states the problem of the stage it failed in. Resolves to the work's
 * result, or undefined when it failed (the failure is then in the state).
 */
export async function runAction<S extends string, R>(
  set: (update: (state: ActionState) => ActionState) => void,
  spec: ActionSpec<S, R>,
  paint: () => Promise<void> = yieldToPaint,
): Promise<R | undefined> {
  let stage = spec.stage;
  const say = (message: string | undefined) => {
    if (message !== undefined) set((s) => ({ ...s, busy: message, live: message }));
  };
  set((s) => ({ ...s, error: null }));
  say(spec.message);
  const step: Step<S> = async (next, message) => {
    stage = next;
    say(message);
    await paint();
  };
  try {
    const result = await spec.work(step);
    const done = spec.done?.(result);
    set((s) => ({ ...s, busy: null, live: done ?? s.live }));
    return result;
  } catch (error) {
    const problem = spec.fail(stage, error);
    // The error notice takes focus and is read out; the progress announcement would only repeat.
    set((s) => ({ ...s, busy: null, live: "", error: problem ? paneError(problem, error) : null }));
    return undefined;
  }
}
