// Serves the built site and, beside it, decap-server for the CMS at /admin/; both on 127.0.0.1 only.
// Ctrl-C or either process ending stops the other.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = (pkg, file) => fileURLToPath(new URL(`../../node_modules/${pkg}/${file}`, import.meta.url));
const children = [
  // --ignore-lock: this server takes no Astro lock, so `npm test` can start its own preview while `npm start` runs.
  spawn(
    process.execPath,
    [bin('astro', 'bin/astro.mjs'), 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', '4321'],
    { stdio: 'inherit' },
  ),
  spawn(process.execPath, [bin('decap-server', 'dist/index.js')], {
    stdio: 'inherit',
    env: { ...process.env, BIND_HOST: '127.0.0.1', PORT: process.env.CMS_PORT ?? '8081', MODE: 'fs' },
  }),
];
console.log('网站：http://127.0.0.1:4321/    内容管理：http://127.0.0.1:4321/admin/');

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exitCode = code;
}
for (const c of children) c.on('exit', (code) => stop(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
