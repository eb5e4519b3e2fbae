/**
 * The home page's lead story (头条), from the stories listed newest first: the newest an editor marked 首页头条, else
 * the newest with a cover picture, else the newest. A mark stays until the editor takes it off, as a pinned story does
 * in any newsroom system; the newest mark wins, so marking a new 头条 needs no other story unmarked.
 */
export function leadStory<T extends { data: { headline?: boolean; cover?: unknown } }>(
  newestFirst: readonly T[],
): T | undefined {
  return newestFirst.find((n) => n.data.headline) ?? newestFirst.find((n) => n.data.cover) ?? newestFirst[0];
}
