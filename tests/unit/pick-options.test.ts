import { describe, expect, test } from 'vitest';
import { matchScore, optionsOf, optionsWithin, pieces, rankOptions } from '../../src/lib/pick-options.ts';

const sessions = optionsOf([
  { id: '13-5', name: '政协第十三届长治市委员会第五次会议' },
  { id: '14-1', name: '政协第十四届长治市委员会第一次会议' },
  { id: '14-3', name: '政协第十四届长治市委员会第三次会议' },
  { id: '14-4', name: '政协第十四届长治市委员会第四次会议' },
]);
const units = optionsOf([
  { id: 'zjj', name: '长治市住房和城乡建设局', shortName: '市住建局' },
  { id: 'scjgj', name: '长治市市场监督管理局', shortName: '市市场监管局' },
  { id: 'fgw', name: '长治市发展和改革委员会', shortName: '市发改委' },
]);
const ids = (o: { value: string }[]) => o.map((x) => x.value);

describe('typing in a taxonomy picker', () => {
  test('第三次 finds the third meeting only, not 第十三届…第五次 by scattered characters', () => {
    expect(ids(rankOptions(sessions, '第三次'))).toEqual(['14-3']);
    expect(pieces('第三次', '政协第十三届长治市委员会第五次会议')).toBeUndefined();
  });
  test('a name typed in parts, in order', () => {
    expect(ids(rankOptions(sessions, '十四届第三次'))).toEqual(['14-3']);
    expect(ids(rankOptions(sessions, '十四届 四次'))).toEqual(['14-4']);
    expect(ids(rankOptions(sessions, '14-3'))).toEqual(['14-3']);
  });
  test('units by short name, part of the name or id, the one found as written first', () => {
    expect(ids(rankOptions(units, '住建'))).toEqual(['zjj']);
    expect(ids(rankOptions(units, '市场监管'))).toEqual(['scjgj']);
    expect(ids(rankOptions(units, 'FGW'))).toEqual(['fgw']);
    expect(ids(rankOptions(units, '长治市'))).toEqual(['zjj', 'scjgj', 'fgw']);
    expect(matchScore(units[0]!, '住房建设')).toBe(2);
    expect(ids(rankOptions(units, '教育'))).toEqual([]);
  });
  test('nothing typed keeps every option in its order', () => {
    expect(rankOptions(units, ' ')).toBe(units);
  });
});

describe('a reply’s unit', () => {
  test('only the proposal’s own units, in their order, with their role', () => {
    const data = { leadUnits: ['zjj'], coUnits: ['fgw'] };
    expect(
      optionsWithin(units, data, ['leadUnits', 'coUnits', 'jointUnits'], ['主办', '协办', '会办']).map((o) => [
        o.value,
        o.role,
      ]),
    ).toEqual([
      ['zjj', '主办'],
      ['fgw', '协办'],
    ]);
  });
  test('a chosen unit no longer handling the proposal stays, marked, for the rules to name', () => {
    const o = optionsWithin(units, { leadUnits: ['zjj'] }, ['leadUnits'], ['主办'], ['scjgj']);
    expect(o.map((x) => [x.value, x.stale ?? false])).toEqual([
      ['zjj', false],
      ['scjgj', true],
    ]);
  });
});

test('items read from YAML: numbers as ids, a missing name shown as the id, rubbish skipped', () => {
  expect(optionsOf([{ id: 2024, name: '' }, null, { name: '无编号' }])).toEqual([
    { value: '2024', label: '2024', also: ['2024'] },
  ]);
  expect(optionsOf(undefined)).toEqual([]);
});
