import { relative } from 'node:path';
import { parse } from 'yaml';

/** Path of a content file as editors see it, e.g. `content/news/2025-02-23-jiceng.md`. */
export function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

/** Error raised for bad content; the message names the file and, where known, the field. */
export class ContentError extends Error {
  constructor(file: string, message: string) {
    super(`${shown(file)}：${message}`);
    this.name = 'ContentError';
  }
}

/**
 * Parse a YAML file's text, naming the file when it is broken. Every reader of content YAML goes through here:
 * collections load concurrently, so whichever reader meets a broken file first is the one whose error the editor sees.
 */
export function parseYaml(text: string, file: string): unknown {
  try {
    return parse(text);
  } catch (e) {
    throw new ContentError(file, `YAML 格式错误：${(e as Error).message}`);
  }
}
