/**
 * The unused-media scan in a thread of its own, started by `unusedMediaReport` when the build starts: it answers with
 * the media files no content file names.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { unusedMediaFiles, type UnusedMediaJob } from './unused-media.ts';

parentPort!.postMessage(unusedMediaFiles(workerData as UnusedMediaJob));
