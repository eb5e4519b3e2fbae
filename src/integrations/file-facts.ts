import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isPlainBuild } from './build-mode.ts';

/**
 * What was read out of each built file (its digest, whether it is searchable …), remembered by the file's identity on
 * disk, so that a rebuild reads only the files it wrote. After a one-story edit nearly all 24,000 pages of the
 * 20,000-document archive are left in place by the incremental build, yet the search index and the link check each
 * read and digested all of them (about 500 MB) to find the few that changed.
 *
 * A file's identity is its inode, size, and modification and change times in nanoseconds, as Git's index keeps them.
 * Writing a file always sets its change time (no program can set it back), so a file whose identity is the one
 * recorded holds the bytes it held then. As in Git ("racy Git"), a file changed less than `RACY_MS` before it was
 * looked at is not remembered, since a second write within the file system's clock tick could leave its times as they
 * were. `PLAIN_BUILD=1` remembers nothing: every file is read.
 */
const RACY_MS = 2000;

type Stamp = string;

interface Saved<T> {
  version: string;
  files: Record<string, [Stamp, T]>;
}

export class FileFacts<T> {
  private readonly last = new Map<string, [Stamp, T]>();
  private readonly next = new Map<string, [Stamp, T]>();
  private readonly file: string | undefined;
  private readonly enabled: boolean;
  private readonly version: string;

  private readonly now: () => number;

  /**
   * `file`: where the facts are kept between builds (none: nothing is remembered); `version` names what is read out of
   * a file, so facts from other code are not used; `now`: the clock files' change times are compared with.
   */
  constructor(file: string | undefined, version: string, enabled = !isPlainBuild(), now: () => number = Date.now) {
    this.file = file;
    this.now = now;
    this.version = version;
    this.enabled = enabled;
    if (!file || !enabled) return;
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved<T>;
      if (saved.version === version) for (const [rel, entry] of Object.entries(saved.files)) this.last.set(rel, entry);
    } catch {
      // None yet, or unreadable: every file is read.
    }
  }

  /** The file's identity now, or undefined when it changed too recently to be trusted later. */
  private stamp(path: string): Stamp | undefined {
    const st = statSync(path, { bigint: true });
    if (Number(st.ctimeMs) > this.now() - RACY_MS) return undefined;
    return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  }

  /** What was recorded for the file under `root` if it is unchanged since, else undefined (it must be read). */
  known(root: string, rel: string): T | undefined {
    if (!this.enabled) return undefined;
    const entry = this.last.get(rel);
    if (!entry) return undefined;
    const stamp = this.stamp(join(root, rel));
    if (stamp !== entry[0]) return undefined;
    this.next.set(rel, entry);
    return entry[1];
  }

  /**
   * The file's facts: remembered ones when it is unchanged, else `read` of its bytes. The file is looked at before it
   * is read, so a write in between makes its identity differ next time, never facts of older bytes kept.
   */
  get(root: string, rel: string, read: (bytes: Buffer) => T): T {
    const path = join(root, rel);
    const stamp = this.enabled ? this.stamp(path) : undefined;
    const entry = this.last.get(rel);
    if (stamp && entry && entry[0] === stamp) {
      this.next.set(rel, entry);
      return entry[1];
    }
    const value = read(readFileSync(path));
    if (stamp) this.next.set(rel, [stamp, value]);
    return value;
  }

  /** Records facts computed elsewhere (another thread) for a file looked at with `stampOf` before it was read. */
  record(rel: string, stamp: Stamp | undefined, value: T): void {
    if (stamp && this.enabled) this.next.set(rel, [stamp, value]);
  }

  /** The identity to pass to `record` for a file read elsewhere, taken before it is read. */
  stampOf(root: string, rel: string): Stamp | undefined {
    return this.enabled ? this.stamp(join(root, rel)) : undefined;
  }

  /** Keeps the facts of the files looked at in this build (and only those: deleted files are forgotten). */
  save(): void {
    if (!this.file || !this.enabled) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const saved: Saved<T> = { version: this.version, files: Object.fromEntries(this.next) };
    writeFileSync(this.file, JSON.stringify(saved));
  }
}
