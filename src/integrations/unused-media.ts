import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir, publicDir } from '../lib/paths.ts';
import { mediaNames, unusedOf } from '../lib/unused-media.ts';
import { digestOf } from '../lib/build-inputs.ts';
import { FileFacts } from './file-facts.ts';

function files(dir: string, match: (name: string) => boolean): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && match(e.name))
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/**
 * After each build, a warning lists the files of public/media/ that no entry uses, so an editor or developer can
 * delete them (they are published all the same). Only a warning: an unused picture breaks nothing. The media each
 * content file names are remembered (file-facts.ts), so a rebuild reads only the files edited since: reading all
 * 20,000 of an archive cost every build seconds.
 */
export function unusedMediaReport(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'czzx-unused-media',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': ({ logger }) => {
        const media = join(publicDir(), 'media');
        const root = contentDir();
        const facts = new FileFacts<string[]>(join(cacheDir, 'media-names.json'), digestOf(mediaNames.toString()));
        const names = files(root, (n) => /\.(mdx?|ya?ml)$/.test(n)).map((f) =>
          facts.get(root, relative(root, f), (bytes) => mediaNames(bytes.toString('utf8'))),
        );
        facts.save();
        const unused = unusedOf(
          files(media, (n) => !n.startsWith('.')).map((f) => relative(media, f)),
          names,
        );
        if (unused.length)
          logger.warn(
            `${unused.length} 个媒体文件没有任何内容使用（可在内容管理的“媒体”中删除）：${unused.map((f) => `public/media/${f}`).join('、')}`,
          );
      },
    },
  };
}
