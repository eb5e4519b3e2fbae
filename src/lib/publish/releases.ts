import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { HISTORY_PATH, type HistoryEntry, MANIFEST_PATH, type Manifest, parseManifest } from './manifest.ts';

/**
 * A site root holds the releases and the symlink the web server serves:
 *   releases/<time>-<commit>/   one complete, checked site each, never changed once made
 *   current -> releases/<…>     what nginx serves (`root /srv/czzx/site/current`)
 *   build/                      the staging build, kept between publishes so the incremental build can reuse it
 */
export class SiteRoot {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  get releases(): string {
    return join(this.root, 'releases');
  }
  get build(): string {
    return join(this.root, 'build');
  }
  get currentLink(): string {
    return join(this.root, 'current');
  }

  /** Release names, oldest first (names begin with the time, so they sort by it). */
  list(): string[] {
    if (!existsSync(this.releases)) return [];
    return readdirSync(this.releases, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  }

  /** The release `current` points to, if any. */
  current(): string | undefined {
    try {
      return basename(readlinkSync(this.currentLink));
    } catch {
      return undefined;
    }
  }

  dir(release: string): string {
    return join(this.releases, release);
  }

  manifest(release: string): Manifest | undefined {
    const file = join(this.dir(release), MANIFEST_PATH);
    return existsSync(file) ? parseManifest(readFileSync(file, 'utf8'), file) : undefined;
  }

  history(release: string): HistoryEntry[] {
    const file = join(this.dir(release), HISTORY_PATH);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as HistoryEntry[]) : [];
  }

  /**
   * Points `current` at `release` in one step: a new symlink under a temporary name, renamed over `current` (rename(2)
   * replaces it atomically), so a reader gets either the old site or the new one, never neither or a mix.
   */
  switchTo(release: string): void {
    if (!existsSync(this.dir(release))) throw new Error(`没有这个版本：${release}（可用 npm run releases 查看）`);
    const temp = join(this.root, `.current-${process.pid}-${Date.now()}`);
    symlinkSync(join('releases', release), temp);
    try {
      renameSync(temp, this.currentLink);
    } catch (e) {
      unlinkSync(temp);
      throw e;
    }
  }

  /** Deletes all but the newest `keep` releases, never the one being served. Returns the deleted names. */
  prune(keep: number): string[] {
    const current = this.current();
    const names = this.list();
    const old = names.slice(0, Math.max(0, names.length - keep)).filter((n) => n !== current);
    for (const n of old) rmSync(this.dir(n), { recursive: true, force: true });
    return old;
  }

  /**
   * Takes the publish lock: one publish at a time (saves in quick succession fire the Git hook twice), the later one
   * waiting up to `waitMs` for the earlier. A lock left by a process that no longer runs is taken over. Returns the
   * function that releases it.
   */
  lock(waitMs = 600_000): () => void {
    mkdirSync(this.root, { recursive: true });
    const file = join(this.root, '.publish.lock');
    const until = Date.now() + waitMs;
    for (;;) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return () => rmSync(file, { force: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const pid = Number(readFileSync(file, 'utf8') || 0);
        // An empty lock is one being written this instant, unless it is old.
        const stale = pid ? !isRunning(pid) : Date.now() - statSync(file).mtimeMs > 5000;
        if (stale) rmSync(file, { force: true });
        else if (Date.now() > until)
          throw new Error(`另一次发布仍在进行（进程 ${pid}，锁文件 ${file}）：请等它结束后再试`);
        else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
      }
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A release name: Beijing-independent UTC time to the second, then the short commit (`20260301-093000-1a2b3c4`). */
export function releaseName(time: Date, commit: string, taken: readonly string[]): string {
  const stamp = time.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = `${stamp}-${commit.slice(0, 7) || 'nogit'}`;
  let name = base;
  for (let i = 2; taken.includes(name); i++) name = `${base}-${i}`;
  return name;
}
