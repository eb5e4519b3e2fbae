import { collections } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';

/**
 * The search battery: what readers type, and where the page they want must land: `rank: 1` (nothing ranks above it)
 * where the query is in the title, `rank: 3` (top three) where it is in the text, a reply or a filter, `rank: 5` for a tag many stories carry.
 * Every page ranked above shows the query, or what `shows` names (nothing unrelated ranks above).
 */
export interface Case {
  q: string;
  url: string;
  rank: 1 | 3 | 5;
  why: string;
  params?: Record<string, string>;
  /** What every page ranked above must show where the query itself need not (pinyin, slips, other names): `a|b`, either. */
  shows?: string;
}

const P = (n: string) => `/proposals/${n}/`;
const N = (n: string) => `/news/${n}/`;
const V = (n: string) => `/voices/${n}/`;
const newestProposal = rawEntries(collections.find((c) => c.name === 'proposals')!)
  .filter((p) => p.data.public !== false)
  .sort((a, b) => String(b.data.submitted).localeCompare(String(a.data.submitted)) || b.id.localeCompare(a.id))[0]!.id;

export const cases: Case[] = [
  // two-, three- and four-character words
  { q: '托育', url: P('14-3-0058'), rank: 3, why: 'two-character word in two titles (a proposal and a voice)' },
  { q: '农田', url: P('14-2-0021'), rank: 1, why: 'two-character word in a title' },
  { q: '古建筑', url: P('14-1-0036'), rank: 3, why: 'three-character word in two titles' },
  { q: '中医药', url: P('14-4-0104'), rank: 1, why: 'three-character word in a title' },
  { q: '智慧停车', url: P('14-1-0158'), rank: 1, why: 'four-character phrase in a title' },
  { q: '老旧小区', url: P('14-1-0158'.replace('14-1-0158', '13-5-0047')), rank: 1, why: 'four-character phrase' },
  { q: '出口创汇', url: P('14-4-0139'), rank: 1, why: 'four-character phrase in a title' },
  { q: '农村电商', url: P('14-4-0062'), rank: 1, why: 'four-character phrase in a title' },
  { q: '日间照料', url: P('14-3-0177'), rank: 3, why: 'four-character phrase in three titles' },
  // single characters: match anywhere in a title, not only at the start of a word
  { q: '汇', url: P('14-4-0139'), rank: 3, why: 'last character of a word (创汇)', shows: '汇' },
  { q: '湿', url: P('14-4-0187'), rank: 3, why: 'single character inside 湿地', shows: '湿' },
  { q: '托', url: P('14-3-0058'), rank: 3, why: 'single character', shows: '托' },
  // substrings across word boundaries
  { q: '技服务业', url: P('14-3-0123'), rank: 3, why: 'substring across the words 科技|服务业' },
  { q: '标准农田建', url: P('14-2-0021'), rank: 1, why: 'substring across words' },
  { q: '漳河流域', url: P('13-5-0112'), rank: 3, why: 'substring across words, in a proposal and a news title' },
  // quoted phrases
  { q: '"高标准农田"', url: P('14-2-0021'), rank: 1, why: 'ASCII-quoted phrase' },
  { q: '“普惠托育”', url: P('14-3-0058'), rank: 3, why: 'Chinese-quoted phrase', shows: '普惠托育' },
  // news, voices and reviews
  {
    q: '光伏产业',
    url: N('2023-06-08-guangfu-diaoyan'),
    rank: 3,
    why: 'news title (the 常委会议 专题 on 光伏产业 has it in its title too)',
  },
  { q: '新年茶话会', url: N('2025-01-01-xinnian-chahuahui'), rank: 1, why: 'news title' },
  { q: '爱心助学', url: N('2023-09-26-aixin-zhuxue'), rank: 1, why: 'news title' },
  { q: '密云', url: N('2024-03-27-huguan-miyun-kaocha'), rank: 1, why: 'place in a news title' },
  { q: '一盘棋', url: V('2025-06-10-zhuozhang-he-yipanqi'), rank: 1, why: 'voice title' },
  { q: '新农具', url: V('2024-10-22-zhibojian-xinnongju'), rank: 1, why: 'voice title' },
  { q: '最后一百米', url: V('2025-04-28-yiyang-jiehe'), rank: 1, why: 'voice title' },
  { q: '协商聚共识', url: '/reviews/2023-gongzuo-huimou/', rank: 1, why: 'review title' },
  // proposal numbers
  { q: '14-3-0123', url: P('14-3-0123'), rank: 1, why: 'full proposal number' },
  { q: '0123', url: P('14-3-0123'), rank: 1, why: 'serial of a proposal number' },
  { q: '第123号', url: P('14-3-0123'), rank: 1, why: 'number as written in prose' },
  { q: '14-2-0021', url: P('14-2-0021'), rank: 1, why: 'full proposal number' },
  // units
  { q: '市发改委', url: P('14-3-0123'), rank: 3, why: 'unit short name in a reply' },
  { q: '市科技局', url: P('14-3-0123'), rank: 3, why: 'lead unit' },
  { q: '市文物局', url: P('14-1-0036'), rank: 3, why: 'lead unit' },
  // members and collectives
  { q: '谢慧兰', url: '/members/xie-huilan/', rank: 1, why: 'member name' },
  { q: '张志强', url: '/members/zhang-zhiqiang/', rank: 1, why: 'member name' },
  { q: '九三学社', url: P('13-5-0112'), rank: 3, why: 'collective proposer', shows: '九三学社' },
  { q: '民盟', url: P('14-3-0058'), rank: 3, why: 'abbreviation of a collective proposer', shows: '民盟|民主同盟' },
  // pinyin and initials
  {
    q: 'keji fuwu',
    url: P('14-3-0123'),
    rank: 5,
    why: 'full pinyin of title words (three titles and the 科技服务业 专题)',
    shows: '科技',
  },
  { q: 'kjfw', url: P('14-3-0123'), rank: 3, why: 'initials of 科技服务 (three titles)', shows: '科技' },
  { q: 'xiehuilan', url: '/members/xie-huilan/', rank: 1, why: 'full pinyin of a name' },
  { q: 'tuoyu', url: P('14-3-0058'), rank: 3, why: 'pinyin of 托育', shows: '托育' },
  { q: 'zhihui tingche', url: P('14-1-0158'), rank: 1, why: 'full pinyin of 智慧停车' },
  { q: 'xinnian chahuahui', url: N('2025-01-01-xinnian-chahuahui'), rank: 1, why: 'full pinyin of a news title' },
  { q: 'zhtc', url: P('14-1-0158'), rank: 1, why: 'initials of 智慧停车 (zh-tc)' },
  { q: 'gjz', url: P('14-1-0036'), rank: 3, why: 'initials of 古建筑', shows: '古建筑' },
  // synonyms and abbreviations
  {
    q: '发展和改革委员会',
    url: P('14-3-0123'),
    rank: 3,
    why: 'full name of 市发改委',
    shows: '发改委|发展和改革委员会',
  },
  {
    q: '市场监管局',
    url: P('14-3-0123'),
    rank: 5,
    why: 'abbreviation of 市场监督管理局 (below the unit page and the 科技服务业 专题 and review naming it)',
    shows: '市场监管局|市场监督管理局',
  },
  // The unit's own page first, above the proposals whose replies and opinions name it in headings.
  { q: '卫健委', url: '/units/wjw/', rank: 1, why: 'abbreviation of 卫生健康委员会: the unit’s own page' },
  { q: '市卫健委', url: '/units/wjw/', rank: 1, why: 'a unit’s short name: the unit’s own page' },
  { q: '市科技局', url: '/units/kjj/', rank: 1, why: 'a unit’s short name: the unit’s own page' },
  { q: '卫生健康委员会', url: '/units/wjw/', rank: 1, why: 'a unit’s full name: the unit’s own page' },
  {
    q: '农工党',
    url: P('14-4-0104'),
    rank: 3,
    why: 'abbreviation of 中国农工民主党 / 农工党长治市委',
    shows: '农工党|农工民主党',
  },
  // traditional characters (converted with opencc-js at query time)
  { q: '農田', url: P('14-2-0021'), rank: 1, why: 'traditional 农田' },
  { q: '智慧停車', url: P('14-1-0158'), rank: 1, why: 'traditional 智慧停车' },
  { q: '中醫藥', url: P('14-4-0104'), rank: 1, why: 'traditional 中医药' },
  { q: '新年茶話會', url: N('2025-01-01-xinnian-chahuahui'), rank: 1, why: 'traditional news title' },
  { q: '協商聚共識', url: '/reviews/2023-gongzuo-huimou/', rank: 1, why: 'traditional review title' },
  { q: '謝慧蘭', url: '/members/xie-huilan/', rank: 1, why: 'traditional name' },
  // slips of the input method: one character of the same sound
  { q: '对伍', url: V('2024-09-20-keji-fuwuye-jiasuqi'), rank: 3, why: '对伍 for 队伍 (人才队伍)', shows: '队伍' },
  { q: '谢惠兰', url: '/members/xie-huilan/', rank: 1, why: '惠 for 慧 in a name' },
  { q: '智会停车', url: P('14-1-0158'), rank: 1, why: '会 for 慧 in a title' },
  { q: '中医要', url: P('14-4-0104'), rank: 1, why: '要 for 药' },
  { q: '农天', url: P('14-2-0021'), rank: 1, why: '天 for 田' },
  { q: '托玉', url: P('14-3-0058'), rank: 3, why: '玉 for 育', shows: '托育' },
  {
    q: '光扶产业',
    url: N('2023-06-08-guangfu-diaoyan'),
    rank: 3,
    why: '扶 for 伏 (the 光伏 专题 may rank first)',
    shows: '光伏',
  },
  // pinyin and initials of phrases in the text, not the title
  { q: 'gonggong tingche', url: P('14-1-0158'), rank: 1, why: 'pinyin of 公共停车 in the text' },
  { q: 'tcsf', url: P('14-1-0158'), rank: 1, why: 'initials of 停车收费 in the text' },
  {
    q: 'rencai duiwu',
    url: V('2024-09-20-keji-fuwuye-jiasuqi'),
    rank: 3,
    why: 'pinyin of 人才队伍 in the text',
    shows: '人才队伍',
  },
  { q: 'gjzbh', url: P('14-1-0036'), rank: 1, why: 'initials of 古建筑保护' },
  // tags
  {
    q: '有事来商量',
    url: V('2025-01-14-youshi-laishangliang'),
    rank: 3,
    why: 'a tag, in a title too',
    shows: '有事来商量',
  },
  // The story titled so first; search-trust.spec.ts checks every story tagged so comes before those merely naming it.
  { q: '委员之家', url: N('2025-06-03-xiangyuan-weiyuan-zhijia'), rank: 1, why: 'a tag, in a title too' },
  { q: '委员之家', url: N('2024-10-16-chengxizhuang-dianshang-xiaozhen'), rank: 5, why: 'a tag', shows: '委员之家' },
  // filters and sort
  { q: '建议', url: P('14-3-0123'), rank: 3, why: 'filter by unit', params: { unit: '市科技局' } },
  {
    q: '',
    url: P('14-2-0021'),
    rank: 3,
    why: 'filter by category alone',
    params: { category: '农业农村', kind: '提案与答复' },
  },
  { q: '', url: P('14-4-0187'), rank: 1, why: 'filter by status', params: { status: '立案' } },
  { q: '', url: P('14-4-0139'), rank: 1, why: 'filter by status', params: { status: '交办' } },
  {
    q: '',
    url: P('13-5-0112'),
    rank: 3,
    why: 'filter by session',
    params: { session: '十三届五次会议', key: '重点提案' },
  },
  {
    q: '',
    url: P('14-1-0036'),
    rank: 3,
    why: 'filter by sector-less collective and year',
    params: { year: '2022', type: '集体提案' },
  },
  { q: '建议', url: P(newestProposal), rank: 1, why: 'newest first', params: { sort: 'date', kind: '提案与答复' } },
];
