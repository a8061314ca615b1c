import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELP, main, summaryLine } from '../../src/cli/index.ts';
import { formatEta, progressLine } from '../../src/cli/progress.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), isTTY: false }, out, err };
}

describe('verbatim command line', () => {
  it('prints the help and exits 0 with --help', async () => {
    const { io, out } = capture();
    expect(await main(['--help'], io)).toBe(0);
    expect(out.join('\n')).toContain('verbatim <command>');
    expect(out.join('\n')).toBe(HELP);
  });

  it('prints the package version with --version, -v or version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const args of [['--version'], ['-v'], ['version'], ['build', '--version']]) {
      const { io, out } = capture();
      expect(await main(args, io), args.join(' ')).toBe(0);
      expect(out).toEqual([`verbatim ${version} (node ${process.versions.node})`]);
    }
  });

  it('exits 2 and says why for an unknown option', async () => {
    const { io, err } = capture();
    expect(await main(['build', '--bogus'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/bogus/);
  });

  it('exits 2 for a missing or unknown command', async () => {
    expect(await main([], capture().io)).toBe(2);
    const { io, err } = capture();
    expect(await main(['publish'], io)).toBe(2);
    expect(err.join('\n')).toContain('unknown command “publish”');
  });

  it('exits 2 for a base URL that is not absolute', async () => {
    const { io, err } = capture();
    expect(await main(['build', '--base-url', 'example.org'], io)).toBe(2);
    expect(err.join('\n')).toContain('--base-url');
  });

  it('exits 2 naming the folder when the seeds folder does not exist', async () => {
    const { io, err } = capture();
    expect(await main(['check', '--seeds', '/nonexistent/verbatim-seeds'], io)).toBe(2);
    expect(err.join('\n')).toContain('/nonexistent/verbatim-seeds');
  });
});

describe('summary line', () => {
  it('counts articles, speakers, quotes, warnings and rejected seeds, and the time', () => {
    const line = summaryLine({ articles: 1, speakers: 2, quotes: 7, warnings: 0, rejected: [], ms: 1234 }, 'built dist:');
    expect(line).toBe('verbatim: built dist: 1 article, 2 speakers, 7 quotes; 0 warnings, 0 rejected seeds; 1.2 s');
  });
});

describe('progress bar', () => {
  it('shows the count, the percentage and an ETA', () => {
    expect(progressLine('render', 50, 200, 1000, 10)).toBe('render   [###-------] 50/200 25% ETA 3s');
    expect(formatEta(65)).toBe('1m05s');
  });
});
