// Runs the real nginx with the site's shipped configuration (src/deploy/nginx.conf) over a built site, so the tests and
// `npm run bench` see exactly what readers get: its caching rules, MIME types, compression, security headers and, with
// a certificate, HTTP/2 over TLS. Only what ties the configuration to a server is changed: the port (on 127.0.0.1), the
// site folder, the certificate files; the plain-HTTP server that redirects to HTTPS is left out.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

const SHIPPED = new URL('./nginx.conf', import.meta.url);
/** Folders nginx may write request bodies and proxied responses to; all under the server's own work folder. */
const TEMP_DIRS = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];

/** The nginx binary: `NGINX_PATH`, or the one on PATH, or Debian's; undefined when there is none. */
export function nginxBinary(): string | undefined {
  const candidates = [process.env.NGINX_PATH, 'nginx', '/usr/sbin/nginx'].filter((b): b is string => Boolean(b));
  return candidates.find((bin) => spawnSync(bin, ['-v'], { stdio: 'ignore' }).status === 0);
}

export interface Tls {
  key: string;
  cert: string;
}
export interface SiteOptions {
  port: number;
  root: string;
  tls?: Tls | undefined;
}

/**
 * The shipped HTTPS server block, tied to `port` and `root`: over TLS with `tls` ({ key, cert } PEM files), else plain
 * HTTP/1.1 (the same locations and headers; only the transport differs).
 */
export function siteServer(shipped: string, { port, root, tls }: SiteOptions): string {
  const blocks = [...shipped.matchAll(/^server \{\n[\s\S]*?^\}\n?/gm)].map((m) => m[0]);
  const site = blocks.find((b) => /listen 443 ssl/.test(b));
  if (!site) throw new Error('src/deploy/nginx.conf: no `listen 443 ssl` server block');
  const swap = (text: string, pattern: RegExp, replacement: string, what: string) => {
    if (!pattern.test(text)) throw new Error(`src/deploy/nginx.conf: ${what} not found`);
    return text.replace(pattern, replacement);
  };
  let conf = swap(
    site,
    /^(\s*)listen 443 ssl http2;$/m,
    tls ? `$1listen 127.0.0.1:${port} ssl http2;` : `$1listen 127.0.0.1:${port};`,
    'listen 443 ssl http2',
  );
  conf = swap(conf, /^(\s*)root [^;]+;$/m, `$1root ${resolve(root)};`, 'root');
  conf = swap(conf, /^(\s*)ssl_certificate [^;]+;$/m, tls ? `$1ssl_certificate ${tls.cert};` : '', 'ssl_certificate');
  conf = swap(
    conf,
    /^(\s*)ssl_certificate_key [^;]+;$/m,
    tls ? `$1ssl_certificate_key ${tls.key};` : '',
    'ssl_certificate_key',
  );
  return conf;
}

/** A whole nginx configuration around the site server, with every file it writes under `work`. */
export function nginxConfig(options: SiteOptions, work: string): string {
  const server = siteServer(readFileSync(SHIPPED, 'utf8'), options);
  const temp = TEMP_DIRS.map((t) => `    ${t}_temp_path ${join(work, t)};`).join('\n');
  // Workers run as this user, so they can read a site in a private temporary folder (as root nginx would drop to
  // www-data); nginx ignores the line, with a notice, when it is not started as root.
  return `daemon off;
user ${userInfo().username};
worker_processes 1;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'error.log')} warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
${temp}
${server}
}
`;
}

export interface Nginx {
  url: string;
  /** nginx's error log so far, for a failing test to show. */
  errors(): string;
  stop(): Promise<void>;
}

/**
 * Starts nginx over `root` on `port`; resolves once it listens. Fails with nginx's own message when it rejects the
 * configuration or cannot listen (the port taken by another server, which must not answer in its place).
 */
export async function startNginx({
  port,
  root,
  tls,
  binary = nginxBinary(),
}: SiteOptions & { binary?: string }): Promise<Nginx> {
  if (!binary) throw new Error('nginx is not installed (Debian: apt-get install nginx-light)');
  const work = mkdtempSync(join(tmpdir(), 'czzx-nginx-'));
  for (const t of TEMP_DIRS) mkdirSync(join(work, t));
  const conf = join(work, 'nginx.conf');
  writeFileSync(conf, nginxConfig({ port, root, tls }, work));
  const test = spawnSync(binary, ['-t', '-c', conf, '-p', work, '-e', join(work, 'error.log')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx rejected the configuration:\n${test.stderr}`);
  const child = spawn(binary, ['-c', conf, '-p', work, '-e', join(work, 'error.log')], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  const errors = () => (existsSync(join(work, 'error.log')) ? readFileSync(join(work, 'error.log'), 'utf8') : '');
  // nginx writes its pid into the pid file once its sockets listen, and exits instead when it cannot bind. (`nginx -t`
  // above leaves an empty pid file.)
  const pidFile = join(work, 'nginx.pid');
  const listening = () => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() === String(child.pid);
  const until = Date.now() + 10_000;
  while (!listening()) {
    if (exited || Date.now() > until) {
      child.kill();
      throw new Error(`nginx did not start on 127.0.0.1:${port}:\n${errors()}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    errors,
    stop: async () => {
      if (!exited) {
        child.kill('SIGQUIT');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}

// As a command, for the browser tests: node src/deploy/local-nginx.ts <port> [dir]; nginx stops with this process.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const port = Number(process.argv[2] ?? 4329);
  const root = process.argv[3] ?? process.env.OUT_DIR ?? 'dist';
  const server = await startNginx({ port, root });
  console.log(`nginx serving ${resolve(root)} on ${server.url}/ with src/deploy/nginx.conf`);
  const quit = () => void server.stop().then(() => process.exit(0));
  process.on('SIGTERM', quit);
  process.on('SIGINT', quit);
  process.on('SIGHUP', quit);
}
