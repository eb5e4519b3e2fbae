import { spawnSync } from 'node:child_process';
import { HISTORY_PATH, type HistoryEntry, MANIFEST_PATH, type Manifest, parseManifest } from './manifest.ts';

/**
 * A site root on the web host, reached over SSH (`user@host:/srv/czzx/site`): the release is built and checked here,
 * copied into a new release folder there with rsync (hard-linking files unchanged since the live release), and made
 * live by the same symlink-and-rename as locally. `PUBLISH_SSH` replaces the `ssh` command (options, a key file).
 */
export class RemoteRoot {
  readonly host: string;
  readonly dir: string;
  readonly ssh: string[];

  constructor(spec: string, ssh = process.env.PUBLISH_SSH ?? 'ssh') {
    const m = /^([^:/]+):(\/.*)$/.exec(spec);
    if (!m) throw new Error(`远程地址应写成 用户@主机:/绝对路径，例如 deploy@web1:/srv/czzx/site，而不是「${spec}」`);
    this.host = m[1]!;
    this.dir = m[2]!.replace(/\/+$/, '');
    this.ssh = ssh.split(/\s+/).filter(Boolean);
  }

  /** Runs a shell command on the host; fails with its output. */
  run(script: string): string {
    const [bin, ...args] = this.ssh;
    const r = spawnSync(bin!, [...args, this.host, script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`远程命令失败（${this.host}）：${script}\n${r.stderr || r.stdout}`);
    return r.stdout;
  }

  /** The release `current` points to on the host, if any. */
  current(): string | undefined {
    const name = this.run(`readlink ${q(`${this.dir}/current`)} || true`).trim();
    return name ? name.split('/').pop() : undefined;
  }

  list(): string[] {
    return this.run(`mkdir -p ${q(`${this.dir}/releases`)} && ls -1 ${q(`${this.dir}/releases`)}`)
      .split('\n')
      .filter((n) => n && !n.startsWith('.'))
      .sort();
  }

  manifest(release: string): Manifest | undefined {
    const file = `${this.dir}/releases/${release}/${MANIFEST_PATH}`;
    const text = this.run(`cat ${q(file)} 2>/dev/null || true`);
    return text.trim() ? parseManifest(text, `${this.host}:${file}`) : undefined;
  }

  history(release: string): HistoryEntry[] {
    const text = this.run(`cat ${q(`${this.dir}/releases/${release}/${HISTORY_PATH}`)} 2>/dev/null || true`);
    return text.trim() ? (JSON.parse(text) as HistoryEntry[]) : [];
  }

  /** Copies a finished local release to the host under a temporary name, then renames it into place. */
  upload(local: string, release: string, previous: string | undefined): void {
    const temp = `.incoming-${release}`;
    this.run(`mkdir -p ${q(`${this.dir}/releases/${temp}`)}`);
    const [bin, ...args] = this.ssh;
    const rsh = [bin, ...args].join(' ');
    const linkDest = previous ? [`--link-dest=../${previous}`] : [];
    const r = spawnSync(
      'rsync',
      ['-a', '--delete', '-e', rsh, ...linkDest, `${local}/`, `${this.host}:${this.dir}/releases/${temp}/`],
      { encoding: 'utf8' },
    );
    if (r.error) throw new Error(`无法运行 rsync（${r.error.message}）：发布到远程主机需要 rsync`);
    if (r.status !== 0) throw new Error(`rsync 上传失败：\n${r.stderr}`);
    this.run(`mv -T ${q(`${this.dir}/releases/${temp}`)} ${q(`${this.dir}/releases/${release}`)}`);
  }

  /** The same atomic switch as locally: a symlink under a temporary name, renamed over `current` (mv -T: rename(2)). */
  switchTo(release: string): void {
    const d = q(this.dir);
    this.run(
      `test -d ${d}/releases/${q(release)} && ln -sfn releases/${q(release)} ${d}/.current-tmp && mv -Tf ${d}/.current-tmp ${d}/current`,
    );
  }

  /** Deletes all but the newest `keep` releases, never the one being served. */
  prune(keep: number): string[] {
    const current = this.current();
    const names = this.list();
    const old = names.slice(0, Math.max(0, names.length - keep)).filter((n) => n !== current);
    if (old.length > 0) this.run(`cd ${q(`${this.dir}/releases`)} && rm -rf -- ${old.map(q).join(' ')}`);
    return old;
  }
}

/** A shell word. */
function q(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
