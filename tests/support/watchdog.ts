/**
 * `node watchdog.ts <ms> <command> [args…]`: runs the command with this process's standard streams and exits with its
 * code. If it is still running after `ms`, what each of its threads is doing is written to standard error (name,
 * state and kernel wait channel, from /proc), the command is killed and this exits with HUNG.
 *
 * Why: one test build in CI once printed nothing for four minutes after its first second, the rest of the suite being
 * fine, and `spawnSync`'s timeout left no trace of where it stood. The threads' states tell a process waiting on
 * itself (every thread asleep on a futex) from one starved of the machine.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export const HUNG = 124;

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '?';
  }
};

/** One line per kind of thread of `pid`: how many, name, state (R running, S asleep, D in I/O), wait channel. */
export function threadStates(pid: number): string[] {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [`process ${pid} is gone`];
  }
  const kinds = new Map<string, number>();
  for (const tid of tids) {
    const dir = `/proc/${pid}/task/${tid}`;
    // The state follows the name in parentheses, which may itself hold spaces or parentheses.
    const stat = read(`${dir}/stat`);
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    const key = `${read(`${dir}/comm`)} ${state} ${read(`${dir}/wchan`)}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  return [...kinds].map(([key, n]) => `${n}× ${key}`);
}

if (import.meta.main) {
  const [ms, command, ...args] = process.argv.slice(2);
  const child = spawn(command!, args, { stdio: 'inherit' });
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    process.stderr.write(
      `\n[watchdog] still running after ${Number(ms) / 1000} s; its threads:\n${threadStates(child.pid!).join('\n')}\n`,
    );
    child.kill('SIGKILL');
  }, Number(ms));
  child.on('exit', (code, signal) => {
    clearTimeout(timer);
    process.exit(hung ? HUNG : (code ?? (signal ? 128 : 1)));
  });
}
