import { Worker } from 'node:worker_threads';

/**
 * Runs a build task in a thread of its own (`file`, given `data` as its `workerData`) and answers with the last
 * message it posted. A thread that throws, or ends without posting, rejects with `what` named.
 */
export function workerTask<T>(file: URL, data: unknown, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: data });
    let answer: { value: T } | undefined;
    worker.on('message', (value: T) => (answer = { value }));
    worker.on('error', (e) => reject(new Error(`${what} failed: ${e.message}`)));
    worker.on('exit', (code) =>
      answer && code === 0
        ? resolve(answer.value)
        : reject(new Error(`${what} stopped (exit code ${code}) before it finished`)),
    );
  });
}
