/**
 * The output folder's listing in a thread of its own, started by `outputFolder` when the build starts: it answers
 * with what the last build left there (`listOutput`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { listOutput } from './output-listing.ts';

const { outDir, leave } = workerData as { outDir: string; leave: string[] };
parentPort!.postMessage(listOutput(outDir, leave));
