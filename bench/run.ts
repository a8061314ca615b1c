/**
 * `npm run bench`: Verbatim's cold build and one-seed rebuilds against a bare Eleventy +
 * Pagefind baseline, on N real articles, each step as wall time and peak RSS of the whole
 * process tree. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeBaselineProject } from './baseline.ts';
import { describeSeeds, makeSeeds, readSeedText, replaceSeed, type Seeds } from './corpus.ts';
import { measure, type Measurement } from './measure.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MiB = 2 ** 20;
const VERBATIM_STEPS = ['cold', 'add', 'edit', 'remove'] as const;
type VerbatimStep = (typeof VERBATIM_STEPS)[number];
const SAMPLE_SEED = join(ROOT, 'seeds', '000_4214a0f614e41956.txt');
const APPENDED = '\n\nThis sentence was appended by the benchmark to edit the article.\n';

export const USAGE = `Usage: npm run bench -- [options]

  --sizes LIST       article counts to build, comma-separated     [default: 1000,10000]
                     (above ~22,000 the corpora are repeated under new ids, and the output says so)
  --skip-baseline    do not run the Eleventy + Pagefind baseline
  --only STEPS       Verbatim steps to run: cold,add,edit,remove, or none
                     (a rebuild step needs the cold build, so cold always runs with one)
  --keep             keep the work folder (seeds, projects, outputs, logs) and print where it is
  --work DIR         work folder                                   [default: a new one under ${tmpdir()}]
  --corpora DIR      the shared corpora                            [default: ../shared/corpora]
  --timeout SECONDS  kill a step after this long                   [default: 3600]
  -h, --help         show this help

Results: printed as a table, and written to bench/results/<timestamp>.json and bench/results/latest.json.
`;

interface StepResult {
  readonly step: string;
  readonly ok: boolean;
  readonly seconds: number;
  readonly peakMiB: number;
  readonly polledPeakMiB: number;
  readonly maxProcessHwmMiB: number;
  readonly maxProcesses: number;
  readonly samples: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly command: string;
  /** Verbatim's summary line, or the tool's last line of output. */
  readonly summary: string;
  /** The end of stderr when the step failed. */
  readonly error?: string;
  readonly note?: string;
  /** The product code this step ran: commit + a hash of uncommitted changes to src, templates, bin. */
  readonly code?: string;
}

interface SizeResult {
  readonly n: number;
  readonly seeds: string;
  readonly repeated: number;
  readonly steps: StepResult[];
  ratios: Record<string, number>;
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.trim() ?? '';
}

function toStep(step: string, m: Measurement, ok: boolean, note?: string): StepResult {
  const relative = (p: string): string => (p.startsWith(`${ROOT}/`) ? p.slice(ROOT.length + 1) : p);
  return {
    step,
    ok,
    seconds: Math.round(m.wallMs) / 1000,
    peakMiB: Math.round(m.peakRssBytes / MiB),
    polledPeakMiB: Math.round(m.polledPeakBytes / MiB),
    maxProcessHwmMiB: Math.round(m.maxProcessHwmBytes / MiB),
    maxProcesses: m.maxProcesses,
    samples: m.samples,
    exitCode: m.exitCode,
    signal: m.signal,
    command: [m.command === process.execPath ? 'node' : relative(m.command), ...m.args.map(relative)].join(' '),
    summary: lastLine(m.stdoutTail) || lastLine(m.stderrTail),
    ...(ok ? {} : { error: m.stderrTail.slice(-4000) || m.stdoutTail.slice(-4000) }),
    ...(note === undefined ? {} : { note }),
  };
}

/**
 * What product code is in the working tree now. Colleagues commit while a long run goes on;
 * steps that ran different code are not comparable, and the report says so.
 */
export function codeState(): string {
  const git = (args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * MiB });
    } catch {
      return 'unknown';
    }
  };
  const paths = ['src', 'templates', 'bin', 'package.json'];
  const dirty = git(['diff', 'HEAD', '--', ...paths]) + git(['ls-files', '--others', '--exclude-standard', '--', ...paths]);
  const head = git(['rev-parse', '--short', 'HEAD']).trim();
  return dirty === '' ? head : `${head}+${createHash('sha256').update(dirty).digest('hex').slice(0, 8)}`;
}

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

function describeStep(r: StepResult): string {
  return `${r.step}: ${r.seconds.toFixed(2)} s, ${r.peakMiB} MiB${r.ok ? '' : ` — FAILED (exit ${r.exitCode ?? r.signal}): ${lastLine(r.error ?? '')}`}`;
}

async function runBaseline(seeds: Seeds, dir: string, timeoutMs: number): Promise<StepResult[]> {
  log('writing the baseline Eleventy project (not timed)');
  const project = await makeBaselineProject(seeds.originals, join(dir, 'baseline'));
  // Relative paths from the project folder: Eleventy 3.1.8 ignores directory data files
  // (so the layout) when --input is an absolute path.
  const eleventy = await measure(join(ROOT, 'node_modules/.bin/eleventy'), ['--input', 'src', '--output', '_site', '--quiet'], {
    cwd: project.dir,
    timeoutMs,
    logFile: join(dir, 'baseline-eleventy.log'),
  });
  const e = toStep('baseline: Eleventy', eleventy, eleventy.exitCode === 0);
  log(describeStep(e));
  const pagefind = await measure(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', '_site'], {
    cwd: project.dir,
    timeoutMs,
    logFile: join(dir, 'baseline-pagefind.log'),
  });
  const p = toStep('baseline: Pagefind', pagefind, pagefind.exitCode === 0);
  log(describeStep(p));
  const total: StepResult = {
    ...p,
    step: 'baseline: total',
    ok: e.ok && p.ok,
    seconds: Math.round((e.seconds + p.seconds) * 1000) / 1000,
    peakMiB: Math.max(e.peakMiB, p.peakMiB),
    polledPeakMiB: Math.max(e.polledPeakMiB, p.polledPeakMiB),
    maxProcessHwmMiB: Math.max(e.maxProcessHwmMiB, p.maxProcessHwmMiB),
    maxProcesses: Math.max(e.maxProcesses, p.maxProcesses),
    samples: e.samples + p.samples,
    command: `${e.command} && ${p.command}`,
    summary: 'Eleventy then Pagefind, one after the other (peak: the larger of the two)',
  };
  return [e, p, total];
}

async function runVerbatim(seeds: Seeds, dir: string, steps: ReadonlySet<VerbatimStep>, timeoutMs: number): Promise<StepResult[]> {
  const out = join(dir, 'out');
  const cache = join(dir, 'cache');
  await rm(out, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
  const results: StepResult[] = [];
  const run = async (key: VerbatimStep, step: string, note?: string): Promise<StepResult> => {
    const code = codeState();
    const m = await measure(
      process.execPath,
      [join(ROOT, 'bin/verbatim.js'), 'build', '--seeds', seeds.dir, '--out', out, '--cache', cache, '--quiet'],
      { cwd: ROOT, timeoutMs, logFile: join(dir, `verbatim-${key}.log`) },
    );
    // exit 1 with a "built" summary means some seeds were rejected but the site was published
    const summary = lastLine(m.stdoutTail);
    const ok = m.exitCode === 0 || (m.exitCode === 1 && /^verbatim: built /.test(summary));
    const after = codeState();
    const r = { ...toStep(`Verbatim: ${step}`, m, ok, note), code: after === code ? code : `${code} → ${after} (changed during the step)` };
    log(describeStep(r));
    results.push(r);
    return r;
  };

  const cold = await run('cold', 'cold', 'new output folder, empty cache');
  if (!cold.ok) return results;
  if (steps.has('add')) {
    await copyFile(SAMPLE_SEED, join(seeds.dir, '000_4214a0f614e41956.txt'));
    await run('add', 'rebuild after adding one seed', 'added seeds/000_4214a0f614e41956.txt');
  }
  if (steps.has('edit')) {
    const name = seeds.names[0]!;
    await replaceSeed(seeds.dir, name, (await readSeedText(seeds.dir, name)) + APPENDED);
    await run('edit', 'rebuild after editing one seed', `appended a sentence to ${name}`);
  }
  if (steps.has('remove')) {
    const name = seeds.names[Math.floor(seeds.names.length / 2)]!;
    await unlink(join(seeds.dir, name));
    await run('remove', 'rebuild after removing one seed', `removed ${name}`);
  }
  return results;
}

function ratios(steps: readonly StepResult[]): Record<string, number> {
  const find = (name: string): StepResult | undefined => steps.find((s) => s.step === name && s.ok);
  const r: Record<string, number> = {};
  const base = find('baseline: total');
  const cold = find('Verbatim: cold');
  if (base && cold) {
    r['cold / baseline total (time)'] = cold.seconds / base.seconds;
    r['cold / baseline total (peak RSS)'] = cold.peakMiB / base.peakMiB;
  }
  if (cold) {
    for (const s of steps) {
      if (s.ok && s.step.startsWith('Verbatim: rebuild')) r[`${s.step.slice('Verbatim: '.length)} / cold (time)`] = s.seconds / cold.seconds;
    }
  }
  return r;
}

function ratioCell(s: StepResult, steps: readonly StepResult[]): string {
  const base = steps.find((x) => x.step === 'baseline: total' && x.ok);
  const cold = steps.find((x) => x.step === 'Verbatim: cold' && x.ok);
  if (!s.ok) return 'FAILED';
  if (s.step === 'Verbatim: cold' && base) return `${(s.seconds / base.seconds).toFixed(2)}× baseline total`;
  if (s.step.startsWith('Verbatim: rebuild') && cold) return `${((100 * s.seconds) / cold.seconds).toFixed(1)}% of cold`;
  return '';
}

export function table(sizes: readonly SizeResult[]): string {
  const lines = ['| N | step | seconds | peak MiB | ratio |', '|---:|---|---:|---:|---|'];
  for (const size of sizes) {
    for (const s of size.steps) {
      lines.push(`| ${size.n.toLocaleString('en')} | ${s.step} | ${s.seconds.toFixed(2)} | ${s.peakMiB} | ${ratioCell(s, size.steps)} |`);
    }
  }
  const notes = sizes.map((s) => `- N = ${s.n.toLocaleString('en')}: ${s.seeds}`);
  for (const size of sizes) {
    const codes = new Set(size.steps.flatMap((s) => (s.code === undefined ? [] : [s.code])));
    if (codes.size > 1) {
      notes.push(`- WARNING, N = ${size.n.toLocaleString('en')}: the product code changed during the run (${[...codes].join('; ')}), so its Verbatim steps are not comparable; run again on a quiet tree`);
    }
  }
  return [...lines, '', ...notes].join('\n');
}

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function machine(): Record<string, unknown> {
  const git = (args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryMiB: Math.round(totalmem() / MiB),
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    os: `${process.platform} ${release()}`,
    eleventy: version('@11ty/eleventy'),
    pagefind: version('pagefind'),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChanges: git(['status', '--porcelain', '--untracked-files=no', 'src', 'templates', 'bin']) !== '',
    peakRss: 'sum of VmRSS over the child process and all its descendants (by parent pid or process group), polled from /proc every 50 ms; at least the largest single process VmHWM',
  };
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string', default: '1000,10000' },
        'skip-baseline': { type: 'boolean', default: false },
        only: { type: 'string' },
        keep: { type: 'boolean', default: false },
        work: { type: 'string' },
        corpora: { type: 'string', default: resolve(ROOT, '../shared/corpora') },
        timeout: { type: 'string', default: '3600' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 2)) {
    process.stderr.write(`bench: --sizes wants whole numbers of at least 2, like 1000,10000 (got “${values.sizes}”)\n`);
    return 2;
  }
  const only = values.only === undefined ? [...VERBATIM_STEPS] : values.only.split(',').map((s) => s.trim()).filter((s) => s !== 'none');
  const unknown = only.filter((s) => !(VERBATIM_STEPS as readonly string[]).includes(s));
  if (unknown.length > 0) {
    process.stderr.write(`bench: --only takes cold, add, edit, remove or none (got “${unknown.join(',')}”)\n`);
    return 2;
  }
  const steps = new Set(only as VerbatimStep[]);
  if (steps.size > 0) steps.add('cold');
  const timeoutMs = Number(values.timeout) * 1000;

  const work = values.work === undefined ? await mkdtemp(join(tmpdir(), 'verbatim-bench-')) : resolve(values.work);
  await mkdir(work, { recursive: true });
  const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const resultsDir = join(ROOT, 'bench', 'results');
  await mkdir(resultsDir, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    options: { sizes, baseline: !values['skip-baseline'], steps: [...steps] },
    sizes: [] as SizeResult[],
  };
  log(`work folder ${work}`);
  try {
    for (const n of sizes) {
      const dir = join(work, String(n));
      const seeds = await makeSeeds(resolve(values.corpora), join(dir, 'seeds'), n);
      const described = describeSeeds(seeds);
      log(`N = ${n.toLocaleString('en')}: ${described}`);
      const size: SizeResult = { n, seeds: described, repeated: seeds.repeated, steps: [], ratios: {} };
      report.sizes.push(size);
      if (!values['skip-baseline']) size.steps.push(...(await runBaseline(seeds, dir, timeoutMs)));
      if (steps.size > 0) size.steps.push(...(await runVerbatim(seeds, dir, steps, timeoutMs)));
      size.ratios = ratios(size.steps);
      const json = `${JSON.stringify(report, null, 2)}\n`;
      await writeFile(join(resultsDir, `${stamp}.json`), json);
      await writeFile(join(resultsDir, 'latest.json'), json);
      if (!values.keep) await rm(dir, { recursive: true, force: true });
    }
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
    else log(`kept the work folder ${work}`);
  }
  const m = report.machine;
  m['loadAverageAtEnd'] = loadavg().map((x) => Math.round(x * 100) / 100);
  const finalJson = `${JSON.stringify(report, null, 2)}\n`;
  await writeFile(join(resultsDir, `${stamp}.json`), finalJson);
  await writeFile(join(resultsDir, 'latest.json'), finalJson);
  process.stdout.write(
    `\nVerbatim benchmark, ${report.date} — ${String(m['cpus'])} CPUs (${String(m['cpuModel'])}), node ${String(m['node'])}, Eleventy ${String(m['eleventy'])}, Pagefind ${String(m['pagefind'])}, commit ${String(m['commit'])}${m['uncommittedChanges'] ? ' + uncommitted changes' : ''}; load average ${String(m['loadAverageAtStart'])} at start, ${String(m['loadAverageAtEnd'])} at end\n` +
      `Peak = peak RSS of the whole process tree (${String(m['peakRss'])}).\n\n${table(report.sizes)}\n\n` +
      `Written to bench/results/${stamp}.json and bench/results/latest.json\n`,
  );
  return report.sizes.every((s) => s.steps.every((x) => x.ok)) ? 0 : 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
