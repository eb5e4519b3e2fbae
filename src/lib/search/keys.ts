import { pinyin } from 'pinyin-pro';
import { numberTokens } from './numbers.ts';
import { PEOPLE_MARK, TERMS_END } from './marks.ts';
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
  return pinyin(word, {
    toneType: 'none',
    type: 'array',
    pattern: initials ? 'first' : 'pinyin',
    v: true,
    nonZh: 'consecutive',
  })
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

/** The characters of GB 2312 (levels 1 and 2: 6,763), which cover the Chinese readers type. */
function gb2312(): string[] {
  const gbk = new TextDecoder('gbk');
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = gbk.decode(new Uint8Array([hi, lo]));
      if (HAN.test(c)) out.push(c);
    }
  }
  return out;
}

/** A character's one reading for slips: pinyin-pro's reading of it alone, without tones (长 → chang). */
const soundOf = (c: string) => spell(c, false);

/** The table the search page spells slips with (see scripts/search/sounds.ts): each syllable followed by its characters. */
export function soundsTable(): string {
  const by = new Map<string, string>();
  for (const c of gb2312()) {
    const s = soundOf(c);
    if (/^[a-z]+$/.test(s)) by.set(s, (by.get(s) ?? '') + c);
  }
  return [...by].map(([s, cs]) => s + cs).join('');
}

/** Words of a page's text that say what it is about: the most frequent of two or more characters, common ones aside. */
const COMMON = new Set(
  '我们 他们 发展 建议 工作 推进 加强 进一步 提升 全市 我市 相关 问题 建设 服务 推动 开展 一个 以及 通过 进行 目前 部门 情况 提出 实施 重点 坚持 持续 不断 积极 有效 提高 完善 委员 政协 同志 表示 长治 长治市 今年 同时 方面 已经 可以 需要 主要 其中 就是 这些 没有'.split(
    ' ',
  ),
);

export function distinctiveWords(text: string, n = 12): string[] {
  const counts = new Map<string, number>();
  for (const w of words(text))
    if (w.length >= 2 && /^\p{Script=Han}+$/u.test(w) && !COMMON.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .filter(([, c]) => c >= 2)
    .sort((a, b) => b[1] * b[0].length - a[1] * a[0].length || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([w]) => w);
}

/**
 * Sound keys of chosen words (a page's terms and its distinctive words), each character spelled alone as the search
 * page spells a query (队伍 → duiwu), so a query with a wrong character of the same sound finds the page.
 */
export function soundKeys(chosen: readonly string[]): string[] {
  const out = new Set<string>();
  for (const phrase of chosen) {
    for (const w of words(phrase)) {
      if (w.length < 2 || !/^\p{Script=Han}+$/u.test(w)) continue;
      const s = [...w].map(soundOf).join('');
      if (/^[a-z]+$/.test(s)) out.add(s);
    }
  }
  return [...out];
}

/**
 * Pinyin and initials of the phrases a page's text makes of its distinctive words (智慧 停车 → zhihuitingche, zhtc),
 * so `zhihui tingche` and `zhtc` find a phrase of the text as they find one of the title. At most `n` phrases.
 */
export function phraseKeys(text: string, distinctive: readonly string[], n = 12): string[] {
  const chosen = new Set(distinctive);
  const out = new Set<string>();
  let last = '';
  for (const w of words(text)) {
    if (chosen.has(last) && chosen.has(w) && last !== w) {
      out.add(spell(last + w, false));
      out.add(spell(last + w, true));
      if (out.size >= n * 2) break;
    }
    last = w;
  }
  return [...out].filter(Boolean);
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

/**
 * The `names` metadata of a page: other names it goes by (a unit's short name), each split into words as the index
 * splits text, so Pagefind matches them as it matches the page's text, and kept apart by `PEOPLE_MARK`, so the ranking
 * (`tier`) can tell whether one of them holds the query.
 */
export function namesMeta(names: readonly string[]): string {
  return names
    .filter(Boolean)
    .map((n) => breakWords(n, ' '))
    .join(` ${PEOPLE_MARK} `);
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
  /** Words standing for the page like its number, indexed as they are (a notice's 发文字号 and 索引号 tokens). */
  tokens?: string[] | undefined;
  /** The page's visible text, to find synonyms of the terms it uses. */
  text: string;
  /** Words the page is about that its indexed text does not hold (tags, unit and member names, the summary). */
  terms?: string[] | undefined;
}

/**
 * All search keys of a page, space separated, for two metadata fields Pagefind searches but never shows in excerpts:
 * `strong` ones stand for the title, people and number and are weighted like a heading; `weak` ones are the page's
 * terms and the synonyms of terms it uses, split into words as the index splits text (so 发展和改革委员会 is found
 * word by word, and as a phrase), one term from the next parted by `PEOPLE_MARK`, the synonyms after `TERMS_END`.
 */
export function searchKeys(
  src: KeySource,
  synonyms: readonly SynonymGroup[],
): { strong: string; weak: string; sounds: string } {
  const own = [
    ...pinyinKeys(src.title),
    ...characterKeys(src.title),
    ...(src.number ? numberKeys(src.number) : []),
    ...(src.tokens ?? []),
  ];
  const people = (src.people ?? []).flatMap(nameKeys).filter((k) => !own.includes(k));
  const terms = [...new Set((src.terms ?? []).filter(Boolean))];
  const split = (ts: readonly string[]) => ts.map((t) => breakWords(t, ' ')).join(` ${PEOPLE_MARK} `);
  const others = synonymKeys(`${src.title} ${src.text} ${terms.join(' ')}`, synonyms);
  const strong =
    [...new Set(own)].join(' ') + (people.length ? ` ${PEOPLE_MARK} ${[...new Set(people)].join(' ')}` : '');
  const spelled = new Set(strong.split(' '));
  const distinctive = distinctiveWords(src.text);
  const sounds = [...soundKeys([src.title, ...terms, ...distinctive]), ...phraseKeys(src.text, distinctive)].filter(
    (s) => !spelled.has(s),
  );
  // Terms kept apart by the mark, so the ranking can tell a page tagged 委员之家 from one whose tag merely holds it,
  // and the synonyms after the terms' end: a page using 发改委 is not about 发展和改革委员会 as a tagged page is.
  const weak = split(terms) + (others.length ? ` ${TERMS_END} ${split(others)}` : '');
  return { strong, weak, sounds: sounds.join(' ') };
}
