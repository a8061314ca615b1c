/**
 * Whether the browser tests can run. Without Chromium they are skipped and the run's last
 * lines say so (tests/setup/browser-notice.ts), unless `VERBATIM_REQUIRE_BROWSER=1` (CI):
 * then this test fails the run.
 */
import { describe, expect, it } from 'vitest';
import { CHROMIUM, HAVE_CHROMIUM, INSTALL_HINT, REQUIRE_BROWSER, skipNotice } from './env.ts';

describe('Chromium for the browser tests', () => {
  it.runIf(REQUIRE_BROWSER)('is installed, because VERBATIM_REQUIRE_BROWSER=1 requires the browser tests to run', () => {
    expect(HAVE_CHROMIUM, `Chromium was not found at ${CHROMIUM}; install it with: ${INSTALL_HINT}`).toBe(true);
  });

  it('gives a skip notice exactly when Chromium is missing, naming the path and the install command', () => {
    const notice = skipNotice();
    if (HAVE_CHROMIUM) {
      expect(notice).toBeNull();
    } else {
      expect(notice).toContain(CHROMIUM);
      expect(notice).toContain(INSTALL_HINT);
      expect(notice).toMatch(REQUIRE_BROWSER ? /^Browser tests FAILED/ : /^Browser tests SKIPPED/);
    }
  });
});
