import type { AstroIntegration } from 'astro';
import { formatChineseDateTime, toBeijingIso } from '../lib/dates.ts';
import { publishNow } from '../lib/publication.ts';

/**
 * Fixes "now" for the whole build before any page is made, so every page, feed and search record of one build agrees on
 * which scheduled entries (定时发布) are out, however long the build runs. `PUBLISH_NOW` given by the caller wins (the
 * tests move the clock with it); a malformed one stops the build here, with its Chinese message.
 */
export function publishClock(): AstroIntegration {
  return {
    name: 'czzx-publish-clock',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const now = publishNow();
        process.env.PUBLISH_NOW = toBeijingIso(now);
        logger.info(`定时发布以此刻为准：${formatChineseDateTime(now)}（北京时间）`);
      },
    },
  };
}
