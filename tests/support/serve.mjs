// Serves the built site (dist/) the way production nginx does for the browser tests: directory indexes, the 404 page
// with status 404, and the security headers of src/deploy/nginx.conf (public and /admin/ policies), so the tests see
// exactly the Content-Security-Policy that ships. Usage: node tests/support/serve.mjs <port> [dir]
// With SERVE_TLS_KEY and SERVE_TLS_CERT (PEM files) it speaks HTTP/2 over TLS, as nginx ships (`listen 443 ssl http2`):
// `npm run bench` measures search both ways, since HTTP/1.1 fetches six files at a time and HTTP/2 all at once.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const port = Number(process.argv[2] ?? 4329);
const root = resolve(process.argv[3] ?? process.env.OUT_DIR ?? 'dist');
const nginx = readFileSync(new URL('../../src/deploy/nginx.conf', import.meta.url), 'utf8');
const policy = (name) => new RegExp(`set \\$${name} "([^"]+)"`).exec(nginx)?.[1];
const CSP = { public: policy('csp_public'), admin: policy('csp_admin') };
if (!CSP.public || !CSP.admin) throw new Error('src/deploy/nginx.conf: Content-Security-Policy lines not found');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp',
  '.gif': 'image/gif', '.avif': 'image/avif', '.wasm': 'application/wasm', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon', '.pf_meta': 'application/octet-stream',
};

function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = decodeURIComponent(url.pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) file = join(root, '404.html');
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!path.endsWith('/')) {
      res.writeHead(301, { Location: `${path}/${url.search}` }).end();
      return;
    }
    file = join(file, 'index.html');
  }
  let status = 200;
  if (!existsSync(file)) {
    status = 404;
    file = join(root, '404.html');
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  // Compressed like nginx's `gzip on`, so transfer sizes measured here are what readers download.
  const gzip = /gzip/.test(req.headers['accept-encoding'] ?? '') && /text|json|xml|svg|javascript|wasm|csv/.test(type);
  res.writeHead(status, {
    'Content-Type': type,
    ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    'Content-Security-Policy': path.startsWith('/admin/') ? CSP.admin : CSP.public,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cache-Control': 'no-cache',
  });
  (gzip ? createReadStream(file).pipe(createGzip({ level: 6 })) : createReadStream(file)).pipe(res);
}

const { SERVE_TLS_KEY: key, SERVE_TLS_CERT: cert } = process.env;
const server = key && cert ? createSecureServer({ key: readFileSync(key), cert: readFileSync(cert), allowHTTP1: true }, handle) : createServer(handle);
server.listen(port, '127.0.0.1', () => console.log(`serving ${root} on ${key ? 'https' : 'http'}://127.0.0.1:${port}/`));
