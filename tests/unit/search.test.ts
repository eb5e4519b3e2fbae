import { describe, expect, it } from 'vitest';
import { chineseNumber, sessionShortName } from '../../src/lib/numerals.ts';
import {
  characterKeys,
  nameKeys,
  namesMeta,
  numberKeys,
  pinyinKeys,
  searchKeys,
  synonymKeys,
} from '../../src/lib/search/keys.ts';
import { parseQuery, queryTerms, settledText } from '../../src/scripts/search/query.ts';
import { compact, rerank, safeExcerpt, tier } from '../../src/scripts/search/rank.ts';
import { readState, writeState } from '../../src/scripts/search/state.ts';
import { collection } from '../../src/content/model.ts';
import { KIND_LABELS, panelFilters } from '../../src/lib/search/filters.ts';
import { breakWords } from '../../src/lib/search/segment.ts';

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
    expect(numberKeys('14-3-0123')).toEqual(['14-3-0123', '1430123', '0123', '123', 'pn14h3n0123', 'pn0123']);
  });

  it('add the other terms of a synonym group the text uses', () => {
    const groups = [
      ['发展和改革委员会', '发改委'],
      ['政治协商会议', '政协'],
    ];
    expect(synonymKeys('市发改委答复', groups)).toEqual(['发展和改革委员会']);
    expect(synonymKeys('长治市发展和改革委员会', groups)).toEqual(['发改委']);
    expect(synonymKeys('无关内容', groups)).toEqual([]);
  });

  it('keep title keys strong, and terms and synonyms weak and split into words', () => {
    const k = searchKeys({ title: '科技', number: '14-3-0001', text: '发改委', terms: ['乡村振兴'] }, [
      ['发改委', '发展和改革委员会'],
    ]);
    expect(k.strong).toContain('keji');
    expect(k.strong).toContain('pn0001');
    expect(k.weak).toBe(`${breakWords('乡村振兴', ' ')} || ${breakWords('发展和改革委员会', ' ')}`);
    expect(k.weak.split(' ')).toEqual(expect.arrayContaining(['乡村', '振兴', '改革']));
  });
});

describe('queries', () => {
  it('fold full-width forms and Chinese quotes', () => {
    expect(parseQuery('  “科技 服务”  ')).toMatchObject({ text: '"科技 服务"', compact: '科技服务', phrase: true });
    expect(parseQuery('ＫＪＦＷ').compact).toBe('kjfw');
  });
});

describe('re-ranking', () => {
  const a = { title: '关于加强养老服务的建议', content: '养老 服务 …' };
  const b = { title: '社区治理', content: '推进科技服务业发展' };
  const c = { title: '其他', content: '科技 … 服务 … 业' };

  it('puts a title containing the query first, then the exact phrase, then scattered parts', () => {
    expect(tier(a, '养老服务')).toBe(3);
    expect(tier(b, '科技服务')).toBe(1);
    expect(tier(c, '科技服务')).toBe(0);
    const t = { title: '科技服务业调研', content: '' };
    expect(rerank([c, b, t], compact('科技 服务'))).toEqual([t, b, c]);
  });

  it('puts a page’s own keys before those of the people it is by', () => {
    const member = { title: '谢慧兰', content: '', keys: 'xie huilan xiehuilan xhl 谢 慧 兰' };
    const voice = { title: '让科技服务业成为创新的加速器', content: '', keys: 'keji kj | xiehuilan xhl' };
    expect(tier(voice, 'xiehuilan')).toBe(2);
    expect(rerank([voice, member], 'xiehuilan')).toEqual([member, voice]);
  });

  it('ranks a page named by the query first, and a page tagged with the query before one that only names it', () => {
    const unit = {
      title: '长治市卫生健康委员会',
      content: '长治市卫生健康委员会 市卫健委',
      names: namesMeta(['市卫健委']),
    };
    const proposal = {
      title: '关于托育服务的提案',
      content: '市卫健委的答复',
      terms: searchKeys({ title: '', text: '', terms: ['市卫健委', '托育'] }, []).weak,
    };
    expect(tier(unit, '卫健委')).toBe(4);
    expect(rerank([proposal, unit], '卫健委')).toEqual([unit, proposal]);
    // A story with the unit's name in its title comes after the unit's own page, whichever part scored higher.
    const story = { title: '民主评议市卫健委工作', content: '' };
    expect(tier(story, '市卫健委')).toBe(3);
    expect(rerank([story, unit], '市卫健委')).toEqual([unit, story]);
    const member = { title: '谢慧兰', content: '' };
    expect(rerank([{ title: '谢慧兰委员调研', content: '' }, member], '谢慧兰')[0]).toBe(member);
    const tagged = {
      title: '新年茶话会',
      content: '茶话会',
      terms: searchKeys({ title: '', text: '', terms: ['委员之家', '凝聚共识'] }, []).weak,
    };
    const named = { title: '工作回眸', content: '建设委员之家十个' };
    expect(tier(tagged, '委员之家')).toBe(2);
    expect(tier(tagged, '凝聚')).toBe(0); // a part of a term is no tag
    expect(rerank([named, tagged], '委员之家')).toEqual([tagged, named]);
    // A synonym of a word the page uses is no term of its own.
    const using = {
      title: '调研',
      content: '市发改委',
      terms: searchKeys({ title: '', text: '市发改委', terms: ['调研'] }, [['发改委', '发展和改革委员会']]).weak,
    };
    expect(using.terms).toContain('发展和改革委员会'.slice(0, 2));
    expect(tier(using, '发展和改革委员会')).toBe(0);
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

  it('show the summary when no word of the text matched (the page was found by its search keys)', () => {
    expect(safeExcerpt('近年来，我市深入实施创新驱动发展战略', '摘要<b>')).toBe('摘要&lt;b&gt;');
  });

  it('never begin with punctuation', () => {
    expect(safeExcerpt('：：答复如下，<mark>科技</mark>服务')).toBe('答复如下，<mark>科技</mark>服务');
    expect(safeExcerpt('，<mark>科技</mark>')).toBe('<mark>科技</mark>');
  });
});

describe('search state in the URL', () => {
  it('round-trips query, filters, sort, range and page', () => {
    const s = readState(
      '?q=%E7%A7%91%E6%8A%80&unit=%E5%B8%82%E7%A7%91%E6%8A%80%E5%B1%80&sort=date&range=all&page=2&bogus=1',
    );
    expect(s).toEqual({ q: '科技', filters: { unit: '市科技局' }, sort: 'date', everyYear: true, page: 2 });
    expect(readState(writeState(s))).toEqual(s);
    expect(readState('?q=x&range=bogus').everyYear).toBe(false);
    expect(writeState({ q: '', filters: {}, sort: 'relevance', everyYear: false, page: 1 })).toBe('');
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

describe('the filters a panel offers', () => {
  it('offers every filter on the search page and only the proposal filters in 提案检索, in the same order', () => {
    expect(panelFilters('all').map((f) => f.name)).toEqual([
      'kind',
      'year',
      'session',
      'category',
      'unit',
      'sector',
      'status',
      'type',
      'key',
      'issue',
      'paperpage',
    ]);
    expect(panelFilters('proposals').map((f) => f.label)).toEqual([
      '年份',
      '届次',
      '类别',
      '承办单位',
      '界别',
      '办理状态',
      '提案类型',
      '重点提案',
    ]);
  });
});

describe('the 栏目 filter', () => {
  // The browser's bundle carries these names without the model, so they are checked against it here.
  it('names each kind of content as the model does', () => {
    const kinds = ['news', 'notices', 'reviews', 'proposals', 'voices', 'topics', 'members'] as const;
    expect(kinds.map((k) => KIND_LABELS[k])).toEqual(kinds.map((k) => collection(k).label));
  });
});
