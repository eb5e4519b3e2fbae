/**
 * Slips of a pinyin input method: a reader picks the wrong character of the right sound (对伍 for 队伍, 会仪 for 会议,
 * 谢惠兰 for 谢慧兰). Pages carry the sound of their chosen words as search keys (`soundKeys` in keys.ts), each
 * character spelled alone by one reading, and a Chinese query that finds nothing is spelled the same way and searched
 * again. The spelling table (`sounds-table.ts`, the characters of GB 2312) loads only then
 * (docs/benchmarks.md#search-tables).
 */

/** Reads the table: each syllable followed by the characters read so (`a啊阿…ai爱…`). */
export function readSounds(table: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [, syllable, chars] of table.matchAll(/([a-z]+)([^a-z]+)/g)) for (const c of chars!) map.set(c, syllable!);
  return map;
}

/** The sound of a Chinese text, its syllables joined (队伍 → duiwu); undefined when a character is not in the table. */
export function spellWith(sounds: ReadonlyMap<string, string>, text: string): string | undefined {
  let out = '';
  for (const c of text) {
    const s = sounds.get(c);
    if (s === undefined) return undefined;
    out += s;
  }
  return out || undefined;
}
