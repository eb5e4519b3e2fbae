import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { nginxBinary, nginxConfig, siteServer, startNginx } from '../../src/deploy/local-nginx.ts';

/** How the tests tie the shipped nginx configuration to a local server (src/deploy/local-nginx.ts). */

const shipped = readFileSync('src/deploy/nginx.conf', 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'czzx-nginx-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('only the port, the folder and the certificate change; every location and header is the shipped one', () => {
  const plain = siteServer(shipped, { port: 4999, root: '/srv/site' });
  expect(plain).toContain('listen 127.0.0.1:4999;');
  expect(plain).toContain('root /srv/site;');
  expect(plain).not.toMatch(/ssl_certificate|listen 443|return 301/);
  const withTls = siteServer(shipped, { port: 4999, root: '/srv/site', tls: { key: '/k.pem', cert: '/c.pem' } });
  expect(withTls).toContain('listen 127.0.0.1:4999 ssl http2;');
  expect(withTls).toContain('ssl_certificate /c.pem;');
  expect(withTls).toContain('ssl_certificate_key /k.pem;');
  // Everything else is carried over line for line.
  const rest = (conf: string) =>
    conf.split('\n').filter((l) => !/^\s*(listen|root|ssl_certificate(_key)?)\s/.test(l) && l.trim() !== '');
  const shippedSite = [...shipped.matchAll(/^server \{\n[\s\S]*?^\}/gm)]
    .map((m) => m[0])
    .find((b) => b.includes('listen 443 ssl'))!;
  expect(shippedSite).toContain('location /pagefind/');
  expect(rest(withTls)).toEqual(rest(shippedSite));
});

test('a shipped file that lost a line the tests rely on is named with what is missing', () => {
  expect(() => siteServer(shipped.replace(/^\s*root [^;]+;$/m, ''), { port: 1, root: '/x' })).toThrow(
    'src/deploy/nginx.conf: root not found',
  );
  expect(() => siteServer(shipped.replace(/listen 443 ssl http2;/, 'listen 443;'), { port: 1, root: '/x' })).toThrow(
    /src\/deploy\/nginx\.conf: no `listen 443 ssl` server block/,
  );
});

test('nginx itself accepts the whole configuration', () => {
  const binary = nginxBinary();
  expect(binary, 'nginx is installed (Debian: apt-get install nginx-light)').toBeTruthy();
  const conf = join(tmp, 'nginx.conf');
  writeFileSync(conf, nginxConfig({ port: 4999, root: tmp }, tmp));
  const checked = spawnSync(binary!, ['-t', '-c', conf, '-p', tmp, '-e', join(tmp, 'error.log')], { encoding: 'utf8' });
  expect(checked.status, checked.stderr).toBe(0);
});

test('a server started on a port another one holds fails with nginx’s message instead of leaving that one to answer', async () => {
  writeFileSync(join(tmp, 'index.html'), '<p>site</p>');
  const port = 4990 + Math.floor(Math.random() * 9);
  const first = await startNginx({ port, root: tmp });
  try {
    expect(await (await fetch(`${first.url}/`)).text()).toBe('<p>site</p>');
    await expect(startNginx({ port, root: tmp })).rejects.toThrow(
      /did not start on 127\.0\.0\.1:\d+:\n[\s\S]*Address already in use/,
    );
  } finally {
    await first.stop();
  }
});
