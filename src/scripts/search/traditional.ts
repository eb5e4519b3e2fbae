import { SUPPLEMENTARY, TABLE_FROM, TABLE_TO, TRADITIONAL_BITS } from './traditional-table.ts';

/**
 * Traditional characters in a query, converted to simplified ones (農業發展 → 农业发展) by opencc-js, whose dictionary
 * loads only when a query holds a traditional character. Telling that needs no dictionary: a bitmap of the characters
 * opencc-js's traditional → simplified table changes (`traditional-table.ts`) comes with the search page (sizes:
 * docs/benchmarks.md#search-tables).
 */

let bits: Uint8Array | undefined;

/** Whether `text` holds a character that traditional → simplified conversion changes. */
export function hasTraditional(text: string): boolean {
  bits ??= Uint8Array.from(atob(TRADITIONAL_BITS), (c) => c.charCodeAt(0));
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= TABLE_FROM && cp <= TABLE_TO) {
      const i = cp - TABLE_FROM;
      if (bits[i >> 3]! & (1 << (i & 7))) return true;
    } else if (cp > 0xffff && SUPPLEMENTARY.includes(ch)) return true;
  }
  return false;
}

let converter: Promise<(s: string) => string> | undefined;

/** `text` in simplified characters; the converter is loaded (in a chunk of its own) the first time it is needed. */
export async function toSimplified(text: string): Promise<string> {
  if (!hasTraditional(text)) return text;
  converter ??= import('./t2s.ts').then((m) => m.t2s);
  return (await converter)(text);
}

/**
 * The bitmap and list above, made from opencc-js's `TSCharacters` dictionary ("繁 简|…"):
 * `node src/cli/traditional-table.ts` writes `traditional-table.ts`; a unit test checks it is current.
 */
export function tableFromDictionary(dictionary: string): { bits: string; supplementary: string } {
  const map = new Uint8Array((TABLE_TO - TABLE_FROM + 1) / 8);
  let supplementary = '';
  for (const pair of dictionary.split('|')) {
    const [from, ...to] = pair.split(' ');
    if (!from || to.includes(from)) continue;
    const cp = from.codePointAt(0)!;
    if (cp >= TABLE_FROM && cp <= TABLE_TO) map[(cp - TABLE_FROM) >> 3]! |= 1 << ((cp - TABLE_FROM) & 7);
    else supplementary += from;
  }
  return { bits: btoa(String.fromCharCode(...map)), supplementary };
}
