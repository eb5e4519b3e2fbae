import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAstro, type AstroRun } from './astro-run.ts';
import { CONTENT } from './content.ts';

const ROOT = join(import.meta.dirname, '../..');

/** A throw-away copy of `content/` that a test may break, and the real site code run over it. */
export class ContentFixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'czzx-content-'));
  readonly content = join(this.dir, 'content');

  readonly public = join(this.dir, 'public');

  constructor() {
    cpSync(CONTENT, this.content, { recursive: true });
    cpSync(join(ROOT, 'public'), this.public, { recursive: true });
  }

  path(rel: string): string {
    return join(this.content, rel);
  }

  read(rel: string): string {
    return readFileSync(this.path(rel), 'utf8');
  }

  write(rel: string, text: string): void {
    writeFileSync(this.path(rel), text);
  }

  /** Write a file under this fixture's `public/` (an uploaded file as the build will find it). */
  writePublic(rel: string, data: string | Uint8Array): void {
    writeFileSync(join(this.public, rel), data);
  }

  /** Replace the first match of `from` in a file; fails the test if nothing matched, so a fixture cannot silently go stale. */
  edit(rel: string, from: string | RegExp, to: string): void {
    const before = this.read(rel);
    const after = before.replace(from, to);
    if (after === before) throw new Error(`fixture edit did not match in ${rel}: ${from}`);
    this.write(rel, after);
  }

  /** Run an Astro command (`sync` validates every entry; `build` renders too) over this content. */
  astro(command: 'sync' | 'build', env: Record<string, string> = {}): AstroRun {
    return runAstro([command], {
      ...process.env,
      CONTENT_DIR: this.content,
      PUBLIC_DIR: this.public,
      OUT_DIR: join(this.dir, 'dist'),
      ASTRO_CACHE_DIR: join(this.dir, 'cache'),
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    });
  }

  /**
   * Removes the fixture at once and frees its disk in the background. A built fixture holds thousands of files, and
   * deleting them in the test's `afterAll` outlasted Vitest's hook limit on a loaded 2-core machine; a rename is one
   * system call whatever the size, and the delete then runs in a detached process the test run does not wait for.
   */
  dispose(): void {
    const trash = `${this.dir}.deleting`;
    try {
      renameSync(this.dir, trash);
    } catch {
      rmSync(this.dir, { recursive: true, force: true });
      return;
    }
    spawn(
      process.execPath,
      ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', trash],
      {
        detached: true,
        stdio: 'ignore',
      },
    ).unref();
  }
}
