/**
 * Run a command as a child process and measure its wall time and the peak resident memory
 * of its whole process tree (the child, its children, their children, …).
 * (A cgroup's memory.peak would be exact, but this machine has cgroup v1 memory accounting,
 * which also counts the page cache of every file a build writes; /proc is what we use.)
 *
 * How: every `intervalMs` (default 50 ms) we scan /proc, find every process that descends
 * from the child (by parent pid) or shares its process group (the child is started as a
 * group leader, so orphaned grandchildren still count), and sum their VmRSS. The peak of
 * that sum is the tree's peak. Because a spike shorter than one poll can fall between two
 * samples, we also read each process's own high-water mark (VmHWM): the reported peak is the
 * larger of the polled peak and the largest single process's VmHWM. Both are lower bounds
 * of the true peak, so their maximum is too. (A spike in a process that exits before the
 * next poll is still missed: its VmHWM is gone with it.) Summing RSS counts pages shared between
 * processes (libraries, shared memory) once per process, as `ps` and `top` do.
 *
 * Linux only (needs /proc).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, type WriteStream } from 'node:fs';

export interface MeasureOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** How often to poll /proc, in ms; default 50. */
  readonly intervalMs?: number;
  /** Kill the whole tree after this many ms (the result then has `timedOut: true`). */
  readonly timeoutMs?: number;
  /** Write the child's full stdout and stderr to this file. */
  readonly logFile?: string;
}

export interface Measurement {
  readonly command: string;
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  /** Wall time from spawn to exit, in ms. */
  readonly wallMs: number;
  /** The tree's peak RSS in bytes: max(polledPeakBytes, maxProcessHwmBytes). */
  readonly peakRssBytes: number;
  /** The largest sum of VmRSS over the tree seen by polling. */
  readonly polledPeakBytes: number;
  /** The largest VmHWM of any single process in the tree. */
  readonly maxProcessHwmBytes: number;
  /** The sum of every process's own VmHWM: an upper bound (their peaks need not coincide). */
  readonly hwmSumBytes: number;
  /** The most processes seen in the tree at once. */
  readonly maxProcesses: number;
  /** How many polls were made. */
  readonly samples: number;
  /** The last 64 KiB of stdout and of stderr. */
  readonly stdoutTail: string;
  readonly stderrTail: string;
}

const TAIL_BYTES = 64 * 1024;

interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  readonly pgrp: number;
}

/** Parse /proc/<pid>/stat: the command name is in parentheses and may itself contain spaces or ')'. */
export function parseStat(text: string): ProcStat | null {
  const close = text.lastIndexOf(')');
  const pid = Number.parseInt(text, 10);
  if (close < 0 || !Number.isFinite(pid)) return null;
  // after ") ": state ppid pgrp session …
  const fields = text.slice(close + 2).split(' ');
  const ppid = Number(fields[1]);
  const pgrp = Number(fields[2]);
  if (!Number.isFinite(ppid) || !Number.isFinite(pgrp)) return null;
  return { pid, ppid, pgrp };
}

/** VmRSS and VmHWM of /proc/<pid>/status, in bytes (0 when absent, as for a zombie). */
export function parseStatus(text: string): { rss: number; hwm: number } {
  const kib = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
    return match?.[1] === undefined ? 0 : Number(match[1]) * 1024;
  };
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process exited between listing and reading
  }
}

/** The pids of `root` and of every process that descends from it or is in its process group. */
export function treePids(root: number): number[] {
  const children = new Map<number, number[]>();
  const members = new Set<number>([root]);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const text = readOrNull(`/proc/${name}/stat`);
    const stat = text === null ? null : parseStat(text);
    if (stat === null) continue;
    if (stat.pgrp === root) members.add(stat.pid);
    const list = children.get(stat.ppid);
    if (list) list.push(stat.pid);
    else children.set(stat.ppid, [stat.pid]);
  }
  const queue = [...members];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    for (const child of children.get(pid) ?? []) {
      if (!members.has(child)) {
        members.add(child);
        queue.push(child);
      }
    }
  }
  return [...members];
}

class Tail {
  private chunks: Buffer[] = [];
  private size = 0;
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > TAIL_BYTES && this.chunks.length > 1) this.size -= this.chunks.shift()!.length;
  }
  toString(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - TAIL_BYTES)).toString('utf8');
  }
}

/**
 * Run `command args…` and measure it. Resolves when the child has exited (whatever its
 * status); rejects only when it cannot be started.
 *
 * @example
 *   const m = await measure('node_modules/.bin/pagefind', ['--site', '_site'])
 *   console.log(m.wallMs, m.peakRssBytes / 2 ** 20)
 */
export function measure(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measurement> {
  const intervalMs = options.intervalMs ?? 50;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so the whole tree can be found and killed
    });
    const stdout = new Tail();
    const stderr = new Tail();
    let log: WriteStream | null = null;
    if (options.logFile !== undefined) log = createWriteStream(options.logFile);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      log?.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      log?.write(chunk);
    });

    let polledPeak = 0;
    let maxProcesses = 0;
    let samples = 0;
    const hwm = new Map<number, number>();
    const sample = (): void => {
      if (child.pid === undefined) return;
      let sum = 0;
      let count = 0;
      for (const pid of treePids(child.pid)) {
        const text = readOrNull(`/proc/${pid}/status`);
        if (text === null) continue;
        const { rss, hwm: high } = parseStatus(text);
        sum += rss;
        count += 1;
        if (high > (hwm.get(pid) ?? 0)) hwm.set(pid, high);
      }
      samples += 1;
      if (sum > polledPeak) polledPeak = sum;
      if (count > maxProcesses) maxProcesses = count;
    };

    const killTree = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const onSignal = (): void => {
      killTree();
      process.exit(130);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);

    let timedOut = false;
    const timer = setInterval(sample, intervalMs);
    const deadline =
      options.timeoutMs === undefined
        ? null
        : setTimeout(() => {
            timedOut = true;
            killTree();
          }, options.timeoutMs);
    sample();

    child.on('error', (error) => {
      clearInterval(timer);
      if (deadline) clearTimeout(deadline);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      log?.end();
      reject(error);
    });
    child.on('exit', (exitCode, signal) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      if (deadline) clearTimeout(deadline);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      // descendants still alive after the child exited would escape later polls: stop them
      if (child.pid !== undefined && treePids(child.pid).length > 1) killTree();
      const highs = [...hwm.values()];
      const maxProcessHwm = highs.reduce((a, b) => Math.max(a, b), 0);
      const done = (): void =>
        resolve({
          command,
          args: [...args],
          exitCode,
          signal,
          timedOut,
          wallMs,
          peakRssBytes: Math.max(polledPeak, maxProcessHwm),
          polledPeakBytes: polledPeak,
          maxProcessHwmBytes: maxProcessHwm,
          hwmSumBytes: highs.reduce((a, b) => a + b, 0),
          maxProcesses,
          samples,
          stdoutTail: stdout.toString(),
          stderrTail: stderr.toString(),
        });
      // let the pipes drain before reporting the output
      let open = 2;
      const closed = (): void => {
        open -= 1;
        if (open === 0) {
          if (log) log.end(done);
          else done();
        }
      };
      for (const stream of [child.stdout, child.stderr]) {
        if (stream.closed) closed();
        else stream.once('close', closed);
      }
    });
  });
}
