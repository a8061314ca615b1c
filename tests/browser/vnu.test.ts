/**
 * Valid HTML: the Nu HTML checker (npm `vnu-jar`, run with Java) reports no error on any page
 * of the built site, which covers every page type. Needs no browser.
 */
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAN_VALIDATE, htmlFiles, vnuErrors } from '../helpers/vnu.ts';
import { pageTypes, site } from './harness.ts';

// Without Java the checker cannot run: skipped (CI, which requires the browser suite, installs Java and never skips).
describe.skipIf(!CAN_VALIDATE)('valid HTML', () => {
  it('has no Nu HTML checker error on any page of the site', async () => {
    const root = realpathSync(site().outDir);
    const files = htmlFiles(root).sort();
    // Every page type is among the files checked (the 404 page is /404.html).
    const checked = new Set(files.map((f) => `/${relative(root, f)}`.replace(/index\.html$/, '')));
    for (const type of pageTypes()) expect(checked.has(type.status === 404 ? '/404.html' : type.path), type.name).toBe(true);

    const errors = (await vnuErrors(files)).map((line) => line.replace(`${root}/`, ''));
    expect(errors).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  });
});
