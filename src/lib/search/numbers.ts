/**
 * Proposal numbers however readers type them. A number `14-3-0123` is the 123rd proposal of the 14th committee's third
 * session; readers write it 14-3-123, 14-3-0123, 十四届三次会议第123号, 第123号提案, 提案123号 … Each proposal is indexed
 * with two tokens no prose contains (`numberTokens`), and a query that is a proposal number is replaced by one of them
 * (`numberQuery`), so the proposal comes first and nothing else matches.
 */

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 1–99 written in Chinese numerals (十四, 二十, 三) or digits; undefined for anything else. */
export function parseSmallNumber(s: string): number | undefined {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九])?(十)?([〇零一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && ones ? undefined : DIGIT[(tens ?? ones)!];
  return (tens ? DIGIT[tens]! : 1) * 10 + (ones ? DIGIT[ones]! : 0);
}

const pad = (serial: number) => String(serial).padStart(4, '0');

/** Token of a whole proposal number (`pn14h3n0123`) and of its serial alone (`pn0123`). */
export function numberTokens(number: string): string[] {
  const m = /^(\d+)-(\d+)-(\d+)$/.exec(number);
  if (!m) return [];
  const serial = pad(Number(m[3]));
  return [`pn${Number(m[1])}h${Number(m[2])}n${serial}`, `pn${serial}`];
}

/** The proposal a query names: its session when given (term and meeting) and its serial. */
export interface NumberQuery {
  term?: number;
  meeting?: number;
  serial: number;
}

const CN = '[〇零一二三四五六七八九十两\\d]{1,3}';
const SEP = '[-‐‑–—./·]';
/** 14-3-123, 14-3-0123, 14.3.123 */
const DIGITS_FORM = new RegExp(`^(\\d{1,2})\\s*${SEP}\\s*(\\d{1,2})\\s*${SEP}\\s*(\\d{1,4})$`);
/** 十四届三次会议第58号(提案), 政协第十四届…第三次会议 第58号, 第十四届三次会议提案第58号 */
const SESSION_FORM = new RegExp(`^(?:政协)?第?(${CN})届.*?第?(${CN})次(?:会议)?(?:提案)?(?:第)?(\\d{1,4})号(?:提案)?$`);
/** 第58号提案, 提案58号, 提案第58号, 第58号, 58号 */
const SERIAL_FORM = /^(?:提案)?第?(\d{1,4})号(?:提案)?$/;

/** The proposal number a query is, in any of the forms above; undefined when the query is anything else. */
export function parseNumberQuery(query: string): NumberQuery | undefined {
  const q = query.normalize('NFKC').replace(/["“”]/g, '').trim();
  let m = DIGITS_FORM.exec(q);
  if (m) return { term: Number(m[1]), meeting: Number(m[2]), serial: Number(m[3]) };
  const compact = q.replace(/\s+/g, '');
  m = SESSION_FORM.exec(compact);
  if (m) {
    const term = parseSmallNumber(m[1]!);
    const meeting = parseSmallNumber(m[2]!);
    if (term !== undefined && meeting !== undefined) return { term, meeting, serial: Number(m[3]) };
  }
  m = SERIAL_FORM.exec(compact);
  if (m) return { serial: Number(m[1]) };
  return undefined;
}

/** The index token a proposal-number query searches for (see `numberTokens`), or undefined. */
export function numberQuery(query: string): string | undefined {
  const n = parseNumberQuery(query);
  if (!n || n.serial < 1) return undefined;
  return n.term !== undefined && n.meeting !== undefined
    ? `pn${n.term}h${n.meeting}n${pad(n.serial)}`
    : `pn${pad(n.serial)}`;
}
