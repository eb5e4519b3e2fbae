import { describe, expect, it } from 'vitest';
import { chineseNumber, sessionShortName } from '../../src/lib/numerals.ts';
import { characterKeys, nameKeys, numberKeys, pinyinKeys, searchKeys, synonymKeys } from '../../src/lib/search/keys.ts';
import { parseQuery, queryTerms, settledText } from '../../src/lib/search/query.ts';
import { compact, rerank, safeExcerpt, tier } from '../../src/lib/search/rank.ts';
import { readState, writeState } from '../../src/lib/search/state.ts';

describe('search keys', () => {
  it('spell title words in pinyin and initials, alone and joined, so prefixes of both match', () => {
    const keys = pinyinKeys('促进科技服务业发展');
    expect(keys).toEqual(expect.arrayContaining(['keji', 'kejifuwu', 'kj', 'kjfw', 'fuwu']));
  });

  it('spell names whole', () => {
    expect(nameKeys('谢慧兰')).toEqual(['xiehuilan', 'xhl']);
    expect(nameKeys('吕梁')).toEqual(['lvliang', 'll']);
  });

  it('list each title character once', () => {
    expect(characterKeys('税费 税收 A')).toEqual(['税', '费', '收']);
  });

  it('write a proposal number every way readers type it', () => {
    expect(numberKeys('14-3-0123')).toEqual(['14-3-0123', '1430123', '0123', '123', '第123号', '123号', '第0123号']);
  });

  it('add the other terms of a synonym group the text uses', () => {
    const groups = [['发展和改革委员会', '发改委'], ['政治协商会议', '政协']];
    expect(synonymKeys('市发改委答复', groups)).toEqual(['发展和改革委员会']);
    expect(synonymKeys('长治市发展和改革委员会', groups)).toEqual(['发改委']);
    expect(synonymKeys('无关内容', groups)).toEqual([]);
  });

  it('keep title keys strong and synonyms weak', () => {
    const k = searchKeys({ title: '科技', number: '14-3-0001', text: '发改委' }, [['发改委', '发展和改革委员会']]);
    expect(k.strong).toContain('keji');
    expect(k.strong).toContain('第1号');
    expect(k.weak).toBe('发展和改革委员会');
  });
});

describe('queries', () => {
  it('fold full-width forms and Chinese quotes', () => {
    expect(parseQuery('  “科技 服务”  ')).toEqual({ text: '"科技 服务"', compact: '科技服务', phrase: true });
    expect(parseQuery('ＫＪＦＷ').compact).toBe('kjfw');
  });
});

describe('re-ranking', () => {
  const a = { title: '关于加强养老服务的建议', content: '养老 服务 …' };
  const b = { title: '社区治理', content: '推进科技服务业发展' };
  const c = { title: '其他', content: '科技 … 服务 … 业' };

  it('puts a title containing the query first, then the exact phrase, then scattered parts', () => {
    expect(tier(a, '养老服务')).toBe(2);
    expect(tier(b, '科技服务')).toBe(1);
    expect(tier(c, '科技服务')).toBe(0);
    const t = { title: '科技服务业调研', content: '' };
    expect(rerank([c, b, t], compact('科技 服务'))).toEqual([t, b, c]);
  });

  it('keeps Pagefind’s order within a tier', () => {
    const x = { title: 'x', content: '' };
    const y = { title: 'y', content: '' };
    expect(rerank([x, y], '无')).toEqual([x, y]);
  });
});

describe('excerpts', () => {
  it('escape everything but <mark>', () => {
    expect(safeExcerpt('<mark>科技</mark>服务<img src=x onerror=alert(1)>')).toBe('<mark>科技</mark>服务');
    expect(safeExcerpt('推进<mark>科技</mark> &lt;b&gt;')).toBe('推进<mark>科技</mark> &amp;lt;b&amp;gt;');
  });

  it('drop the hidden search keys and fall back to the summary', () => {
    expect(safeExcerpt('建议加快发展。 kwstart <mark>keji</mark> fuwu')).toBe('建议加快发展。');
    expect(safeExcerpt('kwstart <mark>kjfw</mark> 科 技', '摘要<b>')).toBe('摘要&lt;b&gt;');
  });
});

describe('search state in the URL', () => {
  it('round-trips query, filters, sort and page', () => {
    const s = readState('?q=%E7%A7%91%E6%8A%80&unit=%E5%B8%82%E7%A7%91%E6%8A%80%E5%B1%80&sort=date&page=2&bogus=1');
    expect(s).toEqual({ q: '科技', filters: { unit: '市科技局' }, sort: 'date', page: 2 });
    expect(readState(writeState(s))).toEqual(s);
    expect(writeState({ q: '', filters: {}, sort: 'relevance', page: 1 })).toBe('');
  });
});

describe('session names', () => {
  it('write 届 and 次 in Chinese numerals', () => {
    expect(chineseNumber(14)).toBe('十四');
    expect(chineseNumber(20)).toBe('二十');
    expect(chineseNumber(3)).toBe('三');
    expect(sessionShortName(14, 3)).toBe('十四届三次会议');
  });
});

describe('query terms as Pagefind splits them', () => {
  it('splits Chinese into words, drops punctuation and quotes, lowers Latin', () => {
    expect(queryTerms('养老服务体系')).toEqual(['养老', '服务', '体系']);
    expect(queryTerms('“智慧停车”')).toEqual(['智慧', '停车']);
    expect(queryTerms('KeJi  fuwu')).toEqual(['keji', 'fuwu']);
    expect(queryTerms('14-3-0123')).toEqual(['14', '3', '0123']);
    expect(queryTerms('建议 建议')).toEqual(['建议']);
  });
});

describe('settledText', () => {
  it('keeps Chinese words and drops a Latin word still being typed', () => {
    expect(settledText('科技服务')).toBe('科技服务');
    expect(settledText('科技服务 kej')).toBe('科技服务');
    expect(settledText('keji ')).toBe('keji');
    expect(settledText('第104')).toBe('第');
    expect(settledText('keji')).toBe('');
  });
});
