/**
 * Stages a part of the search index in a thread of its own (`stagePart` in search-index.ts): a copy of each of its
 * pages with the text split into words for Pagefind (`breakPageWords`). Splitting takes about 0.6 ms a page, which
 * would hold up the rendering of the next pages if done on the build's thread.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { breakPageWords } from '../lib/search/segment.ts';
import { folderMaker } from './site-files.ts';

export interface StageJob {
  site: string;
  files: string[];
  stage: string;
}

const { site, files, stage } = workerData as StageJob;
const folderOf = folderMaker();
for (const file of files) {
  const to = join(stage, file);
  folderOf(to);
  writeFileSync(to, breakPageWords(readFileSync(join(site, file), 'utf8')));
}
parentPort!.postMessage('staged');
