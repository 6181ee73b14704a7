// The pane's actions in a view: busy, progress, the live region and the error, the same everywhere.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { PaneError } from "../components/ErrorNotice";
import { IDLE, paneError, runAction, type ActionSpec, type ActionState, type Problem } from "./action";

export interface Action extends ActionState {
  /** Runs the work (see runAction); resolves to its result, or undefined when it failed. */
  run<S extends string, R>(spec: ActionSpec<S, R>): Promise<R | undefined>;
  /** Announces an outcome that is not an action's end (a choice, a saved file). */
  announce(text: string): void;
  /** Shows a failure found outside run (a check before the work); the raw error goes to IT. */
  fail(problem: Problem, error: unknown): void;
  clearError(): void;
  /** Give it to the view's ErrorNotice: a new error takes focus, so the clerk hears it at once. */
  errorRef: React.RefObject<HTMLDivElement | null>;
}

export function useAction(): Action {
  const [state, setState] = useState<ActionState>(IDLE);
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.error) errorRef.current?.focus();
  }, [state.error]);
  const run = useCallback(<S extends string, R>(spec: ActionSpec<S, R>) => runAction(setState, spec), []);
  const announce = useCallback((live: string) => setState((s) => ({ ...s, live })), []);
  const fail = useCallback((problem: Problem, error: unknown) => setState((s) => ({ ...s, error: paneError(problem, error) })), []);
  const clearError = useCallback(() => setState((s) => ({ ...s, error: null as PaneError | null })), []);
  return useMemo(() => ({ ...state, run, announce, fail, clearError, errorRef }), [state, run, announce, fail, clearError]);
}
