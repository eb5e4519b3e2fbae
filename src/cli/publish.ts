// npm run publish | rollback [release] | releases: the release machinery of src/lib/publish/, for editors' commits
// (a Git hook, a pipeline) and for whoever looks after the web server. Messages are Chinese: editors read them.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PublishError, publish, type Root } from '../lib/publish/publish.ts';
import { SiteRoot } from '../lib/publish/releases.ts';
import { RemoteRoot } from '../lib/publish/remote.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { remote: { type: 'string' }, quiet: { type: 'boolean' } },
});
const [command = 'publish', named] = positionals;
const siteRoot = resolve(process.env.SITE_ROOT ?? 'site');
const remote = values.remote ?? process.env.PUBLISH_REMOTE;
const keep = Number(process.env.PUBLISH_KEEP ?? 10);
const root = (): Root => (remote ? new RemoteRoot(remote) : new SiteRoot(siteRoot));

async function main(): Promise<void> {
  if (!Number.isInteger(keep) || keep < 2)
    throw new Error(`PUBLISH_KEEP 应为不小于 2 的整数（保留的版本数），现在是「${process.env.PUBLISH_KEEP}」`);
  if (command === 'publish') {
    const r = await publish({
      checkout: process.cwd(),
      siteRoot,
      contentDir: resolve(process.env.CONTENT_DIR ?? 'content'),
      keep,
      remote,
      log: (text) => void (values.quiet || process.stdout.write(text)),
    });
    const m = r.manifest;
    if (r.unchanged) return void console.log(`\n无改动：网站内容与线上版本 ${m.release} 相同，未生成新版本`);
    console.log(
      `\n发布成功：${m.release}（${m.commit.slice(0, 7)}，${m.author}）已上线${remote ? `（${remote}）` : `（${siteRoot}/current）`}`,
    );
    console.log(
      `  页面：新增 ${m.added.length}，改动 ${m.changed.length}，删除 ${m.removed.length}；已撤下的网址 ${Object.keys(m.gone).length} 个（答复 410）`,
    );
    console.log(
      `  构建 ${m.buildSeconds} 秒，整个发布 ${r.seconds.toFixed(1)} 秒；沿用上一版本的文件 ${r.linked} 个，复制 ${r.copied} 个${r.pruned.length ? `；清理旧版本 ${r.pruned.length} 个` : ''}`,
    );
  } else if (command === 'rollback') {
    const target = root();
    const started = performance.now();
    const names = target.list();
    const live = target.current();
    const to = named ?? names.filter((n) => !live || n < live).at(-1);
    if (!to) throw new Error(`没有可以回退到的更早版本（现有：${names.join('、') || '无'}）`);
    target.switchTo(to);
    console.log(
      `已回退：线上网站现在是 ${to}（之前是 ${live ?? '无'}），用时 ${Math.round(performance.now() - started)} 毫秒`,
    );
  } else if (command === 'releases') {
    const target = root();
    const live = target.current();
    const names = target.list();
    if (names.length === 0) return void console.log('还没有发布过任何版本');
    console.log('版本\t提交\t作者\t时间（北京）\t新增/改动/删除\t构建秒数');
    for (const name of [...names].reverse()) {
      const m = target.manifest(name);
      const time = m ? new Date(m.time).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
      const pages = m ? `+${m.added.length} ~${m.changed.length} -${m.removed.length}` : '（无发布记录）';
      console.log(
        `${name === live ? '* ' : '  '}${name}\t${m?.commit.slice(0, 7) ?? ''}\t${m?.author ?? ''}\t${time}\t${pages}\t${m?.buildSeconds ?? ''}`,
      );
    }
    console.log('（* 为线上版本）');
  } else {
    throw new Error(`未知命令「${command}」：可用 publish、rollback [版本]、releases`);
  }
}

main().catch((e: unknown) => {
  if (e instanceof PublishError) console.error(`\n${e.message}`);
  else console.error(`\n${command === 'publish' ? '发布失败，线上网站未改动：' : '操作失败：'}${(e as Error).message}`);
  process.exit(1);
});
