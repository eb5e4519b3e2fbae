/**
 * 发文字号 and 索引号 however readers type them. A 发文字号 is written 长政协发〔2025〕12号, but readers type
 * 长政协发[2025]12号, 长政协发（2025）12号 or 长政协发2025年12号, and Pagefind drops the brackets and splits the rest
 * into words that match many pages. Each notice is indexed with a token no prose contains (`docNumberToken`), and a
 * query that is a 发文字号 in any of these forms is replaced by it (`docNumberQuery`); likewise the 索引号.
 */

/** 〔〕 and the brackets readers type in their place; `年` after the year and `第` before the serial are optional. */
const DOC_NUMBER =
  /^([^\d\s〔〕[\]［］()（）【】]+?)\s*[〔[［(（【]?\s*(\d{4})\s*年?\s*[〕\]］)）】]?\s*第?\s*0*(\d{1,5})\s*号$/;

/** The issuer's code spelled in ASCII (each character's code point in base 36), so the token is one plain word. */
const spelled = (code: string) => [...code].map((c) => c.codePointAt(0)!.toString(36)).join('');

/** The parts of a 发文字号 in any of the forms above, or undefined when the text is none. */
export function parseDocNumber(text: string): { code: string; year: number; serial: number } | undefined {
  const m = DOC_NUMBER.exec(text.normalize('NFKC').replace(/["“”]/g, '').trim());
  return m ? { code: m[1]!, year: Number(m[2]), serial: Number(m[3]) } : undefined;
}

/** The index token of a 发文字号 (`dn` + code + year + serial), or undefined when it is not one. */
export function docNumberToken(docNumber: string): string | undefined {
  const p = parseDocNumber(docNumber);
  return p ? `dn${spelled(p.code)}y${p.year}n${p.serial}` : undefined;
}

/** 索引号 as one word: its letters and digits, lower case (`11140400MB1957342X/2025-00012` → `ix11140400mb1957342x202500012`). */
const INDEX_NUMBER = /^[0-9A-Za-z]{8,18}-?[0-9A-Za-z]?\s*[/／]\s*\d{4}\s*[-‐–—]\s*\d{3,6}$/;

export function indexNumberToken(indexNumber: string): string | undefined {
  const t = indexNumber.normalize('NFKC').trim();
  return INDEX_NUMBER.test(t) ? `ix${t.toLowerCase().replace(/[^0-9a-z]/g, '')}` : undefined;
}

/** The token a query that is a 发文字号 or 索引号 searches for, or undefined. */
export function docNumberQuery(query: string): string | undefined {
  return docNumberToken(query) ?? indexNumberToken(query);
}
