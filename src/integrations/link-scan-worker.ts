/**
 * The second thread of the link check (`checkLinks` with `threads` 2): parses its share of the pages, reusing the last
 * build's scans, and answers with what it found.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadScans, scanAnswer, scanPages, type ScanJob } from './link-check.ts';

const { root, files, scanFile } = workerData as ScanJob;
parentPort!.postMessage(scanAnswer(await scanPages(root, files, loadScans(scanFile))));
