import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { grayMatterOptions, RefusedLanguageError } from '../../src/parse/front-matter.ts';
import { article, parseText, rejection } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'verbatim-matter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** JavaScript front matter that writes a file if it is ever evaluated. */
function writer(name: string): { readonly marker: string; readonly code: string } {
  const marker = join(dir, name);
  return { marker, code: `{ headline: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), 'pwned') }` };
}

describe('front matter: only YAML is ever read', () => {
  for (const language of ['js', 'JS', 'javascript', 'JavaScript', 'coffee', 'coffeescript', 'json', 'toml']) {
    it(`refuses \`---${language}\` front matter with matter:language and never runs it`, () => {
      const { marker, code } = writer(`ran-${language}`);
      const result = rejection(`---${language}\n${code}\n---\nHeadline\n\nBody.`);
      expect(result.messages.map((m) => m.id)).toEqual(['matter:language']);
      expect(result.messages[0]).toMatchObject({ line: 1, column: 4 });
      expect(result.messages[0]?.reason).toContain(language);
      expect(existsSync(marker)).toBe(false);
    });
  }

  it('refuses a language written after a space (`--- js`)', () => {
    const { marker, code } = writer('ran-space');
    expect(rejection(`--- js\n${code}\n---\nHeadline`).messages[0]?.id).toBe('matter:language');
    expect(existsSync(marker)).toBe(false);
  });

  it('accepts `---yaml` and `---YML` as YAML', () => {
    expect(article('---yaml\nsource: A\n---\nHeadline').source).toBe('A');
    expect(article('---YML\nsource: B\n---\nHeadline').source).toBe('B');
  });

  it('shows the trap is real: gray-matter without our options runs `---javascript`', () => {
    const { marker, code } = writer('ran-unprotected');
    // A fresh string, so gray-matter's cache cannot hide the evaluation.
    matter(`---javascript\n${code}\n---\nunprotected ${Date.now()}`, { engines: { js: () => ({}) } });
    expect(existsSync(marker)).toBe(true);
  });

  it('makes every code engine refuse even when gray-matter is called directly with our options', () => {
    for (const language of ['js', 'JS', 'javascript', 'Javascript', 'coffee', 'CoffeeScript', 'cson']) {
      const { marker, code } = writer(`ran-direct-${language}`);
      expect(() => matter(`---${language}\n${code}\n---\nBody`, grayMatterOptions())).toThrow(RefusedLanguageError);
      expect(existsSync(marker)).toBe(false);
    }
  });
});

describe('front matter: structure errors', () => {
  it('rejects unclosed front matter with matter:unclosed instead of dropping the body', () => {
    const result = rejection('---\ndate: 2020-01-01\nHeadline\n\nBody.');
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ id: 'matter:unclosed', line: 1, file: 'seeds/test.txt' });
  });

  it('rejects a closing line with text after the dashes', () => {
    const result = rejection('---\ndate: 2020-01-01\n--- Headline\n\nBody.');
    expect(result.messages[0]).toMatchObject({ id: 'matter:delimiter', line: 3 });
  });

  it('accepts an opening line with trailing spaces, and keeps file lines right', () => {
    expect(article('---  \nsource: A\n---\nHeadline').source).toBe('A');
    expect(rejection('--- \nsource: A\nkey: @x\n---\nHeadline').messages[0]).toMatchObject({ id: 'matter:yaml', line: 3 });
    expect(rejection('---yaml \nsource: A\nkey: @x\n---\nHeadline').messages[0]).toMatchObject({ id: 'matter:yaml', line: 3 });
  });

  it('accepts a closing line with trailing spaces', () => {
    expect(article('---\ndate: 2020-01-01\n---  \nHeadline').headline).toEqual({ text: 'Headline', line: 4 });
  });

  it('treats four dashes on the first line as text, not front matter', () => {
    expect(article('----\nHeadline').headline.text).toBe('----');
  });

  it('accepts empty front matter and front matter holding only comments', () => {
    expect(article('---\n---\nHeadline').headline).toEqual({ text: 'Headline', line: 3 });
    expect(article('---\n# just a note\n---\nHeadline').headline).toEqual({ text: 'Headline', line: 4 });
  });

  it('rejects front matter that is a list or a single value with matter:not-mapping', () => {
    expect(rejection('---\n- a\n- b\n---\nHeadline').messages[0]).toMatchObject({ id: 'matter:not-mapping', line: 2 });
    const scalar = rejection('---\njust words\n---\nHeadline').messages[0];
    expect(scalar).toMatchObject({ id: 'matter:not-mapping', line: 2 });
    expect(scalar?.reason).toContain('just words');
  });

  it('reports YAML syntax errors at the real file line', () => {
    const result = rejection('---\nsource: A\nauthor: B\ntags: [a, b\nslug: x\n---\nHeadline');
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]?.id).toBe('matter:yaml');
    expect(result.messages[0]?.line).toBeGreaterThanOrEqual(4);
    expect(result.messages[0]?.line).toBeLessThanOrEqual(6);
    expect(result.messages[0]?.reason).not.toMatch(/at line/);
  });

  it('puts the error on the file line and column that have the bad character', () => {
    expect(rejection('---\nsource: A\nauthor: B\nkey: @foo\n---\nHeadline').messages[0]).toMatchObject({ id: 'matter:yaml', line: 4, column: 6 });
    expect(rejection('---\na: 1\nb: 2\nc: 3\nd: [1, 2]]\n---\nH').messages[0]).toMatchObject({ id: 'matter:yaml', line: 5, column: 10 });
    expect(rejection('---\nsource: A\n\nauthor: "unterminated\n---\nHeadline').messages[0]).toMatchObject({ id: 'matter:yaml', line: 4 });
  });

  it('rejects a key that is not a plain name', () => {
    expect(rejection('---\nsource: A\n: x\n---\nHeadline\n\nBody.').messages[0]).toMatchObject({ id: 'matter:field-type', line: 3 });
    expect(rejection('---\n[a, b]: x\n---\nHeadline\n\nBody.').messages[0]).toMatchObject({ id: 'matter:field-type', line: 2 });
  });

  it('reports the same YAML error the same way when the same file is parsed twice', () => {
    const text = '---\nsource: A\n\nauthor: "unterminated\n---\nHeadline';
    const first = parseText(text);
    const second = parseText(text);
    expect(first).toHaveProperty('rejected', true);
    expect(second).toEqual(first);
  });

  it('shows the cache trap is real: gray-matter without options returns {} for a bad file the second time', () => {
    const text = `---\nsource: A\ntags: [a, b\n---\nHeadline ${Date.now()}`;
    expect(() => matter(text)).toThrow();
    expect(matter(text).data).toEqual({});
  });

  it('rejects unclosed and non-mapping front matter the same way twice in one process', () => {
    for (const text of ['---\ndate: 2020-01-01\nHeadline', '---\n- a\n---\nHeadline']) {
      const first = rejection(text);
      expect(rejection(text)).toEqual(first);
      expect(first.messages[0]?.id).toMatch(/^matter:(unclosed|not-mapping)$/);
    }
  });

  it('rejects duplicate keys', () => {
    expect(rejection('---\nsource: A\nsource: B\n---\nHeadline').messages[0]).toMatchObject({ id: 'matter:yaml', line: 3 });
  });
});

describe('front matter: hostile YAML', () => {
  it('never pollutes prototypes through __proto__, constructor or prototype keys', () => {
    const result = article('---\n__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nprototype: {polluted: yes}\n---\nHeadline\n\nBody.');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(result.messages.map((m) => m.id)).toEqual(['matter:unknown-field', 'matter:unknown-field', 'matter:unknown-field']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it('rejects a YAML alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const previous = String.fromCharCode('a'.charCodeAt(0) + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = performance.now();
    const result = rejection(`---\n${levels.join('\n')}\nheadline: *i\n---\nBody`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.messages[0]?.id).toBe('matter:yaml');
  });

  it('resolves an ordinary alias to a string field', () => {
    expect(article('---\nsource: &s Reuters\nauthor: *s\n---\nHeadline').author).toBe('Reuters');
  });

  const deep: [string, string][] = [
    ['a flow sequence', `headline: ${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['a flow mapping', `headline: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`],
    ['a block sequence', `extra:\n${'- '.repeat(5000)}x`],
    ['mixed flow collections', `extra: ${'[{a: '.repeat(2500)}1${'}]'.repeat(2500)}`],
  ];
  for (const [name, yaml] of deep) {
    it(`rejects ${name} nested 5,000 deep with matter:yaml, without crashing or hanging`, () => {
      const started = performance.now();
      const result = rejection(`---\n${yaml}\n---\nHeadline\n\nBody.`);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(result.messages).toHaveLength(1);
      expect(result.messages[0]?.id).toBe('matter:yaml');
      expect(result.messages[0]?.line).toBeGreaterThanOrEqual(2);
    });
  }

  it('handles mappings indented 1,000 deep (as deep as the size cap allows) without crashing', () => {
    const nested = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n');
    const started = performance.now();
    const result = parseText(`---\nextra:\n${nested}\n---\nHeadline\n\nBody.`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.messages.map((m) => m.id)).not.toContain('read:too-large');
    expect(result.messages.length).toBeGreaterThan(0);
  });
});
