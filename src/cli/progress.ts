// A progress line on stderr that appears only once a job has taken longer than a second, and only
// on a terminal: quick runs stay quiet, and a script capturing stderr gets just the one-line
// message the exit codes promise.

export interface Progress {
  step(label: string): void;
  done(): void;
}

export function createProgress(steps: string[], stream: NodeJS.WriteStream = process.stderr, delayMs = 1000): Progress {
  const started = Date.now();
  const tty = Boolean(stream.isTTY);
  let index = -1;
  let shown = false;
  let current = "";

  const draw = () => {
    if (!tty || Date.now() - started < delayMs) return;
    const width = 20;
    const filled = Math.round((width * Math.max(index, 0)) / steps.length);
    const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${current}`;
    stream.write(`\r${bar}\x1b[K`);
    shown = true;
  };
  // Rendering is asynchronous: redraw meanwhile so the line appears on time even mid-step.
  const timer = tty ? setInterval(draw, 250) : undefined;
  timer?.unref?.();

  return {
    step(label: string) {
      index = Math.max(index + 1, steps.indexOf(label));
      current = label;
      draw();
    },
    done() {
      clearInterval(timer);
      if (shown) stream.write("\r\x1b[K");
    },
  };
}
