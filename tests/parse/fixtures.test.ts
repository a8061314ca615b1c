/**
 * One loop over `tests/fixtures/parse/<case>/`: each holds `seed.txt` or `seed.md`
 * and `expected.json` (the full record or rejection). `UPDATE=1` rewrites the
 * expected files so a reviewer reads the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/parse/index.ts';
import { readSeed } from '../../src/read/index.ts';

const root = fileURLToPath(new URL('../fixtures/parse/', import.meta.url));
const update = process.env['UPDATE'] === '1';

describe('parse fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    const seedFile = ['seed.txt', 'seed.md'].find((file) => existsSync(join(root, name, file)));
    if (seedFile === undefined) continue;
    it(`parses ${name}/${seedFile} into expected.json`, () => {
      // The path gives the article id the case's name, as a real seed file would.
      const path = `seeds/${name}${seedFile.slice(seedFile.indexOf('.'))}`;
      const seed = readSeed({ path, bytes: readFileSync(join(root, name, seedFile)) });
      const actual: unknown = JSON.parse(JSON.stringify('rejected' in seed ? seed : parseSeed(seed)));
      const expectedFile = join(root, name, 'expected.json');
      if (update || !existsSync(expectedFile)) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
