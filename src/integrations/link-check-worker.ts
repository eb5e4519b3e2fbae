/**
 * The link check in a thread of its own, started by `checkLinksInWorker`: it reports what it logs and how it ended.
 */
import type { AstroIntegrationLogger } from 'astro';
import { parentPort, workerData } from 'node:worker_threads';
import { checkLinks, type LinkCheckJob, type LinkCheckMessage } from './link-check.ts';

const post = (m: LinkCheckMessage) => parentPort!.postMessage(m);
const { root, site, scanFile, threads } = workerData as LinkCheckJob;
const logger = { info: (message: string) => post({ info: message }) } as unknown as AstroIntegrationLogger;
checkLinks(root, site, logger, scanFile, threads).then(
  () => post({ done: true }),
  (e: unknown) => post({ error: e instanceof Error ? e.message : String(e) }),
);
