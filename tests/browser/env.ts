/**
 * Where the browser suite finds Chromium, and whether it must. Read by the test files, the
 * global setup and the reporter that prints the skip notice, so all three agree.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The Chromium binary: Debian's by default; `VERBATIM_CHROMIUM` overrides it (a missing path simulates a machine without it). */
export const CHROMIUM = process.env.VERBATIM_CHROMIUM ?? '/usr/bin/chromium';

/** True when the binary exists. */
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** CI sets `VERBATIM_REQUIRE_BROWSER=1`: a missing Chromium then fails the run instead of skipping. */
export const REQUIRE_BROWSER = process.env.VERBATIM_REQUIRE_BROWSER === '1';

/** True when a Java runtime runs (the Nu HTML checker, npm `vnu-jar`, needs one). */
export const HAVE_JAVA = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;

/** How to get Chromium (and Java for the HTML checker), as the notice says it. */
export const INSTALL_HINT = 'sudo apt-get install -y chromium default-jre-headless';

/** Flags for headless Chromium on this machine's closed network (see the machine notes). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The lines printed at the very end of `npm test` when the browser tests did not run, or null when they did. */
export function skipNotice(): string | null {
  if (HAVE_CHROMIUM) return null;
  if (REQUIRE_BROWSER) {
    return [
      `Browser tests FAILED: Chromium was not found at ${CHROMIUM}, and VERBATIM_REQUIRE_BROWSER=1 requires them.`,
      `Install it with: ${INSTALL_HINT}`,
    ].join('\n');
  }
  return [
    `Browser tests SKIPPED: Chromium was not found at ${CHROMIUM}, so the tests in tests/browser that drive a browser did not run.`,
    `To run them, install Debian's Chromium: ${INSTALL_HINT}  (or set VERBATIM_CHROMIUM to a Chromium binary).`,
  ].join('\n');
}
