import { collections, type Field, type FolderCollection } from '../../content/model.ts';

/**
 * Where content uses a media file, for the message that stops a build on an unreadable photo: the content file, and
 * the field by its Chinese label from the model (or the body), so the editor knows what to replace.
 */

const folders = collections.filter((c): c is FolderCollection => c.kind === 'folder');

function labelOf(folder: string, key: string): string | undefined {
  const c = folders.find((f) => f.folder === folder);
  const field = c?.fields.find((f: Field) => f.name === key);
  return field?.label;
}

/**
 * Each place in `text` (a content file at `rel`, relative to the content folder) that names `/media/<name>`:
 * `content/news/x.md「封面图片」（cover.src）` for a frontmatter field, `content/news/x.md 正文第 N 行` for the body.
 */
export function mediaUses(rel: string, text: string, name: string): string[] {
  const lines = text.split('\n');
  const fenced = lines[0]?.trim() === '---';
  const end = fenced ? lines.indexOf('---', 1) : -1;
  const folder = rel.split('/')[0] ?? '';
  const c = folders.find((f) => f.folder === folder);
  const uses: string[] = [];
  const needle = `/media/${name}`;
  lines.forEach((line, i) => {
    if (!line.includes(needle)) return;
    if (i > 0 && i < end) {
      const path = keyPath(lines, i);
      // In a flow mapping (`- { number: 1, image: /media/… }`) the field is the key just before the address.
      const own = new RegExp(`([\\w-]+)\\s*:\\s*['"]?${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(line)?.[1];
      if (own && path[path.length - 1] !== own) path[path.length - 1] = own;
      const label = labelOf(folder, path[0] ?? '');
      uses.push(`content/${rel}${label ? `「${label}」` : ''}（${path.join('.') || `第 ${i + 1} 行`}）`);
    } else {
      uses.push(`content/${rel} ${c?.body.label ?? '正文'}第 ${i + 1} 行`);
    }
  });
  return uses;
}

/** The YAML keys leading to line `i`: its own key and those of the less indented lines above it. */
function keyPath(lines: readonly string[], i: number): string[] {
  const KEY = /^(\s*)(?:-\s+)?\{?\s*([\w-]+)\s*:/;
  const path: string[] = [];
  let indent = Number.POSITIVE_INFINITY;
  for (let j = i; j > 0; j--) {
    const m = KEY.exec(lines[j]!);
    if (!m || m[1]!.length >= indent) continue;
    path.unshift(m[2]!);
    indent = m[1]!.length;
    if (indent === 0) break;
  }
  return path;
}
