/**
 * Media no entry uses: files under public/media/ that no content file names. Uploads in the CMS are written at once,
 * so a picture chosen and then replaced, or left by a deleted story, stays in the repository and is published.
 */

/** Names of the media files (relative to the media folder) that none of the texts refers to as `/media/<name>`. */
export function unusedMedia(files: readonly string[], texts: readonly string[]): string[] {
  return unusedOf(files, texts.map(mediaNames));
}

/** The media a text refers to as `/media/<name>`, by their names relative to the media folder. */
export function mediaNames(text: string): string[] {
  const used = new Set<string>();
  for (const m of text.matchAll(/\/media\/([^\s"'()<>\]]+)/g)) {
    const name = m[1]!.replace(/[.,;:，。；：、]+$/, '');
    try {
      used.add(decodeURIComponent(name));
    } catch {
      used.add(name);
    }
  }
  return [...used];
}

/** Names of the media files that none of the lists of names (`mediaNames` of each text) holds. */
export function unusedOf(files: readonly string[], names: readonly (readonly string[])[]): string[] {
  const used = new Set(names.flat());
  return files.filter((f) => !used.has(f)).sort();
}
