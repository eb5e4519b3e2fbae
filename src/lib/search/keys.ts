import { pinyin } from 'pinyin-pro';
import { numberTokens } from './numbers.ts';
import { PEOPLE_MARK } from './rank.ts';
import { breakWords, wordSegmenter } from './segment.ts';

/**
 * Extra words indexed with a page so readers find it the ways they actually type: pinyin and initials of its title
 * and people, each character of its title, every written form of a proposal number, and synonyms of terms it uses.
 *
 * The index holds Chinese split into words (`segment.ts`), and Pagefind matches a query word only at the start of an
 * indexed word, stores the title unsegmented, and knows nothing of pinyin; these keys make up for that at index time.
 */

const HAN = /\p{Script=Han}/u;

/** Words of a Chinese text as the index and the browser's queries split it (`segment.ts`). */
export function words(text: string): string[] {
  return [...wordSegmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** Titles repeat their words (关于, 建议, 推进…); remembering each spelling saves most pinyin lookups of a large build. */
const spelled = new Map<string, string>();

function spell(word: string, initials: boolean): string {
  const key = `${initials ? '1' : '0'}${word}`;
  let s = spelled.get(key);
  if (s === undefined) spelled.set(key, (s = spellUncached(word, initials)));
  return s;
}

function spellUncached(word: string, initials: boolean): string {
  return pinyin(word, { toneType: 'none', type: 'array', pattern: initials ? 'first' : 'pinyin', v: true, nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Pinyin keys of a title: for each run of one to three adjacent words, the full pinyin and the initials joined
 * together (科技服务业 → keji, kejifuwu, kejifuwuye, kj, kjfw, kjfwy). Pagefind matches query words as prefixes,
 * so `keji fuwu` and `kjfw` both find it.
 */
export function pinyinKeys(text: string): string[] {
  const ws = words(text).filter((w) => HAN.test(w));
  const out = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    for (let n = 1; n <= 3 && i + n <= ws.length; n++) {
      const run = ws.slice(i, i + n).join('');
      out.add(spell(run, false));
      if (run.length > 1) out.add(spell(run, true));
    }
  }
  out.delete('');
  return [...out];
}

/** Keys of a person's name: full pinyin and initials, joined (谢慧兰 → xiehuilan, xhl). */
export function nameKeys(name: string): string[] {
  return [spell(name, false), spell(name, true)].filter(Boolean);
}

/** Each Han character of a title on its own, so a one-character query finds titles that contain it anywhere. */
export function characterKeys(title: string): string[] {
  return [...new Set([...title].filter((c) => HAN.test(c)))];
}

/**
 * Forms a reader may type for a proposal number: 14-3-0123, 1430123, 0123, 123, and the tokens a query in any other
 * form (第123号提案, 十四届三次会议第123号 …) is turned into (`numbers.ts`).
 */
export function numberKeys(number: string): string[] {
  const m = /^(\d+)-(\d+)-(\d+)$/.exec(number);
  if (!m) return [number];
  const serial = m[3]!;
  return [...new Set([number, `${m[1]}${m[2]}${serial}`, serial, String(Number(serial)), ...numberTokens(number)])];
}

/** A group of terms that mean the same (发改委, 发展和改革委员会). */
export type SynonymGroup = readonly string[];

/** Every term of every group that shares a term with the text, except terms the text already holds. */
export function synonymKeys(text: string, groups: readonly SynonymGroup[]): string[] {
  const out = new Set<string>();
  for (const group of groups) {
    if (group.some((t) => text.includes(t))) for (const t of group) if (!text.includes(t)) out.add(t);
  }
  return [...out];
}

/** What a page needs to be found beyond its visible text. */
export interface KeySource {
  title: string;
  /** Names of the people the page is by or about. */
  people?: string[] | undefined;
  /** Proposal number. */
  number?: string | undefined;
  /** The page's visible text, to find synonyms of the terms it uses. */
  text: string;
  /** Words the page is about that its indexed text does not hold (tags, unit and member names, the summary). */
  terms?: string[] | undefined;
}

/**
 * All search keys of a page, space separated, for two metadata fields Pagefind searches but never shows in excerpts:
 * `strong` ones stand for the title, people and number and are weighted like a heading; `weak` ones are the page's
 * terms and the synonyms of terms it uses, split into words as the index splits text (so 发展和改革委员会 is found
 * word by word, and as a phrase).
 */
export function searchKeys(src: KeySource, synonyms: readonly SynonymGroup[]): { strong: string; weak: string } {
  const own = [...pinyinKeys(src.title), ...characterKeys(src.title), ...(src.number ? numberKeys(src.number) : [])];
  const people = (src.people ?? []).flatMap(nameKeys).filter((k) => !own.includes(k));
  const terms = [...new Set((src.terms ?? []).filter(Boolean))];
  const weak = [...terms, ...synonymKeys(`${src.title} ${src.text} ${terms.join(' ')}`, synonyms)].map((t) => breakWords(t, ' '));
  return { strong: [...new Set(own)].join(' ') + (people.length ? ` ${PEOPLE_MARK} ${[...new Set(people)].join(' ')}` : ''), weak: weak.join(' ') };
}
