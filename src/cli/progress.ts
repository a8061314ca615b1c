/**
 * A progress bar for long builds on a terminal: stage, count, percentage and ETA,
 * redrawn at most ten times a second on stderr. Off in CI, with --quiet, or when
 * stderr is not a terminal.
 */
export interface Progress {
  readonly update: (stage: string, done: number, total: number) => void;
  readonly done: () => void;
}

/** Format seconds as `1m05s` or `12s`. */
export function formatEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** Render one progress line (pure, for tests). */
export function progressLine(stage: string, done: number, total: number, elapsedMs: number, width = 24): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(ratio * width);
  const eta = done > 0 && done < total ? ` ETA ${formatEta(((elapsedMs / done) * (total - done)) / 1000)}` : '';
  return `${stage.padEnd(8)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.round(ratio * 100)}%${eta}`;
}

export function progressReporter(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled) return { update: () => {}, done: () => {} };
  let stage = '';
  let stageStart = 0;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(name, done, total) {
      const now = performance.now();
      if (name !== stage) {
        stage = name;
        stageStart = now;
      }
      if (now - lastDraw < 100 && done !== total) return;
      lastDraw = now;
      stream.write(`\r${progressLine(name, done, total, now - stageStart)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
