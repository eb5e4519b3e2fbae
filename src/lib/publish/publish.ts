import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { collections } from '../../content/model.ts';
import { buildErrors, onlyStaleAssets, revision, runBuild } from './build.ts';
import { checkRelease } from './checks.ts';
import { attachSources, pageSources, writeGoneNotices } from './gone.ts';
import { diffPages, goneUrls, history, HISTORY_PATH, MANIFEST_PATH, type Manifest, urlReuses } from './manifest.ts';
import { materialise, prelink } from './materialise.ts';
import { releaseName, SiteRoot } from './releases.ts';
import { RemoteRoot } from './remote.ts';

/** A publish that stopped before the site changed: a Chinese headline and the details (file and field, page and link). */
export class PublishError extends Error {
  readonly headline: string;
  readonly details: readonly string[];
  constructor(headline: string, details: readonly string[]) {
    super(`发布失败：${headline}，线上网站未改动\n${details.map((d) => `  ${d}`).join('\n')}`);
    this.name = 'PublishError';
    this.headline = headline;
    this.details = details;
  }
}

/** The roots a release can be switched in: this computer's, or the web host's over SSH. */
export type Root = Pick<SiteRoot, 'current' | 'list' | 'manifest' | 'history' | 'switchTo' | 'prune'>;

export interface PublishOptions {
  /** The checkout whose site code builds the release. */
  checkout: string;
  /** The local site root: staging build and releases (`SITE_ROOT`, default `site/`). */
  siteRoot: string;
  contentDir: string;
  /** Releases kept, the live one included. */
  keep: number;
  /** `user@host:/path` to publish to a web host over SSH instead of `siteRoot/current`. */
  remote?: string | undefined;
  /** Extra environment of the build (PUBLISH_NOW, SITE_URL …). */
  env?: NodeJS.ProcessEnv;
  now?: Date;
  log: (text: string) => void;
}

export interface Published {
  /** Nothing differed from the live release: no release was made and the live one stays. */
  unchanged?: boolean;
  manifest: Manifest;
  linked: number;
  copied: number;
  pruned: string[];
  seconds: number;
}

/**
 * Builds the checkout into the staging folder, makes a new release from it, checks it, and only then switches the
 * live site to it. Anything that fails before the switch leaves the live release and `current` untouched and throws a
 * PublishError; the half-made release is deleted.
 */
export async function publish(o: PublishOptions): Promise<Published> {
  const started = performance.now();
  const local = new SiteRoot(o.siteRoot);
  const unlock = local.lock();
  const target: Root = o.remote ? new RemoteRoot(o.remote) : local;
  let temp: string | undefined;
  try {
    const live = target.current();
    const previous = live ? target.manifest(live) : undefined;
    const { commit, author } = revision(o.contentDir);
    const env = { ...process.env, ...o.env };

    // Hard links only to a local copy of the live release (on a build machine that publishes remotely, often none).
    const linkTo =
      live && previous && existsSync(local.dir(live)) ? { dir: local.dir(live), manifest: previous } : undefined;
    mkdirSync(local.releases, { recursive: true });
    // Half-made releases of a publish that was killed: none is in use, since we hold the lock.
    for (const f of readdirSync(local.releases))
      if (f.startsWith('.making-')) rmSync(join(local.releases, f), { recursive: true, force: true });
    temp = join(local.releases, `.making-${process.pid}-${Date.now()}`);
    const building = runBuild(o.checkout, local.build, o.env ?? {}, o.log);
    // Handled here too: a build that cannot start must fail this publish (below), not end the process mid-prelink.
    building.catch(() => {});
    // The live release's files are linked into the new one while the build runs in its process; `materialise` then
    // makes of it exactly the release it makes without (PLAIN_BUILD=1 keeps that path: no linking ahead).
    const prelinked = linkTo && env.PLAIN_BUILD !== '1' ? await prelink(linkTo, temp) : undefined;
    let built = await building;
    /** The build once more, after saying why; its seconds count with the first run's. */
    const again = async (why: string, force = false) => {
      o.log(`\n${why}\n`);
      const seconds = built.seconds;
      built = await runBuild(o.checkout, local.build, o.env ?? {}, o.log, { force });
      built.seconds += seconds;
    };
    // A hang is not the content's fault, and seen once in hundreds of builds: once more before the publish fails.
    if (built.stalled) await again('构建长时间没有输出，已停止：重新构建一次');
    // Seen after a change of the site's code: kept pages naming a renamed stylesheet. Once more, every page rendered.
    if (!built.ok && onlyStaleAssets(buildErrors(built.output)))
      await again('暂存构建中保留的页面引用了已改名的样式或脚本：忽略缓存，完整重建一次', true);
    if (built.stalled) throw new PublishError('构建两次都长时间没有输出，已停止', buildErrors(built.output));
    if (!built.ok) throw new PublishError('构建未通过（内容有误或有失效链接）', buildErrors(built.output));

    const name = releaseName(o.now ?? new Date(), commit, [...local.list(), ...(o.remote ? target.list() : [])]);
    const made = materialise(local.build, temp, linkTo, prelinked);

    // A file with the live release's fingerprint passed these checks when that release went live (not trusted by the
    // plain build, PLAIN_BUILD=1, which checks every file).
    const checked = (f: string) => env.PLAIN_BUILD !== '1' && previous?.files[f]?.[2] === made.files[f]![2];
    const problems = checkRelease(temp, Object.keys(made.files), checked);
    if (problems.length > 0) throw new PublishError('新版本未通过发布检查', problems);

    attachSources(temp, made.pages, pageSources(o.contentDir, collections), previous?.pages);
    const reuses = urlReuses(previous, made.pages);
    if (reuses.length > 0)
      throw new PublishError(
        '网址被另一篇稿件占用',
        reuses.map((r) => r.message),
      );

    // An hourly run with nothing new (or a commit that changes no file of the site) makes no release, so the kept
    // releases stay ones to roll back to. The same files mean the same pages, so the same gone URLs too. Compared by
    // fingerprint, so it holds on a build machine without the live release's files (publishing remotely).
    if (
      previous &&
      sameKeys(made.files, previous.files) &&
      Object.entries(made.files).every(([f, m]) => previous.files[f]?.[2] === m[2])
    ) {
      return {
        unchanged: true,
        manifest: previous,
        linked: made.linked,
        copied: 0,
        pruned: [],
        seconds: (performance.now() - started) / 1000,
      };
    }
    const gone = goneUrls(previous, made.pages, name, (source) => existsSync(join(dirname(o.contentDir), source)));
    writeGoneNotices(temp, gone);
    const manifest: Manifest = {
      release: name,
      commit,
      author,
      time: (o.now ?? new Date()).toISOString(),
      buildSeconds: Math.round(built.seconds * 10) / 10,
      ...diffPages(previous?.pages ?? {}, made.pages),
      pages: made.pages,
      gone,
      files: made.files,
    };
    writeJson(join(temp, MANIFEST_PATH), manifest);
    writeJson(join(temp, HISTORY_PATH), history(manifest, live ? target.history(live) : []));
    renameSync(temp, local.dir(name));
    temp = undefined;

    if (target instanceof RemoteRoot) target.upload(local.dir(name), name, live);
    target.switchTo(name);
    const pruned = target.prune(o.keep);
    // The build machine keeps only what the next remote publish can link to.
    if (target !== local) local.prune(1);
    return {
      manifest,
      linked: made.linked,
      copied: made.copied,
      pruned,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
    unlock();
  }
}

function sameKeys(a: object, b: object): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b);
}

function writeJson(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  // A file of that name from the build may be a link into the live release: replaced, never written through.
  rmSync(file, { force: true });
  writeFileSync(file, `${JSON.stringify(data)}\n`);
}
