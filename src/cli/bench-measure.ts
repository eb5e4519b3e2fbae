// Wall time and peak memory of a process tree, for `npm run bench` (bench.ts) and its peers (bench-hugo.ts,
// bench-shard.ts): every figure of the benchmark is measured here the same way, whatever the program.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statfsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

interface Rss {
  total: number;
  /** The Pagefind indexer, a child process of the build. */
  pagefind: number;
}

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`: 100 on Linux). */
const TICKS = 100;

/**
 * Resident memory of a process tree in bytes (Linux /proc), with Pagefind's share apart; records each process's CPU
 * time so far (user + system, in ticks) in `cpu`.
 */
function treeRss(pid: number, cpu: Map<number, number>): Rss {
  const rss: Rss = { total: 0, pagefind: 0 };
  const children = new Map<number, number[]>();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch {}
  }
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(p, Math.max(cpu.get(p) ?? 0, Number(f[11]) + Number(f[12])));
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      const bytes = m ? Number(m[1]) * 1024 : 0;
      rss.total += bytes;
      if (readFileSync(`/proc/${p}/comm`, 'utf8').includes('pagefind')) rss.pagefind += bytes;
    } catch {}
    stack.push(...(children.get(p) ?? []));
  }
  return rss;
}

/**
 * Bytes in use in shared memory, where the build stages search parts (search-index.ts): they take RAM but belong to
 * no process, so the peak counts them on top of the processes' resident memory.
 */
function sharedMemoryUsed(): number {
  try {
    const s = statfsSync('/dev/shm');
    return (s.blocks - s.bfree) * s.bsize;
  } catch {
    return 0;
  }
}

export interface Run {
  seconds: number;
  /** Processes and staged copies in shared memory together. */
  peakBytes: number;
  peakStagedBytes: number;
  /** Peak of the build without Pagefind, and of Pagefind alone. */
  peakBuildBytes: number;
  peakPagefindBytes: number;
  /**
   * The machine's mean one-minute load average over the run: the machine is shared, and a figure taken at load 6 on
   * 2 cores is not one taken at load 2 (the run itself adds about 2).
   */
  load: number;
  /**
   * CPU seconds (user + system) of every process of the tree, steadier than wall time on a shared machine; each
   * process's last 0.1 s before it exits is missed.
   */
  cpuSeconds: number;
  output: string;
}

/** Runs a command, returning wall time and the peak memory of its process tree. */
export function measure(cmd: string, args: string[], env: Record<string, string>, cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const peak = { total: 0, build: 0, pagefind: 0, staged: 0 };
    const loads: number[] = [];
    const cpu = new Map<number, number>();
    const sharedBefore = sharedMemoryUsed();
    let ticks = 0;
    const timer = setInterval(() => {
      const r = treeRss(child.pid!, cpu);
      const staged = Math.max(0, sharedMemoryUsed() - sharedBefore);
      peak.total = Math.max(peak.total, r.total + staged);
      peak.staged = Math.max(peak.staged, staged);
      peak.build = Math.max(peak.build, r.total - r.pagefind);
      peak.pagefind = Math.max(peak.pagefind, r.pagefind);
      if (ticks++ % 10 === 0) loads.push(loadavg()[0]!);
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      const load = loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : loadavg()[0]!;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} failed:\n${output.slice(-3000)}`));
      else
        resolve({
          seconds: (performance.now() - started) / 1000,
          peakBytes: peak.total,
          peakStagedBytes: peak.staged,
          peakBuildBytes: peak.build,
          peakPagefindBytes: peak.pagefind,
          load: +load.toFixed(1),
          cpuSeconds: +([...cpu.values()].reduce((a, b) => a + b, 0) / TICKS).toFixed(1),
          output,
        });
    });
  });
}

/**
 * A port free on 127.0.0.1 in the bench's range (4450-4459 unless `BENCH_PORTS=from-to`): the machine is shared, and
 * two bench runs may serve their sites at once.
 */
export async function freePort(): Promise<number> {
  const [from, to] = (process.env.BENCH_PORTS ?? '4450-4459').split('-').map(Number) as [number, number];
  const { createServer } = await import('node:net');
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${to} (BENCH_PORTS)`);
}

/** Bytes of every file under `dir`. */
export function dirSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}
