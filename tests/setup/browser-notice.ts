/**
 * A Vitest reporter that prints, after every other reporter's summary, whether the browser
 * tests were skipped (no Chromium) and how to enable them. It prints nothing when Chromium
 * was found or when no browser test file was in the run.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { skipNotice } from '../browser/env.ts';

export default class BrowserNotice implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    if (!testModules.some((m) => m.project.name === 'browser')) return;
    const notice = skipNotice();
    if (notice !== null) process.stdout.write(`\n${notice}\n`);
  }
}
