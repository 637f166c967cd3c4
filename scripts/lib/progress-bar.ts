// A progress bar on stderr for long jobs; plain percentage lines when stderr is not a terminal.
export interface ProgressBar {
  update(phase: string, done: number, total: number): void;
  /** Ends the current line (call before printing anything else). */
  finish(): void;
}

export function createProgressBar(width = 30): ProgressBar {
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  let lastPercent = -1;
  return {
    update(phase, done, total) {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      if (phase === lastPhase && percent === lastPercent) return;
      if (tty) {
        const filled = Math.round((percent / 100) * width);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        if (phase !== lastPhase && lastPhase) process.stderr.write('\n');
        process.stderr.write(`\r  ${phase.padEnd(16)} ${bar} ${String(percent).padStart(3)}%  ${done}/${total}`);
      } else if (phase !== lastPhase || percent === 100 || percent - lastPercent >= 25) {
        process.stderr.write(`  ${phase}: ${percent}% (${done}/${total})\n`);
      }
      lastPhase = phase;
      lastPercent = percent;
    },
    finish() {
      if (tty && lastPhase) process.stderr.write('\n');
      lastPhase = '';
    },
  };
}
