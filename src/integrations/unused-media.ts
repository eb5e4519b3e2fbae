import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentDir, publicDir } from '../lib/paths.ts';
import { unusedMedia } from '../lib/unused-media.ts';

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
 * delete them (they are published all the same). Only a warning: an unused picture breaks nothing.
 */
export function unusedMediaReport(): AstroIntegration {
  return {
    name: 'czzx-unused-media',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const media = join(publicDir(), 'media');
        const texts = files(contentDir(), (n) => /\.(mdx?|ya?ml)$/.test(n)).map((f) => readFileSync(f, 'utf8'));
        const unused = unusedMedia(
          files(media, (n) => !n.startsWith('.')).map((f) => relative(media, f)),
          texts,
        );
        if (unused.length)
          logger.warn(
            `${unused.length} 个媒体文件没有任何内容使用（可在内容管理的“媒体”中删除）：${unused.map((f) => `public/media/${f}`).join('、')}`,
          );
      },
    },
  };
}
