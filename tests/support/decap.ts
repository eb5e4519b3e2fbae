import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { freePort } from './ports.ts';

const ROOT = join(import.meta.dirname, '../..');

/** A real decap-server on 127.0.0.1 editing `repo` (`fs`: files directly; `git`: branches and commits), once it answers. */
export async function startDecapServer(
  repo: string,
  mode: 'fs' | 'git',
): Promise<{ port: number; server: ChildProcess }> {
  const port = await freePort();
  const server = spawn(process.execPath, [join(ROOT, 'node_modules/decap-server/dist/index.js')], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: '127.0.0.1',
      MODE: mode,
      GIT_REPO_DIRECTORY: repo,
      LOG_LEVEL: 'warn',
    },
    stdio: 'inherit',
  });
  const info = () =>
    fetch(`http://127.0.0.1:${port}/api/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"action":"info"}',
    }).then(
      (r) => r.ok,
      () => false,
    );
  await expect.poll(info, { timeout: 15_000 }).toBe(true);
  return { port, server };
}
