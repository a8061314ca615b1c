import { describe, expect, it } from 'vitest';
import { measure, parseStat, parseStatus } from '../../bench/measure.ts';

const MiB = 2 ** 20;
const node = process.execPath;

/** A Node one-liner that spawns `script` as a child Node process and waits for it. */
function spawner(script: string, { wait = true } = {}): string {
  return `
    const { spawn } = require('node:child_process');
    const c = spawn(process.execPath, ['-e', ${JSON.stringify(script)}], { stdio: 'inherit' });
    ${wait ? "c.on('exit', (code) => process.exit(code ?? 1));" : 'process.exit(0);'}
  `;
}

// Touch every page (fill with 1s), so the memory is resident, then hold it for a while.
const allocate200 = `
  const b = Buffer.alloc(200 * 1024 * 1024, 1);
  setTimeout(() => { console.log('leaf done', b[123]); }, 1500);
`;

describe('measure', () => {
  it("sees the memory of the child's grandchild (child → grandchild → great-grandchild)", async () => {
    // measured child (node) → its child (node) → its grandchild (node, allocates 200 MiB)
    const m = await measure(node, ['-e', spawner(spawner(allocate200))]);
    expect(m.exitCode).toBe(0);
    expect(m.stdoutTail).toContain('leaf done 1');
    // the polled sum alone sees it, not just the leaf's own high-water mark
    expect(m.polledPeakBytes).toBeGreaterThan(200 * MiB);
    expect(m.peakRssBytes).toBeGreaterThan(200 * MiB);
    // three Node processes of ~40 MiB each plus the 200 MiB: well under 600 MiB
    expect(m.peakRssBytes).toBeLessThan(600 * MiB);
    expect(m.maxProcesses).toBe(3);
    expect(m.wallMs).toBeGreaterThan(1400);
    expect(m.samples).toBeGreaterThan(10);
  });

  it('still counts a grandchild orphaned by its parent (same process group)', async () => {
    // measured child → middle (spawns the leaf and exits at once) → leaf, reparented away
    const child = `
      const { spawn } = require('node:child_process');
      spawn(process.execPath, ['-e', ${JSON.stringify(spawner(allocate200, { wait: false }))}], { stdio: 'inherit' });
      setTimeout(() => {}, 2500);
    `;
    const m = await measure(node, ['-e', child]);
    expect(m.exitCode).toBe(0);
    expect(m.polledPeakBytes).toBeGreaterThan(200 * MiB);
  });

  it('catches a spike between two polls through the VmHWM fallback', async () => {
    // 200 ms after start, allocate 150 MiB and free it at once; live on past the next poll. Polls
    // come at spawn and 2.5 s later, so only a start-up slower than 2.3 s could put one on the
    // spike (with the spike at start-up and a poll at 1 s, a loaded CI machine did).
    const spike = 'setTimeout(() => { let b = Buffer.alloc(150 * 1024 * 1024, 1); b = null; global.gc(); }, 200); setTimeout(() => {}, 3500);';
    const m = await measure(node, ['--expose-gc', '-e', spike], { intervalMs: 2_500 });
    expect(m.exitCode).toBe(0);
    expect(m.polledPeakBytes).toBeLessThan(150 * MiB);
    expect(m.maxProcessHwmBytes).toBeGreaterThan(150 * MiB);
    expect(m.peakRssBytes).toBeGreaterThan(150 * MiB);
  });

  it('reports the exit status and the output, and kills the tree on timeout', async () => {
    const failed = await measure(node, ['-e', "console.error('boom'); process.exit(3)"]);
    expect(failed.exitCode).toBe(3);
    expect(failed.stderrTail).toContain('boom');
    const slow = await measure(node, ['-e', spawner('setTimeout(() => {}, 60000)')], { timeoutMs: 500 });
    expect(slow.timedOut).toBe(true);
    expect(slow.signal).toBe('SIGKILL');
    expect(slow.wallMs).toBeLessThan(5_000);
  });

  it('parses /proc stat and status lines', () => {
    expect(parseStat('123 (a b) c) S 45 67 67 0 -1')).toEqual({ pid: 123, ppid: 45, pgrp: 67 });
    expect(parseStatus('Name:\tnode\nVmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\n')).toEqual({ rss: 1024 * 1024, hwm: 2048 * 1024 });
    expect(parseStatus('Name:\tzombie\nState:\tZ (zombie)\n')).toEqual({ rss: 0, hwm: 0 });
  });
});
