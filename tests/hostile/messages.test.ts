/**
 * Issue 6, messages: every message id the code uses is in the catalogue (src/messages.ts), and
 * the README's "Messages" table lists exactly the catalogue's ids, with the same severities.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, message } from '../../src/messages.ts';
import { REPO } from './harness.ts';

/** Every `.ts` file under src/, with its text. */
function sources(): [string, string][] {
  const dir = join(REPO, 'src');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => [`src/${name}`, readFileSync(join(dir, name), 'utf8')]);
}

/** The ids in `message('<id>'`, `id: '<id>'` and `'<id>'` literals shaped like catalogue ids. */
function idsUsedIn(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(/\bmessage\(\s*['"`]([^'"`]+)['"`]/g)) ids.add(match[1]!);
  for (const match of text.matchAll(/\bid:\s*['"`]([a-z]+:[a-z0-9-]+)['"`]/g)) ids.add(match[1]!);
  return [...ids];
}

const CATALOGUE = Object.keys(catalogue).sort();

describe('message ids', () => {
  it('are all in the catalogue wherever src/ uses one', () => {
    const used = sources().flatMap(([file, text]) => idsUsedIn(text).map((id) => ({ file, id })));
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter(({ id }) => !Object.hasOwn(catalogue, id))).toEqual([]);
  });

  it('are each used somewhere in src/ besides the catalogue', () => {
    const all = sources().filter(([file]) => file !== 'src/messages.ts').map(([, text]) => text).join('\n');
    expect(CATALOGUE.filter((id) => !all.includes(`'${id}'`))).toEqual([]);
  });

  it('are the same in the README "Messages" table and the catalogue, with the same severities', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const section = readme.split(/^## /m).find((part) => part.startsWith('Messages'));
    expect(section, 'README has a "## Messages" section').toBeDefined();
    const rows = [...section!.matchAll(/^\|\s*`([a-z]+:[a-z0-9-]+)`\s*\|\s*(\w+)\s*\|/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(rows.map(([id]) => id).sort()).toEqual(CATALOGUE);
    for (const [id, severity] of rows) expect(severity, id).toBe(catalogue[id as keyof typeof catalogue].severity);
  });
});

describe('message text', () => {
  it('fills each placeholder once, so seed text that looks like one stays as written', () => {
    const m = message('quotes:no-speaker', { file: 'seeds/a.txt' }, { text: '{text} and {file} and {{7*7}}' });
    expect(m.reason).toBe('quotation “{text} and {file} and {{7*7}}” has no speaker');
  });

  it('throws on a placeholder left without a value: a bug, never a message with “{name}” in it', () => {
    expect(() => message('quotes:no-speaker', { file: 'seeds/a.txt' })).toThrow(/needs \{text\}/);
  });
});
