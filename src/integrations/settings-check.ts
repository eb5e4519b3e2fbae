import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../lib/paths.ts';
import {
  isProductionBuild,
  placeholderEnvironment,
  placeholderMessage,
  placeholderSettings,
} from '../lib/placeholders.ts';

/**
 * Before anything is built: a production build (`SITE_ENV=production`) with example filing numbers or an unset domain
 * stops with the list of what to fill in; any other build says the same as a warning, so the sample site still builds.
 */
export function settingsCheck(): AstroIntegration {
  return {
    name: 'czzx-settings-check',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const file = join(contentDir(), 'settings/site.yml');
        let settings: Record<string, unknown> = {};
        try {
          settings = parse(readFileSync(file, 'utf8')) ?? {};
        } catch {
          return; // the content loader reports a missing or broken settings file, naming it
        }
        const production = isProductionBuild(process.env);
        const fromSettings = placeholderSettings(settings);
        // Build variables matter only for the public site; a local build is expected to use the defaults.
        const fromEnvironment = production ? placeholderEnvironment(process.env) : [];
        if (fromSettings.length + fromEnvironment.length === 0) return;
        const list = placeholderMessage('content/settings/site.yml', fromSettings, fromEnvironment);
        if (production) throw new Error(`正式发布（SITE_ENV=production）不能使用示例值，请先填写：\n${list}`);
        logger.warn(`网站设置中仍有示例值（本地构建可以继续；正式发布 SITE_ENV=production 时将拒绝）：\n${list}`);
      },
    },
  };
}
