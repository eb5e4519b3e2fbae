import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT } from '../support/content.ts';
import dictionary from 'opencc-js/dict/TSCharacters';
import { distinctiveWords, phraseKeys, soundKeys, soundsTable } from '../../src/lib/search/keys.ts';
import { numberQuery, numberTokens, parseSmallNumber } from '../../src/lib/search/numbers.ts';
import { SOUNDS } from '../../src/scripts/search/sounds-table.ts';
import { holds, parseQuery } from '../../src/scripts/search/query.ts';
import { resultKind, resultLine } from '../../src/scripts/search/result-line.ts';
import { SUPPLEMENTARY, TRADITIONAL_BITS } from '../../src/scripts/search/traditional-table.ts';
import { hasTraditional, tableFromDictionary, toSimplified } from '../../src/scripts/search/traditional.ts';

describe('proposal numbers however they are typed', () => {
  const full = numberTokens('14-3-0058')[0];
  const serial = numberTokens('14-3-0058')[1];

  it('index a whole number and its serial as tokens no prose holds', () => {
    expect(numberTokens('14-3-0058')).toEqual(['pn14h3n0058', 'pn0058']);
    expect(numberTokens('not-a-number')).toEqual([]);
  });

  it('turn every form with a session into the whole number’s token', () => {
    for (const q of [
      '14-3-58',
      '14-3-0058',
      '１４－３－５８',
      '十四届三次会议第58号',
      '十四届三次会议 第58号',
      '第十四届三次会议第58号提案',
      '政协第十四届长治市委员会第三次会议第58号提案',
    ]) {
      expect(numberQuery(q), q).toBe(full);
    }
  });

  it('turn a serial alone into the serial’s token', () => {
    for (const q of ['第58号提案', '提案58号', '提案第58号', '第58号', '58号', '第0058号'])
      expect(numberQuery(q), q).toBe(serial);
  });

  it('leave other queries alone', () => {
    for (const q of ['58', '2024', '科技服务', '第58号文件', '14-3', 'keji']) expect(numberQuery(q), q).toBeUndefined();
  });

  it('read 届 and 次 in Chinese numerals', () => {
    expect([
      parseSmallNumber('三'),
      parseSmallNumber('十'),
      parseSmallNumber('十四'),
      parseSmallNumber('二十'),
      parseSmallNumber('九十九'),
    ]).toEqual([3, 10, 14, 20, 99]);
    expect(parseSmallNumber('一二')).toBeUndefined();
  });

  it('search a number query for its token alone', () => {
    expect(parseQuery('第58号提案')).toMatchObject({ text: serial, attempts: [{ text: serial }] });
  });
});

describe('how a query is searched', () => {
  it('searches a Chinese run that splits into single characters as a phrase first, then loosely', () => {
    const loose = { text: '发改委', mustHold: '发改委' };
    expect(parseQuery('发改委').attempts).toEqual([{ text: '"发改委"', also: loose }, loose]);
  });

  it('searches runs of whole words, Latin and several words loosely', () => {
    expect(parseQuery('科技服务').attempts).toEqual([{ text: '科技服务' }]);
    expect(parseQuery('zhihui tingche').attempts).toEqual([{ text: 'zhihui tingche' }]);
    expect(parseQuery('托育 服务').attempts).toEqual([{ text: '托育 服务' }]);
  });

  it('checks a quoted phrase holding symbols against the results’ text', () => {
    expect(parseQuery('“互联网+停车”').attempts).toEqual([
      { text: '"互联网+停车"', mustHold: '互联网+停车' },
      { text: '互联网+停车', mustHold: '互联网+停车' },
    ]);
    expect(holds('推广“互联网+停车”服务模式', '互联网+停车')).toBe(true);
    expect(holds('推广互联网停车服务', '互联网+停车')).toBe(false);
    expect(holds('《科技赋能 高质量发展行动计划》', '《科技赋能高质量发展行动计划》')).toBe(true);
  });
});

describe('traditional characters', () => {
  it('are told apart without the dictionary', () => {
    expect(hasTraditional('農業發展')).toBe(true);
    expect(hasTraditional('会議')).toBe(true);
    expect(hasTraditional('农业发展 谢慧兰 14-3-0123 keji')).toBe(false);
  });

  it('become simplified ones', async () => {
    expect(await toSimplified('農業發展')).toBe('农业发展');
    expect(await toSimplified('長治市政協會議')).toBe('长治市政协会议');
    expect(await toSimplified('科技服务')).toBe('科技服务');
  });

  it('leave simplified text as it is: no query copied from the sample content is changed', async () => {
    for (const folder of ['news', 'proposals', 'voices', 'reviews', 'members']) {
      for (const f of readdirSync(join(CONTENT, folder))) {
        const text = readFileSync(join(CONTENT, folder, f), 'utf8');
        expect(await toSimplified(text), `${folder}/${f}`).toBe(text);
      }
    }
  });

  it('are told by a table made from the installed opencc-js (run `node src/cli/traditional-table.ts` after upgrading it)', () => {
    expect(tableFromDictionary(dictionary)).toEqual({ bits: TRADITIONAL_BITS, supplementary: SUPPLEMENTARY });
  });
});

describe('a result’s line of facts', () => {
  const proposal = {
    meta: { number: '14-3-0123', author: '谢慧兰', lead: '市科技局', title: '…' },
    filters: { kind: ['提案与答复'], status: ['已办复'] },
  };

  it('gives a proposal’s number, proposer, lead unit and status, from metadata and filters', () => {
    expect(resultKind(proposal)).toBe('提案与答复');
    expect(resultLine(proposal)).toEqual([
      ['案号', '14-3-0123'],
      ['提案人', '谢慧兰'],
      ['主办单位', '市科技局'],
      ['状态', '已办复'],
    ]);
  });

  it('leaves out what a proposal lacks, and is empty for other pages', () => {
    expect(
      resultLine({
        ...proposal,
        meta: { number: '14-4-0187', author: '王建国' },
        filters: { kind: ['提案与答复'], status: ['立案'] },
      }),
    ).toEqual([
      ['案号', '14-4-0187'],
      ['提案人', '王建国'],
      ['状态', '立案'],
    ]);
    expect(resultLine({ meta: { author: '谢慧兰' }, filters: { kind: ['委员声音'] } })).toEqual([]);
  });
});

describe('slips of the input method', () => {
  it('spell a query by the sound of each character, as the keys are spelled', async () => {
    const { spell } = await import('../../src/scripts/search/spell.ts');
    expect([spell('对伍'), spell('会仪'), spell('谢惠兰')]).toEqual(['duiwu', 'huiyi', 'xiehuilan']);
    expect(soundKeys(['人才队伍建设'])).toEqual(['rencai', 'duiwu', 'jianshe']);
    expect(spell('队伍')).toBe(soundKeys(['队伍'])[0]);
  });

  it('choose a page’s distinctive words: frequent, of two characters or more, common words aside', () => {
    expect(distinctiveWords('建强人才队伍，人才队伍建设。我们推进工作，我们推进工作。托育')).toEqual(['人才', '队伍']);
  });

  it('spell the phrases the text makes of its distinctive words, whole and as initials', () => {
    const text = '推进智慧停车建设，智慧停车平台上线。停车收费标准不一。';
    expect(phraseKeys(text, ['智慧', '停车', '收费'])).toEqual(['zhihuitingche', 'zhtc', 'tingcheshoufei', 'tcsf']);
  });

  it('are spelled by a table made from the installed pinyin-pro (run `node src/cli/sounds-table.ts` after upgrading it)', () => {
    expect(soundsTable()).toBe(SOUNDS);
  });
});
