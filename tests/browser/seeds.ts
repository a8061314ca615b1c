/**
 * The seeds of the browser suite's site: the sample seed, the site fixture seeds, a hostile
 * seed (issue 6, item 13) with a speakers.yml that gives its speaker a hostile name, and a
 * handful of PolNeAR dev seeds when the corpus is on the machine.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLE_SEED = join(REPO, 'seeds', '000_4214a0f614e41956.txt');
export const FIXTURE_SEEDS = join(REPO, 'tests', 'fixtures', 'site-seeds');
export const POLNEAR_DEV = process.env.VERBATIM_POLNEAR_DEV ?? '/work/shared/corpora/polnear/dev';
/** How many PolNeAR dev seeds (the first in name order) join the site. */
export const POLNEAR_COUNT = 6;

/** Each of these sets `window.__pwned` or opens a dialog if it ever runs. */
export const HOSTILE = {
  script: '<script>window.__pwned=1</script>',
  img: '"><img src=x onerror="window.__pwned=1">',
  imgAlert: "'><img src=y onerror=alert(1)>",
  title: '</title>',
  endScript: '</script>',
  js: 'javascript:window.__pwned=1',
  nunjucks: '{{7*7}}',
  liquid: '{% include %}',
  lineSep: 'line\u2028separator',
  rlo: 'right\u202Eto-left',
} as const;

export const HOSTILE_ALL = Object.values(HOSTILE).join(' ');
/** The canonical name speakers.yml gives the hostile seed's speaker. */
export const HOSTILE_SPEAKER = `Mallory ${HOSTILE.script} ${HOSTILE.img} ${HOSTILE.title}`;
export const HOSTILE_HEADLINE = `Hostile headline ${HOSTILE_ALL}`;
/** A phrase only the hostile seed's quote contains (plain words, so search can find it). */
export const HOSTILE_QUOTE_WORDS = 'zanzibar marmalade protocol';

/** A YAML double-quoted scalar, with the invisible characters escaped. */
function yamlString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029').replace(/\u202E/g, '\\u202E');
}

export const HOSTILE_SEED = [
  '---',
  `headline: ${yamlString(HOSTILE_HEADLINE)}`,
  `summary: [${yamlString(`Hostile summary ${HOSTILE_ALL}`)}]`,
  'date: 2024-02-29',
  `source: ${yamlString(`Hostile Source ${HOSTILE.js} ${HOSTILE.img}`)}`,
  `author: ${yamlString(`Hostile Author ${HOSTILE.endScript} ${HOSTILE.title}`)}`,
  `tags: [${[`tag ${HOSTILE.script}`, HOSTILE.js, HOSTILE.nunjucks, HOSTILE.liquid].map(yamlString).join(', ')}]`,
  '---',
  `The council met on Monday. ${HOSTILE_ALL}`,
  '',
  `“The ${HOSTILE_QUOTE_WORDS} is ${HOSTILE_ALL} and it stays,” Mallory Quinn said on Monday.`,
  '',
  `Mallory Quinn later added that the plan was “${HOSTILE.script} ${HOSTILE.nunjucks} final.”`,
  '',
].join('\n');

export const HOSTILE_SPEAKERS_YML = ['speakers:', `  - name: ${yamlString(HOSTILE_SPEAKER)}`, '    aliases: [Mallory Quinn, Quinn]', '    type: person', ''].join('\n');

/** A Markdown seed whose links are dangerous; the sanitizer must drop the `javascript:` URLs. */
export const HOSTILE_MARKDOWN = [
  '---',
  'date: 2024-02-28',
  'source: Hostile Source Two',
  '---',
  '# Markdown with dangerous links',
  '',
  `A [link](javascript:window.__pwned=1) and <a href="javascript:window.__pwned=1">raw html</a> and <script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=1">.`,
  '',
  '“Nothing here should run,” said Mallory Quinn.',
  '',
].join('\n');

/** The PolNeAR dev seeds the suite uses (empty when the corpus is absent). */
export function polnearSeeds(): string[] {
  if (!existsSync(POLNEAR_DEV)) return [];
  return readdirSync(POLNEAR_DEV)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .slice(0, POLNEAR_COUNT);
}

/** Write every seed of the suite's site into `dir` (created if missing). Returns the seed file names. */
export function writeSuiteSeeds(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  copyFileSync(SAMPLE_SEED, join(dir, '000_4214a0f614e41956.txt'));
  for (const name of readdirSync(FIXTURE_SEEDS)) copyFileSync(join(FIXTURE_SEEDS, name), join(dir, name));
  writeFileSync(join(dir, 'zz-hostile.txt'), HOSTILE_SEED);
  writeFileSync(join(dir, 'zz-hostile-links.md'), HOSTILE_MARKDOWN);
  writeFileSync(join(dir, 'speakers.yml'), HOSTILE_SPEAKERS_YML);
  for (const name of polnearSeeds()) copyFileSync(join(POLNEAR_DEV, name), join(dir, name));
  return readdirSync(dir).sort();
}
