import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every build in the tests checks each page key it reuses against the page's full data
    // (src/build/incremental.ts): a key that misses an input fails the test that exposes it.
    env: { VERBATIM_VERIFY_KEYS: '1' },
    // The last reporter prints the notice when the browser tests were skipped (no Chromium).
    reporters: ['default', './tests/setup/browser-notice.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/browser/**'] } },
      // One site build and one Chromium for every browser test file (tests/setup/browser.ts). The files
      // mostly wait on Chromium's own processes, so two run at once even on a 2-core machine; they run
      // after the unit tests (a project with its own maxWorkers needs its own groupOrder).
      {
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['./tests/setup/browser.ts'], maxWorkers: 2, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
