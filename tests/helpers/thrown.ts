// The error a call throws, as a test wants to look at it: of the class the test names, or the test fails.

/**
 * Calls `f` and returns the error it throws when that is an instance of `kind`; fails (throws) when
 * `f` returns, or throws anything else — so a reader that stopped failing cannot pass the test.
 */
export function thrown<E extends Error>(kind: abstract new (...args: never[]) => E, f: () => unknown): E {
  try {
    f();
  } catch (e) {
    if (e instanceof kind) return e;
    throw new Error(`expected ${kind.name}, got ${String(e)}`);
  }
  throw new Error(`expected ${kind.name}, but nothing was thrown`);
}
