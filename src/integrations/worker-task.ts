import { Worker } from 'node:worker_threads';

/**
 * Runs a build task in a thread of its own (`file`, given `data` as its `workerData`) and answers with the last
 * message it posted. Messages `{ info: string }` are progress, handed to `onInfo` as they come (the thread's log
 * lines). A thread that throws, or ends without posting, rejects with `what` named.
 */
export function workerTask<T>(file: URL, data: unknown, what: string, onInfo?: (info: string) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: data });
    let answer: { value: T } | undefined;
    worker.on('message', (value: T | { info: string }) => {
      if (onInfo && typeof value === 'object' && value !== null && 'info' in value) onInfo(value.info);
      else answer = { value: value as T };
    });
    worker.on('error', (e) => reject(new Error(`${what} failed: ${e.message}`)));
    worker.on('exit', (code) =>
      answer && code === 0
        ? resolve(answer.value)
        : reject(new Error(`${what} stopped (exit code ${code}) before it finished`)),
    );
  });
}
