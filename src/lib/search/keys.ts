import { pinyin } from 'pinyin-pro';
import { wordSegmenter } from './segment.ts';

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

/** Forms a reader may type for a proposal number: 14-3-0123, 1430123, 0123, 123, 第123号, 123号. */
export function numberKeys(number: string): string[] {
  const m = /^(\d+)-(\d+)-(\d+)$/.exec(number);
  if (!m) return [number];
  const serial = m[3]!;
  const plain = String(Number(serial));
  return [...new Set([number, `${m[1]}${m[2]}${serial}`, serial, plain, `第${plain}号`, `${plain}号`, `第${serial}号`])];
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
}

/**
 * All search keys of a page, space separated: `strong` ones stand for the title, people and number and are weighted
 * like a heading; `weak` ones are synonyms of terms in the text and weigh like body text.
 */
export function searchKeys(src: KeySource, synonyms: readonly SynonymGroup[]): { strong: string; weak: string } {
  const strong = [
    ...pinyinKeys(src.title),
    ...(src.people ?? []).flatMap(nameKeys),
    ...characterKeys(src.title),
    ...(src.number ? numberKeys(src.number) : []),
  ];
  return { strong: strong.join(' '), weak: synonymKeys(`${src.title} ${src.text}`, synonyms).join(' ') };
}
